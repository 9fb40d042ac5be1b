from django.forms.renderers import TemplatesSetting


class InzetFormRenderer(TemplatesSetting):
    """Renders every form field with NL Design System (Utrecht) markup, from inzet/templates/forms/."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
