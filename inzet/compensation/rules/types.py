"""The vocabulary of the rules: enumerations, rule-table rows, payments and results. No Django."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from inzet.compensation.rules.messages import CENT, ExplanationLine  # noqa: F401
from inzet.lib.money import cents  # noqa: F401 (re-exported)

ZERO = Decimal(0)


class AgeBand(StrEnum):
    """Age of the expert on the payment date.

    The boundaries that matter: 21 (Belastingdienst hourly cap since 2021), 22 (2019–2020),
    23 (2018 and the old UWV hourly limit) and 27 (bijstand).
    """

    UNDER_21 = "under_21"
    AGE_21_22 = "21_22"
    AGE_23_26 = "23_26"
    AGE_27_PLUS = "27_plus"

    @property
    def is_21_plus(self) -> bool:
        return self is not AgeBand.UNDER_21

    @property
    def is_23_plus(self) -> bool:
        return self in (AgeBand.AGE_23_26, AgeBand.AGE_27_PLUS)

    @property
    def is_27_plus(self) -> bool:
        return self is AgeBand.AGE_27_PLUS

    def at_least(self, age: int) -> bool:
        """True when surely `age` or older. The band 21–22 counts as younger than 22 (the stricter cap)."""
        if age <= 21:
            return self.is_21_plus
        if age <= 23:
            return self.is_23_plus
        return self.is_27_plus


class BenefitSituation(StrEnum):
    NONE = "none"
    BIJSTAND = "bijstand"
    WAJONG = "wajong"
    WGA = "wga"
    WW = "ww"
    TOESLAGEN = "toeslagen"


class RewardForm(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    VOUCHER = "voucher"
    DONATION = "donation"
    NONE = "none"


class CapKind(StrEnum):
    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"


class BenefitEffect(StrEnum):
    NONE = "none"
    PARTLY_OFFSET = "partly_offset"
    FULLY_OFFSET = "fully_offset"
    UNKNOWN = "unknown"


class BenefitMethod(StrEnum):
    """How a BenefitRule row is applied. The row holds the numbers and the source."""

    # UWV (2018 for Wajong/WGA/WW; now Wajong, WGA, WIA): within the month/year caps (and an
    # hourly limit when the row has one) nothing happens; above them the WHOLE allowance for
    # the work is offset.
    UWV_VOLUNTEER_LIMIT = "uwv_volunteer_limit"
    # UWV WW now: no hourly limit; above the month/year caps UWV treats it as paid work and
    # deducts hours worked × the hourly value of the WW daily wage.
    UWV_HOURS_DEDUCTION = "uwv_hours_deduction"
    # Bijstand 27+ (2018): above the caps it is earnings, of which a percentage up to a
    # monthly maximum is kept for a number of months.
    EARNINGS_DISREGARD = "earnings_disregard"
    # Bijstand 27+ now: within the tax caps (hour, month, year) it is kept; above them the
    # whole amount counts as income.
    WITHIN_TAX_CAPS_KEPT = "within_tax_caps_kept"
    # Bijstand under 27: everything above real costs is deducted.
    ONLY_REAL_COSTS_FREE = "only_real_costs_free"
    # Toeslagen: an untaxed allowance is no income; a taxed one counts toward the year income.
    COUNTS_AS_INCOME = "counts_as_income"


class BijstandExemption(StrEnum):
    """Which bijstand disregard applies to an expert of 27 or older (the code of the rule row)."""

    REGULAR = "bijstand_27_plus"
    SINGLE_PARENT = "bijstand_single_parent"
    ILLNESS = "bijstand_illness"


# A voucher is money's worth and counts; a donation chosen before payment goes to a charity and
# the expert receives nothing; "none" pays nothing.
_COUNTING_FORMS = frozenset({RewardForm.BANK_TRANSFER, RewardForm.VOUCHER})


def reward_form_counts(form: RewardForm | str) -> bool:
    """True when a payment in this form counts toward caps and benefits."""
    return RewardForm(form) in _COUNTING_FORMS


def money(name: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")
    if not value.is_finite() or value < 0:
        raise ValueError(f"{name} must be a finite amount of zero or more")


def age_band_on(birth_date: dt.date, on: dt.date) -> AgeBand:
    """The age band of someone born on `birth_date`, on the day `on`."""
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if age < 21:
        return AgeBand.UNDER_21
    if age < 23:
        return AgeBand.AGE_21_22
    if age < 27:
        return AgeBand.AGE_23_26
    return AgeBand.AGE_27_PLUS


# --- rule tables (the Django layer builds these from database rows) -----------------------------


@dataclass(frozen=True)
class AllowanceCap:
    """Belastingdienst caps for one calendar year. None = no hourly cap known.

    `hourly_age` is the age from which the higher hourly cap applies (23 in 2018, 22 in
    2019–2020, 21 since 2021); the field names say 21 because that is today's boundary.
    """

    year: int
    hourly_21_plus: Decimal | None
    hourly_under_21: Decimal | None
    monthly: Decimal
    yearly: Decimal
    source: str
    hourly_age: int = 21

    def __post_init__(self) -> None:
        money("hourly_21_plus", self.hourly_21_plus, optional=True)
        money("hourly_under_21", self.hourly_under_21, optional=True)
        money("monthly", self.monthly)
        money("yearly", self.yearly)

    def hourly_for(self, age_band: AgeBand) -> Decimal | None:
        return self.hourly_21_plus if age_band.at_least(self.hourly_age) else self.hourly_under_21


@dataclass(frozen=True, kw_only=True)
class BenefitRule:
    """One dated benefit rule. `free_percentage` is a percentage (25 = 25 %)."""

    code: str
    method: BenefitMethod
    benefit_kinds: frozenset[BenefitSituation]
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    age_bands: frozenset[AgeBand] = frozenset()  # empty: every age band
    hourly_limit_23_plus: Decimal | None = None
    hourly_limit_under_23: Decimal | None = None
    free_percentage: Decimal | None = None
    monthly_max: Decimal | None = None
    duration_months: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", BenefitMethod(self.method))
        object.__setattr__(self, "benefit_kinds", frozenset(BenefitSituation(k) for k in self.benefit_kinds))
        object.__setattr__(self, "age_bands", frozenset(AgeBand(b) for b in self.age_bands))
        money("hourly_limit_23_plus", self.hourly_limit_23_plus, optional=True)
        money("hourly_limit_under_23", self.hourly_limit_under_23, optional=True)
        money("free_percentage", self.free_percentage, optional=True)
        money("monthly_max", self.monthly_max, optional=True)
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"{self.code}: valid_to is before valid_from")

    def applies_to(self, benefit: BenefitSituation, age_band: AgeBand, on: dt.date) -> bool:
        if benefit not in self.benefit_kinds:
            return False
        if self.age_bands and age_band not in self.age_bands:
            return False
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


# --- input ---------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ProposedPayment:
    """A payment someone wants to make.

    `amount` is the flat-rate allowance, a flat travel allowance included. `hours` is None when
    there is no hourly agreement. `real_costs` are documented expenses; they never count.
    """

    date: dt.date
    amount: Decimal
    organisation_id: int | str
    hours: Decimal | None = None
    real_costs: Decimal = ZERO

    def __post_init__(self) -> None:
        money("amount", self.amount)
        money("real_costs", self.real_costs)
        money("hours", self.hours, optional=True)
        if self.hours is not None and self.hours == 0:
            raise ValueError("hours must be more than zero, or None")


@dataclass(frozen=True, kw_only=True)
class PastPayment:
    """An earlier (or declared outside) allowance payment to the same expert."""

    date: dt.date
    amount: Decimal
    organisation_id: int | str
    hours: Decimal | None = None
    reward_form: RewardForm = RewardForm.BANK_TRANSFER

    def __post_init__(self) -> None:
        money("amount", self.amount)
        money("hours", self.hours, optional=True)
        object.__setattr__(self, "reward_form", RewardForm(self.reward_form))


@dataclass(frozen=True)
class HistoryTotals:
    """What already counts in the payment's month and year."""

    month_organisation: Decimal
    month_all: Decimal
    year_organisation: Decimal
    year_all: Decimal


