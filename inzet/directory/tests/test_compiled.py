"""The page query and the labels query compiled once per shape (lib/compiled.py, page_query.py):
for any search, the SQL and parameters they run are exactly those of a fresh compile."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.directory import page_query, reference
from inzet.directory.filters import ExpertFilters
from inzet.directory.selectors import _LIST_FIELDS
from inzet.directory.text import query_terms
from inzet.experts.models import ExpertStatus, RewardForm, WorkForm
from inzet.lib.compiled import StandIns

ids = st.lists(st.integers(min_value=1, max_value=10**6), max_size=3, unique=True).map(tuple)
days = st.one_of(st.none(), st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)))
places = st.lists(st.sampled_from(["Utrecht", "'s-Hertogenbosch", "Súdwest-Fryslân", "Den Haag"]), max_size=2)
searches = st.lists(
    st.sampled_from(["utrecht", "schulden", "ggz", "Amster", "coördinator", "armoede en schuld", "x1", "de"]),
    max_size=3,
).map(" ".join)

filters = st.builds(
    ExpertFilters,
    q=searches,
    areas=ids,
    levels=ids,
    roles=ids,
    relational_roles=ids,
    settings=ids,
    competences=ids,
    competence_confirmed=st.booleans(),
    languages=ids,
    municipalities=places.map(tuple),
    regions=places.map(tuple),
    available_from=days,
    available_to=days,
    days=st.integers(min_value=0, max_value=127),
    min_hours=st.one_of(st.none(), st.integers(min_value=0, max_value=60)),
    work_forms=st.lists(st.sampled_from(WorkForm.values), max_size=2, unique=True).map(tuple),
    reward_forms=st.lists(st.sampled_from(RewardForm.values), max_size=2, unique=True).map(tuple),
    statuses=st.lists(st.sampled_from(ExpertStatus.values), max_size=2, unique=True).map(tuple),
    paused=st.one_of(st.none(), st.booleans()),
    organisations=ids,
    sort=st.sampled_from(["name", "hours", "updated"]),
)
candidates = st.one_of(st.none(), st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=300))


def _fresh(organisations, wanted, narrow, number):
    padded = None if narrow is None else page_query._padded(list(narrow))
    queryset = page_query.fresh_page_queryset(sorted(organisations), wanted, padded, number, _LIST_FIELDS)
    sql, params = queryset.query.get_compiler(using="default").as_sql()
    return sql, list(params)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    wanted=filters,
    organisations=st.sets(st.integers(min_value=1, max_value=500), min_size=1, max_size=3),
    narrow=candidates,
    number=st.integers(min_value=1, max_value=3),
)
def test_the_compiled_page_query_is_the_fresh_one_with_the_real_values(db, wanted, organisations, narrow, number):
    prepared = page_query.prepared_page(organisations, wanted, narrow, number, _LIST_FIELDS)
    assert prepared is not None  # none of these values needs LIKE escaping
    compiled, params = prepared
    assert (compiled.sql, params) == _fresh(organisations, wanted, narrow, number)
    again = page_query.prepared_page(organisations, wanted, narrow, number, _LIST_FIELDS)
    assert again[0] is compiled  # the second time the shape is known


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wanted=filters, organisations=st.sets(st.integers(min_value=1, max_value=500), min_size=1, max_size=3))
def test_the_compiled_facets_query_is_the_fresh_one_with_the_real_values(db, wanted, organisations):
    from inzet.directory import selectors
    from inzet.directory.facets import facets_match_q

    match = facets_match_q(wanted)
    found = selectors.facet_query(organisations, wanted)
    if match is None:
        assert found is None
        return
    terms = query_terms(wanted.q) if wanted.q else []
    fresh = selectors.fresh_facet_queryset(sorted(organisations), match, terms)
    sql, params = fresh.query.get_compiler(using="default").as_sql()
    assert found == ((sql, list(params)), bool(terms))


def test_a_value_without_a_stand_in_leaves_the_page_to_the_plain_query(db, expert_factory, coordinator):
    stand_ins = StandIns()
    assert stand_ins.text("50%", like=True) is None and stand_ins.text("a_b", like=True) is None
    assert stand_ins.text("a_b") is not None  # an exact value (IN list) needs no LIKE escaping
    odd = ExpertFilters(municipalities=("Utrecht\u241f1\u241f",))  # holds the stand-ins' marker
    assert page_query.prepared_page({1}, odd, None, 1, _LIST_FIELDS) is None
    from inzet.directory.selectors import expert_page

    expert_factory(pc4="3511")
    assert expert_page(coordinator, odd).total == 0
    assert expert_page(coordinator, ExpertFilters(municipalities=("Utrecht",))).total == 1


def test_stand_ins_replace_whole_values_and_tokens_inside_like_patterns():
    stand_ins = StandIns()
    number, day, word = stand_ins.int(42), stand_ins.date(date(2027, 5, 1)), stand_ins.text(" utrecht")
    assert number < 0 and day.year < 1100
    params = [number, 3, day, str(day), f"%{word}%", word, "plain", True]
    assert stand_ins.substitute(params) == [
        42,
        3,
        date(2027, 5, 1),
        "2027-05-01",
        "% utrecht%",
        " utrecht",
        "plain",
        True,
    ]
    assert stand_ins.date(None) is None


def test_stand_ins_keep_the_integer_wrapper_django_gives_a_parameter():
    """Django passes a BigIntegerField value to PostgreSQL as psycopg's Int8 (an int subclass)."""

    class Int8(int):
        pass

    stand_ins = StandIns()
    number = stand_ins.int(7)
    (swapped,) = stand_ins.substitute([Int8(number)])
    assert swapped == 7 and type(swapped) is Int8
    assert stand_ins.substitute([True, Int8(5)]) == [True, 5]


