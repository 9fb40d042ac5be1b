"""Write flows for support: one function per use case, keyword-only, atomic.

Double clicks and retries: every form carries a random `nonce`; the same nonce saves once.
"""

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.engagements.models import Invitation
from inzet.experts import services as expert_services
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.lib.mail import notify
from inzet.organisations.models import Membership, Role
from inzet.support import rules
from inzet.support.models import BuddyPair, CheckIn, EarlyConversation, MentorTalk, Outcome, PartnerKind, TalkReminder

# The rows a form posts once (a double click or a retry finds the first by its nonce).
_Once = TypeVar("_Once", MentorTalk, CheckIn, EarlyConversation)

_notify = notify  # one mail path for every app: inzet.lib.mail


def _once(model: type[_Once], nonce: str) -> _Once | None:
    if not nonce or len(nonce) > 64:
        raise ValidationError(_("Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens."))
    return model.objects.filter(nonce=nonce).first()


def _partner_kind(partner: User, organisation_id: int) -> str:
    roles = get_roles(partner)
    if roles.has(Role.COORDINATOR, organisation_id=organisation_id):
        return PartnerKind.COORDINATOR
    if roles.has(Role.TRAINER, organisation_id=organisation_id):
        return PartnerKind.MENTOR
    if roles.has(Role.EXPERT, organisation_id=organisation_id):
        return PartnerKind.FELLOW
    raise ValidationError({"partner": [_("Kies iemand van uw eigen organisatie.")]})


# --- mentor talks ----------------------------------------------------------------------------------


@transaction.atomic
def talk_record(
    *,
    actor: User,
    expert: ExpertProfile,
    partner: User,
    held_on: dt.date,
    goal: str,
    discussed: str = "",
    shared_with_coordinators: bool = False,
    next_steps: str = "",
    next_on: dt.date | None = None,
    nonce: str,
) -> MentorTalk:
    """Record a talk. The actor is the expert or the partner (a coordinator or mentor of the organisation)."""
    existing = _once(MentorTalk, nonce)
    if existing is not None:
        return existing
    if actor.pk not in (expert.user_id, partner.pk):
        raise PermissionDenied
    if partner.pk == expert.user_id:
        raise ValidationError(
            {"partner": [_("U kunt geen gesprek met uzelf vastleggen. Kies iemand anders als gesprekspartner.")]}
        )
    kind = _partner_kind(partner, expert.organisation_id)
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": [_("Vul de datum in van een gesprek dat al is geweest.")]})
    if next_on is not None and next_on < held_on:
        raise ValidationError({"next_on": [_("Kies voor het volgende gesprek een datum na dit gesprek.")]})
    if not goal.strip():
        raise ValidationError({"goal": [_("Schrijf op aan welk doel u werkte.")]})
    # Only the expert decides whether coordinators may read the words.
    shared = shared_with_coordinators if actor.pk == expert.user_id else False
    try:
        with transaction.atomic():
            return MentorTalk.objects.create(
                expert=expert,
                organisation_id=expert.organisation_id,
                partner=partner,
                partner_kind=kind,
                held_on=held_on,
                goal=goal.strip(),
                discussed=discussed.strip(),
                shared_with_coordinators=shared,
                next_steps=next_steps.strip(),
                next_on=next_on,
                recorded_by=actor,
                nonce=nonce,
            )
    except IntegrityError:  # the same form twice at the same moment
        return MentorTalk.objects.get(nonce=nonce)


@transaction.atomic
def talk_share_set(*, talk: MentorTalk, actor: User, shared: bool) -> MentorTalk:
    """The expert's consent choice: may coordinators read what was discussed?"""
    if talk.expert.user_id != actor.pk:
        raise PermissionDenied
    MentorTalk.objects.filter(pk=talk.pk).update(shared_with_coordinators=shared)
    talk.shared_with_coordinators = shared
    return talk


def _coordinators(organisation_ids: Iterable[int]) -> dict[int, list[User]]:
    found: dict[int, list[User]] = {}
    for m in Membership.objects.filter(
        organisation_id__in=organisation_ids, role=Role.COORDINATOR, is_active=True
    ).select_related("user"):
        found.setdefault(m.organisation_id, []).append(m.user)
    return found


