"""An asker of an accepted assignment sees only what the expert shares with askers.

Pause dates belong to "wanneer ik kan" (availability), whether the expert wants to be proposed
and who keeps the profile are matters between the expert and the coordinators: none of it may
reach an asker through the profile page or /api/experts/{id}.
"""

import datetime as dt

import pytest
from django.urls import reverse

from inzet.accounts.models import ApiToken
from inzet.compensation.tests.factories import assignment
from inzet.experts.models import Audience, ExpertStatus

PAUSE_UNTIL = dt.date(2031, 3, 17)


@pytest.fixture
def shared_with_asker(orgs, expert, asker, coordinator, expert_profile):
    expert_profile.paused = True
    expert_profile.paused_until = PAUSE_UNTIL
    expert_profile.consent_matching = False
    expert_profile.managed_by = coordinator
    expert_profile.status = ExpertStatus.IN_TRAINING
    expert_profile.save()
    assignment(orgs, expert=expert, asker=asker)
    return expert_profile


def _api(client, user, pk):
    _token, raw = ApiToken.issue(user=user, name="t")
    return client.get(f"/api/experts/{pk}", HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_profile_page_shows_an_asker_no_pause_consent_or_keeper(client, asker, shared_with_asker):
    client.force_login(asker)
    page = client.get(reverse("experts:detail", args=[shared_with_asker.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "2031" not in html and "Pauze tot" not in html
    assert "wil nu niet voorgesteld worden" not in html
    assert "Cor Coördinator" not in html and "bijgehouden door" not in html
    assert "In training" not in html


def test_the_api_shows_an_asker_no_pause_consent_or_keeper(client, asker, shared_with_asker):
    body = _api(client, asker, shared_with_asker.pk).json()
    assert body["paused"] is None and body["paused_until"] is None
    assert body["consent_matching"] is None and body["managed_by"] is None
    assert body["status"] is None
    assert "availability" in body["hidden"]


def test_the_pause_shows_when_availability_is_shared_with_askers(client, asker, shared_with_asker):
    shared_with_asker.vis_availability = Audience.ASKERS
    shared_with_asker.save()
    body = _api(client, asker, shared_with_asker.pk).json()
    assert body["paused"] is True and body["paused_until"] == "2031-03-17"
    client.force_login(asker)
    assert "17 maart 2031" in client.get(reverse("experts:detail", args=[shared_with_asker.pk])).content.decode()


def test_the_coordinator_still_sees_all_of_it(client, coordinator, shared_with_asker):
    body = _api(client, coordinator, shared_with_asker.pk).json()
    assert body["paused_until"] == "2031-03-17" and body["consent_matching"] is False
    assert body["status"] == "in_training" and body["managed_by"] == "Cor Coördinator"
    client.force_login(coordinator)
    html = client.get(reverse("experts:detail", args=[shared_with_asker.pk])).content.decode()
    assert "17 maart 2031" in html and "wil nu niet voorgesteld worden" in html
