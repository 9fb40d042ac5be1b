import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.neighbourhood.models import Trajectory


class FirstContactForm(forms.Form):
    """One short form: under a minute at a drop-in. Only the channel is needed."""

    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    channel = forms.ChoiceField(label=_("Hoe kwam de bewoner binnen?"), choices=Trajectory.Channel.choices)
    referrer = forms.CharField(label=_("Verwijzer (als die er is)"), required=False, max_length=200)
    question = forms.CharField(
        label=_("De vraag, in de woorden van de bewoner"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    name = forms.CharField(label=_("Naam of roepnaam (niet verplicht)"), required=False, max_length=200)
    reach = forms.CharField(
        label=_("Hoe bereiken we de bewoner? (niet verplicht)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
