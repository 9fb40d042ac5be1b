"""/api/support/meetings: plan, sign up, attendance, reflection with the same rules as the pages."""

import datetime as dt

import pytest
from django.utils import timezone

from inzet.accounts.models import ApiToken
from inzet.support.models import Meeting, MeetingSeat

JSON = "application/json"


def _auth(user) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test", made_after_two_step=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _payload(orgs, **extra) -> dict:
    start = timezone.now() + dt.timedelta(days=5)
    return {
        "organisation_id": orgs.deploying.pk,
        "kind": "intervision",
        "title": "Intervisie mei",
        "starts_at": start.isoformat(),
        "ends_at": (start + dt.timedelta(hours=2)).isoformat(),
        "location": "Buurthuis",
        "nonce": "api-m1",
        **extra,
    }


def test_a_trainer_plans_once_per_nonce_and_the_expert_signs_up(client, orgs, trainer, profile, fellow):
    for _ in range(2):
        response = client.post("/api/support/meetings", _payload(orgs), content_type=JSON, **_auth(trainer))
        assert response.status_code == 201
    assert Meeting.objects.count() == 1
    body = response.json()
    assert sorted(s["expert_name"] for s in body["seats"]) == ["Eef Expert", "Fien Fellow"]
    meeting_id = body["id"]

    expert = profile.user
    listing = client.get("/api/support/meetings", **_auth(expert)).json()
    assert [(m["id"], m["my_seat"]["state"], m["seats"]) for m in listing] == [(meeting_id, "invited", None)]
    response = client.post(
        f"/api/support/meetings/{meeting_id}/signup", {"coming": True}, content_type=JSON, **_auth(expert)
    )
    assert response.status_code == 200 and response.json()["my_seat"]["state"] == "signed_up"
    detail = client.get(f"/api/support/meetings/{meeting_id}", **_auth(expert)).json()
    assert detail["seats"] is None and detail["reflection"] is None  # an expert sees only their own seat


def test_attendance_and_reflection_after_the_start(client, orgs, trainer, profile, fellow, coordinator):
    meeting_id = client.post("/api/support/meetings", _payload(orgs), content_type=JSON, **_auth(trainer)).json()["id"]
    seat = MeetingSeat.objects.get(meeting_id=meeting_id, expert=profile)
    url = f"/api/support/meetings/{meeting_id}/attendance"
    early = client.post(url, {"present": [seat.pk]}, content_type=JSON, **_auth(trainer))
    assert early.status_code == 422 and "begonnen" in early.json()["detail"]
    Meeting.objects.filter(pk=meeting_id).update(
        starts_at=timezone.now() - dt.timedelta(hours=3), ends_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert client.post(url, {"present": [seat.pk]}, content_type=JSON, **_auth(profile.user)).status_code == 403
    response = client.post(url, {"present": [seat.pk]}, content_type=JSON, **_auth(coordinator))
    assert response.status_code == 200
    assert {s["expert_name"]: s["attended"] for s in response.json()["seats"]} == {
        "Eef Expert": True,
        "Fien Fellow": False,
    }
    reflection = f"/api/support/meetings/{meeting_id}/reflection"
    assert client.post(reflection, {"text": "Goed"}, content_type=JSON, **_auth(coordinator)).status_code == 403
    response = client.post(reflection, {"text": "Open gesprek"}, content_type=JSON, **_auth(trainer))
    assert response.status_code == 200 and response.json()["reflection"] == "Open gesprek"


def test_bad_input_gets_a_dutch_message_and_plans_nothing(client, orgs, trainer, profile):
    start = timezone.now() + dt.timedelta(days=5)
    bad = _payload(orgs, ends_at=(start - dt.timedelta(hours=1)).isoformat(), starts_at=start.isoformat())
    response = client.post("/api/support/meetings", bad, content_type=JSON, **_auth(trainer))
    assert response.status_code == 422 and "Kies een eindtijd na de begintijd." in response.json()["detail"]
    response = client.post("/api/support/meetings", _payload(orgs, kind="feest"), content_type=JSON, **_auth(trainer))
    assert response.status_code == 422 and "soort" in response.json()["detail"]
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("persona", ["asker", "operator", "outsider", "other_coordinator", "expert"])
def test_others_neither_plan_nor_see_the_meeting(client, orgs, trainer, profile, personas, persona):
    meeting_id = client.post("/api/support/meetings", _payload(orgs), content_type=JSON, **_auth(trainer)).json()["id"]
    user = personas[persona]
    if persona == "expert":  # invited, but not staff: cannot plan
        response = client.post("/api/support/meetings", _payload(orgs, nonce="x"), content_type=JSON, **_auth(user))
        assert response.status_code == 404
        return
    assert client.get(f"/api/support/meetings/{meeting_id}", **_auth(user)).status_code == 404
    listing = client.get("/api/support/meetings", **_auth(user))
    assert listing.status_code == 404 or listing.json() == []
    response = client.post(
        f"/api/support/meetings/{meeting_id}/signup", {"coming": True}, content_type=JSON, **_auth(user)
    )
    assert response.status_code == 404
