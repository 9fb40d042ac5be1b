"""Write flows for requests, intake, invitations and agreements: one function per use case."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.engagements import rules
from inzet.engagements.models import (
    Agreement,
    AuditEvent,
    EngagementRequest,
    IntakeReview,
    Invitation,
    RequestStatus,
    Session,
)
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.lib.mail import send_mail_later

INVITATION_DAYS = 7


def _audit(request: EngagementRequest, actor: User | None, verb: str, *, old: str = "", new: str = "", note: str = ""):
    AuditEvent.objects.create(request=request, actor=actor, verb=verb, from_status=old, to_status=new, note=note)


def _move(request: EngagementRequest, target: str, *, actor: User, as_: rules.Actor, note: str = "") -> None:
    try:
        rules.check_transition(rules.Status(request.status), rules.Status(target), as_)
    except rules.TransitionError as exc:
        raise ValidationError(_("Deze stap kan nu niet.")) from exc
    old = request.status
    request.status = target
    request.save(update_fields=["status", "updated_at"])
    _audit(request, actor, "status", old=old, new=target, note=note)


def _locked(request: EngagementRequest) -> EngagementRequest:
    # Row lock on PostgreSQL; SQLite's IMMEDIATE transactions already serialise writers.
    return EngagementRequest.objects.select_for_update().get(pk=request.pk)


def _day(moment) -> str:
    # Task arguments must be JSON: format dates before they go into the mail queue.
    return date_format(timezone.localtime(moment), "j F Y")


def _notify(users, template: str, context: dict) -> None:
    emails = [u.email for u in users if u.email]
    if emails:
        transaction.on_commit(lambda: send_mail_later(to=emails, template=template, context=context))


# --- asker ---------------------------------------------------------------------------------------


@transaction.atomic
def request_submit(*, request: EngagementRequest, actor: User) -> EngagementRequest:
    request = _locked(request)
    missing = [label for label, ok in ((_("doel"), request.goal), (_("titel"), request.title)) if not ok]
    if missing:
        raise ValidationError(_("Vul eerst in: %(fields)s.") % {"fields": ", ".join(missing)})
    _move(request, RequestStatus.SUBMITTED, actor=actor, as_=rules.Actor.ASKER)
    request.submitted_at = timezone.now()
    request.save(update_fields=["submitted_at"])
    return request


@transaction.atomic
def request_cancel(*, request: EngagementRequest, actor: User, as_: rules.Actor, note: str = "") -> EngagementRequest:
    request = _locked(request)
    _move(request, RequestStatus.CANCELLED, actor=actor, as_=as_, note=note)
    request.invitations.filter(state=Invitation.State.PENDING).update(state=Invitation.State.WITHDRAWN)
    return request


# --- the organisation's intake ---------------------------------------------------------------------


@transaction.atomic
def intake_start(*, request: EngagementRequest, actor: User) -> EngagementRequest:
    request = _locked(request)
    _move(request, RequestStatus.INTAKE, actor=actor, as_=rules.Actor.COORDINATOR)
    return request


@transaction.atomic
def intake_review(*, request: EngagementRequest, actor: User, answers: dict) -> IntakeReview:
    """Record the three questions with their reasons, then accept, ask for changes or decline."""
    request = _locked(request)
    if request.status == RequestStatus.SUBMITTED:
        _move(request, RequestStatus.INTAKE, actor=actor, as_=rules.Actor.COORDINATOR)
    review = IntakeReview(request=request, reviewed_by=actor, **answers)
    review.full_clean()
    target = {
        IntakeReview.Decision.ACCEPT: RequestStatus.MATCHING,
        IntakeReview.Decision.CHANGES: RequestStatus.CHANGES_REQUESTED,
        IntakeReview.Decision.DECLINE: RequestStatus.DECLINED,
    }[review.decision]
    if review.decision != IntakeReview.Decision.ACCEPT and not review.message.strip():
        raise ValidationError({"message": _("Schrijf de vrager kort waarom.")})
    review.save()
    _move(request, target, actor=actor, as_=rules.Actor.COORDINATOR, note=review.message)
    if target == RequestStatus.CHANGES_REQUESTED:
        # The asker edits the draft again and resubmits.
        _move(request, RequestStatus.DRAFT, actor=actor, as_=rules.Actor.SYSTEM)
    _notify(
        [request.created_by],
        "engagements/email/intake_decision",
        {
            "title": request.title,
            "decision": review.get_decision_display(),
            "message": review.message,
            "path": f"/vragen/{request.pk}/",
        },
    )
    return review


# --- invitations -----------------------------------------------------------------------------------


def _check_independent(*, actor: User, expert: ExpertProfile) -> None:
    # 002 TIP 12: a coordinator never proposes or assigns themselves, whatever roles they hold.
    if expert.user_id == actor.pk:
        raise PermissionDenied(_("U kunt uzelf niet voorstellen of inzetten."))


@transaction.atomic
def invitation_create(
    *, request: EngagementRequest, expert: ExpertProfile, actor: User, message: str = "", days: int = INVITATION_DAYS
) -> Invitation:
    _check_independent(actor=actor, expert=expert)
    request = _locked(request)
    if request.status != RequestStatus.MATCHING:
        raise ValidationError(_("U kunt alleen uitnodigen terwijl er gezocht wordt."))
    if expert.organisation_id != request.deploying_organisation_id:
        raise PermissionDenied
    if expert.paused or expert.status != ExpertStatus.ACTIVE or not expert.consent_matching:
        raise ValidationError(_("Deze ervaringsdeskundige kan nu niet worden uitgenodigd."))
    invitation, created = Invitation.objects.get_or_create(
        request=request,
        expert=expert,
        defaults={"invited_by": actor, "message": message, "expires_at": timezone.now() + timedelta(days=days)},
    )
    if not created:
        if invitation.state == Invitation.State.PENDING:
            raise ValidationError(_("Deze persoon is al uitgenodigd."))
        invitation.state = Invitation.State.PENDING
        invitation.invited_by = actor
        invitation.message = message
        invitation.reason = ""
        invitation.responded_at = None
        invitation.expires_at = timezone.now() + timedelta(days=days)
        invitation.save()
    _audit(request, actor, "invited", note=str(expert.pk))
    _notify(
        [expert.user],
        "engagements/email/invitation",
        {
            "title": request.title,
            "path": f"/vragen/uitnodigingen/{invitation.pk}/",
            "expires_at": _day(invitation.expires_at),
        },
    )
    return invitation


class SeatsFull(ValidationError):
    pass


@transaction.atomic
def invitation_respond(*, invitation: Invitation, actor: User, accept: bool, reason: str = "") -> Invitation:
    """The expert says yes or no. Seats can never be over-filled, also when two say yes at once."""
    if invitation.expert.user_id != actor.pk:
        raise PermissionDenied
    request = _locked(invitation.request)  # serialises concurrent accepts for this request
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.PENDING:
        raise ValidationError(_("Op deze uitnodiging kunt u niet meer reageren."))
    if invitation.expires_at <= timezone.now():
        invitation.state = Invitation.State.EXPIRED
        invitation.save(update_fields=["state"])
        raise ValidationError(_("Deze uitnodiging is verlopen."))
    if accept:
        accepted = request.invitations.filter(state=Invitation.State.ACCEPTED).count()
        if rules.seats_left(request.experts_needed, accepted) == 0:
            raise SeatsFull(_("Alle plekken zijn al gevuld. Dank u wel voor uw reactie."))
    invitation.state = Invitation.State.ACCEPTED if accept else Invitation.State.DECLINED
    invitation.reason = reason if not accept else ""
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["state", "reason", "responded_at"])
    # A reason to decline is private to the coordinator and never counts against the expert.
    _audit(request, actor, "accepted" if accept else "declined")
    return invitation


@transaction.atomic
def invitations_expire(*, now=None) -> int:
    now = now or timezone.now()
    return Invitation.objects.filter(state=Invitation.State.PENDING, expires_at__lte=now).update(
        state=Invitation.State.EXPIRED
    )


def invitations_remind(*, now=None, before: timedelta = timedelta(days=2)) -> int:
    """Remind experts once, two days before an invitation expires."""
    now = now or timezone.now()
    due = Invitation.objects.filter(
        state=Invitation.State.PENDING, reminded_at__isnull=True, expires_at__gt=now, expires_at__lte=now + before
    ).select_related("expert__user", "request")
    count = 0
    for invitation in due:
        with transaction.atomic():
            invitation.reminded_at = now
            invitation.save(update_fields=["reminded_at"])
            _notify(
                [invitation.expert.user],
                "engagements/email/invitation_reminder",
                {
                    "title": invitation.request.title,
                    "path": f"/vragen/uitnodigingen/{invitation.pk}/",
                    "expires_at": _day(invitation.expires_at),
                },
            )
        count += 1
    return count


# --- agreement, running, completion --------------------------------------------------------------


@transaction.atomic
def agreement_save(*, request: EngagementRequest, actor: User, data: dict) -> Agreement:
    request = _locked(request)
    if request.status != RequestStatus.MATCHING:
        raise ValidationError(_("Afspraken maakt u terwijl er gezocht wordt, voordat de vrager akkoord geeft."))
    agreement, _created = Agreement.objects.update_or_create(request=request, defaults={**data, "drafted_by": actor})
    agreement.full_clean()
    _audit(request, actor, "agreement_saved")
    return agreement


@transaction.atomic
def agreement_accept(*, request: EngagementRequest, actor: User) -> Agreement:
    request = _locked(request)
    agreement = getattr(request, "agreement", None)
    if agreement is None:
        raise ValidationError(_("Er zijn nog geen afspraken om te accepteren."))
    accepted = request.invitations.filter(state=Invitation.State.ACCEPTED).count()
    if accepted < request.experts_needed:
        raise ValidationError(_("Nog niet alle ervaringsdeskundigen hebben ja gezegd."))
    agreement.accepted_by = actor
    agreement.accepted_at = timezone.now()
    agreement.save(update_fields=["accepted_by", "accepted_at"])
    _move(request, RequestStatus.AGREED, actor=actor, as_=rules.Actor.ASKER)
    return agreement


@transaction.atomic
def request_start(*, request: EngagementRequest, actor: User) -> EngagementRequest:
    request = _locked(request)
    _move(request, RequestStatus.RUNNING, actor=actor, as_=rules.Actor.COORDINATOR)
    return request


@transaction.atomic
def request_complete(*, request: EngagementRequest, actor: User, note: str = "") -> EngagementRequest:
    request = _locked(request)
    _move(request, RequestStatus.COMPLETED, actor=actor, as_=rules.Actor.COORDINATOR, note=note)
    return request


@transaction.atomic
def session_add(*, request: EngagementRequest, actor: User, data: dict) -> Session:
    session = Session(request=request, **data)
    session.full_clean()
    session.save()
    _audit(request, actor, "session_added", note=session.title)
    return session
