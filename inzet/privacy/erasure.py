"""What erasure does to one person's data, model by model.

Kept (bookkeeping law, AWR art. 52: seven years): hour and expense rows, receipts, settlements,
invoices, payouts and bank files. They point to the profile, which stays as an anonymous shell.
Erased or anonymised: the account's name and e-mail, the profile's contents, experiences,
competences, training (with files), periods, the access log, applications (with files), API keys,
the words of signals they reported (theme and date stay, for the counts), event sign-ups (needs too),
calendar feed, two-step devices, memberships, login attempts. Files go after the commit.
"""

import datetime

from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext

from inzet.accounts.models import ApiToken
from inzet.compensation.models import ExpenseClaim, ExternalAllowance, HourEntry, Payout
from inzet.conversations.models import Message, MessageAttachment, Notification, NotificationSetting, ReadMark
from inzet.directory.models import ExpertSearchDocument
from inzet.engagements.models import CalendarFeed, IntroductionOutcome, Invitation, InvitationNeeds, Referral
from inzet.evaluation.models import AskerFeedback, ExpertFeedback, Reflection, Story
from inzet.experts.models import (
    AccessLog,
    ExpertCompetence,
    ExpertExperience,
    ExpertProfile,
    ExpertStatus,
    TrainingRecord,
    UnavailablePeriod,
)
from inzet.experts.services import matching_changed
from inzet.knowledge.services import questions_erase_for
from inzet.neighbourhood.models import AgreedAction, CaseMeeting, TeamMember
from inzet.network.events import registration_erase
from inzet.organisations.models import Membership
from inzet.privacy.rules import bookkeeping_kept_until
from inzet.recruitment.models import Application
from inzet.signals.services import signal_erase_reporter
from inzet.support.models import (
    BuddyPair,
    CheckIn,
    EarlyConversation,
    GroupMember,
    GrowthPlan,
    MeetingSeat,
    MentorTalk,
    TalkReminder,
)
from inzet.training.models import Enrolment

# Profile fields that keep their value: the link to the organisation and required choices.
_PROFILE_KEEP = {"id", "user", "organisation", "status", "work_form", "reward_form", "created_at", "updated_at"}


def _files_after_commit(files: list) -> None:
    names = [(f.storage, f.name) for f in files if f]

    def remove():
        for storage, name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(remove)


def profile_strip(*, profile: ExpertProfile) -> bool:
    """Empty a profile down to the shell the bookkeeping needs. False when there was nothing left."""
    values: dict = {}
    for field in profile._meta.concrete_fields:
        if field.name in _PROFILE_KEEP or field.primary_key:
            continue
        if isinstance(field, models.ForeignKey):
            if field.null:
                values[field.name] = None
        elif isinstance(field, models.CharField | models.TextField) and field.blank:
            values[field.name] = ""
    values.update(status=ExpertStatus.INACTIVE, consent_matching=False, paused=False, paused_until=None)
    training = list(TrainingRecord.objects.filter(profile=profile).exclude(evidence=""))
    _files_after_commit([record.evidence for record in training])
    removed = 0
    for model in (ExpertExperience, ExpertCompetence, TrainingRecord, UnavailablePeriod, AccessLog):
        removed += model.objects.filter(profile=profile).delete()[0]
    removed += ExpertSearchDocument.objects.filter(profile=profile).delete()[0]
    # Allowances from outside Inzet are no bookkeeping of ours: they go entirely.
    removed += ExternalAllowance.objects.filter(expert=profile).delete()[0]
    # Support and training are about this person only: talks, check-ins, early conversations,
    # buddy pairs, meeting seats, reminders, the growth plan (goals and reviews with it) and
    # enrolments (with their attendance) go entirely.
    for model in (MentorTalk, TalkReminder, CheckIn, EarlyConversation, MeetingSeat, GrowthPlan, GroupMember):
        removed += model.objects.filter(expert=profile).delete()[0]
    removed += BuddyPair.objects.filter(Q(first=profile) | Q(second=profile)).delete()[0]
    removed += Enrolment.objects.filter(profile=profile).delete()[0]
    for field in profile._meta.many_to_many:
        through = getattr(ExpertProfile, field.name).through
        removed += through.objects.filter(expertprofile_id=profile.pk).delete()[0]
    removed += Invitation.objects.filter(expert=profile).exclude(reason="").update(reason="")
    removed += IntroductionOutcome.objects.filter(invitation__expert=profile).exclude(reason="").update(reason="")
    # What someone needed for an assignment (special category) goes entirely.
    removed += InvitationNeeds.objects.filter(invitation__expert=profile).delete()[0]
    changed = ExpertProfile.objects.filter(pk=profile.pk).exclude(**{k: v for k, v in values.items()}).exists()
    ExpertProfile.objects.filter(pk=profile.pk).update(**values, updated_at=timezone.now())
    matching_changed(organisation_ids=[profile.organisation_id])  # matching's cached pools (same transaction)
    return bool(removed or changed)


