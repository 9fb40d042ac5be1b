"""Hours, expenses and the allowance/benefit rule check.

Same rules as the pages (inzet/compensation/permissions.py): an expert sees and logs their own
hours and expenses; a coordinator of the deploying organisation sees them, logs on the expert's
behalf and decides (never on their own work); everyone else gets 404.

Money goes in and out as strings ("12.50"), never as JSON numbers, so no cent is lost to floats.
"""

import datetime
from decimal import Decimal
from functools import partial
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from pydantic import BeforeValidator, Field

from inzet.api.schemas import Error, Id, Text
from inzet.compensation import rules, selectors, services
from inzet.compensation.explain import show_all
from inzet.compensation.models import ExpenseClaim, ExternalAllowance, HourEntry
from inzet.compensation.permissions import (
    get_assignment_for_user,
    get_expense_for_user,
    get_expert_for_allowances,
    get_external_allowance_for_user,
    get_hour_entry_for_user,
    require_decider,
)
from inzet.experts.disclosure import log_access
from inzet.experts.models import WorkForm
from inzet.lib import uploads

router = Router(tags=["compensation"])


def _no_float(value):
    if isinstance(value, float):
        raise ValueError('send money and hours as a string, e.g. "12.50", never as a JSON number')
    return value


Money = Annotated[Decimal, BeforeValidator(_no_float), Field(ge=0, max_digits=12, decimal_places=2)]


# --- the rule check ------------------------------------------------------------------------------


class PastPaymentIn(Schema):
    date: datetime.date
    amount: Money
    organisation_id: int | str = 1
    hours: Money | None = None
    reward_form: rules.RewardForm = rules.RewardForm.BANK_TRANSFER


class CheckIn(Schema):
    date: datetime.date
    amount: Money = Field(description='The flat allowance (travel allowance included), e.g. "208.00".')
    hours: Money | None = Field(None, description="Hours of the hourly agreement; leave out when there is none.")
    real_costs: Money = Decimal(0)
    organisation_id: int | str = 1
    age_band: rules.AgeBand
    benefit: rules.BenefitSituation = rules.BenefitSituation.NONE
    reward_form: rules.RewardForm = rules.RewardForm.BANK_TRANSFER
    bijstand_exemption: rules.BijstandExemption = rules.BijstandExemption.REGULAR
    history: list[PastPaymentIn] = []


class LineOut(Schema):
    text: str
    sources: list[str] = Field(
        description="Public addresses (Belastingdienst, UWV, a municipality, wetten.overheid.nl)."
    )
    message_id: str = Field(description="The Dutch message id; `text` is it translated to the request's language.")


class CrossedCapOut(Schema):
    kind: str
    limit: Decimal
    resulting_amount: Decimal
    year: int
    already_crossed: bool


class CheckOut(Schema):
    stays_untaxed_allowance: bool | None
    missing_cap_year: int | None = Field(None, description="The year whose tax caps are not entered yet.")
    crossed_caps: list[CrossedCapOut]
    benefit_effect: str
    warnings: bool
    explanation: list[LineOut]
    counted_amount: Decimal
    benefit_rule_code: str | None
    benefit_basis: Decimal | None
    benefit_kept: Decimal | None
    benefit_offset: Decimal | None
    indication: str


@router.post("/compensation/check", response={200: CheckOut, 401: Error, 422: Error})
def check(request: HttpRequest, payload: CheckIn):
    """Check a proposed payment against the rule tables in force (an indication, not advice).

    Runs through the same selector as the pages (`selectors.run_check`), so the answers match.
    """
    if payload.hours == 0:
        return 422, {"detail": "hours must be more than zero, or left out"}
    result = selectors.run_check(
        payment=rules.ProposedPayment(
            date=payload.date,
            amount=payload.amount,
            hours=payload.hours,
            real_costs=payload.real_costs,
            organisation_id=payload.organisation_id,
        ),
        history=rules.PaymentHistory(
            tuple(
                rules.PastPayment(
                    date=p.date,
                    amount=p.amount,
                    organisation_id=p.organisation_id,
                    hours=p.hours or None,
                    reward_form=p.reward_form,
                )
                for p in payload.history
            )
        ),
        age_band=payload.age_band,
        benefit=payload.benefit,
        reward_form=payload.reward_form,
        bijstand_exemption=payload.bijstand_exemption,
    )
    return check_out(result)


def check_out(result: rules.PaymentCheck) -> dict:
    return {
        "stays_untaxed_allowance": result.stays_untaxed_allowance,
        "missing_cap_year": result.missing_cap_year,
        "crossed_caps": [
            {
                "kind": c.kind.value,
                "limit": c.limit,
                "resulting_amount": c.resulting_amount,
                "year": c.year,
                "already_crossed": c.already_crossed,
            }
            for c in result.crossed_caps
        ],
        "benefit_effect": result.benefit_effect.value,
        "warnings": result.warnings,
        "explanation": [
            {"text": shown.text, "sources": list(shown.sources), "message_id": line.msgid}
            for line, shown in zip(result.explanation, show_all(result.explanation), strict=True)
        ],
        "counted_amount": result.counted_amount,
        "benefit_rule_code": result.benefit_rule_code,
        "benefit_basis": result.benefit_basis,
        "benefit_kept": result.benefit_kept,
        "benefit_offset": result.benefit_offset,
        "indication": gettext(rules.INDICATION),
    }


