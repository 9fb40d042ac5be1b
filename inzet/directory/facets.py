"""Facets: the ids a coordinator filters on, per expert, as one short string of tokens.

A search for "experience area X and role Y" in an organisation of 5,000 experts used to check every
one of them against the experience and role tables (a probe each, ~10 ms on SQLite, 25–40 ms on
PostgreSQL, which started from every expert on the platform with that role). The search document
now also holds, for coordinators, tokens such as `` a25 r5 l3 `` next to the organisation id, with
one index over both: the experts whose tokens can match are found from the index alone, and only
those few are checked in full against the live rows (filters.filter_experts).

Narrowing is all the facets do. Whoever is left still passes every live check, so a stale facet
string can make a search miss someone until their document is rebuilt (as a stale search text
can: every service that changes a profile rebuilds it in the same transaction), but never show
anyone a filter should not find or anything they keep hidden. A document whose facets are not
built yet (NULL, after the migration that added them) never narrows anyone out.
"""

from collections.abc import Callable, Iterable

from django.db.models import Q

from inzet.directory.reference import Related
from inzet.experts.disclosure import can_see, visible_at

# filter name on ExpertFilters -> token prefix
PREFIXES = {
    "areas": "a",
    "roles": "r",
    "relational_roles": "x",
    "settings": "s",
    "languages": "l",
    "competences": "c",  # any competence; "k" below for a confirmed one
}
CONFIRMED_COMPETENCE = "k"


def facet_tokens(profile, related: Related, level: int) -> str:
    """The tokens of everything `profile` shares at `level` that a filter can ask for."""
    tokens = [f"a{area}" for area, vis in related.experiences if visible_at(level, vis)]
    if can_see(level, profile, "roles"):
        tokens += [f"r{pk}" for pk in related.roles]
        tokens += [f"x{pk}" for pk in related.relational_roles]
        tokens += [f"s{pk}" for pk in related.settings]
    if can_see(level, profile, "languages"):
        tokens += [f"l{pk}" for pk in related.languages]
    if can_see(level, profile, "competences"):
        for pk, confirmed in related.competences:
            tokens.append(f"c{pk}")
            if confirmed:
                tokens.append(f"{CONFIRMED_COMPETENCE}{pk}")
    unique = dict.fromkeys(tokens)
    return f" {' '.join(unique)} " if unique else " "


def token(prefix: str, pk) -> str:
    return f" {prefix}{int(pk)} "


def _any_of(prefix: str, ids: Iterable[int], make_token: Callable[[str, int], str]) -> Q:
    either = Q()
    for pk in dict.fromkeys(ids):
        either |= Q(coordinators_facets__contains=make_token(prefix, pk))
    return either


def facets_match_q(filters, make_token: Callable[[str, int], str] = token) -> Q | None:
    """Conditions on ExpertSearchDocument that an expert found by `filters` must meet, or None when
    `filters` asks for nothing the facets hold. `make_token` lets the compiled query put stand-ins
    where the tokens go (selectors._facet_candidates)."""
    condition = Q()
    for name, prefix in PREFIXES.items():
        ids = getattr(filters, name)
        if not ids:
            continue
        if name == "competences" and filters.competence_confirmed:
            prefix = CONFIRMED_COMPETENCE
        condition &= _any_of(prefix, ids, make_token)
    return condition or None


def facets_shape(filters) -> tuple:
    """What the facets query's SQL depends on, besides the number of organisations."""
    return (
        tuple(len(dict.fromkeys(getattr(filters, name))) for name in PREFIXES),
        bool(filters.competences and filters.competence_confirmed),
    )