def kept_until(*, user, profile: ExpertProfile | None) -> datetime.date | None:
    """The last day the kept bookkeeping must stay: seven years after the end of its last year."""
    if profile is None:
        return None
    years = [
        HourEntry.objects.filter(invitation__expert=profile).aggregate(y=Max("date"))["y"],
        ExpenseClaim.objects.filter(invitation__expert=profile).aggregate(y=Max("date"))["y"],
        Payout.objects.filter(expert=profile).aggregate(y=Max("created_at"))["y"],
    ]
    return bookkeeping_kept_until(years)


def person_erase(*, user) -> dict:
    """Erase or anonymise everything about `user` that the law does not require us to keep."""
    counts: dict[str, int] = {}
    profile = ExpertProfile.objects.filter(user=user).first()
    if profile is not None:
        counts["profile"] = int(profile_strip(profile=profile))
        counts["kept_hours"] = HourEntry.objects.filter(invitation__expert=profile).count()
        counts["kept_expenses"] = ExpenseClaim.objects.filter(invitation__expert=profile).count()
        counts["kept_payouts"] = Payout.objects.filter(expert=profile).count()
    applications = Application.objects.filter(Q(expert_profile__user=user) | Q(email__iexact=user.email))
    _files_after_commit([a.motivation_file for a in applications.only("pk", "motivation_file")])
    counts["applications"] = applications.delete()[1].get("recruitment.Application", 0)
    counts["helpdesk_questions"] = questions_erase_for(email=user.email)
    counts["signals"] = signal_erase_reporter(user=user)
    counts["event_registrations"] = registration_erase(user=user)
    counts["stories"] = Story.objects.filter(submitted_by=user).delete()[0]
    counts["reflections"] = Reflection.objects.filter(author=user).delete()[0]
    counts["feedback"] = (
        AskerFeedback.objects.filter(author=user).delete()[0] + ExpertFeedback.objects.filter(author=user).delete()[0]
    )
    counts["api_keys"] = ApiToken.objects.filter(user=user).delete()[0]
    counts["calendar_feed"] = CalendarFeed.objects.filter(user=user).delete()[0]
    counts["messages"] = _erase_messages(user)
    # A referral question is the organisation's record; how to reach the person goes.
    counts["referral_contacts"] = Referral.objects.filter(created_by=user).exclude(contact="").update(contact="")
    counts["memberships"] = Membership.objects.filter(user=user).delete()[0]
    # Neighbourhood teams: the membership (and what the expert told for the klik) goes; the
    # residents' records are the team's and stay, without this person as participant or owner.
    counts["neighbourhood_teams"] = TeamMember.objects.filter(user=user).delete()[0]
    counts["case_meetings"] = CaseMeeting.participants.through.objects.filter(user=user).delete()[0]
    counts["neighbourhood_actions"] = AgreedAction.objects.filter(owner=user).update(owner=None)
    counts["two_step_devices"] = _delete_devices(user)
    counts["login_attempts"] = _delete_login_attempts(user.email)
    type(user).objects.filter(pk=user.pk).update(
        full_name=gettext("Verwijderde persoon"),
        email=f"verwijderd-{user.pk}@inzet.invalid",
        password="!erased",  # an unusable password: Django refuses hashes starting with "!"
        is_active=False,
        is_staff=False,
        is_superuser=False,
        created_on_behalf_by=None,
    )
    until = kept_until(user=user, profile=profile)
    if until:
        counts["kept_until"] = until.isoformat()
    return counts


def _erase_messages(user) -> int:
    """The person's own messages and their files go; the others' messages in the same thread stay."""
    attachments = list(MessageAttachment.objects.filter(message__author=user).only("pk", "file"))
    _files_after_commit([a.file for a in attachments])
    removed = Message.objects.filter(author=user).delete()[0]
    for model in (ReadMark, Notification, NotificationSetting):
        removed += model.objects.filter(user=user).delete()[0]
    return removed


def _delete_devices(user) -> int:
    from django_otp import devices_for_user

    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    return count


def _delete_login_attempts(email: str) -> int:
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as LoginLog

    return sum(
        model.objects.filter(username__iexact=email).delete()[0]
        for model in (AccessAttempt, AccessFailureLog, LoginLog)
    )
