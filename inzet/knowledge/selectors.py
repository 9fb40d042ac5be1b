"""Reads shared by the knowledge pages."""

from django.db.models import Q, QuerySet

from inzet.directory.text import query_terms
from inzet.knowledge.models import Article, Category, ReadinessChecklist

AUDIENCE_FIELDS = {"asker": "for_askers", "expert": "for_experts", "coordinator": "for_coordinators"}


def search_q(query: str) -> Q:
    """Every query word must be found (stem or word as typed), as in the expert search."""
    condition = Q()
    for options in query_terms(query):
        either = Q()
        for option in options:
            either |= Q(search_text__contains=option)
        condition &= either
    return condition


def articles(*, query: str = "", category: str = "", audience: str = "", editor: bool = False) -> QuerySet:
    queryset = Article.objects.select_related("category")
    if not editor:
        queryset = queryset.filter(published=True)
    if query.strip():
        queryset = queryset.filter(search_q(query))
    if category:
        queryset = queryset.filter(category__slug=category)
    if audience in AUDIENCE_FIELDS:
        queryset = queryset.filter(**{AUDIENCE_FIELDS[audience]: True})
    return queryset.order_by("category__position", "category__name", "title")


def categories() -> list[Category]:
    return list(Category.objects.all())


def checklist_of(organisation_id: int) -> ReadinessChecklist | None:
    return (
        ReadinessChecklist.objects.filter(organisation_id=organisation_id)
        .select_related("updated_by")
        .prefetch_related("treaty_areas")
        .first()
    )
