"""Expert profiles in the API, under the same consent rules as the pages.

Every read goes through inzet.experts.disclosure.disclose(): an item the viewer may not see is
null (or an empty list) and named in `hidden`; special-category reads are logged with context "api".
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from inzet.api.schemas import Error, Id
from inzet.experts import forms, permissions, selectors, services
from inzet.experts.consent_fields import CONSENT_FIELDS, item_values
from inzet.experts.consent_fields import term as _term
from inzet.experts.disclosure import (
    ITEM_FIELDS,
    SELF,
    DisclosedProfile,
    can_view_profile,
    disclose,
    log_access,
)
from inzet.experts.models import Audience, ExpertProfile
from inzet.lib import iban as iban_lib
from inzet.taxonomy.models import Term

router = Router(tags=["experts"])


# --- output ----------------------------------------------------------------------------------------


class TermOut(Schema):
    code: str
    label: str


class ExperienceOut(Schema):
    area: TermOut
    description: str
    visibility: int | None = Field(None, description="Only in your own profile: who may see it (0–3)")


class CompetenceOut(Schema):
    competence: TermOut
    self_assessed: bool
    confirmed_by: str | None
    confirmed_at: datetime.datetime | None


class TrainingOut(Schema):
    id: int
    kind: str
    name: str
    provider: str
    status: str
    completed_on: datetime.date | None
    valid_until: datetime.date | None
    has_evidence: bool


class PeriodOut(Schema):
    start: datetime.date
    end: datetime.date


class ExpertProfileOut(Schema):
    id: int
    organisation_id: int
    organisation_name: str
    status: str | None = Field(None, description="Shown to the expert and their coordinators")
    paused: bool | None = Field(None, description="Part of availability: null when that is not shared with you")
    paused_until: datetime.date | None = None
    managed_by: str | None = Field(None, description="The coordinator who keeps this profile on the person's behalf")
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    level: TermOut | None = None
    experiences: list[ExperienceOut]
    wanted_roles: list[TermOut] | None = None
    relational_roles: list[TermOut] | None = None
    wanted_settings: list[TermOut] | None = None
    unwanted: list[TermOut] | None = None
    does_not_want_note: str | None = None
    competences: list[CompetenceOut] | None = None
    training: list[TrainingOut] | None = None
    languages: list[TermOut] | None = None
    postcode: str | None = None
    travel_radius_km: int | None = None
    hours_per_week: int | None = None
    available_days: list[int] | None = Field(None, description="1=Monday, 2=Tuesday, 4, 8, 16, 32, 64=Sunday")
    unavailable_periods: list[PeriodOut] | None = None
    work_form: str | None = None
    kvk_number: str | None = None
    vat_kor: bool | None = Field(None, description="zzp under the small-business scheme (KOR): no VAT")
    reward_form: str | None = None
    donation_charity: str | None = None
    iban_masked: str | None = Field(None, description="e.g. NL** **** **** **43 00; the whole IBAN is never sent")
    account_holder: str | None = None
    benefit_situation: str | None = None
    bijstand_exemption: str | None = None
    age_band: str | None = None
    needs: list[str] | None = None
    needs_note: str | None = None
    represents: str | None = None
    professional_background: str | None = None
    qualities: dict[str, str] | None = Field(None, description="personality, knowledge, attitude, skills")
    generic_skills: list[TermOut] | None = None
    consent_matching: bool | None = Field(None, description="Shown to the expert and their coordinators")
    visibility: dict[str, int] | None = Field(None, description="Only in your own profile: item -> audience (0–3)")
    hidden: list[str] = Field(description="Items you may not see; their fields are null")


class AccessLogOut(Schema):
    viewer: str | None
    viewer_roles: list[str]
    item: str
    context: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_viewer(obj) -> str | None:
        return obj.viewer.full_name if obj.viewer else None

    @staticmethod
    def resolve_viewer_roles(obj) -> list[str]:
        return [str(role) for role in selectors.viewer_roles(obj.viewer)]


# --- input -----------------------------------------------------------------------------------------


class ExpertPatchIn(Schema):
    """Only the fields you send are changed. Visibility: 0 only me, 1 coordinators, 2 askers, 3 public."""

    phone: str | None = None
    postcode: str | None = None
    travel_radius_km: int | None = None
    hours_per_week: int | None = None
    work_form: str | None = None
    kvk_number: str | None = None
    vat_kor: bool | None = None
    reward_form: str | None = None
    donation_charity: str | None = None
    iban: str | None = Field(None, description="Checked (schwifty); spaces and lowercase are fine. Empty clears.")
    account_holder: str | None = None
    consent_matching: bool | None = None
    represents: str | None = Field(None, description="Whom you speak for or represent (item `represents`)")
    professional_background: str | None = Field(None, description="Item `background`")
    qualities: dict[str, str] | None = Field(
        None, description="Item `qualities`: any of personality, knowledge, attitude, skills (up to 2000 characters)"
    )
    generic_skills: list[str] | None = Field(
        None, description="Item `skills`: codes of the generic_skill list (GET /api/reference); replaces the list"
    )
    visibility: dict[str, int] | None = Field(None, description='item -> audience, e.g. {"benefit": 0}')
    experience_visibility: dict[str, int] | None = Field(None, description="experience area code -> audience")


# --- helpers ---------------------------------------------------------------------------------------


def _as_output(disclosed: DisclosedProfile) -> dict:
    """Build the output from what disclose() allows; a hidden item's value is never read."""
    p = disclosed.profile
    sees = disclosed.sees
    is_self = disclosed.level == SELF
    operational = disclosed.operational
    out = {
        "id": p.pk,
        "organisation_id": p.organisation_id,
        "organisation_name": p.organisation.name,
        "status": p.status if operational else None,
        "managed_by": p.managed_by.full_name if p.managed_by and operational else None,
        "consent_matching": p.consent_matching if operational else None,
        "visibility": {item: getattr(p, column) for item, column in ITEM_FIELDS.items()} if is_self else None,
        "experiences": [
            {
                "area": _term(e.area),
                "description": e.description,
                "visibility": e.visibility if is_self else None,
            }
            for e in disclosed.experiences
        ],
        "hidden": sorted(disclosed.hidden),
    }
    for item in CONSENT_FIELDS:
        if sees(item):
            out.update(item_values(p, item, disclosed.level))
    if operational:
        # Payment data: masked for everyone, to the expert and their coordinators only (reads by others logged).
        out["iban_masked"] = iban_lib.masked(p.iban) or None
        out["account_holder"] = p.account_holder or None
    return out


