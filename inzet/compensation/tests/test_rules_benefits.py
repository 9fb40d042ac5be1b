"""Tests for the pure benefit rules: UWV, bijstand and toeslagen (no database, no Django)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from inzet.compensation.rules import (
    AgeBand,
    BenefitEffect,
    BenefitMethod,
    BenefitRule,
    BenefitSituation,
    BijstandExemption,
)
from inzet.compensation.tests.rules_helpers import (
    CENT,
    D,
    check,
    texts,
    to_cents,
)
from inzet.compensation.tests.shipped_rows import SHIPPED_BENEFIT_RULES as DEFAULT_BENEFIT_RULES

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

    expected_kept = min(to_cents(month_total * D("0.25")), D("202"))
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
