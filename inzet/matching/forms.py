from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_TEAM = 20  # EngagementRequest.experts_needed is at most 20


class InviteForm(forms.Form):
    """One "Uitnodigen" button of the ranking."""

    expert = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class TeamInviteForm(forms.Form):
    """The "Heel het team uitnodigen" button: the proposed team's expert numbers, comma-separated."""

    experts = forms.CharField(widget=forms.HiddenInput, max_length=400)
    message = forms.CharField(
        label=_("Persoonlijk bericht aan het team (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_experts(self) -> list[int]:
        try:
            ids = [int(part) for part in self.cleaned_data["experts"].split(",") if part.strip()]
        except ValueError as exc:
            raise ValidationError(_("Dit team kan niet worden uitgenodigd. Laad de pagina opnieuw.")) from exc
        if not ids or len(ids) > MAX_TEAM or len(set(ids)) != len(ids) or min(ids) < 1:
            raise ValidationError(_("Dit team kan niet worden uitgenodigd. Laad de pagina opnieuw."))
        return ids
