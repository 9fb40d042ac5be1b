"""The kennismaking over the API, with the same rules as the page (engagements/intro_views.py).

Read: asker, coordinator, trainer, an expert who said yes. Plan: asker or coordinator. Outcome:
the asker side by the asker or a coordinator, an expert's side by that expert or a coordinator.
Not asked on the request, or not yours: 404; wrong role: 403; bad input: 422 (Dutch message).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from inzet.accounts.models import User
from inzet.api.schemas import Error, Id
from inzet.engagements import introductions
from inzet.engagements.permissions import get_request_for_user

router = Router(tags=["engagements"])


class OutcomeOut(Schema):
    side: str
    go: bool | None


class IntroductionOut(Schema):
    required: bool
    cleared: bool
    next: str
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    online: bool | None = None
    location: str = ""
    link: str = ""
    coordinator: int | None = None
    outcomes: list[OutcomeOut] = []


class PlanIn(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime
    online: bool = False
    location: str = ""
    link: str = ""
    coordinator: int


class OutcomeIn(Schema):
    side: str  # "asker" or the invitation id of an expert who said yes
    go: bool
    reason: str = ""


def _load(user, pk: int):
    engagement, access = get_request_for_user(user, pk, allow_expert=True)
    if not introductions.is_required(engagement) or not (access.can_read or access.is_accepted_expert):
        raise Http404
    return engagement, access


def _out(engagement) -> dict:
    state = introductions.status(engagement)
    intro = state.get("introduction")
    data = {"required": state["required"], "cleared": state["cleared"], "next": state["next"]}
    if intro is not None:
        asker = state.get("asker_outcome")
        data.update(
            starts_at=intro.starts_at,
            ends_at=intro.ends_at,
            online=intro.online,
            location=intro.location,
            link=intro.link,
            coordinator=intro.coordinator_id,
            outcomes=[{"side": "asker", "go": asker.go if asker else None}]
            + [{"side": str(i.pk), "go": o.go if o else None} for i, o in state.get("expert_outcomes", [])],
        )
    return data


@router.get("/requests/{pk}/introduction", response={200: IntroductionOut, 404: Error})
def introduction_detail(request, pk: Id):
    engagement, _access = _load(request.auth, pk)
    return _out(engagement)


@router.post("/requests/{pk}/introduction", response={200: IntroductionOut, 403: Error, 404: Error, 422: Error})
def introduction_plan(request, pk: Id, payload: PlanIn):
    engagement, _access = _load(request.auth, pk)
    coordinator = User.objects.filter(pk=payload.coordinator).first()
    if coordinator is None:
        raise ValidationError({"coordinator": _("Kies een coördinator van de organisatie.")})
    introductions.introduction_plan(
        engagement=engagement,
        actor=request.auth,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        online=payload.online,
        location=payload.location,
        link=payload.link,
        coordinator=coordinator,
    )
    return _out(engagement)


@router.post("/requests/{pk}/introduction/outcome", response={200: IntroductionOut, 403: Error, 404: Error, 422: Error})
def introduction_outcome(request, pk: Id, payload: OutcomeIn):
    engagement, _access = _load(request.auth, pk)
    invitation = None
    if payload.side != "asker":
        if not payload.side.isdigit():
            raise Http404
        invitation = get_object_or_404(engagement.invitations.select_related("expert__user"), pk=int(payload.side))
    introductions.introduction_outcome(
        engagement=engagement, actor=request.auth, go=payload.go, reason=payload.reason, invitation=invitation
    )
    return _out(engagement)
