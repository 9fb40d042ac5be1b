from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
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


def _cell(value) -> str:
    return str(conditional_escape(shown(value)))


@register.simple_tag
def expert_rows(rows):
    """The rows of the expert list's table, written in Python: 25 rows of eight cells through the
    template engine cost ~3 ms a page. Every value is escaped (conditional_escape, as in a template)."""
    nothing = format_html('<span class="inzet-muted">{}</span>', _("niets gedeeld"))
    paused = " ({})".format(conditional_escape(_("pauze")))
    out = []
    for row in rows:
        areas = conditional_escape(", ".join(row.areas)) if row.areas else nothing
        out.append(
            f'\n    <tr>\n      <th scope="row">{conditional_escape(row.display_name)}</th>\n'
            f"      <td>{areas}</td>\n"
            f"      <td>{_cell(row.roles)}</td>\n"
            f"      <td>{_cell(row.expert_level)}</td>\n"
            f"      <td>{_cell(row.municipality)}</td>\n"
            f"      <td>{_cell(row.hours)}{paused if row.paused else ''}</td>\n"
            f"      <td>{_cell(row.work_form)}</td>\n"
            f"      <td>{conditional_escape(row.status)}</td>\n    </tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 (every value escaped above)
