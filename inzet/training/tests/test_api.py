"""/api/training/…: the same permissions as the pages, two-step login included."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from inzet.accounts.models import ApiToken
from inzet.training.tests.access import course_for, profile_for


def _auth(user) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def course(orgs, expert):
    profile_for(orgs.deploying)
    return course_for(orgs.deploying, places=1)


def test_an_expert_lists_and_enrols_and_a_second_call_changes_nothing(client, course, expert):
    assert [c["title"] for c in client.get("/api/training/courses", **_auth(expert)).json()] == ["Actief luisteren"]
    url = f"/api/training/courses/{course.pk}/enrolment"
    first = client.post(url, **_auth(expert)).json()
    second = client.post(url, **_auth(expert)).json()
    assert first == second and first["status"] == "enrolled"
    assert client.delete(url, **_auth(expert)).json()["status"] == "withdrawn"


def test_askers_and_other_organisations_get_404(client, course, asker, other_coordinator):
    for user in (asker, other_coordinator):
        assert client.get(f"/api/training/courses/{course.pk}", **_auth(user)).status_code == 404
    assert client.get("/api/training/courses", **_auth(asker)).status_code == 404
    assert client.get("/api/training/courses", **_auth(other_coordinator)).json() == []


def test_staff_cannot_enrol_as_expert(client, course, trainer):
    assert client.post(f"/api/training/courses/{course.pk}/enrolment", **_auth(trainer)).status_code == 403


def test_two_step_login_applies_to_the_api(client, course, coordinator):
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    client.force_login(coordinator)  # password only, no code yet
    assert client.get("/api/training/courses").status_code == 403
