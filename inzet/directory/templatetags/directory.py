from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from inzet.directory.forms import Checkboxes

register = template.Library()


@register.filter
def shown(value):
    """An item as the viewer may see it: "not shared" for None (hidden), "not filled in" when empty."""
    if value is None:
        return format_html('<span class="inzet-muted">{}</span>', _("niet gedeeld"))
    if value == "" or value == []:
        return format_html('<span class="inzet-muted">{}</span>', _("niet ingevuld"))
    if isinstance(value, list):
        return ", ".join(value)
    return value


@register.filter
def field_group(field):
    """`field.as_field_group`, with checkbox lists built in Python (same markup as forms/field.html):
    the search form has 14 of them and the template route cost more than the page's queries."""
    if not isinstance(field.field.widget, Checkboxes):
        return field.as_field_group()
    error_id = f"{field.auto_id}_error"
    errors = (
        format_html(
            '<div class="utrecht-form-field-error-message" id="{}">{}</div>',
            error_id,
            format_html_join("", "<p>{}</p>", ((e,) for e in field.errors)),
        )
        if field.errors
        else ""
    )
    help_text = (
        format_html(
            '<div class="utrecht-form-field-description" id="{}_helptext">{}</div>', field.auto_id, field.help_text
        )
        if field.help_text
        else ""
    )
    return format_html(
        '<fieldset class="utrecht-form-fieldset utrecht-form-field{}"{}>'
        '<legend class="utrecht-form-fieldset__legend">{}</legend>{}{}'
        '<div class="utrecht-form-field__input">{}</div></fieldset>',
        " utrecht-form-field--invalid" if field.errors else "",
        format_html(' aria-describedby="{}"', error_id) if field.errors else "",
        field.label,
        help_text,
        errors,
        field.as_widget(),
    )
