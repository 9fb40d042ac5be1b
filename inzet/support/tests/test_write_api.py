"""Growth-plan writes and intervisie groups over the API: the page's rules, one error shape,
Idempotency-Key on writes, wrong roles 403/404."""

import pytest

from inzet.accounts.models import ApiToken
from inzet.support import growth, intervision
from inzet.support.models import GoalKind, GroupMember, GrowthPlan, PlanGoal, PlanReview


def _auth(user, key: str | None = None) -> dict:
    _token, raw = ApiToken.issue(user=user, name="t", made_after_two_step=True)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if key:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return headers


def _send(client, method, path, payload, user, key=None):
    return getattr(client, method)(path, payload, content_type="application/json", **_auth(user, key))


@pytest.fixture
def plan(profile, expert):
    return growth.plan_start(actor=expert, expert=profile)


def test_the_expert_starts_fills_and_reviews_their_plan(client, profile, expert):
    response = _send(client, "post", "/api/support/growth-plans", {}, expert)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    again = _send(client, "post", "/api/support/growth-plans", {}, expert)
    assert again.json()["id"] == pk and GrowthPlan.objects.count() == 1
    response = _send(client, "patch", f"/api/support/growth-plans/{pk}", {"dreams": "Betaald werk"}, expert)
    assert response.status_code == 200 and response.json()["dreams"] == "Betaald werk"
    goal = {"title": "Solliciteren", "kind": GoalKind.PAID_WORK, "nonce": "g1"}
    headers = _auth(expert, "k-goal")  # one key, one API key: a retry of the same request
    url = f"/api/support/growth-plans/{pk}/goals"
    response = client.post(url, goal, content_type="application/json", **headers)
    assert response.status_code == 201 and response.json()["kind"] == "paid_work"
    replay = client.post(url, goal, content_type="application/json", **headers)
    assert replay.status_code == 201 and replay.headers.get("Idempotent-Replayed") == "true"
    assert PlanGoal.objects.count() == 1
    goal_pk = response.json()["id"]
    response = _send(client, "patch", f"/api/support/growth-goals/{goal_pk}", {"status": "done"}, expert)
    assert response.status_code == 200 and response.json()["status"] == "done"
    review = {"reviewed_on": "2026-01-05", "nonce": "r1"}
    assert _send(client, "post", f"/api/support/growth-plans/{pk}/reviews", review, expert).status_code == 201
    assert PlanReview.objects.count() == 1


def test_bad_input_gets_a_dutch_message_and_changes_nothing(client, plan, expert):
    response = _send(client, "post", f"/api/support/growth-plans/{plan.pk}/goals", {"title": "", "nonce": "x"}, expert)
    assert response.status_code == 422 and "title:" in response.json()["detail"]
    response = _send(
        client, "post", f"/api/support/growth-plans/{plan.pk}/goals", {"title": "A", "kind": "x", "nonce": "y"}, expert
    )
    assert response.status_code == 422 and "kind:" in response.json()["detail"]
    future = {"reviewed_on": "2999-01-01", "nonce": "r"}
    response = _send(client, "post", f"/api/support/growth-plans/{plan.pk}/reviews", future, expert)
    assert (
        response.status_code == 422
        and "Deze datum ligt in de toekomst. Vul de datum in waarop u het plan besprak." in response.json()["detail"]
    )
    assert not PlanGoal.objects.exists() and not PlanReview.objects.exists()


def test_only_the_owner_writes_the_plan(client, plan, expert, coordinator, trainer, asker, outsider):
    for person in (coordinator, trainer, asker, outsider):
        response = _send(client, "patch", f"/api/support/growth-plans/{plan.pk}", {"dreams": "Niet van u"}, person)
        assert response.status_code == 404, person
    growth.plan_update(plan=plan, actor=expert, shared_with_coordinators=True)
    response = _send(client, "patch", f"/api/support/growth-plans/{plan.pk}", {"dreams": "Niet van u"}, coordinator)
    assert response.status_code == 403
    goal = {"title": "Niet van u", "nonce": "c1"}
    assert _send(client, "post", f"/api/support/growth-plans/{plan.pk}/goals", goal, coordinator).status_code == 403
    # Someone the plan is shared with may record a review, as on the page.
    review = {"reviewed_on": "2026-01-05", "nonce": "r2"}
    assert _send(client, "post", f"/api/support/growth-plans/{plan.pk}/reviews", review, coordinator).status_code == 201
    assert _send(client, "post", "/api/support/growth-plans", {}, asker).status_code == 404
    plan.refresh_from_db()
    assert plan.dreams == "" and not PlanGoal.objects.exists()


@pytest.fixture
def group(orgs, trainer):
    return intervision.group_create(
        actor=trainer, host=orgs.deploying, name="Regio Utrecht", region="Utrecht", facilitator=trainer, nonce="g1"
    )


def test_intervisie_groups_over_the_api(client, orgs, group, profile, expert, other_coordinator, stranger, asker):
    assert _send(
        client, "post", f"/api/support/intervision-groups/{group.pk}/membership", {"join": True}, expert
    ).json()["you_are_member"]
    # Another organisation joins through its coordinator; its expert then joins too.
    body = {"organisation_id": orgs.other_deploying.pk, "on": True}
    response = _send(
        client, "post", f"/api/support/intervision-groups/{group.pk}/organisations", body, other_coordinator
    )
    assert response.status_code == 200 and "Andere Stichting" in response.json()["organisations"]
    response = _send(
        client, "post", f"/api/support/intervision-groups/{group.pk}/membership", {"join": True}, stranger.user
    )
    assert response.status_code == 200
    # The other coordinator sees their own expert by name, the other member only as a number.
    body = client.get(f"/api/support/intervision-groups/{group.pk}", **_auth(other_coordinator)).json()
    assert body["members_visible"] == ["Vera Vreemd"] and body["members_other"] == 1
    assert GroupMember.objects.count() == 2
    # Wrong roles.
    for person in (asker,):
        assert client.get("/api/support/intervision-groups", **_auth(person)).status_code == 404
        assert client.get(f"/api/support/intervision-groups/{group.pk}", **_auth(person)).status_code == 404
    body = {"organisation_id": orgs.deploying.pk, "on": False}
    response = _send(
        client, "post", f"/api/support/intervision-groups/{group.pk}/organisations", body, other_coordinator
    )
    assert response.status_code == 403


def test_a_coordinator_creates_a_group_once_per_nonce(client, orgs, coordinator, trainer, expert, profile):
    payload = {
        "host_id": orgs.deploying.pk,
        "name": "Regio Oost",
        "region": "Oost",
        "facilitator_id": trainer.pk,
        "nonce": "n",
    }
    first = _send(client, "post", "/api/support/intervision-groups", payload, coordinator)
    assert first.status_code == 201, first.content
    second = _send(client, "post", "/api/support/intervision-groups", payload, coordinator)
    assert second.json()["id"] == first.json()["id"]
    bad = {**payload, "facilitator_id": expert.pk, "nonce": "m"}
    response = _send(client, "post", "/api/support/intervision-groups", bad, coordinator)
    assert response.status_code == 422
    assert response.json()["detail"] == "Kies een trainer of coördinator van de organisatie."
    assert (
        _send(client, "post", "/api/support/intervision-groups", {**payload, "nonce": "e"}, expert).status_code == 403
    )
