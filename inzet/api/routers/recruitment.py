"""Applications and selection decisions, for coordinators and trainers of the organisation.

Same rules as the pages (inzet/recruitment/permissions.py): applications of other organisations are
404; the list shows only the person's own organisations. The list leaves out the motivation; the
detail has it, as on the application page.

The selection steps (recruitment/selection.py) follow the pages in recruitment/selection_views.py:
the organisation's own questions and the group counts are for its coordinators; the intro talk and
shadowing are for coordinators and trainers. Input is checked with the pages' own forms, so a bad
value gets the same Dutch message (422) and nothing is saved.
"""

import datetime
from typing import Literal

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from inzet.api.schemas import Error, Id, Text
from inzet.recruitment import selection, selectors, services
from inzet.recruitment.forms import IntroTalkForm, QuestionForm, ShadowDayForm, ShadowEvaluationForm
from inzet.recruitment.models import Application, IntroTalk, ShadowDay, ShadowEvaluation, StageDecision
from inzet.recruitment.permissions import get_application_for_user, get_recruiting_organisation

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


def _with_motivation(request: HttpRequest, application: Application) -> Application:
    """The detail carries the motivation: log that it was read (never its content), as the page does."""
    if selection.motivation_shown(application):
        _log(request, application, "motivation")
    return application


@router.get("/applications/{pk}", response={200: ApplicationOut, 404: Error})
def application(request: HttpRequest, pk: Id):
    """One application with its motivation; the read is logged."""
    return _with_motivation(request, get_application_for_user(request.auth, pk))


@router.post("/applications/{pk}/decisions", response={201: ApplicationOut, 404: Error, 422: Error})
def decide(request: HttpRequest, pk: Id, payload: ApplicationDecisionIn):
    """Record the decision on the current stage; the applicant gets an e-mail, as on the page."""
    found = get_application_for_user(request.auth, pk)
    services.stage_decide(application=found, decided_by=request.auth, **payload.dict())
    return 201, _with_motivation(request, get_application_for_user(request.auth, pk))


# --- selection steps --------------------------------------------------------------------------------

# Dates are text so that a bad one gets the page's Dutch message ("Vul een datum in, zoals …").
DateText = Field(None, description="Date, e.g. 2026-03-15", json_schema_extra={"format": "date"})


def _log(request: HttpRequest, application: Application, item: str) -> None:
    """Which special-category part was read through the API, never its content (as on the pages)."""
    selection.reads_log(viewer=request.auth, application=application, items=[item], context="api", path=request.path)


def _checked(form: forms.BaseForm) -> dict:
    """The page's form decides what is valid; its errors become one 422 with the Dutch messages."""
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form.cleaned_data


class SelectionQuestion(Schema):
    id: int | None = None
    text: str = ""
    help_text: str = ""
    required: bool = False
    is_active: bool = True


class SelectionQuestionsIn(Schema):
    """All questions in the order they are asked. A question without `id` is new; a question left
    out keeps its place; switch one off with `is_active: false` (given answers stay readable)."""

    questions: list[SelectionQuestion]


class SelectionQuestionsOut(Schema):
    questions: list[SelectionQuestion]


def _questions_out(organisation) -> dict:
    return {"questions": selection.questions_of(organisation)}


@router.get("/organisations/{slug}/questions", response={200: SelectionQuestionsOut, 403: Error, 404: Error})
def questions(request: HttpRequest, slug: Text):
    """The organisation's own application questions (coordinators of the organisation)."""
    return _questions_out(get_recruiting_organisation(request.auth, slug, manage=True))


