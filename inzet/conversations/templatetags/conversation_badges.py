"""{% unread_badge "messages" %}: the header's count, rendered on the server so it works without script."""

from django import template

from inzet.conversations.selectors import UNREAD_CAP

register = template.Library()


@register.inclusion_tag("conversations/_unread_badge.html", takes_context=True)
def unread_badge(context, kind: str, extra_class: str = "") -> dict:
    """kind: "messages", "notifications" or "total" (both: the closed account menu still tells)."""
    counts = context.get("unread_counts") or {}
    both = counts.get("messages", 0) + counts.get("notifications", 0)
    count = both if kind == "total" else counts.get(kind, 0)
    label = f"{UNREAD_CAP}+" if count > UNREAD_CAP else str(count)
    return {"kind": kind, "count": count, "label": label, "extra_class": extra_class}
