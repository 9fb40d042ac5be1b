"""The year statement."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from inzet.compensation import pricing, rules
from inzet.compensation.models import Payout
from inzet.compensation.selectors.tables import (
    PAID_STATES,
    ZERO,
    allowance_caps,
    expert_age_band,
    external_allowances,
    external_payments,
)
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Organisation


@dataclass
class StatementOrganisation:
    organisation: Organisation
    payouts: list[Payout]
    summary: rules.OrganisationYear | None
    allowance: Decimal = ZERO
    counted: Decimal = ZERO
    hours: Decimal = ZERO
    real_costs: Decimal = ZERO


@dataclass
class YearStatement:
    profile: ExpertProfile
    year: int
    organisations: list[StatementOrganisation]
    summary: rules.YearSummary
    allowance: Decimal
    hours: Decimal
    real_costs: Decimal
    age_unknown: bool
    # Approved but not yet in a bank file or list: not paid, so not counted above.
    unpaid: list[Payout] = field(default_factory=list)

    @property
    def unpaid_total(self) -> Decimal:
        return sum((p.amount for p in self.unpaid), ZERO)


def year_statement(profile: ExpertProfile, year: int) -> YearStatement:
    """Only payouts that were paid (in a bank file or list) count; approved ones waiting are listed apart."""
    found = list(
        Payout.objects.filter(expert=profile, state__in=PAID_STATES, pay_date__year=year)
        .select_related("organisation", "invitation__request")
        .order_by("pay_date", "pk")
    )
    payouts = [p for p in found if p.state == Payout.State.BATCHED]
    unpaid = [p for p in found if p.state != Payout.State.BATCHED]
    age_band, known = expert_age_band(profile)
    summary = rules.summarise_year(
        payments=[
            rules.PastPayment(
                date=p.pay_date,
                amount=p.amount,
                hours=p.hours or None,
                organisation_id=p.organisation_id,
                reward_form=pricing.check_form(p.channel),
            )
            for p in payouts
            if p.kind == Payout.Kind.ALLOWANCE
        ]
        # Declared allowances from outside Inzet count toward the same caps.
        + external_payments(external_allowances(profile.pk), until=dt.date(year, 12, 1)),
        year=year,
        caps=allowance_caps(),
        age_band=age_band,
    )
    by_org: dict[int, StatementOrganisation] = {}
    summaries = {s.organisation_id: s for s in summary.organisations}
    for payout in payouts:
        entry = by_org.setdefault(
            payout.organisation_id,
            StatementOrganisation(payout.organisation, [], summaries.get(payout.organisation_id)),
        )
        entry.payouts.append(payout)
        if payout.kind == Payout.Kind.ALLOWANCE:
            entry.allowance += payout.amount
            entry.hours += payout.hours or ZERO
            if rules.reward_form_counts(pricing.check_form(payout.channel)):
                entry.counted += payout.amount
        else:
            entry.real_costs += payout.amount
    organisations = list(by_org.values())
    return YearStatement(
        profile=profile,
        year=year,
        organisations=organisations,
        summary=summary,
        allowance=sum((o.allowance for o in organisations), ZERO),
        hours=sum((o.hours for o in organisations), ZERO),
        real_costs=sum((o.real_costs for o in organisations), ZERO),
        age_unknown=not known,
        unpaid=unpaid,
    )
