"""One proposed payment: the tax caps and the benefit, checked separately."""

from __future__ import annotations

from decimal import Decimal
from typing import Required, TypedDict, Unpack

from inzet.compensation.rules.benefits import check_benefit
from inzet.compensation.rules.messages import BD_COSTS, BD_VOLUNTEER, ExplanationLine, Money, Term, _, line
from inzet.compensation.rules.tax import WHOLE_AMOUNT_TAXED, cap_for_year, check_tax, latest_cap_before
from inzet.compensation.rules.types import (
    AgeBand,
    AllowanceCap,
    BenefitEffect,
    BenefitRule,
    BenefitSituation,
    BijstandExemption,
    CapKind,
    CrossedCap,
    PastPayment,
    PaymentCheck,
    PaymentHistory,
    ProposedPayment,
    RewardForm,
)

INDICATION = _("Dit is een schatting, geen advies.")
INDICATION_TEXT = INDICATION
TALK_FIRST = _("Praat hier samen over voordat u ja zegt.")


class _Outcome(TypedDict, total=False):
    """The fields of PaymentCheck besides its explanation."""

    stays_untaxed_allowance: Required[bool | None]
    crossed_caps: Required[tuple[CrossedCap, ...]]
    benefit_effect: Required[BenefitEffect]
    warnings: Required[bool]
    counted_amount: Decimal
    benefit_rule_code: str | None
    benefit_basis: Decimal | None
    benefit_kept: Decimal | None
    benefit_offset: Decimal | None
    missing_cap_year: int | None
    tax_explanation: tuple[ExplanationLine, ...]


def _finish(lines: list[ExplanationLine], **kwargs: Unpack[_Outcome]) -> PaymentCheck:
    lines.append(line(INDICATION))
    return PaymentCheck(explanation=tuple(lines), **kwargs)


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
    """Check one proposed payment against the given rule tables (all organisations together)."""
    age_band = AgeBand(age_band)
    benefit = BenefitSituation(benefit)
    reward_form = RewardForm(reward_form)
    bijstand_exemption = BijstandExemption(bijstand_exemption)
    if not isinstance(history, PaymentHistory):
        history = PaymentHistory(tuple(history))
    lines: list[ExplanationLine] = []
    year = payment.date.year

    if reward_form is RewardForm.NONE:
        lines.append(line(_("Er wordt geen vergoeding betaald. Er is dus niets te controleren.")))
        return _finish(
            lines, stays_untaxed_allowance=True, crossed_caps=(), benefit_effect=BenefitEffect.NONE, warnings=False
        )
    if payment.real_costs > 0:
        lines.append(
            line(
                _("De echte kosten met bonnetjes (%(amount)s) tellen niet mee voor de grenzen."),
                BD_COSTS,
                amount=Money(payment.real_costs),
            )
        )
    if reward_form is RewardForm.DONATION:
        lines.append(
            line(
                _(
                    "Het geld gaat naar een goed doel. U krijgt het zelf niet. Daarom telt het niet mee voor de "
                    "grenzen en niet voor een uitkering. Dat geldt alleen als u dit kiest voordat er betaald wordt."
                )
            )
        )
        return _finish(
            lines, stays_untaxed_allowance=True, crossed_caps=(), benefit_effect=BenefitEffect.NONE, warnings=False
        )
    if reward_form is RewardForm.VOUCHER:
        lines.append(line(_("Een waardebon telt mee als vergoeding, net als geld op uw rekening."), BD_VOLUNTEER))

    counted = payment.amount
    totals = history.totals_for(on=payment.date, organisation_id=payment.organisation_id)
    cap = cap_for_year(caps, year)

    tax = check_tax(payment=payment, counted=counted, totals=totals, cap=cap, age_band=age_band)
    lines.extend(tax.lines)
    if totals.year_all != totals.year_organisation:
        lines.append(
            line(
                _(
                    "U krijgt dit jaar ook vergoedingen van andere organisaties. Voor de grenzen tellen alle "
                    "organisaties samen, ook de vergoedingen van buiten Inzet die u heeft opgegeven."
                ),
                BD_VOLUNTEER,
            )
        )

    outcome = check_benefit(
        payment=payment,
        counted=counted,
        totals=totals,
        cap=cap,
        fallback_cap=latest_cap_before(caps, year) if cap is None else None,
        age_band=age_band,
        benefit=benefit,
        rules=benefit_rules,
        bijstand_exemption=bijstand_exemption,
        stays_untaxed=tax.stays_untaxed,
    )
    lines.extend(outcome.lines)

    missing = year if (cap is None and counted > 0) else None
    warn = tax.stays_untaxed is not True or outcome.effect is not BenefitEffect.NONE
    if warn:
        lines.append(line(TALK_FIRST))
    return _finish(
        lines,
        stays_untaxed_allowance=tax.stays_untaxed,
        crossed_caps=tax.crossed,
        benefit_effect=outcome.effect,
        warnings=warn,
        counted_amount=counted,
        benefit_rule_code=outcome.code,
        benefit_basis=outcome.basis,
        benefit_kept=outcome.kept,
        benefit_offset=outcome.offset,
        missing_cap_year=missing,
        tax_explanation=tax.lines,
    )


_CAP_NAMES = {
    CapKind.HOUR: _("de grens per uur"),
    CapKind.MONTH: _("de grens per maand"),
    CapKind.YEAR: _("de grens per jaar"),
}


def coordinator_lines(check: PaymentCheck) -> list[ExplanationLine]:
    """What a coordinator may see without the benefit: which caps are crossed, or that the year is missing."""
    lines = []
    for crossed in check.crossed_caps:
        msgid = (
            _("Deze betaling komt boven %(cap)s van %(limit)s (%(year)s): %(amount)s per uur.")
            if crossed.kind is CapKind.HOUR
            else _("Deze betaling komt boven %(cap)s van %(limit)s (%(year)s): %(amount)s van alle organisaties samen.")
        )
        lines.append(
            line(
                msgid,
                BD_VOLUNTEER,
                cap=Term(_CAP_NAMES[crossed.kind]),
                limit=Money(crossed.limit),
                year=crossed.year,
                amount=Money(crossed.resulting_amount),
            )
        )
    if check.crossed_caps:
        lines.append(line(WHOLE_AMOUNT_TAXED, BD_VOLUNTEER))
    if check.missing_cap_year is not None:
        lines.extend(check.tax_explanation)
    return lines
