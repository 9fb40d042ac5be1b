"""Uploaded and generated files, encrypted at rest and written only when their transaction commits.

Every file (request attachments, receipts, evidence, motivation files, SEPA and payout lists)
goes through this storage, the project's default:

- The content is encrypted with the field keys (inzet.lib.crypto: MultiFernet, the first key in
  INZET_FIELD_KEYS encrypts, all decrypt), so a copy of the media folder alone reveals nothing.
  It is decrypted only when a permission-checked download view opens it.
- Files and folders are created 0600 and 0700: readable by the application's user only.
- Saving inside a transaction writes the encrypted file under `.pending/`; it is moved into place
  when the transaction commits. A crash or rollback leaves at most a pending file, never a
  finished file without its row; `manage.py files_housekeeping` (daily) removes those.
"""

import hashlib
import logging
import os
import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import transaction

from inzet.lib.crypto import fernet

PENDING_DIR = ".pending"
FILE_MODE = 0o600
DIR_MODE = 0o700
_TOKEN_START = b"gAAAAA"  # every Fernet token starts so (version byte 0x80, then the time)

logger = logging.getLogger(__name__)


def encrypt_bytes(content: bytes) -> bytes:
    return fernet().encrypt(content)


def decrypt_bytes(stored: bytes) -> bytes:
    if not stored.startswith(_TOKEN_START):
        return stored  # written before files were encrypted; files_housekeeping encrypts it
    return fernet().decrypt(stored)


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, FILE_MODE)


class EncryptedFileSystemStorage(FileSystemStorage):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("file_permissions_mode", FILE_MODE)
        kwargs.setdefault("directory_permissions_mode", DIR_MODE)
        super().__init__(*args, **kwargs)

    # --- where pending files live -------------------------------------------------------------

    def pending_path(self, name: str) -> Path:
        digest = hashlib.sha256(name.encode()).hexdigest()
        return Path(self.location) / PENDING_DIR / digest

    def _current_path(self, name: str) -> Path | None:
        final = Path(self.path(name))
        if final.exists():
            return final
        pending = self.pending_path(name)
        return pending if pending.exists() else None

    # --- Storage API ----------------------------------------------------------------------------

    def _save(self, name: str, content) -> str:
        if hasattr(content, "seek"):
            content.seek(0)
        data = b"".join(content.chunks()) if hasattr(content, "chunks") else content.read()
        encrypted = encrypt_bytes(data)
        final = Path(self.path(name))
        pending = self.pending_path(name)
        _write_private(pending, encrypted)

        def move_into_place() -> None:
            final.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            os.replace(pending, final)

        # Runs at once outside a transaction; after the commit inside one; never after a rollback.
        transaction.on_commit(move_into_place, robust=False)
        return name.replace("\\", "/")

    def _open(self, name: str, mode: str = "rb"):
        if "w" in mode or "a" in mode:
            raise ValueError("encrypted files are written through save()")
        path = self._current_path(name)
        if path is None:
            raise FileNotFoundError(name)
        file = ContentFile(decrypt_bytes(path.read_bytes()), name=name)
        file.mode = mode
        return file

    def exists(self, name: str) -> bool:
        return self._current_path(name) is not None

    def delete(self, name: str) -> None:
        if not name:
            raise ValueError("The name must be given to delete().")
        for path in (Path(self.path(name)), self.pending_path(name)):
            path.unlink(missing_ok=True)

    def size(self, name: str) -> int:
        """The size of the content, not of its encrypted form."""
        with self.open(name) as file:
            return file.size

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        name = super().get_available_name(name, max_length)
        if self.pending_path(name).exists():  # another transaction is about to move a file there
            stem, dot, extension = name.rpartition(".")
            name = f"{stem}_{uuid.uuid4().hex[:7]}{dot}{extension}" if dot else f"{name}_{uuid.uuid4().hex[:7]}"
        return name

    # --- housekeeping ---------------------------------------------------------------------------

    def encrypt_in_place(self, name: str, *, rotate: bool = False) -> bool:
        """Encrypt a file stored before encryption; with `rotate`, re-encrypt it with the newest key."""
        path = Path(self.path(name))
        stored = path.read_bytes()
        if stored.startswith(_TOKEN_START):
            if not rotate:
                return False
            rotated = fernet().rotate(stored)
            _write_private(path.with_name(path.name + ".tmp"), rotated)
        else:
            _write_private(path.with_name(path.name + ".tmp"), encrypt_bytes(stored))
        os.replace(path.with_name(path.name + ".tmp"), path)
        return True
