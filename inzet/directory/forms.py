from functools import lru_cache

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from inzet.directory.filters import ExpertFilters
from inzet.directory.reference import Reference
from inzet.experts.models import ExpertStatus, Weekday, WorkForm, neutral_reward_choices

SORT_CHOICES = [
    ("name", _("Naam (A tot Z)")),
    ("updated", _("Laatst bijgewerkt")),
    ("hours", _("Meeste uren per week")),
]
# form field -> vocabulary of its choices
TERM_FIELDS = {
    "areas": "experience_area",
    "levels": "level",
    "roles": "role",
    "relational_roles": "relational_role",
    "settings": "practice_setting",
    "competences": "competence",
    "languages": "language",
}
MAX_DB_INT = 2**63 - 1


def _db_id(value) -> int:
    """An id as the database can hold it; a larger number is an invalid choice, not a 500."""
    number = int(value)
    if not 0 < number <= MAX_DB_INT:
        raise ValueError(value)
    return number


PAUSED_CHOICES = [("", _("Maakt niet uit")), ("no", _("Niet met pauze")), ("yes", _("Met pauze"))]


@lru_cache(maxsize=512)
def _option_parts(base_id: str, name: str, choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """(value, markup before " checked", markup after) per option, every part escaped: the same
    lists are shown on every search, and escaping ~100 options cost ~1 ms a page."""
    base_id, name = escape(base_id), escape(name)
    return tuple(
        (
            value,
            f'<div><label for="{base_id}_{i}"><input type="checkbox" name="{name}" value="{escape(value)}" '
            f'id="{base_id}_{i}"',
            f"> {escape(label)}</label></div>",
        )
        for i, (value, label) in enumerate(choices)
    )


class Checkboxes(forms.CheckboxSelectMultiple):
    """Django's checkbox list markup, built in Python: the filter form has about 90 options and
    rendering each through three widget templates cost more than all the page's queries."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id", f"id_{name}")
        values = value if isinstance(value, list | tuple) else ([] if value in (None, "") else [value])
        selected = {str(v) for v in values}
        parts = _option_parts(base_id, name, tuple((str(choice), str(label)) for choice, label in self.choices))
        options = "".join(
            f"{head} checked{tail}" if option in selected else f"{head}{tail}" for option, head, tail in parts
        )
        return mark_safe(f'<div id="{escape(base_id)}">{options}</div>')  # noqa: S308 (every part escaped above)


class _LateChoices(forms.TypedMultipleChoiceField):
    """Choices from the reference data, filled in by set_reference() after the page query, so labels
    and the page's linked rows come in one query. Any value of the right type is accepted: an
    unknown one finds nobody."""

    def valid_value(self, value) -> bool:
        return True


class _LateChoice(forms.ChoiceField):
    def valid_value(self, value) -> bool:
        return True


def _checkboxes(label, choices=(), coerce=str, help_text="", field_class=forms.TypedMultipleChoiceField):
    return field_class(
        label=label,
        choices=choices,
        coerce=coerce,
        required=False,
        widget=Checkboxes,
        help_text=help_text,
    )


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class ExpertFilterForm(forms.Form):
    """The coordinator's search form (GET). Filters on items only find experts who share that item."""

    q = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=200,
        help_text=_("Zoek op naam, ervaringsgebied, rol, taal, opleiding of woonplaats."),
    )
    sort = forms.ChoiceField(label=_("Sorteren op"), choices=SORT_CHOICES, required=False)
    available_from = forms.DateField(label=_("Beschikbaar vanaf"), required=False, widget=_DateInput())
    available_to = forms.DateField(label=_("Beschikbaar tot en met"), required=False, widget=_DateInput())
    min_hours = forms.IntegerField(label=_("Minimaal uren per week"), required=False, min_value=0, max_value=60)
    paused = forms.ChoiceField(label=_("Pauze"), choices=PAUSED_CHOICES, required=False)
    competence_confirmed = forms.BooleanField(label=_("Alleen competenties die bevestigd zijn"), required=False)
    areas = _checkboxes(_("Ervaringsgebied"), coerce=_db_id, field_class=_LateChoices)
    levels = _checkboxes(_("Niveau"), coerce=_db_id, field_class=_LateChoices)
    roles = _checkboxes(_("Rol"), coerce=_db_id, field_class=_LateChoices)
    relational_roles = _checkboxes(_("Hoe iemand zich opstelt"), coerce=_db_id, field_class=_LateChoices)
    settings = _checkboxes(_("Waar iemand wil werken"), coerce=_db_id, field_class=_LateChoices)
    competences = _checkboxes(_("Competentie"), coerce=_db_id, field_class=_LateChoices)
    languages = _checkboxes(_("Taal"), coerce=_db_id, field_class=_LateChoices)
    municipalities = _checkboxes(_("Gemeente"), field_class=_LateChoices)
    regions = _checkboxes(_("Regio"), field_class=_LateChoices)
    days = _checkboxes(_("Kan op deze dagen"), Weekday.choices, int, _("Alleen wie op al deze dagen kan."))
    work_forms = _checkboxes(_("Werkvorm"), WorkForm.choices)
    reward_forms = _checkboxes(_("Beloning"), neutral_reward_choices())
    statuses = _checkboxes(_("Status"), ExpertStatus.choices)

    GROUPS = [
        (_("Ervaring en rol"), ["areas", "levels", "roles", "relational_roles", "settings"]),
        (_("Competenties en talen"), ["competences", "competence_confirmed", "languages"]),
        (_("Waar"), ["municipalities", "regions"]),
        (_("Wanneer"), ["available_from", "available_to", "days", "min_hours", "paused"]),
        (_("Werkvorm en status"), ["work_forms", "reward_forms", "statuses", "organisations"]),
    ]

    def __init__(self, data=None, *, organisations=()):
        super().__init__(data)
        organisations = list(organisations)
        if len(organisations) > 1:
            self.fields["organisations"] = _checkboxes(
                _("Organisatie"), [(o.pk, o.name) for o in organisations], _db_id
            )
        # Order: search first, then the groups, sorting last.
        self.order_fields(["q", *[name for _title, names in self.GROUPS for name in names], "sort"])

    def set_reference(self, reference: Reference) -> None:
        for name, vocabulary in TERM_FIELDS.items():
            self.fields[name].choices = reference.choices(vocabulary)
        self.fields["municipalities"].choices = [(m, m) for m in reference.municipalities]
        self.fields["regions"].choices = [(r, r) for r in reference.regions]

    def clean(self):
        data = super().clean()
        start, end = data.get("available_from"), data.get("available_to")
        if start and end and end < start:
            self.add_error("available_to", _("Deze datum ligt voor de begindatum. Kies een latere datum."))
        return data

    def groups(self):
        """(title, bound fields, open?) per group, for the template."""
        for title, names in self.GROUPS:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                opened = any(f.errors or (self.data and self.data.get(f.name)) for f in fields)
                yield title, fields, opened

    def to_filters(self) -> ExpertFilters:
        """The valid part of the form as filters (invalid fields are left out and shown with an error)."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        paused = {"yes": True, "no": False}.get(data.get("paused") or "")
        days = 0
        for day in data.get("days") or ():
            days |= day
        return ExpertFilters(
            q=data.get("q") or "",
            areas=tuple(data.get("areas") or ()),
            levels=tuple(data.get("levels") or ()),
            roles=tuple(data.get("roles") or ()),
            relational_roles=tuple(data.get("relational_roles") or ()),
            settings=tuple(data.get("settings") or ()),
            competences=tuple(data.get("competences") or ()),
            competence_confirmed=bool(data.get("competence_confirmed")),
            languages=tuple(data.get("languages") or ()),
            municipalities=tuple(data.get("municipalities") or ()),
            regions=tuple(data.get("regions") or ()),
            available_from=data.get("available_from") if "available_to" not in self.errors else None,
            available_to=data.get("available_to"),
            days=days,
            min_hours=data.get("min_hours"),
            work_forms=tuple(data.get("work_forms") or ()),
            reward_forms=tuple(data.get("reward_forms") or ()),
            statuses=tuple(data.get("statuses") or ()),
            paused=paused,
            organisations=tuple(data.get("organisations") or ()),
            sort=data.get("sort") or "name",
        )


class RegisterFilterForm(forms.Form):
    """The public register: search only on what experts made public."""

    q = forms.CharField(label=_("Zoeken"), required=False, max_length=200, help_text=_("Bijvoorbeeld: armoede Utrecht"))
    areas = _checkboxes(_("Ervaringsgebied"), coerce=_db_id, field_class=_LateChoices)
    roles = _checkboxes(_("Rol"), coerce=_db_id, field_class=_LateChoices)
    municipality = _LateChoice(label=_("Gemeente"), required=False)
    region = _LateChoice(label=_("Regio"), required=False)

    def set_reference(self, reference: Reference) -> None:
        self.fields["areas"].choices = reference.choices("experience_area")
        self.fields["roles"].choices = reference.choices("role")
        self.fields["municipality"].choices = [("", _("Alle gemeenten")), *[(m, m) for m in reference.municipalities]]
        self.fields["region"].choices = [("", _("Alle regio's")), *[(r, r) for r in reference.regions]]

    def to_filters(self) -> ExpertFilters:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return ExpertFilters(
            q=data.get("q") or "",
            areas=tuple(data.get("areas") or ()),
            roles=tuple(data.get("roles") or ()),
            municipalities=(data["municipality"],) if data.get("municipality") else (),
            regions=(data["region"],) if data.get("region") else (),
        )


class OrganisationRegisterForm(forms.Form):
    city = _LateChoice(label=_("Plaats"), required=False)
    areas = _checkboxes(
        _("Ervaringsgebied"),
        coerce=_db_id,
        help_text=_("Organisaties met iemand in het register die deze ervaring openbaar deelt."),
        field_class=_LateChoices,
    )
    roles = _checkboxes(_("Rol"), coerce=_db_id, field_class=_LateChoices)

    def set_reference(self, reference: Reference, cities: list[str]) -> None:
        self.fields["city"].choices = [("", _("Alle plaatsen")), *[(c, c) for c in cities]]
        self.fields["areas"].choices = reference.choices("experience_area")
        self.fields["roles"].choices = reference.choices("role")

    def to_filters(self) -> ExpertFilters:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return ExpertFilters(
            areas=tuple(data.get("areas") or ()),
            roles=tuple(data.get("roles") or ()),
            municipalities=(data["city"],) if data.get("city") else (),
        )


class PoolForm(forms.Form):
    who = forms.ChoiceField(
        label=_("Wie tellen mee?"),
        required=False,
        choices=[
            ("active", _("Alleen actieve ervaringsdeskundigen")),
            ("all", _("Iedereen, ook aangemeld en gestopt")),
        ],
    )
