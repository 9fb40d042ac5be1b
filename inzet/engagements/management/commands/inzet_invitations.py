"""`manage.py inzet_invitations`: expire invitations that ran out and remind experts who still have to answer.

Run it once a day (cron), for example:

    15 7 * * *  cd /srv/inzet && .venv/bin/python manage.py inzet_invitations

Running it twice is harmless: a reminder goes out once per invitation.
"""

from django.core.management.base import BaseCommand

from inzet.engagements import services


class Command(BaseCommand):
    help = "Expire invitations that ran out and remind experts before their invitation ends."

    def handle(self, *args, **options):
        result = services.invitations_housekeeping()
        self.stdout.write(f"expired={result['expired']} reminded={result['reminded']}")
