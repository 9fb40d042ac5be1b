"""Reads shared by the pages, the dashboard hook and the API. Bounded queries whatever the data size."""

import datetime

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.utils import timezone

from inzet.accounts.models import User
from inzet.accounts.permissions import Roles
from inzet.lib.next_step import NextStep
from inzet.neighbourhood import review_rules
from inzet.neighbourhood.models import GroupActivity, QuestionFormRow, Review, ReviewRow, Team, Trajectory


def with_review_flags(trajectories: QuerySet) -> QuerySet:
    """Annotate `review_3` and `review_6`: whether that round's Form 2 exists (no extra query per row)."""
    return trajectories.annotate(
        **{
            f"review_{m}": Exists(Review.objects.filter(trajectory=OuterRef("pk"), months=m))
            for m in review_rules.ROUNDS
        }
    )


def review_statuses(trajectory: Trajectory, today: datetime.date | None = None) -> list[review_rules.RoundStatus]:
    """The rounds of one trajectory. Needs `with_review_flags`, or asks the database once."""
    today = today or timezone.localdate()
    if hasattr(trajectory, "review_3"):
        done = {m for m in review_rules.ROUNDS if getattr(trajectory, f"review_{m}")}
    else:
        done = set(trajectory.reviews.values_list("months", flat=True))
    return review_rules.statuses(opened_on=trajectory.opened_on, done=done, today=today, closed_on=trajectory.closed_on)


def due_reviews(
    trajectories: QuerySet, today: datetime.date | None = None, limit: int = 200
) -> list[tuple[Trajectory, review_rules.RoundStatus]]:
    """Reviews that are due within two weeks or overdue, oldest first. One query."""
    today = today or timezone.localdate()
    # A 3-month round is never due before the trajectory is (3 months − 2 weeks) old.
    latest_start = review_rules.add_months(today, -review_rules.ROUNDS[0]) + datetime.timedelta(
        days=review_rules.REMIND_DAYS_BEFORE
    )
    candidates = with_review_flags(
        trajectories.filter(anonymised_at__isnull=True, closed_on__isnull=True, opened_on__lte=latest_start)
    ).order_by("opened_on", "pk")[:limit]
    found = []
    for trajectory in candidates:
        for status in review_statuses(trajectory, today):
            if status.needs_action:
                found.append((trajectory, status))
    return found


def review_initial(trajectory: Trajectory, months: int) -> tuple[Review | None, dict]:
    """The saved Form 2 of this round, or a new one with the start copied from Form 1. Two queries."""
    review = Review.objects.filter(trajectory=trajectory, months=months).first()
    initial: dict = {}
    if review:
        initial = {"filled_on": review.filled_on}
        for row in ReviewRow.objects.filter(review=review):
            initial.update(
                {
                    f"start_{row.topic}": row.start,
                    f"now_{row.topic}": row.now,
                    f"grade_{row.topic}": row.grade,
                    f"explanation_{row.topic}": row.explanation,
                }
            )
        return review, initial
    initial["filled_on"] = timezone.localdate()
    for form_row in QuestionFormRow.objects.filter(form__trajectory=trajectory):
        initial[f"start_{form_row.topic}"] = form_row.now
    return None, initial


def form1_wishes(trajectory: Trajectory) -> dict[str, str]:
    """Form 1's *Wens voor situatie straks* per topic, shown beside *Situatie nu* to compare with."""
    return dict(QuestionFormRow.objects.filter(form__trajectory=trajectory).values_list("topic", "wish"))


def grades_by_round(trajectories: QuerySet) -> dict[int, dict[int, dict[str, int]]]:
    """For evaluation (#14): {trajectory pk: {3: {domain: grade}, 6: {...}}}. One query, no texts."""
    result: dict[int, dict[int, dict[str, int]]] = {}
    rows = ReviewRow.objects.filter(review__trajectory__in=trajectories, grade__isnull=False).values_list(
        "review__trajectory_id", "review__months", "topic", "grade"
    )
    for trajectory_id, months, topic, grade in rows:
        assert grade is not None  # filtered on grade__isnull=False
        result.setdefault(trajectory_id, {}).setdefault(months, {})[topic] = grade
    return result


def next_steps_for(user: User, roles: Roles, role: str | None = None) -> list[NextStep]:
    """Dashboard hook: reviews due or overdue, for an expert (their residents) or a team coordinator."""
    from django.urls import reverse
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from inzet.neighbourhood.models import TeamMember
    from inzet.organisations.models import Role

    if role == Role.EXPERT and roles.has(role):
        trajectories = Trajectory.objects.filter(experts=user, team__members__user=user, team__members__is_active=True)
    elif role == Role.COORDINATOR and roles.has(role):
        trajectories = Trajectory.objects.filter(
            team__members__user=user,
            team__members__is_active=True,
            team__members__role=TeamMember.Role.COORDINATOR,
        )
    else:
        return []
    count = len(due_reviews(trajectories.distinct()))
    if not count:
        return []
    return [
        NextStep(
            title=_("Voortgangsgesprekken in de wijk"),
            text=ngettext(
                "%(count)s voortgangsgesprek (na 3 of 6 maanden) is nodig.",
                "%(count)s voortgangsgesprekken (na 3 of 6 maanden) zijn nodig.",
                count,
            )
            % {"count": count},
            url=reverse("neighbourhood:home") + "#voortgang",
            link_text=_("Naar de wijkteams"),
        )
    ]


def group_activity_counts(
    team: Team, *, since: datetime.date | None = None, until: datetime.date | None = None
) -> dict:
    """Group activities of a team in a period: how many and the total attendance (counts only). One query.

    For the coordinator's overview and for evaluation (#14)."""
    rows = GroupActivity.objects.filter(team=team)
    if since is not None:
        rows = rows.filter(held_on__gte=since)
    if until is not None:
        rows = rows.filter(held_on__lte=until)
    totals = rows.aggregate(count=Count("pk"), attendees=Sum("attendees"))
    return {"count": totals["count"], "attendees": totals["attendees"] or 0}
