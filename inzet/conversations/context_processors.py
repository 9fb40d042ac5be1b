from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from inzet.conversations import selectors


def unread(request):
    """The header's unread counts for people who are logged in.

    No page pays a query for them: the header carries the address of the `unread` view and
    inzet.js fills in the numbers; `unread_counts` is lazy, for a template that shows them itself.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "conversations_unread_url": reverse("conversations:unread"),
        "unread_counts": SimpleLazyObject(lambda: selectors.unread_counts(user)),
    }
