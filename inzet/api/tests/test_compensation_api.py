import datetime as dt
import json
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inzet.accounts.models import ApiToken
from inzet.compensation.models import EntryState, ExpenseClaim, HourEntry
from inzet.compensation.tests import factories as f


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _post(client, url, body, user):
    return client.post(url, json.dumps(body), content_type="application/json", **_auth(user))


@pytest.fixture
def job(orgs, expert, asker):
    return f.assignment(orgs, expert=expert, asker=asker)


def test_the_schema_lists_the_compensation_endpoints(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/compensation/check", "/api/compensation/hours", "/api/compensation/expenses"} <= set(paths)


# --- the rule check ------------------------------------------------------------------------------


def test_the_check_answers_with_crossed_caps_and_dutch_lines(client, expert):
    response = _post(
        client,
        "/api/compensation/check",
        {"date": "2023-03-31", "amount": "208.00", "hours": "52", "age_band": "27_plus"},
        expert,
    )
    assert response.status_code == 200
    body = response.json()
    assert body["stays_untaxed_allowance"] is False
    assert body["crossed_caps"] == [
        {"kind": "month", "limit": "190.00", "resulting_amount": "208.00", "year": 2023, "already_crossed": False}
    ]
    texts = [line["text"] for line in body["explanation"]]
    assert any("maandgrens van € 190 (2023)" in t for t in texts)
    assert all(src.startswith("https://") for line in body["explanation"] for src in line["sources"])
    assert any(line["sources"] for line in body["explanation"])
    assert body["indication"] == "Dit is een schatting, geen advies." and body["warnings"] is True


def test_the_check_adds_up_history_for_a_benefit(client, expert):
    response = _post(
        client,
        "/api/compensation/check",
        {
            "date": "2024-05-20",
            "amount": "100.00",
            "age_band": "27_plus",
            "benefit": "wajong",
            "organisation_id": 1,
            "history": [{"date": "2024-05-02", "amount": "150.00", "organisation_id": 2}],
        },
        expert,
    )
    body = response.json()
    assert body["stays_untaxed_allowance"] is False  # the tax caps count all organisations together
    assert body["benefit_effect"] == "fully_offset"
    assert D(body["benefit_offset"]) == D("250.00")


def test_the_check_says_when_a_year_is_missing(client, expert):
    body = _post(
        client, "/api/compensation/check", {"date": "2026-02-01", "amount": "10.00", "age_band": "27_plus"}, expert
    ).json()
    assert body["stays_untaxed_allowance"] is None and body["missing_cap_year"] == 2026
    assert any("2026 zijn nog niet bekend" in line["text"] for line in body["explanation"])


def test_the_check_refuses_money_as_a_json_number(client, expert):
    response = _post(
        client, "/api/compensation/check", {"date": "2025-02-01", "amount": 10.1, "age_band": "27_plus"}, expert
    )
    assert response.status_code == 422


def test_the_check_needs_a_key_or_a_session(client, db):
    response = client.post(
        "/api/compensation/check",
        json.dumps({"date": "2025-02-01", "amount": "1", "age_band": "27_plus"}),
        content_type="application/json",
    )
    assert response.status_code == 401


# --- hours -----------------------------------------------------------------------------------------


def test_an_expert_logs_hours_on_their_own_assignment(client, job, expert):
    response = _post(
        client, "/api/compensation/hours", {"assignment_id": job.pk, "date": "2025-03-01", "hours": "2.25"}, expert
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["hours"], body["state"], body["on_behalf"], body["assignment_id"]) == (
        "2.25",
        "submitted",
        False,
        job.pk,
    )


@pytest.mark.parametrize("persona", ["other_coordinator", "asker", "trainer", "outsider"])
def test_others_cannot_log_hours_or_see_them(client, personas, job, expert, persona):
    HourEntry.objects.create(invitation=job, date=dt.date(2025, 3, 1), hours=D(1), created_by=expert)
    user = personas[persona]
    response = _post(
        client, "/api/compensation/hours", {"assignment_id": job.pk, "date": "2025-03-01", "hours": "1"}, user
    )
    assert response.status_code == 404 and response.json() == {"detail": "Not found"}
    assert client.get("/api/compensation/hours", **_auth(user)).json() == []


def test_bad_hours_get_a_dutch_message(client, job, expert):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = _post(client, "/api/compensation/hours", {"assignment_id": job.pk, "date": future, "hours": "1"}, expert)
    assert response.status_code == 422 and "toekomst" in response.json()["detail"]


def test_a_coordinator_decides_but_the_expert_may_not(client, job, expert, coordinator):
    entry = HourEntry.objects.create(invitation=job, date=dt.date(2025, 3, 1), hours=D(1), created_by=expert)
    url = f"/api/compensation/hours/{entry.pk}/decision"
    assert _post(client, url, {"decision": "approve"}, expert).status_code == 403
    response = _post(client, url, {"decision": "approve"}, coordinator)
    assert response.status_code == 200 and response.json()["state"] == EntryState.APPROVED
    assert [row["id"] for row in client.get("/api/compensation/hours", **_auth(coordinator)).json()] == [entry.pk]


# --- expenses ------------------------------------------------------------------------------------


def test_an_expert_sends_an_expense_with_a_receipt(client, job, expert):
    response = client.post(
        "/api/compensation/expenses",
        {
            "assignment_id": job.pk,
            "date": "2025-03-01",
            "amount": "12.40",
            "description": "Trein",
            "receipt": f.pdf_upload(),
        },
        **_auth(expert),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["amount"] == "12.40" and body["receipt_url"].endswith(f"/kosten/{body['id']}/bonnetje/")
    assert ExpenseClaim.objects.get().receipt_name == "bon.pdf"


def test_a_fake_receipt_is_refused(client, job, expert):
    response = client.post(
        "/api/compensation/expenses",
        {
            "assignment_id": job.pk,
            "date": "2025-03-01",
            "amount": "12.40",
            "description": "Trein",
            "receipt": SimpleUploadedFile("bon.png", b"not a png"),
        },
        **_auth(expert),
    )
    assert response.status_code == 422 and "geen echte png" in response.json()["detail"]
    assert not ExpenseClaim.objects.exists()
