"""/api/conversations/…: the same rules as the pages."""

import pytest

from inzet.accounts.models import ApiToken
from inzet.engagements.tests import factories as f


def _auth(user) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test", made_after_two_step=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def engagement(orgs, asker, coordinator):
    return f.matching(orgs, asker, coordinator)


def test_the_asker_posts_and_the_coordinator_reads_over_the_api(client, engagement, asker, coordinator):
    url = f"/api/conversations/requests/{engagement.pk}/messages"
    body = {"body": "Wanneer is de eerste bijeenkomst?", "nonce": "api-1"}
    first = client.post(url, body, content_type="application/json", **_auth(asker))
    again = client.post(url, body, content_type="application/json", **_auth(asker))
    assert first.status_code == 201 and again.json()["id"] == first.json()["id"]
    read = client.get(url, **_auth(coordinator)).json()
    assert [m["body"] for m in read] == ["Wanneer is de eerste bijeenkomst?"]
    assert client.get("/api/conversations/unread", **_auth(coordinator)).json() == {"messages": 1, "notifications": 1}


def test_wrong_roles_get_404_or_403_over_the_api(
    client, engagement, coordinator, trainer, other_asker, operator, expert, orgs
):
    url = f"/api/conversations/requests/{engagement.pk}/messages"
    for person in (other_asker, operator, expert):
        assert client.get(url, **_auth(person)).status_code == 404
    body = {"body": "Mag ik?", "nonce": "api-2"}
    assert client.post(url, body, content_type="application/json", **_auth(trainer)).status_code == 403
    invitation = f.invite(engagement, f.profile_for(expert, orgs.deploying), coordinator)
    private = f"/api/conversations/invitations/{invitation.pk}/messages"
    assert client.get(private, **_auth(f.person("asker@test.nl"))).status_code == 404
    assert client.get(private, **_auth(expert)).status_code == 200


def test_an_empty_message_gets_422_with_a_dutch_message(client, engagement, asker):
    url = f"/api/conversations/requests/{engagement.pk}/messages"
    response = client.post(url, {"body": " ", "nonce": "api-3"}, content_type="application/json", **_auth(asker))
    assert response.status_code == 422 and "Schrijf een bericht" in response.json()["detail"]
