"""Volunteer allowance and benefit rules, without Django.

Answers one question for a proposed payment to an experience expert: does it
stay an untaxed volunteer allowance (vrijwilligersvergoeding), which cap would
it cross, and what does it probably do to a benefit (uitkering/toeslagen)?
Every answer comes with plain Dutch lines (B1) and the source of each rule.

The rule tables are data: `check_payment` takes them as arguments. The
DEFAULT_* rows below are only what the data migration loads; an operator edits
them later. Nothing here reads them silently.

Background and public sources: docs/domain/money-rules.md.
All money is `decimal.Decimal`; floats are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

SEED_000 = "000_88d44bcc1a792b0e.txt"
SEED_001 = "001_fd63ae96fa23c542.txt"
DOMAIN = "DOMAIN.md §5"

CENT = Decimal("0.01")
ZERO = Decimal(0)

INDICATION_TEXT = "Dit is een indicatie, geen advies."


# --------------------------------------------------------------------------
# Enumerations (values are stable strings, usable as Django choices)
# --------------------------------------------------------------------------


class AgeBand(StrEnum):
    """Age of the expert on the payment date.

    Three boundaries matter, so four bands: 21 (Belastingdienst hourly cap),
    23 (UWV's former hourly limit) and 27 (bijstand); see docs/domain/money-rules.md.
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


class BenefitSituation(StrEnum):
    NONE = "none"
    BIJSTAND = "bijstand"
    WAJONG = "wajong"
    WGA = "wga"
    WW = "ww"
    TOESLAGEN = "toeslagen"


class RewardForm(StrEnum):
    """How the expert chose to be paid (docs/domain/money-rules.md)."""

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
    """How a BenefitRule row is applied. The row holds the numbers."""

    # UWV (Wajong, WGA, WW): within the month/year caps and the hourly limit
    # nothing happens; above any of them the WHOLE allowance is offset
    # (the 2018 rule; docs/domain/money-rules.md#benefits).
    UWV_VOLUNTEER_LIMIT = "uwv_volunteer_limit"
    # Bijstand 27+: within the month/year caps nothing happens; above them it
    # is earnings, of which a percentage up to a monthly maximum is kept
    # (docs/domain/money-rules.md#benefits).
    EARNINGS_DISREGARD = "earnings_disregard"
    # Bijstand under 27: everything above real costs is deducted (docs/domain/money-rules.md#benefits).
    ONLY_REAL_COSTS_FREE = "only_real_costs_free"
    # Toeslagen: an untaxed allowance is no income; a taxed one counts toward
    # the yearly income, with an effect we cannot compute here (docs/domain/money-rules.md#benefits).
    COUNTS_AS_INCOME = "counts_as_income"


class BijstandExemption(StrEnum):
    """Which bijstand disregard applies to an expert of 27 or older.

    The value is the code of the BenefitRule row to use (docs/domain/money-rules.md#benefits).
    """

    REGULAR = "bijstand_27_plus"
    SINGLE_PARENT = "bijstand_single_parent"
    ILLNESS = "bijstand_illness"


# Reward forms that count as money received by the expert.
# - Voucher: counts. A (digital) voucher is money's worth; allowances in kind
#   count toward the caps as well (docs/domain/money-rules.md).
# - Donation: does not count. The expert chose (see money-rules.md) that the
#   organisation gives the amount to a charity instead of paying them, so the
#   expert receives nothing. This holds only when the choice is made before
#   payment; the explanation says so.
# - None: nothing is paid, so there is nothing to check.
_COUNTING_FORMS = frozenset({RewardForm.BANK_TRANSFER, RewardForm.VOUCHER})


def reward_form_counts(form: RewardForm) -> bool:
    """True when a payment in this form counts toward caps and benefits."""
    return RewardForm(form) in _COUNTING_FORMS


# --------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------


def _money(name: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")
    if not value.is_finite() or value < 0:
        raise ValueError(f"{name} must be a finite amount of zero or more")


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------
# Rule tables (data; the Django layer builds these from database rows)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class AllowanceCap:
    """Belastingdienst caps for one calendar year. None = no hourly cap known."""

    year: int
    hourly_21_plus: Decimal | None
    hourly_under_21: Decimal | None
    monthly: Decimal
    yearly: Decimal
    source: str

    def __post_init__(self) -> None:
        _money("hourly_21_plus", self.hourly_21_plus, optional=True)
        _money("hourly_under_21", self.hourly_under_21, optional=True)
        _money("monthly", self.monthly)
        _money("yearly", self.yearly)


@dataclass(frozen=True, kw_only=True)
class BenefitRule:
    """One dated benefit rule. `free_percentage` is a percentage (25 = 25 %)."""

    code: str
    method: BenefitMethod
    benefit_kinds: frozenset[BenefitSituation]
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    # Empty means: every age band.
    age_bands: frozenset[AgeBand] = frozenset()
    hourly_limit_23_plus: Decimal | None = None
    hourly_limit_under_23: Decimal | None = None
    free_percentage: Decimal | None = None
    monthly_max: Decimal | None = None
    duration_months: int | None = None

    def __post_init__(self) -> None:
        # Accept lists of enum members or plain strings from database rows.
        object.__setattr__(self, "method", BenefitMethod(self.method))
        object.__setattr__(
            self,
            "benefit_kinds",
            frozenset(BenefitSituation(k) for k in self.benefit_kinds),
        )
        object.__setattr__(self, "age_bands", frozenset(AgeBand(b) for b in self.age_bands))
        _money("hourly_limit_23_plus", self.hourly_limit_23_plus, optional=True)
        _money("hourly_limit_under_23", self.hourly_limit_under_23, optional=True)
        _money("free_percentage", self.free_percentage, optional=True)
        _money("monthly_max", self.monthly_max, optional=True)
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"{self.code}: valid_to is before valid_from")

    def applies_to(self, benefit: BenefitSituation, age_band: AgeBand, on: dt.date) -> bool:
        if benefit not in self.benefit_kinds:
            return False
        if self.age_bands and age_band not in self.age_bands:
            return False
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


# Default rows for the data migration. Years missing here (2019, 2020, 2026
# and later) stay missing until the operator enters them (docs/domain/money-rules.md).
DEFAULT_ALLOWANCE_CAPS: tuple[AllowanceCap, ...] = (
    AllowanceCap(
        year=2018,
        hourly_21_plus=None,
        hourly_under_21=None,
        monthly=Decimal(150),
        yearly=Decimal(1500),
        source=f"{SEED_001} l.514-517 en l.3286-3287 (bedragen 2018)",
    ),
    AllowanceCap(
        year=2021,
        hourly_21_plus=None,
        hourly_under_21=None,
        monthly=Decimal(180),
        yearly=Decimal(1800),
        source=f"Belastingdienst, vrijwilligersvergoeding 2021 ({DOMAIN})",
    ),
    AllowanceCap(
        year=2022,
        hourly_21_plus=None,
        hourly_under_21=None,
        monthly=Decimal(180),
        yearly=Decimal(1800),
        source=f"Belastingdienst, vrijwilligersvergoeding 2022 ({DOMAIN})",
    ),
    AllowanceCap(
        year=2023,
        hourly_21_plus=Decimal("5.00"),
        hourly_under_21=Decimal("2.75"),
        monthly=Decimal(190),
        yearly=Decimal(1900),
        source=f"Belastingdienst, vrijwilligersvergoeding 2023 ({DOMAIN})",
    ),
    AllowanceCap(
        year=2024,
        hourly_21_plus=Decimal("5.50"),
        hourly_under_21=Decimal("3.25"),
        monthly=Decimal(210),
        yearly=Decimal(2100),
        source=f"Belastingdienst, vrijwilligersvergoeding 2024 ({DOMAIN})",
    ),
    AllowanceCap(
        year=2025,
        hourly_21_plus=Decimal("5.60"),
        hourly_under_21=Decimal("3.30"),
        monthly=Decimal(210),
        yearly=Decimal(2100),
        source=f"Gepubliceerde overzichten 2025, nog te controleren ({DOMAIN})",
    ),
)

_UWV_KINDS = frozenset({BenefitSituation.WAJONG, BenefitSituation.WGA, BenefitSituation.WW})
_UNDER_27 = frozenset({AgeBand.UNDER_21, AgeBand.AGE_21_22, AgeBand.AGE_23_26})
_27_PLUS = frozenset({AgeBand.AGE_27_PLUS})

# 2018 values (docs/domain/money-rules.md#benefits). They stay valid until the operator
# closes them with valid_to and enters newer rows; the explanation always
# names the date the figures are from.
DEFAULT_BENEFIT_RULES: tuple[BenefitRule, ...] = (
    BenefitRule(
        code="uwv_hourly",
        method=BenefitMethod.UWV_VOLUNTEER_LIMIT,
        benefit_kinds=_UWV_KINDS,
        valid_from=dt.date(2018, 1, 1),
        valid_to=None,
        hourly_limit_23_plus=Decimal("4.50"),
        hourly_limit_under_23=Decimal("2.50"),
        source=f"{SEED_001} l.3129-3137 (bedragen 2018)",
    ),
    BenefitRule(
        code="bijstand_27_plus",
        method=BenefitMethod.EARNINGS_DISREGARD,
        benefit_kinds=frozenset({BenefitSituation.BIJSTAND}),
        age_bands=_27_PLUS,
        valid_from=dt.date(2018, 1, 1),
        valid_to=None,
        free_percentage=Decimal(25),
        monthly_max=Decimal(202),
        duration_months=6,
        source=f"{SEED_001} l.3052-3062 en l.3123-3127 (bedragen 2018)",
    ),
    BenefitRule(
        code="bijstand_single_parent",
        method=BenefitMethod.EARNINGS_DISREGARD,
        benefit_kinds=frozenset({BenefitSituation.BIJSTAND}),
        age_bands=_27_PLUS,
        valid_from=dt.date(2018, 1, 1),
        valid_to=None,
        free_percentage=Decimal("12.5"),
        monthly_max=Decimal("126.32"),
        duration_months=30,
        source=f"{SEED_001} l.3063-3070 en l.3123-3127 (bedragen 2018)",
    ),
    BenefitRule(
        code="bijstand_illness",
        method=BenefitMethod.EARNINGS_DISREGARD,
        benefit_kinds=frozenset({BenefitSituation.BIJSTAND}),
        age_bands=_27_PLUS,
        # The seed gives this amount "per 1 juli 2018".
        valid_from=dt.date(2018, 7, 1),
        valid_to=None,
        free_percentage=Decimal(15),
        monthly_max=Decimal("128.81"),
        duration_months=None,
        source=f"{SEED_001} l.3072-3076 en l.3123-3127 (bedrag per 1 juli 2018)",
    ),
    BenefitRule(
        code="bijstand_under_27",
        method=BenefitMethod.ONLY_REAL_COSTS_FREE,
        benefit_kinds=frozenset({BenefitSituation.BIJSTAND}),
        age_bands=_UNDER_27,
        valid_from=dt.date(2018, 1, 1),
        valid_to=None,
        source=f"{DOMAIN} Benefits: onder 27 in de bijstand",
    ),
    BenefitRule(
        code="toeslagen_income",
        method=BenefitMethod.COUNTS_AS_INCOME,
        benefit_kinds=frozenset({BenefitSituation.TOESLAGEN}),
        valid_from=dt.date(2018, 1, 1),
        valid_to=None,
        source=f"{SEED_000} l.63-67; {DOMAIN}",
    ),
)


# --------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ProposedPayment:
    """A payment someone wants to make.

    `amount` is the flat-rate allowance, a flat travel allowance included.
    `hours` is None when there is no hourly agreement. `real_costs` are
    documented expenses (receipts); they never count toward any cap.
    """

    date: dt.date
    amount: Decimal
    organisation_id: int | str
    hours: Decimal | None = None
    real_costs: Decimal = ZERO

    def __post_init__(self) -> None:
        _money("amount", self.amount)
        _money("real_costs", self.real_costs)
        _money("hours", self.hours, optional=True)
        if self.hours is not None and self.hours == 0:
            raise ValueError("hours must be more than zero, or None")


@dataclass(frozen=True, kw_only=True)
class PastPayment:
    """An earlier allowance payment to the same expert (flat amount only)."""

    date: dt.date
    amount: Decimal
    organisation_id: int | str
    hours: Decimal | None = None
    reward_form: RewardForm = RewardForm.BANK_TRANSFER

    def __post_init__(self) -> None:
        _money("amount", self.amount)
        _money("hours", self.hours, optional=True)
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
    """Earlier payments to one expert; the sums are made here.

    Months and years are calendar months and years of each payment's date,
    so December never counts toward January. Donations and "none" rewards
    are skipped (see reward_form_counts).
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
            same_month = past.date.month == on.month
            year_all += past.amount
            if same_org:
                year_org += past.amount
            if same_month:
                month_all += past.amount
                if same_org:
                    month_org += past.amount
        return HistoryTotals(month_org, month_all, year_org, year_all)


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ExplanationLine:
    text: str
    source: str


@dataclass(frozen=True)
class CrossedCap:
    """A Belastingdienst cap this payment would cross.

    For HOUR, `limit` and `resulting_amount` are per hour; otherwise they are
    totals from this organisation in the month or year, this payment included.
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
    # Should the UI warn before the expert says "yes"?
    warnings: bool
    explanation: tuple[ExplanationLine, ...]
    # The part of the payment that counts (0 for a donation or no reward).
    counted_amount: Decimal = ZERO
    benefit_rule_code: str | None = None
    # Estimate for this calendar month, all organisations together, this
    # payment included; None when the rule does not allow an estimate.
    benefit_basis: Decimal | None = None
    benefit_kept: Decimal | None = None
    benefit_offset: Decimal | None = None


# --------------------------------------------------------------------------
# Dutch formatting
# --------------------------------------------------------------------------

_MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

_BENEFIT_NAMES_NL = {
    BenefitSituation.BIJSTAND: "bijstand",
    BenefitSituation.WAJONG: "Wajong",
    BenefitSituation.WGA: "WGA",
    BenefitSituation.WW: "WW",
    BenefitSituation.TOESLAGEN: "toeslagen",
}


def format_euro(amount: Decimal, *, always_cents: bool = False) -> str:
    """Dutch money: `€ 1.900,50`; whole euros as `€ 190` unless always_cents."""
    if not isinstance(amount, Decimal):
        raise TypeError("amount must be a Decimal")
    value = _cents(amount)
    sign = "-" if value < 0 else ""
    value = abs(value)
    euros = int(value)
    cents = int((value - euros) * 100)
    whole = f"{euros:,}".replace(",", ".")
    if cents == 0 and not always_cents:
        return f"{sign}€ {whole}"
    return f"{sign}€ {whole},{cents:02d}"


def format_date_nl(day: dt.date) -> str:
    return f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}"


