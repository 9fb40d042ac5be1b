"""Reads shared by the profile pages, the print view and the API.

`profile_rows()` turns a DisclosedProfile into what a page shows. It reads a value only when the
viewer may see the item, so a hidden value can never end up in a page by accident.
"""

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.accounts.models import User
from inzet.experts.consent_fields import PLACEHOLDER_DOMAIN, item_values, shown_email  # noqa: F401  (re-exported)
from inzet.experts.disclosure import ITEM_FIELDS, SELF, DisclosedProfile
from inzet.experts.models import (
    AccessLog,
    AgeBand,
    Audience,
    BenefitSituation,
    ExpertCompetence,
    ExpertProfile,
    Need,
    RewardForm,
    Weekday,
    WorkForm,
    reward_form_label,
)
from inzet.organisations.models import Membership
from inzet.taxonomy.models import Term

# Dutch names of the items, as the expert reads them in the access log and on the profile.
ITEM_LABELS = {
    "name": gettext_lazy("Naam"),
    "contact": gettext_lazy("Telefoon en e-mail"),
    "level": gettext_lazy("Niveau"),
    "experience": gettext_lazy("Ervaring"),
    "roles": gettext_lazy("Gewenste rollen en werkplekken"),
    "competences": gettext_lazy("Competenties"),
    "training": gettext_lazy("Opleidingen en registraties"),
    "languages": gettext_lazy("Talen"),
    "region": gettext_lazy("Woonplaats en reisafstand"),
    "availability": gettext_lazy("Beschikbaarheid"),
    "work_form": gettext_lazy("Werkvorm en beloning"),
    "benefit": gettext_lazy("Uitkering en leeftijd"),
    "needs": gettext_lazy("Nodig om mee te doen"),
    "does_not_want": gettext_lazy("Liever niet doen"),
    "represents": gettext_lazy("Voor wie ik spreek"),
    "background": gettext_lazy("Beroepsachtergrond"),
    "qualities": gettext_lazy("Kwaliteiten: persoonlijkheid, kennis, houding, vaardigheden"),
    "skills": gettext_lazy("Algemene vaardigheden"),
    "bank": gettext_lazy("Bankrekening (IBAN, afgeschermd)"),
}
CONTEXT_LABELS = {
    "page": gettext_lazy("op een pagina"),
    "api": gettext_lazy("via de API (koppeling)"),
    "export": gettext_lazy("in een download"),
    "print": gettext_lazy("op een afdruk"),
    "search": gettext_lazy("in zoekresultaten"),
}
# Which wizard step edits which item (for the "Wijzigen" links).
ITEM_STEP = {
    "name": 1,
    "contact": 1,
    "region": 1,
    "languages": 1,
    "level": 2,
    "experience": 2,
    "roles": 3,
    "does_not_want": 3,
    "work_form": 3,
    "availability": 4,
    "needs": 4,
    "benefit": 4,
    "represents": 3,
    "background": 3,
    "qualities": 3,
    "skills": 3,
}


def profile_queryset() -> QuerySet:
    """Everything a profile page shows, in a fixed number of queries."""
    return ExpertProfile.objects.select_related("user", "organisation", "level", "managed_by", "area").prefetch_related(
        "experiences__area",
        "wanted_roles",
        "relational_roles",
        "wanted_settings",
        "unwanted",
        "languages",
        "generic_skills",
        Prefetch("competences", queryset=ExpertCompetence.objects.select_related("competence", "confirmed_by")),
        "training",
        "unavailable_periods",
    )


def get_profile(pk: int) -> ExpertProfile:
    try:
        return profile_queryset().get(pk=pk)
    except ExpertProfile.DoesNotExist as exc:
        raise Http404 from exc


def own_profile(user: User) -> ExpertProfile | None:
    return profile_queryset().filter(user=user).first()


def has_profile(user: User) -> bool:
    return ExpertProfile.objects.filter(user=user).exists()


