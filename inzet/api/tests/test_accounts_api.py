import pytest

from inzet.accounts.models import ApiToken


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_schema_is_published(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/me" in paths and "/api/organisations/{pk}" in paths


def test_it_refuses_requests_without_a_key(client, db):
    assert client.get("/api/me").status_code == 401


def test_it_refuses_an_unknown_or_expired_key(client, expert):
    from datetime import timedelta

    from django.utils import timezone

    assert client.get("/api/me", HTTP_AUTHORIZATION="Bearer inz_nope").status_code == 401
    _token, raw = ApiToken.issue(user=expert, name="oud", expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_it_refuses_the_key_of_a_deactivated_person(client, expert):
    headers = _auth(expert)
    expert.is_active = False
    expert.save()
    assert client.get("/api/me", **headers).status_code == 401


def test_me_returns_the_person_and_their_roles(client, coordinator, orgs):
    response = client.get("/api/me", **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == "coordinator@test.nl"
    assert body["roles"] == [
        {"organisation_id": orgs.deploying.pk, "organisation_name": "Stichting Ervaring", "role": "coordinator"}
    ]


def test_a_logged_in_browser_session_can_read_the_api(client, expert):
    client.force_login(expert)
    assert client.get("/api/me").json()["email"] == "expert@test.nl"


@pytest.mark.parametrize(
    "persona,visible",
    [
        ("operator", {"platform", "ervaring", "andere", "gemeente", "andere-gemeente"}),
        ("coordinator", {"ervaring"}),
        ("asker", {"gemeente"}),
        ("outsider", set()),
    ],
)
def test_organisations_lists_only_what_the_person_may_see(client, personas, persona, visible):
    response = client.get("/api/organisations", **_auth(personas[persona]))
    assert {o["slug"] for o in response.json()} == visible


@pytest.mark.parametrize("persona", ["other_coordinator", "asker", "other_asker", "outsider"])
def test_the_wrong_role_gets_404_for_another_organisation(client, personas, orgs, persona):
    response = client.get(f"/api/organisations/{orgs.deploying.pk}", **_auth(personas[persona]))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}


def test_the_own_organisation_is_readable(client, coordinator, orgs):
    response = client.get(f"/api/organisations/{orgs.deploying.pk}", **_auth(coordinator))
    assert response.status_code == 200 and response.json()["name"] == "Stichting Ervaring"
