from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _on_engagement_event(*, users, text: str, path: str) -> None:
    from inzet.conversations import services

    services.notify(users=users, text=text, path=path)


class ConversationsConfig(AppConfig):
    name = "inzet.conversations"
    verbose_name = _("Gesprekken en meldingen")

    def ready(self):
        # This app sits on the top layer: it plugs itself into the API and the engagements' notices
        # (downward imports), so neither imports it.
        from inzet.api.api import api
        from inzet.conversations.api import router
        from inzet.engagements import events

        if not any(mounted is router for _prefix, mounted in api._routers):
            api.add_router("/conversations", router)
        if _on_engagement_event not in events.LISTENERS:
            events.LISTENERS.append(_on_engagement_event)
