"""Mentor talks and check-ins over the API (mounted at /api/support by apps.py, since inzet/api sits below this app), with the same permissions and selectors as the pages.

Experts: their own talks and check-ins. Partners: the talks they held. Coordinators: talks of their
organisation (the words only when the expert shares them) and open low check-ins (the words only
when shared). Askers, operators, others: 404. Two-step login applies here exactly as on the pages:
a session that has not passed two-step login is refused (403), as everywhere in the API.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.api.schemas import Error
from inzet.experts.models import AccessLog
from inzet.organisations.models import Role
from inzet.support import selectors, services
from inzet.support.forms import partner_choices
from inzet.support.permissions import (
    STAFF,
    get_profile_for_staff,
    get_talk_for_user,
    own_profile,
    require_support_user,
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
