"""`manage.py inzet_support`: remind of overdue mentor talks and of coming growth-plan reviews.

Run it once a day (cron), for example:

    30 7 * * *  cd /srv/inzet && .venv/bin/python manage.py inzet_support

Running it twice is harmless: each reminder row is claimed before its e-mail goes out.
"""

from django.core.management.base import BaseCommand

from inzet.support import growth, services


class Command(BaseCommand):
    help = "Remind of mentor talks more than 31 days ago and of growth-plan reviews within a week."

    def handle(self, *args, **options):
        talks = services.talk_reminders_send()
        reviews = growth.review_reminders_send()
        self.stdout.write(f"reminded={talks} plan_reviews={reviews}")
