"""Settings that protect a running installation."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection


def _production_settings(code: str, **env) -> str:
    """Evaluate `code` against inzet.settings loaded fresh with the production environment."""
    environment = {
        **os.environ,
        "INZET_ENV": "production",
        "INZET_SECRET_KEY": "x" * 60,
        "INZET_ALLOWED_HOSTS": "inzet.example.org",
        "INZET_FIELD_KEYS": "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5PQ==",
        "INZET_DATABASE_URL": "postgres://u:p@localhost:5432/inzet",
        **env,
    }
    script = f"import inzet.settings as s; print({code})"
    return subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_database_connections_are_checked_before_reuse():
    # After a PostgreSQL restart a kept connection is dead; without the check every worker
    # answered its first request with a 500.
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert _production_settings('s.DATABASES["default"]["CONN_HEALTH_CHECKS"]') == "True"


def test_on_postgresql_parameters_travel_apart_so_repeated_statements_are_prepared():
    # Server-side binding gives every run of a query the same text, so psycopg can prepare it after
    # `prepare_threshold` runs; behind a pooler that cannot keep prepared statements both are off.
    options = 's.DATABASES["default"].get("OPTIONS", {})'
    assert _production_settings(options) == "{'server_side_binding': True, 'prepare_threshold': 5}"
    assert _production_settings(options, INZET_DB_PREPARE_THRESHOLD="2") == (
        "{'server_side_binding': True, 'prepare_threshold': 2}"
    )
    assert _production_settings(options, INZET_DB_PREPARED_STATEMENTS="false") == "{}"
    sqlite = _production_settings(options, INZET_DATABASE_URL="sqlite:////tmp/inzet-settings-test.sqlite3")
    assert "server_side_binding" not in sqlite and "prepare_threshold" not in sqlite


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_on_postgresql_a_query_every_page_runs_is_prepared_and_gives_each_user_their_own_row(db):
    from inzet.accounts.models import User

    first = User.objects.create_user(email="een@example.org", password="x" * 12, full_name="Een")
    second = User.objects.create_user(email="twee@example.org", password="x" * 12, full_name="Twee")
    threshold = settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"]
    for user in [first, second] * (threshold + 1):  # as the authentication middleware looks a user up
        assert User.objects.get(pk=user.pk).email == user.email
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s AND statement LIKE %s",
            ['SELECT "accounts_user"."id"%', '%WHERE "accounts_user"."id" = $1%'],
        )
        assert cursor.fetchone()[0] == 1  # one statement for every user: its value travels apart
