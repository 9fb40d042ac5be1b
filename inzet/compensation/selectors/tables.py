"""The rule tables (database rows → rules dataclasses), tariffs, payment settings and an expert's situation and payment history."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.compensation import pricing, rules
from inzet.compensation.models import (
    AllowanceCapRow,
    BenefitRuleRow,
    ExternalAllowance,
    HourlyGuideline,
    OrganisationPaymentSettings,
    Payout,
    Tariff,
)
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Organisation

FIRST_RULE_YEAR = 2018
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
PAID_STATES = (Payout.State.APPROVED, Payout.State.BATCHED)


def today() -> dt.date:
    return timezone.localdate()


# --- rule tables: database rows → rules dataclasses ------------------------------------------------


def cap_from_row(row: AllowanceCapRow) -> rules.AllowanceCap:
    return rules.AllowanceCap(
        year=row.year,
        hourly_21_plus=row.hourly_21_plus,
        hourly_under_21=row.hourly_under_21,
        monthly=row.monthly,
        yearly=row.yearly,
        source=row.source,
        hourly_age=row.hourly_age,
    )


def benefit_rule_from_row(row: BenefitRuleRow) -> rules.BenefitRule:
    return rules.BenefitRule(
        code=row.code,
        method=rules.BenefitMethod(row.method),
        benefit_kinds=frozenset(row.benefit_kinds or ()),
        age_bands=frozenset(row.age_bands or ()),
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        hourly_limit_23_plus=row.hourly_limit_23_plus,
        hourly_limit_under_23=row.hourly_limit_under_23,
        free_percentage=row.free_percentage,
        monthly_max=row.monthly_max,
        duration_months=row.duration_months,
        source=row.source,
    )


def allowance_caps() -> list[rules.AllowanceCap]:
    return [cap_from_row(row) for row in AllowanceCapRow.objects.order_by("year")]


def benefit_rules() -> list[rules.BenefitRule]:
    return [benefit_rule_from_row(row) for row in BenefitRuleRow.objects.order_by("code", "valid_from")]


@dataclass(frozen=True)
class RuleTables:
    caps: tuple[rules.AllowanceCap, ...]
    benefit_rules: tuple[rules.BenefitRule, ...]


def rule_tables() -> RuleTables:
    return RuleTables(tuple(allowance_caps()), tuple(benefit_rules()))


@dataclass(frozen=True)
class CapYear:
    year: int
    row: AllowanceCapRow | None

    @property
    def missing(self) -> bool:
        return self.row is None


def cap_years(*, first: int = FIRST_RULE_YEAR, last: int | None = None) -> list[CapYear]:
    """Every year from `first` to this year (and any later row), missing years included as None."""
    rows = {row.year: row for row in AllowanceCapRow.objects.all()}
    last = max([last or today().year, *rows])
    return [CapYear(year, rows.get(year)) for year in range(first, last + 1)]


def missing_cap_years() -> list[int]:
    return [c.year for c in cap_years() if c.missing]


def missing_cap_notices(on: dt.date | None = None) -> list[str]:
    """What the operator must enter now: this year's caps, and from 1 December next year's (one query)."""
    on = on or today()
    wanted = [on.year] + ([on.year + 1] if on.month == 12 else [])
    present = set(AllowanceCapRow.objects.filter(year__in=wanted).values_list("year", flat=True))
    notices = []
    if on.year not in present:
        notices.append(
            _(
                "De belastinggrenzen voor dit jaar (%(year)s) ontbreken. Ervaringsdeskundigen krijgen wel de "
                "waarschuwingen over hun uitkering, maar horen niet of hun vergoeding onbelast blijft. Vul de grenzen in zodra de "
                "Belastingdienst ze publiceert, met het adres van die pagina."
            )
            % {"year": on.year}
        )
    if on.month == 12 and on.year + 1 not in present:
        notices.append(
            _(
                "Op 1 januari begint %(year)s. De belastinggrenzen voor %(year)s zijn nog niet ingevuld. Vul ze in "
                "zodra de Belastingdienst ze publiceert, met het adres van die pagina."
            )
            % {"year": on.year + 1}
        )
    return notices


def guidelines() -> QuerySet:
    return HourlyGuideline.objects.order_by("valid_from")


def tariffs(organisation_ids: Iterable[int] | None = None) -> QuerySet:
    queryset = Tariff.objects.select_related("organisation", "role", "level")
    if organisation_ids is not None:
        queryset = queryset.filter(organisation_id__in=organisation_ids)
    return queryset.order_by("organisation__name", "role__sort_order", "level__sort_order", "valid_from")


def tariff_for(*, organisation_id: int, role_id: int, level_id: int | None, on: dt.date) -> Tariff | None:
    """The tariff in force on `on`: the row for this exact level first, else the row for every level."""
    valid = Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    candidates = Tariff.objects.filter(valid, organisation_id=organisation_id, role_id=role_id).filter(
        Q(level_id=level_id) | Q(level__isnull=True)
    )
    return min(candidates, key=lambda t: (t.level_id is None, -t.valid_from.toordinal()), default=None)


def payment_settings(organisation: Organisation) -> OrganisationPaymentSettings:
    """The organisation's settings, or unsaved defaults when it never saved any."""
    found = OrganisationPaymentSettings.objects.filter(organisation=organisation).first()
    return found or OrganisationPaymentSettings(organisation=organisation)


