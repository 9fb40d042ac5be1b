"""Numbers beyond what the database holds (above 2⁶³) get a clear 404 or 422, never a 500."""

import pytest

from inzet.accounts.models import ApiToken

BIG = 2**63 + 5

GETS = [
    f"/api/organisations/{BIG}",
    f"/api/experts/{BIG}",
    f"/api/requests/{BIG}",
    f"/api/recruitment/applications/{BIG}",
    f"/api/matching/requests/{BIG}/ranking",
    f"/api/matching/requests/{BIG}/team",
    f"/api/invitations?limit={BIG}&offset={BIG}",
    f"/api/requests?offset={BIG}",
    f"/api/experts/me/access-log?offset={BIG}",
    f"/api/recruitment/applications?offset={BIG}&organisation_id={BIG}",
    f"/api/directory/experts?areas={BIG}&organisations={BIG}",
    f"/api/directory/experts?page={BIG}",
    f"/api/compensation/hours?assignment_id={BIG}",
    f"/api/compensation/expenses?assignment_id={BIG}",
]
POSTS = [
    ("/api/compensation/hours", {"assignment_id": BIG, "date": "2026-01-05", "hours": "2"}),
    (f"/api/compensation/hours/{BIG}/decision", {"decision": "approve"}),
    ("/api/requests", {"deploying_organisation_id": BIG, "title": "x", "goal": "y"}),
    (f"/api/invitations/{BIG}/respond", {"answer": "yes"}),
]


@pytest.fixture
def auth(coordinator, expert_profile):
    _token, raw = ApiToken.issue(user=coordinator, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize("url", GETS)
def test_a_huge_number_in_a_url_is_refused_clearly(client, auth, url):
    response = client.get(url, **auth)
    assert response.status_code in (404, 422), (url, response.status_code)
    assert isinstance(response.json()["detail"], str)


@pytest.mark.parametrize("url,body", POSTS)
def test_a_huge_number_in_a_body_is_refused_clearly(client, auth, url, body):
    response = client.post(url, body, content_type="application/json", **auth)
    assert response.status_code in (404, 422), (url, response.status_code)
