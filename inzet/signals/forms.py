import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.signals.models import Bundle, Overview, Signal, Theme


def _themes():
    return Theme.objects.filter(is_active=True)


class ReportForm(forms.Form):
    """What anyone can report. Only the theme and the description are needed."""

    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    theme = forms.ModelChoiceField(label=_("Thema"), queryset=_themes(), empty_label="—")
    description = forms.CharField(
        label=_("Wat loopt er vast?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    description_private = forms.BooleanField(
        label=_("Mijn beschrijving is privé: gebruik die niet in een openbaar overzicht"), required=False
    )
    concerns = forms.CharField(label=_("Over welke regel of organisatie gaat het?"), required=False, max_length=300)
    concerns_private = forms.BooleanField(label=_("De regel of organisatie is privé"), required=False)
    place = forms.CharField(label=_("Waar (gemeente of plaats)?"), required=False, max_length=200)
    place_private = forms.BooleanField(label=_("De plaats is privé"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = _themes()
        self.fields["theme"].error_messages["required"] = _("Kies een thema.")
        self.fields["description"].error_messages["required"] = _("Beschrijf kort wat er vastloopt.")


class WebReportForm(ReportForm):
    anonymous = forms.BooleanField(
        label=_("Meld anoniem: mijn account wordt niet aan dit signaal gekoppeld"), required=False
    )


class PhoneReportForm(ReportForm):
    """A coordinator records a signal told by phone or at the desk."""

    channel = forms.ChoiceField(
        label=_("Hoe kwam het signaal binnen?"),
        choices=[
            (Signal.Channel.PHONE, Signal.Channel.PHONE.label),
            (Signal.Channel.WALK_IN, Signal.Channel.WALK_IN.label),
        ],
    )
    reporter_name = forms.CharField(label=_("Naam van de melder (niet verplicht)"), required=False, max_length=200)
    reporter_contact = forms.CharField(
        label=_("Hoe bereiken we de melder? (niet verplicht)"), required=False, max_length=200
    )


class HandleForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Signal.Status.choices)
    bundle = forms.ModelChoiceField(label=_("Bundel"), queryset=Bundle.objects.none(), required=False, empty_label="—")
    answer = forms.CharField(
        label=_("Antwoord aan de melder"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bundle"].queryset = Bundle.objects.select_related("theme")


class BundleForm(forms.ModelForm):
    class Meta:
        model = Bundle
        fields = ["title", "theme", "action", "answer"]
        widgets = {"action": forms.Textarea(attrs={"rows": 3}), "answer": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"action": _("Dit komt in het openbare overzicht van knelpunten. Schrijf het zonder namen.")}


class OverviewForm(forms.ModelForm):
    class Meta:
        model = Overview
        fields = ["title", "period_start", "period_end", "intro"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "intro": forms.Textarea(attrs={"rows": 3}),
        }


class ExampleForm(forms.Form):
    signal = forms.IntegerField(widget=forms.HiddenInput, required=False)
    theme = forms.ModelChoiceField(label=_("Thema"), queryset=Theme.objects.all(), empty_label="—")
    text = forms.CharField(
        label=_("Voorbeeld (zonder namen)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
