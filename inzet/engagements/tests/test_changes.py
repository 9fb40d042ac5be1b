"""Changing one's mind, on the record: change requests to the agreement, experts stepping back."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from inzet.engagements import changes, rules, services
from inzet.engagements.models import AgreementVersion, AuditEvent, Invitation, RequestStatus
from inzet.engagements.selectors import audit_lines
from inzet.engagements.tests import factories as f


@pytest.fixture
def emitted(monkeypatch):
    """What engagements told the notice listeners (the conversations app shows them in the app)."""
    from inzet.engagements import events

    seen = []
    monkeypatch.setattr(
        events, "LISTENERS", [*events.LISTENERS, lambda *, users, text, path: seen.append((list(users), text))]
    )
    return seen


@pytest.fixture
def ready(orgs, asker, coordinator, expert):
    """A request with its one seat filled and an agreement waiting for the asker."""
    request = f.matching(orgs, asker, coordinator, experts_needed=1)
    f.fill_seats(request, coordinator, [f.profile_for(expert, orgs.deploying)])
    f.with_agreement(request, coordinator)
    request.refresh_from_db()
    return request


# --- the asker asks for changes ---------------------------------------------------------------------


def test_the_asker_asks_for_a_change_then_accepts_the_second_version(ready, asker, coordinator):
    version = changes.agreement_change_request(engagement=ready, actor=asker, reason="Liever 10 uur in plaats van 12")
    assert version.number == 1
    with pytest.raises(ValidationError, match="aanpassing gevraagd"):
        services.agreement_accept(engagement=ready, actor=asker)
    services.agreement_save(engagement=ready, actor=coordinator, data={**f.AGREEMENT_DATA, "hours": Decimal("10.0")})
    versions = list(AgreementVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].change_reason == "Liever 10 uur in plaats van 12"
    assert versions[0].data["hours"] == "12.0" and versions[1].data["hours"] == "10.0"  # history kept
    services.agreement_accept(engagement=ready, actor=asker)
    ready.refresh_from_db()
    assert ready.status == RequestStatus.AGREED
    verbs = list(AuditEvent.objects.filter(request=ready).values_list("verb", flat=True))
    assert "agreement_change_requested" in verbs
    assert AuditEvent.objects.filter(request=ready, to_status=RequestStatus.AGREED, note__contains="2").exists()


def test_asking_twice_is_one_change_request(ready, asker):
    first = changes.agreement_change_request(engagement=ready, actor=asker, reason="Graag online")
    second = changes.agreement_change_request(engagement=ready, actor=asker, reason="Graag online")
    assert first.pk == second.pk
    assert AuditEvent.objects.filter(verb="agreement_change_requested").count() == 1


def test_a_change_request_needs_a_reason(ready, asker):
    with pytest.raises(ValidationError, match="Schrijf wat u anders wilt"):
        changes.agreement_change_request(engagement=ready, actor=asker, reason="  ")
    assert not AgreementVersion.objects.filter(change_requested_at__isnull=False).exists()


def test_saving_the_same_agreement_twice_makes_one_version(ready, coordinator):
    services.agreement_save(engagement=ready, actor=coordinator, data=f.AGREEMENT_DATA)
    assert AgreementVersion.objects.count() == 1


def test_a_new_version_without_changes_still_answers_a_change_request(ready, asker, coordinator):
    changes.agreement_change_request(engagement=ready, actor=asker, reason="Kan het goedkoper?")
    services.agreement_save(engagement=ready, actor=coordinator, data=f.AGREEMENT_DATA)  # "no, and here is why"
    assert AgreementVersion.objects.count() == 2
    services.agreement_accept(engagement=ready, actor=asker)


def test_the_coordinator_is_notified_of_a_change_request(
    ready, asker, coordinator, mailoutbox, django_capture_on_commit_callbacks, emitted
):
    with django_capture_on_commit_callbacks(execute=True):
        changes.agreement_change_request(engagement=ready, actor=asker, reason="Graag op dinsdag")
    assert emitted and coordinator in emitted[0][0] and "Graag op dinsdag" not in emitted[0][1]
    assert len(mailoutbox) == 1 and "Graag op dinsdag" not in mailoutbox[0].body


def test_the_asker_asks_on_the_page_and_sees_the_versions(client, ready, asker, coordinator):
    client.force_login(asker)
    url = reverse("engagements:agreement_change", args=[ready.pk])
    empty = client.post(url, {"reason": ""})
    assert "Schrijf wat u anders wilt" in empty.content.decode()
    assert client.post(url, {"reason": "Minder uren graag"}).status_code == 302
    services.agreement_save(engagement=ready, actor=coordinator, data={**f.AGREEMENT_DATA, "hours": Decimal("8.0")})
    page = client.get(reverse("engagements:detail", args=[ready.pk])).content.decode()
    assert "Versies van de afspraken" in page and "Minder uren graag" in page
    assert "Akkoord geven op versie 2" in page


# --- an expert steps back ---------------------------------------------------------------------------


def test_an_expert_steps_back_and_the_seat_is_free_again(ready, expert, coordinator, orgs):
    invitation = Invitation.objects.get(request=ready)
    changes.invitation_withdraw(invitation=invitation, actor=expert, reason="Het wordt me te zwaar")
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.WITHDRAWN
    assert rules.seats_left(ready.experts_needed, ready.invitations.filter(state="accepted").count()) == 1
    # The seat can be offered again, also to someone new.
    from conftest import make_person
    from inzet.organisations.models import Role

    other = make_person("nieuw@test.nl", "Nina Nieuw", [(orgs.deploying, Role.EXPERT)])
    new = f.invite(ready, f.profile_for(other, orgs.deploying), coordinator)
    assert new.state == Invitation.State.PENDING


def test_stepping_back_twice_is_harmless(ready, expert):
    invitation = Invitation.objects.get(request=ready)
    changes.invitation_withdraw(invitation=invitation, actor=expert)
    changes.invitation_withdraw(invitation=invitation, actor=expert)
    assert AuditEvent.objects.filter(verb="expert_withdrew").count() == 1


def test_the_reason_is_never_shown_to_the_asker(
    client, ready, expert, asker, coordinator, mailoutbox, django_capture_on_commit_callbacks, emitted
):
    invitation = Invitation.objects.get(request=ready)
    with django_capture_on_commit_callbacks(execute=True):
        changes.invitation_withdraw(invitation=invitation, actor=expert, reason="Mijn depressie speelt op")
    assert all("depressie" not in line.text for line in audit_lines(ready, for_staff=False))
    assert [(users, text) for users, text in emitted if asker in users] == []
    assert any(coordinator in users and "teruggetrokken" in text and "depressie" not in text for users, text in emitted)
    assert mailoutbox and all("depressie" not in m.body for m in mailoutbox)
    client.force_login(asker)
    assert "depressie" not in client.get(reverse("engagements:detail", args=[ready.pk])).content.decode()
    client.force_login(coordinator)
    assert "depressie" in client.get(reverse("engagements:detail", args=[ready.pk])).content.decode()


def test_after_the_askers_yes_the_request_goes_back_to_matching(orgs, asker, coordinator, expert):
    request = f.agreed(orgs, asker, coordinator, [f.profile_for(expert, orgs.deploying)])
    changes.invitation_withdraw(invitation=Invitation.objects.get(request=request), actor=expert)
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHING
    assert request.agreement.accepted_at is None


def test_once_running_stepping_back_goes_through_the_coordinator(orgs, asker, coordinator, expert):
    request = f.running(orgs, asker, coordinator, [f.profile_for(expert, orgs.deploying)])
    with pytest.raises(ValidationError, match="coördinator"):
        changes.invitation_withdraw(invitation=Invitation.objects.get(request=request), actor=expert)


def test_only_the_expert_can_step_back(ready, coordinator):
    with pytest.raises(PermissionDenied):
        changes.invitation_withdraw(invitation=Invitation.objects.get(request=ready), actor=coordinator)


def test_a_pending_invitation_cannot_be_withdrawn_as_if_accepted(orgs, asker, coordinator, expert):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, f.profile_for(expert, orgs.deploying), coordinator)
    with pytest.raises(ValidationError, match="nadat u ja heeft gezegd"):
        changes.invitation_withdraw(invitation=invitation, actor=expert)
