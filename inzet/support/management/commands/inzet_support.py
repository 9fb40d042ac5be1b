"""`manage.py inzet_support`: remind mentors and coordinators of overdue mentor talks.

Run it once a day (cron), for example:

    30 7 * * *  cd /srv/inzet && .venv/bin/python manage.py inzet_support

Running it twice is harmless: each reminder row is claimed before its e-mail goes out.
"""

from django.core.management.base import BaseCommand

from inzet.support import services


class Command(BaseCommand):
    help = "Remind mentors and coordinators when a mentor talk is more than 31 days ago."

    def handle(self, *args, **options):
        self.stdout.write(f"reminded={services.talk_reminders_send()}")
