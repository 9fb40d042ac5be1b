from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementsConfig(AppConfig):
    name = "inzet.engagements"
    verbose_name = _("Vragen en inzet")

    def ready(self):
        from inzet.engagements import calendar, introductions

        if introductions.feed_events not in calendar.FEED_SOURCES:
            calendar.FEED_SOURCES.append(introductions.feed_events)
