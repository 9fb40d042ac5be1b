"""Applications and selection decisions, for coordinators and trainers of the organisation.

Same rules as the pages (inzet/recruitment/permissions.py): applications of other organisations are
404; the list shows only the person's own organisations. The list leaves out the motivation; the
detail has it, as on the application page.
"""

import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from inzet.api.schemas import Error, Id
from inzet.recruitment import selectors, services
from inzet.recruitment.models import Application, StageDecision
from inzet.recruitment.permissions import get_application_for_user

router = Router(tags=["recruitment"])


class StageOut(Schema):
    id: int
    code: str
    name: str


class ApplicationListOut(Schema):
    id: int
    organisation_id: int
    full_name: str
    status: str
    current_stage: StageOut
    channel: str
    entered_on_behalf: bool
    created_at: datetime.datetime


class DecisionOut(Schema):
    id: int
    stage: StageOut
    date: datetime.date
    decision: str
    notes: str
    message: str
    decided_by: str | None
    email_sent_at: datetime.datetime | None

    @staticmethod
    def resolve_decided_by(obj: StageDecision) -> str | None:
        return obj.decided_by.full_name if obj.decided_by else None


class ApplicationOut(ApplicationListOut):
    email: str
    phone: str
    preferred_contact: str
    channel_other: str
    motivation_text: str
    motivation_in_talk: bool
    motivation_file_name: str
    motivation_file_kind: str
    motivation_transcript: str
    consent_at: datetime.datetime
    expert_profile_id: int | None
    decisions: list[DecisionOut]

    @staticmethod
    def resolve_decisions(obj: Application) -> list[StageDecision]:
        return selectors.application_history(obj)


class ApplicationDecisionIn(Schema):
    decision: Literal["passed", "repeat", "skipped", "not_passed"]
    date: datetime.date | None = None
    notes: str = ""
    message: str = ""
    email: str = ""


@router.get("/applications", response=list[ApplicationListOut])
@paginate
def applications(
    request: HttpRequest, status: str | None = None, stage: str | None = None, organisation_id: Id | None = None
):
    """Applications of the organisations where you are coordinator or trainer, newest first."""
    queryset = selectors.applications_for_user(request.auth).order_by("-created_at", "-pk")
    if status:
        queryset = queryset.filter(status=status)
    if stage:
        queryset = queryset.filter(current_stage__code=stage)
    if organisation_id:
        queryset = queryset.filter(organisation_id=organisation_id)
    return queryset


@router.get("/applications/{pk}", response={200: ApplicationOut, 404: Error})
def application(request: HttpRequest, pk: Id):
    return get_application_for_user(request.auth, pk)


@router.post("/applications/{pk}/decisions", response={201: ApplicationOut, 404: Error, 422: Error})
def decide(request: HttpRequest, pk: Id, payload: ApplicationDecisionIn):
    """Record the decision on the current stage; the applicant gets an e-mail, as on the page."""
    found = get_application_for_user(request.auth, pk)
    services.stage_decide(application=found, decided_by=request.auth, **payload.dict())
    return 201, get_application_for_user(request.auth, pk)