@router.put(
    "/organisations/{slug}/questions", response={200: SelectionQuestionsOut, 403: Error, 404: Error, 422: Error}
)
def questions_update(request: HttpRequest, slug: Text, payload: SelectionQuestionsIn):
    organisation = get_recruiting_organisation(request.auth, slug, manage=True)
    specs = []
    for item in payload.questions:
        data = _checked(QuestionForm(item.dict()))
        specs.append(
            selection.QuestionSpec(
                text=data["text"],
                help_text=data["help_text"],
                required=data["required"],
                is_active=data["is_active"],
                pk=data["id"],
            )
        )
    selection.questions_configure(organisation=organisation, questions=specs)
    return _questions_out(organisation)


class IntroTalkIn(Schema):
    date: str | None = DateText
    recovery: str = ""
    distance: str = ""
    self_insight: str = ""
    learning_goals: str = ""


class IntroTalkOut(Schema):
    recorded: bool
    date: datetime.date | None = None
    recovery: str = ""
    distance: str = ""
    self_insight: str = ""
    learning_goals: str = ""
    recorded_by: str | None = None
    updated_at: datetime.datetime | None = None


def _intro_out(talk: IntroTalk | None) -> dict:
    if talk is None:
        return {"recorded": False}
    data = {name: getattr(talk, name) for name in selection.INTRO_FIELDS}
    recorded_by = talk.recorded_by.full_name if talk.recorded_by else None
    return {**data, "recorded": True, "recorded_by": recorded_by, "updated_at": talk.updated_at}


def _intro_talk(application: Application) -> IntroTalk | None:
    return IntroTalk.objects.select_related("recorded_by").filter(application=application).first()


@router.get("/applications/{pk}/intro-talk", response={200: IntroTalkOut, 404: Error})
def intro_talk(request: HttpRequest, pk: Id):
    """The intro talk (coordinators and trainers); `recorded: false` until it is written down. Reads are logged."""
    application = get_application_for_user(request.auth, pk)
    talk = _intro_talk(application)
    if talk is not None:
        _log(request, application, "intro_talk")
    return _intro_out(talk)


@router.put("/applications/{pk}/intro-talk", response={200: IntroTalkOut, 403: Error, 404: Error, 422: Error})
def intro_talk_update(request: HttpRequest, pk: Id, payload: IntroTalkIn):
    application = get_application_for_user(request.auth, pk)
    talk = IntroTalk.objects.filter(application=application).first()
    data = _checked(IntroTalkForm(payload.dict(), instance=talk or IntroTalk(application=application)))
    fields = {name: data[name] for name in selection.INTRO_FIELDS}
    selection.intro_talk_record(application=application, recorded_by=request.auth, **fields)
    return _intro_out(_intro_talk(application))


class ShadowDayIn(Schema):
    date: str | None = DateText
    kind: str = Field("day", description="day or half_day (an extra half-day, after the evaluation)")
    notes: str = ""


class ShadowDayOut(Schema):
    id: int
    date: datetime.date
    kind: str
    notes: str


class ShadowingOut(Schema):
    days: int
    days_left: int
    half_days: int
    half_days_left: int
    evaluated: bool
    evaluation_due: bool
    done: bool
    shadow_days: list[ShadowDayOut]


def _shadowing_out(request: HttpRequest, application: Application) -> dict:
    progress = selection.shadow_progress(application)
    days = list(ShadowDay.objects.filter(application=application))
    if any(day.notes for day in days):  # the answer carries the notes
        _log(request, application, "shadow_days")
    return {
        "days": progress.days,
        "days_left": progress.days_left,
        "half_days": progress.half_days,
        "half_days_left": progress.half_days_left,
        "evaluated": progress.evaluated,
        "evaluation_due": progress.evaluation_due,
        "done": progress.done,
        "shadow_days": days,
    }


@router.get("/applications/{pk}/shadowing", response={200: ShadowingOut, 404: Error})
def shadowing(request: HttpRequest, pk: Id):
    """Shadowing progress: five days, the evaluation, then (only when agreed) five half-days."""
    return _shadowing_out(request, get_application_for_user(request.auth, pk))


