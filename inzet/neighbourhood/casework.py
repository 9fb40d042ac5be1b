"""Writes for case meetings, agreed actions and the klik between resident and expert.

Keyword-only, atomic, idempotent against a double click (a `request_key` per write). Partners
join a case meeting only under the resident's live consent, checked and locked at planning.
"""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.neighbourhood import consent as consent_rules
from inzet.neighbourhood.models import (
    AgreedAction,
    CaseMeeting,
    GroupActivity,
    Partner,
    ResidentPreferences,
    Team,
    TeamMember,
    Trajectory,
)
from inzet.neighbourhood.services import ensure_writable


def _team_users(trajectory: Trajectory, users) -> None:
    member_ids = set(
        TeamMember.objects.filter(team_id=trajectory.team_id, is_active=True).values_list("user_id", flat=True)
    )
    if any(user.pk not in member_ids for user in users):
        raise PermissionDenied("not a member of the team")


@transaction.atomic
def case_meeting_plan(
    *,
    trajectory: Trajectory,
    by,
    request_key: uuid.UUID,
    planned_for: datetime.datetime,
    place: str = "",
    participants: list,
    partners: list[Partner] = (),
) -> tuple[CaseMeeting, bool]:
    """Plan a case meeting. The planner always takes part; a partner only with live consent."""
    ensure_writable(trajectory)
    existing = CaseMeeting.objects.filter(request_key=request_key).first()
    if existing:
        return existing, False
    people = {user.pk: user for user in [by, *participants]}
    _team_users(trajectory, people.values())
    for partner in partners:
        if partner.team_id != trajectory.team_id:
            raise PermissionDenied("partner of another team")
        try:
            consent_rules.require(trajectory, partner, lock=True)
        except consent_rules.NoConsent as exc:
            raise ValidationError(
                _("%(partner)s heeft geen toestemming van de bewoner: zij kunnen niet meedoen.")
                % {"partner": partner.name}
            ) from exc
    meeting = CaseMeeting.objects.create(
        trajectory=trajectory, planned_for=planned_for, place=place, planned_by=by, request_key=request_key
    )
    meeting.participants.set(people.values())
    meeting.partners.set(partners)
    return meeting, True


@transaction.atomic
def case_meeting_record(*, meeting: CaseMeeting, record: str) -> CaseMeeting:
    """Store the short record. Saving the same text again changes nothing."""
    ensure_writable(meeting.trajectory)
    meeting.record = record
    meeting.recorded_at = meeting.recorded_at or timezone.now()
    meeting.save(update_fields=["record", "recorded_at"])
    return meeting


def partners_drop_on_revoke(*, trajectory: Trajectory, partner: Partner) -> int:
    """A revoked consent stops sharing at once: the partner leaves every meeting still to come."""
    through = CaseMeeting.partners.through
    return through.objects.filter(
        partner=partner, casemeeting__trajectory=trajectory, casemeeting__planned_for__gte=timezone.now()
    ).delete()[0]


def action_add(
    *,
    trajectory: Trajectory,
    request_key: uuid.UUID,
    what: str,
    owner=None,
    due_on: datetime.date | None = None,
    meeting: CaseMeeting | None = None,
) -> tuple[AgreedAction, bool]:
    """An agreed action with owner and due date. The same request_key adds it once."""
    ensure_writable(trajectory)
    if owner is not None:
        _team_users(trajectory, [owner])
    if meeting is not None and meeting.trajectory_id != trajectory.pk:
        raise PermissionDenied("meeting of another trajectory")
    return AgreedAction.objects.get_or_create(
        request_key=request_key,
        defaults={"trajectory": trajectory, "meeting": meeting, "what": what, "owner": owner, "due_on": due_on},
    )


def action_done(*, action: AgreedAction) -> bool:
    """Mark done; twice changes nothing. True when this call did it."""
    ensure_writable(action.trajectory)
    return bool(AgreedAction.objects.filter(pk=action.pk, done_at__isnull=True).update(done_at=timezone.now()))


@transaction.atomic
def preferences_save(*, trajectory: Trajectory, **fields) -> ResidentPreferences:
    """What the resident finds important in an expert. One row per trajectory."""
    ensure_writable(trajectory)
    prefs, _created = ResidentPreferences.objects.select_for_update().get_or_create(trajectory=trajectory)
    for name, value in fields.items():
        setattr(prefs, name, value)
    prefs.save()
    return prefs


@transaction.atomic
def expert_agree(*, trajectory: Trajectory, expert, agreed_on: datetime.date | None = None) -> ResidentPreferences:
    """The resident agrees to this expert (004 l.3359–3360): recorded, and the expert joins the trajectory."""
    ensure_writable(trajectory)
    if not TeamMember.objects.filter(
        team_id=trajectory.team_id, user=expert, is_active=True, role=TeamMember.Role.EXPERT
    ).exists():
        raise PermissionDenied("not an expert of the team")
    prefs, _created = ResidentPreferences.objects.select_for_update().get_or_create(trajectory=trajectory)
    prefs.agreed_expert, prefs.agreed_on = expert, agreed_on or timezone.localdate()
    prefs.save(update_fields=["agreed_expert", "agreed_on"])
    trajectory.experts.add(expert)
    return prefs


def _may_edit_member(by, member: TeamMember) -> bool:
    """The expert themselves, or their team's coordinator on their behalf."""
    if member.user_id == by.pk:
        return True
    return TeamMember.objects.filter(
        team_id=member.team_id, user=by, is_active=True, role=TeamMember.Role.COORDINATOR
    ).exists()


@transaction.atomic
def member_klik_save(
    *,
    member: TeamMember,
    by,
    gender: str = "",
    birth_year: int | None = None,
    knows_areas: str = "",
    experience_domains: list[str] = (),
) -> TeamMember:
    """What an expert tells the team for the klik (never a diagnosis). Saving the same values changes nothing."""
    if not member.is_active or not _may_edit_member(by, member):
        raise PermissionDenied("only the expert or their coordinator")
    this_year = timezone.localdate().year
    if birth_year is not None and not this_year - 100 <= birth_year <= this_year - 16:
        raise ValidationError(
            _("Vul een geboortejaar in tussen %(first)s en %(last)s.")
            % {"first": this_year - 100, "last": this_year - 16}
        )
    member = TeamMember.objects.select_for_update().get(pk=member.pk)
    member.gender, member.birth_year, member.knows_areas = gender, birth_year, knows_areas
    member.experience_domains = ",".join(experience_domains)
    member.save(update_fields=["gender", "birth_year", "knows_areas", "experience_domains"])
    return member


def group_activity_add(
    *,
    team: Team,
    by,
    request_key: uuid.UUID,
    title: str,
    held_on: datetime.date,
    kind: str = GroupActivity.Kind.MEETING,
    attendees: int,
) -> tuple[GroupActivity, bool]:
    """A group activity with the number of residents who came, never their names. Once per request_key."""
    if not TeamMember.objects.filter(team=team, user=by, is_active=True).exists():
        raise PermissionDenied("not a member of the team")
    if held_on > timezone.localdate():
        raise ValidationError(_("Deze datum ligt in de toekomst. Tel de bewoners na afloop."))
    if attendees < 0 or attendees > 10000:
        raise ValidationError(_("Vul een aantal bewoners in tussen 0 en 10.000."))
    return GroupActivity.objects.get_or_create(
        request_key=request_key,
        defaults={"team": team, "title": title, "held_on": held_on, "kind": kind, "attendees": attendees},
    )