# --- allowances from outside Inzet ----------------------------------------------------------------


class ExternalAllowanceOut(Schema):
    id: int
    expert_id: int
    organisation_name: str
    amount: Decimal
    from_month: datetime.date
    to_month: datetime.date | None

    @staticmethod
    def resolve_amount(obj: ExternalAllowance) -> Decimal:
        return obj.amount_decimal


class ExternalAllowanceIn(Schema):
    expert_id: int
    organisation_name: str = Field(min_length=1, max_length=200)
    amount: Annotated[Decimal, BeforeValidator(_no_float), Field(gt=0, max_digits=10, decimal_places=2)]
    from_month: datetime.date = Field(description="Any day of the first month, e.g. 2026-01-01.")
    to_month: datetime.date | None = Field(None, description="Any day of the last month; leave out when ongoing.")


@router.get("/compensation/external-allowances", response={200: list[ExternalAllowanceOut], 401: Error, 404: Error})
def external_list(request: HttpRequest, expert_id: int):
    """Allowances from outside Inzet of one expert: for the expert and their coordinators only (else 404)."""
    profile, on_behalf = get_expert_for_allowances(request.auth, expert_id)
    if on_behalf:
        log_access(viewer=request.auth, profile=profile, items=["benefit"], context="api", path=request.path)
    return selectors.external_allowances(profile.pk)


@router.post(
    "/compensation/external-allowances",
    response={201: ExternalAllowanceOut, 401: Error, 404: Error, 422: Error},
)
def external_create(request: HttpRequest, payload: ExternalAllowanceIn):
    profile, _on_behalf = get_expert_for_allowances(request.auth, payload.expert_id)
    allowance = services.external_allowance_save(
        expert=profile,
        actor=request.auth,
        organisation_name=payload.organisation_name,
        amount=payload.amount,
        from_month=payload.from_month,
        to_month=payload.to_month,
    )
    return 201, allowance


@router.delete("/compensation/external-allowances/{pk}", response={204: None, 401: Error, 404: Error})
def external_delete(request: HttpRequest, pk: int):
    allowance, _on_behalf = get_external_allowance_for_user(request.auth, pk)
    services.external_allowance_delete(allowance=allowance, actor=request.auth)
    return 204, None


# --- the work form: the path to paid work ---------------------------------------------------------


class ChangeLineOut(Schema):
    text: str
    source: str


class InstrumentOut(Schema):
    name: str
    description: str
    conditions: str
    provider: str
    source: str


class WorkFormOut(Schema):
    work_form: str
    new_work_form: str
    changes: list[ChangeLineOut]
    benefit_hidden: bool = Field(description="true: the reader may not see the benefit, so its lines are left out")
    instruments: list[InstrumentOut] | None = Field(
        description="UWV and municipal instruments (information, not advice); for coordinators only, else null"
    )


class WorkFormIn(Schema):
    work_form: str = Field(description="volunteer, employee or zzp")
    kvk_number: str = Field("", description="zzp only: 8 digits")


def _work_form_out(request: HttpRequest, profile, on_behalf: bool, new: str) -> dict:
    change = selectors.work_form_change_view(
        viewer=request.auth, profile=profile, new=new, path=request.path, context="api"
    )
    instruments = None
    if on_behalf:
        instruments = [
            {
                "name": i.shown_name,
                "description": i.shown_description,
                "conditions": i.shown_conditions,
                "provider": i.provider,
                "source": i.source,
            }
            for i in selectors.work_instruments()
        ]
    return {
        "work_form": profile.work_form,
        "new_work_form": new,
        "changes": change.lines,
        "benefit_hidden": change.benefit_hidden,
        "instruments": instruments,
    }


@router.get("/compensation/experts/{pk}/work-form", response={200: WorkFormOut, 401: Error, 404: Error, 422: Error})
def work_form(request: HttpRequest, pk: Id, new: Text = ""):
    """What changes when the work form changes to `new` (the benefit check again), as on the page:
    for the expert and their coordinators (else 404); benefit lines only where the expert shares it."""
    profile, on_behalf = get_expert_for_allowances(request.auth, pk)
    new = new or profile.work_form
    if new not in WorkForm.values:
        raise ValidationError({"new": gettext("Kies een werkvorm.")})
    return _work_form_out(request, profile, on_behalf, new)


