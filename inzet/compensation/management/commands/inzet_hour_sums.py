"""`manage.py inzet_hour_sums` — count the approved hours per organisation and day again from the hour rows.

Safe while the site runs: one transaction; on PostgreSQL writers of hours wait until it commits
(readers go on). `--check` only compares and exits with status 1 when a total differs.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from inzet.compensation import hour_sums
from inzet.compensation.models import ApprovedHoursDay, HourEntry


class Command(BaseCommand):
    help = "Rebuild the per-day totals of approved hours that the evaluation report reads (or --check them)."

    def add_arguments(self, parser):
        parser.add_argument("organisation_ids", nargs="*", type=int, help="only these organisations (default: all)")
        parser.add_argument("--check", action="store_true", help="compare with the hour rows, change nothing")

    def handle(self, *args, organisation_ids, check=False, **options):
        started = time.perf_counter()
        ids = organisation_ids or None
        if check:
            fresh = hour_sums.totals_by_day(HourEntry, organisation_ids=ids)
            stored = ApprovedHoursDay.objects.filter(entries__gt=0)
            if ids:
                stored = stored.filter(organisation_id__in=ids)
            kept = {
                (row.organisation_id, row.date): (row.entries, row.hours, row.half_days) for row in stored.iterator()
            }
            counted = {key: (row["entries"], row["hours"] or 0, row["half_days"] or 0) for key, row in fresh.items()}
            wrong = sorted(key for key in kept.keys() | counted.keys() if kept.get(key) != counted.get(key))
            if wrong:
                shown = ", ".join(f"organisation {org} on {day}" for org, day in wrong[:10])
                raise CommandError(f"{len(wrong)} day totals differ from the hour rows: {shown}. Run without --check.")
            self.stdout.write(self.style.SUCCESS(f"All {len(kept)} day totals equal the hour rows."))
            return
        days = hour_sums.rebuild(organisation_ids=ids)
        self.stdout.write(self.style.SUCCESS(f"Counted {days} day totals in {time.perf_counter() - started:.1f} s."))
