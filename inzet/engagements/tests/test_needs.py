"""What the expert needs: asked on saying yes, seen by the coordinator, shared with the asker only as allowed."""

import re

from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.engagements import rules, services
from inzet.engagements.models import InvitationNeed, InvitationNeeds
from inzet.engagements.tests import factories as f
from inzet.experts.models import AccessLog

CODES = list(InvitationNeed.values)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.sampled_from(CODES), unique=True), other=st.text(max_size=20), share=st.booleans())
def test_the_asker_never_learns_the_safety_net_and_nothing_unshared(kinds, other, share):
    shown, shown_other = rules.needs_for_asker(kinds=kinds, other=other, share=share)
    assert "safety_net" not in shown
    if not share:
        assert shown == [] and shown_other == ""
    else:
        assert set(shown) == set(kinds) - {"safety_net"}
        assert shown_other == (other if "other" in kinds else "")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.sampled_from(CODES), unique=True), person=st.sampled_from(["", " ", "Ahmed"]))
def test_a_safety_net_needs_a_person_and_other_needs_words(kinds, person):
    problems = rules.needs_problems(kinds=kinds, safety_net_person=person, other="")
    assert ("safety_net_person" in problems) == ("safety_net" in kinds and not person.strip())
    assert ("other" in problems) == ("other" in kinds)


def _accepted(orgs, asker, coordinator, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.accept(f.invite(request, expert_profile, coordinator))
    return request, invitation


def test_saying_yes_leads_to_the_question_what_the_expert_needs(
    client, asker, coordinator, orgs, expert, expert_profile
):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert)
    response = client.post(
        reverse("compensation:invitation_answer", args=[invitation.pk]),
        {"answer": "yes", "reward_form": "bank_transfer"},
    )
    assert response.url == reverse("engagements:invitation_needs", args=[invitation.pk])
    body = client.get(response.url).content.decode()
    assert "Wat heeft u nodig om dit te kunnen doen?" in body and "Een tolk" in body


def test_the_needs_page_is_only_for_an_accepted_invitation(client, asker, coordinator, orgs, expert, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert)
    response = client.get(reverse("engagements:invitation_needs", args=[invitation.pk]))
    assert response.url == reverse("engagements:invitation", args=[invitation.pk])


def test_a_missing_detail_gets_a_dutch_message_and_nothing_typed_is_lost(
    client, asker, coordinator, orgs, expert, expert_profile
):
    _request, invitation = _accepted(orgs, asker, coordinator, expert_profile)
    client.force_login(expert)
    response = client.post(
        reverse("engagements:invitation_needs", args=[invitation.pk]),
        {"kinds": ["safety_net", "other"], "safety_net_when": "Dezelfde avond nog", "other": ""},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Wie is uw vangnet? Schrijf een naam of een functie." in body
    assert "U koos &#x27;iets anders&#x27;. Schrijf kort wat u nodig heeft." in body
    assert "Dezelfde avond nog" in body
    assert re.search(r'<input[^>]*value="safety_net"[^>]*checked', body)
    assert not InvitationNeeds.objects.exists()


def test_the_coordinator_sees_the_needs_and_the_read_is_logged(
    client, asker, coordinator, orgs, expert, expert_profile
):
    request, invitation = _accepted(orgs, asker, coordinator, expert_profile)
    client.force_login(expert)
    data = {
        "kinds": ["interpreter", "safety_net"],
        "safety_net_person": "Mijn buddy Ahmed",
        "safety_net_when": "Dezelfde avond bellen",
    }
    url = reverse("engagements:invitation_needs", args=[invitation.pk])
    assert client.post(url, data).url == reverse("engagements:invitation", args=[invitation.pk])
    assert client.post(url, data).status_code == 302  # again: replaced, not doubled
    assert InvitationNeeds.objects.count() == 1
    assert "Mijn buddy Ahmed" in client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()

    client.force_login(coordinator)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Een tolk (bijvoorbeeld gebarentaal)" in body
    assert "Mijn buddy Ahmed – Dezelfde avond bellen" in body
    assert AccessLog.objects.filter(profile=expert_profile, viewer=coordinator, item="needs").exists()


def test_the_free_text_is_encrypted_at_rest(asker, coordinator, orgs, expert, expert_profile):
    _request, invitation = _accepted(orgs, asker, coordinator, expert_profile)
    services.invitation_needs_state(
        invitation=invitation,
        actor=expert,
        kinds=["safety_net", "other"],
        safety_net_person="Mijn buddy Ahmed",
        other="Een gebarentolk",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT kinds, safety_net_person, other FROM engagements_invitationneeds")
        raw = " ".join(cursor.fetchone())
    assert "Ahmed" not in raw and "gebarentolk" not in raw and "safety_net" not in raw


def test_the_asker_sees_only_what_is_shared_and_never_the_safety_net(
    client, asker, coordinator, orgs, expert, expert_profile
):
    request, invitation = _accepted(orgs, asker, coordinator, expert_profile)
    f.with_agreement(request, coordinator)
    needs = dict(
        invitation=invitation,
        actor=expert,
        kinds=["interpreter", "safety_net", "other"],
        safety_net_person="Mijn buddy Ahmed",
        other="De dia's een week van tevoren",
    )
    services.invitation_needs_state(**needs, share_with_asker=False)
    client.force_login(asker)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Een tolk" not in body and "dia&#x27;s" not in body and "Ahmed" not in body

    services.invitation_needs_state(**needs, share_with_asker=True)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Wat de ervaringsdeskundigen nodig hebben (gedeeld met hun toestemming)" in body
    assert "Een tolk (bijvoorbeeld gebarentaal); De dia&#x27;s een week van tevoren" in body
    assert "Ahmed" not in body and "Een vangnet" not in body


def test_someone_else_cannot_state_needs_for_an_expert(client, asker, coordinator, orgs, expert_profile):
    _request, invitation = _accepted(orgs, asker, coordinator, expert_profile)
    client.force_login(coordinator)
    url = reverse("engagements:invitation_needs", args=[invitation.pk])
    assert client.post(url, {"kinds": ["transport"]}).status_code == 404
    assert not InvitationNeeds.objects.exists()
