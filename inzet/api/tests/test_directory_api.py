import pytest

from conftest import term
from inzet.accounts.models import ApiToken
from inzet.directory.tests.cases import CASES, fields
from inzet.directory.tests.conftest import make_expert
from inzet.experts.models import AccessLog, Audience


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _found(client, user, params=None) -> list[int]:
    response = client.get("/api/directory/experts", params or {}, **_auth(user))
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_the_directory_is_in_the_schema(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/directory/experts" in paths and "/api/directory/pool" in paths


@pytest.mark.parametrize("persona", ["operator", "expert", "asker", "outsider"])
def test_only_coordinators_and_trainers_search(client, personas, persona):
    response = client.get("/api/directory/experts", **_auth(personas[persona]))
    assert response.status_code == 403
    assert response.json() == {"detail": "Forbidden"}


@pytest.mark.parametrize("persona", ["trainer", "operator", "expert", "asker", "outsider"])
def test_only_coordinators_see_the_pool(client, personas, persona):
    assert client.get("/api/directory/pool", **_auth(personas[persona])).status_code == 403


def test_it_refuses_anonymous_calls(client, db):
    assert client.get("/api/directory/experts").status_code == 401


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_filter_never_finds_an_expert_who_hides_that_item(client, coordinator, orgs, case):
    params, shared_fields, hidden_fields = CASES[case]
    shared = make_expert(orgs.deploying, **{"name": "Gedeeld Persoon", **fields(shared_fields)})
    make_expert(orgs.deploying, **{"name": "Verborgen Persoon", **fields(hidden_fields)})
    assert _found(client, coordinator, params()) == [shared.pk]


def test_it_returns_only_shared_items_and_logs_special_ones(client, coordinator, orgs):
    profile = make_expert(
        orgs.deploying,
        "Stille Stien",
        areas=(("addiction", Audience.ONLY_ME), ("autism", Audience.COORDINATORS)),
        vis_region=Audience.ONLY_ME,
        vis_name=Audience.ONLY_ME,
    )
    body = client.get("/api/directory/experts", **_auth(coordinator)).json()
    assert body["count"] == 1 and body["page_size"] == 25
    row = body["results"][0]
    assert row["id"] == profile.pk
    assert row["name"] is None and row["municipality"] is None
    assert row["experience_areas"] == ["Autisme"]
    assert "Stien" not in str(body) and "Verslaving" not in str(body)
    assert list(AccessLog.objects.values_list("item", "context")) == [("experience", "api")]


def test_another_organisations_coordinator_finds_nobody_of_ours(client, other_coordinator, orgs):
    make_expert(orgs.deploying, "Onze Olga")
    assert _found(client, other_coordinator, {"q": "Olga"}) == []


def test_sorting_ignores_hidden_values(client, coordinator, orgs):
    hidden = make_expert(orgs.deploying, "Veel Uren", hours_per_week=60, vis_availability=Audience.ONLY_ME)
    few = make_expert(orgs.deploying, "Weinig Uren", hours_per_week=4)
    assert _found(client, coordinator, {"sort": "hours"}) == [few.pk, hidden.pk]


def test_bad_input_gets_a_clear_answer(client, coordinator):
    response = client.get(
        "/api/directory/experts", {"available_from": "2026-12-10", "available_to": "2026-12-01"}, **_auth(coordinator)
    )
    assert response.status_code == 422
    assert client.get("/api/directory/experts", {"sort": "salary"}, **_auth(coordinator)).status_code == 422


@pytest.mark.parametrize("param", ["q", "municipalities", "regions"])
def test_a_nul_character_in_search_text_is_refused_not_a_server_error(client, coordinator, param):
    # PostgreSQL raises on text with NUL in it; the API fuzzing found a 500 here
    response = client.get("/api/directory/experts", {param: "zorg\x00"}, **_auth(coordinator))
    assert response.status_code == 422, response.content
    assert "NUL" in response.content.decode()


def test_it_pages_by_25(client, coordinator, orgs):
    for i in range(27):
        make_expert(orgs.deploying, f"Persoon {i:02d}", refresh=False)
    body = client.get("/api/directory/experts", {"page": 2}, **_auth(coordinator)).json()
    assert (body["count"], body["page"], body["pages"], len(body["results"])) == (27, 2, 2, 2)


def test_the_pool_gives_counts_and_hides_small_ones(client, coordinator, orgs):
    for _ in range(5):
        make_expert(orgs.deploying, areas=(("autism", Audience.COORDINATORS),), refresh=False)
    make_expert(orgs.deploying, areas=(("addiction", Audience.COORDINATORS),), refresh=False)
    body = client.get("/api/directory/pool", **_auth(coordinator)).json()
    assert body["total"] == 6
    areas = {i["label"]: i for i in next(d for d in body["dimensions"] if d["code"] == "experience_areas")["items"]}
    assert areas["Autisme"] == {"label": "Autisme", "count": 5, "fewer_than_5": False}
    assert areas["Verslaving"] == {"label": "Verslaving", "count": None, "fewer_than_5": True}
    assert term("experience_area", "autism").label_nl == "Autisme"