def talk_reminders_send(*, today: dt.date | None = None) -> int:
    """Daily: one e-mail per overdue period to the last partner and the coordinators.

    Rows are claimed with a conditional UPDATE before sending, so two runs never send twice.
    The e-mail names the expert only, never what was discussed.
    """
    today = today or timezone.localdate()
    profiles = list(
        ExpertProfile.objects.filter(status=ExpertStatus.ACTIVE, paused=False)
        .annotate(last_talk=Max("mentor_talks__held_on"))
        .select_related("user")
    )
    due = [
        p
        for p in profiles
        if rules.talk_overdue(last_talk=p.last_talk, since=timezone.localdate(p.created_at), today=today)
    ]
    for p in due:
        TalkReminder.objects.get_or_create(expert=p, since=p.last_talk or timezone.localdate(p.created_at))
    last_partner = {
        t.expert_id: t.partner
        for t in MentorTalk.objects.filter(expert__in=due).select_related("partner").order_by("held_on", "pk")
    }
    coordinators = _coordinators({p.organisation_id for p in due})
    sent = 0
    by_id = {p.pk: p for p in due}
    for reminder in TalkReminder.objects.filter(expert__in=due, sent_at__isnull=True):
        claimed = TalkReminder.objects.filter(pk=reminder.pk, sent_at__isnull=True).update(sent_at=timezone.now())
        if claimed != 1:
            continue  # another run got there first
        profile = by_id[reminder.expert_id]
        to = list(coordinators.get(profile.organisation_id, []))
        if profile.pk in last_partner:
            to.append(last_partner[profile.pk])
        _notify(
            to,
            "support/email/talk_overdue",
            {"name": profile.user.full_name, "path": reverse("support:team")},
        )
        sent += 1
    return sent


# --- check-ins and early conversations -------------------------------------------------------------


@transaction.atomic
def checkin_record(
    *,
    expert: ExpertProfile,
    actor: User,
    score: int,
    words: str = "",
    words_shared: bool = False,
    invitation: Invitation | None = None,
    nonce: str,
) -> CheckIn:
    """The expert says how they are doing. Only the expert can: nobody checks in for someone else."""
    existing = _once(CheckIn, nonce)
    if existing is not None:
        return existing
    if actor.pk != expert.user_id:
        raise PermissionDenied
    try:
        rules.score_is_low(score)
    except (ValueError, TypeError) as exc:
        raise ValidationError({"score": [_("Kies een cijfer van 1 tot en met 5.")]}) from exc
    if invitation is not None and invitation.expert_id != expert.pk:
        raise PermissionDenied
    try:
        with transaction.atomic():
            return CheckIn.objects.create(
                expert=expert,
                organisation_id=expert.organisation_id,
                score=score,
                words=words.strip(),
                words_shared=words_shared and bool(words.strip()),
                invitation=invitation,
                nonce=nonce,
            )
    except IntegrityError:
        return CheckIn.objects.get(nonce=nonce)


@transaction.atomic
def checkin_share_set(*, check_in: CheckIn, actor: User, shared: bool) -> CheckIn:
    if check_in.expert.user_id != actor.pk:
        raise PermissionDenied
    CheckIn.objects.filter(pk=check_in.pk).update(words_shared=shared)
    check_in.words_shared = shared
    return check_in


