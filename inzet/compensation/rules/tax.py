"""The Belastingdienst caps for an untaxed volunteer allowance (vrijwilligersvergoeding).

Untaxed only when none of the caps is crossed; otherwise the whole amount is income. The caps
hold for the total of the expert's allowances ("het totaal van de vergoeding"), so all
organisations are added up, including allowances the expert declares from outside Inzet: a
safeguard must never under-warn.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inzet.compensation.rules.messages import BD_COSTS, BD_VOLUNTEER, ExplanationLine, Money, _, line
from inzet.compensation.rules.types import (
    AgeBand,
    AllowanceCap,
    CapKind,
    CrossedCap,
    HistoryTotals,
    ProposedPayment,
    cents,
)


def cap_for_year(caps: list[AllowanceCap] | tuple[AllowanceCap, ...], year: int) -> AllowanceCap | None:
    """The cap row for `year`, or None. Two rows for one year is an error."""
    found = [cap for cap in caps if cap.year == year]
    if len(found) > 1:
        raise ValueError(f"more than one allowance cap row for {year}")
    return found[0] if found else None


def latest_cap_before(caps: list[AllowanceCap] | tuple[AllowanceCap, ...], year: int) -> AllowanceCap | None:
    """The newest row of an earlier year: a stand-in for the benefit rules only, said so aloud.

    Caps have only ever gone up, so an older row warns sooner, never later.
    """
    earlier = [cap for cap in caps if cap.year < year]
    return max(earlier, key=lambda cap: cap.year, default=None)


def cap_source(cap: AllowanceCap) -> str:
    return cap.source or BD_VOLUNTEER


@dataclass(frozen=True)
class TaxOutcome:
    stays_untaxed: bool | None
    crossed: tuple[CrossedCap, ...]
    lines: tuple[ExplanationLine, ...]


def crossed_caps(
    *, cap: AllowanceCap, counted: Decimal, hours: Decimal | None, totals: HistoryTotals, age_band: AgeBand
) -> list[CrossedCap]:
    """Every cap this payment crosses, all organisations together (comparing without dividing)."""
    crossed = []
    hourly = cap.hourly_for(age_band)
    if hours is not None and hourly is not None and counted > hourly * hours:
        crossed.append(CrossedCap(CapKind.HOUR, hourly, cents(counted / hours), cap.year))
    month_total = totals.month_all + counted
    if month_total > cap.monthly:
        crossed.append(CrossedCap(CapKind.MONTH, cap.monthly, month_total, cap.year, totals.month_all > cap.monthly))
    year_total = totals.year_all + counted
    if year_total > cap.yearly:
        crossed.append(CrossedCap(CapKind.YEAR, cap.yearly, year_total, cap.year, totals.year_all > cap.yearly))
    return crossed


def crossed_line(crossed: CrossedCap, source: str) -> ExplanationLine:
    if crossed.kind is CapKind.HOUR:
        return line(
            _("Deze betaling is %(rate)s per uur. Dat is meer dan de uurgrens van %(limit)s (%(year)s)."),
            source,
            rate=Money(crossed.resulting_amount),
            limit=Money(crossed.limit),
            year=crossed.year,
        )
    if crossed.kind is CapKind.MONTH:
        msgid = (
            _(
                "Deze betaling komt boven de maandgrens van %(limit)s (%(year)s). Met deze betaling krijgt u "
                "deze maand %(total)s van alle organisaties samen. De grens was al overschreden."
            )
            if crossed.already_crossed
            else _(
                "Deze betaling komt boven de maandgrens van %(limit)s (%(year)s). Met deze betaling krijgt u "
                "deze maand %(total)s van alle organisaties samen."
            )
        )
    else:
        msgid = (
            _(
                "Deze betaling komt boven de jaargrens van %(limit)s (%(year)s). Met deze betaling krijgt u "
                "dit jaar %(total)s van alle organisaties samen. De grens was al overschreden."
            )
            if crossed.already_crossed
            else _(
                "Deze betaling komt boven de jaargrens van %(limit)s (%(year)s). Met deze betaling krijgt u "
                "dit jaar %(total)s van alle organisaties samen."
            )
        )
    return line(msgid, source, limit=Money(crossed.limit), year=crossed.year, total=Money(crossed.resulting_amount))


WHOLE_AMOUNT_TAXED = _("Dan is de hele vergoeding belast. Het is dan geen onbelaste vrijwilligersvergoeding meer.")


def check_tax(
    *,
    payment: ProposedPayment,
    counted: Decimal,
    totals: HistoryTotals,
    cap: AllowanceCap | None,
    age_band: AgeBand,
) -> TaxOutcome:
    year = payment.date.year
    lines: list[ExplanationLine] = []

    if counted == 0:
        lines.append(line(_("Deze betaling heeft geen vaste vergoeding. Er is niets belast."), BD_COSTS))
        return TaxOutcome(True, (), tuple(lines))

    if cap is None:
        # A missing year is said plainly, never silently assumed; the benefit rules still run.
        lines.append(
            line(
                _(
                    "De belastinggrenzen voor %(year)s zijn nog niet bekend in Inzet. Alleen de beheerder van "
                    "Inzet kan ze invoeren, op de pagina Regels voor vergoedingen. Tot dan weten we niet of deze "
                    "vergoeding onbelast blijft."
                ),
                BD_VOLUNTEER,
                year=year,
            )
        )
        return TaxOutcome(None, (), tuple(lines))

    source = cap_source(cap)
    if payment.hours is None:
        lines.append(
            line(
                _("Er is geen afspraak per uur. Daarom tellen alleen de grens per maand en de grens per jaar."),
                source,
            )
        )
    elif cap.hourly_for(age_band) is None:
        lines.append(
            line(
                _("Voor %(year)s staat er geen grens per uur in de tabel. We kijken alleen naar de maand en het jaar."),
                source,
                year=year,
            )
        )

    crossed = crossed_caps(cap=cap, counted=counted, hours=payment.hours, totals=totals, age_band=age_band)
    lines.extend(crossed_line(c, source) for c in crossed)
    if crossed:
        lines.append(line(WHOLE_AMOUNT_TAXED, source))
        return TaxOutcome(False, tuple(crossed), tuple(lines))
    lines.append(
        line(
            _(
                "Alle vergoedingen samen blijven binnen de grenzen van %(year)s: %(month)s per maand en %(limit)s "
                "per jaar. Dan is de vergoeding onbelast."
            ),
            source,
            year=year,
            month=Money(cap.monthly),
            limit=Money(cap.yearly),
        )
    )
    return TaxOutcome(True, (), tuple(lines))
