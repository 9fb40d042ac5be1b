"""Everything Inzet holds about one person (AVG art. 15 and 20), as JSON and as a readable PDF.

One query per section whatever the amount of data; encrypted values come out decrypted because
only the person themselves can ask for this export.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from inzet.accounts.models import ApiToken
from inzet.compensation.models import AssignmentRewardChoice, ExpenseClaim, ExternalAllowance, HourEntry, Payout
from inzet.engagements.models import Invitation
from inzet.evaluation.models import Reflection, Story
from inzet.experts.models import (
    AccessLog,
    ExpertCompetence,
    ExpertExperience,
    ExpertProfile,
    TrainingRecord,
    UnavailablePeriod,
    resolve_areas,
)
from inzet.organisations.models import Membership
from inzet.privacy.models import DataRightsEvent, ErasureRequest
from inzet.recruitment.models import Application, StageDecision

# Never exported: secrets and internal keys, not information about the person.
_NEVER = {"password", "token_hash", "token", "prefix"}


@dataclass
class Section:
    key: str
    title: str
    rows: list[list[tuple[str, str, object]]] = field(default_factory=list)  # (name, label, value)

    def as_json(self) -> list[dict]:
        return [{name: value for name, _label, value in row} for row in self.rows]


def _value(obj: models.Model, f: models.Field):
    if f.is_relation:
        return str(getattr(obj, f.name)) if f.is_cached(obj) and getattr(obj, f.name) is not None else None
    if f.choices:
        return str(getattr(obj, f"get_{f.name}_display")())
    value = getattr(obj, f.attname)
    if isinstance(f, models.FileField):
        return value.name or ""
    return value


def _row(obj: models.Model, *, skip: tuple[str, ...] = (), extra: dict | None = None) -> list:
    row = []
    for f in obj._meta.concrete_fields:
        if f.name in _NEVER or f.name in skip or (f.is_relation and not f.is_cached(obj)):
            continue
        row.append((f.name, str(f.verbose_name), _value(obj, f)))
    for name, (label, value) in (extra or {}).items():
        row.append((name, str(label), value))
    return row


def _labels(terms) -> str:
    return ", ".join(str(term) for term in terms)


def collect(user) -> list[Section]:
    sections = [Section("account", str(_("Account")), [_row(user, skip=("is_superuser",))])]
    sections.append(
        Section(
            "memberships",
            str(_("Rollen en organisaties")),
            [_row(m) for m in Membership.objects.filter(user=user).select_related("organisation")],
        )
    )
    profile = (
        ExpertProfile.objects.filter(user=user)
        .select_related("organisation", "level", "area", "managed_by")
        .prefetch_related("wanted_roles", "relational_roles", "wanted_settings", "unwanted", "languages")
        .first()
    )
    if profile is not None:
        m2m = {f.name: (f.verbose_name, _labels(getattr(profile, f.name).all())) for f in profile._meta.many_to_many}
        consent_fields = [f for f in profile._meta.concrete_fields if f.name.startswith("vis_")]
        sections.append(
            Section(
                "profile", str(_("Profiel")), [_row(profile, skip=tuple(f.name for f in consent_fields), extra=m2m)]
            )
        )
        consent = [(f.name, str(f.verbose_name), _value(profile, f)) for f in consent_fields]
        consent.insert(
            0,
            (
                "consent_matching",
                str(profile._meta.get_field("consent_matching").verbose_name),
                profile.consent_matching,
            ),
        )
        sections.append(Section("consent", str(_("Wie mag wat zien (uw keuzes)")), [consent]))
        per_profile = [
            ("experiences", _("Ervaringen"), ExpertExperience.objects.select_related("area")),
            ("competences", _("Competenties"), ExpertCompetence.objects.select_related("competence", "confirmed_by")),
            ("training", _("Opleidingen"), TrainingRecord.objects.all()),
            ("unavailable", _("Periodes dat u niet kunt"), UnavailablePeriod.objects.all()),
            ("access_log", _("Wie heeft uw gegevens bekeken"), AccessLog.objects.select_related("viewer")),
        ]
        for key, title, queryset in per_profile:
            objects = queryset.filter(profile=profile)
            if key == "experiences":  # an "Alleen ik" area is sealed: give its name, not the sealed id
                area_label = ExpertExperience._meta.get_field("area").verbose_name
                rows = [
                    _row(o, skip=("profile", "area", "sealed_area"), extra={"area": (area_label, str(o.area_term))})
                    for o in resolve_areas(objects)
                ]
            else:
                rows = [_row(o, skip=("profile",)) for o in objects]
            sections.append(Section(key, str(title), rows))
        invitations = Invitation.objects.filter(expert=profile).select_related("request", "invited_by")
        sections.append(
            Section("invitations", str(_("Uitnodigingen")), [_row(i, skip=("expert",)) for i in invitations])
        )
        by_expert = [
            (
                "reward_choices",
                _("Keuzes voor vergoeding"),
                AssignmentRewardChoice.objects.filter(invitation__expert=profile),
            ),
            ("hours", _("Uren"), HourEntry.objects.filter(invitation__expert=profile)),
            ("expenses", _("Onkosten"), ExpenseClaim.objects.filter(invitation__expert=profile)),
            ("payouts", _("Betalingen"), Payout.objects.filter(expert=profile).select_related("organisation")),
            (
                "external_allowances",
                _("Vergoedingen van buiten Inzet"),
                ExternalAllowance.objects.filter(expert=profile, removed_at__isnull=True),
            ),
        ]
        for key, title, queryset in by_expert:
            sections.append(Section(key, str(title), [_row(o, skip=("expert",)) for o in queryset.order_by("pk")]))
    applications = list(
        Application.objects.filter(models.Q(expert_profile__user=user) | models.Q(email__iexact=user.email))
        .select_related("organisation", "current_stage")
        .order_by("pk")
    )
    sections.append(Section("applications", str(_("Aanmeldingen")), [_row(a) for a in applications]))
    decisions = StageDecision.objects.filter(application__in=applications).select_related("stage").order_by("pk")
    sections.append(
        Section("application_decisions", str(_("Besluiten over uw aanmelding")), [_row(d) for d in decisions])
    )
    sections.append(
        Section(
            "stories", str(_("Verhalen")), [_row(o) for o in Story.objects.filter(submitted_by=user).order_by("pk")]
        )
    )
    sections.append(
        Section(
            "reflections",
            str(_("Terugblikken")),
            [_row(o) for o in Reflection.objects.filter(author=user).order_by("pk")],
        )
    )
    sections.append(Section("api_keys", str(_("API-sleutels")), [_row(t) for t in ApiToken.objects.filter(user=user)]))
    sections.append(
        Section(
            "erasure_requests",
            str(_("Verzoeken om verwijdering")),
            [_row(r) for r in ErasureRequest.objects.filter(user=user)],
        )
    )
    sections.append(
        Section(
            "data_rights_log",
            str(_("Uw eerdere downloads en verzoeken")),
            [_row(e) for e in DataRightsEvent.objects.filter(subject=user)],
        )
    )
    return sections


def as_json(sections: list[Section], *, user) -> bytes:
    data = {
        "format": "inzet-data-export/1",
        "made_at": timezone.now(),
        "person": user.pk,
        "sections": {s.key: s.as_json() for s in sections},
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"External resources are not loaded: {url}")


def as_pdf(sections: list[Section], *, user) -> bytes:
    from weasyprint import HTML

    with override(user.preferred_language or "nl"):
        html = render_to_string(
            "privacy/pdf/export.html", {"sections": sections, "person": user, "today": timezone.localdate()}
        )
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def as_zip(user) -> bytes:
    sections = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gegevens.json", as_json(sections, user=user))
        archive.writestr("gegevens.pdf", as_pdf(sections, user=user))
    return buffer.getvalue()
