"""The rules package after issue 8: benefit and tax apart, all organisations together, current rows.

Pure tests (no database): the shipped rows come straight from the data migration.
"""

import datetime as dt
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from inzet.compensation.rules import (
    AgeBand,
    BenefitEffect,
    CapKind,
    ExplanationLine,
    PastPayment,
    ProposedPayment,
    RewardForm,
    check_payment,
    coordinator_lines,
    format_euro_en,
    render,
)
from inzet.compensation.rules import types as rule_types
from inzet.compensation.rules.messages import Money
from inzet.compensation.tests.shipped_rows import SHIPPED_BENEFIT_RULES, SHIPPED_CAPS

CENT = D("0.01")
CAPS = {cap.year: cap for cap in SHIPPED_CAPS}
hours_st = st.integers(min_value=1, max_value=3000).map(lambda h: D(h).scaleb(-2))


def check(
    *, amount, on, hours=None, benefit="none", age_band=AgeBand.AGE_27_PLUS, history=(), org=1, caps=SHIPPED_CAPS
):
    return check_payment(
        payment=ProposedPayment(date=on, amount=amount, hours=hours, organisation_id=org),
        history=history,
        age_band=age_band,
        benefit=benefit,
        reward_form=RewardForm.BANK_TRANSFER,
        caps=caps,
        benefit_rules=SHIPPED_BENEFIT_RULES,
    )


def text(result) -> str:
    return " ".join(line.text for line in result.explanation)


# --- a year without a tax-cap row still warns about the benefit ---------------------------------


def test_a_wajong_expert_under_21_is_warned_in_a_year_without_caps():
    result = check(amount=D(400), hours=D(8), on=dt.date(2026, 11, 27), benefit="wajong", age_band=AgeBand.UNDER_21)

    assert result.stays_untaxed_allowance is None and result.missing_cap_year == 2026
    assert result.benefit_effect is BenefitEffect.FULLY_OFFSET
    assert result.benefit_offset == D(400)
    assert result.warnings is True
    assert "grenzen van 2025" in text(result)  # says which year it used for the benefit
    assert "Alleen de beheerder van Inzet kan ze invoeren" in text(result)


def test_an_under_27_expert_in_bijstand_is_warned_in_a_year_without_caps():
    result = check(amount=D(300), on=dt.date(2026, 5, 1), benefit="bijstand", age_band=AgeBand.AGE_23_26)

    assert result.benefit_effect is BenefitEffect.FULLY_OFFSET and result.benefit_offset == D(300)
    assert "jonger dan 27" in text(result) and result.warnings is True


def test_without_any_cap_row_the_benefit_is_unknown_and_still_warns():
    result = check(amount=D(10), on=dt.date(2026, 5, 1), benefit="wajong", caps=[])
    assert result.benefit_effect is BenefitEffect.UNKNOWN and result.warnings is True


@given(amount=st.integers(min_value=1, max_value=210).map(D))
def test_within_last_years_caps_a_missing_year_warns_only_about_tax(amount):
    result = check(amount=amount, on=dt.date(2026, 3, 3), benefit="wajong")
    assert result.benefit_effect is BenefitEffect.NONE
    assert result.stays_untaxed_allowance is None and result.warnings is True


# --- bijstand 27+ respects the hourly cap -------------------------------------------------------


@given(hours=hours_st)
def test_bijstand_27_plus_keeps_exactly_the_hourly_cap_and_counts_everything_one_cent_over(hours):
    cap = CAPS[2025]
    at = check(amount=cap.hourly_21_plus * hours, hours=hours, on=dt.date(2025, 6, 1), benefit="bijstand")
    over = check(amount=cap.hourly_21_plus * hours + CENT, hours=hours, on=dt.date(2025, 6, 1), benefit="bijstand")

    if cap.hourly_21_plus * hours + CENT <= cap.monthly:
        assert at.benefit_effect is BenefitEffect.NONE
    assert over.benefit_effect is BenefitEffect.FULLY_OFFSET
    assert over.benefit_offset == cap.hourly_21_plus * hours + CENT  # the whole amount, not the part above


def test_fifty_euros_an_hour_is_not_no_effect_in_bijstand():
    result = check(amount=D(100), hours=D(2), on=dt.date(2025, 6, 1), benefit="bijstand")
    assert result.benefit_effect is BenefitEffect.FULLY_OFFSET
    assert "uurgrens van € 5,60" in text(result)


# --- UWV today: WW has no hourly limit; above the caps hours × daily wage ----------------------


@given(hours=st.integers(min_value=1, max_value=4).map(D))
def test_ww_has_no_hourly_limit_within_the_caps(hours):
    result = check(amount=D(50) * hours, hours=hours, on=dt.date(2025, 6, 1), benefit="ww")
    assert result.benefit_effect is BenefitEffect.NONE
    assert result.stays_untaxed_allowance is False  # the tax caps still have one


