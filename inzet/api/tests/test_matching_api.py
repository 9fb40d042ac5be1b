"""GET /api/matching/requests/{id}/ranking and /team: same permissions and consent rules as the page."""

import pytest

from inzet.accounts.models import ApiToken
from inzet.experts.models import AccessLog, Audience
from inzet.matching.tests.conftest import make_coordinator_expert, make_expert, make_request


@pytest.fixture
def matching_request(orgs, asker, coordinator):
    return make_request(orgs, asker, coordinator)


@pytest.fixture
def coordinator_expert(coordinator, orgs):
    return make_coordinator_expert(coordinator, orgs)


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def ranking_url(request) -> str:
    return f"/api/matching/requests/{request.pk}/ranking"


def team_url(request) -> str:
    return f"/api/matching/requests/{request.pk}/team"


def test_the_endpoints_are_in_the_schema(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/matching/requests/{pk}/ranking" in paths and "/api/matching/requests/{pk}/team" in paths


def test_a_coordinator_gets_the_ranking_with_reasons(client, coordinator, orgs, matching_request):
    best = make_expert(
        orgs.deploying, name="Beste Match", areas={"poverty_debt": Audience.COORDINATORS, "addiction": Audience.PUBLIC}
    )
    make_expert(orgs.deploying, name="Tweede", areas={})
    response = client.get(ranking_url(matching_request), **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert body["request_id"] == matching_request.pk and body["experts_needed"] == 2
    first = body["experts"][0]
    assert (first["position"], first["expert_id"], first["name"]) == (1, best.pk, "Beste Match")
    area = first["criteria"][0]
    assert area["code"] == "experience_areas" and area["points"] == area["max_points"] == 30.0
    assert area["explanation"] == "Alle gevraagde ervaringsgebieden: Armoede en schulden en Verslaving."
    assert [e["name"] for e in body["experts"]] == ["Beste Match", "Tweede"]
    assert first["invitation_state"] == ""


def test_a_hidden_area_is_not_in_the_json_and_does_not_count(client, coordinator, orgs, matching_request):
    hidden = make_expert(orgs.deploying, areas={"addiction": Audience.ONLY_ME})
    nothing = make_expert(orgs.deploying, areas={})
    body = client.get(ranking_url(matching_request), **_auth(coordinator)).json()
    rows = {e["expert_id"]: e for e in body["experts"]}
    assert rows[hidden.pk]["score"] == rows[nothing.pk]["score"]
    assert "Verslaving" not in str(rows[hidden.pk])


def test_hidden_criteria_say_so_and_count_zero(client, coordinator, orgs, matching_request):
    make_expert(orgs.deploying, vis_languages=Audience.ONLY_ME)
    criteria = client.get(ranking_url(matching_request), **_auth(coordinator)).json()["experts"][0]["criteria"]
    languages = next(c for c in criteria if c["code"] == "languages")
    assert languages == {
        "code": "languages",
        "label": "Talen",
        "points": 0.0,
        "max_points": 10.0,
        "explanation": "Niet met u gedeeld. Telt niet mee.",
        "shown": False,
    }


def test_a_coordinator_gets_a_team_with_alternatives(client, coordinator, orgs, matching_request):
    a = make_expert(orgs.deploying, areas={"poverty_debt": Audience.COORDINATORS})
    b = make_expert(orgs.deploying, areas={"addiction": Audience.COORDINATORS})
    make_expert(orgs.deploying, areas={})
    body = client.get(team_url(matching_request), **_auth(coordinator)).json()
    assert sorted(m["expert_id"] for m in body["team"]["members"]) == sorted([a.pk, b.pk])
    assert body["team"]["optimal"] is True
    assert body["team"]["uncovered_areas"] == []
    assert (
        body["team"]["explanation"][0]
        == "Dit duo heeft samen alle gevraagde ervaringsgebieden: Armoede en schulden en Verslaving."
    )
    assert len(body["alternatives"]) == 2


def test_there_is_no_team_when_nobody_fits(client, coordinator, matching_request):
    body = client.get(team_url(matching_request), **_auth(coordinator)).json()
    assert body == {"request_id": matching_request.pk, "experts_needed": 2, "team": None, "alternatives": []}


def test_the_coordinator_is_never_in_their_own_ranking_or_team(
    client, coordinator, coordinator_expert, orgs, matching_request
):
    other = make_expert(orgs.deploying)
    headers = _auth(coordinator)
    ranking = client.get(ranking_url(matching_request), **headers).json()
    team = client.get(team_url(matching_request), **headers).json()
    assert [e["expert_id"] for e in ranking["experts"]] == [other.pk]
    ids = [m["expert_id"] for t in [team["team"], *team["alternatives"]] for m in t["members"]]
    assert coordinator_expert.pk not in ids and ids == [other.pk]


def test_it_logs_the_special_items_it_returns(client, coordinator, orgs, matching_request):
    expert = make_expert(orgs.deploying)
    client.get(ranking_url(matching_request), **_auth(coordinator))
    assert AccessLog.objects.filter(profile=expert, viewer=coordinator, item="experience", context="api").exists()


def test_a_trainer_may_read_both(client, trainer, orgs, matching_request):
    make_expert(orgs.deploying)
    headers = _auth(trainer)
    assert client.get(ranking_url(matching_request), **headers).status_code == 200
    assert client.get(team_url(matching_request), **headers).status_code == 200


@pytest.mark.parametrize("persona", ["asker", "other_coordinator", "expert", "operator", "outsider", "other_asker"])
def test_other_roles_get_404(client, personas, orgs, matching_request, persona):
    make_expert(orgs.deploying)
    headers = _auth(personas[persona])
    for url in (ranking_url(matching_request), team_url(matching_request)):
        response = client.get(url, **headers)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found"}


def test_it_needs_a_key(client, matching_request):
    assert client.get(ranking_url(matching_request)).status_code == 401
    assert client.get(team_url(matching_request)).status_code == 401


def test_an_unknown_request_is_404(client, coordinator):
    assert client.get("/api/matching/requests/999999/ranking", **_auth(coordinator)).status_code == 404
