"""Changing one's mind, on the record: the asker asks for changes to the agreement and quote, an
expert steps back after saying yes. One service function per use case, each idempotent against a
double click, each written to the request's audit trail.

An expert's reason for stepping back is private to the coordinators (like a reason to decline): it
is kept on the invitation, never in the audit note, the e-mail or a notice an asker can read.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.engagements import events, rules, versions
from inzet.engagements.models import AgreementVersion, EngagementRequest, Invitation, RequestStatus
from inzet.engagements.service_helpers import audit, coordinators_of, locked, move, notify, request_path

# While the team is being formed or has been agreed, an expert can still step back.
WITHDRAW_STATES = frozenset({RequestStatus.MATCHING, RequestStatus.AGREED})


@transaction.atomic
def agreement_change_request(*, engagement: EngagementRequest, actor: User, reason: str) -> AgreementVersion:
    """The asker asks the coordinator to change the agreement or quote, saying what and why."""
    engagement = locked(engagement)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf wat u anders wilt en waarom.")})
    agreement = getattr(engagement, "agreement", None)
    if agreement is None or engagement.status != RequestStatus.MATCHING or agreement.accepted_at is not None:
        raise ValidationError(_("U kunt nu geen aanpassing vragen: er zijn geen afspraken die op uw akkoord wachten."))
    current = versions.open_change_request(agreement)
    if current is not None:
        return current  # already asked (a double click): once
    version = versions.record(agreement, actor=agreement.drafted_by)  # an agreement from before versions
    version.change_reason = reason[:5000]
    version.change_requested_by = actor
    version.change_requested_at = timezone.now()
    version.save(update_fields=["change_reason", "change_requested_by", "change_requested_at"])
    audit(engagement, actor, "agreement_change_requested", note=str(version.number))
    coordinators = coordinators_of(engagement.deploying_organisation_id)
    text = _("De vrager vraagt een aanpassing van de afspraken bij “%(title)s”") % {"title": engagement.title}
    events.emit(users=coordinators, text=text, path=request_path(engagement))
    notify(
        coordinators,
        "engagements/email/agreement_change_requested",
        {"title": engagement.title, "path": request_path(engagement)},
    )
    return version


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, actor: User, reason: str = "") -> Invitation:
    """The expert steps back after saying yes. The seat is free again, the coordinators are told, no penalty.

    Before the asker's yes the request simply has a free seat. After it (agreed, not yet started)
    the request goes back to "matching", so the coordinator can invite someone else and the asker
    accepts the changed team again. Once the work runs, stepping back goes through the coordinator.
    """
    if invitation.expert.user_id != actor.pk:
        raise PermissionDenied
    engagement = locked(invitation.request)
    invitation = Invitation.objects.select_for_update().select_related("expert__user").get(pk=invitation.pk)
    if invitation.state == Invitation.State.WITHDRAWN and invitation.responded_at is not None:
        return invitation  # already stepped back (a double click)
    if invitation.state != Invitation.State.ACCEPTED:
        raise ValidationError(_("U kunt alleen terugtrekken nadat u ja heeft gezegd."))
    if engagement.status not in WITHDRAW_STATES:
        raise ValidationError(
            _("De inzet is al begonnen of voorbij. Wilt u stoppen? Neem contact op met de coördinator.")
        )
    invitation.state = Invitation.State.WITHDRAWN
    invitation.reason = (reason or "").strip()[:2000]  # for the coordinators only
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["state", "reason", "responded_at"])
    audit(engagement, actor, "expert_withdrew")
    if engagement.status == RequestStatus.AGREED:
        _reopen(engagement, actor=actor)
    coordinators = coordinators_of(engagement.deploying_organisation_id)
    text = _("Een ervaringsdeskundige heeft zich teruggetrokken bij “%(title)s”. Er is een plek vrij.") % {
        "title": engagement.title
    }
    events.emit(users=coordinators, text=text, path=request_path(engagement))
    notify(
        coordinators, "engagements/email/expert_withdrew", {"title": engagement.title, "path": request_path(engagement)}
    )
    return invitation


def _reopen(engagement: EngagementRequest, *, actor: User) -> None:
    """Back to matching: the team changed, so the asker gives a new yes to the next version."""
    move(engagement, RequestStatus.MATCHING, actor=actor, as_=rules.Actor.SYSTEM, note=_("er is een plek vrijgekomen"))
    agreement = getattr(engagement, "agreement", None)
    if agreement is not None and agreement.accepted_at is not None:
        agreement.accepted_at = None
        agreement.accepted_by = None
        agreement.save(update_fields=["accepted_at", "accepted_by"])
