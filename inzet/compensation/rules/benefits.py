"""What an allowance probably does to a benefit (uitkering or toeslagen). Indicatie, geen advies.

Benefit rules run on their own: a year without a tax-cap row still gets every benefit warning.
Rules that depend on the caps then use the newest earlier row and say so (caps only went up, so
this warns sooner, never later). All organisations add up for benefits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from inzet.compensation.rules.messages import Day, ExplanationLine, Money, Number, Percent, Term, _, line
from inzet.compensation.rules.tax import cap_source
from inzet.compensation.rules.types import (
    ZERO,
    AgeBand,
    AllowanceCap,
    BenefitEffect,
    BenefitMethod,
    BenefitRule,
    BenefitSituation,
    BijstandExemption,
    HistoryTotals,
    ProposedPayment,
    cents,
)

BENEFIT_NAMES = {
    BenefitSituation.BIJSTAND: _("bijstand"),
    BenefitSituation.WAJONG: _("Wajong"),
    BenefitSituation.WGA: _("WGA"),
    BenefitSituation.WW: _("WW"),
    BenefitSituation.TOESLAGEN: _("toeslagen"),
}


@dataclass(frozen=True)
class BenefitOutcome:
    effect: BenefitEffect
    lines: list[ExplanationLine] = field(default_factory=list)
    code: str | None = None
    basis: Decimal | None = None
    kept: Decimal | None = None
    offset: Decimal | None = None


def select_benefit_rule(
    rules: list[BenefitRule] | tuple[BenefitRule, ...],
    *,
    benefit: BenefitSituation,
    age_band: AgeBand,
    on: dt.date,
    bijstand_exemption: BijstandExemption = BijstandExemption.REGULAR,
) -> BenefitRule | None:
    """The rule that applies, or None when no single rule fits.

    Per code the row with the latest valid_from wins. When several codes fit (bijstand 27+
    in 2018), the exemption decides.
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


def check_benefit(
    *,
    payment: ProposedPayment,
    counted: Decimal,
    totals: HistoryTotals,
    cap: AllowanceCap | None,
    fallback_cap: AllowanceCap | None,
    age_band: AgeBand,
    benefit: BenefitSituation,
    rules: list[BenefitRule] | tuple[BenefitRule, ...],
    bijstand_exemption: BijstandExemption,
    stays_untaxed: bool | None,
) -> BenefitOutcome:
    if benefit is BenefitSituation.NONE:
        return BenefitOutcome(BenefitEffect.NONE)
    name = Term(BENEFIT_NAMES[benefit])
    rule = select_benefit_rule(
        rules, benefit=benefit, age_band=age_band, on=payment.date, bijstand_exemption=bijstand_exemption
    )
    if rule is None:
        return BenefitOutcome(
            BenefitEffect.UNKNOWN,
            [
                line(
                    _(
                        "Er is geen regel ingevoerd voor %(benefit)s op %(date)s. De beheerder van Inzet moet die "
                        "regel invoeren. Vraag het ook na bij de instantie die de uitkering betaalt."
                    ),
                    benefit=name,
                    date=Day(payment.date),
                )
            ],
        )
    if counted == 0:
        return BenefitOutcome(
            BenefitEffect.NONE,
            [
                line(
                    _("Er wordt geen vaste vergoeding betaald. Dat heeft geen invloed op uw %(benefit)s."),
                    rule.source,
                    benefit=name,
                )
            ],
            code=rule.code,
            basis=ZERO,
            kept=ZERO,
            offset=ZERO,
        )
    month_all = totals.month_all + counted
    year_all = totals.year_all + counted
    ctx = _Context(payment, counted, month_all, year_all, age_band, rule, name)

    if rule.method is BenefitMethod.COUNTS_AS_INCOME:
        if stays_untaxed is True:
            text = _("Een onbelaste vrijwilligersvergoeding telt niet mee als inkomen voor uw toeslagen.")
            return BenefitOutcome(BenefitEffect.NONE, [line(text, rule.source)], code=rule.code)
        text = _(
            "Als de vergoeding belast is, telt die mee als inkomen voor uw toeslagen. Uw toeslagen kunnen dan "
            "lager worden. Hoeveel hangt af van uw inkomen in het hele jaar."
        )
        return BenefitOutcome(BenefitEffect.UNKNOWN, [line(text, rule.source)], code=rule.code)

    if rule.method is BenefitMethod.ONLY_REAL_COSTS_FREE:
        text = _(
            "U bent jonger dan 27 en heeft bijstand. Dan gaat elke vergoeding boven uw echte kosten af van uw "
            "uitkering. Deze maand is dat waarschijnlijk %(amount)s. Echte kosten met bonnetjes mag u houden."
        )
        return BenefitOutcome(
            BenefitEffect.FULLY_OFFSET,
            [line(text, rule.source, amount=Money(month_all))],
            code=rule.code,
            basis=month_all,
            kept=ZERO,
            offset=month_all,
        )

    # Every other method compares with the caps.
    lines: list[ExplanationLine] = []
    used = cap
    if used is None:
        used = fallback_cap
        if used is None:
            lines.append(
                line(
                    _(
                        "De grenzen voor %(year)s zijn nog niet ingevoerd, en er zijn geen eerdere grenzen. Daarom "
                        "weten we niet wat dit doet met uw %(benefit)s. Vraag het na bij de instantie die uw uitkering betaalt."
                    ),
                    rule.source,
                    year=payment.date.year,
                    benefit=name,
                )
            )
            return BenefitOutcome(BenefitEffect.UNKNOWN, lines, code=rule.code)
        lines.append(
            line(
                _(
                    "De grenzen voor %(year)s zijn nog niet ingevoerd. Voor uw %(benefit)s rekenen we daarom met de "
                    "grenzen van %(used)s: %(month)s per maand en %(limit)s per jaar. De echte grenzen zijn meestal "
                    "even hoog of hoger."
                ),
                cap_source(used),
                year=payment.date.year,
                benefit=name,
                used=used.year,
                month=Money(used.monthly),
                limit=Money(used.yearly),
            )
        )
    handler = _HANDLERS[rule.method]
    outcome = handler(ctx, used)
    return BenefitOutcome(
        outcome.effect,
        lines + outcome.lines,
        code=rule.code,
        basis=outcome.basis,
        kept=outcome.kept,
        offset=outcome.offset,
    )


