"""Neighbourhood trajectories over the API (mounted at /api/neighbourhood by apps.py, since inzet/api
sits below this app), with the permissions and selectors of the pages.

Team members: their teams' trajectories (reads of a resident's record logged, as on the pages),
logging a contact; participants: their case meetings; a team's coordinator: the team overview.
Everyone else: 404 (a team's expert asking for the coordinator overview: 403). Two-step login
applies as everywhere in the API (inzet/api/auth.py); writes honour `Idempotency-Key`.
"""

import datetime as dt
import uuid

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from inzet.api.schemas import Error
from inzet.neighbourhood import permissions, review_rules, rules, selectors, services
from inzet.neighbourhood.models import Contact, TeamMember, Trajectory

router = Router(tags=["neighbourhood"])
LIST_LIMIT = 200


class NeighbourhoodTrajectoryOut(Schema):
    id: int
    team_id: int
    channel: str
    opened_on: dt.date
    closed_on: dt.date | None
    expert_ids: list[int]


class NeighbourhoodTrajectoryDetailOut(NeighbourhoodTrajectoryOut):
    question: str
    reviews: list[dict]


class NeighbourhoodContactIn(Schema):
    on: dt.date
    kind: Contact.Kind = Contact.Kind.IN_PERSON
    minutes: int | None = None
    note: str = ""
    domain: str = ""


class NeighbourhoodContactOut(Schema):
    id: int
    trajectory_id: int
    on: dt.date
    kind: str
    minutes: int | None


class CaseMeetingOut(Schema):
    id: int
    trajectory_id: int
    planned_for: dt.datetime
    place: str
    participant_ids: list[int]
    partners: list[str]
    record: str


class TeamOverviewOut(Schema):
    team_id: int
    open_trajectories: int
    caseload: dict[int, int]  # expert user id → open trajectories
    overdue_reviews: int
    warnings: list[str]


def _out(t: Trajectory) -> dict:
    return {
        "id": t.pk,
        "team_id": t.team_id,
        "channel": t.channel,
        "opened_on": t.opened_on,
        "closed_on": t.closed_on,
        "expert_ids": sorted(e.pk for e in t.experts.all()),
    }


@router.get("/trajectories", response=list[NeighbourhoodTrajectoryOut])
def trajectory_list(request: HttpRequest):
    """Open and closed trajectories of your teams, newest first; no resident data in the list."""
    found = (
        permissions.trajectories_of(request.user)
        .filter(anonymised_at__isnull=True)
        .prefetch_related("experts")
        .order_by("-opened_on", "-pk")[:LIST_LIMIT]
    )
    return [_out(t) for t in found]


@router.get("/trajectories/{pk}", response={200: NeighbourhoodTrajectoryDetailOut, 404: Error})
def trajectory_detail(request: HttpRequest, pk: int):
    """One trajectory with the resident's question; the read is logged (which item, never content)."""
    trajectory = permissions.get_trajectory(request.user, pk, item="api_trajectory")
    reviews = [{"months": s.months, "due": s.due, "state": s.state} for s in selectors.review_statuses(trajectory)]
    return {**_out(trajectory), "question": trajectory.question, "reviews": reviews}


@router.post("/trajectories/{pk}/contacts", response={201: NeighbourhoodContactOut, 403: Error, 404: Error})
def contact_add(request: HttpRequest, pk: int, payload: NeighbourhoodContactIn):
    """Log a contact. Send an Idempotency-Key: a retry logs it once."""
    trajectory = permissions.get_trajectory(request.user, pk, item="api_contact_add")
    contact, _created = services.contact_log(
        trajectory=trajectory, by=request.user, request_key=uuid.uuid4(), **payload.dict()
    )
    return 201, {
        "id": contact.pk,
        "trajectory_id": trajectory.pk,
        "on": contact.on,
        "kind": contact.kind,
        "minutes": contact.minutes,
    }


@router.get("/case-meetings/{pk}", response={200: CaseMeetingOut, 404: Error})
def case_meeting(request: HttpRequest, pk: int):
    """A case meeting, for its participants only (404 for anyone else, the rest of the team too)."""
    meeting = permissions.get_case_meeting(request.user, pk)
    return {
        "id": meeting.pk,
        "trajectory_id": meeting.trajectory_id,
        "planned_for": meeting.planned_for,
        "place": meeting.place,
        "participant_ids": sorted(u.pk for u in meeting.participants.all()),
        "partners": [p.name for p in meeting.partners.all()],
        "record": meeting.record,
    }


@router.get("/teams/{pk}/overview", response={200: TeamOverviewOut, 403: Error, 404: Error})
def team_overview(request: HttpRequest, pk: int):
    """The coordinator's overview: caseload per expert, overdue reviews, team-rule warnings (codes)."""
    team = permissions.get_coordinated_team(request.user, pk)
    today = timezone.localdate()
    open_filter = Q(
        user__neighbourhood_trajectories__team=team, user__neighbourhood_trajectories__closed_on__isnull=True
    )
    caseload = dict(
        team.members.filter(is_active=True, role=TeamMember.Role.EXPERT)
        .annotate(n=Count("user__neighbourhood_trajectories", filter=open_filter, distinct=True))
        .values_list("user_id", "n")
    )
    counts = team.trajectories.filter(anonymised_at__isnull=True).aggregate(
        open=Count("pk", filter=Q(closed_on__isnull=True)),
        last_year=Count("pk", filter=Q(opened_on__gte=review_rules.add_months(today, -12))),
    )
    overdue = sum(1 for _t, s in selectors.due_reviews(team.trajectories.all(), today) if s.state == "overdue")
    warnings = rules.team_warnings(expert_count=len(caseload)) + rules.project_warnings(
        expert_count=len(caseload), trajectories_last_year=counts["last_year"], caseloads=list(caseload.values())
    )
    return {
        "team_id": team.pk,
        "open_trajectories": counts["open"],
        "caseload": caseload,
        "overdue_reviews": overdue,
        "warnings": warnings,
    }
