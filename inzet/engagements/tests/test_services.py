import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from inzet.engagements import rules, services
from inzet.engagements.models import AuditEvent, EngagementRequest, Invitation, RequestStatus
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Membership, Role


def test_a_coordinator_can_never_invite_themselves(coordinator, matching_request, orgs):
    Membership.objects.create(user=coordinator, organisation=orgs.deploying, role=Role.EXPERT)
    own_profile = ExpertProfile.objects.create(user=coordinator, organisation=orgs.deploying)
    with pytest.raises(PermissionDenied):
        services.invitation_create(engagement=matching_request, expert=own_profile, actor=coordinator)
    assert not Invitation.objects.exists()


def test_experts_of_another_organisation_cannot_be_invited(coordinator, matching_request, orgs, pool):
    pool[0].organisation = orgs.other_deploying
    pool[0].save()
    with pytest.raises(PermissionDenied):
        services.invitation_create(engagement=matching_request, expert=pool[0], actor=coordinator)


def test_a_paused_expert_cannot_be_invited(coordinator, matching_request, pool):
    pool[0].paused = True
    pool[0].save()
    with pytest.raises(ValidationError):
        services.invitation_create(engagement=matching_request, expert=pool[0], actor=coordinator)


def test_the_expert_gets_an_email_with_the_invitation(
    coordinator, matching_request, pool, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(engagement=matching_request, expert=pool[0], actor=coordinator)
    assert mailoutbox[0].to == ["pool0@test.nl"]


def test_seats_are_never_over_filled(coordinator, matching_request, pool):
    invitations = [services.invitation_create(engagement=matching_request, expert=p, actor=coordinator) for p in pool]
    services.invitation_respond(invitation=invitations[0], actor=pool[0].user, accept=True)
    services.invitation_respond(invitation=invitations[1], actor=pool[1].user, accept=True)
    with pytest.raises(services.SeatsFull):
        services.invitation_respond(invitation=invitations[2], actor=pool[2].user, accept=True)
    assert matching_request.invitations.filter(state=Invitation.State.ACCEPTED).count() == 2


def test_only_the_invited_expert_can_answer(coordinator, matching_request, pool):
    invitation = services.invitation_create(engagement=matching_request, expert=pool[0], actor=coordinator)
    with pytest.raises(PermissionDenied):
        services.invitation_respond(invitation=invitation, actor=coordinator, accept=True)


def test_declining_with_a_reason_is_recorded_and_frees_the_seat(coordinator, matching_request, pool):
    invitation = services.invitation_create(engagement=matching_request, expert=pool[0], actor=coordinator)
    services.invitation_respond(invitation=invitation, actor=pool[0].user, accept=False, reason="Te dichtbij")
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.DECLINED and invitation.reason == "Te dichtbij"


def test_invitations_expire_and_cannot_be_accepted_after(coordinator, matching_request, pool):
    invitation = services.invitation_create(engagement=matching_request, expert=pool[0], actor=coordinator, days=1)
    assert services.invitations_expire(now=timezone.now() + timedelta(days=2)) == 1
    invitation.refresh_from_db()
    with pytest.raises(ValidationError):
        services.invitation_respond(invitation=invitation, actor=pool[0].user, accept=True)


def test_a_reminder_goes_out_once_before_expiry(
    coordinator, matching_request, pool, mailoutbox, django_capture_on_commit_callbacks
):
    services.invitation_create(engagement=matching_request, expert=pool[0], actor=coordinator, days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_remind(now=timezone.now() + timedelta(days=1)) == 1
        assert services.invitations_remind(now=timezone.now() + timedelta(days=1)) == 0
    assert len(mailoutbox) == 1


def test_the_lifecycle_is_enforced_and_audited(asker, coordinator, orgs):
    request = EngagementRequest.objects.create(
        asker_organisation=orgs.asker, deploying_organisation=orgs.deploying, created_by=asker, title="T", goal="G"
    )
    with pytest.raises(ValidationError):
        services.request_start(engagement=request, actor=coordinator)
    services.request_submit(engagement=request, actor=asker)
    services.intake_review(
        engagement=request,
        actor=coordinator,
        answers={
            "fits_mission": True,
            "fits_mission_reason": "Ja",
            "has_expertise": True,
            "has_expertise_reason": "Ja",
            "conditions_ok": True,
            "conditions_ok_reason": "Eerlijke betaling",
            "decision": "accept",
        },
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHING
    verbs = list(AuditEvent.objects.filter(request=request, verb="status").values_list("from_status", "to_status"))
    assert verbs == [("draft", "submitted"), ("submitted", "intake"), ("intake", "matching")]


def test_asking_for_changes_needs_a_message_and_returns_the_draft(asker, coordinator, orgs):
    request = EngagementRequest.objects.create(
        asker_organisation=orgs.asker,
        deploying_organisation=orgs.deploying,
        created_by=asker,
        title="T",
        goal="G",
        status=RequestStatus.SUBMITTED,
    )
    answers = {
        "fits_mission": True,
        "fits_mission_reason": "Ja",
        "has_expertise": False,
        "has_expertise_reason": "Nee",
        "conditions_ok": False,
        "conditions_ok_reason": "Geen vergoeding",
        "decision": "changes",
    }
    with pytest.raises(ValidationError):
        services.intake_review(engagement=request, actor=coordinator, answers=answers)
    services.intake_review(
        engagement=request, actor=coordinator, answers={**answers, "message": "Bied een vergoeding."}
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.DRAFT


def test_the_state_machine_only_allows_listed_steps():
    assert rules.can_transition(rules.Status.DRAFT, rules.Status.SUBMITTED, rules.Actor.ASKER)
    assert not rules.can_transition(rules.Status.DRAFT, rules.Status.SUBMITTED, rules.Actor.COORDINATOR)
    assert not rules.can_transition(rules.Status.COMPLETED, rules.Status.CANCELLED, rules.Actor.ASKER)
    assert rules.next_steps(rules.Status.INTAKE, rules.Actor.COORDINATOR) == [
        rules.Status.MATCHING,
        rules.Status.CHANGES_REQUESTED,
        rules.Status.DECLINED,
        rules.Status.CANCELLED,
    ]


@pytest.mark.django_db(transaction=True)
def test_concurrent_accepts_never_over_fill_the_seats(asker, coordinator, orgs):
    from conftest import make_person

    request = EngagementRequest.objects.create(
        asker_organisation=orgs.asker,
        deploying_organisation=orgs.deploying,
        created_by=asker,
        title="T",
        goal="G",
        experts_needed=2,
        status=RequestStatus.MATCHING,
    )
    invitations = []
    for i in range(6):
        user = make_person(f"race{i}@test.nl", f"Race {i}", [(orgs.deploying, Role.EXPERT)])
        profile = ExpertProfile.objects.create(user=user, organisation=orgs.deploying)
        invitations.append(services.invitation_create(engagement=request, expert=profile, actor=coordinator))
    barrier = threading.Barrier(len(invitations))
    outcomes = []

    def accept(invitation):
        try:
            barrier.wait()
            services.invitation_respond(invitation=invitation, actor=invitation.expert.user, accept=True)
            outcomes.append("ok")
        except services.SeatsFull:
            outcomes.append("full")
        except Exception as exc:  # a lock timeout would show up here and fail the test
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(inv,)) for inv in invitations]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["full"] * 4 + ["ok"] * 2, outcomes
    assert request.invitations.filter(state=Invitation.State.ACCEPTED).count() == 2
