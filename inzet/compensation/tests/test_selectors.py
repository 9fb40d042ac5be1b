import datetime as dt
from decimal import Decimal as D

from conftest import make_person, term
from inzet.compensation import rules, selectors, services
from inzet.compensation.models import AllowanceCapRow, BenefitRuleRow, HourlyGuideline, Payout, Tariff
from inzet.compensation.tests import factories as f
from inzet.compensation.tests.shipped_rows import SHIPPED_BENEFIT_RULES, SHIPPED_CAPS
from inzet.organisations.models import Role


def test_the_data_migration_loads_the_shipped_rows_and_they_convert_back_unchanged(db):
    assert selectors.allowance_caps() == list(SHIPPED_CAPS)
    assert set(selectors.benefit_rules()) == set(SHIPPED_BENEFIT_RULES)
    guideline = HourlyGuideline.objects.get()
    assert guideline.amount == D(50) and "000_" not in guideline.source


def test_every_rule_row_has_a_source_and_a_period(db):
    assert all(row.source for row in AllowanceCapRow.objects.all())
    assert all(row.source and row.valid_from for row in BenefitRuleRow.objects.all())


def test_missing_years_from_2018_to_now_stay_visible_as_missing(db, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 12), tick=False)
    years = selectors.cap_years()
    assert [y.year for y in years] == list(range(2018, 2027))
    assert selectors.missing_cap_years() == [2026]


def test_an_operator_row_replaces_nothing_silently_and_fills_the_gap(db, time_machine, operator):
    time_machine.move_to(dt.datetime(2026, 3, 1, 12), tick=False)
    source = "https://www.belastingdienst.nl/test"
    services.cap_row_save(year=2026, data={"monthly": D(220), "yearly": D(2200), "source": source}, actor=operator)
    assert selectors.missing_cap_years() == []
    cap = rules.cap_for_year(selectors.allowance_caps(), 2026)
    assert (cap.monthly, cap.hourly_21_plus, cap.source) == (D(220), None, source)


def test_the_tariff_for_an_exact_level_wins_over_the_tariff_for_every_level(orgs):
    role, level = term("role", "policy_influencer"), term("level", "expertise")
    base = {"organisation": orgs.deploying, "role": role, "source": "Tarievenlijst"}
    Tariff.objects.create(**base, level=None, hourly_rate=D(55), valid_from=dt.date(2025, 1, 1))
    exact = Tariff.objects.create(**base, level=level, hourly_rate=D(65), valid_from=dt.date(2025, 1, 1))
    Tariff.objects.create(
        **base, level=level, hourly_rate=D(60), valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2024, 12, 31)
    )

    found = selectors.tariff_for(
        organisation_id=orgs.deploying.pk, role_id=role.pk, level_id=level.pk, on=dt.date(2025, 6, 1)
    )
    old = selectors.tariff_for(
        organisation_id=orgs.deploying.pk, role_id=role.pk, level_id=level.pk, on=dt.date(2024, 6, 1)
    )
    other_level = selectors.tariff_for(
        organisation_id=orgs.deploying.pk, role_id=role.pk, level_id=None, on=dt.date(2025, 6, 1)
    )
    assert found == exact
    assert old.hourly_rate == D(60)
    assert other_level.hourly_rate == D(55)


def test_the_history_holds_approved_allowances_from_every_organisation(
    orgs, expert, asker, coordinator, other_coordinator
):
    here = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs="5.00")
    for payout in here.payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    elsewhere_request = f.engagement(orgs, asker=asker, deploying=orgs.other_deploying, title="Elders")
    job = f.assignment(orgs, expert=expert, asker=asker, request=elsewhere_request)
    f.approved_hours(job, other_coordinator, "1")
    services.settlement_create(engagement=elsewhere_request, actor=other_coordinator)  # proposed only

    history = selectors.payment_history(here.payouts.first().expert_id)

    assert [(p.amount, p.organisation_id) for p in history.payments] == [(D("100.00"), orgs.deploying.pk)]


def test_the_newest_choice_wins_and_the_profile_is_the_default(job, expert):
    assert selectors.effective_reward(job).reward_form == "bank_transfer"
    assert selectors.effective_reward(job).from_profile
    services.reward_choice_record(invitation=job, reward_form="voucher", charity="", actor=expert, on_behalf=False)
    services.reward_choice_record(invitation=job, reward_form="donation", charity="KWF", actor=expert, on_behalf=False)
    job.refresh_from_db()
    assert (selectors.effective_reward(job).reward_form, selectors.effective_reward(job).charity) == ("donation", "KWF")


