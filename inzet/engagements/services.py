"""Write flows for requests, intake, invitations and agreements: one function per use case."""

import json
import secrets
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.accounts.models import User
from inzet.engagements import rules, versions
from inzet.engagements.models import (
    Agreement,
    CalendarFeed,
    EngagementRequest,
    IntakeReview,
    Invitation,
    InvitationNeed,
    InvitationNeeds,
    RequestAttachment,
    RequestStatus,
    Session,
)
from inzet.engagements.service_helpers import (
    audit,
    coordinators_of,
    day_text,
    invitation_path,
    locked,
    move,
    notify,
    request_path,
)
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.lib.dates import within
from inzet.organisations.models import Organisation
from inzet.taxonomy.models import PostcodeArea

INVITATION_DAYS = 7


def _refuse_when_referring() -> None:
    from inzet.engagements.referrals import refuse_when_referring  # referrals imports this module

    refuse_when_referring()


# --- asker ---------------------------------------------------------------------------------------

# Fields of EngagementRequest the asker fills in (the wizard and the API).
REQUEST_FIELDS = frozenset(
    {
        "deploying_organisation",
        "title",
        "goal",
        "role",
        "practice_setting",
        "structural",
        "min_level",
        "experts_needed",
        "start_date",
        "end_date",
        "hours_estimate",
        "represented_group",
        "policy_phase",
        "research_rung",
        "influence",
        "decision_role",
        "who_decides",
        "expected_result",
        "preparation_hours",
        "travel_hours",
        "getting_to_know",
        "time_investment",
        "online",
        "location",
        "postcode",
        "accessibility",
        "participant_needs",
        "activities",
        "requirements",
        "is_heavy",
        "reward_form",
        "amount_offered",
    }
)
REQUEST_M2M = frozenset({"experience_areas", "competences", "languages"})


def _apply(engagement: EngagementRequest, data: dict, m2m: dict | None) -> None:
    unknown = (set(data) - REQUEST_FIELDS) | (set(m2m or {}) - REQUEST_M2M)
    if unknown:
        raise ValueError(f"Unknown request fields: {sorted(unknown)}")
    deploying = data.get("deploying_organisation")
    if deploying is not None and deploying.kind != Organisation.Kind.DEPLOYING:
        raise ValidationError({"deploying_organisation": _("Kies een organisatie die ervaringsdeskundigen inzet.")})
    for field, value in data.items():
        setattr(engagement, field, value)
    if "postcode" in data:
        pc4 = (engagement.postcode or "").replace(" ", "")[:4]
        engagement.area = PostcodeArea.objects.filter(pc4=pc4).first() if len(pc4) == 4 else None
    today = timezone.localdate()
    for field in ("start_date", "end_date"):
        day = data.get(field)
        if day and not within(day, today=today, years_back=1, years_ahead=5):
            raise ValidationError(
                {field: _("Kies een datum tussen een jaar geleden en vijf jaar vooruit. Kijk of het jaartal klopt.")}
            )
    if engagement.start_date and engagement.end_date and engagement.end_date < engagement.start_date:
        raise ValidationError({"end_date": _("De einddatum ligt voor de begindatum.")})
    engagement.full_clean(exclude=["created_by", "asker_organisation"])
    engagement.save()
    for field, values in (m2m or {}).items():
        getattr(engagement, field).set(values)


@transaction.atomic
def request_create(
    *, asker_organisation: Organisation, actor: User, data: dict, m2m: dict | None = None
) -> EngagementRequest:
    """A new draft. Nothing goes to the organisation until the asker submits it."""
    _refuse_when_referring()
    if asker_organisation.kind != Organisation.Kind.ASKER:
        raise ValidationError(_("Alleen een vragende organisatie kan een vraag stellen."))
    engagement = EngagementRequest(asker_organisation=asker_organisation, created_by=actor)
    _apply(engagement, data, m2m)
    audit(engagement, actor, "created", new=RequestStatus.DRAFT)
    return engagement


@transaction.atomic
def request_update(
    *, engagement: EngagementRequest, actor: User, data: dict, m2m: dict | None = None
) -> EngagementRequest:
    """Change a draft (also after the organisation asked for changes)."""
    engagement = locked(engagement)
    if engagement.status != RequestStatus.DRAFT:
        raise ValidationError(_("U kunt de vraag alleen aanpassen zolang hij nog niet is verstuurd."))
    _apply(engagement, data, m2m)
    return engagement


