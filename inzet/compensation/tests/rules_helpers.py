"""What the rules tests share: the shipped rows, money strategies and a `check` with defaults."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import strategies as st

from inzet.compensation.rules import (
    AgeBand,
    BenefitSituation,
    BijstandExemption,
    PastPayment,
    PaymentHistory,
    ProposedPayment,
    RewardForm,
    check_payment,
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


def to_cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
