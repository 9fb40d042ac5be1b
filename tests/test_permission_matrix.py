"""Every page × every role: the right people get in, the wrong ones get 403 or 404.

A new named URL fails `test_every_page_is_in_the_matrix` until it is added here, so no page
can ship without a decision about who may see it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERSONAS = ["operator", "coordinator", "other_coordinator", "trainer", "expert", "asker", "other_asker", "outsider"]
LOGIN = "login"  # anonymous visitors are sent to the login page

# Namespaces that are not ours to test here (Django admin has its own gate, tested below).
SKIP_NAMESPACES = {"admin", "api"}
SKIP_NAMES = {"set_language"}


def _all(status):
    return dict.fromkeys(PERSONAS, status)


def _only(allowed: dict[str, int], default: int):
    table = _all(default)
    table.update(allowed)
    return table


# name -> (kwargs builder, {persona: expected status}, anonymous expectation)
MATRIX = {
    "dashboard:home": (None, _all(200), 200),
    "accounts:login": (None, _all(302), 200),  # logged-in people are sent on to their home page
    "accounts:logout": (None, _all(405), 405),  # logging out is a POST
    "accounts:two_factor_verify": (None, _all(200), LOGIN),
    "accounts:two_factor_setup": (None, _all(200), LOGIN),
    "accounts:settings": (None, _all(200), LOGIN),
    "accounts:api_tokens": (None, _all(200), LOGIN),
    "accounts:api_token_revoke": (lambda o: {"pk": 999999}, _all(405), LOGIN),  # POST: see POST_MATRIX
    "accounts:password_reset": (None, _all(200), 200),
    "accounts:password_reset_done": (None, _all(200), 200),
    "accounts:password_reset_confirm": (lambda o: {"uidb64": "MQ", "token": "bad"}, _all(200), 200),
    "accounts:password_reset_complete": (None, _all(200), 200),
    "organisations:list": (
        None,
        _only(
            {
                "operator": 200,
                "coordinator": 200,
                "other_coordinator": 200,
                "trainer": 200,
                "asker": 200,
                "other_asker": 200,
            },
            403,
        ),
        LOGIN,
    ),
    "organisations:policy": (None, _only({"operator": 200}, 403), LOGIN),
    "organisations:detail": (
        lambda o: {"pk": o.deploying.pk},
        _only({"operator": 200, "coordinator": 200, "trainer": 200, "expert": 200}, 404),
        LOGIN,
    ),
    "organisations:member_add": (
        lambda o: {"pk": o.deploying.pk},
        _only({"operator": 200, "coordinator": 200, "trainer": 403, "expert": 403}, 404),
        LOGIN,
    ),
    "organisations:member_deactivate": (lambda o: {"pk": o.deploying.pk, "membership_pk": 1}, _all(405), LOGIN),
}


# Pages that change something are POST-only; here the wrong role must not get past the gate.
POST_MATRIX = {
    # Revoking only ever touches one's own keys, so everyone logged in is redirected back.
    "accounts:api_token_revoke": (lambda o, p: {"pk": 999999}, _all(302)),
    "organisations:member_deactivate": (
        lambda o, p: {"pk": o.deploying.pk, "membership_pk": p["expert"].memberships.get().pk},
        _only({"operator": 302, "coordinator": 302, "trainer": 403, "expert": 403}, 404),
    ),
}


def _named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in SKIP_NAMESPACES:
                continue
            yield from _named_urls(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in SKIP_NAMES:
            yield f"{namespace}{pattern.name}"


def test_every_page_is_in_the_matrix():
    missing = sorted(set(_named_urls()) - set(MATRIX))
    assert missing == [], f"Add these pages to the permission matrix: {missing}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_expected_answer(client, personas, orgs, name):
    kwargs_for, expected, anonymous = MATRIX[name]
    url = reverse(name, kwargs=kwargs_for(orgs) if kwargs_for else None)
    response = client.get(url)
    if anonymous == LOGIN:
        assert response.status_code == 302 and "/account/inloggen/" in response.url, f"anonymous → {url}"
    else:
        assert response.status_code == anonymous, f"anonymous → {url}"
    for persona, status in expected.items():
        client.force_login(personas[persona])
        response = client.get(url)
        assert response.status_code == status, f"{persona} → {url}: {response.status_code}, expected {status}"
        client.logout()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_operator_opens_the_admin(client, personas, persona):
    user = personas[persona]
    user.is_staff = True  # a staff flag alone must not open the admin
    user.save()
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    if persona == "operator":
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and "login" in response.url


@pytest.mark.parametrize("name", sorted(POST_MATRIX))
def test_each_role_gets_the_expected_answer_when_changing(client, personas, orgs, name):
    kwargs_for, expected = POST_MATRIX[name]
    url = reverse(name, kwargs=kwargs_for(orgs, personas))
    response = client.post(url)
    assert response.status_code == 302 and "/account/inloggen/" in response.url
    # Refusals first: an allowed change (e.g. stopping a role) can change who is refused later.
    for persona, status in sorted(expected.items(), key=lambda item: item[1] == 302):
        client.force_login(personas[persona])
        response = client.post(url)
        assert response.status_code == status, f"{persona} → POST {url}: {response.status_code}, expected {status}"
        client.logout()
