from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "inzet.directory"
    verbose_name = _("Zoeken en overzicht")

    def ready(self) -> None:
        from inzet.directory import receivers  # noqa: F401 — connects once the models are loaded