# --- what a page shows -------------------------------------------------------------------------


@dataclass
class Row:
    item: str
    label: str
    lines: list[str]
    shown: bool
    audience: str = ""  # who sees it (only on the expert's own / full views)
    step: int | None = None
    edit_url: str = ""


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row]


@dataclass
class ExperienceRow:
    area: str
    description: str
    audience: str


@dataclass
class ProfileView:
    disclosed: DisclosedProfile
    full: bool
    name: str
    sections: list[Section] = field(default_factory=list)
    experiences: list[ExperienceRow] = field(default_factory=list)
    experience_hidden: bool = False
    competences: list = field(default_factory=list)
    competences_shown: bool = False
    training: list = field(default_factory=list)
    training_shown: bool = False
    periods: list = field(default_factory=list)
    availability_shown: bool = False


def _audience(profile: ExpertProfile, item: str) -> str:
    return str(Audience(getattr(profile, ITEM_FIELDS[item])).label)


def _labels(terms: Iterable[Term]) -> str:
    return ", ".join(t.label for t in terms)


def _date(value: datetime.date | None) -> str:
    return date_format(value, "j F Y") if value else ""


def needs_labels(raw: str) -> list[str]:
    codes = json.loads(raw) if raw else []
    return [str(Need(code).label) for code in codes if code in Need.values]


def _lines(profile: ExpertProfile, item: str, level: int) -> list[str]:
    """The display lines of one item. Only called when the viewer may see the item."""
    p = profile
    if item == "name":
        return [p.user.full_name]
    if item == "contact":
        return [line for line in (p.phone, shown_email(p.user.email)) if line]
    if item == "level":
        return [p.level.label] if p.level else []
    if item == "roles":
        lines = []
        for label, terms in (
            (_("Rollen"), p.wanted_roles.all()),
            (_("Hoe ik mij opstel"), p.relational_roles.all()),
            (_("Waar ik wil werken"), p.wanted_settings.all()),
        ):
            if terms:
                lines.append(f"{label}: {_labels(terms)}")
        return lines
    if item == "does_not_want":
        return [line for line in (_labels(p.unwanted.all()), p.does_not_want_note) if line]
    if item == "languages":
        return [_labels(p.languages.all())] if p.languages.all() else []
    if item == "region":
        # The same cut as the API (consent_fields): others than the expert and their coordinators see 4 digits.
        postcode = item_values(p, "region", level)["postcode"]
        place = f"{postcode} {p.area.municipality}" if p.area and postcode else postcode
        lines = [place] if place else []
        lines.append(_("Wil tot %(km)s km reizen") % {"km": p.travel_radius_km})
        return lines
    if item == "availability":
        days = [str(Weekday(d).label) for d in p.day_list]
        lines = [_("%(hours)s uur per week") % {"hours": p.hours_per_week}]
        if days:
            lines.append(_("Dagen: %(days)s") % {"days": ", ".join(days)})
        return lines
    if item == "work_form":
        lines = [str(WorkForm(p.work_form).label)]
        if p.work_form == WorkForm.ZZP and p.kvk_number:
            lines.append(_("KvK-nummer: %(kvk)s") % {"kvk": p.kvk_number})
        if p.work_form == WorkForm.ZZP:
            lines.append(_("Btw: geen, kleineondernemersregeling (KOR)") if p.vat_kor else _("Btw: ja, ik reken btw"))
        reward = str(reward_form_label(p.reward_form))
        if p.reward_form == RewardForm.DONATION and p.donation_charity:
            reward = f"{reward}: {p.donation_charity}"
        lines.append(_("Beloning: %(reward)s") % {"reward": reward})
        return lines
    if item == "benefit":
        lines = []
        if p.benefit_situation in BenefitSituation.values:
            lines.append(str(BenefitSituation(p.benefit_situation).label))
        if p.age_band in AgeBand.values:
            lines.append(_("Leeftijd: %(age)s") % {"age": AgeBand(p.age_band).label})
        return lines
    if item == "needs":
        return [line for line in (", ".join(needs_labels(p.needs)), p.needs_note) if line]
    if item == "represents":
        return [p.represents] if p.represents else []
    if item == "background":
        return [p.professional_background] if p.professional_background else []
    if item == "qualities":
        parts = (
            (_("Persoonlijkheid"), p.quality_personality),
            (_("Kennis"), p.quality_knowledge),
            (_("Houding"), p.quality_attitude),
            (_("Vaardigheden"), p.quality_skills),
        )
        return [f"{label}: {text}" for label, text in parts if text]
    if item == "skills":
        return [_labels(p.generic_skills.all())] if p.generic_skills.all() else []
    return []


