"""Field helpers the experts forms share: terms from a vocabulary, bounded numbers, dates, Dutch messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.taxonomy.models import Term

REQUIRED = _("Dit veld is verplicht.")
WHOLE_NUMBER = _("Vul een heel getal in.")
DATE_INVALID = _("Vul een datum in zoals 31-12-2026.")
NOT_SAY = ("", _("Dat zeg ik liever niet"))


def _terms(vocabulary: str | list[str]):
    vocabularies = [vocabulary] if isinstance(vocabulary, str) else vocabulary
    return Term.objects.filter(vocabulary__in=vocabularies, is_active=True)


def _term_choices(vocabulary: str | list[str], label, help_text="") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=_terms(vocabulary),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
        help_text=help_text,
    )


def _number(label, low: int, high: int, message, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages={"required": REQUIRED, "invalid": WHOLE_NUMBER, "min_value": message, "max_value": message},
    )


class _Dates(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


def _date(label, required=False, help_text="") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=_Dates(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"required": REQUIRED, "invalid": DATE_INVALID},
    )
