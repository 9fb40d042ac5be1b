"""Matching rules: who may be proposed for a request, how well they fit, and why.

Pure Python, no Django. The services layer turns model rows into ``Candidate`` and
``RequestSpec`` values for one viewer (the coordinator who asks for a ranking) and
calls ``rank``; a detail page can call ``evaluate`` for one expert.

Hard filters (``filter_reason``) never let anyone through, whatever the score:

- ``self``          the candidate is the viewer: a coordinator can never propose or
                    assign themselves (docs/domain/request-loop.md#independence), checked per person, not per role;
- ``no_consent``    the expert did not agree to be matched at all;
- ``paused``        the expert took a pause (normal, and it must not count against
                    them: they are simply not proposed);
- ``does_not_want`` a kind of work in the request is on the expert's does-not-want
                    list (the right to decline without a reason);
- ``unavailable``   the expert is free on none of the days of the request's period
                    (unavailable periods and working weekdays); partly free is a
                    lower availability score, not an exclusion;
- ``too_far``       in-person work beyond the travel radius the expert set himself.
                    Without a radius of their own nobody is excluded for distance; the
                    score then uses ``Weights.default_travel_radius_km``.

Consent policy (AVG/GDPR: lived experience is health data, docs/domain/consent.md).
``Candidate.consent`` says, per item, whether the *viewer* may see it. An item the
viewer may not see is treated as unknown: it adds no points and its value appears in
no explanation. Letting a hidden item add points would leak it through the ranking
itself: if an expert with a hidden "addiction" area rose to the top of an addiction
request, the order would tell the viewer what the profile does not. Because the
maximum points of each criterion depend on the request only, never on the candidate,
a hidden item cannot shift the score either way; toggling a hidden value leaves the
score unchanged (there is a property test for this). The price is that an expert who
hides an item ranks lower on it; that is their choice to make.

Hard filters do use hidden items, because they protect the expert: a pause, a
does-not-want, a holiday or a travel limit is honoured even when the viewer may not
see it. The exclusion is silent: the candidate is left out and ``exclusion_nl`` only
names the reason when the viewer may see the item behind it. (Someone who could post
many requests might still probe for a hidden travel radius or does-not-want; that is
why rankings are for coordinators of the expert's own organisation only, which the
permission layer enforces.)

Speed. ``rank`` makes one pass: cheap hard filters first, then each candidate starts
at the most points it could get and drops out as soon as it can no longer reach the
current top ``limit``; dates and trigonometry only run for who is still in the race.
``CandidatePool`` indexes a viewer's candidates once (bit sets per area, role,
competence and level) and skips whole groups that cannot reach the top; it returns
exactly what ``rank`` returns. On 100,000 synthetic candidates a pool ranking takes
tens of milliseconds; a plain ``rank`` over the same list takes several times that.

Modules: ``values`` (the values and the request digested once), ``scoring`` (hard filters,
points, ``rank``), ``pool`` (``CandidatePool``), ``explain`` (texts per criterion, as message ids with parameters), ``bounds`` (numpy upper bounds
for large pools).
Import from ``inzet.matching.rules``.
"""

from inzet.matching.rules.bounds import LEVEL_RANK, consent_mask, plan_for, upper_bounds
from inzet.matching.rules.pool import CandidatePool
from inzet.matching.rules.scoring import _points, _Top, evaluate, exclusion_nl, filter_reason, rank
from inzet.matching.rules.values import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    DOES_NOT_WANT,
    EARTH_RADIUS_KM,
    FILTER_REASONS,
    HIDDEN_NL,
    ITEMS,
    LEVEL_LABELS_NL,
    LEVELS,
    NO_CONSENT,
    PAUSED,
    SELF,
    TOO_FAR,
    UNAVAILABLE,
    Candidate,
    Criterion,
    Match,
    RequestSpec,
    Weights,
    _Plan,
    distance_km,
)

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "DOES_NOT_WANT",
    "EARTH_RADIUS_KM",
    "FILTER_REASONS",
    "HIDDEN_NL",
    "ITEMS",
    "LEVELS",
    "LEVEL_LABELS_NL",
    "LEVEL_RANK",
    "NO_CONSENT",
    "PAUSED",
    "SELF",
    "TOO_FAR",
    "UNAVAILABLE",
    "Candidate",
    "CandidatePool",
    "Criterion",
    "Match",
    "RequestSpec",
    "Weights",
    "_Plan",
    "_Top",
    "_points",
    "consent_mask",
    "distance_km",
    "evaluate",
    "exclusion_nl",
    "filter_reason",
    "plan_for",
    "rank",
    "upper_bounds",
]