@dataclass(frozen=True)
class _Context:
    payment: ProposedPayment
    counted: Decimal
    month_all: Decimal
    year_all: Decimal
    age_band: AgeBand
    rule: BenefitRule
    name: Term

    @property
    def figures_from(self) -> Day:
        return Day(self.rule.valid_from)


def _within(ctx: _Context, cap: AllowanceCap) -> bool:
    return ctx.month_all <= cap.monthly and ctx.year_all <= cap.yearly


def _within_line(ctx: _Context, cap: AllowanceCap) -> ExplanationLine:
    return line(
        _(
            "Alle vergoedingen samen blijven binnen %(month)s per maand en %(limit)s per jaar. Dan heeft dit geen "
            "invloed op uw %(benefit)s."
        ),
        ctx.rule.source,
        month=Money(cap.monthly),
        limit=Money(cap.yearly),
        benefit=ctx.name,
    )


def _above_line(ctx: _Context, cap: AllowanceCap) -> ExplanationLine:
    return line(
        _("Alle vergoedingen samen komen boven %(month)s per maand of %(limit)s per jaar: deze maand %(total)s."),
        ctx.rule.source,
        month=Money(cap.monthly),
        limit=Money(cap.yearly),
        total=Money(ctx.month_all),
    )


def _none(ctx: _Context, lines: list[ExplanationLine]) -> BenefitOutcome:
    return BenefitOutcome(BenefitEffect.NONE, lines, basis=ctx.month_all, kept=ctx.month_all, offset=ZERO)


def _whole(ctx: _Context, lines: list[ExplanationLine]) -> BenefitOutcome:
    return BenefitOutcome(BenefitEffect.FULLY_OFFSET, lines, basis=ctx.month_all, kept=ZERO, offset=ctx.month_all)


def _uwv_limit(ctx: _Context, cap: AllowanceCap) -> BenefitOutcome:
    rule, payment = ctx.rule, ctx.payment
    lines: list[ExplanationLine] = []
    limit = rule.hourly_limit_23_plus if ctx.age_band.is_23_plus else rule.hourly_limit_under_23
    over_hourly = False
    if limit is not None and payment.hours is None:
        lines.append(
            line(
                _(
                    "Het UWV kijkt ook naar het bedrag per uur: maximaal %(limit)s per uur, met reiskosten erbij "
                    "(bedragen vanaf %(date)s). Er is geen afspraak per uur, dus dat konden we niet controleren."
                ),
                rule.source,
                limit=Money(limit),
                date=ctx.figures_from,
            )
        )
    elif limit is not None and payment.hours is not None and ctx.counted > limit * payment.hours:
        over_hourly = True
        lines.append(
            line(
                _(
                    "Dit is %(rate)s per uur. Het UWV stond maximaal %(limit)s per uur toe, met reiskosten erbij "
                    "(bedragen vanaf %(date)s)."
                ),
                rule.source,
                rate=Money(cents(ctx.counted / payment.hours)),
                limit=Money(limit),
                date=ctx.figures_from,
            )
        )
    if not over_hourly:
        if _within(ctx, cap):
            return _none(ctx, [*lines, _within_line(ctx, cap)])
        lines.append(_above_line(ctx, cap))
    lines.append(
        line(
            _(
                "Dan ziet het UWV dit als betaald werk en haalt het de hele vergoeding voor uw werk van uw "
                "%(benefit)s af, niet alleen het deel boven de grens. Deze maand is dat waarschijnlijk %(amount)s. "
                "Reiskosten en onkosten die u kunt laten zien tellen niet mee."
            ),
            rule.source,
            benefit=ctx.name,
            amount=Money(ctx.month_all),
        )
    )
    return _whole(ctx, lines)


