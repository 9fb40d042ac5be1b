"""The one mechanism against double submits (inzet.lib.idempotency)."""

import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from inzet.lib import idempotency
from inzet.lib.models import IdempotencyKey

TEMPLATES = Path(__file__).resolve().parents[2]
# Login, two-step and API-key pages belong to accounts: a replayed answer there could hold a secret.
NOT_COVERED = ("accounts/", "templates/base.html")


def test_every_post_form_outside_accounts_carries_a_one_time_token():
    missing = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        if any(part in str(path) for part in NOT_COVERED):
            continue
        forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", text, flags=re.S | re.I)
        missing += [str(path) for form in forms if "idempotency_token" not in form]
    assert missing == []


def _request(token="abc"):
    request = RequestFactory().post("/x/", {idempotency.FIELD: token})
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    return request


@pytest.mark.django_db
def test_a_failing_view_releases_its_token_so_a_retry_runs():
    middleware = idempotency.IdempotencyMiddleware(lambda r: HttpResponse("ok"))
    request = _request()
    assert middleware.process_view(request, None, (), {}) is None
    middleware.process_exception(request, RuntimeError("boom"))
    assert not IdempotencyKey.objects.exists()
    assert middleware.process_view(_request(), None, (), {}) is None  # runs again


@pytest.mark.django_db
def test_a_retry_while_the_first_try_still_runs_gets_409(monkeypatch):
    monkeypatch.setattr(idempotency, "WAIT_SECONDS", 0.2)
    middleware = idempotency.IdempotencyMiddleware(lambda r: HttpResponse("ok"))
    middleware.process_view(_request(), None, (), {})
    response = middleware.process_view(_request(), None, (), {})
    assert response.status_code == 409 and "wordt al verwerkt" in response.content.decode()


@pytest.mark.django_db
def test_stored_answers_are_encrypted_and_expire_after_a_day():
    middleware = idempotency.IdempotencyMiddleware(lambda r: HttpResponse("Uw uren: 2,5 bij Gemeente Test"))
    request = _request()
    middleware.process_view(request, None, (), {})
    middleware._finish(request, HttpResponse("Uw uren: 2,5 bij Gemeente Test"))
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM lib_idempotencykey")
        assert "Gemeente" not in cursor.fetchone()[0]
    assert idempotency.delete_expired(timezone.now()) == 0
    assert idempotency.delete_expired(timezone.now() + timezone.timedelta(days=1, minutes=1)) == 1