@transaction.atomic
def attachment_add(
    *, engagement: EngagementRequest, actor: User, upload: UploadedFile, original_name: str
) -> RequestAttachment:
    """Store an attachment under a random name; the form has checked type, content and size."""
    engagement = locked(engagement)
    if engagement.status != RequestStatus.DRAFT:
        raise ValidationError(_("U kunt alleen bestanden toevoegen zolang de vraag nog niet is verstuurd."))
    attachment = RequestAttachment(request=engagement, uploaded_by=actor, original_name=original_name[:200])
    attachment.file.save(original_name, upload, save=False)
    attachment.save()
    audit(engagement, actor, "attachment_added", note=attachment.original_name)
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: RequestAttachment, actor: User) -> None:
    engagement = locked(attachment.request)
    if engagement.status != RequestStatus.DRAFT:
        raise ValidationError(_("U kunt alleen bestanden weghalen zolang de vraag nog niet is verstuurd."))
    name = attachment.original_name
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))  # type: ignore[arg-type]  # a saved attachment has a name
    audit(engagement, actor, "attachment_deleted", note=name)


@transaction.atomic
def request_submit(*, engagement: EngagementRequest, actor: User) -> EngagementRequest:
    _refuse_when_referring()
    engagement = locked(engagement)
    missing = [label for label, ok in ((_("doel"), engagement.goal), (_("titel"), engagement.title)) if not ok]
    if missing:
        raise ValidationError(_("Vul eerst in: %(fields)s.") % {"fields": ", ".join(missing)})
    move(engagement, RequestStatus.SUBMITTED, actor=actor, as_=rules.Actor.ASKER)
    engagement.submitted_at = timezone.now()
    engagement.save(update_fields=["submitted_at"])
    notify(
        coordinators_of(engagement.deploying_organisation_id),
        "engagements/email/submitted",
        {"title": engagement.title, "asker": engagement.asker_organisation.name, "path": request_path(engagement)},
    )
    return engagement


@transaction.atomic
def request_cancel(
    *, engagement: EngagementRequest, actor: User, as_: rules.Actor, note: str = ""
) -> EngagementRequest:
    engagement = locked(engagement)
    move(engagement, RequestStatus.CANCELLED, actor=actor, as_=as_, note=note)
    engagement.invitations.filter(state=Invitation.State.PENDING).update(state=Invitation.State.WITHDRAWN)
    return engagement


# --- the organisation's intake ---------------------------------------------------------------------

INTAKE_MESSAGES = {
    "fits_mission_reason": gettext_lazy("U zegt nee op vraag 1. Schrijf kort waarom."),
    "has_expertise_reason": gettext_lazy("U zegt nee op vraag 2. Schrijf kort waarom."),
    "conditions_ok_reason": gettext_lazy("U zegt nee op vraag 3. Schrijf kort waarom."),
    "override": gettext_lazy(
        "U zegt nee op een van de drie vragen. Wilt u de vraag toch aannemen? Vink dan de uitzondering aan."
    ),
    "override_reason": gettext_lazy("Schrijf waarom u de vraag toch aanneemt, ondanks het nee."),
}


def _intake_summary(review: IntakeReview) -> str:
    def word(value: bool) -> str:
        return _("ja") if value else _("nee")

    return _("missie: %(a)s, deskundigheid: %(b)s, voorwaarden: %(c)s") % {
        "a": word(review.fits_mission),
        "b": word(review.has_expertise),
        "c": word(review.conditions_ok),
    }


@transaction.atomic
def intake_start(*, engagement: EngagementRequest, actor: User) -> EngagementRequest:
    engagement = locked(engagement)
    move(engagement, RequestStatus.INTAKE, actor=actor, as_=rules.Actor.COORDINATOR)
    return engagement


