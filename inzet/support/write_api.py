"""Growth-plan writes and regional intervisie groups over the API (on the router of inzet/support/api.py,
mounted at /api/support), with the page's permission helpers, forms and services.

Growth plans: only the expert writes their own plan and goals (others 403 when the plan is shared
with them, 404 otherwise); a review may be recorded by anyone the plan is shared with. Intervisie:
as on the pages (inzet/support/intervision.py). Every write takes an Idempotency-Key (inzet/api/api.py);
creating a goal or a review also takes a `nonce`, as the page forms do.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.api.schemas import Error
from inzet.organisations.models import Organisation, Role
from inzet.support import growth, intervision
from inzet.support.api import GoalOut, PlanOut, _plan_out, router
from inzet.support.growth_forms import GOAL_FIELDS, PLAN_FIELDS, GoalForm, PlanForm
from inzet.support.models import GrowthPlan, MentorTalk
from inzet.support.permissions import own_profile, require_support_user


def _form_errors(form) -> ValidationError:
    return ValidationError([f"{field}: {message}" for field, messages in form.errors.items() for message in messages])


def _as_data(values: dict) -> dict:
    """Form data from JSON values: dates as ISO text, booleans as the checkbox sends them."""
    data = {}
    for name, value in values.items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, dt.date):
            data[name] = value.isoformat()
        elif value is not None:
            data[name] = value
    return data


# --- growth plans ----------------------------------------------------------------------------------


class PlanStartIn(Schema):
    template_id: int | None = None


class PlanPatchIn(Schema):
    want_to_get: str | None = None
    want_to_give: str | None = None
    dreams: str | None = None
    needs: str | None = None
    next_review_on: dt.date | None = None
    shared_with_coordinators: bool | None = None
    shared_with_mentors: bool | None = None


class GoalIn(Schema):
    title: str
    kind: str = "get"
    target_on: dt.date | None = None
    status: str = "open"
    actions: str = ""
    support_wanted: str = ""
    nonce: str


class GoalPatchIn(Schema):
    title: str | None = None
    kind: str | None = None
    target_on: dt.date | None = None
    status: str | None = None
    actions: str | None = None
    support_wanted: str | None = None


class ReviewIn(Schema):
    reviewed_on: dt.date
    notes: str = ""
    next_review_on: dt.date | None = None
    talk_id: int | None = None
    nonce: str


class ReviewOut(Schema):
    id: int
    reviewed_on: dt.date
    next_review_on: dt.date | None


def _goal_out(goal) -> GoalOut:
    return GoalOut(**{name: getattr(goal, name) for name in ("id", *GOAL_FIELDS)})


def _plan(request, pk: int) -> GrowthPlan:
    require_support_user(request.auth)
    plan, _access = growth.get_plan_for_user(request.auth, pk)
    return plan


@router.post("/growth-plans", response={201: PlanOut, 403: Error, 404: Error, 422: Error})
def plan_start(request: HttpRequest, payload: PlanStartIn):
    """The expert starts their own plan, empty or from a template of their organisation. A second call
    returns the same plan."""
    require_support_user(request.auth)
    profile = own_profile(request.auth)
    template = None
    if payload.template_id is not None:
        template = growth.templates_for_expert(profile).filter(pk=payload.template_id).first()
        if template is None:
            raise ValidationError(_("template_id: Kies een sjabloon van uw eigen organisatie."))
    plan = growth.plan_start(actor=request.auth, expert=profile, template=template)
    plan = GrowthPlan.objects.select_related("expert__user").prefetch_related("goals").get(pk=plan.pk)
    return 201, _plan_out(request, plan)


@router.patch("/growth-plans/{pk}", response={200: PlanOut, 403: Error, 404: Error, 422: Error})
def plan_update(request: HttpRequest, pk: int, payload: PlanPatchIn):
    """Only the fields you send change; the page's form checks them."""
    plan = _plan(request, pk)
    if plan.expert.user_id != request.auth.pk:
        raise PermissionDenied
    current = {name: getattr(plan, name) for name in PLAN_FIELDS}
    form = PlanForm(_as_data({**current, **payload.model_dump(exclude_unset=True)}))
    if not form.is_valid():
        raise _form_errors(form)
    growth.plan_update(plan=plan, actor=request.auth, **form.cleaned_data)
    return _plan_out(request, GrowthPlan.objects.select_related("expert__user").get(pk=plan.pk))


@router.post("/growth-plans/{pk}/goals", response={201: GoalOut, 403: Error, 404: Error, 422: Error})
def goal_create(request: HttpRequest, pk: int, payload: GoalIn):
    plan = _plan(request, pk)
    if plan.expert.user_id != request.auth.pk:
        raise PermissionDenied
    form = GoalForm(_as_data(payload.model_dump()))
    if not form.is_valid():
        raise _form_errors(form)
    goal = growth.goal_add(plan=plan, actor=request.auth, **form.cleaned_data)
    return 201, _goal_out(goal)


