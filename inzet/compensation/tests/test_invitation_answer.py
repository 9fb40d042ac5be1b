"""The invitation page's one form: the reward choice travels with yes/no and is shown back."""

from django.urls import reverse

from inzet.compensation.models import AssignmentRewardChoice
from inzet.engagements.models import Invitation
from inzet.engagements.tests import factories as f


def test_the_reward_choice_made_with_yes_is_kept_and_shown_back(
    client, asker, coordinator, orgs, expert, expert_profile
):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert)
    page = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    assert page.count('name="answer"') == 2 and page.count('<form method="post"') == 1 + page.count("logout")

    action = reverse("compensation:invitation_answer", args=[invitation.pk])
    assert f'action="{action}"' in page  # the page's one form posts the choice with the answer
    response = client.post(action, {"answer": "yes", "reward_form": "voucher"})

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED
    assert AssignmentRewardChoice.objects.get(invitation=invitation).reward_form == "voucher"
    body = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    assert "Uw keuze voor de vergoeding: Een cadeaubon." in body


def test_a_wrong_reward_choice_keeps_the_answer_pending_and_the_reason(
    client, asker, coordinator, orgs, expert, expert_profile
):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert)

    response = client.post(
        reverse("compensation:invitation_answer", args=[invitation.pk]),
        {"answer": "yes", "reward_form": "donation", "charity": "", "reason": "Graag in de ochtend"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Schrijf op aan welk goed doel het geld gaat." in body
    assert "Graag in de ochtend" in body
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING and not invitation.reward_choices.exists()
