from django import template

from inzet.lib.phrases_i18n import text

register = template.Library()


@register.filter
def phrase(item: object) -> str:
    """`{{ criterion.explanation|phrase }}`: a rule's explanation in the reader's language."""
    return text(item)
