from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from inzet.engagements import services, tasks
from inzet.engagements.models import Invitation
from inzet.engagements.tests import factories as f


def test_the_daily_command_expires_and_reminds(asker, coordinator, orgs, pool, capsys):
    request = f.matching(orgs, asker, coordinator)
    soon = services.invitation_create(request=request, expert=pool[0], actor=coordinator, days=1)
    late = services.invitation_create(request=request, expert=pool[1], actor=coordinator)
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
    services.invitation_create(request=request, expert=pool[0], actor=coordinator, days=1)
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.invitations_housekeeping.enqueue()
    assert result.return_value == {"expired": 0, "reminded": 1}
    assert mail.outbox[-1].to == [pool[0].user.email] and "Herinnering" in mail.outbox[-1].subject
