"""Check-ins and the early conversation: private words, a prompt for the coordinator, a pause that counts against nobody."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.experts.models import ExpertProfile
from inzet.support import selectors, services
from inzet.support.models import CheckIn, EarlyConversation, Outcome

TODAY = timezone.localdate()


def _check_in(profile, score, *, words="Ik slaap slecht na de opdracht", shared=False, nonce="c1"):
    return services.checkin_record(
        expert=profile, actor=profile.user, score=score, words=words, words_shared=shared, nonce=nonce
    )


def test_an_expert_checks_in_with_one_click_and_the_words_are_encrypted(client, profile):
    client.force_login(profile.user)
    page = client.get(reverse("support:checkin")).content.decode()
    nonce = page.split('name="nonce" value="')[1].split('"')[0]
    response = client.post(reverse("support:checkin"), {"score": "4", "nonce": nonce})
    assert response.status_code == 302
    assert client.post(reverse("support:checkin"), {"score": "4", "nonce": nonce}).status_code == 302
    assert CheckIn.objects.get().score == 4  # a double click saves once
    _check_in(profile, 2, nonce="c2")
    with connection.cursor() as cursor:
        cursor.execute("SELECT words FROM support_checkin WHERE nonce = 'c2'")
        assert "slaap" not in cursor.fetchone()[0]


def test_no_score_gives_a_dutch_message_and_keeps_the_words(client, profile):
    client.force_login(profile.user)
    response = client.post(reverse("support:checkin"), {"words": "Zwaar weekje", "nonce": "x1"})
    body = response.content.decode()
    assert response.status_code == 200 and "Kies een cijfer van 1 tot en met 5." in body and "Zwaar weekje" in body
    assert not CheckIn.objects.exists()


def test_nobody_checks_in_for_someone_else(profile, coordinator):
    with pytest.raises(PermissionDenied):
        services.checkin_record(expert=profile, actor=coordinator, score=1, nonce="c9")


def test_a_score_outside_the_scale_is_refused(profile):
    with pytest.raises(ValidationError):
        _check_in(profile, 7)


def test_a_low_score_prompts_the_coordinator_without_the_words(client, profile, coordinator, trainer):
    _check_in(profile, 2)
    client.force_login(coordinator)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "Bied een gesprek aan" in home
    team = client.get(reverse("support:team")).content.decode()
    assert "Eef Expert" in team and "slaap" not in team and "niet deelt" in team
    # A trainer is not the coordinator: no prompt, no check-ins.
    client.force_login(trainer)
    assert "niet goed gaat" not in client.get(reverse("support:team")).content.decode()


def test_shared_words_reach_the_coordinator(client, profile, coordinator, other_coordinator):
    _check_in(profile, 1, shared=True)
    client.force_login(coordinator)
    assert "slaap" in client.get(reverse("support:team")).content.decode()
    client.force_login(other_coordinator)
    assert "Eef Expert" not in client.get(reverse("support:team")).content.decode()


def test_a_good_score_prompts_nobody(profile, coordinator):
    _check_in(profile, 3)
    assert selectors.open_low_checkins(coordinator).count() == 0


def test_the_early_conversation_with_a_pause_sets_the_profiles_pause_and_answers_the_prompt(
    client, profile, coordinator
):
    check_in = _check_in(profile, 1)
    client.force_login(coordinator)
    url = reverse("support:early_conversation", args=[profile.pk]) + f"?check_in={check_in.pk}"
    until = TODAY + dt.timedelta(days=30)
    response = client.post(
        url, {"held_on": TODAY.isoformat(), "outcome": "pause", "pause_until": until.isoformat(), "nonce": "e1"}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.paused and profile.paused_until == until
    conversation = EarlyConversation.objects.get()
    assert conversation.check_in == check_in and conversation.outcome == Outcome.PAUSE
    assert selectors.open_low_checkins(coordinator).count() == 0


def test_continue_ends_a_pause_and_stop_pauses_without_an_end(profile, coordinator):
    ExpertProfile.objects.filter(pk=profile.pk).update(paused=True)
    profile.refresh_from_db()
    services.early_conversation_record(
        actor=coordinator, expert=profile, held_on=TODAY, outcome=Outcome.CONTINUE, nonce="e1"
    )
    profile.refresh_from_db()
    assert not profile.paused
    services.early_conversation_record(
        actor=coordinator, expert=profile, held_on=TODAY, outcome=Outcome.STOP, nonce="e2"
    )
    profile.refresh_from_db()
    assert profile.paused and profile.paused_until is None


def test_a_pause_that_ends_before_the_talk_is_refused_in_dutch(client, profile, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("support:early_conversation", args=[profile.pk]),
        {
            "held_on": TODAY.isoformat(),
            "outcome": "pause",
            "pause_until": TODAY.isoformat(),
            "notes": "Rust",
            "nonce": "e1",
        },
    )
    body = response.content.decode()
    assert (
        response.status_code == 200
        and "Kies voor het einde van de pauze een datum na het gesprek." in body
        and "Rust" in body
    )
    assert not EarlyConversation.objects.exists()


def test_only_a_coordinator_of_the_organisation_records_an_early_conversation(profile, trainer, other_coordinator):
    for person in (trainer, other_coordinator):
        with pytest.raises(PermissionDenied):
            services.early_conversation_record(
                actor=person, expert=profile, held_on=TODAY, outcome=Outcome.CONTINUE, nonce=f"x{person.pk}"
            )


def test_the_expert_sees_their_own_check_ins_and_outcomes(client, profile, coordinator):
    _check_in(profile, 2)
    services.early_conversation_record(
        actor=coordinator, expert=profile, held_on=TODAY, outcome=Outcome.CONTINUE, notes="geheim", nonce="e1"
    )
    client.force_login(profile.user)
    body = client.get(reverse("support:mine")).content.decode()
    assert "slaap" in body and "Doorgaan" in body


def test_after_a_pause_the_ranking_and_scores_are_unchanged(orgs, asker, coordinator):
    """A pause counts against nobody (002 TIP 7): once it ends, matching ranks the expert exactly as before."""
    from inzet.matching import selectors as matching
    from inzet.matching.tests.conftest import make_expert, make_request

    request = make_request(orgs, asker, coordinator)
    paused = make_expert(orgs.deploying, name="Pien Pauze", areas={"poverty_debt": 1, "addiction": 1})
    others = [make_expert(orgs.deploying, name=f"Ander {i}") for i in range(3)]

    def ranking():
        pool = matching.candidate_set(request, coordinator)
        return [(m.expert_id, m.score) for m in matching.rank(pool, coordinator)]

    before = ranking()
    assert paused.pk in [pk for pk, _score in before]
    services.early_conversation_record(
        actor=coordinator,
        expert=paused,
        held_on=TODAY,
        outcome=Outcome.TEMPORARY_STOP,
        pause_until=TODAY + dt.timedelta(days=60),
        nonce="p1",
    )
    during = ranking()
    assert paused.pk not in [pk for pk, _score in during]
    assert {pk for pk, _ in during} == {o.pk for o in others} & {pk for pk, _ in before}
    paused.refresh_from_db()
    services.early_conversation_record(
        actor=coordinator, expert=paused, held_on=TODAY, outcome=Outcome.CONTINUE, nonce="p2"
    )
    assert ranking() == before


def test_an_expert_checks_in_about_an_assignment_of_their_own(client, orgs, profile, stranger, asker, coordinator):
    from inzet.compensation.tests import factories as f

    request = f.engagement(orgs, asker=asker)
    mine = f.assignment(orgs, expert=profile.user, asker=asker, request=request)
    client.force_login(profile.user)
    page = client.get(reverse("support:checkin"), {"opdracht": mine.pk}).content.decode()
    assert request.title in page
    client.post(reverse("support:checkin"), {"score": "3", "invitation": mine.pk, "nonce": "a1"})
    assert CheckIn.objects.get().invitation == mine
    assert request.title in client.get(reverse("support:mine")).content.decode()
    with pytest.raises(PermissionDenied):
        services.checkin_record(expert=stranger, actor=stranger.user, score=3, invitation=mine, nonce="a2")
