"""Housekeeping for stored files: orphans, unfinished writes, plaintext left from before encryption."""

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models

from inzet.lib import idempotency
from inzet.lib.storage import PENDING_DIR

logger = logging.getLogger(__name__)
MIN_AGE_SECONDS = 3600  # younger files may belong to a transaction that has not committed yet


@dataclass
class Report:
    orphans: int = 0
    pending: int = 0
    encrypted: int = 0
    idempotency_keys: int = 0


def referenced_names() -> set[str]:
    """Every file name a row points to, over all FileFields of all models."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and not field.many_to_many:
                values = model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True)
                names.update(name for name in values.iterator() if name)
    return names


def files_housekeeping(
    *, min_age: int = MIN_AGE_SECONDS, rotate_keys: bool = False, now: float | None = None
) -> Report:
    """Delete files no row references and unfinished writes, encrypt plaintext files, forget old keys."""
    now = now or time.time()
    root = Path(default_storage.location)
    report = Report()
    if root.exists():
        referenced = referenced_names()
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(root).as_posix()
            old_enough = now - path.stat().st_mtime >= min_age
            if relative.startswith(PENDING_DIR + "/"):
                if old_enough:  # its transaction rolled back or its process died
                    path.unlink(missing_ok=True)
                    report.pending += 1
            elif relative not in referenced:
                if old_enough:
                    path.unlink(missing_ok=True)
                    report.orphans += 1
            elif default_storage.encrypt_in_place(relative, rotate=rotate_keys):
                report.encrypted += 1
    report.idempotency_keys = idempotency.delete_expired()
    logger.info("files housekeeping: %s", report)
    return report
