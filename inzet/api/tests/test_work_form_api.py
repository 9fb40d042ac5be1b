"""/api/compensation/experts/{id}/work-form: the path to paid work through the API, with the page's
permissions, benefit consent, access log and service function."""

import pytest

from inzet.accounts.models import ApiToken
from inzet.compensation.tests import factories as f
from inzet.experts.models import AccessLog, Audience, ExpertProfile

pytestmark = pytest.mark.django_db


def _auth(user) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _url(profile) -> str:
    return f"/api/compensation/experts/{profile.pk}/work-form"


@pytest.fixture
def profile(expert, orgs):
    return f.profile_for(expert, orgs.deploying, benefit_situation="bijstand", vis_benefit=Audience.COORDINATORS)


def test_the_coordinator_sees_what_changes_and_the_instruments_and_the_benefit_read_is_logged(
    client, coordinator, profile
):
    response = client.get(_url(profile), {"new": "employee"}, **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert (body["work_form"], body["new_work_form"], body["benefit_hidden"]) == ("volunteer", "employee", False)
    assert any("sollicitatieplicht" in line["text"] for line in body["changes"])
    assert all(line["source"].startswith("https://") for line in body["changes"])
    names = {i["name"] for i in body["instruments"]}
    assert {"Loonkostensubsidie", "No-riskpolis"} <= names
    assert all(i["source"].startswith("https://wetten.overheid.nl/") for i in body["instruments"])
    assert AccessLog.objects.filter(profile=profile, viewer=coordinator, item="benefit", context="api").exists()
    assert ExpertProfile.objects.get(pk=profile.pk).work_form == "volunteer"  # only looking


def test_without_consent_the_benefit_lines_are_left_out(client, coordinator, profile):
    profile.vis_benefit = Audience.ONLY_ME
    profile.save()
    body = client.get(_url(profile), {"new": "employee"}, **_auth(coordinator)).json()
    assert body["benefit_hidden"] is True
    assert not any("sollicitatieplicht" in line["text"] for line in body["changes"])
    assert not AccessLog.objects.exists()


def test_the_expert_changes_the_work_form_and_sees_no_instrument_list(client, expert, profile):
    auth = _auth(expert)
    assert client.get(_url(profile), {"new": "zzp"}, **auth).json()["instruments"] is None
    response = client.put(
        _url(profile), {"work_form": "employee"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1", **auth
    )
    assert response.status_code == 200 and response.json()["work_form"] == "employee"
    assert ExpertProfile.objects.get(pk=profile.pk).work_form == "employee"


@pytest.mark.parametrize(
    "body,message",
    [({"work_form": "zzp"}, "KvK"), ({"work_form": "baas"}, "Kies een werkvorm.")],
)
def test_a_bad_change_gets_422_in_dutch_and_nothing_changes(client, expert, profile, body, message):
    response = client.put(_url(profile), body, content_type="application/json", **_auth(expert))
    assert response.status_code == 422 and message in str(response.json())
    assert ExpertProfile.objects.get(pk=profile.pk).work_form == "volunteer"


def test_an_unknown_new_work_form_gets_422(client, expert, profile):
    response = client.get(_url(profile), {"new": "baas"}, **_auth(expert))
    assert response.status_code == 422 and "Kies een werkvorm." in str(response.json())


@pytest.mark.parametrize("persona", ["asker", "trainer", "other_coordinator", "outsider", "operator"])
def test_everyone_else_gets_404(client, personas, profile, persona):
    auth = _auth(personas[persona])
    assert client.get(_url(profile), {"new": "employee"}, **auth).status_code == 404
    response = client.put(_url(profile), {"work_form": "employee"}, content_type="application/json", **auth)
    assert response.status_code == 404
    assert ExpertProfile.objects.get(pk=profile.pk).work_form == "volunteer"