def _own(request) -> ExpertProfile:
    profile = selectors.own_profile(request.auth)
    if profile is None:
        raise Http404
    return profile


# --- endpoints -------------------------------------------------------------------------------------


@router.get("/me", response={200: ExpertProfileOut, 404: Error}, summary="Your own expert profile, complete")
def me(request):
    profile = _own(request)
    return _as_output(disclose(request.auth, profile, context="api", path=request.path))


def _with_field_names(exc: ValidationError) -> ValidationError:
    """'postcode: Vul een postcode in …' so an API client knows which field is meant."""
    if hasattr(exc, "error_dict"):
        return ValidationError(
            [f"{field}: {message}" for field, messages in exc.message_dict.items() for message in messages]
        )
    return exc


QUALITY_FIELDS = {
    "personality": "quality_personality",
    "knowledge": "quality_knowledge",
    "attitude": "quality_attitude",
    "skills": "quality_skills",
}


def _profile_changes(data: dict) -> dict:
    """API names to the profile's own: qualities per dimension, skills by code. Dutch errors."""
    qualities = data.pop("qualities", None)
    if qualities is not None:
        unknown = sorted(set(qualities) - set(QUALITY_FIELDS))
        if unknown:
            raise ValidationError(
                _("qualities: kies uit personality, knowledge, attitude of skills, niet %(names)s.")
                % {"names": ", ".join(unknown)}
            )
        data.update({QUALITY_FIELDS[name]: text for name, text in qualities.items()})
    if "generic_skills" in data:
        codes = data["generic_skills"] or []
        terms = dict(
            Term.objects.filter(vocabulary="generic_skill", is_active=True, code__in=codes).values_list("code", "pk")
        )
        unknown = sorted(set(codes) - set(terms))
        if unknown:
            raise ValidationError(
                _("generic_skills: deze vaardigheid kennen we niet: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        data["generic_skills"] = [terms[code] for code in dict.fromkeys(codes)]
    return data


def _apply_patch(request, profile: ExpertProfile, payload: ExpertPatchIn) -> dict:
    """One path for the expert and their keeper: the wizard's forms check, the services write."""
    data = _profile_changes(payload.model_dump(exclude_unset=True))
    visibility = data.pop("visibility", None) or {}
    experience_visibility = data.pop("experience_visibility", None) or {}
    consent = data.pop("consent_matching", None)
    bank = {key: data.pop(key) for key in ("iban", "account_holder") if key in data}
    for number in ("travel_radius_km", "hours_per_week"):
        if number in data and data[number] is None:
            raise ValidationError(f"{number}: {_('Vul een heel getal in.')}")
    changes = {field: "" if value is None else value for field, value in data.items()}
    try:
        # The same forms as the wizard check the values, so the API accepts nothing the pages refuse.
        changes = forms.validated_changes(profile, changes)
        if changes:
            services.profile_update(profile=profile, changes=changes)
        if bank:
            services.bank_details_set(
                profile=profile,
                iban=bank.get("iban", profile.iban) or "",
                account_holder=bank.get("account_holder", profile.account_holder) or "",
            )
        if visibility or experience_visibility or consent is not None:
            services.visibility_set(
                profile=profile, items=visibility, experiences=experience_visibility, consent_matching=consent
            )
    except ValidationError as exc:
        raise _with_field_names(exc) from exc
    return _as_output(disclose(request.auth, selectors.get_profile(profile.pk), context="api", path=request.path))


@router.patch(
    "/me", response={200: ExpertProfileOut, 404: Error, 422: Error}, summary="Change a few fields of your profile"
)
def me_update(request, payload: ExpertPatchIn):
    return _apply_patch(request, _own(request), payload)


@router.get("/me/access-log", response={200: list[AccessLogOut], 404: Error}, summary="Who read your special data")
@paginate
def me_access_log(request):
    """Newest first. Items: experience, benefit, needs, does_not_want; context: page, api, export, print, search."""
    profile = ExpertProfile.objects.filter(user=request.auth).first()
    if profile is None:
        raise Http404
    return selectors.access_log_queryset(profile)


@router.patch(
    "/{pk}",
    response={200: ExpertProfileOut, 403: Error, 404: Error, 422: Error},
    summary="Change a profile you keep on the person's behalf",
)
def expert_update(request, pk: Id, payload: ExpertPatchIn):
    """As PATCH /me, for the coordinator who keeps the profile (as on the pages); the expert may use it too.
    Someone who may see the profile but not change it gets 403, anyone else 404."""
    light = ExpertProfile.objects.only("pk", "user_id", "organisation_id", "managed_by_id").filter(pk=pk).first()
    if light is None or not can_view_profile(request.auth, light):
        raise Http404
    if not permissions.may_edit(request.auth, light):
        raise PermissionDenied
    return _apply_patch(request, selectors.get_profile(pk), payload)


@router.get("/{pk}", response={200: ExpertProfileOut, 404: Error}, summary="One expert, as far as you may see them")
def expert(request, pk: Id):
    light = ExpertProfile.objects.only("pk", "user_id", "organisation_id").filter(pk=pk).first()
    if light is None or not can_view_profile(request.auth, light):
        raise Http404
    profile = selectors.get_profile(pk)
    disclosed = disclose(request.auth, profile, context="api", path=request.path)
    if disclosed.level == Audience.COORDINATORS and profile.iban:
        log_access(viewer=request.auth, profile=profile, items=["bank"], context="api", path=request.path)
    return _as_output(disclosed)
