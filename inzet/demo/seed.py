"""A large synthetic dataset for benchmarks: `inzet seed --experts 100000`.

Uses bulk inserts (also for the many-to-many tables) so 100,000 full profiles take well under
two minutes on SQLite. The profiles come from the same generator as the demo.
"""

import enum
import random
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.demo.data import FIRST_NAMES, LAST_NAMES
from inzet.demo.generate import Vocabularies, sketch_profile
from inzet.directory.reference import Related, load_reference
from inzet.directory.services import documents_save_from_values
from inzet.experts.disclosure import ITEM_FIELDS
from inzet.experts.models import ExpertCompetence, ExpertExperience, ExpertProfile
from inzet.lib.crypto import EncryptedTextField
from inzet.organisations.models import Membership, Organisation, Role

BATCH = 5000
_M2M = [
    ("wanted_roles", "roles"),
    ("relational_roles", "relational_roles"),
    ("wanted_settings", "settings"),
    ("unwanted", "unwanted"),
    ("languages", "languages"),
]


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Plain executemany: Django's bulk_create spends most of its time preparing values we already have."""
    table = connection.ops.quote_name(model._meta.db_table)
    cols = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)  # noqa: S608 (no user input)


# Fields whose Python value needs Django's conversion before it reaches the database driver.
_PREPARED = (models.DateTimeField, models.DateField, models.DecimalField, EncryptedTextField)


class _RowMaker:
    """Database rows for one model from dicts of attribute values, without model instances.

    Fields left out get their default, prepared once. Prepared values are remembered per field:
    the seed repeats a few dates, choices and texts, so each is converted (and encrypted) once.
    Equal synthetic plaintexts thus share one ciphertext: acceptable for benchmark data only.
    """

    def __init__(self, model, now) -> None:
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.index = {f.attname: i for i, f in enumerate(self.fields)}
        self.prepared = {f.attname: {} for f in self.fields if isinstance(f, _PREPARED)}
        blank = model()
        self.defaults = [
            self._prepare(f, now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else value)
            for f in self.fields
            for value in [getattr(blank, f.attname)]
        ]
        self.columns = [f.column for f in self.fields]

    def _prepare(self, f, value):
        if isinstance(value, enum.Enum):
            value = value.value
        memo = self.prepared.get(f.attname)
        if memo is None:
            return value
        try:
            return memo[value]
        except KeyError:
            memo[value] = prepared = f.get_db_prep_save(value, connection)
            return prepared

    def row(self, values: dict) -> tuple:
        row = list(self.defaults)
        for attname, value in values.items():
            i = self.index[attname]
            row[i] = self._prepare(self.fields[i], value)
        return tuple(row)

    def insert(self, rows: list[dict]) -> None:
        _insert(self.model, self.columns, [self.row(values) for values in rows])


def _attnames(model, fields: dict) -> dict:
    """`{"level": term}` → `{"level_id": term.pk}`: related objects as their ids."""
    out = {}
    for name, value in fields.items():
        f = model._meta.get_field(name)
        if f.is_relation:
            out[f.attname] = value.pk if value is not None else None
        else:
            out[f.attname] = value
    return out


def _document_values(pk: int, organisation_id: int, full_name: str, fields: dict, vis_defaults: dict) -> dict:
    """The values directory.services reads per profile (its `_VALUES`), from the sketch's fields."""
    area = fields.get("area")
    return {
        "pk": pk,
        "organisation_id": organisation_id,
        "user__full_name": full_name,
        "level_id": fields["level"].pk if fields.get("level") else None,
        "area__municipality": area.municipality if area else None,
        "area__region": area.region if area else None,
        "work_form": fields.get("work_form", vis_defaults["work_form"]),
        **{column: fields.get(column, vis_defaults[column]) for column in ITEM_FIELDS.values()},
    }


def _related(sketch) -> Related:
    """What directory.reference.load would read back for this profile. Competences are inserted
    self-assessed, never confirmed."""
    return Related(
        experiences=[(area.pk, visibility) for area, _story, visibility in sketch.experiences],
        roles=[t.pk for t in sketch.roles],
        relational_roles=[t.pk for t in sketch.relational_roles],
        settings=[t.pk for t in sketch.settings],
        languages=[t.pk for t in sketch.languages],
        competences=[(t.pk, False) for t, _confirmed in sketch.competences],
    )


def _seed_organisations(count: int) -> list[Organisation]:
    return [
        Organisation.objects.get_or_create(
            slug=f"seed-org-{i}", defaults={"name": f"Seed-organisatie {i}", "kind": Organisation.Kind.DEPLOYING}
        )[0]
        for i in range(count)
    ]


