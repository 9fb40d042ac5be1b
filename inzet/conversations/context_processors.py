from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from inzet.conversations import selectors


def unread(request):
    """The header's unread counts for people who are logged in, rendered on the server.

    Lazy and kept on the request: the one bounded query runs only when a template shows a badge,
    and once per request however often it is shown. inzet.js may refresh the numbers later.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def counts() -> dict[str, int]:
        if not hasattr(request, "_inzet_unread_counts"):
            request._inzet_unread_counts = selectors.unread_counts(user)
        return request._inzet_unread_counts

    return {
        "conversations_unread_url": reverse("conversations:unread"),
        "unread_counts": SimpleLazyObject(counts),
    }
