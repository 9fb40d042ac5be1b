"""Hours, expenses and what is not settled yet."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.compensation.models import (
    EntryState,
    ExpenseClaim,
    HourEntry,
    Invoice,
    Payout,
    PayoutBatch,
    Settlement,
    SettlementItem,
)
from inzet.compensation.selectors.tables import PAID_STATES, ZERO, today
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.organisations.models import Role


def effective_hours() -> QuerySet:
    """Approved hour rows that no approved correction replaced."""
    return HourEntry.objects.filter(state=EntryState.APPROVED).exclude(corrections__state=EntryState.APPROVED)


def effective_expenses() -> QuerySet:
    return ExpenseClaim.objects.filter(state=EntryState.APPROVED).exclude(corrections__state=EntryState.APPROVED)


@dataclass
class Unsettled:
    hours: list[tuple[HourEntry, Decimal]] = field(default_factory=list)
    expenses: list[tuple[ExpenseClaim, Decimal]] = field(default_factory=list)
    half_days: dict[int, Decimal] = field(default_factory=dict)  # hour entry pk -> half-days still to pay

    @property
    def total_half_days(self) -> Decimal:
        return sum(self.half_days.values(), Decimal(0))

    @property
    def total_hours(self) -> Decimal:
        return sum((delta for _e, delta in self.hours), ZERO)

    @property
    def total_costs(self) -> Decimal:
        return sum((delta for _e, delta in self.expenses), ZERO)

    def __bool__(self) -> bool:
        return bool(self.hours or self.expenses)


def unsettled_by_invitation(request_ids: Iterable[int]) -> dict[int, Unsettled]:
    """Per assignment: approved rows whose chain is not (fully) settled, with the difference to pay.

    A correction of a row that was already paid settles only the difference (it may be negative).
    Four queries whatever the number of rows.
    """
    request_ids = list(request_ids)
    result: dict[int, Unsettled] = defaultdict(Unsettled)
    settled_hours = {
        chain: (total, half)
        for chain, total, half in SettlementItem.objects.filter(hour_entry__invitation__request_id__in=request_ids)
        .annotate(chain=Coalesce("hour_entry__root_id", "hour_entry_id"))
        .values("chain")
        .annotate(total=Sum("hours"), half=Sum("half_days"))
        .values_list("chain", "total", "half")
    }
    for entry in effective_hours().filter(invitation__request_id__in=request_ids).order_by("date", "pk"):
        done_hours, done_half = settled_hours.get(entry.chain_id, (ZERO, ZERO))
        delta = entry.hours - (done_hours or ZERO)
        delta_half = entry.half_days - (done_half or ZERO)
        if delta or delta_half:
            result[entry.invitation_id].hours.append((entry, delta))
            if delta_half:
                result[entry.invitation_id].half_days[entry.pk] = delta_half
    settled_costs = dict(
        SettlementItem.objects.filter(expense__invitation__request_id__in=request_ids)
        .annotate(chain=Coalesce("expense__root_id", "expense_id"))
        .values("chain")
        .annotate(total=Sum("amount"))
        .values_list("chain", "total")
    )
    for claim in effective_expenses().filter(invitation__request_id__in=request_ids).order_by("date", "pk"):
        delta = claim.amount - (settled_costs.get(claim.chain_id) or ZERO)
        if delta:
            result[claim.invitation_id].expenses.append((claim, delta))
    return dict(result)


def assignment_rows(invitation: Invitation) -> tuple[list[HourEntry], list[ExpenseClaim]]:
    """All hour and expense rows of one assignment, with who did what (two queries)."""
    hours: list[HourEntry] = list(
        HourEntry.objects.filter(invitation=invitation)
        .select_related("created_by", "decided_by", "corrects")
        .annotate(replaced=Exists(HourEntry.objects.filter(corrects=OuterRef("pk"), state=EntryState.APPROVED)))
        .annotate(
            pending_correction=Exists(HourEntry.objects.filter(corrects=OuterRef("pk"), state=EntryState.SUBMITTED))
        )
        .annotate(settled=Exists(SettlementItem.objects.filter(hour_entry=OuterRef("pk"))))
        .order_by("date", "pk")
    )
    expenses: list[ExpenseClaim] = list(
        ExpenseClaim.objects.filter(invitation=invitation)
        .select_related("created_by", "decided_by", "corrects")
        .annotate(replaced=Exists(ExpenseClaim.objects.filter(corrects=OuterRef("pk"), state=EntryState.APPROVED)))
        .annotate(
            pending_correction=Exists(ExpenseClaim.objects.filter(corrects=OuterRef("pk"), state=EntryState.SUBMITTED))
        )
        .annotate(settled=Exists(SettlementItem.objects.filter(expense=OuterRef("pk"))))
        .order_by("date", "pk")
    )
    return hours, expenses


def entries_visible_to(
    user: User,
    model: type[HourEntry] | type[ExpenseClaim],
    *,
    assignment_id: int | None = None,
    state: str | None = None,
) -> QuerySet:
    """Hour rows or expense claims of the person's own assignments, or of assignments of the
    organisations they coordinate, newest first; optionally of one assignment or in one state."""
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    queryset = model.objects.filter(
        Q(invitation__expert__user=user) | Q(invitation__request__deploying_organisation_id__in=org_ids)
    )
    if assignment_id is not None:
        queryset = queryset.filter(invitation_id=assignment_id)
    if state:
        queryset = queryset.filter(state=state)
    return queryset.order_by("-date", "-pk")


def assignments_of_expert(user: User) -> QuerySet:
    return (
        Invitation.objects.filter(expert__user=user, state=Invitation.State.ACCEPTED)
        .select_related("request__asker_organisation", "request__deploying_organisation")
        .annotate(
            hours_pending=Count("hour_entries", filter=Q(hour_entries__state=EntryState.SUBMITTED), distinct=True),
            hours_rejected=Count("hour_entries", filter=Q(hour_entries__state=EntryState.REJECTED), distinct=True),
        )
        .order_by("-request__start_date", "-created_at")
    )


def assignments_of_coordinator(user: User) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return (
        Invitation.objects.filter(state=Invitation.State.ACCEPTED, request__deploying_organisation_id__in=org_ids)
        .select_related("request__asker_organisation", "expert__user")
        .order_by("-request__start_date", "-created_at")
    )


def waiting_for_approval(user: User) -> tuple[QuerySet, QuerySet]:
    """Submitted hour and expense rows of the coordinator's organisations, not of their own work."""
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    common = {"state": EntryState.SUBMITTED, "invitation__request__deploying_organisation_id__in": org_ids}
    related = ("invitation__request__asker_organisation", "invitation__expert__user", "created_by", "corrects")
    hours = HourEntry.objects.filter(**common).exclude(invitation__expert__user=user).select_related(*related)
    expenses = ExpenseClaim.objects.filter(**common).exclude(invitation__expert__user=user).select_related(*related)
    return hours.order_by("date", "pk"), expenses.order_by("date", "pk")


