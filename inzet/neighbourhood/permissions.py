"""Who sees what in a neighbourhood team. Used by every page (and any API) of this app.

Only active members of a team (its experts and its coordinator) see its residents. Nobody
else does: not an asker, not another organisation, not the operator. A trajectory outside
your teams answers 404, so its existence is not revealed either.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from inzet.neighbourhood.models import AgreedAction, CaseMeeting, ResidentReadLog, Team, TeamMember, Trajectory


def teams_of(user):
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(members__user=user, members__is_active=True).distinct()


def get_team(user, pk: int) -> Team:
    try:
        return teams_of(user).select_related("organisation").get(pk=pk)
    except Team.DoesNotExist as exc:
        raise Http404 from exc


def is_team_coordinator(user, team: Team) -> bool:
    return TeamMember.objects.filter(team=team, user=user, is_active=True, role=TeamMember.Role.COORDINATOR).exists()


def trajectories_of(user):
    return Trajectory.objects.filter(team__in=teams_of(user))


def get_trajectory(user, pk: int, *, item: str) -> Trajectory:
    """The trajectory if `user` is in its team, else 404. Logs the read: which item, never content."""
    try:
        trajectory = trajectories_of(user).select_related("team", "resident").get(pk=pk)
    except Trajectory.DoesNotExist as exc:
        raise Http404 from exc
    ResidentReadLog.objects.create(user=user, trajectory=trajectory, item=item)
    return trajectory


def get_coordinated_team(user, pk: int) -> Team:
    """The team if `user` coordinates it; 404 outside the team, 403 for its experts."""
    team = get_team(user, pk)
    if not is_team_coordinator(user, team):
        raise PermissionDenied
    return team


def case_meetings_of(user):
    """Case meetings `user` takes part in, in teams `user` is still an active member of."""
    return CaseMeeting.objects.filter(participants=user, trajectory__team__in=teams_of(user))


def get_case_meeting(user, pk: int) -> CaseMeeting:
    """Only its participants see a case meeting (404 for anyone else, the team included). Logged."""
    try:
        meeting = case_meetings_of(user).select_related("trajectory", "trajectory__team").get(pk=pk)
    except CaseMeeting.DoesNotExist as exc:
        raise Http404 from exc
    ResidentReadLog.objects.create(user=user, trajectory=meeting.trajectory, item=f"case_meeting_{meeting.pk}")
    return meeting


def get_member(user, pk: int) -> TeamMember:
    """A team member's klik fields: the expert themselves or their coordinator; 403 for the rest of
    the team, 404 outside it."""
    try:
        member = (
            TeamMember.objects.filter(team__in=teams_of(user), is_active=True).select_related("team", "user").get(pk=pk)
        )
    except TeamMember.DoesNotExist as exc:
        raise Http404 from exc
    if member.user_id != user.pk and not is_team_coordinator(user, member.team):
        raise PermissionDenied
    return member


def get_action(user, pk: int) -> AgreedAction:
    """An agreed action for its owner and the participants of its case meeting; 404 for anyone else."""
    actions = AgreedAction.objects.filter(trajectory__in=trajectories_of(user))
    try:
        action = (
            actions.filter(Q(owner=user) | Q(meeting__participants=user))
            .select_related("trajectory", "meeting")
            .distinct()
            .get(pk=pk)
        )
    except AgreedAction.DoesNotExist as exc:
        raise Http404 from exc
    ResidentReadLog.objects.create(user=user, trajectory=action.trajectory, item=f"action_{action.pk}")
    return action
