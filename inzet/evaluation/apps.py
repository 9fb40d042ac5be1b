from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "inzet.evaluation"
    verbose_name = _("Evaluatie")

    def ready(self):
        # This app sits on the top layer: it plugs itself into the lower apps (demo), never the reverse.
        from inzet import bench
        from inzet.demo import data
        from inzet.demo import seed as demo_seed
        from inzet.evaluation import demo
        from inzet.evaluation.bench import evaluation_report_benchmark
        from inzet.evaluation.seed import seed_evaluation

        if demo.load_evaluation_demo not in data.EXTRA_LOADERS:
            data.EXTRA_LOADERS.append(demo.load_evaluation_demo)
        if demo.load_feedback_demo not in data.EXTRA_LOADERS:
            data.EXTRA_LOADERS.append(demo.load_feedback_demo)
        bench.BENCHMARKS.setdefault("evaluation_report", evaluation_report_benchmark)
        from inzet.evaluation.feedback import expert_feedback_scores
        from inzet.matching import candidates as matching_candidates

        if expert_feedback_scores not in matching_candidates.FEEDBACK_SOURCES:
            matching_candidates.FEEDBACK_SOURCES.append(expert_feedback_scores)
        from inzet.api.api import api
        from inzet.evaluation.api import router

        if not any(mounted is router for _prefix, mounted in api._routers):
            api.add_router("/evaluation", router)
        if seed_evaluation not in demo_seed.EXTRA_SEEDERS:
            demo_seed.EXTRA_SEEDERS.append(seed_evaluation)
