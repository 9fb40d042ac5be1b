"""After a heavy assignment the expert and the coordinator are asked about a talk (002 TIP 11)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from inzet.compensation.tests import factories as f
from inzet.engagements.models import EngagementRequest
from inzet.support import selectors, services
from inzet.support.models import Outcome

TODAY = timezone.localdate()


@pytest.fixture
def heavy(orgs, profile, asker):
    """Eva's accepted heavy assignment that ended three days ago."""
    invitation = f.assignment(orgs, expert=profile.user, asker=asker, title="Gesprek met slachtoffers")
    EngagementRequest.objects.filter(pk=invitation.request_id).update(
        is_heavy=True, start_date=TODAY - dt.timedelta(days=5), end_date=TODAY - dt.timedelta(days=3)
    )
    return invitation


def test_the_coordinator_and_the_expert_are_prompted_after_a_heavy_assignment(client, heavy, profile, coordinator):
    client.force_login(coordinator)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "1 ervaringsdeskundige deed kort geleden een zware opdracht." in home
    team = client.get(reverse("support:team")).content.decode()
    assert "Gesprek met slachtoffers" in team
    client.force_login(profile.user)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "U deed de zware opdracht" in home
    assert "Cor, 06-12345678" in home  # the safety net of the agreement
    assert f"?opdracht={heavy.pk}" in home


def test_a_light_assignment_or_one_long_ago_prompts_nobody(heavy, coordinator, orgs):
    EngagementRequest.objects.filter(pk=heavy.request_id).update(is_heavy=False)
    assert selectors.heavy_follow_ups(org_ids={orgs.deploying.pk}) == []
    EngagementRequest.objects.filter(pk=heavy.request_id).update(is_heavy=True, end_date=TODAY - dt.timedelta(days=40))
    assert selectors.heavy_follow_ups(org_ids={orgs.deploying.pk}) == []
    EngagementRequest.objects.filter(pk=heavy.request_id).update(end_date=TODAY + dt.timedelta(days=2))
    assert selectors.heavy_follow_ups(org_ids={orgs.deploying.pk}) == []  # not over yet


def test_a_good_check_in_about_it_ends_both_prompts_without_showing_words(client, heavy, profile, coordinator, orgs):
    services.checkin_record(
        expert=profile, actor=profile.user, score=4, words="Ging best", invitation=heavy, nonce="c1"
    )
    assert selectors.heavy_follow_ups(org_ids={orgs.deploying.pk}) == []
    assert selectors.heavy_follow_ups(profile=profile, for_expert=True) == []


def test_a_low_check_in_keeps_the_coordinator_prompt_but_never_the_words(client, heavy, profile, coordinator, orgs):
    services.checkin_record(
        expert=profile, actor=profile.user, score=1, words="Ik slaap slecht", invitation=heavy, nonce="c1"
    )
    assert selectors.heavy_follow_ups(profile=profile, for_expert=True) == []  # the expert answered
    assert [i.pk for i in selectors.heavy_follow_ups(org_ids={orgs.deploying.pk})] == [heavy.pk]
    client.force_login(coordinator)
    assert "slaap slecht" not in client.get(reverse("support:team")).content.decode()


def test_a_talk_since_the_assignment_ends_the_coordinator_prompt(heavy, profile, coordinator, orgs):
    services.early_conversation_record(
        actor=coordinator, expert=profile, held_on=TODAY, outcome=Outcome.CONTINUE, nonce="e1"
    )
    assert selectors.heavy_follow_ups(org_ids={orgs.deploying.pk}) == []


def test_other_organisations_do_not_see_it(heavy, other_coordinator, orgs):
    assert selectors.heavy_follow_ups(org_ids={orgs.other_deploying.pk}) == []


def test_the_team_page_stays_bounded_in_queries(client, orgs, asker, coordinator, django_assert_max_num_queries):
    from conftest import make_person
    from inzet.organisations.models import Role

    for i in range(15):
        person = make_person(f"zwaar{i}@test.nl", f"Zwaar {i}", [(orgs.deploying, Role.EXPERT)])
        invitation = f.assignment(orgs, expert=person, asker=asker, title=f"Zwaar {i}")
        EngagementRequest.objects.filter(pk=invitation.request_id).update(is_heavy=True, end_date=TODAY)
    client.force_login(coordinator)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("support:team"))
    assert response.content.decode().count("Zware opdracht ‘Zwaar") == 15
