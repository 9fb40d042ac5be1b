import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User
from inzet.neighbourhood import consent as consent_rules
from inzet.neighbourhood.models import GroupActivity, TeamMember


def _members(team, **filters):
    return User.objects.filter(
        neighbourhood_teams__team=team,
        neighbourhood_teams__is_active=True,
        **{f"neighbourhood_teams__{k}": v for k, v in filters.items()},
    ).order_by("full_name")


class _Name(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email


class CaseMeetingForm(forms.Form):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    planned_for = forms.DateTimeField(
        label=_("Wanneer"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    place = forms.CharField(label=_("Waar (niet verplicht)"), required=False, max_length=200)
    participants = _Name(
        label=_("Wie uit het team doen mee?"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("U doet zelf altijd mee. Alleen wie meedoet, ziet het overleg."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Welke partners doen mee?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen partners waarvoor de bewoner toestemming gaf."),
    )

    def __init__(self, *args, trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = _members(trajectory.team)
        self.fields["partners"].queryset = consent_rules.shareable_partners(trajectory)


class RecordForm(forms.Form):
    record = forms.CharField(
        label=_("Kort verslag"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ActionForm(forms.Form):
    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    what = forms.CharField(label=_("Wat is afgesproken?"), max_length=1000)
    owner = forms.ModelChoiceField(label=_("Wie doet het?"), queryset=User.objects.none(), required=False)
    due_on = forms.DateField(
        label=_("Uiterlijk op"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _members(team)
        self.fields["owner"].label_from_instance = lambda u: u.full_name or u.email


class PreferencesForm(forms.Form):
    """What the resident finds important in an expert. Never a diagnosis."""

    languages = forms.MultipleChoiceField(label=_("Talen"), required=False, widget=forms.CheckboxSelectMultiple)
    age = forms.IntegerField(label=_("Leeftijd van de bewoner"), required=False, min_value=0, max_value=120)
    expert_gender = forms.ChoiceField(
        label=_("Liefst een ervaringsdeskundige die is"),
        required=False,
        choices=[("", _("Maakt niet uit")), ("vrouw", _("vrouw")), ("man", _("man")), ("non-binair", _("non-binair"))],
    )
    neighbourhood = forms.CharField(label=_("Wijk"), required=False, max_length=200)
    domains = forms.MultipleChoiceField(
        label=_("Bij welke leefgebieden helpt eigen ervaring?"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, languages, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = languages
        self.fields["domains"].choices = domains


class AgreeForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("De bewoner kiest"), queryset=User.objects.none())

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = _members(team, role=TeamMember.Role.EXPERT)


class MemberKlikForm(forms.Form):
    """What an expert chooses to tell the team for the klik. Never a diagnosis."""

    gender = forms.ChoiceField(
        label=_("Ik ben"),
        required=False,
        choices=[
            ("", _("Zeg ik liever niet")),
            ("vrouw", _("vrouw")),
            ("man", _("man")),
            ("non-binair", _("non-binair")),
        ],
    )
    birth_year = forms.IntegerField(
        label=_("Geboortejaar"),
        required=False,
        help_text=_("Niet verplicht. Zo kan een bewoner iemand van ongeveer dezelfde leeftijd kiezen."),
    )
    knows_areas = forms.CharField(
        label=_("Wijken die ik goed ken"),
        required=False,
        max_length=300,
        help_text=_("Scheid wijken met een komma, bijvoorbeeld: Overvecht, Zuilen"),
    )
    experience_domains = forms.MultipleChoiceField(
        label=_("Bij welke leefgebieden past mijn eigen ervaring?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experience_domains"].choices = domains


class GroupActivityForm(forms.Form):
    """A group activity and how many residents came. No names."""

    request_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    title = forms.CharField(label=_("Naam van de activiteit"), max_length=200)
    held_on = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    kind = forms.ChoiceField(label=_("Soort"), choices=GroupActivity.Kind.choices)
    attendees = forms.IntegerField(
        label=_("Hoeveel bewoners kwamen er?"),
        min_value=0,
        max_value=10000,
        help_text=_("Alleen het aantal. Schrijf geen namen op."),
    )
