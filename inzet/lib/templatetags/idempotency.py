from django import template
from django.utils.html import format_html

from inzet.lib.idempotency import FIELD, new_token

register = template.Library()


@register.simple_tag
def idempotency_token() -> str:
    """A one-time token for a POST form: sent twice, the form is still handled once."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
