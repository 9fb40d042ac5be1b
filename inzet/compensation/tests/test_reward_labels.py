"""A reward form as a coordinator reads it: "Geld op mijn bankrekening" is the expert's own answer (issue 16)."""

import pytest
from django.urls import reverse
from django.utils import translation

from inzet.compensation.tests import factories as f
from inzet.experts.models import RewardForm, neutral_reward_choices, reward_form_label


def test_the_bank_transfer_reads_without_my_for_everyone_but_the_expert_answering():
    assert RewardForm.BANK_TRANSFER.label == "Geld op mijn bankrekening"  # the expert's own choice in the wizard
    assert str(reward_form_label("bank_transfer")) == "Geld op de bankrekening"
    assert str(reward_form_label("voucher")) == "Een cadeaubon"
    with translation.override("en"):
        assert str(reward_form_label("bank_transfer")) == "Money in the bank account"
    assert all("mijn" not in str(label) for _code, label in neutral_reward_choices())


@pytest.mark.django_db
def test_the_coordinators_payout_pages_never_say_my_bank_account(in_2025, client, orgs, expert, asker, coordinator):
    payout = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs=None).payouts.get()
    assert payout.channel == RewardForm.BANK_TRANSFER
    client.force_login(coordinator)
    for url in (reverse("compensation:payouts"), reverse("compensation:payout", args=[payout.pk])):
        page = client.get(url).content.decode()
        assert "Geld op de bankrekening" in page, url
        assert "mijn bankrekening" not in page, url