def test_search_words_never_need_like_escaping():
    """The compiled page relies on this: every search option is made of a-z, 0-9 and spaces."""
    for query in ["50% korting", "a_b c\\d", "Coördinator_ggz", "%%%", "___ schuld"]:
        for options in query_terms(query):
            assert all(set(option) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ") for option in options)


@pytest.mark.parametrize("kinds", [("experience", "roles"), reference.ALL_KINDS])
def test_the_compiled_labels_query_reads_what_the_plain_union_reads(expert_factory, kinds):
    profiles = [expert_factory(areas=(("addiction", 2),), roles=("supporter",), languages=("nl",)) for _ in range(3)]
    wanted = [p.pk for p in profiles]
    compiled_reference, compiled_related = reference.load(kinds, reference=True, **{"in": wanted})
    plain = sorted(reference._union(kinds, True, {"in": wanted}))
    assert sorted(reference._rows(kinds, True, {"in": wanted})) == plain
    assert set(compiled_related) == set(wanted)
    assert compiled_related[wanted[0]].roles and compiled_related[wanted[0]].experiences
    assert compiled_reference.terms and compiled_reference.municipalities


ON_POSTGRES = pytest.mark.skipif(
    not __import__("os").environ.get("INZET_DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="prepared statements are a PostgreSQL matter: runs in the PostgreSQL run of the suite",
)


def _prepared_page_statements() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%COUNT(%OVER ()%experts_expertprofile%"],
        )
        return cursor.fetchone()[0]


@pytest.mark.postgres
@ON_POSTGRES
def test_on_postgresql_the_page_query_is_prepared_logged_and_finds_the_same(coordinator, expert_factory, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conftest import term
    from inzet.directory.selectors import coordinator_experts, expert_page

    for i in range(4):
        expert_factory(f"Persoon {i}", roles=("supporter",), areas=(("addiction", 2),))
    expert_factory("Zonder rol")
    wanted = ExpertFilters(q="persoon", roles=(term("role", "supporter").pk,))
    plain = list(coordinator_experts(coordinator, wanted).values_list("pk", flat=True))
    assert len(plain) == 4
    for _ in range(7):  # past PostgreSQL's five custom plans: the generic plan must find the same
        assert [row.profile.pk for row in expert_page(coordinator, wanted).rows] == plain
    assert _prepared_page_statements() == 1
    with CaptureQueriesContext(connection) as captured:
        expert_page(coordinator, wanted)
    assert any("OVER ()" in query["sql"] for query in captured.captured_queries)  # counted and logged
    settings.INZET_DB_PREPARED_STATEMENTS = False  # behind a pooler that cannot keep them
    other = ExpertFilters(q="persoon", areas=(term("experience_area", "addiction").pk,))
    assert [row.profile.pk for row in expert_page(coordinator, other).rows] == plain
    assert _prepared_page_statements() == 1  # the new shape ran without being prepared


def test_psycopg_keeps_the_parsed_form_of_long_statements():
    """lib.compiled.keep_long_queries_parsed (run at start-up): psycopg parses statements longer than
    its limits on every run unless they are raised; the compiled page query has ~280 parameters."""
    from psycopg import _queries

    from inzet.lib.compiled import PSYCOPG_CACHED_LENGTH, PSYCOPG_CACHED_PARAMS

    assert _queries.MAX_CACHED_STATEMENT_LENGTH >= PSYCOPG_CACHED_LENGTH
    assert _queries.MAX_CACHED_STATEMENT_PARAMS >= PSYCOPG_CACHED_PARAMS


@pytest.mark.postgres
@ON_POSTGRES
@pytest.mark.parametrize("prepare", [True, False])
def test_on_postgresql_a_long_statement_is_parsed_once(db, prepare):
    from django.db import connection
    from psycopg import _queries

    from inzet.lib.compiled import fetch_all

    # Server-side binding (the default on PostgreSQL, settings.py) or a prepared run: _query2pg.
    server_side = prepare or connection.features.uses_server_side_binding
    parse = _queries._query2pg if server_side else _queries._query2pg_client
    sql = "SELECT " + " + ".join(["%s::int"] * 300)
    fetch_all(sql, [1] * 300, prepare=prepare)
    hits = parse.cache_info().hits
    assert fetch_all(sql, [2] * 300, prepare=prepare) == [(600,)]
    assert parse.cache_info().hits == hits + 1


def test_candidate_lists_are_padded_to_few_lengths_with_little_padding():
    """Every padded id costs the database an index probe that finds nothing; every length is a
    shape of its own (compiled and prepared once)."""
    lengths = set()
    for count in range(1, 2049):
        padded = page_query._padded(list(range(1, count + 1)))
        assert padded[:count] == list(range(1, count + 1)) and all(pk < 0 for pk in padded[count:])
        assert len(set(padded)) == len(padded)
        if count >= 16:
            assert len(padded) - count <= len(padded) / 3
        lengths.add(len(padded))
    assert len(lengths) <= 16


def test_compiled_rows_become_the_instances_the_orm_makes(expert_factory, monkeypatch):
    """CompiledQuery.run fills a new instance's __dict__ directly where Model.from_db would only be
    slower: the same values, the same deferred fields, saved state, related objects as the ORM's."""
    from django.db.models import Model, signals

    from inzet.experts.models import ExpertProfile
    from inzet.lib.compiled import CompiledQuery

    experts = [expert_factory(f"Persoon {i}", pc4="3511") for i in range(3)]
    queryset = ExpertProfile.objects.filter(pk__in=[e.pk for e in experts]).select_related("user", "area")
    queryset = queryset.only("status", "hours_per_week", "user__full_name", "area__municipality").order_by("pk")
    compiled = CompiledQuery.of(queryset)

    def same(made, orm):
        assert [type(p) for p in made] == [ExpertProfile] * 3
        for mine, theirs in zip(made, orm, strict=True):
            assert {k: v for k, v in vars(mine).items() if k != "_state"} == {
                k: v for k, v in vars(theirs).items() if k != "_state"
            }
            assert mine.get_deferred_fields() == theirs.get_deferred_fields() and "phone" in mine.get_deferred_fields()
            assert (mine._state.adding, mine._state.db) == (False, "default")
            assert mine.user.full_name == theirs.user.full_name and mine.area.municipality == "Utrecht"
            assert mine.phone == theirs.phone  # a deferred field still loads on access

    inits = []
    plain_init = Model.__init__

    def counted_init(self, *args, **kwargs):
        if isinstance(self, ExpertProfile):  # not the users and areas the ORM's populators make
            inits.append(self)
        plain_init(self, *args, **kwargs)

    monkeypatch.setattr(Model, "__init__", counted_init)
    made = compiled.run(compiled.params)
    assert inits == []  # Model.__init__ is skipped for the compiled rows (the ~35 µs a row saved)
    same(made, list(queryset.all()))
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance)

    inits.clear()
    signals.post_init.connect(listener, sender=ExpertProfile)  # someone listens: Django's from_db
    try:
        made = compiled.run(compiled.params)
    finally:
        signals.post_init.disconnect(listener, sender=ExpertProfile)
    assert [id(p) for p in made] == [id(p) for p in seen] == [id(p) for p in inits]
    same(made, list(queryset.all()))
    own = []

    def own_init(self, *args, **kwargs):  # a model with an __init__ of its own: it runs, as in from_db
        own.append(self)
        plain_init(self, *args, **kwargs)

    monkeypatch.setattr(ExpertProfile, "__init__", own_init)
    made = compiled.run(compiled.params)
    assert [id(p) for p in made] == [id(p) for p in own]
    same(made, list(queryset.all()))
