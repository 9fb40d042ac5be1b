from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.training.models import Course
from inzet.training.services import COURSE_FIELDS


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = list(COURSE_FIELDS)  # the fields the service writes, nothing else
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "title": {"required": _("Vul de titel in.")},
            "provider": {"required": _("Vul in wie de cursus geeft.")},
            "lessons": {"required": _("Vul het aantal lessen in.")},
            "hours_per_lesson": {"required": _("Vul in hoeveel uur een les duurt.")},
            "starts_on": {"required": _("Vul de datum van de eerste les in."), "invalid": _("Dit is geen datum.")},
            "ends_on": {"required": _("Vul de datum van de laatste les in."), "invalid": _("Dit is geen datum.")},
            "places": {"required": _("Vul het aantal plaatsen in.")},
        }

    def clean(self):
        cleaned = super().clean()
        _check_dates(self)
        return cleaned


class VerifyForm(forms.Form):
    valid_until = forms.DateField(
        label=_("Geldig tot"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leeg laten als de opleiding geldig blijft."),
        error_messages={"invalid": _("Dit is geen datum.")},
    )


def _check_dates(form: CourseForm) -> None:
    starts, ends = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
    if starts and ends and ends < starts:
        form.add_error(
            "ends_on", _("De laatste les ligt vóór de eerste les. Kies een latere datum voor de laatste les.")
        )
    lessons, minimum = form.cleaned_data.get("lessons"), form.cleaned_data.get("minimum_lessons")
    if lessons and minimum and minimum > lessons:
        form.add_error("minimum_lessons", _("Het minimum is hoger dan het aantal lessen. Vul een kleiner getal in."))
