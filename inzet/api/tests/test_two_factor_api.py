"""Two-step login applies to the API exactly as to the pages.

A session that only typed the password (or a coordinator without a device while enforcement is
on) gets 403 from every endpoint that needs a login; a personal API key works only when it was
made in a session that passed two-step login, for people who must use it.
"""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from inzet.accounts.models import ApiToken
from inzet.api.api import api
from inzet.lib.testing import login_verified, totp_code


def _operations() -> list[tuple[str, str]]:
    """Every (method, path) of the API that needs a login, with 1 for each path parameter."""
    schema = api.get_openapi_schema()
    found = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if operation.get("security"):
                found.append((method, re.sub(r"\{[^}]+\}", "1", path)))
    return sorted(found)


OPERATIONS = _operations()


def _call(client, method: str, path: str, **extra):
    return getattr(client, method)(path, data={}, content_type="application/json", **extra)


def _password_only(client, email: str):
    response = client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302


def test_every_endpoint_is_covered():
    assert len(OPERATIONS) > 20


@pytest.mark.parametrize("method,path", OPERATIONS)
def test_a_password_only_session_of_a_person_with_a_device_is_refused(client, coordinator, method, path):
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    _password_only(client, coordinator.email)
    response = _call(client, method, path)
    assert response.status_code == 403, (method, path, response.status_code)
    assert response.json() == {"detail": "Two-step login required"}


@pytest.mark.parametrize("method,path", OPERATIONS)
def test_a_coordinator_without_a_device_is_refused_when_enforced(client, coordinator, settings, method, path):
    settings.TWO_FACTOR_ENFORCED = True
    _password_only(client, coordinator.email)
    response = _call(client, method, path)
    assert response.status_code == 403, (method, path, response.status_code)


@pytest.mark.parametrize("persona", ["trainer", "operator"])
def test_trainers_and_operators_are_refused_without_two_step_when_enforced(client, personas, settings, persona):
    settings.TWO_FACTOR_ENFORCED = True
    _password_only(client, personas[persona].email)
    assert client.get("/api/directory/experts").status_code == 403
    assert client.get(reverse("dashboard:home")).url == reverse("accounts:two_factor_setup")


def test_askers_are_refused_without_two_step_when_enforced(client, asker, settings):
    """An expert may share lived experience with the askers of an assignment: special-category
    data, so askers need two-step login like coordinators."""
    settings.TWO_FACTOR_ENFORCED = True
    _password_only(client, asker.email)
    assert client.get("/api/me").status_code == 403
    assert client.get(reverse("dashboard:home")).url == reverse("accounts:two_factor_setup")


def test_a_verified_session_reads_the_api(client, coordinator, settings):
    settings.TWO_FACTOR_ENFORCED = True
    login_verified(client, coordinator)
    assert client.get("/api/me").status_code == 200
    assert client.get("/api/directory/experts").status_code == 200


def test_the_right_code_opens_the_api_for_the_session(client, coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    _password_only(client, coordinator.email)
    assert client.get("/api/me").status_code == 403
    client.post(reverse("accounts:two_factor_verify"), {"token": totp_code(device)})
    assert client.get("/api/me").status_code == 200


def test_an_expert_without_enforcement_reads_the_api_with_a_password(client, expert, settings):
    settings.TWO_FACTOR_ENFORCED = True
    _password_only(client, expert.email)
    assert client.get("/api/me").status_code == 200


class TestApiKeys:
    def test_a_key_made_before_two_step_is_refused_once_two_step_applies(self, client, coordinator, settings):
        _token, raw = ApiToken.issue(user=coordinator, name="oud")
        auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
        assert client.get("/api/me", **auth).status_code == 200
        settings.TWO_FACTOR_ENFORCED = True
        response = client.get("/api/me", **auth)
        assert response.status_code == 403
        assert response.json() == {"detail": "Two-step login required"}

    def test_a_key_made_in_a_verified_session_works(self, client, coordinator, settings):
        settings.TWO_FACTOR_ENFORCED = True
        login_verified(client, coordinator)
        page = client.post(reverse("accounts:api_tokens"), {"name": "Rapportage"})
        raw = re.search(r"inz_[\w-]+", page.content.decode()).group(0)
        client.logout()
        assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    def test_an_expert_key_keeps_working_without_two_step(self, client, expert, settings):
        settings.TWO_FACTOR_ENFORCED = True
        _token, raw = ApiToken.issue(user=expert, name="x")
        assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
