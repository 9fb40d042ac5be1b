"""The kennismaking before the work: plan it, then go / no-go per side; no work before a go."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from inzet.engagements import calendar, introductions, services
from inzet.engagements.models import Introduction, Invitation, RequestStatus
from inzet.engagements.tests import factories as f
from inzet.lib.idempotency import new_token


@pytest.fixture
def asked(orgs, asker, coordinator, expert):
    """A matching request that asks for a kennismaking; the expert persona said yes."""
    request = f.matching(orgs, asker, coordinator, experts_needed=1, getting_to_know=True)
    invitation = f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    request.refresh_from_db()
    return request, invitation


def _plan(request, actor, coordinator, *, days=-1, **extra):
    start = timezone.now() + dt.timedelta(days=days)
    data = {"online": False, "location": "Stadhuis, kamer 3", "link": "", **extra}
    return introductions.introduction_plan(
        engagement=request,
        actor=actor,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        coordinator=coordinator,
        **data,
    )


def test_without_a_kennismaking_nothing_changes(orgs, asker, coordinator, expert):
    request = f.running(orgs, asker, coordinator, [f.profile_for(expert, orgs.deploying)])
    assert request.status == RequestStatus.RUNNING
    assert introductions.status(request) == {"required": False, "cleared": True, "next": ""}


def test_planning_tells_everyone_and_a_double_submit_tells_nobody_twice(asked, asker, coordinator, expert):
    request, _invitation = asked
    mail.outbox.clear()
    with_commit = _plan(request, asker, coordinator, days=3)
    assert introductions.status(request)["next"] == "hold"
    again = _plan(request, asker, coordinator, days=3)
    assert again.pk == with_commit.pk and Introduction.objects.count() == 1
    people = {a.pk for a in introductions.attendees(request, with_commit)}
    assert {asker.pk, coordinator.pk, expert.pk} <= people


def test_planning_needs_a_place_or_a_link_in_dutch(asked, asker, coordinator):
    request, _invitation = asked
    with pytest.raises(ValidationError) as exc:
        _plan(request, asker, coordinator, online=True)
    assert "Vul de link in" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        _plan(request, asker, coordinator, location="")
    assert "Vul in waar" in str(exc.value)


def test_only_the_asker_or_a_coordinator_plans(asked, trainer, expert, coordinator):
    request, _invitation = asked
    for person in (trainer, expert):
        with pytest.raises(PermissionDenied):
            _plan(request, person, coordinator)


def test_not_asked_means_no_planning(orgs, asker, coordinator, expert):
    request = f.matching(orgs, asker, coordinator, experts_needed=1)
    f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    with pytest.raises(ValidationError):
        _plan(request, asker, coordinator)


def test_no_hours_and_no_start_before_everyone_said_go(asked, asker, coordinator, expert):
    request, invitation = asked
    f.with_agreement(request, coordinator)
    services.agreement_accept(engagement=request, actor=asker)
    request.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.request_start(engagement=request, actor=coordinator)
    assert "kennismaking" in str(exc.value)
    _plan(request, coordinator, coordinator)
    assert introductions.status(request)["next"] == "outcome"
    introductions.introduction_outcome(engagement=request, actor=asker, go=True)
    assert not introductions.status(request)["cleared"]
    outcome = introductions.introduction_outcome(engagement=request, actor=expert, go=True, invitation=invitation)
    # a double submit returns the same outcome
    assert (
        introductions.introduction_outcome(engagement=request, actor=expert, go=True, invitation=invitation) == outcome
    )
    assert introductions.status(request)["cleared"]
    services.request_start(engagement=request, actor=coordinator)
    request.refresh_from_db()
    assert request.status == RequestStatus.RUNNING


def test_no_outcome_before_it_was_held(asked, asker, coordinator):
    request, _invitation = asked
    _plan(request, asker, coordinator, days=2)
    with pytest.raises(ValidationError):
        introductions.introduction_outcome(engagement=request, actor=asker, go=True)


def test_a_no_go_needs_a_reason_and_an_experts_no_go_frees_the_seat(asked, asker, coordinator, expert):
    request, invitation = asked
    _plan(request, asker, coordinator)
    with pytest.raises(ValidationError) as exc:
        introductions.introduction_outcome(engagement=request, actor=expert, go=False, invitation=invitation)
    assert "Schrijf kort waarom" in str(exc.value)
    introductions.introduction_outcome(
        engagement=request, actor=expert, go=False, reason="Het klikte niet", invitation=invitation
    )
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.WITHDRAWN
    assert "Het klikte niet" not in " ".join(request.audit.values_list("note", flat=True))


def test_someone_else_cannot_give_an_experts_outcome(asked, asker, trainer, coordinator):
    request, invitation = asked
    _plan(request, asker, coordinator)
    for person in (asker, trainer):
        with pytest.raises(PermissionDenied):
            introductions.introduction_outcome(engagement=request, actor=person, go=True, invitation=invitation)
    # a coordinator may, on the expert's behalf
    assert introductions.introduction_outcome(engagement=request, actor=coordinator, go=True, invitation=invitation).go


def test_the_kennismaking_is_in_the_calendar_feed_of_those_who_attend(asked, asker, coordinator, expert, outsider):
    request, _invitation = asked
    _plan(request, asker, coordinator, days=2)
    assert introductions.feed_events in calendar.FEED_SOURCES
    for person in (asker, coordinator, expert):
        assert len(introductions.feed_events(person)) == 1
    assert introductions.feed_events(outsider) == []


# --- the page ---------------------------------------------------------------------------------------


def _url(request):
    return reverse("engagements:introduction", args=[request.pk])


def test_the_request_page_shows_the_kennismaking_as_the_next_step(client, asked, asker):
    request, _invitation = asked
    client.force_login(asker)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "de kennismaking plannen" in body and _url(request) in body


def test_the_asker_plans_on_the_page_and_bad_input_gets_a_dutch_message(client, asked, asker, coordinator):
    request, _invitation = asked
    client.force_login(asker)
    day = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    bad = {"action": "plan", "day": day, "start": "14:00", "end": "13:00", "coordinator": coordinator.pk}
    response = client.post(_url(request), {**bad, "idempotency_token": new_token()})
    assert response.status_code == 200 and "De eindtijd ligt na de begintijd." in response.content.decode()
    assert not Introduction.objects.exists()
    good = {**bad, "end": "15:00", "location": "Stadhuis"}
    response = client.post(_url(request), {**good, "idempotency_token": new_token()})
    assert response.status_code == 302 and Introduction.objects.get().location == "Stadhuis"


def test_the_expert_gives_their_outcome_on_the_page(client, asked, asker, coordinator, expert):
    request, invitation = asked
    _plan(request, asker, coordinator)
    client.force_login(expert)
    body = client.get(_url(request)).content.decode()
    assert "Uitkomst voor" in body
    response = client.post(
        _url(request), {"action": "outcome", "side": "asker", "go": "1", "idempotency_token": new_token()}
    )
    assert response.status_code == 403  # the expert cannot speak for the asker
    response = client.post(
        _url(request),
        {"action": "outcome", "side": str(invitation.pk), "go": "0", "idempotency_token": new_token()},
    )
    assert "Schrijf kort waarom" in response.content.decode()


def test_the_page_keeps_a_bounded_number_of_queries(client, asked, asker, coordinator, django_assert_max_num_queries):
    request, _invitation = asked
    _plan(request, asker, coordinator)
    client.force_login(coordinator)
    with django_assert_max_num_queries(30):
        assert client.get(_url(request)).status_code == 200


def test_the_reason_of_a_no_go_is_for_coordinators_only(client, asked, asker, coordinator, expert):
    request, _invitation = asked
    _plan(request, asker, coordinator)
    introductions.introduction_outcome(engagement=request, actor=asker, go=False, reason="Te weinig tijd bij ons")
    client.force_login(asker)
    assert "Te weinig tijd bij ons" not in client.get(_url(request)).content.decode()
    client.force_login(coordinator)
    assert "Te weinig tijd bij ons" in client.get(_url(request)).content.decode()


def test_the_asker_does_not_see_the_experts_names(client, asked, asker, coordinator, expert):
    request, _invitation = asked
    _plan(request, asker, coordinator)
    name = expert.get_full_name()
    assert name
    client.force_login(asker)
    assert name not in client.get(_url(request)).content.decode()
    client.force_login(coordinator)
    assert name in client.get(_url(request)).content.decode()
