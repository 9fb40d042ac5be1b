from django import template

from inzet.lib import phrases
from inzet.lib.phrases_i18n import text

register = template.Library()


@register.filter
def phrase(item: object) -> str:
    """`{{ criterion.explanation|phrase }}`: a rule's explanation in the reader's language."""
    return text(item)


@register.filter
def plural_count(value: object) -> int:
    """`{% blocktranslate count counter=half_days|plural_count %}`: 1 only for exactly one (decimals)."""
    return phrases.plural_count(value)
