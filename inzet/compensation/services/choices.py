"""The expert's choice of reward form."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.compensation import pricing
from inzet.compensation.models import AssignmentRewardChoice, Payout
from inzet.engagements.models import Invitation
from inzet.experts.models import RewardForm


@transaction.atomic
def reward_choice_record(
    *, invitation: Invitation, reward_form: str, charity: str, actor: User, on_behalf: bool, details: str = ""
) -> AssignmentRewardChoice:
    """Record the choice (with a timestamp); payouts not yet approved follow it.

    A repeat of the newest choice (a double click, a retry) records nothing new."""
    if invitation.state not in (Invitation.State.PENDING, Invitation.State.ACCEPTED):
        raise ValidationError(_("Voor deze uitnodiging kunt u niets meer kiezen."))
    if reward_form not in RewardForm.values:
        raise ValidationError({"reward_form": _("Kies een vorm van vergoeding.")})
    charity = charity.strip()
    if reward_form == RewardForm.DONATION and not charity:
        raise ValidationError({"charity": _("Schrijf op aan welk goed doel het geld gaat.")})
    if reward_form in pricing.NEEDS_DETAILS and not details.strip():
        raise ValidationError({"details": _("Schrijf op wat u krijgt, bijvoorbeeld de naam van de cursus.")})
    if reward_form != RewardForm.DONATION:
        charity = ""
    details = details.strip()[:200] if reward_form in pricing.NEEDS_DETAILS else ""
    newest = invitation.reward_choices.order_by("-chosen_at", "-pk").first()
    if newest is not None and (newest.reward_form, newest.charity, newest.details) == (reward_form, charity, details):
        return newest
    choice = AssignmentRewardChoice.objects.create(
        invitation=invitation,
        reward_form=reward_form,
        charity=charity,
        details=details,
        chosen_by=actor,
        on_behalf=on_behalf,
    )
    for payout in Payout.objects.select_for_update().filter(
        invitation=invitation, kind=Payout.Kind.ALLOWANCE, state=Payout.State.PROPOSED
    ):
        payout.channel = reward_form
        payout.charity = charity
        payout.details = details
        payout.amount = pricing.reward_amount(
            reward_form,
            pricing.work_value(
                hours=payout.hours, rate=payout.rate, half_days=payout.half_days, half_day_rate=payout.half_day_rate
            ),
        )
        payout.save(update_fields=["channel", "charity", "details", "amount"])
    return choice


@transaction.atomic
def invitation_answer(
    *,
    invitation: Invitation,
    actor: User,
    accept: bool,
    reason: str = "",
    reward_form: str = "",
    charity: str = "",
    details: str = "",
) -> Invitation:
    """Yes with the reward form chosen on the same page, or no. Both or nothing are saved."""
    from inzet.engagements.services import invitation_respond

    if accept and reward_form:
        reward_choice_record(
            invitation=invitation,
            reward_form=reward_form,
            charity=charity,
            details=details,
            actor=actor,
            on_behalf=invitation.expert.user_id != actor.pk,
        )
    return invitation_respond(invitation=invitation, actor=actor, accept=accept, reason=reason)