def test_the_offer_is_the_hourly_amount_times_the_hours_per_person(in_2025, orgs, expert, asker):
    by_request = f.assignment(orgs, expert=expert, asker=asker, amount_offered="12.50", hours_estimate="6")
    assert selectors.proposed_for_invitation(by_request).amount == D("75.00")
    other = make_person("x@test.nl", "X", [(orgs.deploying, Role.EXPERT)])
    by_agreement = f.assignment(orgs, expert=other, asker=asker, rate="50.00", hours="10", title="B")
    # The agreement's hours are for both experts together.
    proposed = selectors.proposed_for_invitation(by_agreement)
    assert (proposed.hours, proposed.amount, proposed.date) == (D("5.00"), D("250.00"), in_2025)
    third = make_person("y@test.nl", "Y", [(orgs.deploying, Role.EXPERT)])
    assert (
        selectors.proposed_for_invitation(f.assignment(orgs, expert=third, asker=asker, rate=None, title="C")) is None
    )


def test_unsettled_rows_count_only_approved_rows_not_replaced(job, expert, coordinator):
    kept = f.approved_hours(job, coordinator, "2", dt.date(2025, 3, 1))
    replaced = f.approved_hours(job, coordinator, "3", dt.date(2025, 3, 2))
    correction = services.hours_correct(
        entry=replaced, actor=expert, date=replaced.date, hours=D("2.75"), description="", reason="Korter"
    )
    services.hours_decide(entry=correction, actor=coordinator, approve=True)
    services.hours_log(invitation=job, actor=expert, date=dt.date(2025, 3, 3), hours=D(9))  # not approved yet

    todo = selectors.unsettled_by_invitation([job.request_id])[job.pk]

    assert [(e.pk, d) for e, d in todo.hours] == [(kept.pk, D("2.00")), (correction.pk, D("2.75"))]
    assert todo.total_hours == D("4.75")


def test_the_year_statement_adds_up_per_organisation_and_keeps_costs_apart(in_2025, orgs, expert, asker, coordinator):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="3.5", costs="11.20")
    for payout in settlement.payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    f.bank_settings(orgs.deploying)
    services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)

    statement = selectors.year_statement(settlement.payouts.first().expert, 2025)

    (org,) = statement.organisations
    assert (org.hours, org.allowance, org.real_costs) == (D("3.50"), D("175.00"), D("11.20"))
    assert (statement.allowance, statement.real_costs, statement.summary.total_counted) == (
        D("175.00"),
        D("11.20"),
        D("175.00"),
    )
    assert org.summary.stays_untaxed is False  # € 50 an hour is above € 5,60


def test_the_year_statement_counts_only_paid_payouts_and_lists_approved_ones_apart(
    in_2025, orgs, expert, asker, coordinator
):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs=None)
    for payout in settlement.payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)

    statement = selectors.year_statement(settlement.payouts.first().expert, 2025)

    assert statement.organisations == [] and statement.allowance == D(0)
    assert statement.summary.total_counted == D(0)
    assert [p.amount for p in statement.unpaid] == [D("100.00")] and statement.unpaid_total == D("100.00")


def test_home_page_steps_count_what_waits(orgs, expert, asker, coordinator, operator, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 12), tick=False)
    job = f.assignment(orgs, expert=expert, asker=asker)
    services.hours_log(invitation=job, actor=expert, date=dt.date(2026, 11, 2), hours=D(1))
    services.hours_log(invitation=job, actor=expert, date=dt.date(2026, 11, 3), hours=D(2))

    from inzet.accounts.permissions import get_roles

    coordinator_steps = selectors.next_steps_for(coordinator, get_roles(coordinator))
    expert_steps = selectors.next_steps_for(expert, get_roles(expert))
    operator_steps = selectors.next_steps_for(operator, get_roles(operator))

    assert "2 urenregels wachten op goedkeuring." in coordinator_steps[0].text
    assert coordinator_steps[0].url == "/vergoedingen/goedkeuren/"
    assert "1 opdracht" in expert_steps[0].text
    assert "dit jaar (2026) ontbreken" in operator_steps[0].text
    assert selectors.next_steps_for(asker, get_roles(asker)) == []
    assert selectors.next_steps_for(coordinator, get_roles(coordinator), role=Role.EXPERT) == []
    assert Payout.objects.count() == 0