@transaction.atomic
def intake_review(*, engagement: EngagementRequest, actor: User, answers: dict) -> IntakeReview:
    """Record the three questions with their reasons, then accept, ask for changes or decline."""
    engagement = locked(engagement)
    if engagement.status == RequestStatus.SUBMITTED:
        move(engagement, RequestStatus.INTAKE, actor=actor, as_=rules.Actor.COORDINATOR)
    review = IntakeReview(request=engagement, reviewed_by=actor, **answers)
    yes_no = (review.fits_mission, review.has_expertise, review.conditions_ok)
    accept = review.decision == IntakeReview.Decision.ACCEPT
    problems = rules.intake_problems(
        answers=yes_no,
        reasons=(review.fits_mission_reason, review.has_expertise_reason, review.conditions_ok_reason),
        accept=accept,
        override=review.override,
        override_reason=review.override_reason,
    )
    if problems:
        raise ValidationError({name: INTAKE_MESSAGES[name] for name in problems})
    if not (accept and not all(yes_no)):
        # An exception only exists where there is something to make an exception for.
        review.override, review.override_reason = False, ""
    review.full_clean()
    target = {
        IntakeReview.Decision.ACCEPT: RequestStatus.MATCHING,
        IntakeReview.Decision.CHANGES: RequestStatus.CHANGES_REQUESTED,
        IntakeReview.Decision.DECLINE: RequestStatus.DECLINED,
    }[IntakeReview.Decision(review.decision)]
    if review.decision != IntakeReview.Decision.ACCEPT and not review.message.strip():
        raise ValidationError({"message": _("Schrijf de vrager kort waarom.")})
    review.save()
    # The history keeps the three answers (and an override with its reason) for the organisation.
    audit(engagement, actor, "intake_answers", note=_intake_summary(review))
    if review.override:
        audit(engagement, actor, "intake_override", note=review.override_reason)
    move(engagement, target, actor=actor, as_=rules.Actor.COORDINATOR, note=review.message)
    if target == RequestStatus.CHANGES_REQUESTED:
        # The asker edits the draft again and resubmits.
        move(engagement, RequestStatus.DRAFT, actor=actor, as_=rules.Actor.SYSTEM)
    notify(
        [engagement.created_by],
        "engagements/email/intake_decision",
        {
            "title": engagement.title,
            "decision": review.get_decision_display(),
            "message": review.message,
            "path": request_path(engagement),
        },
    )
    return review


# --- invitations -----------------------------------------------------------------------------------


def _check_independent(*, actor: User, expert: ExpertProfile) -> None:
    # docs/domain/request-loop.md#independence: a coordinator never proposes or assigns themselves, whatever roles they hold.
    if expert.user_id == actor.pk:
        raise PermissionDenied(_("U kunt uzelf niet voorstellen of inzetten."))


