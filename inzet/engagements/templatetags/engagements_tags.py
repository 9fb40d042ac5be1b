from decimal import Decimal

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inzet.engagements import quote
from inzet.lib import money

register = template.Library()


def _english() -> bool:
    return (get_language() or "nl").startswith("en")


@register.filter
def euro(amount) -> str:
    """€ 1.234,50 in Dutch, €1,234.50 in English, on one line (Utrecht currency data); — when there is no amount."""
    return mark_safe(money.euro_html(amount, english=_english()))  # noqa: S308 - built from a Decimal, no user text


@register.filter
def number_nl(value) -> str:
    """12 or 7,5 in Dutch; 7.5 on an English page (the name is older than the English)."""
    if value is None or value == "":
        return "—"
    number = Decimal(value)
    return money.format_number_en(number) if _english() else quote.format_number(number)


@register.simple_tag
def introduction_status(engagement) -> dict:
    """Where the kennismaking stands (engagements/introductions.py); {"required": False} when not asked."""
    from inzet.engagements import introductions

    return introductions.status(engagement)