def _uwv_hours(ctx: _Context, cap: AllowanceCap) -> BenefitOutcome:
    if _within(ctx, cap):
        return _none(ctx, [_within_line(ctx, cap)])
    lines = [_above_line(ctx, cap)]
    if ctx.payment.hours is not None:
        text = _(
            "Dan ziet het UWV dit als betaald werk. Het UWV verlaagt uw WW met de uren die u werkt: %(hours)s uur "
            "keer uw WW-dagloon omgerekend naar een bedrag per uur. Hoeveel dat is, hangt af van uw dagloon. "
            "Geef het binnen een week door aan het UWV."
        )
        lines.append(line(text, ctx.rule.source, hours=Number(ctx.payment.hours)))
    else:
        text = _(
            "Dan ziet het UWV dit als betaald werk. Het UWV verlaagt uw WW met de uren die u werkt, keer uw "
            "WW-dagloon omgerekend naar een bedrag per uur. Hoeveel dat is, hangt af van uw dagloon. Geef het "
            "binnen een week door aan het UWV."
        )
        lines.append(line(text, ctx.rule.source))
    return BenefitOutcome(BenefitEffect.PARTLY_OFFSET, lines, basis=ctx.month_all)


def _within_tax_caps(ctx: _Context, cap: AllowanceCap) -> BenefitOutcome:
    hourly = cap.hourly_for(ctx.age_band)
    lines: list[ExplanationLine] = []
    hours = ctx.payment.hours
    over_hourly = hours is not None and hourly is not None and ctx.counted > hourly * hours
    if over_hourly and hours is not None and hourly is not None:  # (narrows the types for mypy)
        lines.append(
            line(
                _("Dit is %(rate)s per uur. Dat is meer dan de uurgrens van %(limit)s."),
                cap_source(cap),
                rate=Money(cents(ctx.counted / hours)),
                limit=Money(hourly),
            )
        )
    elif _within(ctx, cap):
        return _none(ctx, [_within_line(ctx, cap)])
    else:
        lines.append(_above_line(ctx, cap))
    lines.append(
        line(
            _(
                "Boven de grenzen telt de hele vergoeding als inkomen voor de %(benefit)s, niet alleen het deel "
                "boven de grens. Deze maand gaat er dan waarschijnlijk %(amount)s af van uw uitkering."
            ),
            ctx.rule.source,
            benefit=ctx.name,
            amount=Money(ctx.month_all),
        )
    )
    return _whole(ctx, lines)


def _earnings_disregard(ctx: _Context, cap: AllowanceCap) -> BenefitOutcome:
    rule = ctx.rule
    if _within(ctx, cap):
        return _none(ctx, [_within_line(ctx, cap)])
    kept = ZERO
    if rule.free_percentage is not None:
        kept = cents(ctx.month_all * rule.free_percentage / 100)
    if rule.monthly_max is not None:
        kept = min(kept, rule.monthly_max)
    offset = ctx.month_all - kept
    lines = [_above_line(ctx, cap)]
    params = {"percentage": Percent(rule.free_percentage or ZERO), "date": ctx.figures_from}
    if rule.monthly_max is not None and rule.duration_months is not None:
        msgid = _(
            "U mag dan %(percentage)s houden, tot %(max)s per maand (bedragen vanaf %(date)s). Dat geldt maximaal "
            "%(months)s maanden."
        )
        params |= {"max": Money(rule.monthly_max), "months": rule.duration_months}
    elif rule.monthly_max is not None:
        msgid = _(
            "U mag dan %(percentage)s houden, tot %(max)s per maand (bedragen vanaf %(date)s). Dat geldt zonder "
            "eindtermijn."
        )
        params |= {"max": Money(rule.monthly_max)}
    else:
        msgid = _("U mag dan %(percentage)s houden (bedragen vanaf %(date)s).")
    lines.append(ExplanationLine(msgid, params, rule.source))
    lines.append(
        line(
            _(
                "Deze maand krijgt u in totaal %(total)s. U houdt daarvan waarschijnlijk %(kept)s. Er gaat "
                "waarschijnlijk %(offset)s af van uw uitkering."
            ),
            rule.source,
            total=Money(ctx.month_all),
            kept=Money(kept),
            offset=Money(offset),
        )
    )
    effect = BenefitEffect.PARTLY_OFFSET if kept > 0 else BenefitEffect.FULLY_OFFSET
    return BenefitOutcome(effect, lines, basis=ctx.month_all, kept=kept, offset=offset)


_HANDLERS = {
    BenefitMethod.UWV_VOLUNTEER_LIMIT: _uwv_limit,
    BenefitMethod.UWV_HOURS_DEDUCTION: _uwv_hours,
    BenefitMethod.WITHIN_TAX_CAPS_KEPT: _within_tax_caps,
    BenefitMethod.EARNINGS_DISREGARD: _earnings_disregard,
}
