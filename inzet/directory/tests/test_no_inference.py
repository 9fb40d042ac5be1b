"""Property: for ANY combination of filters, the coordinator's result set equals what a plain
Python check over the disclosed items gives. So a hidden item can never change who is found."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import term
from inzet.directory.filters import ExpertFilters
from inzet.directory.selectors import coordinator_experts
from inzet.directory.services import bulk_build_documents
from inzet.experts.disclosure import can_see
from inzet.experts.models import Audience, ExpertProfile, WorkForm

AREAS = ["addiction", "autism", "poverty_debt"]
ROLES = ["supporter", "researcher", "policy_influencer"]
LANGUAGES = ["nl", "ar", "pap"]
PC4 = ["3511", "1011", "9711"]
LEVELS = [Audience.ONLY_ME, Audience.COORDINATORS, Audience.ASKERS]


@pytest.fixture
def pool(expert_factory):
    rng = random.Random(7)
    for i in range(24):
        expert_factory(
            f"Persoon {i}",
            areas=[(code, rng.choice(LEVELS)) for code in rng.sample(AREAS, k=rng.randint(0, 2))],
            roles=rng.sample(ROLES, k=rng.randint(0, 2)),
            languages=rng.sample(LANGUAGES, k=rng.randint(1, 2)),
            pc4=rng.choice(PC4),
            hours_per_week=rng.choice([2, 8, 16]),
            work_form=rng.choice(WorkForm.values),
            paused=rng.random() < 0.3,
            **{
                f"vis_{item}": rng.choice(LEVELS)
                for item in ("roles", "languages", "region", "availability", "work_form")
            },
            refresh=False,
        )
    bulk_build_documents()  # as the services keep them (built here in one pass, for speed)
    return {
        p.pk: p
        for p in ExpertProfile.objects.select_related("area").prefetch_related(
            "experiences__area", "wanted_roles", "languages"
        )
    }


filters = st.fixed_dictionaries(
    {},
    optional={
        "areas": st.lists(st.sampled_from(AREAS), min_size=1, max_size=2, unique=True),
        "roles": st.lists(st.sampled_from(ROLES), min_size=1, max_size=2, unique=True),
        "languages": st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=2, unique=True),
        "municipalities": st.lists(st.sampled_from(["Utrecht", "Amsterdam", "Groningen"]), min_size=1, unique=True),
        "min_hours": st.sampled_from([4, 10]),
        "work_forms": st.lists(st.sampled_from(WorkForm.values), min_size=1, max_size=2, unique=True),
        "paused": st.booleans(),
        "sort": st.sampled_from(["name", "hours", "updated"]),
    },
)


def _expected(profile, chosen, level=Audience.COORDINATORS) -> bool:
    """The oracle: matches only on items the expert shows at `level`."""
    if "areas" in chosen:
        visible = {e.area.code for e in profile.experiences.all() if e.visibility >= level}
        if not visible & set(chosen["areas"]):
            return False
    checks = {
        "roles": ("roles", lambda: {t.code for t in profile.wanted_roles.all()} & set(chosen["roles"])),
        "languages": ("languages", lambda: {t.code for t in profile.languages.all()} & set(chosen["languages"])),
        "municipalities": ("region", lambda: profile.area.municipality in chosen["municipalities"]),
        "min_hours": ("availability", lambda: profile.hours_per_week >= chosen["min_hours"]),
        "work_forms": ("work_form", lambda: profile.work_form in chosen["work_forms"]),
        "paused": ("availability", lambda: profile.paused == chosen["paused"]),
    }
    for key, (item, matches) in checks.items():
        if key in chosen and not (can_see(level, profile, item) and matches()):
            return False
    return True


def _to_filters(chosen) -> ExpertFilters:
    ids = {
        key: tuple(term(vocabulary, code).pk for code in chosen.get(key, ()))
        for key, vocabulary in (("areas", "experience_area"), ("roles", "role"), ("languages", "language"))
    }
    return ExpertFilters(
        **ids,
        municipalities=tuple(chosen.get("municipalities", ())),
        min_hours=chosen.get("min_hours"),
        work_forms=tuple(chosen.get("work_forms", ())),
        paused=chosen.get("paused"),
        sort=chosen.get("sort", "name"),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=filters)
def test_the_result_set_depends_only_on_shared_items(coordinator, pool, chosen):
    found = list(coordinator_experts(coordinator, _to_filters(chosen)).values_list("pk", flat=True))
    assert set(found) == {pk for pk, profile in pool.items() if _expected(profile, chosen)}
    if chosen.get("sort") == "hours":
        # Among the found, everyone who hides their hours comes after everyone who shows them.
        shown = [can_see(Audience.COORDINATORS, pool[pk], "availability") for pk in found]
        assert shown == sorted(shown, reverse=True)
        hours = [pool[pk].hours_per_week for pk, visible in zip(found, shown, strict=True) if visible]
        assert hours == sorted(hours, reverse=True)
        hidden = [pk for pk, visible in zip(found, shown, strict=True) if not visible]
        assert hidden == sorted(hidden)  # in a fixed order that says nothing about the hidden hours


@pytest.fixture
def documented_pool(pool):
    """The same experts, a quarter of them with documents from before facets existed (NULL)."""
    from inzet.directory.models import ExpertSearchDocument

    ids = sorted(pool)
    ExpertSearchDocument.objects.filter(profile_id__in=ids[::4]).update(coordinators_facets=None)
    assert ExpertSearchDocument.objects.filter(coordinators_facets__isnull=False).count() >= len(ids) // 2
    return pool


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=filters)
def test_facets_narrow_the_search_without_changing_who_is_found(coordinator, documented_pool, chosen):
    found = set(coordinator_experts(coordinator, _to_filters(chosen)).values_list("pk", flat=True))
    assert found == {pk for pk, profile in documented_pool.items() if _expected(profile, chosen)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=filters, number=st.sampled_from([1, 2]))
def test_the_compiled_page_query_finds_the_same_experts_in_the_same_order(coordinator, documented_pool, chosen, number):
    """expert_page runs the page query compiled once per shape (page_query.py); it must give exactly
    the page the plain ORM query gives, for every combination, also on repeated shapes."""
    from inzet.directory import selectors

    wanted = _to_filters(chosen)
    ordered = list(coordinator_experts(coordinator, wanted).values_list("pk", flat=True))
    page = selectors.expert_page(coordinator, wanted, number)
    assert page.total == len(ordered)
    if wanted.is_empty or not ordered:
        return
    last = max(1, -(-len(ordered) // selectors.PAGE_SIZE))
    shown = min(number, last)
    assert page.number == shown
    start = (shown - 1) * selectors.PAGE_SIZE
    assert [row.profile.pk for row in page.rows] == ordered[start : start + selectors.PAGE_SIZE]
    for row in page.rows:
        assert row.profile.user.full_name == documented_pool[row.profile.pk].user.full_name
        assert row.hours in (None, documented_pool[row.profile.pk].hours_per_week)
