"""`manage.py inzet_restore PATH [--replace]`: bring back a backup made by `inzet_backup`.

Refuses (and changes nothing) when the current INZET_FIELD_KEYS cannot decrypt the archive's
encrypted values, when the database is at another migration state, or when data exists and
--replace was not given.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inzet.backup.archive import KEYS_REMINDER, BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by inzet_backup into this (migrated) database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--replace", action="store_true", help="Overwrite the data in this database and media folder."
        )

    def handle(self, *args, path, replace=False, **options):
        try:
            manifest = restore(Path(path), replace=replace)
        except BackupError as exc:
            raise CommandError(f"{exc}\n{KEYS_REMINDER}") from exc
        rows = sum(manifest["models"].values())
        self.stdout.write(self.style.SUCCESS(f"Restored {rows} rows and {manifest['media_files']} files from {path}."))
