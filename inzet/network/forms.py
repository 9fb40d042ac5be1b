from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.lib import uploads
from inzet.network.models import Event, Partner, Scheme


class PartnerSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("Alle soorten")), *Partner.Kind.choices])


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "target_groups",
            "area",
            "postcode",
            "address",
            "services",
            "accessibility",
            "phone",
            "email",
            "website",
            "is_active",
        ]
        widgets = {"services": forms.Textarea(attrs={"rows": 3}), "accessibility": forms.Textarea(attrs={"rows": 3})}


class SignupForm(forms.Form):
    full_name = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(label=_("E-mailadres"), help_text=_("U krijgt een bevestiging met een persoonlijke link."))
    needs = forms.CharField(
        label=_("Wat heeft u nodig om mee te doen? (niet verplicht)"),
        help_text=_(
            "Bijvoorbeeld: een rolstoelplek, een tolk, prikkelarme ruimte, vervoer. Alleen de organisatoren zien dit."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    share_consent = forms.BooleanField(
        label=_("Mijn naam mag op de deelnemerslijst die andere deelnemers zien"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].error_messages["required"] = _("Vul uw naam in.")
        self.fields["email"].error_messages["required"] = _("Vul uw e-mailadres in.")


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "location",
            "accessibility",
            "capacity",
            "is_published",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("Het einde moet na het begin liggen."))
        return data


class ApplyForm(forms.Form):
    scheme = forms.ModelChoiceField(
        label=_("Keurmerk"), queryset=Scheme.objects.filter(is_active=True), empty_label="—"
    )
    partner = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Partner.objects.filter(is_active=True), empty_label="—"
    )
    scope = forms.CharField(label=_("Voor welke dienst? (leeg: de hele organisatie)"), required=False, max_length=300)
    evidence = forms.FileField(label=_("Bewijs (pdf, jpg of png)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = Scheme.objects.filter(is_active=True)
        self.fields["partner"].queryset = Partner.objects.filter(is_active=True)
        self.fields["evidence"].widget.attrs["accept"] = uploads.USES["evidence"].accept


class AssessForm(forms.Form):
    grant = forms.TypedChoiceField(
        label=_("Besluit"),
        choices=[("1", _("Toekennen")), ("0", _("Niet toekennen"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    assessment = forms.CharField(label=_("Beoordeling"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    assessed_on = forms.DateField(
        label=_("Beoordeeld op"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
