"""Text in a query or path that reaches the database as it is: a NUL character is refused with 422 and
a Dutch message, not a server error (PostgreSQL raises on it; the API fuzzing found such 500s)."""

import pytest

from inzet.accounts.models import ApiToken


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize(
    ("who", "url", "params"),
    [
        ("expert", "/api/compensation/hours", {"state": "submitted\x00"}),
        ("expert", "/api/compensation/expenses", {"state": "\x00"}),
        ("asker", "/api/requests", {"status": "draft\x00"}),
        ("coordinator", "/api/recruitment/organisations/%00/questions", {}),
        ("coordinator", "/api/recruitment/organisations/%00/group", {}),
    ],
)
def test_a_nul_character_is_refused_with_a_clear_answer(client, personas, orgs, who, url, params):
    response = client.get(url, params, **_auth(personas[who]))
    assert response.status_code == 422, response.content
    assert "NUL" in response.content.decode()


def test_an_ordinary_state_filter_still_works(client, personas, orgs):
    response = client.get("/api/compensation/hours", {"state": "submitted"}, **_auth(personas["expert"]))
    assert response.status_code == 200
    assert response.json() == []


# --- bodies and any query parameter: the API's parser refuses NUL text for every endpoint ------------


def test_a_nul_character_in_a_json_body_is_refused_and_nothing_is_written(client, personas, orgs):
    from inzet.engagements.models import EngagementRequest

    before = EngagementRequest.objects.count()
    body = {"title": "Meedenken\x00", "goal": "Jongeren", "deploying_organisation_id": orgs.deploying.pk}
    response = client.post("/api/requests", body, content_type="application/json", **_auth(personas["asker"]))
    assert response.status_code == 422, response.content
    answer = response.json()
    assert answer["detail"] == "title: De tekst bevat een teken dat niet is toegestaan (NUL)."
    assert answer["errors"] == [
        {"loc": ["body", "title"], "msg": "De tekst bevat een teken dat niet is toegestaan (NUL)."}
    ]
    assert EngagementRequest.objects.count() == before


def test_nul_is_found_anywhere_in_parsed_data():
    from inzet.api.parser import has_nul, nul_at

    assert nul_at({"a": ["ok", {"b": "x\x00"}]}) == ("a", 1, "b")
    assert has_nul({"a": ["ok", {"b": "x\x00"}]})
    assert has_nul({"k\x00": 1})
    assert has_nul(("a", "\x00"))
    assert not has_nul({"a": ["ok", {"b": "x", "n": 3, "none": None}], "f": 1.5})


def test_a_body_without_nul_still_goes_through(client, personas, orgs):
    body = {"title": "Meedenken", "goal": "Jongeren", "deploying_organisation_id": orgs.deploying.pk}
    response = client.post("/api/requests", body, content_type="application/json", **_auth(personas["asker"]))
    assert response.status_code == 201, response.content


def test_unparseable_json_is_still_a_plain_400(client, personas, orgs):
    response = client.post("/api/requests", "{", content_type="application/json", **_auth(personas["asker"]))
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


def test_a_nul_character_in_any_query_parameter_is_refused(client, personas, orgs):
    # `q` is not typed as Text on this endpoint's schema: the parser refuses it all the same.
    response = client.get("/api/requests", {"unknown": "a\x00"}, **_auth(personas["asker"]))
    assert response.status_code == 422, response.content
    assert "NUL" in response.content.decode()
