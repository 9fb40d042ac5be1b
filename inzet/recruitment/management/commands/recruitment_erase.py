"""`manage.py recruitment_erase` — erase declined and withdrawn applications after the retention period.

The consent text promises applicants this; run it daily (cron, or a scheduled task).
"""

from django.core.management.base import BaseCommand

from inzet.recruitment.models import RETENTION_DAYS
from inzet.recruitment.services import applications_erase_expired


class Command(BaseCommand):
    help = f"Erase declined and withdrawn applications older than {RETENTION_DAYS} days, files included."

    def handle(self, *args, **options):
        count = applications_erase_expired()
        self.stdout.write(f"Erased {count} application(s).")
