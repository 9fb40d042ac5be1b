"""Feedback on a completed request over the API (mounted at /api/evaluation by apps.py, since inzet/api
sits below this app), with the same permissions and services as the pages (feedback.py).

Writes take the API's Idempotency-Key header and a request_key in the body: a retry stores once.
Two-step login applies exactly as everywhere in the API.
"""

import datetime as dt
import uuid

from django.http import HttpRequest
from ninja import Router, Schema

from inzet.api.schemas import Error
from inzet.evaluation import feedback

router = Router(tags=["evaluation"])


class AskerFeedbackOut(Schema):
    id: int
    goal_met: int
    cooperation: int
    follow_up: str
    price: str
    remarks: str
    state: str
    created_at: dt.datetime


class ExpertFeedbackOut(Schema):
    id: int
    conditions: int
    safety: int
    paid: str
    remarks: str
    state: str
    created_at: dt.datetime


class FeedbackOut(Schema):
    request_id: int
    asker: AskerFeedbackOut | None
    experts: list[ExpertFeedbackOut]


class AskerFeedbackIn(Schema):
    request_key: uuid.UUID
    goal_met: int
    cooperation: int
    follow_up: str
    price: str = "n_a"
    remarks: str = ""


class ExpertFeedbackIn(Schema):
    request_key: uuid.UUID
    conditions: int
    safety: int
    paid: str
    remarks: str = ""


class ModerationIn(Schema):
    approve: bool
    remarks: str | None = None
    follow_up: str | None = None


def _validated(model, data: dict) -> dict:
    # The same field rules as the page's form (scales 1-5, known choices), with Dutch messages.
    from django.core.exceptions import ValidationError

    errors = {}
    for name, value in data.items():
        field = model._meta.get_field(name)
        try:
            field.clean(value, None)
        except ValidationError as exc:
            errors[name] = exc.messages
    if errors:
        raise ValidationError(errors)
    return data


@router.get("/feedback/{request_id}", response={200: FeedbackOut, 403: Error, 404: Error})
def feedback_read(request: HttpRequest, request_id: int):
    parties = feedback.parties(request.auth, request_id)
    shown = feedback.visible_feedback(parties, request.auth)
    return {"request_id": request_id, "asker": shown["asker"], "experts": shown["experts"]}


@router.post("/feedback/{request_id}/asker", response={201: AskerFeedbackOut, 403: Error, 404: Error, 422: Error})
def asker_feedback(request: HttpRequest, request_id: int, payload: AskerFeedbackIn):
    from inzet.evaluation.models import AskerFeedback

    parties = feedback.parties(request.auth, request_id)
    data = payload.dict()
    key = data.pop("request_key")
    _validated(AskerFeedback, {k: v for k, v in data.items() if k != "follow_up"})
    return 201, feedback.asker_feedback_give(parties=parties, by=request.auth, request_key=key, **data)


@router.post("/feedback/{request_id}/expert", response={201: ExpertFeedbackOut, 403: Error, 404: Error, 422: Error})
def expert_feedback(request: HttpRequest, request_id: int, payload: ExpertFeedbackIn):
    from inzet.evaluation.models import ExpertFeedback

    parties = feedback.parties(request.auth, request_id)
    data = payload.dict()
    key = data.pop("request_key")
    _validated(ExpertFeedback, data)
    return 201, feedback.expert_feedback_give(parties=parties, by=request.auth, request_key=key, **data)


@router.post("/feedback/moderation/{kind}/{item_id}", response={200: dict, 403: Error, 404: Error, 422: Error})
def moderate(request: HttpRequest, kind: str, item_id: int, payload: ModerationIn):
    item = feedback.get_for_moderation(request.auth, kind, item_id)
    done = feedback.feedback_moderate(item=item, by=request.auth, **payload.dict())
    return 200, {"id": done.pk, "state": done.state}
