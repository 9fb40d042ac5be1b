"""The load test's people log in as real people do: password, then a code from their app."""

import pytest
from django.test import override_settings
from django.urls import reverse

from inzet.demo.seed import seed_experts
from inzet.loadtest import prepare as load
from inzet.loadtest.codes import totp

# RFC 6238 appendix B, SHA1, 8 digits: the reference vectors.
RFC_KEY = "3132333435363738393031323334353637383930"


@pytest.mark.parametrize(
    ("at", "code"), [(59, "94287082"), (1111111109, "07081804"), (1234567890, "89005924"), (2000000000, "69279037")]
)
def test_codes_are_those_of_rfc_6238(at, code):
    assert totp(RFC_KEY, at=at, digits=8) == code


@override_settings(TWO_FACTOR_ENFORCED=True)
def test_a_load_coordinator_passes_two_step_login_and_reaches_the_matching_page(db, client):
    seed_experts(3, organisations=1)
    accounts = load.prepare(people=2)
    assert load.prepare(people=2) == accounts  # idempotent: a second `make load` reuses everything
    person = accounts["coordinators"][1]

    response = client.post(reverse("accounts:login"), {"username": person["email"], "password": load.PASSWORD})
    assert response.status_code == 302
    matching = reverse("matching:request", args=[accounts["matching_request"]])
    assert client.get(matching).status_code == 302  # not yet: the code comes first
    code = totp(person["key"])
    response = client.post(reverse("accounts:two_factor_verify"), {"token": code})
    assert response.status_code == 302
    assert client.get(matching).status_code == 200
    # The same code a second time is refused (django-otp): why each simulated person has a device.
    client.logout()
    client.post(reverse("accounts:login"), {"username": person["email"], "password": load.PASSWORD})
    # The very same code (computing it again could cross into the next 30-second step: a new code).
    response = client.post(reverse("accounts:two_factor_verify"), {"token": code})
    assert response.status_code == 200 and "klopt niet" in response.content.decode()


@override_settings(TWO_FACTOR_ENFORCED=True)
def test_a_load_expert_logs_hours_on_the_running_request(db, client):
    seed_experts(3, organisations=1)
    accounts = load.prepare(people=2)
    expert = accounts["experts"][0]
    response = client.post(reverse("accounts:login"), {"username": expert["email"], "password": load.PASSWORD})
    assert response.status_code == 302
    response = client.get(reverse("compensation:hours_add", args=[expert["invitation"]]))
    assert response.status_code == 200
