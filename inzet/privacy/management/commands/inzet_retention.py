"""`manage.py inzet_retention`: apply every retention rule once. Run it daily, for example:

    30 3 * * *  cd /srv/inzet && .venv/bin/python manage.py inzet_retention

Two runs at the same time never act twice on a row (each row is claimed first). It prints and
logs counts per rule, never content.
"""

from django.core.management.base import BaseCommand

from inzet.privacy.retention import retention_run


class Command(BaseCommand):
    help = "Apply every retention rule (periods and legal bases in Privacy › Bewaarregels)."

    def handle(self, *args, **options):
        for code, count in retention_run().items():
            self.stdout.write(f"{code}={count}")
