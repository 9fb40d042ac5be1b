import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.lib import uploads


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Uw bericht"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Uw bericht is te lang. Maak het korter dan 10.000 tekens.")},
    )
    file = forms.FileField(
        label=_("Bestand meesturen (niet verplicht)"),
        required=False,
        help_text=_("Een pdf, Word-bestand (docx), OpenDocument (odt) of foto (jpg, png). Hoogstens 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": uploads.USES["attachment"].accept}),
        error_messages={"empty": _("Dit bestand is leeg.")},
    )
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64)

    MESSAGES = {
        uploads.TYPE: _("Dit soort bestand kan niet. Kies een pdf, docx, odt, jpg of png."),
        uploads.CONTENT: _(
            "Dit bestand is niet wat de naam zegt. Kies een echt pdf-, docx-, odt-, jpg- of png-bestand."
        ),
        uploads.TOO_LARGE: _("Dit bestand is groter dan 10 MB. Kies een kleiner bestand."),
        uploads.EMPTY: _("Dit bestand is leeg."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["nonce"] = uuid.uuid4().hex

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        verdict = uploads.check("attachment", upload.name, upload, upload.size)
        if not verdict.ok:
            raise forms.ValidationError(self.MESSAGES[verdict.problem])
        return upload

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("body") or "").strip() and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError(_("Schrijf een bericht of voeg een bestand toe."))
        return cleaned


class DigestForm(forms.Form):
    email_digest = forms.BooleanField(
        label=_("Stuur mij één keer per dag een e-mail met nieuwe meldingen"), required=False
    )
