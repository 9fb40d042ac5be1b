from decimal import Decimal

from django import template

from inzet.engagements import quote
from inzet.lib import money

register = template.Library()


@register.filter
def euro(amount) -> str:
    """€ 1.234,50; — when there is no amount."""
    return money.euro_or_dash(amount)


@register.filter
def number_nl(value) -> str:
    """12 or 7,5"""
    if value is None or value == "":
        return "—"
    return quote.format_number(Decimal(value))
