"""Keeping the search documents up to date.

Call `search_document_refresh(profile_ids=[...])` after any change to a profile, its experiences,
roles, languages, competences or training, or its visibility choices. `bulk_build_documents()`
rebuilds many (the seed, `manage.py inzet_reindex`) in batches of a few queries each.
"""

from collections.abc import Callable, Iterable
from functools import lru_cache
from types import SimpleNamespace
from typing import Protocol

from django.db import connection, transaction
from django.utils import timezone, translation

from inzet.directory import text
from inzet.directory.facets import facet_tokens
from inzet.directory.models import ExpertSearchDocument
from inzet.directory.reference import ALL_KINDS, Reference, Related, load_reference, load_related
from inzet.experts.disclosure import ITEM_FIELDS, can_see, visible_at
from inzet.experts.models import Audience, ExpertProfile, WorkForm

BATCH = 2000
_PROFILE_VALUES = (
    "pk",
    "organisation_id",
    "user__full_name",
    "level_id",
    "area__municipality",
    "area__region",
    "work_form",
)


class ProfileValues(Protocol):
    """The columns of a profile the documents read (``_VALUES``: these and the ``vis_*`` columns)."""

    @property
    def pk(self) -> int: ...
    @property
    def organisation_id(self) -> int: ...
    @property
    def user__full_name(self) -> str: ...
    @property
    def level_id(self) -> int | None: ...
    @property
    def area__municipality(self) -> str | None: ...
    @property
    def area__region(self) -> str | None: ...
    @property
    def work_form(self) -> str: ...


def _labels(reference: Reference, pks: Iterable[int]) -> list[str]:
    found = [reference.terms[pk] for pk in pks if pk in reference.terms]
    # Both languages: people may search in the language of the screen they use.
    return [label for t in found for label in (t.label_nl, t.label_en)]


def document_parts(profile: ProfileValues, related: Related, reference: Reference, level: int) -> list[str]:
    """The words of everything `profile` shows at `level`; never the stories, benefit or needs."""
    parts: list[str] = []
    if can_see(level, profile, "name"):
        parts.append(profile.user__full_name)
    if can_see(level, profile, "level") and profile.level_id:
        parts.extend(_labels(reference, [profile.level_id]))
    parts.extend(
        _labels(
            reference,
            [area for area, vis in related.experiences if visible_at(level, vis)],
        )
    )
    if can_see(level, profile, "roles"):
        parts.extend(_labels(reference, related.roles + related.relational_roles + related.settings))
    if can_see(level, profile, "competences"):
        parts.extend(_labels(reference, [pk for pk, _confirmed in related.competences]))
    if can_see(level, profile, "languages"):
        parts.extend(_labels(reference, related.languages))
    if can_see(level, profile, "training"):
        parts.extend(related.training)
    if can_see(level, profile, "region"):
        parts.extend([profile.area__municipality or "", profile.area__region or ""])
    if can_see(level, profile, "work_form") and profile.work_form:
        parts.append(_work_form_label(profile.work_form, translation.get_language()))
    return parts


@lru_cache(maxsize=64)
def _work_form_label(value: str, language: str | None) -> str:
    """Translated once per language (resolving the lazy label per document cost more than the rest)."""
    return str(WorkForm(value).label)


Document = tuple[int, str, str, int, str]


def _build(profiles: list[dict], related: dict[int, Related], reference: Reference) -> list[Document]:
    """(profile id, coordinators' text, public text, organisation id, coordinators' facets) per profile."""
    documents = []
    empty = Related()
    with translation.override("nl"):
        for values in profiles:
            profile = SimpleNamespace(**values)
            found = related.get(profile.pk) or empty
            documents.append(
                (
                    profile.pk,
                    text.build_document(document_parts(profile, found, reference, Audience.COORDINATORS)),
                    text.build_document(document_parts(profile, found, reference, Audience.PUBLIC)),
                    profile.organisation_id,
                    facet_tokens(profile, found, Audience.COORDINATORS),
                )
            )
    return documents


def _save(documents: list[Document]) -> None:
    """Insert or replace, with one executemany: the ORM's bulk_create spent more time preparing
    these three plain columns than building the documents (same SQL on SQLite and PostgreSQL)."""
    if not documents:
        return
    now = timezone.now()
    updated = ExpertSearchDocument._meta.get_field("updated_at").get_db_prep_save(now, connection)
    quote = connection.ops.quote_name
    table = quote(ExpertSearchDocument._meta.db_table)
    columns = ("coordinators_text", "public_text", "organisation_id", "coordinators_facets", "updated_at")
    sql = (
        f"INSERT INTO {table} ({quote('profile_id')}, {', '.join(map(quote, columns))}) "  # noqa: S608 (no user input in names)
        f"VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT ({quote('profile_id')}) DO UPDATE SET "
        + ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in columns)
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*document, updated) for document in documents])


_VALUES = (*_PROFILE_VALUES, *ITEM_FIELDS.values())


def documents_save_from_values(*, profiles: list[dict], related: dict[int, Related], reference: Reference) -> int:
    """Save the documents of profiles whose values the caller holds already (the seed builds them
    from what it has just inserted, instead of reading it back). `profiles`: dicts of `_VALUES`."""
    documents = _build(profiles, related, reference)
    _save(documents)
    return len(documents)


@transaction.atomic
def search_document_refresh(*, profile_ids: Iterable[int]) -> int:
    """Rebuild the search documents of these profiles: about four queries per 2,000 profiles."""
    return bulk_build_documents(profile_ids=profile_ids)


def bulk_build_documents(
    *, profile_ids: Iterable[int] | None = None, progress: Callable[[int], None] | None = None
) -> int:
    """Build the documents of many profiles (all when `profile_ids` is None) in batches of 2,000,
    each its own transaction of a few queries. Ids are taken in ranges, so any number works."""
    if profile_ids is None:
        ids = list(ExpertProfile.objects.order_by("pk").values_list("pk", flat=True))
        every = True
    else:
        ids = sorted(set(profile_ids))
        every = False
    if not ids:
        return 0
    reference = load_reference()
    made = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        with transaction.atomic():
            lookup: dict[str, int | list[int]]
            if every:  # consecutive ids: a range is cheaper than a list of 2,000 parameters
                lookup = {"gte": chunk[0], "lte": chunk[-1]}
                profiles = ExpertProfile.objects.filter(pk__gte=chunk[0], pk__lte=chunk[-1])
            else:
                lookup = {"in": chunk}
                profiles = ExpertProfile.objects.filter(pk__in=chunk)
            documents = _build(list(profiles.values(*_VALUES)), load_related(ALL_KINDS, **lookup), reference)
            _save(documents)
        made += len(documents)
        if progress:
            progress(len(documents))
    return made
