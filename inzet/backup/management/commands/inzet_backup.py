"""`manage.py inzet_backup [PATH]`: database, media folder and manifest in one .tar.gz (docs/OPERATIONS.md)."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inzet.backup.archive import KEYS_REMINDER, BackupError, backup


class Command(BaseCommand):
    help = "Back up the database, the media folder and a manifest into one archive. Keep INZET_FIELD_KEYS separately."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="Where to write the archive (default: var/backups/inzet-<time>.tar.gz)"
        )

    def handle(self, *args, path=None, **options):
        destination = (
            Path(path)
            if path
            else settings.VAR_DIR / "backups" / f"inzet-{datetime.datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        )
        try:
            manifest = backup(destination)
        except (BackupError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        destination.chmod(0o600)
        rows = sum(manifest["models"].values())
        self.stdout.write(
            self.style.SUCCESS(f"Backup written: {destination} ({rows} rows, {manifest['media_files']} files)")
        )
        self.stdout.write(self.style.WARNING(KEYS_REMINDER))
