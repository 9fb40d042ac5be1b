"""Mentor talks, check-ins and group meetings over the API (mounted at /api/support by apps.py, since inzet/api sits below this app), with the same permissions and selectors as the pages.

Experts: their own talks and check-ins. Partners: the talks they held. Coordinators: talks of their
organisation (the words only when the expert shares them) and open low check-ins (the words only
when shared). Askers, operators, others: 404. Two-step login applies here exactly as on the pages:
a session that has not passed two-step login is refused (403), as everywhere in the API.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.api.schemas import Error
from inzet.experts.models import AccessLog
from inzet.organisations.models import Organisation, Role
from inzet.support import growth, intervision, meetings, selectors, services
from inzet.support.forms import partner_choices
from inzet.support.models import MeetingKind
from inzet.support.permissions import (
    STAFF,
    get_profile_for_staff,
    get_talk_for_user,
    own_profile,
    require_support_user,
    staff_org_ids,
    talk_access,
    words_visible,
)

# Authentication (API key or session, with two-step login where it applies) is the API's own: see inzet/api/api.py.
router = Router(tags=["support"])


class TalkOut(Schema):
    id: int
    expert_id: int
    expert_name: str
    partner_name: str
    partner_kind: str
    held_on: dt.date
    goal: str
    discussed: str | None  # None: not yours to read
    shared_with_coordinators: bool
    next_steps: str
    next_on: dt.date | None


class TalkIn(Schema):
    held_on: dt.date
    goal: str
    discussed: str = ""
    next_steps: str = ""
    next_on: dt.date | None = None
    nonce: str
    expert_id: int | None = None  # coordinators and mentors: the expert
    partner_id: int | None = None  # experts: the partner
    shared_with_coordinators: bool = False


class CheckInOut(Schema):
    id: int
    expert_id: int
    expert_name: str
    score: int
    words: str | None
    words_shared: bool
    created_at: dt.datetime


class CheckInIn(Schema):
    score: int
    words: str = ""
    words_shared: bool = False
    nonce: str


def _log(user, profile, item: str, path: str) -> None:
    if user.pk != profile.user_id:
        AccessLog.objects.create(profile=profile, viewer=user, item=item, context="api", path=path[:300])


def _talk_out(request, talk) -> TalkOut:
    readable = talk_access(request.auth, talk).can_read_discussed(talk)
    if readable and talk.discussed:
        _log(request.auth, talk.expert, "mentor_talk", request.path)
    return TalkOut(
        id=talk.pk,
        expert_id=talk.expert_id,
        expert_name=talk.expert.user.full_name,
        partner_name=talk.partner.full_name,
        partner_kind=talk.partner_kind,
        held_on=talk.held_on,
        goal=talk.goal,
        discussed=talk.discussed if readable else None,
        shared_with_coordinators=talk.shared_with_coordinators,
        next_steps=talk.next_steps,
        next_on=talk.next_on,
    )


def _check_in_out(request, check_in) -> CheckInOut:
    visible = words_visible(request.auth, check_in)
    if visible and check_in.words:
        _log(request.auth, check_in.expert, "check_in", request.path)
    return CheckInOut(
        id=check_in.pk,
        expert_id=check_in.expert_id,
        expert_name=check_in.expert.user.full_name,
        score=check_in.score,
        words=check_in.words if visible else None,
        words_shared=check_in.words_shared,
        created_at=check_in.created_at,
    )


@router.get("/talks", response={200: list[TalkOut], 404: Error})
def talks(request: HttpRequest):
    """Talks you may see, newest first (at most 200)."""
    require_support_user(request.auth)
    return [_talk_out(request, t) for t in selectors.talks_for(request.auth).select_related("expert__user")[:200]]


@router.get("/talks/{pk}", response={200: TalkOut, 404: Error})
def talk(request: HttpRequest, pk: int):
    require_support_user(request.auth)
    found, _access = get_talk_for_user(request.auth, pk)
    return _talk_out(request, found)


@router.post("/talks", response={201: TalkOut, 403: Error, 404: Error, 422: Error})
def talk_create(request: HttpRequest, payload: TalkIn):
    """Record a talk. Sending the same nonce again returns the same talk."""
    user = request.auth
    require_support_user(user)
    data = payload.dict()
    expert_id, partner_id = data.pop("expert_id"), data.pop("partner_id")
    if get_roles(user).has(*STAFF):
        expert = get_profile_for_staff(user, expert_id or 0)
        partner = user
    else:
        expert = own_profile(user)
        try:
            partner = partner_choices(expert).get(pk=partner_id or 0)
        except User.DoesNotExist:
            raise ValidationError(_("Kies iemand van uw eigen organisatie.")) from None
    created = services.talk_record(actor=user, expert=expert, partner=partner, **data)
    return 201, _talk_out(request, created)


@router.get("/check-ins", response={200: list[CheckInOut], 404: Error})
def check_ins(request: HttpRequest):
    """Experts: their own check-ins. Coordinators: open low check-ins of their organisations."""
    user = request.auth
    require_support_user(user)
    found = []
    if get_roles(user).has(Role.EXPERT):
        profile = own_profile(user)
        found += list(profile.check_ins.select_related("expert__user")[:100])
    if get_roles(user).has(Role.COORDINATOR):
        found += list(selectors.open_low_checkins(user)[:100])
    return [_check_in_out(request, c) for c in found]


@router.post("/check-ins", response={201: CheckInOut, 403: Error, 404: Error, 422: Error})
def check_in_create(request: HttpRequest, payload: CheckInIn):
    require_support_user(request.auth)
    profile = own_profile(request.auth)
    created = services.checkin_record(expert=profile, actor=request.auth, **payload.dict())
    return 201, _check_in_out(request, created)


# --- group meetings (same helpers as meeting_views.py) ------------------------------------------------


class SeatOut(Schema):
    id: int
    expert_id: int
    expert_name: str
    state: str
    attended: bool | None


class MeetingOut(Schema):
    id: int
    organisation_id: int
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str
    facilitator_name: str
    my_seat: SeatOut | None  # invited experts: their own seat
    seats: list[SeatOut] | None  # staff of the organisation only
    reflection: str | None  # staff of the organisation only


class MeetingIn(Schema):
    organisation_id: int
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str = ""
    facilitator_id: int | None = None  # default: yourself
    nonce: str


class SignupIn(Schema):
    coming: bool


class AttendanceIn(Schema):
    present: list[int]  # seat ids; every other invited seat is marked absent


class ReflectionIn(Schema):
    text: str


def _seat_out(seat) -> SeatOut:
    return SeatOut(
        id=seat.pk,
        expert_id=seat.expert_id,
        expert_name=seat.expert.user.full_name,
        state=seat.state,
        attended=seat.attended,
    )


def _meeting_out(user, meeting, seat, *, with_seats: bool = True) -> MeetingOut:
    is_staff = meetings.is_staff_of(user, meeting)
    scope = intervision.seat_orgs(user, meeting)  # a regional session: only one's own organisation
    seats = None
    if with_seats and (scope is None or scope):
        found = meeting.seats.select_related("expert__user").order_by("pk")
        if scope is not None:
            found = found.filter(expert__organisation_id__in=scope)
        seats = [_seat_out(s) for s in found]
    return MeetingOut(
        id=meeting.pk,
        organisation_id=meeting.organisation_id,
        kind=meeting.kind,
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location=meeting.location,
        facilitator_name=meeting.facilitator.full_name,
        my_seat=_seat_out(seat) if seat is not None else None,
        seats=seats,
        reflection=meeting.reflection if is_staff else None,
    )


@router.get("/meetings", response={200: list[MeetingOut], 404: Error})
def meeting_list(request: HttpRequest):
    """Meetings you are invited to or plan as staff, newest first (at most 100). No seat lists here."""
    user = request.auth
    require_support_user(user)
    found = list(meetings.meetings_for(user)[:100])
    seats = {
        s.meeting_id: s
        for s in meetings.MeetingSeat.objects.filter(meeting__in=found, expert__user=user).select_related(
            "expert__user"
        )
    }
    return [_meeting_out(user, m, seats.get(m.pk), with_seats=False) for m in found]


@router.get("/meetings/{pk}", response={200: MeetingOut, 404: Error})
def meeting_detail(request: HttpRequest, pk: int):
    require_support_user(request.auth)
    meeting, seat = meetings.get_meeting_for_user(request.auth, pk)
    return _meeting_out(request.auth, meeting, seat)


@router.post("/meetings", response={201: MeetingOut, 403: Error, 404: Error, 422: Error})
def meeting_create(request: HttpRequest, payload: MeetingIn):
    """Plan a meeting (coordinators and trainers); every active expert is invited. Same nonce: same meeting."""
    user = request.auth
    require_support_user(user)
    org_ids = staff_org_ids(user)
    if payload.organisation_id not in org_ids:
        raise Http404
    if payload.kind not in MeetingKind.values:
        raise ValidationError(_("Kies een soort bijeenkomst."))
    facilitator = user
    if payload.facilitator_id is not None:
        facilitator = User.objects.filter(pk=payload.facilitator_id).first()
        if facilitator is None:
            raise ValidationError(_("Kies een trainer of coördinator van de organisatie."))
    data = payload.dict()
    data.pop("facilitator_id")
    data["organisation"] = Organisation.objects.get(pk=data.pop("organisation_id"))
    created = meetings.meeting_plan(actor=user, facilitator=facilitator, **data)
    return 201, _meeting_out(user, created, None)


@router.post("/meetings/{pk}/signup", response={200: MeetingOut, 403: Error, 404: Error, 422: Error})
def meeting_signup(request: HttpRequest, pk: int, payload: SignupIn):
    require_support_user(request.auth)
    meeting, seat = meetings.get_meeting_for_user(request.auth, pk)
    if seat is None:
        raise PermissionDenied
    seat = meetings.meeting_signup(meeting=meeting, actor=request.auth, coming=payload.coming)
    return _meeting_out(request.auth, meeting, seat)


@router.post("/meetings/{pk}/attendance", response={200: MeetingOut, 403: Error, 404: Error, 422: Error})
def meeting_attendance(request: HttpRequest, pk: int, payload: AttendanceIn):
    require_support_user(request.auth)
    meeting, seat = meetings.get_meeting_for_user(request.auth, pk)
    meetings.attendance_record(meeting=meeting, actor=request.auth, present=set(payload.present))
    return _meeting_out(request.auth, meeting, seat)


@router.post("/meetings/{pk}/reflection", response={200: MeetingOut, 403: Error, 404: Error, 422: Error})
def meeting_reflection(request: HttpRequest, pk: int, payload: ReflectionIn):
    require_support_user(request.auth)
    meeting, seat = meetings.get_meeting_for_user(request.auth, pk)
    meetings.reflection_save(meeting=meeting, actor=request.auth, text=payload.text)
    return _meeting_out(request.auth, meeting, seat)


# --- growth plans (read; same helpers as growth_views.py) ---------------------------------------------


class GoalOut(Schema):
    id: int
    title: str
    kind: str
    target_on: dt.date | None
    status: str
    actions: str
    support_wanted: str


class PlanOut(Schema):
    id: int
    expert_id: int
    expert_name: str
    started_on: dt.date
    want_to_get: str
    want_to_give: str
    dreams: str
    needs: str
    next_review_on: dt.date | None
    shared_with_coordinators: bool
    shared_with_mentors: bool
    goals: list[GoalOut]


@router.get("/growth-plans", response={200: list[PlanOut], 404: Error})
def plan_list(request: HttpRequest):
    """Your own plan and the plans experts share with you (coordinators and/or mentors)."""
    user = request.auth
    require_support_user(user)
    found = (
        growth.GrowthPlan.objects.filter(Q(expert__user=user) | growth.shared_plans_q(user))
        .select_related("expert__user")
        .prefetch_related("goals")
        .order_by("pk")[:200]
    )
    return [_plan_out(request, p) for p in found]


@router.get("/growth-plans/{pk}", response={200: PlanOut, 404: Error})
def plan_detail(request: HttpRequest, pk: int):
    require_support_user(request.auth)
    plan, _access = growth.get_plan_for_user(request.auth, pk)
    return _plan_out(request, plan)


def _plan_out(request, plan) -> PlanOut:
    _log(request.auth, plan.expert, "growth_plan", request.path)
    return PlanOut(
        id=plan.pk,
        expert_id=plan.expert_id,
        expert_name=plan.expert.user.full_name,
        started_on=plan.started_on,
        want_to_get=plan.want_to_get,
        want_to_give=plan.want_to_give,
        dreams=plan.dreams,
        needs=plan.needs,
        next_review_on=plan.next_review_on,
        shared_with_coordinators=plan.shared_with_coordinators,
        shared_with_mentors=plan.shared_with_mentors,
        goals=[
            GoalOut(
                id=g.pk,
                title=g.title,
                kind=g.kind,
                target_on=g.target_on,
                status=g.status,
                actions=g.actions,
                support_wanted=g.support_wanted,
            )
            for g in plan.goals.all()
        ],
    )
