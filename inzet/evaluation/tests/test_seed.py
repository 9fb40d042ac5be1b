"""`inzet seed --trajectories N --hour-entries N` adds report data, and the report counts all of it."""

from django.core.management import call_command
from django.utils import timezone

from inzet.compensation.models import HourEntry
from inzet.evaluation import selectors
from inzet.evaluation.rules import Period
from inzet.neighbourhood.models import Closure, Trajectory
from inzet.organisations.models import Organisation


def test_the_seed_command_adds_trajectories_and_hours_that_the_report_counts(db):
    call_command(
        "inzet",
        "seed",
        "--experts",
        "3",
        "--organisations",
        "1",
        "--trajectories",
        "40",
        "--hour-entries",
        "120",
        "--no-progress",
    )
    assert Trajectory.objects.count() == 40
    assert HourEntry.objects.filter(state="approved").count() == 120
    organisation = Organisation.objects.get(slug="seed-org-0")
    today = timezone.localdate()
    report = selectors.evaluation_report(
        organisation=organisation, team=None, period=Period(today.replace(year=today.year - 4), today)
    )
    channels = next(t for q in report.questions for t in q.tables if t.key == "channels")
    assert channels.total == 40
    hours = next(t for t in report.figures if t.key == "hours")
    assert hours.rows[0].count == 120
    closed = next(t for t in report.figures if t.key == "trajectories").rows[1].count
    assert closed == Closure.objects.count() == Trajectory.objects.filter(closed_on__isnull=False).count()