@router.put("/compensation/experts/{pk}/work-form", response={200: WorkFormOut, 401: Error, 404: Error, 422: Error})
def work_form_change(request: HttpRequest, pk: Id, payload: WorkFormIn):
    """Change the work form (the same checks as the page, e.g. a KvK number for zzp); the same form twice
    changes nothing."""
    profile, on_behalf = get_expert_for_allowances(request.auth, pk)
    profile = services.work_form_change(profile=profile, work_form=payload.work_form, kvk_number=payload.kvk_number)
    return _work_form_out(request, profile, on_behalf, profile.work_form)


# --- hours -----------------------------------------------------------------------------------------


class HourOut(Schema):
    id: int
    assignment_id: Id
    date: datetime.date
    hours: Decimal
    description: str
    state: str
    on_behalf: bool
    flags: str
    corrects_id: int | None
    reason: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_assignment_id(obj: HourEntry) -> int:
        return obj.invitation_id


class HourIn(Schema):
    assignment_id: Id
    date: datetime.date
    hours: Annotated[Decimal, BeforeValidator(_no_float), Field(gt=0, le=24, max_digits=5, decimal_places=2)]
    description: str = ""
    # As on the page: false refuses hours outside the request's period or over twice the estimate
    # until confirmed (true); left out, such hours are saved and flagged for the coordinator.
    confirm: bool | None = None


class CompensationDecisionIn(Schema):
    decision: Literal["approve", "reject"]
    note: str = ""


def _decide(access, payload: CompensationDecisionIn, decide):
    """Approve or reject an hour row or an expense claim, as the page's _decide does."""
    require_decider(access)
    return decide(approve=payload.decision == "approve", note=payload.note)


@router.get("/compensation/hours", response=list[HourOut])
def hours_list(request: HttpRequest, assignment_id: Id | None = None, state: Text | None = None):
    """Hour rows the person may see, newest first (at most 500)."""
    return list(selectors.entries_visible_to(request.auth, HourEntry, assignment_id=assignment_id, state=state)[:500])


@router.post("/compensation/hours", response={201: HourOut, 401: Error, 404: Error, 422: Error})
def hours_create(request: HttpRequest, payload: HourIn):
    access = get_assignment_for_user(request.auth, payload.assignment_id)
    entry = services.hours_log(
        invitation=access.invitation,
        actor=request.auth,
        date=payload.date,
        hours=payload.hours,
        description=payload.description,
        confirm=payload.confirm,
    )
    return 201, entry


@router.post(
    "/compensation/hours/{pk}/decision", response={200: HourOut, 401: Error, 403: Error, 404: Error, 422: Error}
)
def hours_decision(request: HttpRequest, pk: Id, payload: CompensationDecisionIn):
    entry, access = get_hour_entry_for_user(request.auth, pk)
    return _decide(access, payload, partial(services.hours_decide, entry=entry, actor=request.auth))


# --- expenses ------------------------------------------------------------------------------------


class ExpenseOut(Schema):
    id: int
    assignment_id: Id
    date: datetime.date
    amount: Decimal
    description: str
    state: str
    on_behalf: bool
    corrects_id: int | None
    reason: str
    receipt_url: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_assignment_id(obj: ExpenseClaim) -> int:
        return obj.invitation_id

    @staticmethod
    def resolve_receipt_url(obj: ExpenseClaim) -> str:
        return reverse("compensation:expense_receipt", args=[obj.pk])


class ExpenseIn(Schema):
    assignment_id: Id
    date: datetime.date
    amount: Annotated[Decimal, Field(gt=0, max_digits=10, decimal_places=2)]
    description: str


@router.get("/compensation/expenses", response=list[ExpenseOut])
def expenses_list(request: HttpRequest, assignment_id: Id | None = None, state: Text | None = None):
    """Expense claims the person may see, newest first (at most 500). The receipt is a link."""
    queryset = selectors.entries_visible_to(request.auth, ExpenseClaim, assignment_id=assignment_id, state=state)
    return list(queryset[:500])


uploads.accepts_uploads_at(r"^/api/compensation/expenses/?$", "receipt")


@router.post("/compensation/expenses", response={201: ExpenseOut, 401: Error, 404: Error, 422: Error})
def expenses_create(request: HttpRequest, payload: Form[ExpenseIn], receipt: File[UploadedFile]):
    """A claim with its receipt (multipart form): a jpg, png or pdf of at most 10 MB."""
    access = get_assignment_for_user(request.auth, payload.assignment_id)
    claim = services.expense_submit(
        invitation=access.invitation,
        actor=request.auth,
        date=payload.date,
        amount=payload.amount,
        description=payload.description,
        receipt=receipt,
    )
    return 201, claim


@router.post(
    "/compensation/expenses/{pk}/decision", response={200: ExpenseOut, 401: Error, 403: Error, 404: Error, 422: Error}
)
def expenses_decision(request: HttpRequest, pk: Id, payload: CompensationDecisionIn):
    claim, access = get_expense_for_user(request.auth, pk)
    return _decide(access, payload, partial(services.expense_decide, claim=claim, actor=request.auth))