@router.post("/applications/{pk}/shadow-days", response={201: ShadowingOut, 403: Error, 404: Error, 422: Error})
def shadow_day_add(request: HttpRequest, pk: Id, payload: ShadowDayIn):
    """Count one shadowing day or extra half-day; the same date and kind twice counts once."""
    application = get_application_for_user(request.auth, pk)
    data = _checked(ShadowDayForm(payload.dict()))
    selection.shadow_day_record(application=application, recorded_by=request.auth, **data)
    return 201, _shadowing_out(request, application)


class ShadowEvaluationIn(Schema):
    date: str | None = DateText
    outcome: str = Field("", description="continue, more_half_days or stop")
    applicant_view: str = ""
    organisation_view: str = ""


class ShadowEvaluationOut(Schema):
    recorded: bool
    date: datetime.date | None = None
    outcome: str = ""
    applicant_view: str = ""
    organisation_view: str = ""
    recorded_by: str | None = None
    updated_at: datetime.datetime | None = None


def _evaluation(application: Application) -> ShadowEvaluation | None:
    return ShadowEvaluation.objects.select_related("recorded_by").filter(application=application).first()


def _evaluation_out(evaluation: ShadowEvaluation | None) -> dict:
    if evaluation is None:
        return {"recorded": False}
    return {
        "recorded": True,
        **{name: getattr(evaluation, name) for name in ShadowEvaluationForm.Meta.fields},
        "recorded_by": evaluation.recorded_by.full_name if evaluation.recorded_by else None,
        "updated_at": evaluation.updated_at,
    }


@router.get("/applications/{pk}/shadow-evaluation", response={200: ShadowEvaluationOut, 404: Error})
def shadow_evaluation(request: HttpRequest, pk: Id):
    """The joint evaluation after the shadowing days; `recorded: false` until it is written down. Reads are logged."""
    application = get_application_for_user(request.auth, pk)
    evaluation = _evaluation(application)
    if evaluation is not None:
        _log(request, application, "shadow_evaluation")
    return _evaluation_out(evaluation)


@router.put(
    "/applications/{pk}/shadow-evaluation",
    response={200: ShadowEvaluationOut, 403: Error, 404: Error, 422: Error},
)
def shadow_evaluation_update(request: HttpRequest, pk: Id, payload: ShadowEvaluationIn):
    application = get_application_for_user(request.auth, pk)
    evaluation = ShadowEvaluation.objects.filter(application=application).first()
    form = ShadowEvaluationForm(payload.dict(), instance=evaluation or ShadowEvaluation(application=application))
    data = _checked(form)
    selection.shadow_evaluation_record(
        application=application,
        recorded_by=request.auth,
        **{name: data[name] for name in ShadowEvaluationForm.Meta.fields},
    )
    return _evaluation_out(_evaluation(application))


class GroupCountOut(Schema):
    label: str
    count: int | None = Field(description="null when fewer than five")
    shown: str = Field(description="as the page shows it: the number, or “minder dan 5”")


class GroupTableOut(Schema):
    title: str
    rows: list[GroupCountOut]


class GroupOut(Schema):
    experts: int | None
    experts_shown: str
    applicants: int | None
    applicants_shown: str
    tables: list[GroupTableOut]


def _shown(count: int | None) -> str:
    return _("minder dan 5") if count is None else str(count)


@router.get("/organisations/{slug}/group", response={200: GroupOut, 403: Error, 404: Error})
def group(request: HttpRequest, slug: Text):
    """Diversity and unity of the group: counts only, never a person; under five is “minder dan 5”."""
    overview = selection.group_overview(get_recruiting_organisation(request.auth, slug, manage=True))
    return {
        "experts": overview.experts,
        "experts_shown": _shown(overview.experts),
        "applicants": overview.applicants,
        "applicants_shown": _shown(overview.applicants),
        "tables": [
            {
                "title": table.title,
                "rows": [{"label": r.label, "count": r.count, "shown": _shown(r.count)} for r in table.rows],
            }
            for table in overview.tables
        ],
    }
