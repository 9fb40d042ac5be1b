from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "inzet.knowledge"
    verbose_name = _("Kennisbank en vraagverheldering")

    def ready(self):
        # This app sits on the top layer: it plugs into lower apps, none of them imports it.
        from inzet.engagements import panels
        from inzet.knowledge.views_helpdesk import intake_panel

        if intake_panel not in panels.INTAKE_PANELS:
            panels.INTAKE_PANELS.append(intake_panel)