@router.patch("/growth-goals/{pk}", response={200: GoalOut, 403: Error, 404: Error, 422: Error})
def goal_update(request: HttpRequest, pk: int, payload: GoalPatchIn):
    require_support_user(request.auth)
    goal = growth.get_goal_for_owner(request.auth, pk)
    current = {name: getattr(goal, name) for name in GOAL_FIELDS}
    form = GoalForm(_as_data({**current, **payload.model_dump(exclude_unset=True), "nonce": "patch"}))
    if not form.is_valid():
        raise _form_errors(form)
    data = {name: form.cleaned_data[name] for name in GOAL_FIELDS}
    return _goal_out(growth.goal_update(goal=goal, actor=request.auth, **data))


@router.post("/growth-plans/{pk}/reviews", response={201: ReviewOut, 403: Error, 404: Error, 422: Error})
def review_create(request: HttpRequest, pk: int, payload: ReviewIn):
    """The expert or someone the plan is shared with records a review."""
    plan = _plan(request, pk)
    talk = None
    if payload.talk_id is not None:
        talk = MentorTalk.objects.filter(pk=payload.talk_id, expert_id=plan.expert_id).first()
        if talk is None:
            raise ValidationError(_("talk_id: Kies een gesprek van deze ervaringsdeskundige."))
    review = growth.review_record(
        plan=plan,
        actor=request.auth,
        reviewed_on=payload.reviewed_on,
        notes=payload.notes,
        next_review_on=payload.next_review_on,
        talk=talk,
        nonce=payload.nonce,
    )
    return 201, ReviewOut(id=review.pk, reviewed_on=review.reviewed_on, next_review_on=review.next_review_on)


# --- regional intervisie groups --------------------------------------------------------------------


class GroupOut(Schema):
    id: int
    name: str
    region: str
    description: str
    host: str
    facilitator: str
    organisations: list[str]
    members_visible: list[str]
    members_other: int
    you_are_member: bool
    you_may_plan: bool


class GroupIn(Schema):
    host_id: int
    name: str
    region: str
    description: str = ""
    facilitator_id: int
    nonce: str


class TakePartIn(Schema):
    organisation_id: int
    on: bool


class MembershipIn(Schema):
    join: bool
    name_visible: bool = False


def _group_out(user, group) -> GroupOut:
    members = intervision.members_for(user, group)
    return GroupOut(
        id=group.pk,
        name=group.name,
        region=group.region,
        description=group.description,
        host=group.host.name,
        facilitator=group.facilitator.full_name,
        organisations=sorted(group.organisations.values_list("organisation__name", flat=True)),
        members_visible=members.names,
        members_other=members.others,
        you_are_member=group.members.filter(expert__user=user).exists(),
        you_may_plan=intervision.can_plan(user, group),
    )


def _group(request, pk: int):
    require_support_user(request.auth)
    return intervision.get_group_for_user(request.auth, pk)


@router.get("/intervision-groups", response={200: list[GroupOut], 404: Error})
def group_list(request: HttpRequest):
    """Staff: every group in the region offer; experts: the groups their organisation takes part in."""
    require_support_user(request.auth)
    return [_group_out(request.auth, g) for g in intervision.groups_for(request.auth).order_by("name")[:50]]


@router.get("/intervision-groups/{pk}", response={200: GroupOut, 404: Error})
def group_detail(request: HttpRequest, pk: int):
    return _group_out(request.auth, _group(request, pk))


@router.post("/intervision-groups", response={201: GroupOut, 403: Error, 404: Error, 422: Error})
def group_create(request: HttpRequest, payload: GroupIn):
    """A coordinator or trainer of the host organisation; the facilitator is staff of that organisation."""
    require_support_user(request.auth)
    host = Organisation.objects.filter(pk=payload.host_id).first()
    if host is None:
        raise Http404
    facilitator = User.objects.filter(pk=payload.facilitator_id).first()
    if facilitator is None:
        raise ValidationError(_("facilitator_id: Kies een trainer of coördinator van de organisatie."))
    group = intervision.group_create(
        actor=request.auth,
        host=host,
        name=payload.name,
        region=payload.region,
        description=payload.description,
        facilitator=facilitator,
        nonce=payload.nonce,
    )
    return 201, _group_out(request.auth, intervision.get_group_for_user(request.auth, group.pk))


@router.post("/intervision-groups/{pk}/organisations", response={200: GroupOut, 403: Error, 404: Error, 422: Error})
def group_take_part(request: HttpRequest, pk: int, payload: TakePartIn):
    """A coordinator says whether their own organisation takes part."""
    group = _group(request, pk)
    if payload.organisation_id not in get_roles(request.auth).organisation_ids(Role.COORDINATOR):
        raise PermissionDenied
    organisation = Organisation.objects.get(pk=payload.organisation_id)
    intervision.organisation_take_part(actor=request.auth, group=group, organisation=organisation, on=payload.on)
    return _group_out(request.auth, group)


@router.post("/intervision-groups/{pk}/membership", response={200: GroupOut, 403: Error, 404: Error, 422: Error})
def group_membership(request: HttpRequest, pk: int, payload: MembershipIn):
    """An expert joins (choosing whether other members see their name) or leaves."""
    group = _group(request, pk)
    intervision.member_set(actor=request.auth, group=group, join=payload.join, name_visible=payload.name_visible)
    return _group_out(request.auth, group)
