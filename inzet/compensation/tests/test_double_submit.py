"""Finding 9: a double-clicked or retried form or API call is handled once (inzet.lib.idempotency)."""

import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inzet.accounts.models import ApiToken
from inzet.compensation.models import ExpenseClaim, HourEntry
from inzet.lib.tests.samples import PDF_BYTES


def _token_on(page) -> str:
    return re.search(r'name="idempotency_token" value="([0-9a-f]{32})"', page.content.decode()).group(1)


def test_a_double_clicked_hours_form_makes_one_row(client, job, expert):
    client.force_login(expert)
    url = reverse("compensation:hours_add", args=[job.pk])
    token = _token_on(client.get(url))
    data = {"date": "2025-03-01", "hours": "2,5", "description": "Sessie met raad", "idempotency_token": token}
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert second["Idempotent-Replayed"] == "true"
    assert HourEntry.objects.filter(invitation=job).count() == 1
    client.post(url, data | {"idempotency_token": _token_on(client.get(url))})  # a new form: a new row
    assert HourEntry.objects.filter(invitation=job).count() == 2


def test_a_double_clicked_expense_form_stores_one_claim_and_one_receipt(client, job, expert):
    client.force_login(expert)
    url = reverse("compensation:expense_add", args=[job.pk])
    token = _token_on(client.get(url))
    for _ in range(2):
        response = client.post(
            url,
            {
                "date": "2025-03-01",
                "amount": "12,40",
                "description": "Trein",
                "receipt": SimpleUploadedFile("bon.pdf", PDF_BYTES),
                "idempotency_token": token,
            },
        )
        assert response.status_code == 302
    assert ExpenseClaim.objects.filter(invitation=job).count() == 1


def test_a_form_with_errors_answers_the_same_and_a_corrected_form_gets_through(client, job, expert):
    client.force_login(expert)
    url = reverse("compensation:hours_add", args=[job.pk])
    token = _token_on(client.get(url))
    bad = {"date": "2025-03-01", "hours": "twee", "description": "x", "idempotency_token": token}
    first = client.post(url, bad)
    assert first.status_code == 200 and "Vul een getal in" in first.content.decode()
    assert client.post(url, bad).content == first.content
    corrected = bad | {"hours": "2", "idempotency_token": _token_on(first)}  # the page with errors has a fresh token
    assert client.post(url, corrected).status_code == 302
    assert HourEntry.objects.filter(invitation=job).count() == 1


def test_the_same_token_from_someone_else_is_not_replayed(client, job, expert, coordinator):
    url = reverse("compensation:hours_add", args=[job.pk])
    client.force_login(expert)
    token = _token_on(client.get(url))
    client.post(url, {"date": "2025-03-01", "hours": "1", "description": "a", "idempotency_token": token})
    client.force_login(coordinator)
    response = client.post(url, {"date": "2025-03-02", "hours": "1", "description": "b", "idempotency_token": token})
    assert "Idempotent-Replayed" not in response
    assert HourEntry.objects.filter(invitation=job).count() == 2  # the coordinator logs on the expert's behalf


def _api_post(client, user, body, key=None):
    _token, raw = ApiToken.issue(user=user, name="test")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if key:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return client.post("/api/compensation/hours", json.dumps(body), content_type="application/json", **headers), raw


def test_an_api_retry_with_the_same_idempotency_key_returns_the_first_answer(client, job, expert):
    body = {"assignment_id": job.pk, "date": "2025-03-01", "hours": "2.25"}
    _token, raw = ApiToken.issue(user=expert, name="test")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}", "HTTP_IDEMPOTENCY_KEY": "retry-1"}
    first = client.post("/api/compensation/hours", json.dumps(body), content_type="application/json", **headers)
    again = client.post("/api/compensation/hours", json.dumps(body), content_type="application/json", **headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert HourEntry.objects.filter(invitation=job).count() == 1
    other = client.post(
        "/api/compensation/hours",
        json.dumps(body),
        content_type="application/json",
        **headers | {"HTTP_IDEMPOTENCY_KEY": "retry-2"},
    )
    assert other.status_code == 201 and HourEntry.objects.filter(invitation=job).count() == 2


def test_an_api_key_of_another_caller_is_not_replayed(client, job, expert, coordinator):
    body = {"assignment_id": job.pk, "date": "2025-03-01", "hours": "1"}
    first, _raw = _api_post(client, expert, body, key="same")
    second, _raw = _api_post(client, coordinator, body, key="same")
    assert first.status_code == second.status_code == 201
    assert "Idempotent-Replayed" not in second
    assert second.json()["id"] != first.json()["id"]
