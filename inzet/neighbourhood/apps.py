from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodConfig(AppConfig):
    name = "inzet.neighbourhood"
    verbose_name = _("Wijkteams en trajecten")

    def ready(self):
        # This app sits above the dashboard: it plugs its reminders in, so the dashboard never imports it.
        from inzet.accounts import twofactor
        from inzet.api.api import api
        from inzet.dashboard import next_steps
        from inzet.neighbourhood import selectors
        from inzet.neighbourhood.api import router

        if selectors.next_steps_for not in next_steps.ROLE_STEPS:
            next_steps.ROLE_STEPS.append(selectors.next_steps_for)
        if _reads_residents not in twofactor.SEES_SPECIAL_DATA:
            twofactor.SEES_SPECIAL_DATA.append(_reads_residents)
        if not any(mounted is router for _prefix, mounted in api._routers):
            api.add_router("/neighbourhood", router)


def _reads_residents(user) -> bool:
    """Team members read residents' lives: two-step login applies to them as to coordinators."""
    from inzet.neighbourhood.models import TeamMember

    return TeamMember.objects.filter(user=user, is_active=True).exists()
