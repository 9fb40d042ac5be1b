"""Extra panels on the coordinator's intake page, from apps above engagements.

An app appends `f(request, engagement) -> str` (rendered, safe HTML, or "" for nothing) to
INTAKE_PANELS from its AppConfig.ready(); the knowledge app shows the asker's readiness checklist.
engagements never imports those apps.
"""

from collections.abc import Callable

INTAKE_PANELS: list[Callable] = []


def intake_panels(request, engagement) -> list[str]:
    return [html for panel in INTAKE_PANELS if (html := panel(request, engagement))]
