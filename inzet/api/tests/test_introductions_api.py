"""The kennismaking over the API: same rules as the page, Idempotency-Key against retries."""

import datetime as dt

import pytest
from django.utils import timezone

from inzet.accounts.models import ApiToken
from inzet.engagements.models import Introduction, Invitation
from inzet.engagements.tests import factories as f


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def asked(orgs, asker, coordinator, expert):
    request = f.matching(orgs, asker, coordinator, experts_needed=1, getting_to_know=True)
    invitation = f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    return request, invitation


def _plan_body(coordinator, days=-1):
    start = timezone.now() + dt.timedelta(days=days)
    return {
        "starts_at": start.isoformat(),
        "ends_at": (start + dt.timedelta(hours=1)).isoformat(),
        "online": True,
        "link": "https://meet.example.nl/kennismaking",
        "coordinator": coordinator.pk,
    }


def _post(client, url, user, data, key=None, auth=None):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(url, data, content_type="application/json", **(auth or _auth(user)), **headers)


def test_the_asker_plans_once_even_when_the_client_retries(client, asked, asker, coordinator):
    request, _invitation = asked
    url = f"/api/requests/{request.pk}/introduction"
    body = _plan_body(coordinator, days=2)
    auth = _auth(asker)  # one API key, as a client retrying would send
    first = _post(client, url, asker, body, key="plan-1", auth=auth)
    again = _post(client, url, asker, body, key="plan-1", auth=auth)
    assert first.status_code == 200 and again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert Introduction.objects.count() == 1 and first.json()["next"] == "hold"


def test_wrong_roles_get_403_or_404(client, asked, trainer, expert, outsider, coordinator):
    request, _invitation = asked
    url = f"/api/requests/{request.pk}/introduction"
    assert _post(client, url, trainer, _plan_body(coordinator)).status_code == 403
    assert _post(client, url, expert, _plan_body(coordinator)).status_code == 403
    assert _post(client, url, outsider, _plan_body(coordinator)).status_code == 404
    assert client.get(url, **_auth(outsider)).status_code == 404
    assert client.get(url, **_auth(expert)).status_code == 200


def test_bad_input_gets_a_dutch_message(client, asked, asker, coordinator):
    request, _invitation = asked
    body = {**_plan_body(coordinator), "link": ""}
    response = _post(client, f"/api/requests/{request.pk}/introduction", asker, body)
    assert response.status_code == 422 and "Vul de link in" in response.json()["detail"]


def test_an_experts_no_go_frees_the_seat(client, asked, asker, expert, coordinator):
    request, invitation = asked
    _post(client, f"/api/requests/{request.pk}/introduction", asker, _plan_body(coordinator))
    url = f"/api/requests/{request.pk}/introduction/outcome"
    response = _post(client, url, expert, {"side": str(invitation.pk), "go": False})
    assert response.status_code == 422 and "waarom" in response.json()["detail"]
    response = _post(client, url, expert, {"side": "asker", "go": True})
    assert response.status_code == 403
    response = _post(client, url, expert, {"side": str(invitation.pk), "go": False, "reason": "Past niet"})
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.WITHDRAWN