# --- an expert's situation -----------------------------------------------------------------------


def expert_age_band(profile: ExpertProfile) -> tuple[rules.AgeBand, bool]:
    """The age band and whether it is known. Unknown → the strictest band (youngest)."""
    try:
        return rules.AgeBand(profile.age_band), True
    except ValueError:
        return rules.AgeBand.UNDER_21, False


def expert_benefit(profile: ExpertProfile) -> rules.BenefitSituation:
    try:
        return rules.BenefitSituation(profile.benefit_situation or "none")
    except ValueError:
        return rules.BenefitSituation.NONE


def expert_exemption(profile: ExpertProfile) -> rules.BijstandExemption:
    try:
        return rules.BijstandExemption(profile.bijstand_exemption or rules.BijstandExemption.REGULAR)
    except ValueError:
        return rules.BijstandExemption.REGULAR


def external_allowances(expert_id: int) -> list[ExternalAllowance]:
    return list(
        ExternalAllowance.objects.filter(expert_id=expert_id, removed_at__isnull=True).order_by("from_month", "pk")
    )


def external_payments(allowances: Iterable[ExternalAllowance], *, until: dt.date) -> list[rules.PastPayment]:
    """Each declared month as a payment on the first of that month; an open end runs to `until`'s year end."""
    payments = []
    for allowance in allowances:
        amount = allowance.amount_decimal
        last = allowance.to_month or dt.date(until.year, 12, 1)
        month = allowance.from_month.replace(day=1)
        while month <= last:
            payments.append(rules.PastPayment(date=month, amount=amount, organisation_id=f"external:{allowance.pk}"))
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return payments


def payment_history(
    expert_id: int, *, exclude_pk: int | None = None, until: dt.date | None = None
) -> rules.PaymentHistory:
    """Allowances to this expert from every organisation in Inzet, plus those declared from outside (two queries)."""
    queryset = Payout.objects.filter(expert_id=expert_id, kind=Payout.Kind.ALLOWANCE, state__in=PAID_STATES)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    inside = [
        rules.PastPayment(
            date=p["pay_date"],  # type: ignore[arg-type]  # an approved payout has its pay date
            amount=p["amount"],
            hours=p["hours"] or None,
            organisation_id=p["organisation_id"],
            reward_form=rules.RewardForm(pricing.check_form(p["channel"])),
        )
        for p in queryset.values("pay_date", "amount", "hours", "organisation_id", "channel")
    ]
    outside = external_payments(external_allowances(expert_id), until=until or today())
    return rules.PaymentHistory(tuple(inside + outside))
