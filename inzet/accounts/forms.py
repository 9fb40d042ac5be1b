from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import ApiToken


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _("Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters en probeer het opnieuw."),
        "inactive": _("Dit account is niet actief. Neem contact op met uw coördinator."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].lower()


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit uw app"),
        min_length=6,
        max_length=8,
        help_text=_("De code heeft 6 cijfers. U ziet hem in uw app voor tweestapsverificatie."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={
            "required": _("Vul de code in."),
            "min_length": _("De code heeft 6 cijfers."),
            "max_length": _("De code heeft 6 cijfers."),
        },
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("De code bestaat alleen uit cijfers."))
        return token


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "expires_at"]
        labels = {"name": _("Waarvoor gebruikt u deze sleutel?"), "expires_at": _("Verloopt op (niet verplicht)")}
        widgets = {"expires_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}
        error_messages = {"name": {"required": _("Geef de sleutel een naam, bijvoorbeeld ‘Rapportage’.")}}


class LanguageForm(forms.Form):
    preferred_language = forms.ChoiceField(label=_("Taal"))

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].choices = settings.LANGUAGES
