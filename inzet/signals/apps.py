from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "inzet.signals"
    verbose_name = _("Signalen en lobby")

    def ready(self):
        # This app sits above the demo: it plugs its demo data in (a downward import).
        from inzet.demo import data
        from inzet.signals import demo

        if demo.load_signals_demo not in data.EXTRA_LOADERS:
            data.EXTRA_LOADERS.append(demo.load_signals_demo)
