from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodConfig(AppConfig):
    name = "inzet.neighbourhood"
    verbose_name = _("Wijkteams en trajecten")

    def ready(self):
        # This app sits above the dashboard: it plugs its reminders in, so the dashboard never imports it.
        from inzet.dashboard import next_steps
        from inzet.neighbourhood import selectors

        if selectors.next_steps_for not in next_steps.ROLE_STEPS:
            next_steps.ROLE_STEPS.append(selectors.next_steps_for)
