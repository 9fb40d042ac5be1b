import pytest

from inzet.accounts.models import ApiToken
from inzet.engagements.models import EngagementRequest, IntakeReview, Invitation, RequestStatus
from inzet.engagements.tests import factories as f
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Membership, Role


@pytest.fixture
def pool(orgs):
    """Three active experts of the deploying organisation."""
    from conftest import make_person

    people = []
    for i in range(3):
        user = make_person(f"pool{i}@test.nl", f"Pool {i}", [(orgs.deploying, Role.EXPERT)])
        people.append(ExpertProfile.objects.create(user=user, organisation=orgs.deploying))
    return people


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _post(client, url, user, data=None):
    return client.post(url, data or {}, content_type="application/json", **_auth(user))


INTAKE = {
    "fits_mission": True,
    "fits_mission_reason": "Past bij onze missie",
    "has_expertise": True,
    "has_expertise_reason": "Ja",
    "conditions_ok": True,
    "conditions_ok_reason": "Eerlijke vergoeding",
    "decision": "accept",
}


def test_the_schema_lists_the_engagement_endpoints(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/requests", "/api/requests/{pk}", "/api/requests/{pk}/submit", "/api/requests/{pk}/intake"):
        assert path in paths
    assert "/api/invitations" in paths and "/api/invitations/{pk}/respond" in paths


def test_an_asker_creates_a_draft_and_submits_it(client, asker, coordinator, orgs):
    response = _post(
        client,
        "/api/requests",
        asker,
        {
            "title": "Meedenken over jeugdbeleid",
            "goal": "Jongeren laten meepraten",
            "deploying_organisation_id": orgs.deploying.pk,
            "experience_areas": ["youth_care"],
            "hours_estimate": "6.5",
            "amount_offered": "50.00",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["experts_needed"] == 2
    assert body["asker_organisation"] == {"id": orgs.asker.pk, "name": "Gemeente Test"}
    assert body["experience_areas"] == ["youth_care"] and body["amount_offered"] == "50.00"
    pk = body["id"]
    # A coordinator does not see a draft.
    assert client.get(f"/api/requests/{pk}", **_auth(coordinator)).status_code == 404
    response = _post(client, f"/api/requests/{pk}/submit", asker)
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    assert client.get(f"/api/requests/{pk}", **_auth(coordinator)).json()["title"] == "Meedenken over jeugdbeleid"


def test_bad_input_gets_the_one_error_shape(client, asker, orgs):
    response = _post(
        client,
        "/api/requests",
        asker,
        {"title": "T", "goal": "G", "deploying_organisation_id": orgs.deploying.pk, "experience_areas": ["onzin"]},
    )
    assert response.status_code == 422 and "onzin" in response.json()["detail"]
    response = _post(
        client, "/api/requests", asker, {"title": "T", "goal": "G", "deploying_organisation_id": orgs.other_asker.pk}
    )
    assert response.status_code == 422
    assert not EngagementRequest.objects.exists()


@pytest.mark.parametrize("persona", ["coordinator", "trainer", "expert", "operator", "outsider"])
def test_only_askers_create_requests(client, personas, orgs, persona):
    response = _post(
        client,
        "/api/requests",
        personas[persona],
        {"title": "T", "goal": "G", "deploying_organisation_id": orgs.deploying.pk},
    )
    assert response.status_code == 403 and response.json() == {"detail": "Forbidden"}


@pytest.mark.parametrize(
    "persona,visible",
    [
        ("asker", {"Nog niet verstuurd", "Verstuurd"}),
        ("coordinator", {"Verstuurd"}),
        ("trainer", {"Verstuurd"}),
        ("other_asker", set()),
        ("other_coordinator", set()),
    ],
)
def test_the_list_shows_only_what_the_person_may_see(client, personas, asker, orgs, persona, visible):
    f.draft(orgs, asker, title="Nog niet verstuurd")
    f.submitted(orgs, asker, title="Verstuurd")
    response = client.get("/api/requests", **_auth(personas[persona]))
    assert response.status_code == 200
    assert {r["title"] for r in response.json()["items"]} == visible


@pytest.mark.parametrize("persona", ["expert", "operator", "outsider"])
def test_the_wrong_role_gets_403_on_the_list(client, personas, persona):
    assert client.get("/api/requests", **_auth(personas[persona])).status_code == 403


def test_the_list_uses_a_bounded_number_of_queries(client, asker, coordinator, orgs, django_assert_max_num_queries):
    for i in range(10):
        f.matching(orgs, asker, coordinator, title=f"Vraag {i}")
    headers = _auth(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get("/api/requests", **headers)
    assert response.json()["count"] == 10


@pytest.mark.parametrize("persona", ["other_coordinator", "other_asker", "expert", "operator", "outsider"])
def test_other_people_get_404_for_a_request(client, personas, asker, orgs, persona):
    request = f.submitted(orgs, asker)
    response = client.get(f"/api/requests/{request.pk}", **_auth(personas[persona]))
    assert response.status_code == 404 and response.json() == {"detail": "Not found"}


def test_a_coordinator_does_the_intake(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    response = _post(client, f"/api/requests/{request.pk}/intake", coordinator, INTAKE)
    assert response.status_code == 200, response.content
    assert response.json()["decision"] == "accept" and response.json()["request"]["status"] == "matching"
    assert IntakeReview.objects.get(request=request).conditions_ok_reason == "Eerlijke vergoeding"


def test_the_intake_needs_reasons_and_a_message_to_decline(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    response = _post(client, f"/api/requests/{request.pk}/intake", coordinator, {**INTAKE, "fits_mission_reason": ""})
    assert response.status_code == 422
    response = _post(client, f"/api/requests/{request.pk}/intake", coordinator, {**INTAKE, "decision": "decline"})
    assert response.status_code == 422
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED


@pytest.mark.parametrize(
    "persona,status", [("trainer", 403), ("asker", 403), ("other_coordinator", 404), ("expert", 404)]
)
def test_only_the_coordinator_does_the_intake(client, personas, asker, orgs, persona, status):
    request = f.submitted(orgs, asker)
    assert _post(client, f"/api/requests/{request.pk}/intake", personas[persona], INTAKE).status_code == status


def test_only_the_asker_submits(client, asker, other_asker, coordinator, orgs):
    draft = f.draft(orgs, asker)
    assert _post(client, f"/api/requests/{draft.pk}/submit", other_asker).status_code == 404
    # A coordinator may see a submitted request, but submitting is the asker's part.
    submitted = f.submitted(orgs, asker)
    assert _post(client, f"/api/requests/{submitted.pk}/submit", coordinator).status_code == 403
    draft.refresh_from_db()
    assert draft.status == RequestStatus.DRAFT


def test_an_expert_lists_and_answers_their_invitations(client, asker, coordinator, orgs, expert, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    response = client.get("/api/invitations", **_auth(expert))
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["id"] == invitation.pk and item["state"] == "pending"
    assert item["request"]["goal"] == request.goal and item["request"]["experts_needed"] == 2
    assert item["request"]["experts_accepted"] == 0
    response = _post(client, f"/api/invitations/{invitation.pk}/respond", expert, {"accept": True})
    assert response.status_code == 200 and response.json()["state"] == "accepted"
    assert response.json()["request"]["experts_accepted"] == 1


def test_declining_with_an_optional_reason(client, asker, coordinator, orgs, expert, expert_profile):
    invitation = f.invite(f.matching(orgs, asker, coordinator), expert_profile, coordinator)
    response = _post(
        client, f"/api/invitations/{invitation.pk}/respond", expert, {"accept": False, "reason": "Te zwaar"}
    )
    assert response.json()["state"] == "declined"
    invitation.refresh_from_db()
    assert invitation.reason == "Te zwaar"


@pytest.mark.parametrize("persona", ["coordinator", "asker", "other_coordinator", "outsider"])
def test_nobody_else_answers_an_invitation(client, personas, asker, coordinator, orgs, expert_profile, persona):
    invitation = f.invite(f.matching(orgs, asker, coordinator), expert_profile, coordinator)
    response = _post(client, f"/api/invitations/{invitation.pk}/respond", personas[persona], {"accept": True})
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING


@pytest.mark.parametrize("persona", ["coordinator", "asker", "outsider"])
def test_only_experts_list_invitations(client, personas, persona):
    assert client.get("/api/invitations", **_auth(personas[persona])).status_code == 403


def test_a_coordinator_who_is_also_an_expert_sees_only_their_own_invitations(client, asker, coordinator, orgs, pool):
    Membership.objects.create(user=coordinator, organisation=orgs.other_deploying, role=Role.EXPERT)
    ExpertProfile.objects.create(user=coordinator, organisation=orgs.other_deploying)
    f.invite(f.matching(orgs, asker, coordinator), pool[0], coordinator)
    response = client.get("/api/invitations", **_auth(coordinator))
    assert response.status_code == 200 and response.json()["items"] == []


def test_full_seats_are_refused_over_the_api(client, asker, coordinator, orgs, expert, expert_profile, pool):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    f.fill_seats(request, coordinator, pool[:2])
    response = _post(client, f"/api/invitations/{invitation.pk}/respond", expert, {"accept": True})
    assert response.status_code == 422 and "gevuld" in response.json()["detail"]


def test_the_api_accepts_a_no_only_as_an_exception_with_a_reason(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    url = f"/api/requests/{request.pk}/intake"
    with_no = {**INTAKE, "has_expertise": False, "has_expertise_reason": "Niemand met jeugdzorg-ervaring"}
    response = _post(client, url, coordinator, with_no)
    assert response.status_code == 422
    assert "uitzondering" in response.json()["detail"]
    response = _post(
        client, url, coordinator, {**with_no, "override": True, "override_reason": "Wij scholen twee mensen"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["override"] is True and response.json()["override_reason"] == "Wij scholen twee mensen"


def test_the_api_refuses_a_brokered_request_when_the_installation_refers(client, asker, orgs):
    from inzet.organisations.models import PolicySettings

    PolicySettings.objects.update_or_create(pk=1, defaults={"brokerage": False})
    response = _post(
        client,
        "/api/requests",
        asker,
        {"title": "Meedenken", "goal": "Beleid toetsen", "deploying_organisation_id": orgs.deploying.pk},
    )
    assert response.status_code == 422 and "zoeken wij niet zelf ervaringsdeskundigen" in response.json()["detail"]
    assert not EngagementRequest.objects.exists()


def test_the_api_reads_and_writes_the_new_fields(client, asker, orgs):
    response = _post(
        client,
        "/api/requests",
        asker,
        {
            "title": "Meedenken",
            "goal": "Beleid toetsen",
            "deploying_organisation_id": orgs.deploying.pk,
            "research_rung": "co_researcher",
            "decision_role": "partner",
            "travel_hours": "1.5",
            "getting_to_know": True,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["research_rung"] == "co_researcher" and body["decision_role"] == "partner"
    assert body["travel_hours"] == "1.5" and body["getting_to_know"] is True
