"""/api/recruitment/…: applications and decisions, with the same rules as the pages."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import path
from ninja import NinjaAPI
from ninja.security import django_auth

from inzet.accounts.models import ApiToken
from inzet.api import api as api_module
from inzet.api.auth import TokenAuth
from inzet.api.routers.recruitment import router
from inzet.recruitment import services
from inzet.recruitment.models import Application, ApplicationStatus, Channel, Decision

# Until inzet/api/api.py mounts the router, these tests mount it on an API with the same
# authentication and error shape; afterwards they run against the real /api/.
if not any(mounted is router for _prefix, mounted in api_module.api._routers):
    _api = NinjaAPI(auth=[TokenAuth(), django_auth], urls_namespace="recruitment-api-test")
    _api.add_exception_handler(PermissionDenied, api_module._forbidden)
    _api.add_exception_handler(Http404, api_module._not_found)
    _api.add_exception_handler(ValidationError, api_module._invalid)
    _api.add_router("/recruitment", router)
    urlpatterns = [path("api/", _api.urls)]
    pytestmark = pytest.mark.urls(__name__)

LIST = "/api/recruitment/applications"


def _auth(user) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def applications(orgs):
    made = {}
    for org in (orgs.deploying, orgs.other_deploying):
        services.recruitment_page_update(organisation=org, changes={"is_open": True}, updated_by=None)
        made[org.slug] = services.application_submit(
            organisation=org,
            full_name=f"Aanmelder {org.slug}",
            email=f"aanmelder@{org.slug}.example.org",
            channel=Channel.SOCIAL_MEDIA,
            motivation_text="Mijn verhaal",
            consent=True,
        )
    return made


def test_a_coordinator_lists_only_their_own_organisations_applications(client, coordinator, applications):
    response = client.get(LIST, **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert [item["full_name"] for item in body["items"]] == ["Aanmelder ervaring"]
    assert body["items"][0]["current_stage"]["code"] == "application"
    assert "motivation_text" not in body["items"][0]


def test_the_list_can_be_filtered(client, coordinator, applications):
    assert client.get(f"{LIST}?status=declined", **_auth(coordinator)).json()["count"] == 0
    assert client.get(f"{LIST}?stage=application", **_auth(coordinator)).json()["count"] == 1


@pytest.mark.parametrize("persona", ["expert", "asker", "outsider", "operator"])
def test_people_without_a_selection_role_see_an_empty_list(client, personas, applications, persona):
    assert client.get(LIST, **_auth(personas[persona])).json()["count"] == 0


def test_the_list_needs_a_key(client, applications):
    assert client.get(LIST).status_code == 401


def test_the_detail_has_the_motivation_and_history(client, coordinator, applications):
    application = applications["ervaring"]
    services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator, notes="Fijn")
    response = client.get(f"{LIST}/{application.pk}", **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert body["motivation_text"] == "Mijn verhaal"
    assert body["current_stage"]["code"] == "intro_talk"
    assert [(d["stage"]["code"], d["decision"], d["notes"], d["decided_by"]) for d in body["decisions"]] == [
        ("application", "passed", "Fijn", "Cor Coördinator")
    ]


@pytest.mark.parametrize("persona", ["other_coordinator", "expert", "asker", "other_asker", "outsider", "operator"])
def test_the_wrong_role_gets_404_for_an_application(client, personas, applications, persona):
    application = applications["ervaring"]
    headers = _auth(personas[persona])
    assert client.get(f"{LIST}/{application.pk}", **headers).status_code == 404
    response = client.post(
        f"{LIST}/{application.pk}/decisions", {"decision": "passed"}, content_type="application/json", **headers
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}
    assert not application.decisions.exists()


def test_a_trainer_records_a_decision_and_the_applicant_gets_a_mail(
    client, trainer, applications, django_capture_on_commit_callbacks
):
    application = applications["ervaring"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{LIST}/{application.pk}/decisions",
            {"decision": "passed", "date": "2026-03-15", "notes": "Goed gesprek", "message": "Tot dan!"},
            content_type="application/json",
            **_auth(trainer),
        )
    assert response.status_code == 201
    body = response.json()
    assert body["current_stage"]["code"] == "intro_talk"
    assert body["decisions"][0]["decided_by"] == "Tine Trainer"
    assert len(mail.outbox) == 1 and "Tot dan!" in mail.outbox[0].body
    assert application.decisions.get().email_sent_at is not None


def test_a_decision_that_is_not_allowed_gets_422_in_one_error_shape(client, coordinator, applications):
    application = applications["ervaring"]
    response = client.post(
        f"{LIST}/{application.pk}/decisions",
        {"decision": "skipped"},
        content_type="application/json",
        **_auth(coordinator),
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "Deze stap mag niet overgeslagen worden."}


def test_a_decision_on_a_closed_application_is_refused(client, coordinator, applications):
    application = applications["ervaring"]
    services.application_withdraw(application=application)
    response = client.post(
        f"{LIST}/{application.pk}/decisions",
        {"decision": "passed"},
        content_type="application/json",
        **_auth(coordinator),
    )
    assert response.status_code == 422
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WITHDRAWN


def test_a_bad_e_mail_address_is_refused(client, coordinator, orgs, applications):
    application = services.application_enter_on_behalf(
        organisation=orgs.deploying, entered_by=coordinator, full_name="Kees", motivation_in_talk=True, consent=True
    )
    response = client.post(
        f"{LIST}/{application.pk}/decisions",
        {"decision": "passed", "email": "geen-adres"},
        content_type="application/json",
        **_auth(coordinator),
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "Dit is geen geldig e-mailadres."}
    assert not application.decisions.exists()


def test_an_unknown_decision_is_refused_by_the_schema(client, coordinator, applications):
    application = applications["ervaring"]
    response = client.post(
        f"{LIST}/{application.pk}/decisions",
        {"decision": "maybe"},
        content_type="application/json",
        **_auth(coordinator),
    )
    assert response.status_code == 422
    assert not application.decisions.exists()


def test_the_list_uses_a_bounded_number_of_queries(
    client, coordinator, orgs, applications, django_assert_max_num_queries
):
    headers = _auth(coordinator)
    with django_assert_max_num_queries(10) as few:
        client.get(LIST, **headers)
    for i in range(20):
        services.application_submit(
            organisation=orgs.deploying,
            full_name=f"Persoon {i}",
            email=f"p{i}@example.org",
            channel=Channel.WEBSITE,
            motivation_text="x",
            consent=True,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(LIST, **headers).json()["count"] == 21


def test_the_schema_lists_the_recruitment_endpoints(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/recruitment/applications",
        "/api/recruitment/applications/{pk}",
        "/api/recruitment/applications/{pk}/decisions",
    } <= set(paths)
