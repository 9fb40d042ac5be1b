from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.organisations.models import ROLES_BY_KIND, Organisation, PolicySettings, Role


class PolicySettingsForm(forms.ModelForm):
    class Meta:
        model = PolicySettings
        fields = [
            "brokerage",
            "reviews",
            "payment_through_platform",
            "zzp_listing",
            "training_required_for_listing",
            "public_register",
            "two_factor_for_staff",
        ]


class MemberAddForm(forms.Form):
    full_name = forms.CharField(label=_("Naam"), max_length=200, error_messages={"required": _("Vul een naam in.")})
    email = forms.EmailField(
        label=_("E-mailadres"),
        error_messages={"required": _("Vul een e-mailadres in."), "invalid": _("Dit is geen geldig e-mailadres.")},
    )
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ROLES_BY_KIND[Organisation.Kind(organisation.kind)]
        self.fields["role"].choices = [(r.value, r.label) for r in Role if r in allowed]

    def clean_email(self):
        return self.cleaned_data["email"].lower()
