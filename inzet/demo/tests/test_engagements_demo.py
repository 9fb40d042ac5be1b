from inzet.demo.data import load_demo
from inzet.demo.engagements import load_engagements_demo
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus


def test_the_demo_has_requests_in_every_stage_and_loads_once(db, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
        load_engagements_demo()  # once inzet/demo/data.py calls it, this second call adds nothing
    statuses = {r.status for r in EngagementRequest.objects.all()}
    assert {
        RequestStatus.DRAFT,
        RequestStatus.SUBMITTED,
        RequestStatus.MATCHING,
        RequestStatus.RUNNING,
        RequestStatus.COMPLETED,
    } <= statuses
    assert Invitation.objects.filter(expert__user__email="expert@example.org", state="pending").exists()
    assert Invitation.objects.filter(
        expert__user__email="expert@example.org", state="accepted", request__status="running"
    ).exists()
    assert mailoutbox == []  # building the demo mails nobody
    count = EngagementRequest.objects.count()
    assert load_engagements_demo() == []
    assert EngagementRequest.objects.count() == count >= 6
