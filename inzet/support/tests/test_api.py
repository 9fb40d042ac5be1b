"""/api/support/…: talks and check-ins with the same rules as the pages, two-step login included."""

import datetime as dt

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from inzet.accounts.models import ApiToken
from inzet.experts.models import ExpertProfile
from inzet.support import services
from inzet.support.models import CheckIn, MentorTalk

TODAY = dt.date.today()


def _auth(user) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test", made_after_two_step=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def profile(expert, orgs):
    return ExpertProfile.objects.create(user=expert, organisation=orgs.deploying)


@pytest.fixture
def talk(profile, trainer):
    return services.talk_record(
        actor=trainer, expert=profile, partner=trainer, held_on=TODAY, goal="Rust", discussed="Geheim", nonce="t1"
    )


def test_the_expert_and_the_partner_read_the_words_and_the_coordinator_does_not(
    client, talk, expert, trainer, coordinator
):
    for person, words in ((expert, "Geheim"), (trainer, "Geheim"), (coordinator, None)):
        body = client.get("/api/support/talks", **_auth(person)).json()
        assert [(t["id"], t["discussed"]) for t in body] == [(talk.pk, words)]
    services.talk_share_set(talk=talk, actor=expert, shared=True)
    assert client.get(f"/api/support/talks/{talk.pk}", **_auth(coordinator)).json()["discussed"] == "Geheim"


@pytest.mark.parametrize("persona", ["asker", "operator", "outsider", "other_coordinator"])
def test_others_never_see_a_talk(client, talk, personas, persona):
    user = personas[persona]
    assert client.get(f"/api/support/talks/{talk.pk}", **_auth(user)).status_code == 404
    listing = client.get("/api/support/talks", **_auth(user))
    assert listing.status_code == 404 or listing.json() == []


def test_a_mentor_records_a_talk_once_per_nonce(client, profile, trainer):
    payload = {"expert_id": profile.pk, "held_on": TODAY.isoformat(), "goal": "Grenzen", "nonce": "api-1"}
    for _ in range(2):
        response = client.post("/api/support/talks", payload, content_type="application/json", **_auth(trainer))
        assert response.status_code == 201
    assert MentorTalk.objects.count() == 1


def test_bad_input_gets_a_dutch_message(client, profile, trainer):
    payload = {"expert_id": profile.pk, "held_on": "2999-01-01", "goal": "Grenzen", "nonce": "api-2"}
    response = client.post("/api/support/talks", payload, content_type="application/json", **_auth(trainer))
    assert response.status_code == 422 and "al is geweest" in response.json()["detail"]


def test_an_expert_checks_in_and_the_coordinator_sees_the_prompt_without_the_words(
    client, profile, expert, coordinator
):
    payload = {"score": 2, "words": "Moe", "nonce": "c-1"}
    response = client.post("/api/support/check-ins", payload, content_type="application/json", **_auth(expert))
    assert response.status_code == 201 and response.json()["words"] == "Moe"
    body = client.get("/api/support/check-ins", **_auth(coordinator)).json()
    assert [(c["score"], c["words"]) for c in body] == [(2, None)]


def test_only_the_expert_checks_in(client, profile, coordinator, asker):
    payload = {"score": 4, "nonce": "c-2"}
    assert (
        client.post(
            "/api/support/check-ins", payload, content_type="application/json", **_auth(coordinator)
        ).status_code
        == 403
    )
    assert (
        client.post("/api/support/check-ins", payload, content_type="application/json", **_auth(asker)).status_code
        == 404
    )
    assert not CheckIn.objects.exists()


def test_two_step_login_applies_to_the_api_as_to_the_pages(client, settings, talk, coordinator):
    settings.TWO_FACTOR_ENFORCED = True
    client.force_login(coordinator)
    # A coordinator who has not set up two-step login gets no data through a session.
    assert client.get("/api/support/talks").status_code == 403
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    # With a device but no code entered in this session: still refused.
    assert client.get("/api/support/talks").status_code == 403
    # The API key (made after two-step login, on the account page) works.
    assert client.get("/api/support/talks", **_auth(coordinator)).status_code == 200
