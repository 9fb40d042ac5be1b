"""Requests and invitations over the API, with the same permission rules as the pages.

Askers: list, read, create drafts, submit. Coordinators: list, read, intake (trainers read only).
Experts: their own invitations, and answer them. The wrong role gets 403; what a person may not
see gets 404.
"""

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from inzet.accounts.permissions import get_roles
from inzet.api.schemas import Error, Id, Text
from inzet.engagements import selectors, services
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.engagements.permissions import ASKER, COORDINATOR, get_invitation_for_expert, get_request_for_user
from inzet.engagements.permissions import visible_requests_q as _visible_q
from inzet.organisations.models import Organisation, Role
from inzet.taxonomy.models import Term

router = Router(tags=["engagements"])


class OrganisationRef(Schema):
    id: int
    name: str


class RequestOut(Schema):
    id: int
    title: str
    goal: str
    status: str
    status_label: str
    asker_organisation: OrganisationRef
    deploying_organisation: OrganisationRef
    activities: str
    requirements: str
    role: str | None
    practice_setting: str | None
    structural: bool
    experience_areas: list[str]
    competences: list[str]
    experts_needed: int
    experts_accepted: int
    start_date: dt.date | None
    end_date: dt.date | None
    hours_estimate: Decimal | None
    time_investment: str
    online: bool
    location: str
    accessibility: str
    participant_needs: str
    is_heavy: bool
    reward_form: str
    amount_offered: Decimal | None
    represented_group: str
    expected_result: str
    policy_phase: str | None
    research_rung: str | None
    influence: str | None
    decision_role: str
    who_decides: str
    preparation_hours: Decimal | None
    travel_hours: Decimal | None
    getting_to_know: bool
    created_at: dt.datetime
    submitted_at: dt.datetime | None

    @staticmethod
    def resolve_policy_phase(obj) -> str | None:
        return obj.policy_phase.code if obj.policy_phase_id else None

    @staticmethod
    def resolve_research_rung(obj) -> str | None:
        return obj.research_rung.code if obj.research_rung_id else None

    @staticmethod
    def resolve_influence(obj) -> str | None:
        return obj.influence.code if obj.influence_id else None

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_role(obj) -> str | None:
        return obj.role.code if obj.role_id else None

    @staticmethod
    def resolve_practice_setting(obj) -> str | None:
        return obj.practice_setting.code if obj.practice_setting_id else None

    @staticmethod
    def resolve_experience_areas(obj) -> list[str]:
        return [t.code for t in obj.experience_areas.all()]

    @staticmethod
    def resolve_competences(obj) -> list[str]:
        return [t.code for t in obj.competences.all()]

    @staticmethod
    def resolve_experts_accepted(obj) -> int:
        return _accepted(obj)


def _accepted(obj: EngagementRequest) -> int:
    count = getattr(obj, "accepted_count", None)
    return count if count is not None else selectors.seats_taken(obj)


class RequestIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    goal: str = Field(..., min_length=1)
    deploying_organisation_id: Id
    activities: str = ""
    requirements: str = ""
    role: str | None = Field(None, description="code of a term in the 'role' list")
    practice_setting: str | None = Field(None, description="code of a term in the 'practice_setting' list")
    structural: bool = False
    experience_areas: list[str] = Field(default_factory=list, description="codes of 'experience_area' terms")
    competences: list[str] = Field(default_factory=list, description="codes of 'competence' terms")
    experts_needed: int = Field(2, ge=1, le=20)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    hours_estimate: Decimal | None = Field(None, ge=0, max_digits=6, decimal_places=1)
    time_investment: str = ""
    online: bool = False
    location: str = Field("", max_length=300)
    postcode: str = Field("", max_length=7)
    accessibility: str = ""
    participant_needs: str = ""
    is_heavy: bool = False
    reward_form: Literal["bank_transfer", "voucher", "donation", "none"] = "bank_transfer"
    amount_offered: Decimal | None = Field(None, ge=0, max_digits=8, decimal_places=2)
    represented_group: str = Field("", max_length=300)
    expected_result: str = ""
    policy_phase: str | None = Field(None, description="code of a term in the 'policy_phase' list")
    research_rung: str | None = Field(None, description="code of a term in the 'research_rung' list")
    influence: str | None = Field(None, description="code of a term in the 'influence' list")
    decision_role: Literal["", "think_tank", "partner"] = ""
    who_decides: str = Field("", max_length=300)
    preparation_hours: Decimal | None = Field(None, ge=0, max_digits=5, decimal_places=1)
    travel_hours: Decimal | None = Field(None, ge=0, max_digits=5, decimal_places=1)
    getting_to_know: bool = False


class IntakeIn(Schema):
    fits_mission: bool
    fits_mission_reason: str
    has_expertise: bool
    has_expertise_reason: str
    conditions_ok: bool
    conditions_ok_reason: str
    decision: Literal["accept", "changes", "decline"]
    # Accepting despite a "no" needs override=true and its own reason.
    override: bool = False
    override_reason: str = ""
    message: str = ""


class IntakeOut(Schema):
    id: int
    decision: str
    override: bool
    override_reason: str
    request: RequestOut


class InvitationRequestOut(Schema):
    id: int
    title: str
    goal: str
    activities: str
    requirements: str
    asker_organisation: OrganisationRef
    deploying_organisation: OrganisationRef
    start_date: dt.date | None
    end_date: dt.date | None
    hours_estimate: Decimal | None
    time_investment: str
    online: bool
    location: str
    accessibility: str
    is_heavy: bool
    reward_form: str
    amount_offered: Decimal | None
    experts_needed: int
    experts_accepted: int

    @staticmethod
    def resolve_experts_accepted(obj) -> int:
        return _accepted(obj)


