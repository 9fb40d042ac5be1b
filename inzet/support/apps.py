from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "inzet.support"
    verbose_name = _("Steun en groei")
