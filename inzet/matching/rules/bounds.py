"""Upper bounds of the points, vectorised with numpy, so a large pool builds only who can reach the top.

Pure (no Django). ``upper_bounds`` gives, per candidate, at least the raw points ``scoring._points``
would give: it starts from the same most-points-for-what-the-viewer-sees (``_Plan.vis_max``) and
takes off the same shortfalls for the asked areas, roles, competences, level, languages and wanted
settings, in the same order; availability, distance, workload and feedback only take off more.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from inzet.matching.rules.values import (
    _B_AREAS,
    _B_COMPETENCES,
    _B_LANGUAGES,
    _B_LEVEL,
    _B_ROLES,
    _B_WANTS,
    _BIT,
    _LEVEL_RANK,
    DEFAULT_WEIGHTS,
    RequestSpec,
    Weights,
    _Plan,
)

LEVEL_RANK = _LEVEL_RANK


def plan_for(request: RequestSpec, *, viewer_person_id: int, weights: Weights = DEFAULT_WEIGHTS) -> _Plan:
    return _Plan(request, weights, viewer_person_id)


def consent_mask(consent: Mapping[str, bool]) -> int:
    """The bit mask of ``Candidate.consent`` (as ``Candidate._vmask``)."""
    return sum(_BIT.get(item, 0) for item, granted in consent.items() if granted)


def upper_bounds(plan: _Plan, masks: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Most raw points per candidate. ``masks``: consent bit masks; ``counts`` rows: asked areas had,
    asked roles had, competences (confirmed + half the self-assessed only), asked languages had,
    1 when a wanted setting is asked, and the level's rank."""
    ub = np.asarray(plan.vis_max, dtype=np.float64)[masks]
    fraction_of_level = np.asarray(plan.level_fraction, dtype=np.float64)
    criteria = (
        (_B_AREAS, plan.m_experience_areas, lambda: counts[0] / len(plan.areas)),
        (_B_ROLES, plan.m_roles, lambda: counts[1] / len(plan.roles)),
        (_B_COMPETENCES, plan.m_competences, lambda: counts[2] / len(plan.competences)),
        (_B_LEVEL, plan.m_level, lambda: fraction_of_level[counts[5].astype(np.int64)]),
        (_B_LANGUAGES, plan.m_languages, lambda: counts[3] / len(plan.languages)),
        (_B_WANTS, plan.m_wants, lambda: counts[4]),
    )
    for bit, most, fraction in criteria:
        if most:
            ub = ub - np.where((masks & bit) != 0, most * (1.0 - fraction()), 0.0)
    return ub
