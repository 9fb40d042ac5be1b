"""The expert's caseload page and the coordinator's team overview. Bounded queries whatever the data size."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from inzet.neighbourhood import permissions, review_rules, rules, selectors
from inzet.neighbourhood.models import AgreedAction, DropInHour, TeamMember
from inzet.neighbourhood.views import WARNING_TEXT

CASELOAD_LIMIT = 200


@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    """My residents, today's drop-in hours of my teams, my due reviews and my open actions."""
    today = timezone.localdate()
    mine = permissions.trajectories_of(request.user).filter(experts=request.user, closed_on__isnull=True)
    trajectories = selectors.with_review_flags(mine.select_related("team")).order_by("opened_on", "pk")[:CASELOAD_LIMIT]
    rows = [(t, selectors.review_statuses(t, today)) for t in trajectories]
    drop_in = (
        DropInHour.objects.filter(team__in=permissions.teams_of(request.user), weekday=today.weekday(), is_active=True)
        .select_related("team")
        .order_by("starts")
    )
    actions = (
        AgreedAction.objects.filter(
            owner=request.user, done_at__isnull=True, trajectory__in=permissions.trajectories_of(request.user)
        )
        .select_related("trajectory")
        .order_by("due_on", "pk")[:CASELOAD_LIMIT]
    )
    return render(
        request,
        "neighbourhood/caseload.html",
        {
            "rows": rows,
            "drop_in": drop_in,
            "due": selectors.due_reviews(mine),
            "actions": actions,
            "today": today,
        },
    )


@login_required
def team_overview(request: HttpRequest, pk: int) -> HttpResponse:
    """For the team's coordinator: caseload per expert, overdue reviews and the team-rule warnings."""
    team = permissions.get_coordinated_team(request.user, pk)
    today = timezone.localdate()
    open_filter = Q(
        user__neighbourhood_trajectories__team=team, user__neighbourhood_trajectories__closed_on__isnull=True
    )
    experts = list(
        team.members.filter(is_active=True, role=TeamMember.Role.EXPERT)
        .select_related("user")
        .annotate(open_count=Count("user__neighbourhood_trajectories", filter=open_filter, distinct=True))
        .order_by("-open_count", "user__full_name")
    )
    counts = team.trajectories.filter(anonymised_at__isnull=True).aggregate(
        open=Count("pk", filter=Q(closed_on__isnull=True)),
        unassigned=Count("pk", filter=Q(closed_on__isnull=True, experts__isnull=True)),
        last_year=Count("pk", filter=Q(opened_on__gte=review_rules.add_months(today, -12))),
    )
    overdue = [(t, s) for t, s in selectors.due_reviews(team.trajectories.all(), today) if s.state == "overdue"]
    codes = rules.team_warnings(expert_count=len(experts)) + rules.project_warnings(
        expert_count=len(experts),
        trajectories_last_year=counts["last_year"],
        caseloads=[m.open_count for m in experts],
    )
    activities = selectors.group_activity_counts(team, since=review_rules.add_months(today, -12), until=today)
    return render(
        request,
        "neighbourhood/team_overview.html",
        {
            "team": team,
            "experts": experts,
            "counts": counts,
            "overdue": overdue,
            "activities": activities,
            "warnings": [WARNING_TEXT[code] for code in codes],
        },
    )
