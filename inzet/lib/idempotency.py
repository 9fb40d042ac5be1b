"""One mechanism against double submits and retries, for pages and the API alike.

Pages: every POST form renders `{% idempotency_token %}`, a one-time random token. API: the
client sends an `Idempotency-Key` header. The middleware claims the token (a unique row in
IdempotencyKey, committed before the view runs) and stores the answer; a second request with the
same token, from the same person to the same address, gets the first answer back without the
view running again. A request whose first try is still running waits for it briefly, then gets
409. A view that fails with an exception releases the token, so a retry can run.
"""

import hashlib
import time
import uuid

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.lib.models import IdempotencyKey

FIELD = "idempotency_token"
HEADER = "Idempotency-Key"
KEEP_FOR = timezone.timedelta(days=1)
MAX_STORED_BODY = 512 * 1024  # larger answers (files) are not stored: the token is released
WAIT_SECONDS = 10.0
_TEXT_TYPES = ("text/", "application/json")


def new_token() -> str:
    return uuid.uuid4().hex


def _scope(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    credential = request.headers.get("Authorization", "")
    if credential:  # an API key: the user is known only inside the view
        return "auth:" + hashlib.sha256(credential.encode()).hexdigest()
    session = getattr(request, "session", None)
    return f"session:{session.session_key}" if session is not None and session.session_key else "anonymous"


def _token(request) -> str:
    token = request.headers.get(HEADER, "")
    if not token and request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        token = request.POST.get(FIELD, "")
    return token.strip()[:200]


def request_key(request) -> str | None:
    token = _token(request)
    if not token:
        return None
    return hashlib.sha256(f"{_scope(request)}|{request.path}|{token}".encode()).hexdigest()


def _replay(request, row: IdempotencyKey) -> HttpResponse:
    if row.status is None:
        wanted_json = bool(request.headers.get(HEADER))
        message = _("Dit formulier wordt al verwerkt. Wacht even en kijk dan of het gelukt is.")
        if wanted_json:
            return JsonResponse({"detail": message}, status=409)
        return HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")
    response = HttpResponse(row.body, status=row.status, content_type=row.content_type or "text/html; charset=utf-8")
    if row.location:
        response["Location"] = row.location
    response["Idempotent-Replayed"] = "true"
    return response


def _wait_for_answer(key: str) -> IdempotencyKey | None:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        row = IdempotencyKey.objects.filter(key=key).first()
        if row is None or row.status is not None or time.monotonic() > deadline:
            return row
        time.sleep(0.1)


class IdempotencyMiddleware:
    """Last in MIDDLEWARE: only requests that reach a view claim a token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._finish(request, self.get_response(request))

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return None
        key = request_key(request)
        if key is None:
            return None
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        try:
            with transaction.atomic():
                IdempotencyKey.objects.create(key=key, user=user)
        except IntegrityError:
            row = _wait_for_answer(key)
            if row is not None:
                return _replay(request, row)
            return None  # the first try failed and released its token: this one runs
        request.idempotency_key = key
        return None

    def process_exception(self, request, exception):
        key = getattr(request, "idempotency_key", None)
        if key:
            IdempotencyKey.objects.filter(key=key).delete()
            request.idempotency_key = None

    def _finish(self, request, response):
        key = getattr(request, "idempotency_key", None)
        if not key:
            return response
        storable = (
            response.status_code < 500
            and not response.streaming
            and len(response.content) <= MAX_STORED_BODY
            and response.status_code != 409
            and (not response.content or response.get("Content-Type", "").startswith(_TEXT_TYPES))
        )
        if storable:
            IdempotencyKey.objects.filter(key=key).update(
                status=response.status_code,
                location=response.get("Location", "")[:2000],
                content_type=response.get("Content-Type", "")[:200],
                body=response.content.decode(response.charset or "utf-8", errors="replace"),
            )
        else:
            IdempotencyKey.objects.filter(key=key).delete()
        return response


def delete_expired(now=None) -> int:
    now = now or timezone.now()
    deleted, _rows = IdempotencyKey.objects.filter(created_at__lt=now - KEEP_FOR).delete()
    return deleted
