"""Reads shared by the network pages and by other apps (the neighbourhood app picks partners here)."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from inzet.network import rules
from inzet.network.models import Partner
from inzet.taxonomy.models import PostcodeArea

MAX_PARTNERS = 500


def partners(*, q: str = "", kind: str = "", area: str = "") -> QuerySet:
    """Active partners matching a free-text search (name, services, target groups, area, accessibility)."""
    found = Partner.objects.filter(is_active=True)
    for word in q.split()[:8]:
        found = found.filter(
            Q(name__icontains=word)
            | Q(services__icontains=word)
            | Q(target_groups__icontains=word)
            | Q(area__icontains=word)
            | Q(accessibility__icontains=word)
        )
    if kind:
        found = found.filter(kind=kind)
    if area:
        found = found.filter(area__iexact=area)
    return found.order_by("area", "name")


def partner_choices(*, area: str = "") -> list[tuple[int, str]]:
    """(pk, "name – area") for a select box, e.g. a partner of a neighbourhood trajectory. One query."""
    found = partners(area=area).values_list("pk", "name", "area")[:MAX_PARTNERS]
    return [(pk, f"{name} – {where}" if where else name) for pk, name, where in found]


def by_area(found: Iterable[Partner]) -> list[tuple[str, list[Partner]]]:
    groups: dict[str, list[Partner]] = {}
    for partner in found:
        groups.setdefault(partner.area or "", []).append(partner)
    return sorted(groups.items(), key=lambda item: (item[0] == "", item[0].casefold()))


def map_dots(found: list[Partner], *, width: int = 600, height: int = 600) -> tuple[list, list[Partner]]:
    """(dots with their partner, partners without a known postcode). One query for the postcodes."""
    codes = {p.pc4 for p in found if p.pc4}
    centres = {a.pc4: (float(a.latitude), float(a.longitude)) for a in PostcodeArea.objects.filter(pc4__in=codes)}
    placed = {p.pk: centres[p.pc4] for p in found if p.pc4 in centres}
    by_pk = {p.pk: p for p in found}
    dots = [(dot, by_pk[dot.key]) for dot in rules.place(placed, width=width, height=height)]
    return dots, [p for p in found if p.pk not in placed]
