"""What an assignment pays: the expert's rate, half-days, VAT, the reward chosen and the proposed payment."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from inzet.compensation import pricing
from inzet.compensation.models import AssignmentRewardChoice, OrganisationPaymentSettings
from inzet.compensation.selectors.tables import ZERO, payment_settings, today
from inzet.engagements.models import Agreement, EngagementRequest, Invitation
from inzet.engagements.quote import Quote
from inzet.experts.disclosure import can_see
from inzet.experts.models import ExpertProfile, reward_form_label
from inzet.lib.money import cents


@dataclass(frozen=True)
class RewardChoiceView:
    reward_form: str
    charity: str
    choice: AssignmentRewardChoice | None
    details: str = ""

    @property
    def label(self) -> StrOrPromise:
        return reward_form_label(self.reward_form)

    @property
    def from_profile(self) -> bool:
        return self.choice is None


def effective_reward(invitation: Invitation) -> RewardChoiceView:
    """The newest choice for this assignment, else the expert's usual choice from their profile."""
    choices = getattr(invitation, "prefetched_choices", None)
    if choices is None:
        choice = invitation.reward_choices.order_by("-chosen_at", "-pk").first()
    else:
        choice = choices[0] if choices else None
    if choice is not None:
        return RewardChoiceView(choice.reward_form, choice.charity, choice, choice.details)
    profile = invitation.expert
    return RewardChoiceView(profile.reward_form, profile.donation_charity, None)


def expert_label(profile: ExpertProfile, level: int) -> str:
    """The expert's name when this viewer may see it (disclosure), else a neutral label."""
    if can_see(level, profile, "name"):
        return profile.user.full_name
    return _("Ervaringsdeskundige nr. %(number)s") % {"number": profile.pk}


# --- what an assignment pays ---------------------------------------------------------------------


def agreement_of(engagement: EngagementRequest) -> Agreement | None:
    try:
        return engagement.agreement
    except EngagementRequest.agreement.RelatedObjectDoesNotExist:
        return None


def pay_rate(engagement: EngagementRequest, config: OrganisationPaymentSettings | None = None) -> Decimal | None:
    """What the expert gets per hour: the amount the request offers, else the agreed hourly rate minus
    the coordination share (pricing.expert_rate: the share comes out of what the organisation receives)."""
    agreement = agreement_of(engagement)
    if config is None and engagement.amount_offered is None:
        config = payment_settings(engagement.deploying_organisation)
    return pricing.expert_rate(
        price=agreement.hourly_rate if agreement is not None else None,
        offered=engagement.amount_offered,
        share=config.coordination_share if config is not None else ZERO,
    )


def half_day_pay(engagement: EngagementRequest, config: OrganisationPaymentSettings | None = None) -> Decimal | None:
    """What the expert gets per half-day, when the agreement has a flat amount per half-day."""
    agreement = agreement_of(engagement)
    if agreement is None or agreement.half_day_rate is None:
        return None
    config = config or payment_settings(engagement.deploying_organisation)
    return pricing.expert_rate(price=agreement.half_day_rate, offered=None, share=config.coordination_share)


def quote_vat_parts(agreement: Agreement) -> tuple[tuple[Decimal, Decimal], ...]:
    """Each accepted expert's share of the quoted work with the VAT of their work form (the invoice's
    rule); seats not filled yet carry the agreement's rate. Hooked into engagements.pdf."""
    engagement = agreement.request
    needed = max(engagement.experts_needed, 1)
    accepted = [
        i.expert
        for i in engagement.invitations.filter(state=Invitation.State.ACCEPTED).select_related("expert")[:needed]
    ]
    config = payment_settings(engagement.deploying_organisation)
    parts = [(Decimal(1), vat_rate_for(profile, config)) for profile in accepted]
    if len(accepted) < needed:
        parts.append((Decimal(needed - len(accepted)), Decimal(agreement.vat_rate)))
    return tuple(parts)


def quote_coordination(agreement: Agreement, q: Quote) -> dict | None:
    """The split the quote promises, by the settlement's rule: to the experts, and what stays."""
    engagement = agreement.request
    config = payment_settings(engagement.deploying_organisation)
    rate = pay_rate(engagement, config)
    if rate is None or q.net <= 0:
        return None
    experts = pricing.work_value(
        hours=agreement.hours,
        rate=rate,
        half_days=agreement.half_days or Decimal(0),
        half_day_rate=half_day_pay(engagement, config),
    )
    return {"experts": experts, "coordination": pricing.coordination_amount(income=q.net, paid_to_experts=experts)}


def vat_rate_for(profile: ExpertProfile, config: OrganisationPaymentSettings) -> Decimal:
    """VAT on this expert's hours: the same rule for the quote and the invoice (pricing.vat_rate)."""
    return pricing.vat_rate(
        work_form=profile.work_form,
        kor=profile.vat_kor,
        zzp_rate=config.zzp_vat_rate,
        charge_on_zzp=config.vat_on_zzp_hours,
    )


def invoice_rate(engagement: EngagementRequest) -> Decimal | None:
    """What the asker pays per hour: the agreed hourly rate."""
    agreement = agreement_of(engagement)
    return agreement.hourly_rate if agreement is not None else None


@dataclass(frozen=True)
class Proposed:
    amount: Decimal
    hours: Decimal
    rate: Decimal
    date: dt.date
    half_days: Decimal = ZERO
    half_day_amount: Decimal = ZERO


def proposed_for_invitation(invitation: Invitation) -> Proposed | None:
    """The payment an invitation offers: hours per person × the amount per hour, plus this person's
    share of the half-days (dagdelen) at their flat amount — a half-day pays an allowance too, so
    leaving it out would under-warn."""
    engagement = invitation.request
    agreement = agreement_of(engagement)
    rate = pay_rate(engagement)
    per_person = max(engagement.experts_needed, 1)
    hours = engagement.hours_estimate
    if not hours and agreement is not None and agreement.hours:
        # The agreement's hours are for everyone together.
        hours = cents(agreement.hours / per_person)
    half_days, half_day_rate = ZERO, half_day_pay(engagement)
    if agreement is not None and agreement.half_days and half_day_rate is not None:
        half_days = Decimal(agreement.half_days) / per_person
    work = cents(rate * hours) if rate is not None and hours else ZERO
    extra = cents(half_days * half_day_rate) if half_days and half_day_rate is not None else ZERO
    if not work and not extra:
        return None
    day = max(engagement.end_date or engagement.start_date or today(), today())
    return Proposed(
        amount=work + extra,
        hours=Decimal(hours or 0),
        rate=rate or ZERO,
        date=day,
        half_days=half_days,
        half_day_amount=extra,
    )


def prefetch_choices(queryset: QuerySet) -> QuerySet:
    """Attach each invitation's choices (newest first) as `prefetched_choices` for effective_reward()."""
    return queryset.prefetch_related(
        Prefetch(
            "reward_choices",
            queryset=AssignmentRewardChoice.objects.order_by("-chosen_at", "-pk"),
            to_attr="prefetched_choices",
        )
    )
