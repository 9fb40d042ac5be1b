import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.evaluation.models import ReportGrant
from inzet.evaluation.rules import Period, default_period
from inzet.neighbourhood.models import Team

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The report's period and scope, read from the query string (a report link can be shared)."""

    van = forms.DateField(label=_("Van"), required=False, widget=DATE)
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DATE)
    team = forms.ModelChoiceField(
        label=_("Wijkteam"), queryset=Team.objects.none(), required=False, empty_label=_("De hele organisatie")
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation).order_by("name")

    def clean(self):
        data = super().clean()
        fallback = default_period(timezone.localdate())
        start, end = data.get("van") or fallback.start, data.get("tot") or fallback.end
        if end < start:
            raise forms.ValidationError(_("De datum 'tot en met' ligt vóór de datum 'van'."))
        if (end - start).days > 5 * 366:
            raise forms.ValidationError(_("Kies een periode van hoogstens vijf jaar."))
        data["period"] = Period(start, end)
        return data


class GrantForm(forms.ModelForm):
    class Meta:
        model = ReportGrant
        fields = ["funder", "team", "period_start", "period_end", "expires_on"]
        widgets = {"period_start": DATE, "period_end": DATE, "expires_on": DATE}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation).order_by("name")
        self.fields["team"].empty_label = _("De hele organisatie")
        today = timezone.localdate()
        period = default_period(today)
        self.initial.setdefault("period_start", period.start)
        self.initial.setdefault("period_end", period.end)
        self.initial.setdefault("expires_on", today + dt.timedelta(days=90))
