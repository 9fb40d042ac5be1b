from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "inzet.network"
    verbose_name = _("Netwerk: sociale kaart, bijeenkomsten en keurmerken")
