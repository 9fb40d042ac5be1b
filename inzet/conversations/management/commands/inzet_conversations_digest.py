from django.core.management.base import BaseCommand

from inzet.conversations import services


class Command(BaseCommand):
    help = "Send each person one e-mail with their unread notifications (skips who switched it off)."

    def handle(self, *args, **options):
        sent = services.digest_send()
        self.stdout.write(f"{sent} e-mail(s) queued")
