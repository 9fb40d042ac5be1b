"""/api/experts: the same consent rules as the pages; hidden items are null and named in "hidden"."""

import pytest
from django.urls import include, path
from ninja import NinjaAPI

from conftest import make_person
from inzet.accounts.models import ApiToken
from inzet.api.api import api
from inzet.api.routers import experts
from inzet.experts.models import AccessLog, Audience, ExpertProfile
from inzet.organisations.models import Role

SECRET = "Geheim verhaal"


def _mounted() -> bool:
    return any(router is experts.router for _prefix, router in api._routers)


# Until inzet/api/api.py mounts the router, these tests serve it from an API built the same way.
if _mounted():
    urlpatterns = [path("", include("inzet.urls"))]
else:
    _test_api = NinjaAPI(auth=api.auth, urls_namespace="api", title="test")
    _test_api._exception_handlers.update(api._exception_handlers)
    _test_api.add_router("/experts", experts.router)
    urlpatterns = [path("api/", _test_api.urls), path("", include("inzet.urls"))]


@pytest.fixture(autouse=True)
def _urls(settings):
    if not _mounted():
        settings.ROOT_URLCONF = __name__


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_expert_reads_their_whole_profile(client, expert, expert_profile):
    response = client.get("/api/experts/me", **_auth(expert))
    assert response.status_code == 200
    body = response.json()
    assert body["hidden"] == []
    assert {e["description"] for e in body["experiences"]} == {SECRET, "Schulden verhaal", "Openbaar verhaal"}
    assert body["benefit_situation"] == "wajong" and body["age_band"] == "27_plus"
    assert body["needs"] == ["transport"]
    assert body["visibility"]["benefit"] == Audience.ONLY_ME
    assert body["postcode"] == "3511 AB"
    assert not AccessLog.objects.exists()


def test_me_without_a_profile_is_not_found(client, expert):
    response = client.get("/api/experts/me", **_auth(expert))
    assert response.status_code == 404 and response.json() == {"detail": "Not found"}


