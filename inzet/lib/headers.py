"""Headers for answers that hold personal data."""

from django.utils.cache import add_never_cache_headers


class NoStoreForPeopleMiddleware:
    """Nothing shown to a logged-in person (page, file or API answer) is kept by a browser or a
    proxy: `Cache-Control: no-store, private`. The API sets request.user from the key."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response
