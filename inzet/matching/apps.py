from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "inzet.matching"
    verbose_name = _("Koppelen")
