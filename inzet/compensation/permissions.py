"""Who may see and change money matters. Built on inzet/accounts/permissions.py.

404 for what a person may not know exists, 403 for what they may see but not change:
- an expert sees their own assignments, hours, expenses, payouts and year statements;
- coordinators of the deploying organisation see all of that for their organisation, log on an
  expert's behalf, approve (never their own work) and settle;
- askers see only invoices addressed to their own organisation;
- the operator edits the rule tables;
- allowances from outside Inzet: only the expert and the coordinators of the expert's organisation.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from inzet.accounts.permissions import get_roles
from inzet.compensation.models import (
    ExpenseClaim,
    ExternalAllowance,
    HourEntry,
    Invoice,
    Payout,
    PayoutBatch,
    Settlement,
)
from inzet.engagements.models import Invitation
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role

ASSIGNMENT_RELATED = (
    "request__agreement",
    "request__asker_organisation",
    "request__deploying_organisation",
    "expert__user",
)


@dataclass(frozen=True)
class AssignmentAccess:
    invitation: Invitation
    is_expert: bool
    is_coordinator: bool

    @property
    def can_decide(self) -> bool:
        """Approving needs a coordinator who is not the expert (docs/domain/request-loop.md#independence: never your own work)."""
        return self.is_coordinator and not self.is_expert

    @property
    def on_behalf(self) -> bool:
        return not self.is_expert


def _access(user, invitation: Invitation) -> AssignmentAccess:
    is_expert = invitation.expert.user_id == user.pk
    is_coordinator = get_roles(user).has(Role.COORDINATOR, organisation_id=invitation.request.deploying_organisation_id)
    if not (is_expert or is_coordinator):
        raise Http404
    return AssignmentAccess(invitation=invitation, is_expert=is_expert, is_coordinator=is_coordinator)


def get_assignment_for_user(user, pk: int, *, pending_too: bool = False) -> AssignmentAccess:
    """An accepted invitation (an assignment) of this expert, or of the coordinator's organisation."""
    states = [Invitation.State.ACCEPTED] + ([Invitation.State.PENDING] if pending_too else [])
    invitation = Invitation.objects.select_related(*ASSIGNMENT_RELATED).filter(pk=pk, state__in=states).first()
    if invitation is None or not user.is_authenticated:
        raise Http404
    return _access(user, invitation)


def get_hour_entry_for_user(user, pk: int) -> tuple[HourEntry, AssignmentAccess]:
    entry = HourEntry.objects.select_related(*(f"invitation__{r}" for r in ASSIGNMENT_RELATED)).filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry, _access(user, entry.invitation)


def get_expense_for_user(user, pk: int) -> tuple[ExpenseClaim, AssignmentAccess]:
    claim = ExpenseClaim.objects.select_related(*(f"invitation__{r}" for r in ASSIGNMENT_RELATED)).filter(pk=pk).first()
    if claim is None:
        raise Http404
    return claim, _access(user, claim.invitation)


def require_decider(access: AssignmentAccess) -> None:
    if not access.can_decide:
        raise PermissionDenied


def is_coordinator_of(user, organisation_id: int) -> bool:
    return get_roles(user).has(Role.COORDINATOR, organisation_id=organisation_id)


def get_invoice_for_user(user, pk: int) -> tuple[Invoice, bool]:
    """The invoice and whether the person is a coordinator of the sender (else an asker of the addressee)."""
    invoice = (
        Invoice.objects.select_related("organisation", "asker_organisation", "settlement__request")
        .filter(pk=pk)
        .first()
    )
    if invoice is None:
        raise Http404
    roles = get_roles(user)
    if roles.has(Role.COORDINATOR, organisation_id=invoice.organisation_id):
        return invoice, True
    if roles.has(Role.ASKER, organisation_id=invoice.asker_organisation_id):
        return invoice, False
    raise Http404


def get_settlement_for_user(user, pk: int) -> Settlement:
    settlement = (
        Settlement.objects.select_related("request__asker_organisation", "organisation", "invoice")
        .filter(pk=pk)
        .first()
    )
    if settlement is None or not is_coordinator_of(user, settlement.organisation_id):
        raise Http404
    return settlement


def get_payout_for_user(user, pk: int) -> Payout:
    payout = (
        Payout.objects.select_related("expert__user", "invitation__request", "organisation", "settlement")
        .filter(pk=pk)
        .first()
    )
    if payout is None or not is_coordinator_of(user, payout.organisation_id):
        raise Http404
    if payout.expert.user_id == user.pk:
        # A coordinator who is also the expert may not approve their own payment.
        raise PermissionDenied
    return payout


def get_batch_for_user(user, pk: int) -> PayoutBatch:
    batch = PayoutBatch.objects.filter(pk=pk).first()
    if batch is None or not is_coordinator_of(user, batch.organisation_id):
        raise Http404
    return batch


def get_expert_for_allowances(user, expert_pk: int) -> tuple[ExpertProfile, bool]:
    """The expert whose outside allowances `user` may see and change: the expert, or their coordinator.

    Returns (profile, on_behalf). Anyone else gets 404, so they cannot even learn that the expert exists.
    """
    profile = ExpertProfile.objects.select_related("user").filter(pk=expert_pk).first()
    if profile is None or not user.is_authenticated:
        raise Http404
    if profile.user_id == user.pk:
        return profile, False
    if get_roles(user).has(Role.COORDINATOR, organisation_id=profile.organisation_id):
        return profile, True
    raise Http404


def get_external_allowance_for_user(user, pk: int) -> tuple[ExternalAllowance, bool]:
    allowance = ExternalAllowance.objects.filter(pk=pk).first()
    if allowance is None:
        raise Http404
    _profile, on_behalf = get_expert_for_allowances(user, allowance.expert_id)
    return allowance, on_behalf