def _fast_sqlite(cursor) -> dict[str, object]:
    """Bulk-load settings for this connection only (SQLite): no fsync per checkpoint, a larger
    page cache. A crash mid-seed may lose the last batches, never the database's consistency
    (WAL keeps it); the settings are put back when the seed ends."""
    before = {}
    for pragma, value in (("synchronous", "OFF"), ("cache_size", "-200000"), ("temp_store", "MEMORY")):
        cursor.execute(f"PRAGMA {pragma}")
        before[pragma] = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA {pragma}={value}")
    return before


def seed_experts(
    total: int, *, organisations: int = 20, progress: Callable[[int], None] | None = None, seed: int = 1
) -> int:
    """Create `total` experts with users, memberships and full profiles; returns the count made."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return _seed(total, organisations=organisations, progress=progress, seed=seed)
    with connection.cursor() as cursor:
        before = _fast_sqlite(cursor)
    try:
        return _seed(total, organisations=organisations, progress=progress, seed=seed)
    finally:
        with connection.cursor() as cursor:
            for pragma, value in before.items():
                cursor.execute(f"PRAGMA {pragma}={value}")


def _seed(total: int, *, organisations: int, progress: Callable[[int], None] | None, seed: int) -> int:
    rng = random.Random(seed)
    orgs = _seed_organisations(organisations)
    vocab = Vocabularies.load()
    unusable = make_password(None)  # one hash for all: hashing 100,000 passwords would take hours
    reference = load_reference()  # labels for the search documents, read once for all batches
    now = timezone.now()
    users, profiles_maker, experiences = (_RowMaker(m, now) for m in (User, ExpertProfile, ExpertExperience))
    blank = ExpertProfile()
    vis_defaults = {c: getattr(blank, c) for c in (*ITEM_FIELDS.values(), "work_form")}
    start = User.objects.filter(email__startswith="seed-").count()
    made = 0
    while made < total:
        size = min(BATCH, total - made)
        sketches = [sketch_profile(rng, vocab, with_stories=rng.random() < 0.3) for _ in range(size)]
        org_for = [orgs[rng.randrange(len(orgs))] for _ in range(size)]
        with transaction.atomic():
            emails = [f"seed-{start + made + i}@seed.example.org" for i in range(size)]
            names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _email in emails]
            users.insert(
                [
                    {"email": email, "full_name": name, "password": unusable}
                    for email, name in zip(emails, names, strict=True)
                ]
            )
            user_id = dict(User.objects.filter(email__in=emails).values_list("email", "id"))
            user_ids = [user_id[email] for email in emails]
            _insert(
                Membership,
                ["user_id", "organisation_id", "role", "is_active", "created_at"],
                [(u, o.pk, Role.EXPERT, True, now) for u, o in zip(user_ids, org_for, strict=True)],
            )
            profiles_maker.insert(
                [
                    {"user_id": u, "organisation_id": o.pk, **_attnames(ExpertProfile, s.fields)}
                    for u, o, s in zip(user_ids, org_for, sketches, strict=True)
                ]
            )
            profile_of = dict(ExpertProfile.objects.filter(user_id__in=user_ids).values_list("user_id", "id"))
            profile_ids = [profile_of[u] for u in user_ids]
            experiences.insert(
                [
                    {"profile_id": p, "description": d, "visibility": v, **ExpertExperience.area_fields(a.pk, v)}
                    for p, s in zip(profile_ids, sketches, strict=True)
                    for a, d, v in s.experiences
                ]
            )
            _insert(
                ExpertCompetence,
                ["profile_id", "competence_id", "self_assessed"],
                [
                    (p, t.pk, True)
                    for p, s in zip(profile_ids, sketches, strict=True)
                    for t, _confirmed in s.competences
                ],
            )
            for field_name, attr in _M2M:
                through = getattr(ExpertProfile, field_name).through
                _insert(
                    through,
                    ["expertprofile_id", "term_id"],
                    [(p, t.pk) for p, s in zip(profile_ids, sketches, strict=True) for t in getattr(s, attr)],
                )
            # In the same transaction: a crash never leaves experts that search cannot find. Built from
            # the rows just inserted (what bulk_build_documents would read back), in the same pass.
            documents_save_from_values(
                profiles=[
                    _document_values(p, o.pk, name, s.fields, vis_defaults)
                    for p, o, name, s in zip(profile_ids, org_for, names, sketches, strict=True)
                ],
                related={p: _related(s) for p, s in zip(profile_ids, sketches, strict=True)},
                reference=reference,
            )
        made += size
        if progress:
            progress(size)
    return made
