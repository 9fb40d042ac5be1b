import pytest
from django.core import mail
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD


def _login(client, email, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_it_logs_in_with_email_and_password(client, expert):
    response = _login(client, "EXPERT@test.nl")
    assert response.status_code == 302
    assert response.url == reverse("dashboard:home")
    home = client.get(reverse("dashboard:home"))
    assert "Welkom, Eef" in home.content.decode()


def test_it_stores_passwords_with_argon2(expert):
    assert expert.password.startswith("argon2")


def test_it_explains_a_wrong_password_in_dutch(client, expert):
    response = _login(client, "expert@test.nl", "fout")
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet" in response.content.decode()


def test_it_locks_out_after_five_failures(client, expert):
    for _ in range(5):
        _login(client, "expert@test.nl", "fout")
    response = _login(client, "expert@test.nl")  # even the right password is refused now
    assert response.status_code == 429
    assert "Inloggen is even geblokkeerd" in response.content.decode()


def test_it_requires_login_for_the_home_page_of_a_role(client):
    response = client.get(reverse("accounts:settings"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_sends_a_password_reset_mail_and_accepts_the_new_password(client, expert):
    client.post(reverse("accounts:password_reset"), {"email": "expert@test.nl"})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    link = next(line for line in body.splitlines() if "/wachtwoord-herstellen/" in line)
    path = link[link.index("/account/") :]
    form_page = client.get(path, follow=True)
    post_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    response = client.post(post_url, {"new_password1": "nieuw-Wachtwoord-77", "new_password2": "nieuw-Wachtwoord-77"})
    assert response.status_code == 302
    assert _login(client, "expert@test.nl", "nieuw-Wachtwoord-77").status_code == 302


def test_it_does_not_reveal_whether_an_email_is_known(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "niemand@test.nl"}, follow=True)
    assert "Als dit e-mailadres bij ons bekend is" in response.content.decode()
    assert mail.outbox == []


def test_sessions_expire_after_inactivity(settings):
    assert settings.SESSION_COOKIE_AGE == 120 * 60
    assert settings.SESSION_REFRESH_SECONDS == 60


def test_activity_moves_the_session_expiry_forward_at_most_once_a_minute(client, coordinator):
    """The session row is written again only when its last refresh is a minute old; each write
    moves its end to 120 minutes after that request."""
    from datetime import UTC, datetime, timedelta

    import time_machine
    from django.contrib.sessions.models import Session

    def expiry():
        return Session.objects.get(session_key=client.session.session_key).expire_date

    url = reverse("organisations:list")
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(coordinator)
        assert client.get(url).status_code == 200
        first = expiry()
        assert first == start + timedelta(minutes=120)
        traveller.shift(timedelta(seconds=59))
        client.get(url)
        assert expiry() == first  # within the minute: no write
        traveller.shift(timedelta(seconds=2))
        client.get(url)
        assert expiry() == start + timedelta(seconds=61, minutes=120)
        traveller.shift(timedelta(minutes=119, seconds=59))
        assert client.get(url).status_code == 200  # still within 120 minutes of the last write
        traveller.shift(timedelta(minutes=121))
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


class TestTwoFactor:
    def _device(self, user):
        return TOTPDevice.objects.create(user=user, name="app", confirmed=True)

    def _code(self, device):
        return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"

    def test_it_asks_for_a_code_when_a_device_is_set_up(self, client, coordinator):
        self._device(coordinator)
        _login(client, "coordinator@test.nl")
        response = client.get(reverse("organisations:list"))
        assert response.status_code == 302
        assert response.url == reverse("accounts:two_factor_verify")

    def test_it_lets_the_person_in_after_a_correct_code(self, client, coordinator):
        device = self._device(coordinator)
        _login(client, "coordinator@test.nl")
        response = client.post(reverse("accounts:two_factor_verify"), {"token": self._code(device)})
        assert response.status_code == 302
        assert client.get(reverse("organisations:list")).status_code == 200

    def test_it_refuses_a_wrong_code_with_a_dutch_message(self, client, coordinator):
        self._device(coordinator)
        _login(client, "coordinator@test.nl")
        response = client.post(reverse("accounts:two_factor_verify"), {"token": "000000"})
        assert "Deze code klopt niet" in response.content.decode()
        response = client.post(reverse("accounts:two_factor_verify"), {"token": "abcdef"})
        assert "De code bestaat alleen uit cijfers" in response.content.decode()

    def test_it_forces_setup_for_coordinators_when_enforced(self, client, coordinator, settings):
        settings.TWO_FACTOR_ENFORCED = True
        _login(client, "coordinator@test.nl")
        response = client.get(reverse("dashboard:home"))
        assert response.url == reverse("accounts:two_factor_setup")

    def test_it_does_not_force_setup_for_experts(self, client, expert, settings):
        settings.TWO_FACTOR_ENFORCED = True
        _login(client, "expert@test.nl")
        assert client.get(reverse("dashboard:home")).status_code == 200

    def test_the_operator_can_switch_the_requirement_off(self, client, coordinator, settings):
        from inzet.organisations.models import PolicySettings

        settings.TWO_FACTOR_ENFORCED = True
        PolicySettings.objects.update(two_factor_for_staff=False)
        _login(client, "coordinator@test.nl")
        assert client.get(reverse("dashboard:home")).status_code == 200

    def test_setup_confirms_the_device_with_a_code(self, client, coordinator):
        _login(client, "coordinator@test.nl")
        page = client.get(reverse("accounts:two_factor_setup"))
        assert "<svg" in page.content.decode()
        device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
        response = client.post(reverse("accounts:two_factor_setup"), {"token": self._code(device)})
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed


@pytest.mark.parametrize("language,expected", [("nl", "Mijn overzicht"), ("en", "My overview")])
def test_it_speaks_dutch_and_english(client, expert, language, expected):
    _login(client, "expert@test.nl")
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    response = client.get(reverse("dashboard:home"))
    assert expected in response.content.decode()
    assert f'<html lang="{language}"' in response.content.decode()


class TestNextAfterTwoStep:
    @pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "https:evil.example"])
    def test_it_never_sends_the_person_to_another_site(self, client, coordinator, target):
        from inzet.lib.testing import totp_code

        device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
        _login(client, "coordinator@test.nl")
        url = reverse("accounts:two_factor_verify") + "?next=" + target
        response = client.post(url, {"token": totp_code(device)})
        assert response.status_code == 302
        assert response.url == reverse("dashboard:home")

    def test_it_follows_a_next_on_this_site(self, client, coordinator):
        from inzet.lib.testing import totp_code

        device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
        _login(client, "coordinator@test.nl")
        target = reverse("organisations:list")
        response = client.post(reverse("accounts:two_factor_verify") + "?next=" + target, {"token": totp_code(device)})
        assert response.url == target


def test_has_device_asks_every_kind_of_device_in_one_query(coordinator, expert, django_assert_num_queries):
    from django_otp.plugins.otp_static.models import StaticDevice

    from inzet.accounts.models import User
    from inzet.accounts.twofactor import has_device

    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=False)
    StaticDevice.objects.create(user=expert, name="codes", confirmed=True)
    for person, expected in ((coordinator, False), (expert, True)):
        fresh = User.objects.get(pk=person.pk)
        with django_assert_num_queries(1):
            assert has_device(fresh) is expected
            assert has_device(fresh) is expected  # kept for the rest of the request
    TOTPDevice.objects.filter(user=coordinator).update(confirmed=True)
    assert has_device(User.objects.get(pk=coordinator.pk)) is True
