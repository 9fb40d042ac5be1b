from decimal import Decimal

from django import template
from django.utils.safestring import mark_safe

from inzet.engagements import quote
from inzet.lib import money

register = template.Library()


@register.filter
def euro(amount) -> str:
    """€ 1.234,50 on one line (Utrecht currency data); — when there is no amount."""
    return mark_safe(money.euro_html(amount))  # noqa: S308 - built from a Decimal, no user text


@register.filter
def number_nl(value) -> str:
    """12 or 7,5"""
    if value is None or value == "":
        return "—"
    return quote.format_number(Decimal(value))


@register.simple_tag
def introduction_status(engagement) -> dict:
    """Where the kennismaking stands (engagements/introductions.py); {"required": False} when not asked."""
    from inzet.engagements import introductions

    return introductions.status(engagement)
