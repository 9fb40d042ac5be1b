from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "inzet.training"
    verbose_name = _("Scholing")

    def ready(self) -> None:
        # This app sits above the dashboard, the API and the demo (see the layers in the top README),
        # so they cannot import it: it hands them its steps, its router and its demo loader here.
        from inzet.api.api import api
        from inzet.dashboard import next_steps
        from inzet.demo import data
        from inzet.training import demo, selectors
        from inzet.training.api import router

        if selectors.next_steps_for not in next_steps.ROLE_STEPS:
            next_steps.ROLE_STEPS.append(selectors.next_steps_for)
        if not any(mounted is router for _prefix, mounted in api._routers):
            api.add_router("/training", router)
        if demo.load_training_demo not in data.EXTRA_LOADERS:
            data.EXTRA_LOADERS.append(demo.load_training_demo)
