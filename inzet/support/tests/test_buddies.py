"""Buddies: proposed by the coordinator, both say yes, each shares only what they choose, either can stop."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from inzet.support import services
from inzet.support.models import BuddyPair


def test_a_pair_becomes_active_only_when_both_say_yes(profile, fellow, coordinator):
    pair = services.buddy_propose(actor=coordinator, first=profile, second=fellow)
    assert services.buddy_propose(actor=coordinator, first=fellow, second=profile).pk == pair.pk  # no duplicate
    services.buddy_respond(pair=pair, actor=profile.user, accept=True, share_phone=True)
    pair.refresh_from_db()
    assert pair.state == BuddyPair.State.PROPOSED and pair.active_since is None
    services.buddy_respond(pair=pair, actor=fellow.user, accept=True)
    pair.refresh_from_db()
    assert pair.state == BuddyPair.State.ACTIVE and pair.active_since is not None


def test_each_sees_only_what_the_other_chose_to_share(client, profile, fellow, coordinator):
    pair = services.buddy_propose(actor=coordinator, first=profile, second=fellow)
    services.buddy_respond(pair=pair, actor=profile.user, accept=True, share_phone=True)
    client.force_login(fellow.user)
    # Before both said yes, nothing is shared.
    assert "06 1234 5678" not in client.get(reverse("support:mine")).content.decode()
    client.post(reverse("support:buddy_answer", args=[pair.pk]), {"answer": "yes", "share_email": "on"})
    body = client.get(reverse("support:mine")).content.decode()
    assert "06 1234 5678" in body and "expert@test.nl" not in body
    client.force_login(profile.user)
    body = client.get(reverse("support:mine")).content.decode()
    assert "fellow@test.nl" in body and "06 8765 4321" not in body


def test_saying_no_needs_no_reason_and_closes_the_proposal(client, profile, fellow, coordinator):
    pair = services.buddy_propose(actor=coordinator, first=profile, second=fellow)
    client.force_login(fellow.user)
    assert client.post(reverse("support:buddy_answer", args=[pair.pk]), {"answer": "no"}).status_code == 302
    pair.refresh_from_db()
    assert pair.state == BuddyPair.State.DECLINED


def test_either_person_ends_the_pairing_without_a_reason_and_twice_is_harmless(client, profile, fellow, coordinator):
    pair = services.buddy_propose(actor=coordinator, first=profile, second=fellow)
    for person in (profile.user, fellow.user):
        services.buddy_respond(pair=pair, actor=person, accept=True)
    client.force_login(fellow.user)
    for _ in range(2):
        assert client.post(reverse("support:buddy_end", args=[pair.pk])).status_code == 302
    pair.refresh_from_db()
    assert pair.state == BuddyPair.State.ENDED and pair.ended_at is not None


def test_only_a_coordinator_of_the_organisation_proposes(profile, fellow, trainer, other_coordinator):
    for person in (trainer, other_coordinator, profile.user):
        with pytest.raises(PermissionDenied):
            services.buddy_propose(actor=person, first=profile, second=fellow)


def test_two_organisations_or_one_person_cannot_be_paired(profile, stranger, coordinator):
    with pytest.raises(ValidationError):
        services.buddy_propose(actor=coordinator, first=profile, second=stranger)
    with pytest.raises(ValidationError):
        services.buddy_propose(actor=coordinator, first=profile, second=profile)


def test_an_outsider_of_the_pair_cannot_answer_for_it(profile, fellow, coordinator, stranger):
    pair = services.buddy_propose(actor=coordinator, first=profile, second=fellow)
    with pytest.raises(PermissionDenied):
        services.buddy_respond(pair=pair, actor=stranger.user, accept=True)


def test_the_coordinator_proposes_through_the_page_and_the_expert_sees_it_at_home(client, profile, fellow, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("support:buddy_propose"), {"first": profile.pk, "second": fellow.pk})
    assert response.status_code == 302
    assert BuddyPair.objects.count() == 1
    same = client.post(reverse("support:buddy_propose"), {"first": profile.pk, "second": profile.pk})
    assert "Kies twee verschillende mensen." in same.content.decode()
    client.force_login(profile.user)
    assert "Voorstel: een buddy" in client.get(reverse("dashboard:home")).content.decode()