SECTIONS = [
    ("person", gettext_lazy("Persoonlijke gegevens"), ["name", "contact", "region", "languages"]),
    ("experience", gettext_lazy("Ervaring"), ["level"]),
    ("wishes", gettext_lazy("Wensen en werk"), ["roles", "does_not_want", "work_form"]),
    ("practical", gettext_lazy("Praktisch"), ["availability", "needs", "benefit"]),
    ("background", gettext_lazy("Achtergrond en kwaliteiten"), ["represents", "background", "qualities", "skills"]),
]


def profile_view(disclosed: DisclosedProfile) -> ProfileView:
    """What one viewer sees of one profile; `full` for the expert (and the keeper's full views)."""
    profile = disclosed.profile
    full = disclosed.level == SELF
    name = profile.user.full_name if disclosed.sees("name") else _("Ervaringsdeskundige")
    view = ProfileView(disclosed=disclosed, full=full, name=name)
    for key, title, items in SECTIONS:
        rows = []
        for item in items:
            shown = disclosed.sees(item)
            rows.append(
                Row(
                    item=item,
                    label=str(ITEM_LABELS[item]),
                    lines=_lines(profile, item, disclosed.level) if shown else [],
                    shown=shown,
                    audience=_audience(profile, item) if full else "",
                    step=ITEM_STEP.get(item),
                )
            )
        view.sections.append(Section(key=key, title=str(title), rows=rows))
    view.experiences = [
        ExperienceRow(
            area=e.area.label, description=e.description, audience=str(Audience(e.visibility).label) if full else ""
        )
        for e in disclosed.experiences
    ]
    view.experience_hidden = disclosed.hidden_experience_count > 0
    view.competences_shown = disclosed.sees("competences")
    if view.competences_shown:
        view.competences = list(profile.competences.all())
    view.training_shown = disclosed.sees("training")
    if view.training_shown:
        view.training = list(profile.training.all())
    view.availability_shown = disclosed.sees("availability")
    if view.availability_shown:
        view.periods = list(profile.unavailable_periods.all())
    return view


# --- the access log ----------------------------------------------------------------------------


def access_log_queryset(profile: ExpertProfile) -> QuerySet:
    memberships = Membership.objects.filter(is_active=True).select_related("organisation")
    return (
        AccessLog.objects.filter(profile=profile)
        .select_related("viewer")
        .prefetch_related(Prefetch("viewer__memberships", queryset=memberships))
        .order_by("-created_at", "-pk")
    )


def viewer_roles(viewer: User | None) -> list[str]:
    """'Coördinator bij Stichting Ervaring' for each active role of a viewer (prefetched)."""
    if viewer is None:
        return []
    return [
        _("%(role)s bij %(organisation)s") % {"role": m.get_role_display(), "organisation": m.organisation.name}
        for m in viewer.memberships.all()
    ]


def managed_profiles(organisation_ids: Iterable[int]) -> QuerySet:
    """Profiles that coordinators keep on someone's behalf, in these organisations."""
    return (
        ExpertProfile.objects.filter(organisation_id__in=organisation_ids, managed_by__isnull=False)
        .select_related("user", "managed_by", "organisation")
        .order_by("-created_at", "-pk")
    )
