"""The report's figures equal the source rows (counted here from the database), in a bounded number of queries."""

import datetime as dt

from django.db.models import Sum

from inzet.compensation.models import EntryState, HourEntry, Settlement
from inzet.evaluation import selectors
from inzet.evaluation.rules import Period
from inzet.evaluation.tests.conftest import trajectories
from inzet.neighbourhood.models import Contact, QuestionFormRow, Team, Trajectory

YEAR = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def _table(report, key):
    tables = [t for q in report.questions for t in q.tables] + report.figures
    return next(t for t in tables if t.key == key)


def _row(table, label):
    return next(r for r in table.rows if r.label == label)


def test_the_neighbourhood_figures_equal_the_rows(report_data, orgs):
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    opened = Trajectory.objects.filter(opened_on__year=2025, team__organisation=orgs.deploying)
    channels = _table(report, "channels")
    assert _row(channels, "Inloopspreekuur").count == opened.filter(channel="drop_in").count() == 6
    assert _row(channels, "Verwijzing").count == opened.filter(channel="referral").count() == 2
    assert channels.total == opened.count()
    domains = _table(report, "domains")
    admin = QuestionFormRow.objects.filter(topic="administration", form__trajectory__in=opened).count()
    assert _row(domains, "Hulp bij administratie, budgetteren e.d.").count == admin == 7
    contacts = _table(report, "contacts")
    assert _row(contacts, "Telefonisch").count == Contact.objects.filter(kind="phone", on__year=2025).count()
    trajectories_table = _table(report, "trajectories")
    assert [r.count for r in trajectories_table.rows] == [opened.count(), 2]
    outcomes = _table(report, "outcomes")
    assert _row(outcomes, "Voelde zich gehoord").count == 2


def test_hours_and_money_equal_the_rows(report_data, orgs):
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    hours = HourEntry.objects.filter(state=EntryState.APPROVED, date__year=2025).aggregate(total=Sum("hours"))
    assert _table(report, "hours").rows[0].amount == hours["total"]
    settled = Settlement.objects.aggregate(coordination=Sum("coordination_amount"), experts=Sum("experts_amount"))
    income = _table(report, "income")
    assert income.rows[1].amount == settled["coordination"]
    assert income.rows[2].amount == settled["experts"]
    assert sum(r.count for r in _table(report, "assignments_kind").rows) == 1


def test_an_approved_correction_replaces_the_hours_it_corrects(report_data, orgs, coordinator):
    from inzet.compensation import services

    entry = HourEntry.objects.get()
    correction = services.hours_correct(
        entry=entry,
        actor=entry.invitation.expert.user,
        date=entry.date,
        hours=entry.hours + 2,
        description=entry.description,
        reason="Twee uur vergeten",
    )
    services.hours_decide(entry=correction, actor=coordinator, approve=True)
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    assert _table(report, "hours").rows[0].amount == entry.hours + 2


def test_another_organisation_and_another_period_are_not_counted(report_data, orgs):
    other_team = Team.objects.create(organisation=orgs.other_deploying, name="Elders")
    trajectories(other_team, n=9, channel=Trajectory.Channel.DROP_IN, opened=dt.date(2025, 3, 3))
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    assert _table(report, "channels").total == 8
    earlier = selectors.evaluation_report(
        organisation=orgs.deploying, team=None, period=Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    )
    assert _table(earlier, "channels").total == 3


def test_a_team_report_leaves_out_what_is_kept_per_organisation(report_data, orgs):
    report = selectors.evaluation_report(organisation=orgs.deploying, team=report_data["team"], period=YEAR)
    assert [t.key for t in report.figures] == ["trajectories"]
    assert any("niet per wijkteam" in line for line in report.left_out)


def test_the_grade_change_is_said_to_be_missing(report_data, orgs):
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    assert any("3 en 6 maanden" in line for line in report.left_out)


def test_the_report_takes_the_same_number_of_queries_with_more_data(
    report_data, orgs, expert, asker, coordinator, django_assert_max_num_queries
):
    from inzet.compensation.tests import factories as f

    with django_assert_max_num_queries(25) as first:
        selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    trajectories(report_data["team"], n=25, channel=Trajectory.Channel.PHONE, opened=dt.date(2025, 4, 1))
    for _ in range(3):
        f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs=None)
    with django_assert_max_num_queries(len(first.captured_queries)):
        selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
