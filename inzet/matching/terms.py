"""Reads for matching, part 0: the request's terms (``RequestTerms``) and the switches that go with it.

candidates.py turns experts into ``rules.Candidate`` against these terms; selectors.py re-exports the
public names. One query for the terms (see ``request_terms``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Subquery
from django.utils.translation import get_language

from inzet.engagements.models import EngagementRequest
from inzet.matching import rules
from inzet.organisations.models import PolicySettings
from inzet.taxonomy.models import Term

# --- the request ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestTerms:
    """The request's terms: codes for the rules, term ids for the fetch, labels (reader's language) for the texts."""

    spec: rules.RequestSpec
    labels: dict[str, str]
    area_ids: dict[int, str] = field(default_factory=dict)
    competence_ids: dict[int, str] = field(default_factory=dict)
    role_ids: dict[int, str] = field(default_factory=dict)
    language_ids: dict[int, str] = field(default_factory=dict)
    kind_ids: dict[int, str] = field(default_factory=dict)  # role, practice setting, target groups
    setting_ids: dict[int, str] = field(default_factory=dict)


def _kind(vocabulary: str, code: str) -> str:
    # Wants and does-not-wants mix vocabularies, whose codes may collide ("accessibility").
    return f"{vocabulary}:{code}"


def request_terms(engagement: EngagementRequest) -> RequestTerms:
    """The RequestSpec of ``request`` and what the fetch needs: one query (plus one for the policy switch
    and one for the place unless the request came with ``with_policy`` and ``select_related("area")``)."""
    fk_ids = [i for i in (engagement.role_id, engagement.practice_setting_id, engagement.min_level_id) if i]
    m2m = Q()
    for name in ("experience_areas", "competences", "languages"):
        table = getattr(EngagementRequest, name).through
        m2m |= Q(pk__in=table.objects.filter(engagementrequest_id=engagement.pk).values("term_id"))
    rows = Term.objects.filter(Q(pk__in=fk_ids) | m2m).values_list("pk", "vocabulary", "code", "label_nl", "label_en")
    english = (get_language() or "nl").startswith("en")
    by_vocabulary: dict[str, dict[int, str]] = {}
    labels: dict[str, str] = {}
    for pk, vocabulary, code, label_nl, label_en in rows:
        label = label_en if english and label_en else label_nl
        by_vocabulary.setdefault(vocabulary, {})[pk] = code
        labels[_kind(vocabulary, code)] = label
        if vocabulary != "level":  # the rules and team.py name levels themselves
            labels[code] = label
    areas = by_vocabulary.get("experience_area", {})
    roles = {pk: code for pk, code in by_vocabulary.get("role", {}).items() if pk == engagement.role_id}
    settings = {
        pk: code
        for pk, code in by_vocabulary.get("practice_setting", {}).items()
        if pk == engagement.practice_setting_id
    }
    min_level = None if engagement.min_level_id is None else by_vocabulary.get("level", {}).get(engagement.min_level_id)
    kind_ids = {pk: _kind("role", c) for pk, c in roles.items()}
    kind_ids |= {pk: _kind("practice_setting", c) for pk, c in settings.items()}
    kind_ids |= {pk: _kind("experience_area", c) for pk, c in areas.items()}  # target groups
    start, end = engagement.start_date or engagement.end_date, engagement.end_date or engagement.start_date
    if start and end and end < start:
        start, end = end, start
    location = None
    area = engagement.area if not engagement.online and engagement.area_id is not None else None
    if area is not None:
        location = (float(area.latitude), float(area.longitude))
    spec = rules.RequestSpec(
        required_areas=frozenset(areas.values()),
        required_roles=frozenset(roles.values()),
        required_competences=frozenset(by_vocabulary.get("competence", {}).values()),
        min_level=min_level if min_level in rules.LEVELS else None,
        start=start,
        end=end,
        location=location,
        languages=frozenset(by_vocabulary.get("language", {}).values()),
        kinds=frozenset(kind_ids.values()),
        experts_needed=max(1, engagement.experts_needed or 1),
        is_heavy=engagement.is_heavy,
        use_feedback=_use_feedback(engagement),
    )
    return RequestTerms(
        spec=spec,
        labels=labels,
        area_ids=areas,
        competence_ids=by_vocabulary.get("competence", {}),
        role_ids=roles,
        language_ids=by_vocabulary.get("language", {}),
        kind_ids=kind_ids,
        setting_ids={pk: _kind("practice_setting", c) for pk, c in settings.items()},
    )


def with_policy(queryset: QuerySet) -> QuerySet:
    """Requests annotated with the installation's feedback switch, so matching needs no query for it."""
    reviews = PolicySettings.objects.order_by("pk").values("reviews")[:1]
    return queryset.annotate(policy_reviews=Subquery(reviews))


# Sources of the criterion "Eerdere feedback", registered by a higher app (evaluation) from its
# AppConfig.ready(); this app may not import it. Each is called as source(deploying organisation pk)
# and returns {expert profile pk: score 0.0-1.0}: feedback counts only within that organisation.
FEEDBACK_SOURCES: list[Callable[[int], dict[int, float]]] = []


def feedback_scores(engagement: EngagementRequest) -> dict[int, float]:
    scores: dict[int, float] = {}
    for source in FEEDBACK_SOURCES:
        scores.update(source(engagement.deploying_organisation_id))
    return scores


def _use_feedback(engagement: EngagementRequest) -> bool:
    reviews = getattr(engagement, "policy_reviews", None)
    return bool(PolicySettings.current().reviews if reviews is None else reviews)


def request_spec(engagement: EngagementRequest) -> rules.RequestSpec:
    return request_terms(engagement).spec
