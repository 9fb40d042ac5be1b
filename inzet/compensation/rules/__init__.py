"""Volunteer allowance and benefit rules, without Django.

Answers one question for a proposed payment to an experience expert: does it stay an untaxed
volunteer allowance (vrijwilligersvergoeding), which cap would it cross, and what does it
probably do to a benefit (uitkering/toeslagen)? Every answer comes with explanation lines as
message ids with parameters (translated in the Django layer) and the public source of each rule.

The rule tables are data (models + data migration, edited by the operator): the functions take
them as arguments. All money is `decimal.Decimal`; floats are refused.

Modules: `types` (vocabulary), `messages` (lines, sources, formatting), `tax` (the caps),
`benefits` (per benefit), `check` (one payment), `year` (a year statement).
"""

from inzet.compensation.rules.benefits import BENEFIT_NAMES, select_benefit_rule
from inzet.compensation.rules.check import INDICATION, INDICATION_TEXT, check_payment, coordinator_lines
from inzet.compensation.rules.messages import (
    BD_COSTS,
    BD_VOLUNTEER,
    ExplanationLine,
    format_date_nl,
    format_euro,
    format_euro_en,
    render,
)
from inzet.compensation.rules.tax import cap_for_year, latest_cap_before
from inzet.compensation.rules.types import (
    AgeBand,
    AllowanceCap,
    BenefitEffect,
    BenefitMethod,
    BenefitRule,
    BenefitSituation,
    BijstandExemption,
    CapKind,
    CrossedCap,
    HistoryTotals,
    PastPayment,
    PaymentCheck,
    PaymentHistory,
    ProposedPayment,
    RewardForm,
    age_band_on,
    reward_form_counts,
)
from inzet.compensation.rules.year import OrganisationYear, YearSummary, summarise_year

__all__ = [
    "BD_COSTS",
    "BD_VOLUNTEER",
    "BENEFIT_NAMES",
    "INDICATION",
    "INDICATION_TEXT",
    "AgeBand",
    "AllowanceCap",
    "BenefitEffect",
    "BenefitMethod",
    "BenefitRule",
    "BenefitSituation",
    "BijstandExemption",
    "CapKind",
    "CrossedCap",
    "ExplanationLine",
    "HistoryTotals",
    "OrganisationYear",
    "PastPayment",
    "PaymentCheck",
    "PaymentHistory",
    "ProposedPayment",
    "RewardForm",
    "YearSummary",
    "age_band_on",
    "cap_for_year",
    "check_payment",
    "coordinator_lines",
    "format_date_nl",
    "format_euro",
    "format_euro_en",
    "latest_cap_before",
    "render",
    "reward_form_counts",
    "select_benefit_rule",
    "summarise_year",
]
