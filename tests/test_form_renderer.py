"""The form renderer writes the common field templates out in Python (inzet/lib/forms.py): every
form of the project must come out character for character as the templates make it, empty and
filled in with values that need escaping or fail validation, in Dutch and in English."""

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from django import forms
from django.utils import translation

import inzet
from inzet.lib.forms import InzetFormRenderer

pytestmark = pytest.mark.django_db


def _project_forms() -> list[type[forms.BaseForm]]:
    found = {}
    for module_info in pkgutil.walk_packages(inzet.__path__, "inzet."):
        if not module_info.name.rsplit(".", 1)[-1].startswith("forms") or ".tests" in module_info.name:
            continue
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__ and cls.base_fields:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[key] for key in sorted(found)]


def _renderer(in_python: bool) -> InzetFormRenderer:
    renderer = InzetFormRenderer()
    renderer.in_python = in_python
    return renderer


def _awkward_data(form_class) -> dict:
    """A value for every field that needs escaping, is invalid for most, or is a real choice."""
    data = {}
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.BooleanField):
            data[name] = "on"
        elif isinstance(field, forms.DateField):
            data[name] = date(2026, 12, 5).isoformat()
        elif isinstance(field, forms.ModelChoiceField):
            data[name] = "999999"
        elif isinstance(field, forms.ChoiceField) and field.choices:
            values = [value for value, _label in field.choices if not isinstance(_label, list | tuple)]
            data[name] = values[-1] if values else "<b>&</b>"
        else:
            data[name] = "<script>\"x\" & 'y'</script>"
    return data


def _render_both(form_class, data) -> tuple[str, str] | None:
    """The same form instance (its bound fields, with any generated initial value) both ways."""
    try:
        form = form_class(data) if data is not None else form_class()
    except TypeError:
        return None  # needs arguments (an instance, a request...): rendered in its own page tests
    if any(isinstance(f, forms.ModelChoiceField) and f.queryset is None for f in form.fields.values()):
        return None  # its choices come from an argument
    if data is not None:
        form.is_valid()
    outputs = []
    for in_python in (True, False):
        form.renderer = _renderer(in_python)
        html = "".join(str(form[name].as_field_group()) for name in form.fields)
        outputs.append(html + str(form.as_div()))
    return outputs[0], outputs[1]


def test_every_form_renders_the_same_in_python_as_through_the_templates():
    compared = 0
    for form_class in _project_forms():
        for language in ("nl", "en"):
            with translation.override(language):
                for data in (None, _awkward_data(form_class)):
                    both = _render_both(form_class, data)
                    if both is None:
                        continue
                    fast, slow = both
                    assert fast == slow, f"{form_class.__module__}.{form_class.__qualname__} ({language}, data={data})"
                    compared += 1
    # About forty forms of the project take no arguments; most pages use them.
    assert compared >= 100, compared


def test_every_widget_kind_the_renderer_writes_out_is_covered():
    class AllKinds(forms.Form):
        text = forms.CharField(help_text="Uitleg <b>", max_length=5)
        number = forms.IntegerField(required=False, min_value=1)
        amount = forms.DecimalField(required=False)
        email = forms.EmailField(required=False)
        url = forms.URLField(required=False)
        password = forms.CharField(widget=forms.PasswordInput, required=False)
        hidden = forms.CharField(widget=forms.HiddenInput, required=False)
        day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
        time = forms.TimeField(required=False)
        moment = forms.DateTimeField(required=False)
        note = forms.CharField(widget=forms.Textarea, required=False)
        agree = forms.BooleanField(label="Akkoord?", required=True)
        pick = forms.ChoiceField(
            choices=[("", "---"), ("a", "A & B"), ("Groep", [("c", "C"), ("d", "<D>")])], required=False
        )
        many = forms.MultipleChoiceField(choices=[("1", "een"), ("2", "twee")], required=False)
        radio = forms.ChoiceField(choices=[("x", "X")], widget=forms.RadioSelect, required=False)

    for data in (
        None,
        {"text": "te lang <tekst>", "number": "0", "amount": "1,5", "pick": "d", "many": ["1", "2"], "note": "a\n<b>"},
        {"text": "ok", "agree": "on", "moment": "2026-12-05 10:00", "hidden": '"', "pick": "a"},
    ):
        fast, slow = _render_both(AllKinds, data)
        assert fast == slow
    assert "&lt;D&gt;" in fast and "<optgroup" in fast and 'type="checkbox"' in fast


def test_the_python_path_is_taken():
    """Without it the page would be as slow as before and this file would compare a path with itself."""
    calls = []

    class Counting(InzetFormRenderer):
        def get_template(self, template_name):
            calls.append(template_name)
            return super().get_template(template_name)

    class Simple(forms.Form):
        name = forms.CharField()
        kind = forms.ChoiceField(choices=[("a", "A")])

    form = Simple()
    form.renderer = Counting()
    str(form["name"].as_field_group()) + str(form["kind"].as_field_group())
    assert calls == []
    form.renderer.in_python = False
    str(form["name"].as_field_group())
    assert "forms/field.html" in calls
