"""{% unread_badge "messages" %}: the header's count, rendered on the server so it works without script."""

from django import template

from inzet.conversations.selectors import UNREAD_CAP

register = template.Library()


@register.inclusion_tag("conversations/_unread_badge.html", takes_context=True)
def unread_badge(context, kind: str) -> dict:
    counts = context.get("unread_counts") or {}
    count = counts.get(kind, 0) if counts else 0
    return {"kind": kind, "count": count, "label": f"{UNREAD_CAP}+" if count > UNREAD_CAP else str(count)}
