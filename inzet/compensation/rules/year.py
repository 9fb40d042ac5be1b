"""A whole calendar year, afterwards (for the year statement). All organisations add up."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inzet.compensation.rules.check import INDICATION
from inzet.compensation.rules.messages import BD_COSTS, BD_VOLUNTEER, ExplanationLine, Money, Months, _, line
from inzet.compensation.rules.tax import cap_for_year, cap_source
from inzet.compensation.rules.types import ZERO, AgeBand, AllowanceCap, PastPayment, reward_form_counts


@dataclass(frozen=True)
class OrganisationYear:
    """One organisation's counted payments in the year, and the verdict for all together."""

    organisation_id: int | str
    counted: Decimal
    months_over: tuple[int, ...]
    over_year: bool
    over_hourly: bool
    stays_untaxed: bool | None  # None when the year has no cap row
    explanation: tuple[ExplanationLine, ...]


@dataclass(frozen=True)
class YearSummary:
    year: int
    cap: AllowanceCap | None
    organisations: tuple[OrganisationYear, ...]
    total_counted: Decimal  # all organisations together
    explanation: tuple[ExplanationLine, ...]
    months_over: tuple[int, ...] = ()
    over_year: bool = False
    over_hourly: bool = False
    stays_untaxed: bool | None = None


def summarise_year(
    *,
    payments: list[PastPayment] | tuple[PastPayment, ...],
    year: int,
    caps: list[AllowanceCap] | tuple[AllowanceCap, ...],
    age_band: AgeBand,
) -> YearSummary:
    """Did all payments of one calendar year together stay within the caps?

    Same rules as `check_payment`: calendar months and year, all organisations together; the
    hourly cap only for payments with hours; donations and "none" rewards do not count.
    Organisations are returned in order of first payment.
    """
    age_band = AgeBand(age_band)
    cap = cap_for_year(list(caps), year)
    counted = sorted(
        (p for p in payments if p.date.year == year and reward_form_counts(p.reward_form)), key=lambda p: p.date
    )
    total = sum((p.amount for p in counted), ZERO)
    general: list[ExplanationLine] = []
    months_over: tuple[int, ...] = ()
    over_year = over_hourly = False
    untaxed: bool | None = None
    if cap is None:
        general.append(
            line(
                _(
                    "De belastinggrenzen voor %(year)s zijn nog niet bekend in Inzet. Alleen de beheerder van Inzet "
                    "kan ze invoeren. Daarom weten we niet of deze vergoedingen onbelast zijn."
                ),
                BD_VOLUNTEER,
                year=year,
            )
        )
    else:
        source = cap_source(cap)
        by_month: dict[int, Decimal] = {}
        for p in counted:
            by_month[p.date.month] = by_month.get(p.date.month, ZERO) + p.amount
        months_over = tuple(sorted(m for m, amount in by_month.items() if amount > cap.monthly))
        over_year = total > cap.yearly
        hourly = cap.hourly_for(age_band)
        over_hourly = hourly is not None and any(p.hours and p.amount > hourly * p.hours for p in counted)
        if months_over:
            general.append(
                line(
                    _("In %(months)s kwam u met alle organisaties samen boven de maandgrens van %(limit)s."),
                    source,
                    months=Months(months_over),
                    limit=Money(cap.monthly),
                )
            )
        if over_year:
            general.append(
                line(
                    _("In %(year)s kwam u met %(total)s boven de jaargrens van %(limit)s."),
                    source,
                    year=year,
                    total=Money(total),
                    limit=Money(cap.yearly),
                )
            )
        if over_hourly and hourly is not None:
            general.append(
                line(_("Minstens één betaling was meer dan %(limit)s per uur."), source, limit=Money(hourly))
            )
        untaxed = not (months_over or over_year or over_hourly)
        general.append(
            line(_("Deze vergoedingen bleven binnen de grenzen van %(year)s. Dan zijn ze onbelast."), source, year=year)
            if untaxed
            else line(_("Dan zijn alle vergoedingen van dat jaar belast."), source)
        )

    order: list[int | str] = []
    for p in counted:
        if p.organisation_id not in order:
            order.append(p.organisation_id)
    organisations = tuple(
        OrganisationYear(
            org_id,
            sum((p.amount for p in counted if p.organisation_id == org_id), ZERO),
            months_over,
            over_year,
            over_hourly,
            untaxed,
            (),
        )
        for org_id in order
    )
    general += [
        line(
            _(
                "Alle organisaties samen: %(total)s. Voor de grenzen en voor een uitkering tellen alle vergoedingen "
                "samen. Geef ze door aan de instantie die uw uitkering betaalt."
            ),
            BD_VOLUNTEER,
            total=Money(total, cents=True),
        ),
        line(
            _("Vergoedingen van echte kosten met bonnetjes tellen niet mee. Een gift aan een goed doel ook niet."),
            BD_COSTS,
        ),
        line(INDICATION),
    ]
    return YearSummary(year, cap, organisations, total, tuple(general), months_over, over_year, over_hourly, untaxed)
