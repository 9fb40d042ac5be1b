from django.shortcuts import redirect
from django.urls import reverse

from inzet.accounts.twofactor import needs_setup, needs_verification

# Paths a half-logged-in person may still reach: the 2FA pages, logging out, static files.
# The API is not redirected (a JSON client cannot follow a page); it refuses such a session
# itself with 403 (inzet.api.auth), using the same accounts.twofactor rules.
_OPEN_PREFIXES = ("/static/", "/i18n/", "/api/")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(_OPEN_PREFIXES):
            open_paths = {
                reverse("accounts:two_factor_verify"),
                reverse("accounts:two_factor_setup"),
                reverse("accounts:logout"),
            }
            if request.path not in open_paths:
                if needs_verification(user):
                    return redirect("accounts:two_factor_verify")
                if needs_setup(user):
                    return redirect("accounts:two_factor_setup")
        return self.get_response(request)
