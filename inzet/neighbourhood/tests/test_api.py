"""/api/neighbourhood: the rules of the pages, two-step login, Idempotency-Key on writes."""

import datetime
import uuid

import pytest
from django.utils import timezone

from inzet.accounts.models import ApiToken
from inzet.neighbourhood import casework, services
from inzet.neighbourhood.models import Contact, ResidentReadLog

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _auth(user, *, two_step=True) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test", made_after_two_step=two_step)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def trajectory(team, expert):
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="phone", question="Ik wil weer fietsen"
    )
    return trajectory


def test_a_member_lists_and_reads_a_trajectory_and_the_read_is_logged(client, trajectory, expert):
    response = client.get("/api/neighbourhood/trajectories", **_auth(expert))
    assert response.status_code == 200
    assert [t["id"] for t in response.json()] == [trajectory.pk] and "question" not in response.json()[0]
    response = client.get(f"/api/neighbourhood/trajectories/{trajectory.pk}", **_auth(expert))
    assert response.status_code == 200 and response.json()["question"] == "Ik wil weer fietsen"
    assert ResidentReadLog.objects.filter(user=expert, item="api_trajectory").count() == 1


@pytest.mark.parametrize("persona", ["operator", "other_coordinator", "trainer", "asker", "outsider"])
def test_nobody_outside_the_team_sees_or_writes_anything(client, trajectory, personas, persona):
    user = personas[persona]
    assert client.get("/api/neighbourhood/trajectories", **_auth(user)).json() == []
    assert client.get(f"/api/neighbourhood/trajectories/{trajectory.pk}", **_auth(user)).status_code == 404
    response = client.post(
        f"/api/neighbourhood/trajectories/{trajectory.pk}/contacts",
        {"on": "2026-01-05", "kind": "phone"},
        content_type=JSON,
        **_auth(user),
    )
    assert response.status_code == 404 and not Contact.objects.exists()
    assert client.get(f"/api/neighbourhood/teams/{trajectory.team_id}/overview", **_auth(user)).status_code == 404


def test_a_contact_is_logged_once_per_idempotency_key(client, trajectory, expert):
    headers = {**_auth(expert), "HTTP_IDEMPOTENCY_KEY": str(uuid.uuid4())}
    body = {"on": "2026-01-05", "kind": "in_person", "minutes": 30, "note": "Samen gefietst"}
    for _ in range(2):
        response = client.post(
            f"/api/neighbourhood/trajectories/{trajectory.pk}/contacts", body, content_type=JSON, **headers
        )
        assert response.status_code == 201
    assert Contact.objects.filter(trajectory=trajectory).count() == 1
    assert Contact.objects.get().note == "Samen gefietst"


def test_a_bad_contact_gets_a_clear_message_and_saves_nothing(client, trajectory, expert):
    response = client.post(
        f"/api/neighbourhood/trajectories/{trajectory.pk}/contacts",
        {"on": "gisteren", "kind": "fax"},
        content_type=JSON,
        **_auth(expert),
    )
    assert response.status_code == 422 and "on" in response.json()["detail"]
    assert not Contact.objects.exists()


def test_a_key_made_before_two_step_login_is_refused_when_enforced(client, trajectory, expert, settings):
    settings.TWO_FACTOR_ENFORCED = True
    response = client.get("/api/neighbourhood/trajectories", **_auth(expert, two_step=False))
    assert response.status_code == 403 and response.json()["detail"] == "Two-step login required"


def test_the_overview_is_for_the_coordinator_and_an_expert_gets_403(client, trajectory, expert, coordinator):
    response = client.get(f"/api/neighbourhood/teams/{trajectory.team_id}/overview", **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert body["open_trajectories"] == 1 and body["caseload"] == {str(expert.pk): 1}
    assert "too_few_experts" in body["warnings"]
    assert client.get(f"/api/neighbourhood/teams/{trajectory.team_id}/overview", **_auth(expert)).status_code == 403


def test_a_case_meeting_is_for_its_participants_only(client, trajectory, expert, coordinator):
    meeting, _ = casework.case_meeting_plan(
        trajectory=trajectory,
        by=expert,
        request_key=uuid.uuid4(),
        planned_for=timezone.now() + datetime.timedelta(days=1),
        participants=[],
    )
    casework.case_meeting_record(meeting=meeting, record="Afspraken gemaakt")
    response = client.get(f"/api/neighbourhood/case-meetings/{meeting.pk}", **_auth(expert))
    assert response.status_code == 200 and response.json()["record"] == "Afspraken gemaakt"
    assert client.get(f"/api/neighbourhood/case-meetings/{meeting.pk}", **_auth(coordinator)).status_code == 404
