"""Tests for the pure allowance rules: caps, organisations, years, real costs and reward forms (no database)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inzet.compensation.rules import (
    AgeBand,
    AllowanceCap,
    BenefitEffect,
    BenefitSituation,
    CapKind,
    PaymentHistory,
    ProposedPayment,
    RewardForm,
    check_payment,
)
from inzet.compensation.tests.rules_helpers import (
    CAPS_BY_YEAR,
    CENT,
    ORG_A,
    ORG_B,
    D,
    age_bands,
    benefits,
    cap_years,
    cents,
    check,
    hourly_years,
    kinds,
    past,
    texts,
    to_cents,
)
from inzet.compensation.tests.shipped_rows import SHIPPED_BENEFIT_RULES as DEFAULT_BENEFIT_RULES
from inzet.compensation.tests.shipped_rows import SHIPPED_CAPS as DEFAULT_ALLOWANCE_CAPS

# --- The Belastingdienst's own example -------------------------------------


def test_it_taxes_the_belastingdienst_example_of_208_a_month():
    # €4 an hour plus €48 a week travel is €208 a month: 52 hours at €4.
    result = check(amount=D("208"), hours=D("52"), on=dt.date(2023, 3, 31))

    assert result.stays_untaxed_allowance is False
    assert kinds(result) == {CapKind.MONTH}
    (month,) = result.crossed_caps
    assert month.limit == D("190")
    assert month.resulting_amount == D("208")
    assert "maandgrens van € 190 (2023)" in texts(result)
    assert "hele vergoeding belast" in texts(result)
    assert result.warnings is True


# --- Caps: exactly at the edge, and one cent over ---------------------------


@given(year=cap_years, earlier=cents, data=st.data())
def test_it_allows_exactly_the_month_cap_and_refuses_one_cent_more(year, earlier, data):
    cap = CAPS_BY_YEAR[year]
    earlier = min(earlier, cap.monthly)
    on = dt.date(year, data.draw(st.integers(1, 12)), 10)
    history = [past(on.replace(day=1), earlier)] if earlier else []

    at_cap = check(amount=cap.monthly - earlier, on=on, history=history)
    over = check(amount=cap.monthly - earlier + CENT, on=on, history=history)

    assert at_cap.stays_untaxed_allowance is True
    assert at_cap.crossed_caps == ()
    assert over.stays_untaxed_allowance is False
    assert kinds(over) == {CapKind.MONTH}
    assert over.crossed_caps[0].resulting_amount == cap.monthly + CENT


@given(year=cap_years, last=st.integers(min_value=0, max_value=18_999))
def test_it_allows_exactly_the_year_cap_and_refuses_one_cent_more(year, last):
    cap = CAPS_BY_YEAR[year]
    # The December payment stays below the month cap, so only the year counts.
    december = min(D(last).scaleb(-2), cap.monthly - CENT)
    before = cap.yearly - december
    history = []
    month = 1
    while before > 0:  # spread the rest over January-November, each month OK
        part = min(before, cap.monthly)
        history.append(past(dt.date(year, month, 5), part))
        before -= part
        month += 1
    assert month <= 12

    on = dt.date(year, 12, 20)
    at_cap = check(amount=december, on=on, history=history)
    over = check(amount=december + CENT, on=on, history=history)

    assert at_cap.stays_untaxed_allowance is True
    assert over.stays_untaxed_allowance is False
    assert kinds(over) == {CapKind.YEAR}
    assert over.crossed_caps[0].limit == cap.yearly
    assert over.crossed_caps[0].resulting_amount == cap.yearly + CENT


@given(year=hourly_years, hundredths=st.integers(min_value=1, max_value=3000))
def test_it_allows_exactly_the_hourly_cap_for_21_plus_and_refuses_one_cent_more(year, hundredths):
    cap = CAPS_BY_YEAR[year]
    hours = D(hundredths).scaleb(-2)  # 0.01 up to 30 hours: below the month cap
    at_cap = check(
        amount=cap.hourly_21_plus * hours,
        hours=hours,
        on=dt.date(year, 6, 1),
        age_band=AgeBand.AGE_27_PLUS,
    )
    over = check(
        amount=cap.hourly_21_plus * hours + CENT,
        hours=hours,
        on=dt.date(year, 6, 1),
        age_band=AgeBand.AGE_27_PLUS,
    )

    assert at_cap.stays_untaxed_allowance is True
    assert over.stays_untaxed_allowance is False
    assert kinds(over) == {CapKind.HOUR}
    assert over.crossed_caps[0].limit == cap.hourly_21_plus


@given(year=hourly_years, hours=st.integers(min_value=1, max_value=40).map(D))
def test_it_uses_the_lower_hourly_cap_under_21(year, hours):
    cap = CAPS_BY_YEAR[year]
    at_young_cap = cap.hourly_under_21 * hours
    over_young_cap = at_young_cap + CENT
    on = dt.date(year, 2, 2)

    young_at = check(amount=at_young_cap, hours=hours, on=on, age_band=AgeBand.UNDER_21)
    young_over = check(amount=over_young_cap, hours=hours, on=on, age_band=AgeBand.UNDER_21)
    older = check(amount=over_young_cap, hours=hours, on=on, age_band=AgeBand.AGE_27_PLUS)

    assert young_at.stays_untaxed_allowance is True
    assert CapKind.HOUR in kinds(young_over)
    assert young_over.crossed_caps[0].limit == cap.hourly_under_21
    assert CapKind.HOUR not in kinds(older)


def test_it_names_the_hourly_rate_in_dutch():
    result = check(amount=D("52"), hours=D("10"), on=dt.date(2023, 1, 9))

    assert result.crossed_caps[0].resulting_amount == D("5.20")
    assert "€ 5,20 per uur" in texts(result)
    assert "uurgrens van € 5 (2023)" in texts(result)


@given(year=hourly_years, amount=cents, age_band=age_bands)
def test_it_ignores_the_hourly_cap_without_an_hourly_agreement(year, amount, age_band):
    amount = min(amount, CAPS_BY_YEAR[year].monthly)
    result = check(amount=amount, on=dt.date(year, 4, 1), age_band=age_band)

    assert result.stays_untaxed_allowance is True
    assert CapKind.HOUR not in kinds(result)
    if amount:
        assert "geen afspraak per uur" in texts(result)


def test_it_skips_the_hourly_cap_when_the_year_row_has_none():
    # An operator row without an hourly cap: 100 euros for one hour is then only checked per month and year.
    no_hourly = [AllowanceCap(2023, None, None, D(190), D(1900), source="https://example.org/caps")]
    result = check(amount=D("100"), hours=D("1"), on=dt.date(2023, 1, 1), caps=no_hourly)

    assert result.stays_untaxed_allowance is True
    assert "geen grens per uur" in texts(result)


# --- Several organisations ---------------------------------------------------


@given(
    year=cap_years,
    share_a=st.integers(min_value=1, max_value=100),
    share_b=st.integers(min_value=1, max_value=100),
)
def test_it_adds_up_the_tax_caps_over_all_organisations(year, share_a, share_b):
    # Changed with issue 8: "het totaal van de vergoeding" — all organisations together, never per organisation.
    cap = CAPS_BY_YEAR[year]
    from_a = to_cents(cap.monthly * share_a / 100)
    from_b = to_cents(cap.monthly * share_b / 100)
    on = dt.date(year, 9, 15)

    result = check(amount=from_b, org=ORG_B, on=on, history=[past(on.replace(day=1), from_a)])

    over = from_a + from_b > cap.monthly
    assert result.stays_untaxed_allowance is (not over)
    assert (CapKind.MONTH in kinds(result)) is over
    if over:
        assert result.crossed_caps[0].resulting_amount == from_a + from_b


def test_it_adds_up_allowances_from_two_organisations_for_a_benefit():
    on = dt.date(2023, 9, 15)
    history = [past(dt.date(2023, 9, 1), D("100"), org=ORG_A)]

    result = check(
        amount=D("100"),
        org=ORG_B,
        on=on,
        history=history,
        benefit=BenefitSituation.BIJSTAND,
        age_band=AgeBand.AGE_27_PLUS,
    )

    # 2023: bijstand 27+ keeps an allowance within the tax caps; above them the whole amount counts.
    assert result.stays_untaxed_allowance is False
    assert result.benefit_effect is BenefitEffect.FULLY_OFFSET
    assert result.benefit_basis == D("200")
    assert result.benefit_kept == D(0)
    assert result.benefit_offset == D("200")
    assert "andere organisaties" in texts(result)
    assert result.warnings is True


@given(from_a=st.integers(min_value=1, max_value=189), data=st.data())
def test_it_offsets_the_uwv_allowance_when_organisations_together_pass_the_cap(from_a, data):
    from_b = data.draw(st.integers(min_value=190 - from_a + 1, max_value=190))
    on = dt.date(2023, 10, 20)

    result = check(
        amount=D(from_b),
        org=ORG_B,
        on=on,
        history=[past(dt.date(2023, 10, 2), D(from_a), org=ORG_A)],
        benefit=BenefitSituation.WAJONG,
    )

    assert result.stays_untaxed_allowance is False
    assert result.benefit_effect is BenefitEffect.FULLY_OFFSET
    assert result.benefit_offset == D(from_a + from_b)


# --- Year change -------------------------------------------------------------


@given(december=st.lists(cents, min_size=1, max_size=6), january=cents)
def test_it_does_not_count_december_toward_januarys_year_cap(december, january):
    cap = CAPS_BY_YEAR[2024]
    january = min(january, cap.monthly)
    history = [past(dt.date(2023, 12, 1 + i), amount) for i, amount in enumerate(december)]

    result = check(amount=january, on=dt.date(2024, 1, 2), history=history)
    totals = PaymentHistory(tuple(history)).totals_for(on=dt.date(2024, 1, 2), organisation_id=ORG_A)

    assert result.stays_untaxed_allowance is True
    assert totals.year_organisation == D(0)
    assert totals.month_all == D(0)


def test_it_accepts_a_plain_list_of_earlier_payments():
    result = check_payment(
        payment=ProposedPayment(date=dt.date(2023, 5, 20), amount=D("100"), organisation_id=ORG_A),
        history=[past(dt.date(2023, 5, 1), D("100"))],
        age_band="27_plus",
        benefit="none",
        reward_form="bank_transfer",
        caps=list(DEFAULT_ALLOWANCE_CAPS),
        benefit_rules=list(DEFAULT_BENEFIT_RULES),
    )

    assert result.stays_untaxed_allowance is False
    assert result.crossed_caps[0].resulting_amount == D("200")


def test_it_counts_december_toward_the_old_years_cap():
    history = [past(dt.date(2023, m, 1), D("190")) for m in range(1, 12)]

    result = check(amount=D("10"), on=dt.date(2023, 12, 31), history=history)

    assert kinds(result) == {CapKind.YEAR}
    assert result.crossed_caps[0].resulting_amount == D("2100")
    assert result.crossed_caps[0].already_crossed is True


# --- Missing year row ---------------------------------------------------------


@given(year=st.integers(min_value=2026, max_value=2100), amount=cents)
def test_it_says_unknown_when_the_year_has_no_cap_row(year, amount):
    amount = max(amount, CENT)
    result = check(amount=amount, on=dt.date(year, 3, 3))

    assert result.stays_untaxed_allowance is None
    assert result.crossed_caps == ()
    assert f"De belastinggrenzen voor {year} zijn nog niet bekend" in texts(result)
    assert result.missing_cap_year == year
    assert "beheerder" in texts(result)
    assert result.warnings is True


def test_it_never_falls_back_on_the_default_caps():
    result = check(amount=D("10"), on=dt.date(2023, 3, 3), caps=[])

    assert result.stays_untaxed_allowance is None


def test_it_uses_the_caps_it_is_given():
    strict = [AllowanceCap(2023, D("1"), D("1"), D("20"), D("200"), source="test table")]

    result = check(amount=D("21"), on=dt.date(2023, 3, 3), caps=strict)

    assert result.stays_untaxed_allowance is False
    assert result.crossed_caps[0].limit == D("20")
    assert any(line.source == "test table" for line in result.explanation)


def test_it_refuses_two_cap_rows_for_one_year():
    double = [CAPS_BY_YEAR[2023], CAPS_BY_YEAR[2023]]

    with pytest.raises(ValueError, match="2023"):
        check(amount=D("10"), on=dt.date(2023, 3, 3), caps=double)


def test_it_marks_the_uwv_effect_unknown_without_any_cap_row():
    result = check(amount=D("10"), on=dt.date(2030, 1, 1), benefit=BenefitSituation.WW, caps=[])

    assert result.benefit_effect is BenefitEffect.UNKNOWN
    assert result.warnings is True


# --- Real costs and exact Decimal money ----------------------------------------


@given(
    amount=cents,
    real_costs=cents,
    hours=st.none() | st.integers(min_value=1, max_value=60).map(D),
    age_band=age_bands,
    benefit=benefits,
    year=st.sampled_from([2023, 2024, 2030]),
)
def test_it_never_counts_real_costs(amount, real_costs, hours, age_band, benefit, year):
    on = dt.date(year, 7, 7)
    with_costs = check(
        amount=amount,
        real_costs=real_costs,
        hours=hours,
        on=on,
        age_band=age_band,
        benefit=benefit,
    )
    without = check(amount=amount, hours=hours, on=on, age_band=age_band, benefit=benefit)

    assert with_costs.stays_untaxed_allowance == without.stays_untaxed_allowance
    assert with_costs.crossed_caps == without.crossed_caps
    assert with_costs.benefit_effect == without.benefit_effect
    assert with_costs.benefit_offset == without.benefit_offset
    assert with_costs.counted_amount == amount


def test_it_keeps_only_real_costs_free_under_27_in_bijstand():
    result = check(
        amount=D("50"),
        real_costs=D("30"),
        age_band=AgeBand.AGE_23_26,
        benefit=BenefitSituation.BIJSTAND,
    )

    # Far within the volunteer caps, but under 27 the flat amount is deducted.
    assert result.stays_untaxed_allowance is True
    assert result.benefit_effect is BenefitEffect.FULLY_OFFSET
    assert result.benefit_rule_code == "bijstand_under_27"
    assert result.benefit_offset == D("50")
    assert "jonger dan 27" in texts(result)


def test_it_sees_no_benefit_effect_when_only_real_costs_are_paid_under_27():
    result = check(
        amount=D(0),
        real_costs=D("30"),
        age_band=AgeBand.UNDER_21,
        benefit=BenefitSituation.BIJSTAND,
    )

    assert result.benefit_effect is BenefitEffect.NONE
    assert result.warnings is False


@given(earlier=st.lists(cents, max_size=8), amount=cents)
def test_it_sums_money_exactly_as_decimal(earlier, amount):
    amount = max(amount, CENT)  # a zero payment adds nothing to check
    on = dt.date(2024, 5, 31)
    history = [past(on, value) for value in earlier]

    result = check(amount=amount, on=on, history=history)

    expected = sum(earlier, D(0)) + amount
    month = [c for c in result.crossed_caps if c.kind is CapKind.MONTH]
    if expected > D("210"):
        assert month[0].resulting_amount == expected
        assert isinstance(month[0].resulting_amount, Decimal)
    else:
        assert month == []


@pytest.mark.parametrize("field", ["amount", "real_costs", "hours"])
def test_it_refuses_floats(field):
    values = {"amount": D("10"), "real_costs": D(0), "hours": None, field: 10.0}

    with pytest.raises(TypeError, match="Decimal"):
        ProposedPayment(date=dt.date(2023, 1, 1), organisation_id=ORG_A, **values)


def test_it_refuses_a_negative_amount_and_zero_hours():
    with pytest.raises(ValueError):
        ProposedPayment(date=dt.date(2023, 1, 1), amount=D("-1"), organisation_id=1)
    with pytest.raises(ValueError):
        ProposedPayment(date=dt.date(2023, 1, 1), amount=D("1"), hours=D(0), organisation_id=1)


# --- Reward forms ---------------------------------------------------------------


def test_it_counts_a_voucher_like_money():
    voucher = check(amount=D("200"), reward_form=RewardForm.VOUCHER)

    assert voucher.stays_untaxed_allowance is False
    assert kinds(voucher) == {CapKind.MONTH}
    assert "waardebon telt mee" in texts(voucher)


@given(amount=cents, benefit=benefits, age_band=age_bands)
def test_it_does_not_count_a_donation_to_charity(amount, benefit, age_band):
    result = check(
        amount=amount,
        reward_form=RewardForm.DONATION,
        benefit=benefit,
        age_band=age_band,
    )

    assert result.stays_untaxed_allowance is True
    assert result.crossed_caps == ()
    assert result.benefit_effect is BenefitEffect.NONE
    assert result.counted_amount == D(0)
    assert "goed doel" in texts(result)


def test_it_leaves_earlier_donations_out_of_the_totals():
    history = [
        past(dt.date(2023, 5, 1), D("1000"), reward_form=RewardForm.DONATION),
        past(dt.date(2023, 5, 2), D("50"), reward_form=RewardForm.VOUCHER),
    ]

    result = check(amount=D("140"), history=history)

    assert result.stays_untaxed_allowance is True  # 50 + 140 = 190, the cap


def test_it_has_nothing_to_check_without_a_reward():
    result = check(
        amount=D("500"),
        reward_form=RewardForm.NONE,
        benefit=BenefitSituation.WAJONG,
    )

    assert result.stays_untaxed_allowance is True
    assert result.benefit_effect is BenefitEffect.NONE
    assert result.warnings is False
    assert "niets te controleren" in texts(result)
