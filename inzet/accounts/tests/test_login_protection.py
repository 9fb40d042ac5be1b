"""Brute-force protection: locks that a reset lifts, a lock page that tells the truth, a limit per
IP address across e-mail addresses, the right client address behind a proxy, and honest
two-step messages when codes are throttled."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import RequestFactory
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, make_person
from inzet.accounts.axes import client_ip
from inzet.lib.testing import totp_code


def _login(client, email, password=PASSWORD, ip="10.0.0.1"):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip)


def _lock(client, email, ip="10.0.0.1"):
    for _ in range(5):
        _login(client, email, "fout", ip=ip)
    assert _login(client, email, ip=ip).status_code == 429


def test_a_password_reset_lifts_the_lock(client, expert):
    _lock(client, expert.email)
    uid = urlsafe_base64_encode(force_bytes(expert.pk))
    token = default_token_generator.make_token(expert)
    form_page = client.get(reverse("accounts:password_reset_confirm", args=[uid, token]), follow=True)
    post_url = form_page.redirect_chain[-1][0]
    new = "nieuw-Wachtwoord-77"
    response = client.post(post_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert _login(client, expert.email, new).status_code == 302


def test_the_lock_page_names_the_configured_wait(client, expert, settings):
    settings.AXES_COOLOFF_TIME = 10 / 60
    for _ in range(5):
        _login(client, expert.email, "fout")
    page = _login(client, expert.email).content.decode()
    assert "10 minuten" in page and "half uur" not in page


def test_one_address_cannot_try_many_accounts(client, orgs, settings):
    settings.AXES_IP_FAILURE_LIMIT = 12
    people = [make_person(f"p{i}@test.nl", f"Persoon {i}") for i in range(4)]
    for person in people[:3]:
        for _ in range(4):  # below the per-account limit of 5
            _login(client, person.email, "fout", ip="10.9.9.9")
    # 12 failures from one address: the next account is blocked there, not elsewhere.
    assert _login(client, people[3].email, ip="10.9.9.9").status_code == 429
    assert _login(client, people[3].email, ip="10.1.1.1").status_code == 302


class TestClientAddress:
    def test_without_a_trusted_proxy_the_connection_address_counts(self, settings):
        settings.INZET_TRUSTED_PROXY_COUNT = 0
        request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6")
        assert client_ip(request) == "10.0.0.5"

    def test_behind_one_proxy_the_address_it_saw_counts(self, settings):
        settings.INZET_TRUSTED_PROXY_COUNT = 1
        request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
        assert client_ip(request) == "203.0.113.7"  # the left one is whatever the client claimed

    def test_a_missing_header_falls_back_to_the_connection(self, settings):
        settings.INZET_TRUSTED_PROXY_COUNT = 2
        request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
        assert client_ip(request) == "10.0.0.2"


@pytest.mark.parametrize("count", [0, 1])
def test_the_proxy_count_comes_from_the_environment(count):
    from inzet.lib.env import env_int

    assert env_int("INZET_TRUSTED_PROXY_COUNT_NOT_SET", count) == count


def test_a_right_code_held_back_by_throttling_says_wait(client, coordinator, time_machine):
    # The clock stands still: on a loaded machine the throttle delay (seconds) could pass
    # between the wrong tries and the right one, and the right code would then go through.
    from django.utils import timezone

    time_machine.move_to(timezone.now(), tick=False)
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    _login(client, coordinator.email)
    for _ in range(3):
        client.post(reverse("accounts:two_factor_verify"), {"token": "000000"})
    response = client.post(reverse("accounts:two_factor_verify"), {"token": totp_code(device)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Te veel pogingen" in html and "Deze code klopt niet" not in html
