"""Every page × every role: the right people get in, the wrong ones get 403 or 404.

Each app declares its pages in `inzet/<app>/tests/access.py` (see inzet/lib/testing.py). A new
named URL fails `test_every_page_is_in_the_matrix` until it is declared, so no page can ship
without a decision about who may see it.
"""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import inzet
from inzet.lib.testing import LOGIN, PERSONAS

SKIP_NAMESPACES = {"admin", "api"}  # the admin has its own gate (below); the API has its own tests
SKIP_NAMES = {"set_language"}


def _collect():
    matrix, post_matrix = {}, {}
    for module in pkgutil.iter_modules(inzet.__path__):
        try:
            access = importlib.import_module(f"inzet.{module.name}.tests.access")
        except ModuleNotFoundError:
            continue
        matrix.update(getattr(access, "MATRIX", {}))
        post_matrix.update(getattr(access, "POST_MATRIX", {}))
    return matrix, post_matrix


MATRIX, POST_MATRIX = _collect()


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
    assert missing == [], f"Declare these pages in inzet/<app>/tests/access.py: {missing}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_expected_answer(client, personas, orgs, name):
    kwargs_for, expected, anonymous = MATRIX[name]
    url = reverse(name, kwargs=kwargs_for(orgs) if kwargs_for else None)
    response = client.get(url)
    if anonymous == LOGIN:
        assert response.status_code == 302 and "/account/inloggen/" in response.url, f"anonymous → {url}"
    else:
        assert response.status_code == anonymous, f"anonymous → {url}"
    for persona in PERSONAS:
        client.force_login(personas[persona])
        response = client.get(url)
        status = expected[persona]
        assert response.status_code == status, f"{persona} → {url}: {response.status_code}, expected {status}"
        client.logout()


@pytest.mark.parametrize("name", sorted(POST_MATRIX))
def test_each_role_gets_the_expected_answer_when_changing(client, personas, orgs, name):
    kwargs_for, expected = POST_MATRIX[name]
    url = reverse(name, kwargs=kwargs_for(orgs, personas))
    response = client.post(url)
    assert response.status_code == 302 and "/account/inloggen/" in response.url
    # Refusals first: an allowed change (e.g. stopping a role) can change who is refused later.
    for persona, status in sorted(expected.items(), key=lambda item: item[1] in (200, 302)):
        client.force_login(personas[persona])
        response = client.post(url)
        assert response.status_code == status, f"{persona} → POST {url}: {response.status_code}, expected {status}"
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
