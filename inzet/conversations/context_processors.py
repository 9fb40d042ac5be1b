from inzet.conversations import selectors


def unread(request):
    """Unread messages and notifications for the header (two queries, only for people who are logged in)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_counts": selectors.unread_counts(user)}
