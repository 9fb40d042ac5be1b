"""What every engagements workflow module shares: the audit trail, a guarded status move, the row
lock, who the coordinators are and the paths that go into mails. services, changes, introductions
and referrals all import these, so none of them reaches into another's private names."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.engagements import rules
from inzet.engagements.models import AuditEvent, EngagementRequest, Invitation
from inzet.lib.mail import notify
from inzet.organisations.models import Role

__all__ = [
    "audit",
    "coordinators_of",
    "day_text",
    "invitation_path",
    "locked",
    "move",
    "notify",
    "request_path",
]


def audit(
    engagement: EngagementRequest, actor: User | None, verb: str, *, old: str = "", new: str = "", note: str = ""
) -> None:
    AuditEvent.objects.create(request=engagement, actor=actor, verb=verb, from_status=old, to_status=new, note=note)


def move(engagement: EngagementRequest, target: str, *, actor: User, as_: rules.Actor, note: str = "") -> None:
    try:
        rules.check_transition(rules.Status(engagement.status), rules.Status(target), as_)
    except rules.TransitionError as exc:
        raise ValidationError(_("Deze stap kan nu niet.")) from exc
    old = engagement.status
    engagement.status = target
    engagement.save(update_fields=["status", "updated_at"])
    audit(engagement, actor, "status", old=old, new=target, note=note)


def locked(engagement: EngagementRequest) -> EngagementRequest:
    # Row lock on PostgreSQL; SQLite's IMMEDIATE transactions already serialise writers.
    return EngagementRequest.objects.select_for_update().get(pk=engagement.pk)


def day_text(moment: datetime) -> str:
    # Task arguments must be JSON: format dates before they go into the mail queue.
    return date_format(timezone.localtime(moment), "j F Y")


def coordinators_of(organisation_id: int) -> list[User]:
    """The active coordinators of an organisation: who gets its mails and may act for it."""
    return list(
        User.objects.filter(
            memberships__organisation_id=organisation_id,
            memberships__role=Role.COORDINATOR,
            memberships__is_active=True,
            is_active=True,
        ).distinct()
    )


def request_path(engagement: EngagementRequest) -> str:
    return reverse("engagements:detail", args=[engagement.pk])


def invitation_path(invitation: Invitation) -> str:
    return reverse("engagements:invitation", args=[invitation.pk])
