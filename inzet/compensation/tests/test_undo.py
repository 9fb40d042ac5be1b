"""A coordinator undoes an approval of hours or expenses, only while they are in no settlement."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inzet.compensation.models import EntryState
from inzet.compensation.tests import factories as f
from inzet.compensation.undo import approval_undo
from inzet.engagements.models import AuditEvent


@pytest.fixture
def invitation(orgs, expert, asker):
    return f.assignment(orgs, expert=expert, asker=asker)


def test_undoing_an_approval_puts_the_row_back_to_waiting(invitation, coordinator, expert, monkeypatch):
    from inzet.engagements import events

    seen = []
    monkeypatch.setattr(events, "LISTENERS", [lambda *, users, text, path: seen.append(list(users))])
    entry = f.approved_hours(invitation, coordinator, "3")
    approval_undo(entry=entry, actor=coordinator, reason="Verkeerde datum")
    entry.refresh_from_db()
    assert entry.state == EntryState.SUBMITTED and entry.decided_by is None
    event = AuditEvent.objects.get(verb="approval_undone")
    assert "Verkeerde datum" in event.note and event.request_id == invitation.request_id
    assert seen == [[expert]]


def test_undoing_twice_is_one_undo(invitation, coordinator):
    entry = f.approved_expense(invitation, coordinator, "9.80")
    approval_undo(entry=entry, actor=coordinator, reason="Bon klopt niet")
    approval_undo(entry=entry, actor=coordinator, reason="Bon klopt niet")
    assert AuditEvent.objects.filter(verb="approval_undone").count() == 1


def test_a_settled_row_cannot_be_undone(orgs, expert, asker, coordinator):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator)
    entry = settlement.items.exclude(hour_entry=None).get().hour_entry
    with pytest.raises(ValidationError, match="afrekening"):
        approval_undo(entry=entry, actor=coordinator, reason="Toch niet")
    entry.refresh_from_db()
    assert entry.state == EntryState.APPROVED
    assert not AuditEvent.objects.filter(verb="approval_undone").exists()


def test_a_reason_is_required(invitation, coordinator):
    entry = f.approved_hours(invitation, coordinator, "2")
    with pytest.raises(ValidationError, match="waarom"):
        approval_undo(entry=entry, actor=coordinator, reason=" ")


def test_the_expert_cannot_undo_their_own(invitation, coordinator, expert):
    entry = f.approved_hours(invitation, coordinator, "2")
    with pytest.raises(PermissionDenied):
        approval_undo(entry=entry, actor=expert, reason="x")


def test_the_coordinator_undoes_on_the_page(client, invitation, coordinator):
    from django.urls import reverse

    entry = f.approved_hours(invitation, coordinator, "2")
    client.force_login(coordinator)
    page = client.get(reverse("compensation:assignment", args=[invitation.pk])).content.decode()
    assert reverse("compensation:hours_undo", args=[entry.pk]) in page
    response = client.post(reverse("compensation:hours_undo", args=[entry.pk]), {"reason": "Dubbel geschreven"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.state == EntryState.SUBMITTED