def test_a_coordinator_gets_what_is_shared_and_the_read_is_logged(client, coordinator, expert_profile):
    response = client.get(f"/api/experts/{expert_profile.pk}", **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert SECRET not in response.content.decode()
    assert "wajong" not in response.content.decode()
    assert body["benefit_situation"] is None and body["age_band"] is None
    assert "benefit" in body["hidden"] and "experience" in body["hidden"]
    assert {e["description"] for e in body["experiences"]} == {"Schulden verhaal", "Openbaar verhaal"}
    assert all(e["visibility"] is None for e in body["experiences"])
    assert body["needs"] == ["transport"]
    assert body["visibility"] is None
    logged = set(AccessLog.objects.values_list("item", "context"))
    assert logged == {("experience", "api"), ("needs", "api"), ("does_not_want", "api")}


@pytest.mark.parametrize("persona", ["operator", "other_coordinator", "asker", "other_asker", "outsider"])
def test_people_without_a_relation_get_404(client, personas, persona, expert_profile):
    response = client.get(f"/api/experts/{expert_profile.pk}", **_auth(personas[persona]))
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert not AccessLog.objects.exists()


def test_an_unknown_expert_is_not_found(client, coordinator, orgs):
    assert client.get("/api/experts/999999", **_auth(coordinator)).status_code == 404


def test_the_trainer_sees_the_same_as_a_coordinator(client, trainer, expert_profile):
    body = client.get(f"/api/experts/{expert_profile.pk}", **_auth(trainer)).json()
    assert {e["description"] for e in body["experiences"]} == {"Schulden verhaal", "Openbaar verhaal"}
    assert body["benefit_situation"] is None


def test_the_expert_changes_fields_and_who_sees_what(client, expert, expert_profile):
    response = client.patch(
        "/api/experts/me",
        {
            "postcode": "3811ab",
            "hours_per_week": 6,
            "visibility": {"benefit": Audience.COORDINATORS},
            "experience_visibility": {"addiction": Audience.COORDINATORS},
        },
        content_type="application/json",
        **_auth(expert),
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["postcode"] == "3811 AB" and body["hours_per_week"] == 6
    assert body["visibility"]["benefit"] == Audience.COORDINATORS
    expert_profile.refresh_from_db()
    assert expert_profile.experiences.get(area__code="addiction").visibility == Audience.COORDINATORS


@pytest.mark.parametrize(
    "payload,message",
    [
        ({"postcode": "12"}, "postcode: Vul een postcode in zoals 3511 AB"),
        ({"work_form": "zzp"}, "kvk_number: Een zzp'er heeft een KvK-nummer"),
        ({"work_form": "zzp", "kvk_number": "123"}, "kvk_number: Een KvK-nummer heeft 8 cijfers."),
        ({"reward_form": "donation"}, "donation_charity: Vul de naam van het goede doel in."),
        ({"travel_radius_km": 900}, "travel_radius_km:"),
        ({"hours_per_week": None}, "hours_per_week: Vul een heel getal in."),
        ({"work_form": "baas"}, "work_form:"),
        ({"visibility": {"name": 0}}, "Uw coördinator moet uw naam"),
        ({"visibility": {"iban": 3}}, "Dit gegeven bestaat niet: iban."),
        ({"experience_visibility": {"autism": 1}}, "U heeft geen ervaring met deze code: autism."),
    ],
)
def test_bad_input_is_refused_with_one_error_shape(client, expert, expert_profile, payload, message):
    response = client.patch("/api/experts/me", payload, content_type="application/json", **_auth(expert))
    assert response.status_code == 422
    assert message in response.json()["detail"]
    expert_profile.refresh_from_db()
    assert expert_profile.postcode == "3511 AB" and expert_profile.work_form == "volunteer"


def test_a_coordinator_cannot_patch_someone_else_through_me(client, coordinator, expert_profile):
    response = client.patch(
        "/api/experts/me", {"hours_per_week": 1}, content_type="application/json", **_auth(coordinator)
    )
    assert response.status_code == 404


def test_the_expert_reads_their_access_log_newest_first(client, expert, coordinator, expert_profile):
    client.get(f"/api/experts/{expert_profile.pk}", **_auth(coordinator))
    AccessLog.objects.create(profile=expert_profile, viewer=coordinator, item="benefit", context="print")
    response = client.get("/api/experts/me/access-log", **_auth(expert))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    first = body["items"][0]
    assert first == {
        "viewer": "Cor Coördinator",
        "viewer_roles": ["Coördinator bij Stichting Ervaring"],
        "item": "benefit",
        "context": "print",
        "created_at": first["created_at"],
    }


def test_the_access_log_is_paginated_with_bounded_queries(
    client, expert, orgs, expert_profile, django_assert_max_num_queries
):
    viewers = [make_person(f"v{i}@test.nl", f"Viewer {i}", [(orgs.deploying, Role.TRAINER)]) for i in range(60)]
    AccessLog.objects.bulk_create(
        [AccessLog(profile=expert_profile, viewer=v, item="needs", context="page") for v in viewers]
    )
    headers = _auth(expert)
    with django_assert_max_num_queries(10):
        body = client.get("/api/experts/me/access-log?limit=20&offset=20", **headers).json()
    assert body["count"] == 60 and len(body["items"]) == 20


def test_the_expert_api_is_in_the_schema(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/experts/me" in paths and "/api/experts/me/access-log" in paths
    assert "/api/experts/{pk}" in paths


def test_people_outside_the_organisation_get_only_the_first_digits_of_a_shared_postcode(
    other_coordinator, coordinator, expert_profile
):
    from inzet.experts.disclosure import disclose

    ExpertProfile.objects.filter(pk=expert_profile.pk).update(vis_region=Audience.PUBLIC)
    profile = ExpertProfile.objects.get(pk=expert_profile.pk)
    assert experts._as_output(disclose(other_coordinator, profile, context="api"))["postcode"] == "3511"
    assert experts._as_output(disclose(coordinator, profile, context="api"))["postcode"] == "3511 AB"


def test_someone_without_a_profile_has_no_access_log(client, coordinator):
    response = client.get("/api/experts/me/access-log", **_auth(coordinator))
    assert response.status_code == 404 and response.json() == {"detail": "Not found"}


@pytest.mark.parametrize(
    "payload,message",
    [
        ({"phone": "twee"}, "phone: Vul een telefoonnummer in met alleen cijfers"),
        ({"phone": "<script>alert(1)</script>"}, "phone: Vul een telefoonnummer in met alleen cijfers"),
        ({"reward_form": "donation", "donation_charity": "Goed\x00doel"}, "donation_charity:"),
        ({"reward_form": "donation", "donation_charity": "x" * 201}, "donation_charity:"),
        ({"hours_per_week": 61}, "hours_per_week: Kies een aantal uren van 0 tot en met 60."),
    ],
)
def test_the_api_refuses_what_the_wizard_refuses(client, expert, expert_profile, payload, message):
    response = client.patch("/api/experts/me", payload, content_type="application/json", **_auth(expert))
    assert response.status_code == 422, response.content
    assert message in response.json()["detail"]
    expert_profile.refresh_from_db()
    assert expert_profile.phone == "" and expert_profile.donation_charity == ""


def test_the_api_cleans_input_as_the_wizard_does(client, expert, expert_profile):
    payload = {"work_form": "zzp", "kvk_number": "1234 5678", "phone": " 06 12345678 "}
    response = client.patch("/api/experts/me", payload, content_type="application/json", **_auth(expert))
    assert response.status_code == 200, response.content
    expert_profile.refresh_from_db()
    assert expert_profile.kvk_number == "12345678" and expert_profile.phone == "06 12345678"


def test_the_expert_sets_an_iban_through_the_api_and_gets_it_back_masked(client, expert, expert_profile):
    response = client.patch(
        "/api/experts/me",
        {"iban": "nl91 abna 0417 1643 00", "account_holder": "Eef Expert"},
        content_type="application/json",
        **_auth(expert),
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["iban_masked"] == "NL** **** **** **43 00" and body["account_holder"] == "Eef Expert"
    assert "NL91ABNA0417164300" not in response.content.decode()
    expert_profile.refresh_from_db()
    assert expert_profile.iban == "NL91ABNA0417164300"


def test_the_api_refuses_a_wrong_iban_checksum_in_dutch(client, expert, expert_profile):
    response = client.patch(
        "/api/experts/me",
        {"iban": "NL92ABNA0417164300", "account_holder": "Eef"},
        content_type="application/json",
        **_auth(expert),
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("iban: Dit IBAN klopt niet")
