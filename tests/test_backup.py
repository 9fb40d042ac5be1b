"""Back up, restore into a fresh database and a fresh media folder (another process, as an operator
would), and read every encrypted column of every model there; refuse with the wrong keys."""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from inzet.compensation import services as compensation_services
from inzet.compensation.models import ExpenseClaim
from inzet.compensation.tests import factories as f
from inzet.demo.data import load_demo
from inzet.lib.crypto import EncryptedTextField
from inzet.lib.models import IdempotencyKey
from inzet.neighbourhood.tests.access import team_for
from inzet.neighbourhood.tests.test_retention import _full_trajectory
from inzet.recruitment.models import (
    Application,
    ApplicationAnswer,
    ApplicationQuestion,
    IntroTalk,
    PipelineStage,
    ShadowDay,
    ShadowEvaluation,
    StageDecision,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]

READ_EVERY_ENCRYPTED_COLUMN = """
import json
from django.apps import apps
from inzet.lib.crypto import EncryptedTextField
out = {}
for model in apps.get_models():
    names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
    if names:
        out[model._meta.label] = [list(row) for row in model._base_manager.order_by("pk").values_list("pk", *names)]
print(json.dumps(out))
"""


def _encrypted_models():
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


@pytest.fixture
def every_encrypted_column(orgs, expert, expert_profile, asker, coordinator, django_capture_on_commit_callbacks):
    """At least one row with a value in every encrypted column of every model."""
    with django_capture_on_commit_callbacks(execute=True):  # files are moved into place on commit
        f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator)
    IdempotencyKey.objects.create(key="0" * 64, status=302, body="eerste antwoord")
    stage = PipelineStage.objects.create(organisation=orgs.deploying, code="gesprek", name="Gesprek")
    application = Application.objects.create(
        organisation=orgs.deploying,
        full_name="Anna",
        channel="website",
        current_stage=stage,
        consent_at="2026-01-01T10:00:00Z",
    )
    StageDecision.objects.create(application=application, stage=stage, date="2026-01-02", decision="passed")
    question = ApplicationQuestion.objects.create(organisation=orgs.deploying, text="Wat kunt u goed?")
    ApplicationAnswer.objects.create(application=application, question=question, answer="Luisteren")
    IntroTalk.objects.create(application=application, date="2026-01-03", recovery="Stabiel", learning_goals="Leren")
    ShadowDay.objects.create(application=application, date="2026-01-04", notes="Goed meegelopen")
    ShadowEvaluation.objects.create(
        application=application, date="2026-01-10", outcome="continue", applicant_view="Fijn"
    )
    compensation_services.external_allowance_save(
        expert=expert_profile,
        actor=expert,
        organisation_name="Buurthuis",
        amount=Decimal("30.00"),
        from_month=dt.date(2026, 1, 1),
    )
    # A neighbourhood trajectory from first contact to closure (the demo has none yet).
    _full_trajectory(team_for(orgs), expert, closed_on=dt.date(2026, 1, 10))
    # The demo shows every feature in use, so newer apps' encrypted rows come from there.
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    expected = {}
    for model, names in _encrypted_models():
        first = model._base_manager.order_by("pk").first()
        assert first is not None, (
            f"Give {model._meta.label} a row in this fixture: its encrypted columns must be read back"
        )
        model._base_manager.filter(pk=first.pk).update(**{name: f"geheim {model._meta.label}.{name}" for name in names})
        expected[model._meta.label] = [
            list(row) for row in model._base_manager.order_by("pk").values_list("pk", *names)
        ]
    return expected


def _manage(*args, env, check=True):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True, check=check, cwd=ROOT
    )


def _fresh_env(tmp_path: Path, keys: list[str]) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INZET_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="inzet.settings",
        INZET_DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        INZET_MEDIA_ROOT=str(tmp_path / "fresh-media"),
        INZET_VAR_DIR=str(tmp_path / "var"),
        INZET_FIELD_KEYS=",".join(keys),
    )
    return env


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory) -> Path:
    """A fresh database as `migrate` leaves it, made once (a full migrate takes a minute): each test
    restores into its own copy of it."""
    folder = tmp_path_factory.mktemp("migrated")
    _manage("migrate", "--verbosity", "0", env=_fresh_env(folder, list(settings.FIELD_ENCRYPTION_KEYS)))
    return folder / "fresh.sqlite3"


def _fresh_database(migrated: Path, tmp_path: Path) -> None:
    shutil.copyfile(migrated, tmp_path / "fresh.sqlite3")


def test_backup_restores_into_a_fresh_database_with_every_encrypted_column_readable(
    every_encrypted_column, migrated_database, tmp_path, capsys
):
    archive = tmp_path / "backup.tar.gz"
    receipt = ExpenseClaim.objects.first().receipt
    receipt_bytes = Path(receipt.path).read_bytes()
    call_command("inzet_backup", str(archive))
    assert "INZET_FIELD_KEYS" in capsys.readouterr().out  # the reminder is printed every time

    # Key rotation: a new key first, the old one still there to decrypt.
    env = _fresh_env(tmp_path, [Fernet.generate_key().decode(), *settings.FIELD_ENCRYPTION_KEYS])
    _fresh_database(migrated_database, tmp_path)
    restored = _manage("inzet_restore", str(archive), env=env)
    assert "Restored" in restored.stdout

    read = json.loads(_manage("shell", "--no-imports", "-c", READ_EVERY_ENCRYPTED_COLUMN, env=env).stdout)
    assert read == every_encrypted_column
    assert (tmp_path / "fresh-media" / receipt.name).read_bytes() == receipt_bytes


def test_restore_refuses_when_the_keys_cannot_decrypt_the_archive(every_encrypted_column, migrated_database, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("inzet_backup", str(archive))
    env = _fresh_env(tmp_path, [Fernet.generate_key().decode()])
    _fresh_database(migrated_database, tmp_path)
    refused = _manage("inzet_restore", str(archive), env=env, check=False)
    assert refused.returncode == 1
    assert "cannot decrypt" in refused.stderr and "INZET_FIELD_KEYS" in refused.stderr
    count = "from inzet.accounts.models import User; print(User.objects.count())"
    assert _manage("shell", "--no-imports", "-c", count, env=env).stdout.strip() == "0"
    assert not (tmp_path / "fresh-media").exists() or not any((tmp_path / "fresh-media").iterdir())


def test_restore_refuses_to_overwrite_data_without_replace(every_encrypted_column, tmp_path):
    from django.core.management.base import CommandError

    archive = tmp_path / "backup.tar.gz"
    call_command("inzet_backup", str(archive))
    with pytest.raises(CommandError, match="already holds data"):
        call_command("inzet_restore", str(archive))
