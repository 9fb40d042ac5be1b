import secrets

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User
from inzet.engagements.models import Invitation
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role
from inzet.support.models import MeetingKind, Outcome

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


class _NonceForm(forms.Form):
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("nonce", new_nonce())
        super().__init__(*args, **kwargs)


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.user.full_name if isinstance(obj, ExpertProfile) else obj.full_name


class TalkForm(_NonceForm):
    """A mentor talk. Staff choose the expert; an expert chooses the partner."""

    expert = _PersonChoice(label=_("Met wie"), queryset=ExpertProfile.objects.none(), required=False)
    partner = _PersonChoice(label=_("Gesprekspartner"), queryset=User.objects.none(), required=False)
    held_on = forms.DateField(label=_("Datum van het gesprek"), widget=DATE)
    goal = forms.CharField(label=_("Doel"), max_length=300, help_text=_("Aan welk doel werkt u samen?"))
    discussed = forms.CharField(
        label=_("Wat we bespraken"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Alleen de ervaringsdeskundige en de gesprekspartner lezen dit, tenzij de ervaringsdeskundige het deelt."
        ),
    )
    shared_with_coordinators = forms.BooleanField(label=_("Coördinatoren mogen lezen wat we bespraken"), required=False)
    next_steps = forms.CharField(
        label=_("Afgesproken volgende stappen"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_on = forms.DateField(label=_("Volgend gesprek"), required=False, widget=DATE)

    def __init__(self, *args, experts=None, partners=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("held_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        if experts is not None:
            self.fields["expert"].queryset = experts
            self.fields["expert"].required = True
            del self.fields["partner"], self.fields["shared_with_coordinators"]
        else:
            self.fields["partner"].queryset = partners
            self.fields["partner"].required = True
            del self.fields["expert"]


class CheckInForm(_NonceForm):
    score = forms.TypedChoiceField(
        label=_("Hoe gaat het met u?"),
        choices=[
            (1, _("1 – heel slecht")),
            (2, _("2 – niet goed")),
            (3, _("3 – gaat wel")),
            (4, _("4 – goed")),
            (5, _("5 – heel goed")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een cijfer van 1 tot en met 5.")},
    )
    words = forms.CharField(
        label=_("In uw eigen woorden (mag leeg blijven)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    words_shared = forms.BooleanField(label=_("Mijn coördinator mag mijn woorden lezen"), required=False)
    invitation = forms.ModelChoiceField(
        label=_("Gaat het over een opdracht? (mag leeg blijven)"),
        queryset=Invitation.objects.none(),
        required=False,
        empty_label=_("Nee, over hoe het nu gaat"),
    )

    def __init__(self, *args, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitation"].queryset = assignments
        self.fields["invitation"].label_from_instance = lambda i: i.request.title


class EarlyConversationForm(_NonceForm):
    held_on = forms.DateField(label=_("Datum van het gesprek"), widget=DATE)
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=Outcome.choices, widget=forms.RadioSelect)
    pause_until = forms.DateField(
        label=_("Pauze tot"),
        required=False,
        widget=DATE,
        help_text=_("Bij pauze of tijdelijk stoppen. Leeg: tot de ervaringsdeskundige zelf weer begint."),
    )
    notes = forms.CharField(label=_("Aantekeningen"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("held_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class BuddyProposeForm(forms.Form):
    first = _PersonChoice(label=_("Eerste ervaringsdeskundige"), queryset=ExpertProfile.objects.none())
    second = _PersonChoice(label=_("Tweede ervaringsdeskundige"), queryset=ExpertProfile.objects.none())

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first"].queryset = experts
        self.fields["second"].queryset = experts


class BuddyAnswerForm(forms.Form):
    share_phone = forms.BooleanField(label=_("Mijn buddy mag mijn telefoonnummer zien"), required=False)
    share_email = forms.BooleanField(label=_("Mijn buddy mag mijn e-mailadres zien"), required=False)


def partner_choices(profile: ExpertProfile):
    """Coordinators, mentors and fellow experts of the expert's organisation."""
    return (
        User.objects.filter(
            memberships__organisation_id=profile.organisation_id,
            memberships__is_active=True,
            memberships__role__in=(Role.COORDINATOR, Role.TRAINER, Role.EXPERT),
            is_active=True,
        )
        .exclude(pk=profile.user_id)
        .distinct()
        .order_by("full_name")
    )


DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingForm(_NonceForm):
    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=None)
    kind = forms.ChoiceField(label=_("Soort bijeenkomst"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Begint"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M"])
    ends_at = forms.DateTimeField(label=_("Eindigt"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M"])
    location = forms.CharField(label=_("Plaats of link"), max_length=300, required=False)
    facilitator = _PersonChoice(label=_("Begeleider"), queryset=User.objects.none())

    def __init__(self, *args, organisations, facilitators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["facilitator"].queryset = facilitators


class ReflectionForm(forms.Form):
    reflection = forms.CharField(
        label=_("Terugblik"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat ging goed, wat kan beter, wat nemen we mee? Noem geen persoonlijke verhalen."),
    )
