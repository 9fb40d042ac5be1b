"""One archive with everything needed to bring Inzet back: the database (every model as JSON,
portable between SQLite and PostgreSQL), the media folder and a manifest.

Encrypted columns stay encrypted in the archive (written under the current key). The keys
themselves (INZET_FIELD_KEYS) are never in it: without them the archive cannot be read, which is
the point. Restore first checks that the current keys open a sample of the encrypted values, and
refuses with a clear message otherwise, instead of loading data that would give errors later.
"""

import datetime
import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from inzet.lib.crypto import EncryptedTextField, decrypt, encrypt

FORMAT = "inzet-backup/1"
# Sessions are not worth keeping: people log in again after a restore.
SKIP = {"sessions.session"}
SAMPLE_SIZE = 25

KEYS_REMINDER = (
    "LET OP / NOTE: this archive is useless without INZET_FIELD_KEYS. Keep the keys separately "
    "(a password manager or a sealed envelope), never next to the archive."
)


class BackupError(Exception):
    """A backup or restore that must stop, with a message for the operator."""


class _Serializer(JSONSerializer):
    """Django's JSON serializer, but encrypted columns are written encrypted (not as plain text)."""

    def handle_field(self, obj, field):
        if isinstance(field, EncryptedTextField):
            value = field.value_from_object(obj)
            self._current[field.name] = encrypt(value) if value not in (None, "") else value
        else:
            super().handle_field(obj, field)


def _models():
    return [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy and m._meta.label_lower not in SKIP]


def _encrypted(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def backup(destination: Path) -> dict:
    """Write the archive to `destination` (.tar.gz). Returns the manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT,
        "made_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "django": django.get_version(),
        "database": connection.vendor,
        "migrations": _applied_migrations(),
        "models": {},
        "encrypted": {},
        "media_files": 0,
        "keys": KEYS_REMINDER,
    }
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        # One transaction: every model is read from the same moment (PostgreSQL: repeatable reads
        # would be better still; a quiet moment such as the night is good enough for SQLite too).
        db_dir = Path(tmp) / "db"
        db_dir.mkdir()
        for model in _models():
            label = model._meta.label
            with open(db_dir / f"{label}.json", "w", encoding="utf-8") as out:
                _Serializer().serialize(model._base_manager.order_by("pk").iterator(chunk_size=2000), stream=out)
            manifest["models"][label] = model._base_manager.count()
            if _encrypted(model):
                manifest["encrypted"][label] = _encrypted(model)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(destination, "w:gz") as tar:
            for path in sorted(db_dir.iterdir()):
                tar.add(path, arcname=f"db/{path.name}")
            if media_root.is_dir():
                for path in sorted(media_root.rglob("*")):
                    if path.is_file() and not path.is_symlink():
                        tar.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
                        manifest["media_files"] += 1
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            import io

            tar.addfile(info, io.BytesIO(data))
    return manifest


def _read_json(tar: tarfile.TarFile, name: str):
    member = tar.extractfile(name)
    if member is None:
        raise BackupError(f"The archive has no {name}.")
    return json.load(member)


def check_keys(tar: tarfile.TarFile, manifest: dict) -> int:
    """Decrypt a sample of the encrypted values with the current keys. Returns how many were tried."""
    tried = 0
    for label, fields in manifest["encrypted"].items():
        for row in _read_json(tar, f"db/{label}.json"):
            for name in fields:
                value = row["fields"].get(name)
                if value in (None, ""):
                    continue
                try:
                    decrypt(value)
                except ValueError as exc:
                    raise BackupError(
                        f"Restore refused: the keys in INZET_FIELD_KEYS cannot decrypt {label}.{name} "
                        "in this archive. Set the keys that were in use when the backup was made "
                        "(newest first, comma-separated) and try again. Nothing was changed."
                    ) from exc
                tried += 1
                if tried >= SAMPLE_SIZE:
                    return tried
    return tried


def _has_data() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model()._base_manager.exists()


def _safe_media_path(media_root: Path, name: str) -> Path | None:
    relative = PurePosixPath(name).relative_to("media")
    if relative.is_absolute() or ".." in relative.parts:
        return None
    target = (media_root / relative).resolve()
    return target if target.is_relative_to(media_root.resolve()) else None


def restore(source: Path, *, replace: bool = False) -> dict:
    """Load the archive into this database and media folder. Returns the manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(source, "r:gz") as tar:
        manifest = _read_json(tar, "manifest.json")
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown archive format {manifest.get('format')!r}; expected {FORMAT}.")
        if manifest["migrations"] != _applied_migrations():
            raise BackupError(
                "Restore refused: this database is at another version than the backup. Install the "
                "same Inzet version, run `manage.py migrate`, then restore. Nothing was changed."
            )
        check_keys(tar, manifest)
        if not replace and _has_data():
            raise BackupError("Restore refused: this database already holds data. Use --replace to overwrite it.")
        if not replace and media_root.is_dir() and any(media_root.iterdir()):
            raise BackupError(f"Restore refused: {media_root} is not empty. Use --replace to overwrite it.")
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            with connection.constraint_checks_disabled():
                for label in manifest["models"]:
                    encrypted = manifest["encrypted"].get(label, [])
                    member = tar.extractfile(f"db/{label}.json")
                    for item in serializers.deserialize("json", member):
                        for name in encrypted:
                            value = getattr(item.object, name)
                            if value not in (None, ""):
                                # Saving encrypts again under the current key.
                                setattr(item.object, name, decrypt(value))
                        item.save()
            connection.check_constraints()
            statements = connection.ops.sequence_reset_sql(no_style(), _models())
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
        # The database is committed; now the files (a failure here can be retried safely).
        if replace and media_root.is_dir() and any(media_root.iterdir()):
            aside = media_root.with_name(f"{media_root.name}.before-restore-{datetime.datetime.now():%Y%m%d%H%M%S}")
            media_root.rename(aside)
        media_root.mkdir(parents=True, exist_ok=True)
        for member in tar.getmembers():
            if not member.name.startswith("media/") or not member.isfile():
                continue
            target = _safe_media_path(media_root, member.name)
            if target is None:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            target.chmod(0o600)
    return manifest
