"""Reference data and related rows for many experts at once, in one query each.

Lists of 25 (or an export of thousands) must not cost a query per expert or per vocabulary, so
the labels of every vocabulary and the postcode areas come in one UNION query, and the rows
linked to a set of profiles (experiences, roles, languages, …) in another.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, CharField, F, IntegerField, Value, When
from django.utils.translation import get_language

from inzet.experts.models import ExpertCompetence, ExpertExperience, ExpertProfile, TrainingRecord, TrainingStatus
from inzet.lib.compiled import ShapeCache, StandIns
from inzet.taxonomy.models import PostcodeArea, Term

VOCABULARIES = ("level", "role", "relational_role", "practice_setting", "experience_area", "competence", "language")


@dataclass(frozen=True)
class TermInfo:
    pk: int
    vocabulary: str
    label_nl: str
    label_en: str
    sort_order: int
    is_active: bool

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "nl").startswith("en") and self.label_en else self.label_nl


@dataclass
class Reference:
    terms: dict[int, TermInfo] = field(default_factory=dict)
    municipalities: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)

    # The terms per vocabulary, sorted, made once (a search form asks for seven vocabularies).
    _sorted: dict[str, list[TermInfo]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _sorted_count: int = field(default=-1, init=False, repr=False, compare=False)

    def of(self, vocabulary: str, *, active_only: bool = True) -> list[TermInfo]:
        if self._sorted_count != len(self.terms):
            grouped: dict[str, list[TermInfo]] = defaultdict(list)
            for term in self.terms.values():
                grouped[term.vocabulary].append(term)
            self._sorted = {
                name: sorted(found, key=lambda t: (t.sort_order, t.label_nl)) for name, found in grouped.items()
            }
            self._sorted_count = len(self.terms)
        found = self._sorted.get(vocabulary, [])
        return [t for t in found if t.is_active] if active_only else list(found)

    def choices(self, vocabulary: str) -> list[tuple[int, str]]:
        return [(t.pk, t.label) for t in self.of(vocabulary)]

    def label(self, pk: int | None) -> str:
        term = self.terms.get(pk) if pk is not None else None
        return term.label if term else ""

    def labels(self, pks) -> list[str]:
        found = [self.terms[pk] for pk in pks if pk in self.terms]
        return [t.label for t in sorted(found, key=lambda t: (t.sort_order, t.label_nl))]


# --- rows linked to many profiles ----------------------------------------------------------------

# kind -> many-to-many field on ExpertProfile
M2M_KINDS = {
    "roles": "wanted_roles",
    "relational_roles": "relational_roles",
    "settings": "wanted_settings",
    "languages": "languages",
}
ALL_KINDS = ("experience", *M2M_KINDS, "competences", "training")


@dataclass
class Related:
    """What is linked to one profile. Experiences keep their own visibility."""

    experiences: list[tuple[int, int]] = field(default_factory=list)  # (area id, visibility)
    roles: list[int] = field(default_factory=list)
    relational_roles: list[int] = field(default_factory=list)
    settings: list[int] = field(default_factory=list)
    languages: list[int] = field(default_factory=list)
    competences: list[tuple[int, bool]] = field(default_factory=list)  # (term id, confirmed)
    training: list[str] = field(default_factory=list)  # names of completed training


def _text(value: str) -> Value:
    return Value(value, output_field=CharField())


def _int(value: int) -> Value:
    return Value(value, output_field=IntegerField())


# Every part of the UNION has these columns: (source, id, kind, ref, number, text, extra).
_COLUMNS = ("src", "owner", "row_kind", "ref", "number", "text", "extra")


def _reference_parts() -> list:
    terms = (
        Term.objects.filter(vocabulary__in=VOCABULARIES)
        .annotate(
            src=_text("term"),
            owner=F("pk"),
            row_kind=F("vocabulary"),
            ref=Case(When(is_active=True, then=_int(1)), default=_int(0)),
            number=F("sort_order"),
            text=F("label_nl"),
            extra=F("label_en"),
        )
        .values_list(*_COLUMNS)
    )
    areas = PostcodeArea.objects.annotate(
        src=_text("area"),
        owner=F("pk"),
        row_kind=_text(""),
        ref=_int(0),
        number=_int(0),
        text=F("municipality"),
        extra=F("region"),
    ).values_list(*_COLUMNS)
    return [terms, areas]


def _related_parts(kinds, where) -> list:
    rel, empty, zero = _text("rel"), _text(""), _int(0)
    parts = []
    if "experience" in kinds:
        parts.append(
            ExpertExperience.objects.filter(**where("profile_id"), area__isnull=False)  # "Alleen ik": unknown
            .annotate(
                src=rel,
                owner=F("profile_id"),
                row_kind=_text("experience"),
                ref=F("area_id"),
                number=F("visibility"),
                text=empty,
                extra=empty,
            )
            .values_list(*_COLUMNS)
        )
    for kind, field_name in M2M_KINDS.items():
        if kind in kinds:
            through = getattr(ExpertProfile, field_name).through
            parts.append(
                through.objects.filter(**where("expertprofile_id"))
                .annotate(
                    src=rel,
                    owner=F("expertprofile_id"),
                    row_kind=_text(kind),
                    ref=F("term_id"),
                    number=zero,
                    text=empty,
                    extra=empty,
                )
                .values_list(*_COLUMNS)
            )
    if "competences" in kinds:
        parts.append(
            ExpertCompetence.objects.filter(**where("profile_id"))
            .annotate(
                src=rel,
                owner=F("profile_id"),
                row_kind=_text("competences"),
                ref=F("competence_id"),
                number=Case(When(confirmed_at__isnull=False, then=_int(1)), default=_int(0)),
                text=empty,
                extra=empty,
            )
            .values_list(*_COLUMNS)
        )
    if "training" in kinds:
        parts.append(
            TrainingRecord.objects.filter(**where("profile_id"), status=TrainingStatus.COMPLETED)
            .annotate(
                src=rel,
                owner=F("profile_id"),
                row_kind=_text("training"),
                ref=F("id"),
                number=zero,
                text=F("name"),
                extra=empty,
            )
            .values_list(*_COLUMNS)
        )
    return parts


def load(kinds=(), *, reference: bool = True, **lookups) -> tuple[Reference, dict[int, Related]]:
    """Labels and postcode areas (when `reference`), and the rows of `kinds` linked to the profiles
    matched by `profile_id__<lookup>=value` — all in ONE union query.

    Lookups: `in=[1, 2]`, `in=<queryset of ids>`, or `gte=1, lte=2000` for a range of ids.
    """

    found, related = Reference(), defaultdict(Related)
    if not reference and not lookups:
        return found, related
    municipalities, regions = set(), set()
    for src, owner, kind, ref, number, text, extra in _rows(tuple(kinds), reference, lookups):
        if src == "term":
            found.terms[owner] = TermInfo(owner, kind, text, extra, number, bool(ref))
        elif src == "area":
            municipalities.add(text)
            regions.add(extra)
        else:
            row = related[owner]
            if kind == "experience":
                row.experiences.append((ref, number))
            elif kind == "competences":
                row.competences.append((ref, bool(number)))
            elif kind == "training":
                row.training.append(text)
            else:
                getattr(row, kind).append(ref)
    found.municipalities = sorted(municipalities)
    found.regions = sorted(regions)
    return found, related


def _union(kinds, reference: bool, lookups: dict):
    def where(column: str) -> dict:
        return {f"{column}__{lookup}": value for lookup, value in lookups.items()}

    parts = (_reference_parts() if reference else []) + (_related_parts(kinds, where) if lookups else [])
    parts = [part.order_by() for part in parts]
    return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]


# The union's SQL for a list of ids, compiled once per (kinds, reference, number of ids): building and
# compiling its eight parts cost ~3–5 ms per page, running it ~1 ms. Its columns need no converters.
_compiled = ShapeCache(size=128)


def _rows(kinds: tuple, reference: bool, lookups: dict):
    ids = lookups.get("in")
    if set(lookups) != {"in"} or not isinstance(ids, list | tuple) or not ids:
        return _union(kinds, reference, lookups)
    stand_ins = StandIns()
    stand_in_ids = stand_ins.ints(ids)
    key = (connection.alias, connection.vendor, kinds, reference, len(ids))
    sql, params = _compiled.sql(key, lambda: _union(kinds, reference, {"in": list(stand_in_ids)}))
    with connection.cursor() as cursor:
        cursor.execute(sql, stand_ins.substitute(params))
        return cursor.fetchall()


def load_reference() -> Reference:
    """Every label the directory shows or filters on, and the municipalities and regions: one query."""
    return load()[0]


def load_related(kinds, **lookups) -> dict[int, Related]:
    return load(kinds, reference=False, **lookups)[1]
