"""Tests for the pure allowance and benefit rules (no database, no Django)."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inzet.compensation.rules import (
    INDICATION_TEXT,
    AgeBand,
    AllowanceCap,
    BenefitEffect,
    BenefitMethod,
    BenefitRule,
    BenefitSituation,
    BijstandExemption,
    CapKind,
    PastPayment,
    PaymentHistory,
    ProposedPayment,
    RewardForm,
    age_band_on,
    check_payment,
    format_euro,
)
from inzet.compensation.tests.shipped_rows import SHIPPED_BENEFIT_RULES as DEFAULT_BENEFIT_RULES
from inzet.compensation.tests.shipped_rows import SHIPPED_CAPS as DEFAULT_ALLOWANCE_CAPS

D = Decimal
CENT = D("0.01")
CAPS_BY_YEAR = {cap.year: cap for cap in DEFAULT_ALLOWANCE_CAPS}
HOURLY_YEARS = sorted(y for y, c in CAPS_BY_YEAR.items() if c.hourly_21_plus)

ORG_A = 1
ORG_B = 2

# Money in whole cents, as Decimal: never a float in sight.
cents = st.integers(min_value=0, max_value=500_000).map(lambda c: D(c).scaleb(-2))
cap_years = st.sampled_from(sorted(CAPS_BY_YEAR))
hourly_years = st.sampled_from(HOURLY_YEARS)
age_bands = st.sampled_from(list(AgeBand))
benefits = st.sampled_from(list(BenefitSituation))
reward_forms = st.sampled_from(list(RewardForm))


def check(
    *,
    amount,
    on=dt.date(2023, 5, 15),
    hours=None,
    real_costs=D(0),
    org=ORG_A,
    history=(),
    age_band=AgeBand.AGE_27_PLUS,
    benefit=BenefitSituation.NONE,
    reward_form=RewardForm.BANK_TRANSFER,
    caps=DEFAULT_ALLOWANCE_CAPS,
    rules=DEFAULT_BENEFIT_RULES,
    exemption=BijstandExemption.REGULAR,
):
    return check_payment(
        payment=ProposedPayment(
            date=on,
            amount=amount,
            hours=hours,
            real_costs=real_costs,
            organisation_id=org,
        ),
        history=PaymentHistory(tuple(history)),
        age_band=age_band,
        benefit=benefit,
        reward_form=reward_form,
        caps=caps,
        benefit_rules=rules,
        bijstand_exemption=exemption,
    )


def past(on, amount, org=ORG_A, reward_form=RewardForm.BANK_TRANSFER):
    return PastPayment(date=on, amount=amount, organisation_id=org, reward_form=reward_form)


def kinds(result):
    return {c.kind for c in result.crossed_caps}


def texts(result):
    return " ".join(line.text for line in result.explanation)


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
    from_a = _cents(cap.monthly * share_a / 100)
    from_b = _cents(cap.monthly * share_b / 100)
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


# --- Benefit rules -------------------------------------------------------------


@given(
    hours=st.integers(min_value=1, max_value=33).map(D),
    kind=st.sampled_from([BenefitSituation.WAJONG, BenefitSituation.WGA, BenefitSituation.WW]),
    age_band=st.sampled_from([AgeBand.AGE_23_26, AgeBand.AGE_27_PLUS]),
)
def test_it_lets_uwv_allow_exactly_4_50_an_hour_from_23(hours, kind, age_band):
    # The 2018 rows (UWV's hourly limit ended with them).
    on = dt.date(2018, 2, 1)
    ok = check(amount=D("4.50") * hours, hours=hours, benefit=kind, age_band=age_band, on=on)
    over = check(amount=D("4.51") * hours, hours=hours, benefit=kind, age_band=age_band, on=on)

    assert ok.benefit_effect is BenefitEffect.NONE
    assert over.benefit_effect is BenefitEffect.FULLY_OFFSET
    # The WHOLE allowance is offset, not just the part above the limit.
    assert over.benefit_offset == D("4.51") * hours
    assert over.benefit_kept == D(0)
    assert over.warnings is True


@given(
    hours=st.integers(min_value=1, max_value=40).map(D),
    age_band=st.sampled_from([AgeBand.UNDER_21, AgeBand.AGE_21_22]),
)
def test_it_lets_uwv_allow_exactly_2_50_an_hour_under_23(hours, age_band):
    ok = check(
        amount=D("2.50") * hours,
        hours=hours,
        benefit=BenefitSituation.WGA,
        age_band=age_band,
        on=dt.date(2018, 3, 1),
    )
    over = check(
        amount=D("2.50") * hours + CENT,
        hours=hours,
        benefit=BenefitSituation.WGA,
        age_band=age_band,
        on=dt.date(2018, 3, 1),
    )

    assert ok.benefit_effect is BenefitEffect.NONE
    assert over.benefit_effect is BenefitEffect.FULLY_OFFSET
    assert over.benefit_offset == D("2.50") * hours + CENT


def test_it_warns_that_uwv_checks_the_hourly_rate_without_an_agreement():
    result = check(amount=D("100"), benefit=BenefitSituation.WW, on=dt.date(2018, 5, 1))

    assert result.benefit_effect is BenefitEffect.NONE
    assert "Het UWV kijkt ook naar het bedrag per uur" in texts(result)


@given(month_total=st.integers(min_value=191, max_value=5000).map(D))
def test_it_keeps_25_percent_up_to_202_in_bijstand_from_27(month_total):
    result = check(
        amount=month_total,
        benefit=BenefitSituation.BIJSTAND,
        age_band=AgeBand.AGE_27_PLUS,
        on=dt.date(2018, 5, 15),  # the 2018 rows; they end on 31 December 2018
    )

    expected_kept = min(_cents(month_total * D("0.25")), D("202"))
    assert result.benefit_rule_code == "bijstand_27_plus"
    assert result.benefit_effect is BenefitEffect.PARTLY_OFFSET
    assert result.benefit_kept == expected_kept
    assert result.benefit_kept + result.benefit_offset == month_total


def test_it_caps_the_bijstand_disregard_at_202():
    result = check(amount=D("1000"), benefit=BenefitSituation.BIJSTAND, on=dt.date(2018, 2, 1))

    assert result.benefit_kept == D("202")
    assert result.benefit_offset == D("798")
    assert "25% houden, tot € 202 per maand" in texts(result)


def test_it_leaves_bijstand_alone_within_the_volunteer_caps():
    result = check(amount=D("190"), benefit=BenefitSituation.BIJSTAND)

    assert result.benefit_effect is BenefitEffect.NONE
    assert result.warnings is False


def test_it_uses_the_single_parent_and_illness_rules_when_asked():
    parent = check(
        amount=D("1400"),
        benefit=BenefitSituation.BIJSTAND,
        exemption=BijstandExemption.SINGLE_PARENT,
        on=dt.date(2018, 9, 15),
    )
    ill = check(
        amount=D("400"),
        benefit=BenefitSituation.BIJSTAND,
        exemption=BijstandExemption.ILLNESS,
        on=dt.date(2018, 9, 15),
    )

    assert parent.benefit_rule_code == "bijstand_single_parent"
    assert parent.benefit_kept == D("126.32")
    assert ill.benefit_rule_code == "bijstand_illness"
    assert ill.benefit_kept == D("60.00")  # 15% of 400, below 128.81
    assert "zonder eindtermijn" in texts(ill)


def test_it_says_unknown_when_no_benefit_rule_fits_the_date():
    # The illness amount is valid from 1 July 2018 (001 l.3074).
    result = check(
        amount=D("400"),
        on=dt.date(2018, 3, 1),
        benefit=BenefitSituation.BIJSTAND,
        exemption=BijstandExemption.ILLNESS,
    )

    assert result.benefit_effect is BenefitEffect.UNKNOWN
    assert "geen regel ingevoerd" in texts(result)
    assert result.warnings is True


def test_it_prefers_the_newest_row_of_a_rule():
    newer = BenefitRule(
        code="uwv_hourly",
        method=BenefitMethod.UWV_VOLUNTEER_LIMIT,
        benefit_kinds=["wajong"],
        valid_from=dt.date(2018, 6, 1),
        valid_to=dt.date(2018, 12, 31),
        hourly_limit_23_plus=D("5.50"),
        hourly_limit_under_23=D("3.25"),
        source="https://example.org/operator-row",
    )

    result = check(
        amount=D("50"),
        hours=D("10"),
        on=dt.date(2018, 8, 1),
        benefit=BenefitSituation.WAJONG,
        rules=[*DEFAULT_BENEFIT_RULES, newer],
    )

    assert result.benefit_effect is BenefitEffect.NONE  # €5/h is fine under the newer row


def test_it_treats_toeslagen_by_whether_the_allowance_is_taxed():
    untaxed = check(amount=D("100"), benefit=BenefitSituation.TOESLAGEN)
    taxed = check(amount=D("300"), benefit=BenefitSituation.TOESLAGEN)

    assert untaxed.benefit_effect is BenefitEffect.NONE
    assert taxed.benefit_effect is BenefitEffect.UNKNOWN
    assert taxed.warnings is True


# --- Explanation ----------------------------------------------------------------


@given(
    amount=cents,
    hours=st.none() | st.integers(min_value=1, max_value=60).map(D),
    age_band=age_bands,
    benefit=benefits,
    reward_form=reward_forms,
    year=st.sampled_from([2018, 2022, 2023, 2025, 2031]),
)
def test_it_always_says_this_is_an_indication_and_cites_sources(amount, hours, age_band, benefit, reward_form, year):
    result = check(
        amount=amount,
        hours=hours,
        on=dt.date(year, 8, 8),
        age_band=age_band,
        benefit=benefit,
        reward_form=reward_form,
    )

    assert INDICATION_TEXT in [line.text for line in result.explanation]
    assert all(line.text for line in result.explanation)
    # Sources are public addresses people can open, never a file of ours.
    assert all(source.startswith("https://") for line in result.explanation for source in line.sources)
    assert not any(".txt" in line.source or "DOMAIN" in line.source for line in result.explanation)
    needs_warning = result.stays_untaxed_allowance is not True or result.benefit_effect is not BenefitEffect.NONE
    assert result.warnings is needs_warning


# --- Helpers and default data -----------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (D("190"), "€ 190"),
        (D("1900"), "€ 1.900"),
        (D("1900.5"), "€ 1.900,50"),
        (D("4.5"), "€ 4,50"),
        (D("0.005"), "€ 0,01"),
        (D("1234567.891"), "€ 1.234.567,89"),
        (D("-5"), "-€ 5"),
    ],
)
def test_it_formats_money_the_dutch_way(amount, expected):
    assert format_euro(amount) == expected


def test_it_can_always_show_cents():
    assert format_euro(D("1900"), always_cents=True) == "€ 1.900,00"


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2023, 6, 14), AgeBand.UNDER_21),
        (dt.date(2023, 6, 15), AgeBand.AGE_21_22),
        (dt.date(2025, 6, 14), AgeBand.AGE_21_22),
        (dt.date(2025, 6, 15), AgeBand.AGE_23_26),
        (dt.date(2029, 6, 14), AgeBand.AGE_23_26),
        (dt.date(2029, 6, 15), AgeBand.AGE_27_PLUS),
    ],
)
def test_it_puts_birthdays_in_the_right_age_band(on, expected):
    assert age_band_on(dt.date(2002, 6, 15), on) is expected


def test_it_ships_default_rows_with_a_source_each():
    years = [cap.year for cap in DEFAULT_ALLOWANCE_CAPS]
    codes = {rule.code for rule in DEFAULT_BENEFIT_RULES}

    assert len(years) == len(set(years))
    assert CAPS_BY_YEAR[2023].monthly == D("190")
    assert CAPS_BY_YEAR[2024].hourly_under_21 == D("3.25")
    assert codes == {
        "uwv_hourly",
        "uwv_disability",
        "uwv_ww",
        "bijstand_27_plus",
        "bijstand_single_parent",
        "bijstand_illness",
        "bijstand_under_27",
        "toeslagen_income",
    }
    assert 2026 not in years  # no citable public source yet: the missing-year path applies
    for row in [*DEFAULT_ALLOWANCE_CAPS, *DEFAULT_BENEFIT_RULES]:
        assert row.source.split() and all(part.startswith(("https://", "http://")) for part in row.source.split())
    # The 2018 benefit rows (from the seed documents) end with 2018.
    assert all(rule.valid_to == dt.date(2018, 12, 31) for rule in DEFAULT_BENEFIT_RULES if rule.valid_from.year == 2018)


def _cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# --- Looking back at a whole year (year statement) -----------------------------


def test_it_summarises_a_year_within_the_caps_per_organisation():
    from inzet.compensation.rules import summarise_year

    payments = [past(dt.date(2024, 3, 1), D("200")), past(dt.date(2024, 4, 1), D("100"), org=ORG_B)]
    summary = summarise_year(payments=payments, year=2024, caps=DEFAULT_ALLOWANCE_CAPS, age_band=AgeBand.AGE_27_PLUS)

    assert [o.organisation_id for o in summary.organisations] == [ORG_A, ORG_B]
    assert all(o.stays_untaxed for o in summary.organisations)
    assert summary.total_counted == D("300")
    assert "€ 300,00" in " ".join(line.text for line in summary.explanation)
    assert INDICATION_TEXT in [line.text for line in summary.explanation]


def test_it_names_the_months_and_the_year_over_the_caps():
    from inzet.compensation.rules import summarise_year

    payments = [past(dt.date(2024, m, 2), D("210")) for m in range(1, 11)] + [past(dt.date(2024, 11, 3), D("211"))]
    (org,) = summarise_year(
        payments=payments, year=2024, caps=DEFAULT_ALLOWANCE_CAPS, age_band=AgeBand.AGE_27_PLUS
    ).organisations

    assert org.months_over == (11,)
    assert org.over_year is True
    assert org.stays_untaxed is False
    summary = summarise_year(payments=payments, year=2024, caps=DEFAULT_ALLOWANCE_CAPS, age_band=AgeBand.AGE_27_PLUS)
    text = " ".join(line.text for line in summary.explanation)
    assert "november" in text and "jaargrens van € 2.100" in text


def test_it_checks_the_hourly_cap_and_skips_donations_and_other_years():
    from inzet.compensation.rules import summarise_year

    payments = [
        PastPayment(date=dt.date(2024, 5, 1), amount=D("56"), hours=D("10"), organisation_id=ORG_A),
        past(dt.date(2024, 6, 1), D("5000"), reward_form=RewardForm.DONATION),
        past(dt.date(2023, 6, 1), D("5000")),
    ]
    (org,) = summarise_year(
        payments=payments, year=2024, caps=DEFAULT_ALLOWANCE_CAPS, age_band=AgeBand.AGE_27_PLUS
    ).organisations
    assert org.over_hourly is True and org.counted == D("56")


def test_it_says_unknown_for_a_year_without_caps():
    from inzet.compensation.rules import summarise_year

    summary = summarise_year(
        payments=[past(dt.date(2026, 1, 5), D("10"))],
        year=2026,
        caps=DEFAULT_ALLOWANCE_CAPS,
        age_band=AgeBand.AGE_27_PLUS,
    )
    assert summary.cap is None
    assert summary.organisations[0].stays_untaxed is None
    assert "nog niet bekend" in summary.explanation[0].text
    assert "beheerder" in summary.explanation[0].text


# These rules are pure and fast, but on a busy machine (parallel workers, browser tests) any
# example can be paused for a moment. A wall-clock deadline then fails a correct test, so the
# property tests of this module run without one.
for _name, _test in list(globals().items()):
    if _name.startswith("test_") and hasattr(_test, "hypothesis"):
        globals()[_name] = settings(deadline=None)(_test)
