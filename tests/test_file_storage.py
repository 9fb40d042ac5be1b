"""Finding 7 and 9: files are encrypted at rest, private, and written only when their transaction commits."""

import io
import os
import stat
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

from inzet.lib import files
from inzet.lib.storage import EncryptedFileSystemStorage

SECRET = b"Naam: Eef Expert; IBAN NL20INGB0001234567"


def test_the_default_storage_encrypts():
    assert isinstance(default_storage, EncryptedFileSystemStorage)


@pytest.mark.django_db
def test_a_stored_file_is_encrypted_private_and_read_back_as_written(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        name = default_storage.save("payout-batches/sepa.xml", ContentFile(SECRET))
    path = Path(settings.MEDIA_ROOT, name)
    on_disk = path.read_bytes()
    assert SECRET not in on_disk and b"NL20INGB" not in on_disk
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with default_storage.open(name) as handle:
        assert handle.read() == SECRET
    assert default_storage.size(name) == len(SECRET)


@pytest.mark.django_db
def test_a_file_is_moved_into_place_only_when_the_transaction_commits(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        name = default_storage.save("receipts/bon.pdf", ContentFile(SECRET))
    final = Path(settings.MEDIA_ROOT, name)
    assert not final.exists()  # not committed (yet): no finished file
    assert default_storage.open(name).read() == SECRET  # the same transaction can still read it
    callbacks[0]()
    assert final.exists() and not default_storage.pending_path(name).exists()


@pytest.mark.django_db
def test_a_rolled_back_write_leaves_no_finished_file_and_housekeeping_removes_the_rest(settings):
    with pytest.raises(RuntimeError), transaction.atomic():
        name = default_storage.save("receipts/bon.pdf", ContentFile(SECRET))
        raise RuntimeError("crash before commit")
    assert not Path(settings.MEDIA_ROOT, name).exists()
    report = files.files_housekeeping(min_age=0)
    assert report.pending == 1
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []


def test_housekeeping_deletes_old_orphans_keeps_referenced_files_and_encrypts_old_plaintext(
    settings, expert_profile, django_capture_on_commit_callbacks
):
    from inzet.experts.models import TrainingRecord

    root = Path(settings.MEDIA_ROOT)
    (root / "evidence").mkdir(parents=True)
    legacy = root / "evidence" / "oud.pdf"
    legacy.write_bytes(SECRET)  # stored before files were encrypted
    TrainingRecord.objects.create(profile=expert_profile, kind="course", name="Cursus", evidence="evidence/oud.pdf")
    orphan, young = root / "evidence" / "wees.pdf", root / "evidence" / "net.pdf"
    orphan.write_bytes(b"x")
    young.write_bytes(b"y")
    os.utime(orphan, (time.time() - 7200, time.time() - 7200))

    report = files.files_housekeeping()

    assert (report.orphans, report.encrypted) == (1, 1)
    assert not orphan.exists() and young.exists()  # a young file may belong to a running transaction
    assert SECRET not in legacy.read_bytes()
    assert default_storage.open("evidence/oud.pdf").read() == SECRET
    out = io.StringIO()
    call_command("files_housekeeping", "--rotate-keys", stdout=out)
    assert "encrypted 1 file(s)" in out.getvalue()  # re-encrypted with the newest key
    assert default_storage.open("evidence/oud.pdf").read() == SECRET
