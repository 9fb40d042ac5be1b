from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementsConfig(AppConfig):
    name = "inzet.engagements"
    verbose_name = _("Vragen en inzet")
