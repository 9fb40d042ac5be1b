from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "inzet.network"
    verbose_name = _("Netwerk: sociale kaart, bijeenkomsten en keurmerken")

    def ready(self):
        # This app sits above the demo: it plugs its demo data in (a downward import).
        from inzet.demo import data
        from inzet.network import demo

        for load in (demo.load_network_demo, demo.load_events_demo, demo.load_marks_demo):
            if load not in data.EXTRA_LOADERS:
                data.EXTRA_LOADERS.append(load)
