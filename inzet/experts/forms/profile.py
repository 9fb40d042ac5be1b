"""Profile page (pause, periods, training, competences), assisted sign-up and bank details."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.experts.forms.fields import _date, _terms
from inzet.experts.models import QualificationLevel, TrainingKind, TrainingStatus
from inzet.lib import uploads
from inzet.taxonomy import plain


class PauseForm(forms.Form):
    until = _date(
        _("Tot wanneer? (mag leeg blijven)"),
        help_text=_("U hoeft niet te zeggen waarom. Een pauze telt nergens tegen u."),
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until and until < timezone.localdate():
            raise forms.ValidationError(_("Kies een datum vanaf vandaag."))
        return until


class UnavailableForm(forms.Form):
    start = _date(_("Van"), required=True)
    end = _date(_("Tot en met"), required=True)
    note = forms.CharField(
        label=_("Notitie (alleen voor uzelf)"), max_length=200, required=False, help_text=_("Anderen zien dit nooit.")
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("De einddatum ligt vóór de begindatum."))
        return cleaned


class TrainingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=TrainingKind.choices, widget=forms.RadioSelect)
    name = forms.CharField(label=_("Naam"), max_length=200, error_messages={"required": _("Vul de naam in.")})
    provider = forms.CharField(label=_("Gegeven door"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=TrainingStatus.choices, initial=TrainingStatus.COMPLETED)
    qualification_level = forms.ChoiceField(
        label=_("Niveau"),
        choices=QualificationLevel.choices,
        required=False,
        help_text=_("Het niveau van de opleiding. EVC kiest u hierboven bij soort."),
    )
    completed_on = _date(_("Afgerond op"))
    valid_until = _date(_("Geldig tot"), help_text=_("Bijvoorbeeld voor een registratie in een beroepsregister."))
    evidence = forms.FileField(
        label=_("Bewijs (pdf, jpg of png, hoogstens 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
        error_messages={"invalid": _("Dit bestand kunnen we niet lezen. Kies een pdf, jpg of png.")},
    )

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        verdict = uploads.check("evidence", upload.name, upload, upload.size)
        messages = {
            uploads.TYPE: _("Dit soort bestand kan niet. Kies een pdf, jpg of png."),
            uploads.EMPTY: _("Dit bestand is leeg."),
            uploads.TOO_LARGE: _("Dit bestand is te groot. Het mag hoogstens 5 MB zijn."),
            uploads.CONTENT: _("Dit bestand is geen echte pdf, jpg of png. Kies een ander bestand."),
        }
        if not verdict.ok:
            raise forms.ValidationError(messages[verdict.problem])
        return upload

    def clean(self):
        cleaned = super().clean()
        done, until = cleaned.get("completed_on"), cleaned.get("valid_until")
        if done and until and until < done:
            self.add_error("valid_until", _("Deze datum ligt vóór de datum van afronden."))
        return cleaned


class CompetenceForm(forms.Form):
    competence = forms.ModelChoiceField(
        queryset=_terms("competence"),
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Welke competentie heeft u, vindt u zelf?"),
        error_messages={"required": _("Kies een competentie.")},
    )

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].queryset = _terms("competence").exclude(pk__in=list(taken))
        self.fields["competence"].label_from_instance = plain.label_with_explanation


# --- assisted sign-up --------------------------------------------------------------------------


class AssistedSignupForm(forms.Form):
    full_name = forms.CharField(
        label=_("Naam van de persoon"), max_length=200, error_messages={"required": _("Vul een naam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres van de persoon (mag leeg blijven)"),
        required=False,
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    invite = forms.BooleanField(
        label=_("Stuur de persoon een e-mail om zelf een wachtwoord te kiezen"),
        required=False,
        help_text=_("Zonder wachtwoord kan de persoon niet inloggen. U houdt het profiel dan bij."),
    )
    organisation = forms.ModelChoiceField(
        queryset=None, label=_("Organisatie"), empty_label=None, error_messages={"required": _("Kies een organisatie.")}
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations[0].pk

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("invite") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul een e-mailadres in als de persoon een e-mail moet krijgen."))
        return cleaned


class BankForm(forms.Form):
    """IBAN and account holder. A coordinator never sees the whole IBAN: the field starts empty for them."""

    iban = forms.CharField(
        label=_("IBAN"),
        max_length=42,
        required=False,
        help_text=_("Het nummer van uw bankrekening, bijvoorbeeld NL91 ABNA 0417 1643 00. Spaties mogen."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )
    account_holder = forms.CharField(
        label=_("Naam van de rekeninghouder"),
        max_length=100,
        required=False,
        help_text=_("Zoals de naam bij de bank staat."),
    )