class InvitationOut(Schema):
    id: int
    state: str
    message: str
    expires_at: dt.datetime
    responded_at: dt.datetime | None
    request: InvitationRequestOut


class RespondIn(Schema):
    accept: bool
    reason: str = Field("", description="optional; never counts against the expert")


def _with_details(queryset):
    return (
        queryset.select_related(
            "asker_organisation",
            "deploying_organisation",
            "role",
            "practice_setting",
            "policy_phase",
            "research_rung",
            "influence",
        )
        .prefetch_related("experience_areas", "competences")
        .annotate(accepted_count=Count("invitations", filter=Q(invitations__state=Invitation.State.ACCEPTED)))
    )


def _detail(user, pk: int, *, need: str | None = None) -> EngagementRequest:
    request, _access = get_request_for_user(user, pk, need=need, queryset=_with_details(EngagementRequest.objects))
    return request


def _term(vocabulary: str, code: str | None) -> Term | None:
    if not code:
        return None
    term = Term.objects.of(vocabulary).filter(code=code).first()
    if term is None:
        raise ValidationError(f"Unknown {vocabulary} code: {code}")
    return term


def _terms(vocabulary: str, codes: list[str]) -> list[Term]:
    terms = list(Term.objects.of(vocabulary).filter(code__in=codes))
    missing = sorted(set(codes) - {t.code for t in terms})
    if missing:
        raise ValidationError(f"Unknown {vocabulary} codes: {', '.join(missing)}")
    return terms


# --- requests ------------------------------------------------------------------------------------


@router.get("/requests", response={200: list[RequestOut], 403: Error})
@paginate
def request_list(request, status: Text | None = None):
    """Askers: their organisation's requests. Coordinators and trainers: requests to their organisation."""
    roles = get_roles(request.auth)
    if not roles.has(Role.ASKER, Role.COORDINATOR, Role.TRAINER):
        raise PermissionDenied
    queryset = _with_details(EngagementRequest.objects.filter(_visible_q(request.auth))).order_by("-created_at", "-pk")
    if status:
        queryset = queryset.filter(status=status)
    return queryset


@router.get("/requests/{pk}", response={200: RequestOut, 404: Error})
def request_detail(request, pk: Id):
    return _detail(request.auth, pk)


@router.post("/requests", response={201: RequestOut, 403: Error, 422: Error})
def request_create(request, payload: RequestIn):
    """A new draft for the asker's organisation. Submit it with POST /requests/{id}/submit."""
    roles = get_roles(request.auth)
    asker_orgs = Organisation.objects.filter(
        pk__in=roles.organisation_ids(Role.ASKER), kind=Organisation.Kind.ASKER
    ).order_by("name")
    asker_org = asker_orgs.first()
    if asker_org is None:
        raise PermissionDenied
    deploying = Organisation.objects.filter(
        pk=payload.deploying_organisation_id, kind=Organisation.Kind.DEPLOYING
    ).first()
    if deploying is None:
        raise ValidationError("deploying_organisation_id is not an organisation that deploys experts")
    data = payload.dict(exclude={"deploying_organisation_id", "experience_areas", "competences"})
    data["role"] = _term("role", data.pop("role"))
    data["practice_setting"] = _term("practice_setting", data.pop("practice_setting"))
    for vocabulary in ("policy_phase", "research_rung", "influence"):
        data[vocabulary] = _term(vocabulary, data.pop(vocabulary))
    data["deploying_organisation"] = deploying
    m2m = {
        "experience_areas": _terms("experience_area", payload.experience_areas),
        "competences": _terms("competence", payload.competences),
    }
    created = services.request_create(asker_organisation=asker_org, actor=request.auth, data=data, m2m=m2m)
    return 201, _detail(request.auth, created.pk)


@router.post("/requests/{pk}/submit", response={200: RequestOut, 403: Error, 404: Error, 422: Error})
def request_submit(request, pk: Id):
    engagement = _detail(request.auth, pk, need=ASKER)
    services.request_submit(engagement=engagement, actor=request.auth)
    return _detail(request.auth, pk)


@router.post("/requests/{pk}/intake", response={200: IntakeOut, 403: Error, 404: Error, 422: Error})
def request_intake(request, pk: Id, payload: IntakeIn):
    """The organisation's three questions, each with a reason, and the decision."""
    engagement = _detail(request.auth, pk, need=COORDINATOR)
    review = services.intake_review(engagement=engagement, actor=request.auth, answers=payload.dict())
    return {
        "id": review.pk,
        "decision": review.decision,
        "override": review.override,
        "override_reason": review.override_reason,
        "request": _detail(request.auth, pk),
    }


# --- invitations -----------------------------------------------------------------------------------


def _invitations(queryset):
    requests = _with_details(EngagementRequest.objects)
    return queryset.prefetch_related(Prefetch("request", queryset=requests)).order_by("-created_at", "-pk")


@router.get("/invitations", response={200: list[InvitationOut], 403: Error})
@paginate
def invitation_list(request):
    """The expert's own invitations, newest first."""
    if not get_roles(request.auth).has(Role.EXPERT):
        raise PermissionDenied
    return _invitations(Invitation.objects.filter(expert__user=request.auth).exclude(state=Invitation.State.WITHDRAWN))


@router.post("/invitations/{pk}/respond", response={200: InvitationOut, 404: Error, 422: Error})
def invitation_respond(request, pk: Id, payload: RespondIn):
    invitation = get_invitation_for_expert(request.auth, pk)
    services.invitation_respond(invitation=invitation, actor=request.auth, accept=payload.accept, reason=payload.reason)
    return get_object_or_404(_invitations(Invitation.objects.all()), pk=pk)
