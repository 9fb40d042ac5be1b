"""Reads shared by the pages of the signals app. Every function runs a fixed number of queries."""

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from inzet.signals.models import Bundle, Overview, Signal, Theme


def _in_period(overview: Overview) -> Q:
    return Q(created_at__date__gte=overview.period_start, created_at__date__lte=overview.period_end)


def overview_counts(overview: Overview) -> dict:
    """Counts per theme and per month of the period: {"months": [...], "rows": [(theme, [n…], total)]}."""
    found = (
        Signal.objects.filter(_in_period(overview))
        .annotate(month=TruncMonth("created_at"))
        .values("theme", "month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    cells: dict[tuple[int, object], int] = {}
    months = set()
    for row in found:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        months.add(month)
        cells[(row["theme"], month)] = row["n"]
    ordered = sorted(months)
    themes = Theme.objects.filter(pk__in={theme for theme, _m in cells})
    rows = []
    for theme in themes:
        counts = [cells.get((theme.pk, month), 0) for month in ordered]
        rows.append((theme, counts, sum(counts)))
    return {"months": ordered, "rows": rows, "total": sum(cells.values())}


def overview_bundles(overview: Overview) -> QuerySet[Bundle]:
    """Bundles with something done about them that hold signals of the period: "what was done"."""
    return (
        Bundle.objects.filter(signals__in=Signal.objects.filter(_in_period(overview)))
        .exclude(action="")
        .select_related("theme")
        .distinct()
        .order_by("theme__sort_order", "title")
    )


def published_overviews() -> QuerySet[Overview]:
    return Overview.objects.filter(published_at__isnull=False).order_by("-period_end", "-pk")
