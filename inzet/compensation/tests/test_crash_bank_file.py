"""Finding 9: `kill -9` while a bank file is written leaves no file without a row; a retry makes one.

A real second process builds the SEPA batch on the test database (SQLite file or PostgreSQL) and
is killed right after its file write, before the transaction commits.
"""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from inzet.compensation import services
from inzet.compensation.models import Payout, PayoutBatch
from inzet.compensation.tests import factories as f
from inzet.lib.files import files_housekeeping

CHILD = textwrap.dedent(
    """
    import sys, time
    import django
    django.setup()
    from inzet.lib.storage import EncryptedFileSystemStorage
    from inzet.accounts.models import User
    from inzet.compensation import services
    from inzet.organisations.models import Organisation

    original = EncryptedFileSystemStorage._save

    def save_then_hang(self, name, content):
        saved = original(self, name, content)
        print("FILE WRITTEN", flush=True)
        time.sleep(600)  # the parent kills us here, inside the transaction
        return saved

    EncryptedFileSystemStorage._save = save_then_hang
    services.batch_create(
        organisation=Organisation.objects.get(pk=int(sys.argv[1])),
        kind="bank_transfer",
        actor=User.objects.get(pk=int(sys.argv[2])),
    )
    """
)


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}{port}/{db['NAME']}"


def _finished_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT, "payout-batches")
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.mark.django_db(transaction=True)
def test_kill_9_while_writing_the_bank_file_leaves_no_file_without_a_row(orgs, expert, asker, coordinator):
    f.bank_settings(orgs.deploying)
    for payout in f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator).payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "inzet.settings",
        "INZET_DATABASE_URL": _database_url(),
        "INZET_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "INZET_FIELD_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(orgs.deploying.pk), str(coordinator.pk)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "FILE WRITTEN", child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL

    assert not PayoutBatch.objects.exists()
    assert _finished_files() == []  # no bank file without its row
    assert not Payout.objects.filter(batch__isnull=False).exists()

    assert files_housekeeping(min_age=0).pending == 1  # the unfinished write is cleaned up daily
    batch, _skipped = services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)
    assert PayoutBatch.objects.count() == 1
    assert [p.relative_to(settings.MEDIA_ROOT).as_posix() for p in _finished_files()] == [batch.file.name]
    assert b"NL20INGB0001234567" in batch.file.open().read()