def requests_to_settle(user: User) -> list[tuple[EngagementRequest, dict[int, Unsettled]]]:
    """Requests of the coordinator's organisations with approved rows that are not settled yet."""
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    candidates = EngagementRequest.objects.filter(deploying_organisation_id__in=org_ids).filter(
        Q(invitations__hour_entries__state=EntryState.APPROVED)
        | Q(invitations__expense_claims__state=EntryState.APPROVED)
    )
    request_ids = set(candidates.values_list("pk", flat=True))
    if not request_ids:
        return []
    by_invitation = unsettled_by_invitation(request_ids)
    invitations = Invitation.objects.filter(pk__in=by_invitation).values_list("pk", "request_id")
    per_request: dict[int, dict[int, Unsettled]] = defaultdict(dict)
    for invitation_id, request_id in invitations:
        per_request[request_id][invitation_id] = by_invitation[invitation_id]
    requests = EngagementRequest.objects.filter(pk__in=per_request).select_related("asker_organisation")
    return [(r, per_request[r.pk]) for r in requests.order_by("title")]


def settlements_of(user: User) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return (
        Settlement.objects.filter(organisation_id__in=org_ids)
        .select_related("request__asker_organisation", "invoice")
        .order_by("-created_at", "-pk")
    )


def invoices_for(user: User) -> QuerySet:
    roles = get_roles(user)
    q = Q(organisation_id__in=roles.organisation_ids(Role.COORDINATOR)) | Q(
        asker_organisation_id__in=roles.organisation_ids(Role.ASKER)
    )
    return (
        Invoice.objects.filter(q)
        .select_related("organisation", "asker_organisation", "settlement__request")
        .order_by("-issued_on", "-pk")
    )


def payouts_of(user: User) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return (
        Payout.objects.filter(organisation_id__in=org_ids)
        .select_related("expert__user", "invitation__request", "batch")
        .order_by("state", "-created_at", "-pk")
    )


def batches_of(user: User) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return PayoutBatch.objects.filter(organisation_id__in=org_ids).order_by("-created_at", "-pk")


def payouts_of_expert(user: User, *, year: int | None = None) -> QuerySet:
    queryset = Payout.objects.filter(expert__user=user, state__in=PAID_STATES).select_related(
        "organisation", "invitation__request"
    )
    if year is not None:
        queryset = queryset.filter(pay_date__year=year)
    return queryset.order_by("pay_date", "pk")


def statement_years(user: User) -> list[int]:
    years = {d.year for d in Payout.objects.filter(expert__user=user, state__in=PAID_STATES).dates("pay_date", "year")}
    years.add(today().year)
    return sorted(years, reverse=True)
