from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodConfig(AppConfig):
    name = "inzet.neighbourhood"
    verbose_name = _("Wijkteams en trajecten")