@dataclass(frozen=True)
class PaymentHistory:
    """Earlier payments to one expert, from every organisation; the sums are made here.

    Calendar months and years of each payment's date, so December never counts toward January.
    Donations and "none" rewards are skipped.
    """

    payments: tuple[PastPayment, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "payments", tuple(self.payments))

    def totals_for(self, *, on: dt.date, organisation_id: int | str) -> HistoryTotals:
        month_org = month_all = year_org = year_all = ZERO
        for past in self.payments:
            if past.date.year != on.year or not reward_form_counts(past.reward_form):
                continue
            same_org = past.organisation_id == organisation_id
            year_all += past.amount
            if same_org:
                year_org += past.amount
            if past.date.month == on.month:
                month_all += past.amount
                if same_org:
                    month_org += past.amount
        return HistoryTotals(month_org, month_all, year_org, year_all)


# --- output --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CrossedCap:
    """A Belastingdienst cap this payment would cross.

    For HOUR, `limit` and `resulting_amount` are per hour; otherwise they are totals of all
    organisations together in the month or year, this payment included.
    """

    kind: CapKind
    limit: Decimal
    resulting_amount: Decimal
    year: int
    already_crossed: bool = False


@dataclass(frozen=True)
class PaymentCheck:
    # None when the year has no cap row: the operator must enter it first.
    stays_untaxed_allowance: bool | None
    crossed_caps: tuple[CrossedCap, ...]
    benefit_effect: BenefitEffect
    # Should the UI warn before the expert says "yes"? True for any crossed cap, any benefit
    # effect other than "none", and for a year without caps.
    warnings: bool
    explanation: tuple[ExplanationLine, ...]
    counted_amount: Decimal = ZERO
    benefit_rule_code: str | None = None
    # Estimate for this calendar month, all organisations together, this payment included;
    # None when the rule does not allow an estimate.
    benefit_basis: Decimal | None = None
    benefit_kept: Decimal | None = None
    benefit_offset: Decimal | None = None
    # The year without a cap row, when there is one.
    missing_cap_year: int | None = None
    # The lines about the caps only (what a coordinator may see without the benefit).
    tax_explanation: tuple[ExplanationLine, ...] = ()
