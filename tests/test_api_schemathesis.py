"""Schemathesis over /api/openapi.json as every role: no server errors, answers as documented.

Each operation gets a bounded number of generated requests (valid ones, then invalid ones) per
role, sent to the Django WSGI app inside the test transaction. Two-step login is enforced and
the keys were made after two-step login, as for a real coordinator. Every failure is collected,
so one run reports all of them; the count of requests tried is printed (pytest -s).
"""

import logging

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from inzet.accounts.models import ApiToken
from inzet.compensation.tests.factories import approved_hours, assignment

ROLES = ["anonymous", "expert", "coordinator", "asker", "operator"]
# Requests per operation, role and mode: 28 operations × 5 roles × 2 modes × 5 = 1,400 requests.
EXAMPLES = 5
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.fuzz]


@pytest.fixture(scope="module")
def api_schema(django_db_blocker):
    with django_db_blocker.unblock():
        return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def _keep_test_connection():
    """As Django's test client does: a request must not close the test transaction's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(settings, personas, orgs, expert_profile, _keep_test_connection):
    """Enough data that lists are not empty: an accepted assignment with approved hours."""
    settings.TWO_FACTOR_ENFORCED = True
    invitation = assignment(orgs, expert=personas["expert"], asker=personas["asker"])
    approved_hours(invitation, personas["coordinator"], "2")
    return personas


def _headers(world, role: str) -> dict[str, str]:
    if role == "anonymous":
        return {}
    _token, raw = ApiToken.issue(user=world[role], name="schemathesis", made_after_two_step=True)
    return {"Authorization": f"Bearer {raw}"}


def _probe(operation, mode, headers) -> tuple[int, list[str]]:
    tried, failures = 0, []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: collect, don't minimise
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        nonlocal tried
        tried += 1
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS if mode is GenerationMode.POSITIVE else CHECKS[:1])
        except (AssertionError, BaseExceptionGroup) as exc:  # schemathesis Failure / FailureGroup
            for failure in getattr(exc, "exceptions", [exc]):
                title = getattr(failure, "title", "") or str(failure).strip().split("\n")[0]
                failures.append(f"{operation.label} [{mode.value}] → {response.status_code}: {title}")

    run()
    return tried, failures


@pytest.mark.parametrize("role", ROLES)
def test_the_api_answers_every_role_as_documented(api_schema, world, role, caplog):
    caplog.set_level(logging.ERROR, logger="django.request")  # thousands of expected 404/422 lines
    headers = _headers(world, role)
    tried, failures = 0, []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            count, found = _probe(operation, mode, headers)
            tried += count
            failures += found
    print(f"SCHEMATHESIS role={role} requests={tried} failures={len(failures)}")
    assert tried > 100
    unique = sorted(set(failures))
    assert unique == [], f"{len(failures)} failing requests, {len(unique)} distinct:\n" + "\n".join(unique)
