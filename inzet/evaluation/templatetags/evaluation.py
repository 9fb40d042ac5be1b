from django import template

from inzet.evaluation.counts import shown

register = template.Library()


@register.filter
def count(value):
    """A count as the report shows it: 1–4 read "minder dan 5"."""
    return shown(value)
