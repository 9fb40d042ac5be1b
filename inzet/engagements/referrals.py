"""Referring instead of brokering (docs/domain/policy-switches.md): with the installation's brokerage
switch off, askers do not create brokered requests. They find an organisation and its contact
people, and send a referral question; the organisation takes it on (or not) outside Inzet's flow.
With the switch on, nothing here is used and the request wizard works as always.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.engagements.models import Referral
from inzet.engagements.service_helpers import coordinators_of, notify
from inzet.organisations.models import Membership, Organisation, PolicySettings, Role


def brokering() -> bool:
    return PolicySettings.current().brokerage


def refuse_when_referring() -> None:
    """Called by the request services: a brokered request cannot start while the switch is off."""
    if not brokering():
        raise ValidationError(
            _(
                "Op deze website zoeken wij niet zelf ervaringsdeskundigen voor u. Stuur uw vraag rechtstreeks naar een organisatie: kies Doorverwijzen."
            )
        )


# --- reads -----------------------------------------------------------------------------------------


@dataclass
class OrganisationCard:
    organisation: Organisation
    contacts: list[str]


def organisations_to_refer_to() -> list[OrganisationCard]:
    """Deploying organisations with their contact people (active coordinators), two queries."""
    coordinators = Membership.objects.filter(role=Role.COORDINATOR, is_active=True).select_related("user")
    organisations = (
        Organisation.objects.filter(kind=Organisation.Kind.DEPLOYING)
        .prefetch_related(Prefetch("memberships", queryset=coordinators.order_by("user__full_name"), to_attr="coords"))
        .order_by("name")
    )
    return [OrganisationCard(organisation=o, contacts=[m.user.full_name for m in o.coords]) for o in organisations]


def referrals_for(user) -> tuple[QuerySet, QuerySet]:
    """(sent by the person's asker organisations, received by their deploying organisations)."""
    roles = get_roles(user)
    base = Referral.objects.select_related("asker_organisation", "organisation", "created_by", "answered_by")
    sent = base.filter(asker_organisation_id__in=roles.organisation_ids(Role.ASKER))
    received = base.filter(organisation_id__in=roles.organisation_ids(Role.COORDINATOR, Role.TRAINER))
    return sent, received


def get_referral_to_answer(user, pk: int) -> Referral:
    """404 for whoever does not see it; 403 for a trainer (reads, never answers)."""
    _sent, received = referrals_for(user)
    referral = received.filter(pk=pk).first()
    if referral is None:
        from django.http import Http404

        raise Http404
    if not get_roles(user).has(Role.COORDINATOR, organisation_id=referral.organisation_id):
        raise PermissionDenied
    return referral


# --- writes ----------------------------------------------------------------------------------------


@transaction.atomic
def referral_send(
    *, asker_organisation: Organisation, organisation: Organisation, actor: User, question: str, contact: str
) -> Referral:
    if brokering():
        raise ValidationError(
            _("Op deze website zoeken wij zelf ervaringsdeskundigen voor u. Stel uw vraag via Nieuwe vraag.")
        )
    if asker_organisation.kind != Organisation.Kind.ASKER or organisation.kind != Organisation.Kind.DEPLOYING:
        raise PermissionDenied
    errors = {}
    if not question.strip():
        errors["question"] = _("Schrijf uw vraag in een paar zinnen.")
    if not contact.strip():
        errors["contact"] = _("Schrijf hoe de organisatie u kan bereiken, bijvoorbeeld een telefoonnummer.")
    if errors:
        raise ValidationError(errors)
    referral = Referral.objects.create(
        asker_organisation=asker_organisation,
        organisation=organisation,
        created_by=actor,
        question=question.strip(),
        contact=contact.strip(),
    )
    # The question itself stays in the app; the mail only says there is one (sent after commit).
    notify(
        coordinators_of(organisation.pk),
        "engagements/email/referral_received",
        {"asker": asker_organisation.name, "path": reverse("engagements:referrals")},
    )
    return referral


@transaction.atomic
def referral_answer(*, referral: Referral, actor: User, take_on: bool, answer: str) -> Referral:
    """Take it on or not; once answered, answering again changes nothing (safe against a double click)."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.state != Referral.State.SENT:
        raise ValidationError(_("Op deze vraag is al geantwoord."))
    if not take_on and not answer.strip():
        raise ValidationError({"answer": _("Schrijf de vrager kort waarom niet, of naar wie zij kunnen gaan.")})
    referral.state = Referral.State.TAKEN_ON if take_on else Referral.State.NOT_TAKEN
    referral.answer = answer.strip()
    referral.answered_by = actor
    referral.answered_at = timezone.now()
    referral.save(update_fields=["state", "answer", "answered_by", "answered_at"])
    return referral