@transaction.atomic
def invitation_create(
    *, engagement: EngagementRequest, expert: ExpertProfile, actor: User, message: str = "", days: int = INVITATION_DAYS
) -> Invitation:
    _check_independent(actor=actor, expert=expert)
    engagement = locked(engagement)
    if engagement.status != RequestStatus.MATCHING:
        raise ValidationError(_("U kunt alleen uitnodigen terwijl er gezocht wordt."))
    if expert.organisation_id != engagement.deploying_organisation_id:
        raise PermissionDenied
    if expert.paused or expert.status != ExpertStatus.ACTIVE or not expert.consent_matching:
        raise ValidationError(_("Deze ervaringsdeskundige kan nu niet worden uitgenodigd."))
    invitation, created = Invitation.objects.get_or_create(
        request=engagement,
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
    audit(engagement, actor, "invited", note=str(expert.pk))
    notify(
        [expert.user],
        "engagements/email/invitation",
        {
            "title": engagement.title,
            "path": invitation_path(invitation),
            "expires_at": day_text(invitation.expires_at),
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
    engagement = locked(invitation.request)  # serialises concurrent accepts for this request
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.PENDING:
        raise ValidationError(_("Op deze uitnodiging kunt u niet meer reageren."))
    if invitation.expires_at <= timezone.now():
        invitation.state = Invitation.State.EXPIRED
        invitation.save(update_fields=["state"])
        raise ValidationError(_("Deze uitnodiging is verlopen."))
    if accept:
        accepted = engagement.invitations.filter(state=Invitation.State.ACCEPTED).count()
        if rules.seats_left(engagement.experts_needed, accepted) == 0:
            raise SeatsFull(_("Alle plekken zijn al gevuld. Dank u wel voor uw reactie."))
    invitation.state = Invitation.State.ACCEPTED if accept else Invitation.State.DECLINED
    invitation.reason = reason if not accept else ""
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["state", "reason", "responded_at"])
    # A reason to decline is private to the coordinator and never counts against the expert.
    audit(engagement, actor, "accepted" if accept else "declined")
    # The reason stays in the app: it does not travel by e-mail.
    notify(
        [invitation.invited_by],
        "engagements/email/invitation_answered",
        {"title": engagement.title, "accepted": accept, "path": request_path(engagement)},
    )
    return invitation


NEEDS_MESSAGES = {
    "safety_net_person": gettext_lazy("Wie is uw vangnet? Schrijf een naam of een functie."),
    "other": gettext_lazy("U koos 'iets anders'. Schrijf kort wat u nodig heeft."),
}


@transaction.atomic
def invitation_needs_state(
    *,
    invitation: Invitation,
    actor: User,
    kinds: list[str],
    duo_partner: str = "",
    safety_net_person: str = "",
    safety_net_when: str = "",
    other: str = "",
    share_with_asker: bool = False,
) -> InvitationNeeds:
    """The expert says what they need for this assignment; saying it again replaces it (safe to repeat)."""
    if invitation.expert.user_id != actor.pk:
        raise PermissionDenied
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.ACCEPTED:
        raise ValidationError(_("U geeft aan wat u nodig heeft nadat u ja heeft gezegd."))
    kinds = [code for code in InvitationNeed.values if code in set(kinds)]
    problems = rules.needs_problems(kinds=kinds, safety_net_person=safety_net_person, other=other)
    if problems:
        raise ValidationError({name: NEEDS_MESSAGES[name] for name in problems})
    values = {
        "kinds": json.dumps(kinds),
        "duo_partner": duo_partner.strip() if "duo" in kinds else "",
        "safety_net_person": safety_net_person.strip() if "safety_net" in kinds else "",
        "safety_net_when": safety_net_when.strip() if "safety_net" in kinds else "",
        "other": other.strip() if "other" in kinds else "",
        "share_with_asker": share_with_asker,
    }
    needs, _created = InvitationNeeds.objects.update_or_create(invitation=invitation, defaults=values)
    # Which item, never its content.
    audit(invitation.request, actor, "needs_stated")
    return needs


@transaction.atomic
def invitations_expire(*, now: datetime | None = None) -> int:
    """One conditional UPDATE: two runs at once cannot expire the same row twice, and nothing is sent."""
    now = now or timezone.now()
    return Invitation.objects.filter(state=Invitation.State.PENDING, expires_at__lte=now).update(
        state=Invitation.State.EXPIRED
    )


def _due_reminders(*, now: datetime, before: timedelta) -> list[Invitation]:
    return list(
        Invitation.objects.filter(
            state=Invitation.State.PENDING, reminded_at__isnull=True, expires_at__gt=now, expires_at__lte=now + before
        ).select_related("expert__user", "request")
    )


def invitations_remind(*, now: datetime | None = None, before: timedelta = timedelta(days=2)) -> int:
    """Remind experts once, two days before an invitation expires.

    Cron, the task worker and the coordinator's button may run this at the same moment. Each row is
    claimed with a conditional UPDATE before its mail is queued (as healthchecks' sendalerts does):
    only the run whose UPDATE changed the row sends the reminder; any other run skips it.
    """
    now = now or timezone.now()
    count = 0
    for invitation in _due_reminders(now=now, before=before):
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=invitation.pk, state=Invitation.State.PENDING, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed != 1:
                continue  # another run got there first, or the expert answered in the meantime
            notify(
                [invitation.expert.user],
                "engagements/email/invitation_reminder",
                {
                    "title": invitation.request.title,
                    "path": invitation_path(invitation),
                    "expires_at": day_text(invitation.expires_at),
                },
            )
        count += 1
    return count


def invitations_housekeeping(*, now: datetime | None = None) -> dict[str, int]:
    """Expire what ran out, then remind who is due. Run daily (cron or the task worker)."""
    now = now or timezone.now()
    return {"expired": invitations_expire(now=now), "reminded": invitations_remind(now=now)}


# --- agreement, running, completion --------------------------------------------------------------


@transaction.atomic
def agreement_save(*, engagement: EngagementRequest, actor: User, data: dict) -> Agreement:
    engagement = locked(engagement)
    if engagement.status != RequestStatus.MATCHING:
        raise ValidationError(_("Afspraken maakt u terwijl er gezocht wordt, voordat de vrager akkoord geeft."))
    agreement, _created = Agreement.objects.update_or_create(request=engagement, defaults={**data, "drafted_by": actor})
    agreement.full_clean()
    before = versions.latest(agreement)
    version = versions.record(agreement, actor=actor)
    if before is not None and version.pk == before.pk:
        return agreement  # nothing changed (a second click): no new version, no second e-mail
    audit(engagement, actor, "agreement_saved", note=str(version.number))
    notify(
        [engagement.created_by],
        "engagements/email/agreement_ready",
        {
            "title": engagement.title,
            "organisation": engagement.deploying_organisation.name,
            "path": request_path(engagement),
        },
    )
    return agreement


@transaction.atomic
def agreement_accept(*, engagement: EngagementRequest, actor: User) -> Agreement:
    engagement = locked(engagement)
    agreement = getattr(engagement, "agreement", None)
    if agreement is None:
        raise ValidationError(_("Er zijn nog geen afspraken om te accepteren."))
    accepted = engagement.invitations.filter(state=Invitation.State.ACCEPTED).count()
    if accepted < engagement.experts_needed:
        raise ValidationError(_("Nog niet alle ervaringsdeskundigen hebben ja gezegd."))
    if versions.open_change_request(agreement) is not None:
        raise ValidationError(_("U heeft om een aanpassing gevraagd. Wacht op de nieuwe versie van de coördinator."))
    version = versions.record(agreement, actor=agreement.drafted_by)  # an agreement from before versions
    agreement.accepted_by = actor
    agreement.accepted_at = timezone.now()
    agreement.save(update_fields=["accepted_by", "accepted_at"])
    move(
        engagement,
        RequestStatus.AGREED,
        actor=actor,
        as_=rules.Actor.ASKER,
        note=_("versie %(n)s") % {"n": version.number},
    )
    # The seats are filled: invitations still open are no longer needed.
    engagement.invitations.filter(state=Invitation.State.PENDING).update(state=Invitation.State.WITHDRAWN)
    _notify_experts(engagement, "engagements/email/agreement_accepted")
    return agreement


def _notify_experts(engagement: EngagementRequest, template: str) -> None:
    for invitation in engagement.invitations.filter(state=Invitation.State.ACCEPTED).select_related("expert__user"):
        notify([invitation.expert.user], template, {"title": engagement.title, "path": invitation_path(invitation)})


@transaction.atomic
def request_start(*, engagement: EngagementRequest, actor: User) -> EngagementRequest:
    engagement = locked(engagement)
    from inzet.engagements.introductions import require_cleared  # introductions imports this module

    require_cleared(engagement)
    move(engagement, RequestStatus.RUNNING, actor=actor, as_=rules.Actor.COORDINATOR)
    _notify_experts(engagement, "engagements/email/started")
    return engagement


@transaction.atomic
def request_complete(*, engagement: EngagementRequest, actor: User, note: str = "") -> EngagementRequest:
    engagement = locked(engagement)
    move(engagement, RequestStatus.COMPLETED, actor=actor, as_=rules.Actor.COORDINATOR, note=note)
    return engagement


# Sessions are planned once the organisation accepted the request, until it ends.
SESSION_STATES = frozenset({RequestStatus.MATCHING, RequestStatus.AGREED, RequestStatus.RUNNING})


@transaction.atomic
def session_add(*, engagement: EngagementRequest, actor: User, data: dict) -> Session:
    if engagement.status not in SESSION_STATES:
        raise ValidationError(_("Bijeenkomsten plant u nadat de vraag is aangenomen, tot de inzet klaar is."))
    session = Session(request=engagement, **data)
    session.full_clean()
    session.save()
    audit(engagement, actor, "session_added", note=session.title)
    return session


# --- calendar feed -------------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def calendar_feed_get(*, user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user, defaults={"token": _new_token()})
    return feed


@transaction.atomic
def calendar_feed_renew(*, user: User) -> CalendarFeed:
    """A new secret address; the old one stops working at once."""
    feed, created = CalendarFeed.objects.get_or_create(user=user, defaults={"token": _new_token()})
    if not created:
        feed.token = _new_token()
        feed.save(update_fields=["token"])
    return feed
