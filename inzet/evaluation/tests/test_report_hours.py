"""The report's approved hours come from the per-day totals (compensation.ApprovedHoursDay) of its organisation and period."""

import datetime as dt
from decimal import Decimal as D

import pytest

from inzet.compensation import services
from inzet.compensation.tests import factories as f
from inzet.evaluation import selectors
from inzet.evaluation.rules import Period

MONDAY = dt.date(2025, 6, 2)
TUESDAY = dt.date(2025, 6, 3)


@pytest.fixture
def job(orgs, expert, asker, in_2025):
    return f.assignment(orgs, expert=expert, asker=asker)


def _approved(job, coordinator, hours: str, day: dt.date) -> None:
    entry = services.hours_log(invitation=job, actor=job.expert.user, date=day, hours=D(hours), description="Werk")
    services.hours_decide(entry=entry, actor=coordinator, approve=True)


def test_the_report_reads_the_totals_of_its_own_organisation_and_period(job, coordinator, orgs):
    _approved(job, coordinator, "2", MONDAY)
    _approved(job, coordinator, "1.25", TUESDAY)
    report = selectors.evaluation_report(
        organisation=orgs.deploying, team=None, period=Period(TUESDAY, dt.date(2025, 6, 30))
    )
    hours = next(t for t in report.figures if t.key == "hours")
    assert (hours.rows[0].count, hours.rows[0].amount) == (1, D("1.25"))
    other = selectors.evaluation_report(organisation=orgs.other_deploying, team=None, period=Period(MONDAY, TUESDAY))
    assert next(t for t in other.figures if t.key == "hours").rows[0].amount == 0
