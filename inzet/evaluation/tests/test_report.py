"""The report's figures equal the source rows (counted here from the database), in a bounded number of queries."""

import datetime as dt
from decimal import Decimal

from django.db.models import Sum
from django.urls import reverse

from inzet.compensation.models import EntryState, HourEntry, Settlement
from inzet.evaluation import charts, selectors
from inzet.evaluation.rules import Period
from inzet.evaluation.tests.conftest import trajectories
from inzet.neighbourhood.models import Closure, Contact, QuestionFormRow, Review, ReviewRow, Team, Trajectory

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
    assert [t.key for t in report.figures] == ["trajectories", "group_activities", "grades", "grade_change"]
    assert any("niet per wijkteam" in line for line in report.left_out)


def _reviews(trajectory, *, three: dict, six: dict, filled=dt.date(2025, 9, 1)):
    for months, grades in ((3, three), (6, six)):
        review = Review.objects.create(trajectory=trajectory, months=months, filled_on=filled)
        for topic, grade in grades.items():
            ReviewRow.objects.create(review=review, topic=topic, grade=grade, explanation="Geheim")


def test_the_mean_grade_change_equals_the_pure_rule_over_the_rows(report_data, orgs):
    from inzet.neighbourhood.review_rules import mean_grade, mean_grade_change
    from inzet.neighbourhood.selectors import grades_by_round

    team = report_data["team"]
    made = trajectories(team, n=6, channel=Trajectory.Channel.DROP_IN, opened=dt.date(2025, 1, 6))
    for i, trajectory in enumerate(made):
        # one domain graded only once (left out of the change), one graded both times
        _reviews(trajectory, three={"administration": 4 + i % 3, "social_contacts": 5}, six={"administration": 7})
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    grades = grades_by_round(Trajectory.objects.filter(team=team))
    pairs = [(g[3].get(topic), g[6].get(topic)) for g in grades.values() for topic in g[3]]
    change = _table(report, "grade_change")
    assert float(change.rows[0].amount) == mean_grade_change(pairs)
    assert change.rows[0].count == 6
    admin = _row(change, "Hulp bij administratie, budgetteren e.d.")
    assert float(admin.amount) == mean_grade_change(
        [(g[3]["administration"], g[6]["administration"]) for g in grades.values()]
    )
    three = _table(report, "grades").rows[0]
    assert float(three.amount) == mean_grade([grade for g in grades.values() for grade in g[3].values()])
    assert three.count == 6
    svg = charts.chart_svg(change).decode()
    assert f">{float(admin.amount):g}<" in svg.replace(".0<", "<") and "<script" not in svg


def test_a_mean_over_fewer_than_five_residents_is_hidden(report_data, orgs):
    made = trajectories(report_data["team"], n=2, channel=Trajectory.Channel.DROP_IN, opened=dt.date(2025, 1, 6))
    for trajectory in made:
        _reviews(trajectory, three={"administration": 4}, six={"administration": 8})
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    overall = _table(report, "grade_change").rows[0]
    assert (overall.count, overall.amount) == (2, None)


def test_the_report_takes_the_same_number_of_queries_with_more_data(
    report_data, orgs, expert, asker, coordinator, django_assert_max_num_queries
):
    from inzet.compensation.tests import factories as f

    with django_assert_max_num_queries(30) as first:
        selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    trajectories(report_data["team"], n=25, channel=Trajectory.Channel.PHONE, opened=dt.date(2025, 4, 1))
    for _ in range(3):
        f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs=None)
    with django_assert_max_num_queries(len(first.captured_queries)):
        selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)


def test_budget_against_actual_reads_the_entered_budget_and_the_payments(report_data, orgs, coordinator, client):
    from inzet.compensation.models import Payout
    from inzet.evaluation.models import BudgetLine

    client.force_login(coordinator)
    url = reverse("evaluation:budget", kwargs={"org_pk": orgs.deploying.pk})
    data = {"year": "2025", "budget_staff": "12000", "spent_staff": "11000.50", "budget_experts": "5000"}
    client.post(url, data)
    client.post(url, data)  # a double click stores the same once
    assert BudgetLine.objects.filter(organisation=orgs.deploying, year=2025).count() == 8
    bad = client.post(url, {**data, "budget_staff": "-5"})
    assert bad.status_code == 200 and "11000.50" in bad.content.decode()  # the rest is kept
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    budget = _table(report, "budget")
    staff = budget.rows[0]
    assert (staff.amount, staff.extra) == (Decimal("12000"), Decimal("11000.50"))
    paid = Payout.objects.filter(
        organisation=orgs.deploying, state__in=selectors.PAID_STATES, pay_date__year=2025
    ).aggregate(total=Sum("amount"))["total"] or Decimal("0")
    experts = _row(budget, "Vergoedingen ervaringsdeskundigen")
    assert (experts.amount, experts.extra) == (Decimal("5000"), paid)
    assert (
        "Begroting tegenover"
        in client.get(
            reverse("evaluation:report", kwargs={"org_pk": orgs.deploying.pk}),
            {"van": "2025-01-01", "tot": "2025-12-31"},
        ).content.decode()
    )


