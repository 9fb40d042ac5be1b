"""Every write of the privacy app: one function per use case, keyword-only, atomic, idempotent."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.experts.models import ExpertProfile
from inzet.lib.mail import send_mail_later
from inzet.organisations.models import Membership, Organisation, Role
from inzet.privacy import erasure
from inzet.privacy.models import DataRightsEvent, ErasureRequest

logger = logging.getLogger("inzet.privacy")


def event_log(*, kind: str, subject: User | None, actor: User | None) -> None:
    DataRightsEvent.objects.create(kind=kind, subject=subject, actor=actor)
    logger.info("data rights: %s subject=%s actor=%s", kind, getattr(subject, "pk", None), getattr(actor, "pk", None))


def responsible_organisation(user: User) -> Organisation | None:
    """Whose coordinators handle this person's request: their expert organisation, else any
    deploying organisation they belong to; None means the platform operator."""
    profile = ExpertProfile.objects.filter(user=user).select_related("organisation").first()
    if profile is not None:
        return profile.organisation
    membership = (
        Membership.objects.filter(user=user, organisation__kind=Organisation.Kind.DEPLOYING)
        .exclude(role=Role.OPERATOR)
        .select_related("organisation")
        .order_by("pk")
        .first()
    )
    return membership.organisation if membership else None


def erasure_request(*, user: User, reason: str = "") -> tuple[ErasureRequest, bool]:
    """Ask to be erased. A second click or retry returns the open request: (request, created)."""
    existing = ErasureRequest.objects.filter(user=user, state=ErasureRequest.State.REQUESTED).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            request = ErasureRequest.objects.create(
                user=user, organisation=responsible_organisation(user), reason=reason.strip()
            )
            event_log(kind=DataRightsEvent.Kind.ERASURE_REQUESTED, subject=user, actor=user)
    except IntegrityError:
        # Two clicks at the same moment: the unique constraint let one through.
        return ErasureRequest.objects.get(user=user, state=ErasureRequest.State.REQUESTED), False
    return request, True


@transaction.atomic
def erasure_carry_out(*, erasure_request_id: int, actor: User) -> tuple[ErasureRequest, bool]:
    """Carry out an open request. Claims the row first, so a double click or retry does nothing
    the second time: (request, done_now)."""
    request = ErasureRequest.objects.select_for_update().select_related("user").get(pk=erasure_request_id)
    if request.state != ErasureRequest.State.REQUESTED:
        return request, False
    user = request.user
    address, language = user.email, user.preferred_language
    outcome = erasure.person_erase(user=user)
    request.state = ErasureRequest.State.COMPLETED
    request.completed_at = timezone.now()
    request.completed_by = actor
    request.outcome = outcome
    request.reason = ""
    request.save(update_fields=["state", "completed_at", "completed_by", "outcome", "reason"])
    event_log(kind=DataRightsEvent.Kind.ERASURE_COMPLETED, subject=user, actor=actor)
    # The person is told the outcome at the address they had, once the erasure has committed.
    transaction.on_commit(
        lambda: send_mail_later(
            to=[address],
            template="privacy/email/erased",
            context={"outcome": outcome, "kept_until": outcome.get("kept_until", ""), "language": language},
        )
    )
    return request, True
