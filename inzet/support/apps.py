from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _feed_events(user):
    from inzet.support import meetings

    return meetings.events(meetings.calendar_meetings(user))


class SupportConfig(AppConfig):
    name = "inzet.support"
    verbose_name = _("Steun en groei")

    def ready(self):
        # This app sits above the dashboard and the API: it plugs itself into them
        # (downward imports), so none of them has to import it.
        from inzet.api.api import api
        from inzet.dashboard import next_steps
        from inzet.engagements import calendar
        from inzet.support import selectors, write_api  # noqa: F401  (write_api adds its operations to router)
        from inzet.support.api import router

        if selectors.next_steps_for not in next_steps.ROLE_STEPS:
            next_steps.ROLE_STEPS.append(selectors.next_steps_for)
        if not any(mounted is router for _prefix, mounted in api._routers):
            api.add_router("/support", router)
        if _feed_events not in calendar.FEED_SOURCES:
            calendar.FEED_SOURCES.append(_feed_events)
