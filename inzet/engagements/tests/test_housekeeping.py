import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.engagements import services, tasks
from inzet.engagements.models import Invitation
from inzet.engagements.tests import factories as f


def test_the_daily_command_expires_and_reminds(asker, coordinator, orgs, pool, capsys):
    request = f.matching(orgs, asker, coordinator)
    soon = services.invitation_create(engagement=request, expert=pool[0], actor=coordinator, days=1)
    late = services.invitation_create(engagement=request, expert=pool[1], actor=coordinator)
    Invitation.objects.filter(pk=late.pk).update(expires_at=timezone.now() - timedelta(minutes=5))
    call_command("inzet_invitations")
    assert capsys.readouterr().out.strip() == "expired=1 reminded=1"
    soon.refresh_from_db()
    late.refresh_from_db()
    assert late.state == Invitation.State.EXPIRED and soon.reminded_at is not None
    call_command("inzet_invitations")
    assert capsys.readouterr().out.strip() == "expired=0 reminded=0"


def test_the_task_does_the_same_and_sends_the_reminder(
    asker, coordinator, orgs, pool, django_capture_on_commit_callbacks
):
    request = f.matching(orgs, asker, coordinator)
    services.invitation_create(engagement=request, expert=pool[0], actor=coordinator, days=1)
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.invitations_housekeeping.enqueue()
    assert result.return_value == {"expired": 0, "reminded": 1}
    assert mail.outbox[-1].to == [pool[0].user.email] and "Herinnering" in mail.outbox[-1].subject


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_reminder_once_and_expire_each_invitation_once(
    asker, coordinator, orgs, pool, monkeypatch
):
    """Cron and the worker (or the coordinator's button) start together. Both read the due rows
    before either writes, the worst order; each row still goes to one run only."""
    request = f.matching(orgs, asker, coordinator, experts_needed=3)
    due = [services.invitation_create(engagement=request, expert=p, actor=coordinator, days=1) for p in pool[:2]]
    gone = services.invitation_create(engagement=request, expert=pool[2], actor=coordinator)
    Invitation.objects.filter(pk=gone.pk).update(expires_at=timezone.now() - timedelta(minutes=5))
    mail.outbox.clear()

    both_have_read = threading.Barrier(2, timeout=30)
    read = services._due_reminders

    def read_then_wait(**kwargs):
        rows = read(**kwargs)
        both_have_read.wait()
        return rows

    monkeypatch.setattr(services, "_due_reminders", read_then_wait)
    results, errors = [], []

    def run():
        try:
            results.append(services.invitations_housekeeping())
        except Exception as exc:  # a lock timeout or a broken barrier fails the test below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(r["reminded"] for r in results) == 2
    assert sum(r["expired"] for r in results) == 1
    reminders = sorted(m.to[0] for m in mail.outbox if "Herinnering" in m.subject)
    assert reminders == sorted(i.expert.user.email for i in due)
    assert Invitation.objects.filter(pk__in=[i.pk for i in due], reminded_at__isnull=True).count() == 0


def test_a_reminder_claimed_by_another_run_is_not_sent_again(asker, coordinator, orgs, pool, monkeypatch):
    request = f.matching(orgs, asker, coordinator)
    invitation = services.invitation_create(engagement=request, expert=pool[0], actor=coordinator, days=1)
    read = services._due_reminders

    def read_then_other_run_claims(**kwargs):
        rows = read(**kwargs)
        Invitation.objects.filter(pk=invitation.pk).update(reminded_at=timezone.now())
        return rows

    monkeypatch.setattr(services, "_due_reminders", read_then_other_run_claims)
    mail.outbox.clear()
    assert services.invitations_remind() == 0
    assert mail.outbox == []


def test_the_reminder_links_to_the_invitation_page(asker, coordinator, orgs, pool, django_capture_on_commit_callbacks):
    request = f.matching(orgs, asker, coordinator)
    invitation = services.invitation_create(engagement=request, expert=pool[0], actor=coordinator, days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_remind()
    assert reverse("engagements:invitation", args=[invitation.pk]) in mail.outbox[-1].body
