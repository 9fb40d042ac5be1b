from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "inzet.training"
    verbose_name = _("Scholing")

    def ready(self) -> None:
        # This app sits above the dashboard and the API (see the layers in the top README), so they
        # cannot import it: it hands them its steps and its router here.
        from inzet.api.api import api
        from inzet.dashboard import next_steps
        from inzet.training import selectors
        from inzet.training.api import router

        if selectors.next_steps_for not in next_steps.ROLE_STEPS:
            next_steps.ROLE_STEPS.append(selectors.next_steps_for)
        if not any(mounted is router for _prefix, mounted in api._routers):
            api.add_router("/training", router)
