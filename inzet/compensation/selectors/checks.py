"""The check, as one viewer may see it."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from inzet.accounts.models import User
from inzet.compensation import pricing, rules
from inzet.compensation.explain import Shown, show_all
from inzet.compensation.models import Payout
from inzet.compensation.rules.check import TALK_FIRST
from inzet.compensation.rules.messages import ExplanationLine
from inzet.compensation.selectors.pay import Proposed, RewardChoiceView, effective_reward, proposed_for_invitation
from inzet.compensation.selectors.tables import (
    ZERO,
    RuleTables,
    expert_age_band,
    expert_benefit,
    expert_exemption,
    payment_history,
    rule_tables,
    today,
)
from inzet.engagements.models import Invitation
from inzet.experts.disclosure import SELF, can_see, log_access, viewer_level
from inzet.experts.models import ExpertProfile, WorkForm


@dataclass
class CheckView:
    """The rule check for one payment, filtered for the person looking at it."""

    is_self: bool
    applies: bool
    work_form: str
    reward: RewardChoiceView | None = None
    proposed: Proposed | None = None
    check: rules.PaymentCheck | None = None
    lines: list[Shown] = field(default_factory=list)
    hidden_rule: bool = False
    age_unknown: bool = False
    decided: bool = False  # after the yes: no advice about what to do before saying yes

    @property
    def missing_year(self) -> int | None:
        """The year whose tax caps are not in Inzet yet (the benefit rules ran anyway)."""
        return self.check.missing_cap_year if self.check is not None else None

    @property
    def crossed(self) -> tuple[rules.CrossedCap, ...]:
        return self.check.crossed_caps if self.check else ()

    @property
    def warn(self) -> bool:
        """True when a cap or a benefit rule would be crossed, whether or not the year's caps are known."""
        if self.check is None:
            return False
        return bool(self.check.crossed_caps) or self.check.benefit_effect is not rules.BenefitEffect.NONE


def run_check(
    *,
    payment: rules.ProposedPayment,
    history: rules.PaymentHistory,
    age_band: rules.AgeBand,
    benefit: rules.BenefitSituation,
    reward_form: rules.RewardForm,
    bijstand_exemption: rules.BijstandExemption = rules.BijstandExemption.REGULAR,
    tables: RuleTables | None = None,
) -> rules.PaymentCheck:
    """The one place pages and the API run the rule check (same tables, same answers)."""
    tables = tables or rule_tables()
    return rules.check_payment(
        payment=payment,
        history=history,
        age_band=age_band,
        benefit=benefit,
        reward_form=reward_form,
        caps=tables.caps,
        benefit_rules=tables.benefit_rules,
        bijstand_exemption=bijstand_exemption,
    )


def build_check_view(
    *,
    viewer: User,
    profile: ExpertProfile,
    payment: rules.ProposedPayment | None,
    reward: RewardChoiceView,
    tables: RuleTables | None = None,
    exclude_payout: int | None = None,
    proposed: Proposed | None = None,
    path: str = "",
    decided: bool = False,
) -> CheckView:
    level = viewer_level(viewer, profile)
    is_self = level == SELF
    applies = profile.work_form == WorkForm.VOLUNTEER
    view = CheckView(is_self=is_self, applies=applies, work_form=profile.work_form, reward=reward, proposed=proposed)
    if payment is None or not applies:
        return view
    age_band, known = expert_age_band(profile)
    check = run_check(
        payment=payment,
        history=payment_history(profile.pk, exclude_pk=exclude_payout, until=payment.date),
        age_band=age_band,
        benefit=expert_benefit(profile),
        reward_form=rules.RewardForm(pricing.check_form(reward.reward_form)),
        bijstand_exemption=expert_exemption(profile),
        tables=tables,
    )
    view.check = check
    view.age_unknown = not known
    benefit_matters = check.benefit_effect is not rules.BenefitEffect.NONE
    view.decided = decided
    if is_self:
        view.lines = show_all(_for_the_moment(check.explanation, decided))
    elif can_see(level, profile, "benefit"):
        view.lines = show_all(_for_the_moment(check.explanation, decided))
        log_access(viewer=viewer, profile=profile, items=["benefit"], context="page", path=path)
    else:
        view.lines = show_all(_for_the_moment(rules.coordinator_lines(check), decided))
        view.hidden_rule = benefit_matters
        if benefit_matters:
            # The warning itself was derived from the benefit situation: the expert sees it in the log.
            log_access(viewer=viewer, profile=profile, items=["benefit"], context="page", path=path)
    return view


def _for_the_moment(lines: Iterable[ExplanationLine], decided: bool) -> list[ExplanationLine]:
    """After the yes, "talk about it before you say yes" is advice too late: leave it out."""
    return [line for line in lines if not (decided and line.msgid == TALK_FIRST)]


def invitation_check(
    viewer: User, invitation: Invitation, *, tables: RuleTables | None = None, path: str = ""
) -> CheckView:
    """What saying yes to this invitation would mean for the caps and a benefit."""
    proposed = proposed_for_invitation(invitation)
    payment = None
    if proposed is not None:
        payment = rules.ProposedPayment(
            date=proposed.date,
            amount=proposed.amount,
            hours=proposed.hours or None,
            organisation_id=invitation.request.deploying_organisation_id,
        )
    return build_check_view(
        viewer=viewer,
        profile=invitation.expert,
        payment=payment,
        reward=effective_reward(invitation),
        tables=tables,
        proposed=proposed,
        path=path,
        decided=invitation.state != Invitation.State.PENDING,
    )


def payout_check(viewer: User, payout: Payout, *, tables: RuleTables | None = None, path: str = "") -> CheckView:
    """The check a coordinator sees before approving a payout (real costs never count)."""
    on = payout.pay_date or today()
    reward = RewardChoiceView(payout.channel, payout.charity, None, payout.details)
    if payout.kind != Payout.Kind.ALLOWANCE:
        return CheckView(is_self=False, applies=False, work_form=payout.expert.work_form, reward=reward)
    payment = rules.ProposedPayment(
        date=on,
        amount=payout.amount,
        hours=payout.hours or None,
        organisation_id=payout.organisation_id,
    )
    proposed = Proposed(amount=payout.amount, hours=payout.hours or Decimal(0), rate=payout.rate or ZERO, date=on)
    return build_check_view(
        viewer=viewer,
        profile=payout.expert,
        payment=payment,
        reward=reward,
        tables=tables,
        exclude_payout=payout.pk,
        proposed=proposed,
        path=path,
        decided=True,
    )
