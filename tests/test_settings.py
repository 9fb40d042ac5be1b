"""Settings that protect a running installation."""

import os
import subprocess
import sys

from django.conf import settings


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