@transaction.atomic
def early_conversation_record(
    *,
    actor: User,
    expert: ExpertProfile,
    held_on: dt.date,
    outcome: str,
    pause_until: dt.date | None = None,
    notes: str = "",
    check_in: CheckIn | None = None,
    nonce: str,
) -> EarlyConversation:
    """Record the outcome; pause and temporary stop set the profile's pause, which matching respects."""
    existing = _once(EarlyConversation, nonce)
    if existing is not None:
        return existing
    if not get_roles(actor).has(Role.COORDINATOR, organisation_id=expert.organisation_id):
        raise PermissionDenied
    if actor.pk == expert.user_id:
        raise PermissionDenied
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Kies een uitkomst.")]})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": [_("Vul de datum in van een gesprek dat al is geweest.")]})
    if pause_until is not None and pause_until <= held_on:
        raise ValidationError({"pause_until": [_("Kies voor het einde van de pauze een datum na het gesprek.")]})
    if outcome not in (Outcome.PAUSE, Outcome.TEMPORARY_STOP):
        pause_until = None
    conversation = EarlyConversation.objects.create(
        expert=expert,
        organisation_id=expert.organisation_id,
        check_in=check_in,
        held_on=held_on,
        outcome=outcome,
        pause_until=pause_until,
        notes=notes.strip(),
        held_by=actor,
        nonce=nonce,
    )
    if outcome in (Outcome.PAUSE, Outcome.TEMPORARY_STOP):
        # The existing pause of the experts app: matching leaves paused experts out, nothing more.
        expert_services.profile_pause(profile=expert, until=pause_until)
    elif outcome == Outcome.STOP:
        # A pause without an end: reversible, and ending a membership stays the coordinator's own step.
        expert_services.profile_pause(profile=expert, until=None)
    elif expert.paused:
        expert_services.profile_resume(profile=expert)
    # Every open low check-in of this expert is answered by the conversation.
    CheckIn.objects.filter(expert=expert, handled_at__isnull=True).update(handled_at=timezone.now())
    return conversation


# --- buddies ---------------------------------------------------------------------------------------


@transaction.atomic
def buddy_propose(*, actor: User, first: ExpertProfile, second: ExpertProfile) -> BuddyPair:
    """The coordinator proposes two experts of the organisation; each still says yes."""
    if first.pk == second.pk:
        raise ValidationError({"second": [_("Kies twee verschillende mensen.")]})
    if first.organisation_id != second.organisation_id:
        raise ValidationError({"second": [_("Kies twee mensen van dezelfde organisatie.")]})
    if not get_roles(actor).has(Role.COORDINATOR, organisation_id=first.organisation_id):
        raise PermissionDenied
    open_states = (BuddyPair.State.PROPOSED, BuddyPair.State.ACTIVE)
    existing = BuddyPair.objects.filter(
        state__in=open_states, first__in=(first, second), second__in=(first, second)
    ).first()
    if existing is not None:
        return existing  # double click, or already paired
    pair = BuddyPair.objects.create(
        organisation_id=first.organisation_id, first=first, second=second, proposed_by=actor
    )
    _notify([first.user, second.user], "support/email/buddy_proposed", {"path": reverse("support:mine")})
    return pair


@transaction.atomic
def buddy_respond(
    *, pair: BuddyPair, actor: User, accept: bool, share_phone: bool = False, share_email: bool = False
) -> BuddyPair:
    """One of the two says yes (with what they share) or no. No reason is asked."""
    pair = BuddyPair.objects.select_for_update().select_related("first", "second").get(pk=pair.pk)
    side = "first" if pair.first.user_id == actor.pk else "second" if pair.second.user_id == actor.pk else None
    if side is None:
        raise PermissionDenied
    if pair.state not in (BuddyPair.State.PROPOSED, BuddyPair.State.ACTIVE):
        raise ValidationError(_("Dit voorstel is niet meer open."))
    now = timezone.now()
    if not accept:
        if pair.state == BuddyPair.State.PROPOSED:
            pair.state = BuddyPair.State.DECLINED
            pair.ended_at = now
            pair.save(update_fields=["state", "ended_at"])
        return pair
    if getattr(pair, f"{side}_accepted_at") is None:
        setattr(pair, f"{side}_accepted_at", now)
    setattr(pair, f"{side}_shares_phone", share_phone)
    setattr(pair, f"{side}_shares_email", share_email)
    if pair.state == BuddyPair.State.PROPOSED and pair.first_accepted_at and pair.second_accepted_at:
        pair.state = BuddyPair.State.ACTIVE
        pair.active_since = now
    pair.save()
    return pair


@transaction.atomic
def buddy_end(*, pair: BuddyPair, actor: User) -> BuddyPair:
    """Either person ends the pairing, without a reason. Ending twice is harmless."""
    pair = BuddyPair.objects.select_for_update().select_related("first", "second").get(pk=pair.pk)
    if actor.pk not in (pair.first.user_id, pair.second.user_id):
        raise PermissionDenied
    if pair.state in (BuddyPair.State.PROPOSED, BuddyPair.State.ACTIVE):
        pair.state = BuddyPair.State.ENDED
        pair.ended_at = timezone.now()
        pair.save(update_fields=["state", "ended_at"])
    return pair