def _format_percentage(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") + "%"


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


# --------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------


def cap_for_year(caps: list[AllowanceCap], year: int) -> AllowanceCap | None:
    """The cap row for `year`, or None. Two rows for one year is an error."""
    found = [cap for cap in caps if cap.year == year]
    if len(found) > 1:
        raise ValueError(f"more than one allowance cap row for {year}")
    return found[0] if found else None


def select_benefit_rule(
    rules: list[BenefitRule],
    *,
    benefit: BenefitSituation,
    age_band: AgeBand,
    on: dt.date,
    bijstand_exemption: BijstandExemption = BijstandExemption.REGULAR,
) -> BenefitRule | None:
    """The rule that applies, or None when no single rule fits.

    Per code the row with the latest valid_from wins (a newer row replaces an
    older one). When several codes fit (bijstand 27+), the exemption decides.
    """
    latest: dict[str, BenefitRule] = {}
    for rule in rules:
        if not rule.applies_to(benefit, age_band, on):
            continue
        current = latest.get(rule.code)
        if current is None or rule.valid_from > current.valid_from:
            latest[rule.code] = rule
    if len(latest) == 1:
        return next(iter(latest.values()))
    return latest.get(BijstandExemption(bijstand_exemption).value)


def check_payment(
    *,
    payment: ProposedPayment,
    history: PaymentHistory | list[PastPayment] | tuple[PastPayment, ...],
    age_band: AgeBand,
    benefit: BenefitSituation,
    reward_form: RewardForm,
    caps: list[AllowanceCap] | tuple[AllowanceCap, ...],
    benefit_rules: list[BenefitRule] | tuple[BenefitRule, ...],
    bijstand_exemption: BijstandExemption = BijstandExemption.REGULAR,
) -> PaymentCheck:
    """Check one proposed payment against the given rule tables."""
    age_band = AgeBand(age_band)
    benefit = BenefitSituation(benefit)
    reward_form = RewardForm(reward_form)
    if not isinstance(history, PaymentHistory):
        history = PaymentHistory(tuple(history))
    caps = list(caps)
    benefit_rules = list(benefit_rules)

    lines: list[ExplanationLine] = []
    year = payment.date.year

    if reward_form is RewardForm.NONE:
        lines.append(
            ExplanationLine(
                "Er wordt geen vergoeding betaald. Er is dus niets te controleren.",
                f"{SEED_000} l.58-61",
            )
        )
        lines.append(ExplanationLine(INDICATION_TEXT, DOMAIN))
        return PaymentCheck(
            stays_untaxed_allowance=True,
            crossed_caps=(),
            benefit_effect=BenefitEffect.NONE,
            warnings=False,
            explanation=tuple(lines),
        )

    if payment.real_costs > 0:
        lines.append(
            ExplanationLine(
                f"De echte kosten met bonnetjes ({format_euro(payment.real_costs)}) tellen niet mee voor de grenzen.",
                f"{DOMAIN} (vergoeding van echte kosten telt niet mee)",
            )
        )

    if reward_form is RewardForm.DONATION:
        lines.append(
            ExplanationLine(
                "Het geld gaat naar een goed doel. U krijgt het zelf niet. "
                "Daarom telt het niet mee voor de grenzen en niet voor een uitkering. "
                "Dat geldt alleen als u dit kiest voordat er betaald wordt.",
                f"{SEED_000} l.58-61",
            )
        )
        lines.append(ExplanationLine(INDICATION_TEXT, DOMAIN))
        return PaymentCheck(
            stays_untaxed_allowance=True,
            crossed_caps=(),
            benefit_effect=BenefitEffect.NONE,
            warnings=False,
            explanation=tuple(lines),
        )

    if reward_form is RewardForm.VOUCHER:
        lines.append(
            ExplanationLine(
                "Een waardebon telt mee als vergoeding, net als geld op uw rekening.",
                f"{SEED_000} l.58-61; {SEED_001} l.3229-3233 (vergoedingen in natura tellen mee)",
            )
        )

    counted = payment.amount
    totals = history.totals_for(on=payment.date, organisation_id=payment.organisation_id)
    cap = cap_for_year(caps, year)

    # --- Belastingdienst -------------------------------------------------
    stays_untaxed, crossed, tax_lines = _check_tax(
        payment=payment, counted=counted, totals=totals, cap=cap, age_band=age_band
    )
    lines.extend(tax_lines)

    # Tax caps are per organisation: the conditions describe the relation
    # between one volunteer and one organisation, and both report when the
    # caps are exceeded. For benefits all organisations add up
    # (docs/domain/money-rules.md#benefits).
    if totals.year_all != totals.year_organisation:
        lines.append(
            ExplanationLine(
                "U krijgt dit jaar ook vergoedingen van andere organisaties. "
                "Voor de belasting geldt de grens per organisatie. "
                "Voor een uitkering tellen alle organisaties samen.",
                f"{SEED_001} l.3225-3233; {DOMAIN}",
            )
        )

    # --- Benefit -----------------------------------------------------------
    outcome = _check_benefit(
        payment=payment,
        counted=counted,
        totals=totals,
        cap=cap,
        age_band=age_band,
        benefit=benefit,
        rules=benefit_rules,
        bijstand_exemption=bijstand_exemption,
        stays_untaxed=stays_untaxed,
    )
    lines.extend(outcome.lines)

    warn = stays_untaxed is not True or outcome.effect is not BenefitEffect.NONE
    if warn:
        lines.append(
            ExplanationLine(
                "Praat hier samen over voordat u ja zegt.",
                f"{SEED_000} l.63-67",
            )
        )
    lines.append(ExplanationLine(INDICATION_TEXT, DOMAIN))

    return PaymentCheck(
        stays_untaxed_allowance=stays_untaxed,
        crossed_caps=tuple(crossed),
        benefit_effect=outcome.effect,
        warnings=warn,
        explanation=tuple(lines),
        counted_amount=counted,
        benefit_rule_code=outcome.code,
        benefit_basis=outcome.basis,
        benefit_kept=outcome.kept,
        benefit_offset=outcome.offset,
    )


def _check_tax(
    *,
    payment: ProposedPayment,
    counted: Decimal,
    totals: HistoryTotals,
    cap: AllowanceCap | None,
    age_band: AgeBand,
) -> tuple[bool | None, list[CrossedCap], list[ExplanationLine]]:
    year = payment.date.year
    lines: list[ExplanationLine] = []

    if counted == 0:
        # Only real costs: nothing here counts toward a cap (docs/domain/money-rules.md).
        lines.append(
            ExplanationLine(
                "Deze betaling heeft geen vaste vergoeding. Er is niets belast.",
                f"{DOMAIN} (vergoeding van echte kosten telt niet mee)",
            )
        )
        return True, [], lines

    if cap is None:
        # A missing year must be visible, never silently assumed (docs/domain/money-rules.md).
        lines.append(
            ExplanationLine(
                f"Voor {year} zijn nog geen grenzen voor de vrijwilligersvergoeding "
                f"ingevoerd. De beheerder moet de bedragen voor {year} eerst invoeren. "
                "Tot dan weten we niet of deze vergoeding onbelast blijft.",
                f"{DOMAIN} (ontbrekend jaar moet zichtbaar zijn)",
            )
        )
        return None, [], lines

    crossed: list[CrossedCap] = []

    # The hourly cap only exists with an hourly agreement (docs/domain/money-rules.md).
    if payment.hours is None:
        lines.append(
            ExplanationLine(
                "Er is geen afspraak per uur. Daarom tellen alleen de grens per maand en de grens per jaar.",
                f"{DOMAIN} (zonder uurafspraak alleen maand- en jaargrens)",
            )
        )
    else:
        hourly = cap.hourly_21_plus if age_band.is_21_plus else cap.hourly_under_21
        if hourly is None:
            lines.append(
                ExplanationLine(
                    f"Voor {year} staat er geen grens per uur in de tabel. We kijken alleen naar de maand en het jaar.",
                    cap.source,
                )
            )
        # Compare without dividing, so rounding can never hide a cent.
        elif counted > hourly * payment.hours:
            rate = _cents(counted / payment.hours)
            crossed.append(CrossedCap(CapKind.HOUR, hourly, rate, year))
            lines.append(
                ExplanationLine(
                    f"Deze betaling is {format_euro(rate)} per uur. Dat is meer dan "
                    f"de uurgrens van {format_euro(hourly)} ({year}).",
                    cap.source,
                )
            )

    month_total = totals.month_organisation + counted
    if month_total > cap.monthly:
        already = totals.month_organisation > cap.monthly
        crossed.append(CrossedCap(CapKind.MONTH, cap.monthly, month_total, year, already))
        lines.append(
            ExplanationLine(
                f"Deze betaling komt boven de maandgrens van {format_euro(cap.monthly)} "
                f"({year}). Met deze betaling krijgt u deze maand "
                f"{format_euro(month_total)} van deze organisatie."
                + (" De grens was al overschreden." if already else ""),
                cap.source,
            )
        )

    year_total = totals.year_organisation + counted
    if year_total > cap.yearly:
        already = totals.year_organisation > cap.yearly
        crossed.append(CrossedCap(CapKind.YEAR, cap.yearly, year_total, year, already))
        lines.append(
            ExplanationLine(
                f"Deze betaling komt boven de jaargrens van {format_euro(cap.yearly)} "
                f"({year}). Met deze betaling krijgt u dit jaar "
                f"{format_euro(year_total)} van deze organisatie."
                + (" De grens was al overschreden." if already else ""),
                cap.source,
            )
        )

    if crossed:
        # Untaxed only if none of the caps is exceeded; otherwise the whole
        # amount is income (docs/domain/money-rules.md).
        lines.append(
            ExplanationLine(
                "Dan is de hele vergoeding belast. Het is dan geen onbelaste vrijwilligersvergoeding meer.",
                f"{DOMAIN}; {SEED_001} l.3229-3233",
            )
        )
        return False, crossed, lines

    limits = f"{format_euro(cap.monthly)} per maand en {format_euro(cap.yearly)} per jaar"
    lines.append(
        ExplanationLine(
            f"Deze betaling blijft binnen de grenzen van {year}: {limits}. Dan is de vergoeding onbelast.",
            cap.source,
        )
    )
    return True, crossed, lines


@dataclass(frozen=True)
class _BenefitOutcome:
    effect: BenefitEffect
    lines: list[ExplanationLine]
    code: str | None = None
    basis: Decimal | None = None
    kept: Decimal | None = None
    offset: Decimal | None = None


def _check_benefit(
    *,
    payment: ProposedPayment,
    counted: Decimal,
    totals: HistoryTotals,
    cap: AllowanceCap | None,
    age_band: AgeBand,
    benefit: BenefitSituation,
    rules: list[BenefitRule],
    bijstand_exemption: BijstandExemption,
    stays_untaxed: bool | None,
) -> _BenefitOutcome:
    if benefit is BenefitSituation.NONE:
        return _BenefitOutcome(BenefitEffect.NONE, [])

    name = _BENEFIT_NAMES_NL[benefit]
    rule = select_benefit_rule(
        rules,
        benefit=benefit,
        age_band=age_band,
        on=payment.date,
        bijstand_exemption=bijstand_exemption,
    )
    if rule is None:
        return _BenefitOutcome(
            BenefitEffect.UNKNOWN,
            [
                ExplanationLine(
                    f"Er is geen regel ingevoerd voor {name} op "
                    f"{format_date_nl(payment.date)}. De beheerder moet die regel "
                    "invoeren. Vraag het ook na bij de instantie die de uitkering betaalt.",
                    f"{DOMAIN} (regels staan in een tabel met datum en bron)",
                )
            ],
        )

    figures_from = f"(bedragen vanaf {format_date_nl(rule.valid_from)})"
    if counted == 0:
        return _BenefitOutcome(
            BenefitEffect.NONE,
            [
                ExplanationLine(
                    f"Er wordt geen vaste vergoeding betaald. Dat heeft geen invloed op uw {name}.",
                    rule.source,
                )
            ],
            code=rule.code,
            basis=ZERO,
            kept=ZERO,
            offset=ZERO,
        )

    # For benefits all organisations add up (docs/domain/money-rules.md#benefits).
    month_all = totals.month_all + counted
    year_all = totals.year_all + counted

    if rule.method is BenefitMethod.COUNTS_AS_INCOME:
        if stays_untaxed is True:
            text = "Een onbelaste vrijwilligersvergoeding telt niet mee als inkomen voor uw toeslagen."
            return _BenefitOutcome(BenefitEffect.NONE, [ExplanationLine(text, rule.source)], code=rule.code)
        text = (
            "Als de vergoeding belast is, telt die mee als inkomen voor uw toeslagen. "
            "Uw toeslagen kunnen dan lager worden. Hoeveel hangt af van uw inkomen "
            "in het hele jaar."
        )
        return _BenefitOutcome(BenefitEffect.UNKNOWN, [ExplanationLine(text, rule.source)], code=rule.code)

    if rule.method is BenefitMethod.ONLY_REAL_COSTS_FREE:
        text = (
            f"U bent jonger dan 27 en heeft bijstand. Dan gaat elke vergoeding boven "
            f"uw echte kosten af van uw uitkering. Deze maand is dat waarschijnlijk "
            f"{format_euro(month_all)}. Echte kosten met bonnetjes mag u houden."
        )
        return _BenefitOutcome(
            BenefitEffect.FULLY_OFFSET,
            [ExplanationLine(text, rule.source)],
            code=rule.code,
            basis=month_all,
            kept=ZERO,
            offset=month_all,
        )

    if rule.method is BenefitMethod.UWV_VOLUNTEER_LIMIT:
        return _check_uwv(
            payment=payment,
            counted=counted,
            month_all=month_all,
            year_all=year_all,
            cap=cap,
            age_band=age_band,
            rule=rule,
            name=name,
            figures_from=figures_from,
        )

    # EARNINGS_DISREGARD: bijstand 27+. Within the volunteer caps nothing is
    # offset (in 2018 the same € 150/€ 1.500 as the tax caps,
    # so the year's cap row supplies them); above them it counts as earnings.
    if cap is None:
        return _missing_cap_for_benefit(payment.date.year, name, rule)
    within = _within_caps_line(cap, month_all, year_all, name, rule)
    if within is not None:
        return _BenefitOutcome(
            BenefitEffect.NONE,
            [within],
            code=rule.code,
            basis=month_all,
            kept=month_all,
            offset=ZERO,
        )
    kept = ZERO
    if rule.free_percentage is not None:
        kept = _cents(month_all * rule.free_percentage / 100)
    if rule.monthly_max is not None:
        kept = min(kept, rule.monthly_max)
    offset = month_all - kept
    effect = BenefitEffect.PARTLY_OFFSET if kept > 0 else BenefitEffect.FULLY_OFFSET
    lines = [
        ExplanationLine(
            f"Alle vergoedingen samen komen boven {format_euro(cap.monthly)} per maand "
            f"of {format_euro(cap.yearly)} per jaar. Dan telt het als inkomen voor "
            f"de {name}.",
            f"{SEED_001} l.3123-3127; {DOMAIN}",
        )
    ]
    rule_text = f"U mag {_format_percentage(rule.free_percentage or ZERO)} houden"
    if rule.monthly_max is not None:
        rule_text += f", tot {format_euro(rule.monthly_max)} per maand"
    rule_text += " " + figures_from + "."
    if rule.duration_months is not None:
        rule_text += f" Dat geldt maximaal {rule.duration_months} maanden."
    else:
        rule_text += " Dat geldt zonder eindtermijn."
    lines.append(ExplanationLine(rule_text, rule.source))
    lines.append(
        ExplanationLine(
            f"Deze maand krijgt u in totaal {format_euro(month_all)}. U houdt daarvan "
            f"waarschijnlijk {format_euro(kept)}. Er gaat waarschijnlijk "
            f"{format_euro(offset)} af van uw uitkering.",
            rule.source,
        )
    )
    return _BenefitOutcome(effect, lines, code=rule.code, basis=month_all, kept=kept, offset=offset)


def _check_uwv(
    *,
    payment: ProposedPayment,
    counted: Decimal,
    month_all: Decimal,
    year_all: Decimal,
    cap: AllowanceCap | None,
    age_band: AgeBand,
    rule: BenefitRule,
    name: str,
    figures_from: str,
) -> _BenefitOutcome:
    lines: list[ExplanationLine] = []
    limit = rule.hourly_limit_23_plus if age_band.is_23_plus else rule.hourly_limit_under_23
    over_hourly = False
    if payment.hours is None:
        if limit is not None:
            lines.append(
                ExplanationLine(
                    f"Het UWV kijkt ook naar het bedrag per uur: maximaal "
                    f"{format_euro(limit)} per uur, met reiskosten erbij "
                    f"{figures_from}. Er is geen afspraak per uur, dus dat konden "
                    "we niet controleren.",
                    rule.source,
                )
            )
    elif limit is not None and counted > limit * payment.hours:
        over_hourly = True
        rate = _cents(counted / payment.hours)
        lines.append(
            ExplanationLine(
                f"Dit is {format_euro(rate)} per uur. Het UWV staat maximaal "
                f"{format_euro(limit)} per uur toe, met reiskosten erbij {figures_from}.",
                rule.source,
            )
        )

    if not over_hourly:
        # UWV's month/year amounts are the volunteer allowance caps (€ 150 and
        # € 1.500 in 2018), so the year's cap
        # row supplies them; summed over all organisations.
        if cap is None:
            outcome = _missing_cap_for_benefit(payment.date.year, name, rule)
            return _BenefitOutcome(outcome.effect, lines + outcome.lines, code=rule.code)
        within = _within_caps_line(cap, month_all, year_all, name, rule)
        if within is not None:
            return _BenefitOutcome(
                BenefitEffect.NONE,
                [*lines, within],
                code=rule.code,
                basis=month_all,
                kept=month_all,
                offset=ZERO,
            )
        lines.append(
            ExplanationLine(
                f"Alle vergoedingen samen komen boven {format_euro(cap.monthly)} per "
                f"maand of {format_euro(cap.yearly)} per jaar.",
                f"{rule.source}; {DOMAIN}",
            )
        )

    # Above any limit the UWV offsets the WHOLE allowance (docs/domain/money-rules.md#benefits).
    lines.append(
        ExplanationLine(
            f"Dan haalt het UWV de hele vergoeding van uw {name} af. Deze maand is "
            f"dat waarschijnlijk {format_euro(month_all)}.",
            rule.source,
        )
    )
    return _BenefitOutcome(
        BenefitEffect.FULLY_OFFSET,
        lines,
        code=rule.code,
        basis=month_all,
        kept=ZERO,
        offset=month_all,
    )


def _within_caps_line(
    cap: AllowanceCap,
    month_all: Decimal,
    year_all: Decimal,
    name: str,
    rule: BenefitRule,
) -> ExplanationLine | None:
    """A line when all organisations together stay within the caps, else None."""
    if month_all > cap.monthly or year_all > cap.yearly:
        return None
    return ExplanationLine(
        f"Alle vergoedingen samen blijven binnen {format_euro(cap.monthly)} per maand "
        f"en {format_euro(cap.yearly)} per jaar. Dan heeft dit geen invloed op uw "
        f"{name}.",
        f"{rule.source}; {cap.source}",
    )


def _missing_cap_for_benefit(year: int, name: str, rule: BenefitRule) -> _BenefitOutcome:
    return _BenefitOutcome(
        BenefitEffect.UNKNOWN,
        [
            ExplanationLine(
                f"Zonder de grenzen voor {year} weten we niet wat dit doet met uw {name}.",
                f"{rule.source}; {DOMAIN}",
            )
        ],
        code=rule.code,
    )


# --------------------------------------------------------------------------
# A whole year, afterwards (for the year statement)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationYear:
    """What the caps say about one organisation's payments in one year."""

    organisation_id: int | str
    counted: Decimal
    months_over: tuple[int, ...]
    over_year: bool
    over_hourly: bool
    # None when the year has no cap row.
    stays_untaxed: bool | None
    explanation: tuple[ExplanationLine, ...]


@dataclass(frozen=True)
class YearSummary:
    year: int
    cap: AllowanceCap | None
    organisations: tuple[OrganisationYear, ...]
    # Counted payments of all organisations together (what a benefit agency adds up).
    total_counted: Decimal
    explanation: tuple[ExplanationLine, ...]


def summarise_year(
    *,
    payments: list[PastPayment] | tuple[PastPayment, ...],
    year: int,
    caps: list[AllowanceCap] | tuple[AllowanceCap, ...],
    age_band: AgeBand,
) -> YearSummary:
    """Looking back at one calendar year: did each organisation's payments stay within the caps?

    Same rules as `check_payment`: caps per organisation, per calendar month and
    year; the hourly cap only for payments with hours; donations and "none"
    rewards do not count. Organisations are returned in order of first payment.
    """
    age_band = AgeBand(age_band)
    cap = cap_for_year(list(caps), year)
    counted = [p for p in payments if p.date.year == year and reward_form_counts(p.reward_form)]
    order: list[int | str] = []
    for past in sorted(counted, key=lambda p: p.date):
        if past.organisation_id not in order:
            order.append(past.organisation_id)

    results = []
    for org_id in order:
        own = [p for p in counted if p.organisation_id == org_id]
        total = sum((p.amount for p in own), ZERO)
        lines: list[ExplanationLine] = []
        if cap is None:
            results.append(
                OrganisationYear(
                    org_id,
                    total,
                    (),
                    False,
                    False,
                    None,
                    (
                        ExplanationLine(
                            f"Voor {year} zijn nog geen grenzen ingevoerd. "
                            "Daarom weten we niet of deze vergoedingen onbelast zijn.",
                            f"{DOMAIN} (ontbrekend jaar moet zichtbaar zijn)",
                        ),
                    ),
                )
            )
            continue
        by_month: dict[int, Decimal] = {}
        for p in own:
            by_month[p.date.month] = by_month.get(p.date.month, ZERO) + p.amount
        months_over = tuple(sorted(m for m, amount in by_month.items() if amount > cap.monthly))
        over_year = total > cap.yearly
        hourly = cap.hourly_21_plus if age_band.is_21_plus else cap.hourly_under_21
        over_hourly = hourly is not None and any(p.hours and p.amount > hourly * p.hours for p in own)
        if months_over:
            names = ", ".join(_MONTHS_NL[m - 1] for m in months_over)
            lines.append(
                ExplanationLine(
                    f"In {names} kwam u boven de maandgrens van {format_euro(cap.monthly)}.",
                    cap.source,
                )
            )
        if over_year:
            lines.append(
                ExplanationLine(
                    f"In {year} kwam u met {format_euro(total)} boven de jaargrens van {format_euro(cap.yearly)}.",
                    cap.source,
                )
            )
        if over_hourly:
            lines.append(
                ExplanationLine(
                    f"Minstens één betaling was meer dan {format_euro(hourly)} per uur.",
                    cap.source,
                )
            )
        untaxed = not (months_over or over_year or over_hourly)
        if untaxed:
            lines.append(
                ExplanationLine(
                    f"Deze vergoedingen bleven binnen de grenzen van {year}. Dan zijn ze onbelast.",
                    cap.source,
                )
            )
        else:
            lines.append(
                ExplanationLine(
                    "Dan is de hele vergoeding van deze organisatie belast.",
                    f"{DOMAIN}; {SEED_001} l.3229-3233",
                )
            )
        results.append(OrganisationYear(org_id, total, months_over, over_year, over_hourly, untaxed, tuple(lines)))

    total_counted = sum((r.counted for r in results), ZERO)
    general = [
        ExplanationLine(
            f"Alle organisaties samen: {format_euro(total_counted, always_cents=True)}. "
            "Voor een uitkering tellen alle vergoedingen samen. "
            "Geef ze door aan de instantie die uw uitkering betaalt.",
            DOMAIN,
        ),
        ExplanationLine(
            "Vergoedingen van echte kosten met bonnetjes tellen niet mee. Een gift aan een goed doel ook niet.",
            f"{DOMAIN}; {SEED_000} l.58-61",
        ),
        ExplanationLine(INDICATION_TEXT, DOMAIN),
    ]
    return YearSummary(year, cap, tuple(results), total_counted, tuple(general))
