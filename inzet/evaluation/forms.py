import datetime as dt
import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.evaluation.models import AskerFeedback, ExpertFeedback, Reflection, ReportGrant, Story
from inzet.evaluation.rules import Period, default_period
from inzet.neighbourhood.models import Team
from inzet.support.models import Meeting

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


class StoryForm(forms.ModelForm):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    consent = forms.BooleanField(
        label=_(
            "De verteller gaf toestemming voor wat hieronder is aangevinkt. "
            "De verteller weet dat hij of zij de toestemming altijd kan intrekken."
        ),
        required=True,
        error_messages={
            "required": _(
                "Zonder toestemming van de verteller kunnen we het verhaal niet gebruiken. "
                "Vink het vakje aan als de verteller toestemming gaf."
            )
        },
    )

    class Meta:
        model = Story
        fields = ["teller", "title", "text", "anonymous", "name_shown", "for_report", "for_website"]
        widgets = {"title": forms.TextInput, "name_shown": forms.TextInput, "text": forms.Textarea(attrs={"rows": 8})}

    def clean(self):
        data = super().clean()
        if not (data.get("for_report") or data.get("for_website")):
            self.add_error("for_report", _("Kies waarvoor het verhaal gebruikt mag worden."))
        if data.get("anonymous") is False and not (data.get("name_shown") or "").strip():
            self.add_error("name_shown", _("Vul de naam in, of laat het verhaal anoniem."))
        return data


class ReflectionForm(forms.ModelForm):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = Reflection
        fields = ["occasion", "meeting", "held_on", "went_well", "was_hard", "we_learn"]
        widgets = {
            "held_on": DATE,
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "was_hard": forms.Textarea(attrs={"rows": 3}),
            "we_learn": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        now = timezone.now()
        self.fields["meeting"].queryset = Meeting.objects.filter(
            organisation=organisation, starts_at__lte=now, starts_at__gte=now - dt.timedelta(days=365)
        ).order_by("-starts_at")
        self.fields["meeting"].required = False
        self.fields["meeting"].empty_label = _("Geen bijeenkomst in Inzet")
        self.initial.setdefault("held_on", timezone.localdate())


def _no_blank_choice(form, names) -> None:
    # A model field with choices and no default gets a "---------" choice: not a radio button to offer.
    for name in names:
        field = form.fields[name]
        field.choices = [choice for choice in field.choices if choice[0] != ""]


class AskerFeedbackForm(forms.ModelForm):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_blank_choice(self, ["goal_met", "cooperation", "price"])

    class Meta:
        model = AskerFeedback
        fields = ["goal_met", "cooperation", "follow_up", "price", "remarks"]
        widgets = {
            "goal_met": forms.RadioSelect,
            "cooperation": forms.RadioSelect,
            "price": forms.RadioSelect,
            "follow_up": forms.Textarea(attrs={"rows": 4}),
            "remarks": forms.Textarea(attrs={"rows": 3}),
        }


class ExpertFeedbackForm(forms.ModelForm):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_blank_choice(self, ["conditions", "safety", "paid"])

    class Meta:
        model = ExpertFeedback
        fields = ["conditions", "safety", "paid", "remarks"]
        widgets = {
            "conditions": forms.RadioSelect,
            "safety": forms.RadioSelect,
            "paid": forms.RadioSelect,
            "remarks": forms.Textarea(attrs={"rows": 3}),
        }


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Uw besluit"),
        choices=[("approve", _("Goedkeuren (met de tekst zoals hieronder)")), ("refuse", _("Weigeren"))],
        widget=forms.RadioSelect,
    )
    follow_up = forms.CharField(
        label=_("Wat is er met de inbreng gedaan?"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    remarks = forms.CharField(
        label=_("Opmerkingen (haal weg wat niet gedeeld mag worden)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, with_follow_up: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_follow_up:
            del self.fields["follow_up"]


class StigmaWordForm(forms.Form):
    word = forms.CharField(label=_("Nieuw woord"), max_length=60)


class BudgetForm(forms.Form):
    """Per cost item the budget and what was spent, for one year (004 l.2100–2168)."""

    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)

    def __init__(self, *args, lines: dict, **kwargs):
        from inzet.evaluation.models import CostItem

        super().__init__(*args, **kwargs)
        for code, label in CostItem.choices:
            line = lines.get(code)
            self.fields[f"budget_{code}"] = forms.DecimalField(
                label=_("%(item)s: begroot (euro)") % {"item": label},
                required=False,
                min_value=0,
                max_digits=12,
                decimal_places=2,
                initial=line.budget if line else None,
            )
            if code != CostItem.EXPERTS:  # paid to experts: read from the payments in Inzet
                self.fields[f"spent_{code}"] = forms.DecimalField(
                    label=_("%(item)s: uitgegeven (euro)") % {"item": label},
                    required=False,
                    min_value=0,
                    max_digits=12,
                    decimal_places=2,
                    initial=line.spent if line else None,
                )

    def lines(self) -> dict:
        from inzet.evaluation.models import CostItem

        data = self.cleaned_data
        return {code: (data.get(f"budget_{code}"), data.get(f"spent_{code}")) for code in CostItem.values}
