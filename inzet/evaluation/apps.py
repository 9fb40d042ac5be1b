from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "inzet.evaluation"
    verbose_name = _("Evaluatie")

    def ready(self):
        # This app sits on the top layer: it plugs itself into the lower apps (matching, API), never the
        # reverse. Its demo, seed and benchmark live in inzet/demo, which sits above it.
        from inzet.evaluation.feedback import expert_feedback_scores
        from inzet.matching import candidates as matching_candidates

        if expert_feedback_scores not in matching_candidates.FEEDBACK_SOURCES:
            matching_candidates.FEEDBACK_SOURCES.append(expert_feedback_scores)
        from inzet.api.api import api
        from inzet.evaluation.api import router

        if not any(mounted is router for _prefix, mounted in api._routers):
            api.add_router("/evaluation", router)