def test_ww_above_the_caps_deducts_hours_not_the_whole_allowance():
    result = check(amount=D(400), hours=D(8), on=dt.date(2025, 6, 1), benefit="ww")
    assert result.benefit_effect is BenefitEffect.PARTLY_OFFSET
    assert result.benefit_offset is None  # depends on the daily wage: never guessed
    assert "8 uur" in text(result) and "dagloon" in text(result)
    assert result.benefit_rule_code == "uwv_ww"


def test_wajong_above_the_caps_offsets_the_whole_allowance():
    result = check(amount=D(211), on=dt.date(2025, 6, 1), benefit="wajong")
    assert result.benefit_effect is BenefitEffect.FULLY_OFFSET and result.benefit_offset == D(211)


# --- all organisations together, for tax and benefit --------------------------------------------


@given(
    parts=st.lists(st.integers(min_value=1, max_value=150).map(D), min_size=1, max_size=5),
    amount=st.integers(min_value=1, max_value=150).map(D),
)
def test_the_month_cap_counts_every_organisation(parts, amount):
    on = dt.date(2024, 7, 20)
    history = [
        PastPayment(date=dt.date(2024, 7, 1), amount=part, organisation_id=i + 10) for i, part in enumerate(parts)
    ]
    result = check(amount=amount, on=on, history=history)

    total = sum(parts) + amount
    assert (CapKind.MONTH in {c.kind for c in result.crossed_caps}) is (total > D(210))
    assert (result.stays_untaxed_allowance is False) is (total > D(210))


def test_a_declared_outside_allowance_counts_like_any_other():
    outside = [PastPayment(date=dt.date(2024, m, 1), amount=D(100), organisation_id="external:1") for m in range(1, 13)]
    result = check(amount=D(111), on=dt.date(2024, 7, 20), history=outside)
    assert result.stays_untaxed_allowance is False


# --- age boundaries 21, 22, 23 ------------------------------------------------------------------


@given(hours=st.integers(min_value=1, max_value=30).map(D))
def test_the_hourly_age_follows_the_year(hours):
    # 2018: the higher cap from 23; 2019–2020 from 22 (21–22 counts as under 22: the stricter cap); 2021+: from 21.
    assert CAPS[2018].hourly_for(AgeBand.AGE_21_22) == D("2.50")
    assert CAPS[2018].hourly_for(AgeBand.AGE_23_26) == D("4.50")
    assert CAPS[2020].hourly_for(AgeBand.AGE_21_22) == D("2.75")
    assert CAPS[2021].hourly_for(AgeBand.AGE_21_22) == D("5.00")
    young = check(amount=D("2.51") * hours, hours=hours, on=dt.date(2018, 4, 1), age_band=AgeBand.AGE_21_22)
    assert CapKind.HOUR in {c.kind for c in young.crossed_caps}


@given(
    amount=st.integers(min_value=1, max_value=210).map(D),
    age_band=st.sampled_from(list(AgeBand)),
    year=st.sampled_from([2024, 2025, 2026]),
)
def test_bijstand_keeps_an_allowance_within_the_caps_only_from_27(amount, age_band, year):
    result = check(amount=amount, on=dt.date(year, 4, 1), benefit="bijstand", age_band=age_band)
    if age_band is AgeBand.AGE_27_PLUS:
        assert result.benefit_effect is BenefitEffect.NONE
    else:
        assert result.benefit_effect is BenefitEffect.FULLY_OFFSET and result.benefit_offset == amount
    assert result.warnings is (age_band is not AgeBand.AGE_27_PLUS or year == 2026)


def test_at_least_is_strict_in_the_ambiguous_band():
    assert rule_types.AgeBand.AGE_21_22.at_least(21)
    assert not rule_types.AgeBand.AGE_21_22.at_least(22)
    assert rule_types.AgeBand.AGE_23_26.at_least(23) and not rule_types.AgeBand.AGE_23_26.at_least(27)


# --- messages: ids and parameters, never Dutch sentences in the rules ---------------------------


def test_lines_are_message_ids_rendered_per_language():
    line = ExplanationLine(
        "Deze betaling is %(rate)s per uur. Dat is meer dan de uurgrens van %(limit)s (%(year)s).",
        {"rate": Money(D("50")), "limit": Money(D("5.6")), "year": 2025},
    )
    english = {
        line.msgid: "This payment is %(rate)s an hour. That is more than the hourly cap of %(limit)s (%(year)s)."
    }
    rendered = render(line, translate=lambda s: english.get(s, s), money=format_euro_en, day=str)
    assert rendered == "This payment is €50 an hour. That is more than the hourly cap of €5.60 (2025)."
    assert line.text == "Deze betaling is € 50 per uur. Dat is meer dan de uurgrens van € 5,60 (2025)."


def test_a_coordinator_sees_caps_and_the_missing_year_but_nothing_about_the_benefit():
    result = check(amount=D(400), hours=D(8), on=dt.date(2026, 11, 27), benefit="wajong", age_band=AgeBand.UNDER_21)
    shown = " ".join(line.text for line in coordinator_lines(result))
    assert "2026" in shown and "Wajong" not in shown and "UWV" not in shown


for _name, _test in list(globals().items()):
    if _name.startswith("test_") and hasattr(_test, "hypothesis"):
        globals()[_name] = settings(deadline=None)(_test)