def test_question_six_of_the_closure_form_is_counted_in_the_third_question(report_data, orgs):
    team = report_data["team"]
    trajectories(
        team,
        n=5,
        channel=Trajectory.Channel.DROP_IN,
        opened=dt.date(2025, 2, 1),
        closed=dt.date(2025, 6, 1),
        diff_recognition=True,
        diff_hope=True,
    )
    trajectories(
        team,
        n=1,
        channel=Trajectory.Channel.DROP_IN,
        opened=dt.date(2024, 2, 1),
        closed=dt.date(2024, 6, 1),
        diff_hope=True,
    )
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    difference = _table(report, "difference")
    closed = Closure.objects.filter(trajectory__closed_on__year=2025, trajectory__team__organisation=orgs.deploying)
    recognised = _row(difference, "Herkenning en erkenning, waardoor hulp vragen makkelijker werd")
    assert recognised.count == closed.filter(diff_recognition=True).count() == 5
    assert _row(difference, "Een voorbeeld dat hoop en moed gaf").count == closed.filter(diff_hope=True).count() == 5
    assert _row(difference, "Minder last van (zelf)stigma").count == 0
    # Every closure of the fixture has words for question 6: 2 referred + these 5.
    assert closed.exclude(different="").count() == 7
    assert "beantwoord bij 7 afgesloten trajecten" in difference.note
    assert report.questions[2].missing == []


def test_partners_referrals_case_meetings_and_group_activities_equal_the_rows(report_data, orgs, coordinator):
    from inzet.neighbourhood.models import CaseMeeting, GroupActivity, Partner, Referral

    team = report_data["team"]
    other_team = Team.objects.create(organisation=orgs.other_deploying, name="Elders")
    for n, kind in enumerate(["gp", "gp", "mental_health"]):
        Partner.objects.create(team=team, name=f"Partner {n}", kind=kind)
    Partner.objects.create(team=team, name="Oud", kind="gp", is_active=False)
    Partner.objects.create(team=other_team, name="Elders", kind="gp")
    for n in range(6):
        referral = Referral.objects.create(
            team=team, partner_name="Huisarts", partner_kind="gp", status="taken_on" if n < 5 else "new"
        )
        Referral.objects.filter(pk=referral.pk).update(received_at=dt.datetime(2025, 4, 1, 10, tzinfo=dt.UTC))
    Referral.objects.create(team=other_team, partner_name="Huisarts", partner_kind="gp")
    trajectory = Trajectory.objects.filter(team=team).first()
    meeting = CaseMeeting.objects.create(trajectory=trajectory, planned_for=dt.datetime(2025, 5, 1, 10, tzinfo=dt.UTC))
    meeting.partners.add(Partner.objects.filter(team=team).first(), Partner.objects.filter(team=team).last())
    CaseMeeting.objects.create(
        trajectory=trajectory, planned_for=dt.datetime(2024, 5, 1, 10, tzinfo=dt.UTC)
    )  # before the period
    GroupActivity.objects.create(team=team, title="Koffie", held_on=dt.date(2025, 3, 1), kind="meeting", attendees=12)
    GroupActivity.objects.create(team=team, title="Soep", held_on=dt.date(2025, 4, 1), kind="meeting", attendees=9)
    GroupActivity.objects.create(team=team, title="Oud", held_on=dt.date(2024, 4, 1), kind="meeting", attendees=50)

    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    in_period = Referral.objects.filter(team__organisation=orgs.deploying, received_at__year=2025)
    assert _row(_table(report, "partner_referrals"), "Huisarts of praktijkondersteuner").count == in_period.count() == 6
    outcome = _table(report, "partner_referral_outcome")
    assert _row(outcome, "Aangenomen").count == in_period.filter(status="taken_on").count() == 5
    partners = _table(report, "partners")
    assert _row(partners, "Huisarts of praktijkondersteuner").count == 2
    assert _row(partners, "GGZ").count == 1
    meetings = _table(report, "case_meetings")
    assert [r.count for r in meetings.rows] == [1, 0, 1]
    activities = _table(report, "group_activities")
    held = GroupActivity.objects.filter(team__organisation=orgs.deploying, held_on__year=2025)
    assert _row(activities, "Ontmoeting (koffie, maaltijd)").count == held.count() == 2
    assert activities.rows[-1].count == held.aggregate(n=Sum("attendees"))["n"] == 21
    # The same figures in the page, with small counts hidden.
    from inzet.evaluation.counts import shown

    assert shown(_row(partners, "GGZ").count) == "minder dan 5"
