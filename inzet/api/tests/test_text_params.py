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
