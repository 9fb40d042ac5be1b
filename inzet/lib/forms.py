"""The form renderer: NL Design System (Utrecht) markup for every field.

The markup lives in templates (inzet/templates/forms/field.html and Django's widget templates).
The most common of them are also written out here in Python, producing the same characters: a
field through the template engine costs about a millisecond (field template, label template,
widget template, attrs template), and a search form of twenty fields cost more than the page's
queries. Anything not written out here (radio lists, file inputs, multi-widgets, a template a
project overrides) still goes through its template. tests/test_form_renderer.py renders every
form of the project both ways and requires the same output.
"""

from collections.abc import Callable

from django.forms.renderers import TemplatesSetting
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime


def _text(value) -> str:
    """`{{ value }}` in a template: localised, then escaped unless already safe."""
    value = localize(template_localtime(value))
    if not isinstance(value, str):
        value = str(value)
    return conditional_escape(value)


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html and django/forms/attrs.html."""
    if not attrs:
        return ""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_text(name)}")
        else:
            parts.append(f' {_text(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _input(context: dict) -> str:
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{conditional_escape(str(widget["value"]))}"'
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _select(context: dict) -> str | None:
    widget = context["widget"]
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            if option.get("template_name") != "django/forms/widgets/select_option.html":
                return None
            parts.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(context: dict) -> str:
    widget = context["widget"]
    value = _text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _label(context: dict) -> str:
    if not context["use_tag"]:
        return _text(context["label"])
    tag = _text(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{_text(context['label'])}</{tag}>"


def _field(context: dict) -> str:
    """inzet/templates/forms/field.html."""
    field = context["field"]
    if field.is_hidden:
        return _text(field)
    errors = field.errors
    invalid = " utrecht-form-field--invalid" if errors else ""
    auto_id = _text(field.auto_id)
    checkbox = field.widget_type == "checkbox"
    if field.use_fieldset:
        described = f' aria-describedby="{auto_id}_error"' if errors else ""
        required = ' <span class="inzet-required">*</span>' if field.field.required else ""
        head = (
            f'<fieldset class="utrecht-form-fieldset utrecht-form-field{invalid}"{described}>\n'
            f'  <legend class="utrecht-form-fieldset__legend">{_text(field.label)}{required}</legend>\n'
        )
    else:
        extra = " inzet-checkbox-field" if checkbox else ""
        label = "" if checkbox else f'<div class="utrecht-form-field__label">{_text(field.label_tag())}</div>'
        head = f'<div class="utrecht-form-field{invalid}{extra}">\n  {label}'
    help_text = (
        f'<div class="utrecht-form-field-description" id="{auto_id}_helptext">{_text(field.help_text)}</div>'
        if field.help_text
        else ""
    )
    error_html = (
        f'<div class="utrecht-form-field-error-message" id="{auto_id}_error">'
        + "".join(f"<p>{_text(error)}</p>" for error in errors)
        + "</div>"
        if errors
        else ""
    )
    if checkbox:
        control = f'<div class="inzet-checkbox">{_text(field)} {_text(field.label_tag())}</div>'
    else:
        control = f'<div class="utrecht-form-field__input">{_text(field)}</div>'
    close = "</fieldset>" if field.use_fieldset else "</div>"
    return f"{head}\n  {help_text}\n  {error_html}\n  {control}\n{close}"


_INPUTS = ("text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "search", "tel")
_IN_PYTHON: dict[str, Callable[[dict], str | None]] = {
    **{f"django/forms/widgets/{name}.html": _input for name in (*_INPUTS, "checkbox", "color")},
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/label.html": _label,
    "forms/field.html": _field,
}


class InzetFormRenderer(TemplatesSetting):
    """Renders every form field with NL Design System (Utrecht) markup, from inzet/templates/forms/."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
    in_python = True  # False: every template through the engine (the test compares both)

    def render(self, template_name, context, request=None) -> str:
        build = _IN_PYTHON.get(template_name) if self.in_python and request is None else None
        if build is not None:
            html = build(context)
            if html is not None:
                return mark_safe(html)  # noqa: S308 (every value in it is escaped above)
        return super().render(template_name, context, request)
