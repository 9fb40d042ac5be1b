"""The coordinator's expert query, and its page compiled once per shape (lib.compiled).

Building the filtered page query (visibility checks, subqueries for linked rows) and compiling it
cost ~6–9 ms of Python per request, more than the database needs to run it. Its SQL depends only on
the shape of the search: which filters, how many values each, how many organisations and facet
candidates, the page. So the page query is compiled once per shape with stand-in values
(lib.compiled.StandIns) and run with the real ones. Facet candidates are padded (with negative
ids, which no profile has) to a few list lengths, so a search does not need a shape of its own per
number of candidates. The visibility rules are in the compiled SQL exactly as in a fresh compile; the tests
compare both for random searches.
"""

from dataclasses import replace

from django.db import connection
from django.db.models import Count, Q, QuerySet, Window

from inzet.directory import text
from inzet.directory.filters import ExpertFilters, filter_experts, order_experts
from inzet.experts.models import Audience, ExpertProfile
from inzet.lib.compiled import ShapeCache, StandIns

PAGE_SIZE = 25
# Facet candidate lists are padded up to one of these lengths: at most a third of a list of 16 or
# more is padding (every padded id costs the database a useless index probe), in 15 lengths.
PADDED_LENGTHS = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048)
_pages = ShapeCache(size=256)


def coordinator_queryset(
    organisation_ids, filters: ExpertFilters, narrow: list[int] | None, terms: list[tuple[str, ...]] | None = None
) -> QuerySet:
    """The filtered, sorted experts of these organisations (unevaluated); `narrow`: the facets'
    candidates (selectors._facet_candidates), None when the facets do not narrow."""
    queryset = ExpertProfile.objects.filter(organisation_id__in=organisation_ids)
    queryset = filter_experts(
        queryset,
        filters,
        Audience.COORDINATORS,
        search_field="coordinators_text",
        narrow=None if narrow is None else Q(pk__in=narrow),
        terms=terms,
    )
    return order_experts(queryset, filters.sort, Audience.COORDINATORS)


def _padded(ids: list[int]) -> list[int]:
    """The ids, each once, followed by -1, -2, … (no profile has a negative id) up to a padded length."""
    ids = list(dict.fromkeys(ids))
    for length in PADDED_LENGTHS:
        if len(ids) <= length:
            return ids + list(range(-1, len(ids) - length - 1, -1))
    return ids


def _with_stand_ins(organisation_ids: list[int], filters: ExpertFilters, narrow: list[int] | None):
    """The same search with stand-ins for its values, or None when a value cannot have one."""
    stand_ins = StandIns()
    terms = []
    for options in text.query_terms(filters.q) if filters.q else []:
        found = stand_ins.texts(options, like=True)
        if found is None:
            return None
        terms.append(found)
    texts = {name: stand_ins.texts(getattr(filters, name)) for name in ("municipalities", "regions")}
    texts |= {name: stand_ins.texts(getattr(filters, name)) for name in ("work_forms", "reward_forms", "statuses")}
    if None in texts.values():
        return None
    shaped = replace(
        filters,
        q="",
        areas=stand_ins.ints(filters.areas),
        levels=stand_ins.ints(filters.levels),
        roles=stand_ins.ints(filters.roles),
        relational_roles=stand_ins.ints(filters.relational_roles),
        settings=stand_ins.ints(filters.settings),
        competences=stand_ins.ints(filters.competences),
        languages=stand_ins.ints(filters.languages),
        available_from=stand_ins.date(filters.available_from),
        available_to=stand_ins.date(filters.available_to),
        organisations=stand_ins.ints(filters.organisations),
        **texts,
    )
    organisations = stand_ins.ints(organisation_ids)
    candidates = None if narrow is None else stand_ins.ints(_padded(narrow))
    return stand_ins, shaped, tuple(terms), organisations, candidates


def fresh_page_queryset(organisation_ids, filters, narrow, number: int, fields, terms=None) -> QuerySet:
    """The page query as the ORM builds it (the compiled one is this, built with stand-ins)."""
    offset = (number - 1) * PAGE_SIZE
    queryset = coordinator_queryset(organisation_ids, filters, narrow, terms)
    counted = queryset.select_related("user", "area").only(*fields).annotate(_total=Window(Count("pk")))
    return counted[offset : offset + PAGE_SIZE]


def prepared_page(organisation_ids, filters: ExpertFilters, narrow: list[int] | None, number: int, fields):
    """(compiled query, its parameters with the real values) for this page, or None when the search
    cannot be compiled with stand-ins."""
    prepared = _with_stand_ins(sorted(organisation_ids), filters, narrow)
    if prepared is None:
        return None
    stand_ins, shaped, terms, organisations, candidates = prepared
    size = None if candidates is None else len(candidates)
    key = (connection.alias, connection.vendor, shaped, terms, len(organisations), size, number, tuple(fields))
    compiled = _pages.get(
        key,
        lambda: fresh_page_queryset(
            organisations, shaped, None if candidates is None else list(candidates), number, fields, list(terms)
        ),
    )
    return compiled, stand_ins.substitute(compiled.params)


def compiled_page(organisation_ids, filters: ExpertFilters, narrow: list[int] | None, number: int, fields):
    """Page `number` of the filtered list and the total, as (profiles, total), with the SQL compiled
    once per shape; None when the search cannot be compiled with stand-ins (then the caller builds
    it as usual). A page past the end returns ([], 0): the caller counts and shows the last page."""
    prepared = prepared_page(organisation_ids, filters, narrow, number, fields)
    if prepared is None:
        return None
    compiled, params = prepared
    profiles = compiled.run(params, prepare=True)
    return profiles, (profiles[0]._total if profiles else 0)


def clear_compiled() -> None:
    _pages.clear()
