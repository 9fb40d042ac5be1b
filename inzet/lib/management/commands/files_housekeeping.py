"""`manage.py files_housekeeping` — run daily (cron or a scheduled task).

Deletes files that no row references and writes that never committed (a crash or a rollback),
encrypts files stored before encryption, and forgets idempotency keys older than a day. With
`--rotate-keys` it re-encrypts every file with the newest key in INZET_FIELD_KEYS.
"""

from django.core.management.base import BaseCommand

from inzet.lib.files import MIN_AGE_SECONDS, files_housekeeping


class Command(BaseCommand):
    help = "Delete orphan and unfinished files, encrypt plaintext files, forget old idempotency keys."

    def add_arguments(self, parser):
        parser.add_argument("--min-age", type=int, default=MIN_AGE_SECONDS, help="Leave younger files (seconds).")
        parser.add_argument("--rotate-keys", action="store_true", help="Re-encrypt every file with the newest key.")

    def handle(self, *args, **options):
        report = files_housekeeping(min_age=options["min_age"], rotate_keys=options["rotate_keys"])
        self.stdout.write(
            f"Deleted {report.orphans} orphan file(s) and {report.pending} unfinished write(s); "
            f"encrypted {report.encrypted} file(s); forgot {report.idempotency_keys} idempotency key(s)."
        )
