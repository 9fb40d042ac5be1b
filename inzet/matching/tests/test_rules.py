"""Tests for inzet.matching.rules: hard filters, scores, explanations, consent."""

import dataclasses
import random
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from inzet.matching.rules import (
    CRITERIA,
    FILTER_REASONS,
    HIDDEN_NL,
    ITEMS,
    LEVELS,
    Candidate,
    CandidatePool,
    RequestSpec,
    Weights,
    distance_km,
    evaluate,
    exclusion_nl,
    filter_reason,
    rank,
)

AREAS = ("ggz", "verslaving", "autisme", "armoede")
ROLES = ("coach", "beleid", "docent")
COMPETENCES = ("contact", "methoden", "advies")
KINDS = ("voorlichting", "onderzoek", "cliëntenraad")
LANGUAGES = ("nl", "en", "ar")
DAY0 = date(2025, 3, 3)  # a Monday
VIEWER = 7
AMSTERDAM, UTRECHT, GRONINGEN = (52.3676, 4.9041), (52.0907, 5.1214), (53.2194, 6.5665)
ALL_VISIBLE = dict.fromkeys(ITEMS, True)

# The fields behind each item an expert can hide.
ITEM_FIELDS = {
    "experience_areas": ("experience_areas",),
    "roles": ("roles",),
    "competences": ("competences", "self_assessed_competences"),
    "level": ("level",),
    "availability": ("unavailable_periods", "available_weekdays"),
    "location": ("location", "travel_radius_km"),
    "languages": ("languages",),
    "wants": ("wants",),
    "workload": ("hours_last_8_weeks", "heavy_assignments_recent", "hours_per_week"),
    "feedback": ("feedback_score",),
}


def subsets(codes):
    return st.frozensets(st.sampled_from(codes), max_size=len(codes))


days = st.integers(0, 40).map(lambda n: DAY0 + timedelta(days=n))
periods = st.tuples(days, st.integers(0, 20)).map(lambda t: (t[0], t[0] + timedelta(days=t[1])))
points = st.tuples(st.floats(51.0, 53.5), st.floats(3.5, 7.0))

FIELD_VALUES = {
    "experience_areas": subsets(AREAS),
    "roles": subsets(ROLES),
    "competences": subsets(COMPETENCES),
    "self_assessed_competences": subsets(COMPETENCES),
    "level": st.sampled_from(LEVELS),
    "unavailable_periods": st.lists(periods, max_size=2).map(tuple),
    "available_weekdays": st.frozensets(st.integers(0, 6)),
    "hours_per_week": st.none() | st.sampled_from([0.0, 4.0, 8.0, 16.0]),
    "location": st.none() | points,
    "travel_radius_km": st.none() | st.sampled_from([10.0, 50.0, 150.0, 400.0]),
    "languages": subsets(LANGUAGES),
    "wants": subsets(KINDS),
    "hours_last_8_weeks": st.floats(0, 100),
    "heavy_assignments_recent": st.integers(0, 4),
    "feedback_score": st.none() | st.floats(0, 1),
}

candidates_ = st.builds(
    Candidate,
    expert_id=st.just(0),  # made unique by candidate_lists
    person_id=st.integers(1, 12),  # sometimes the viewer (7)
    consent_to_matching=st.booleans(),
    consent=st.fixed_dictionaries({}, optional=dict.fromkeys(ITEMS, st.booleans())),
    paused=st.booleans(),
    does_not_want=subsets(KINDS),
    **FIELD_VALUES,
)
candidate_lists = st.lists(candidates_, max_size=25).map(
    lambda cs: [dataclasses.replace(c, expert_id=i + 1) for i, c in enumerate(cs)]
)


@st.composite
def requests(draw):
    start = draw(st.none() | days)
    return RequestSpec(
        required_areas=draw(subsets(AREAS)),
        required_roles=draw(subsets(ROLES)),
        required_competences=draw(subsets(COMPETENCES)),
        min_level=draw(st.none() | st.sampled_from(LEVELS)),
        start=start,
        end=None if start is None else start + timedelta(days=draw(st.integers(0, 14))),
        location=draw(st.none() | points),
        languages=draw(subsets(LANGUAGES)),
        kinds=draw(subsets(KINDS)),
        experts_needed=draw(st.integers(1, 3)),
        is_heavy=draw(st.booleans()),
        use_feedback=draw(st.booleans()),
    )


property_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def expert(expert_id=1, person_id=101, **fields):
    """A willing, available, fully shared expert; fields override."""
    values = {"consent_to_matching": True, "consent": ALL_VISIBLE, **fields}
    return Candidate(expert_id=expert_id, person_id=person_id, **values)


REQUEST = RequestSpec(
    required_areas=frozenset({"ggz", "verslaving"}),
    required_roles=frozenset({"coach"}),
    min_level="expertise",
    start=DAY0,
    end=DAY0 + timedelta(days=4),
    location=UTRECHT,
    languages=frozenset({"nl"}),
    kinds=frozenset({"voorlichting"}),
)


# Hard filters -------------------------------------------------------------------


@property_settings
@given(requests(), candidate_lists)
def test_it_never_lets_a_hard_filter_through(request, candidates):
    ranked = rank(request, candidates, viewer_person_id=VIEWER, limit=len(candidates) + 1)
    eligible = {c.expert_id for c in candidates if filter_reason(request, c, VIEWER) is None}
    assert {m.expert_id for m in ranked} == eligible
    by_id = {c.expert_id: c for c in candidates}
    for m in ranked:
        c = by_id[m.expert_id]
        assert c.person_id != VIEWER
        assert c.consent_to_matching and not c.paused
        assert request.kinds.isdisjoint(c.does_not_want)


@property_settings
@given(requests(), candidate_lists, st.integers(1, 12))
def test_it_never_proposes_the_coordinator_themselves(request, candidates, viewer):
    ranked = rank(request, candidates, viewer_person_id=viewer, limit=100)
    persons = {c.expert_id: c.person_id for c in candidates}
    assert all(persons[m.expert_id] != viewer for m in ranked)
    assert all(evaluate(request, c, viewer_person_id=viewer) is None for c in candidates if c.person_id == viewer)


def test_it_names_the_reason_for_each_hard_filter():
    assert filter_reason(REQUEST, expert(person_id=VIEWER), VIEWER) == "self"
    assert filter_reason(REQUEST, expert(consent_to_matching=False), VIEWER) == "no_consent"
    assert filter_reason(REQUEST, expert(paused=True), VIEWER) == "paused"
    assert filter_reason(REQUEST, expert(does_not_want=frozenset({"voorlichting"})), VIEWER) == "does_not_want"
    whole_period = ((DAY0 - timedelta(days=1), DAY0 + timedelta(days=10)),)
    assert filter_reason(REQUEST, expert(unavailable_periods=whole_period), VIEWER) == "unavailable"
    assert filter_reason(REQUEST, expert(location=GRONINGEN, travel_radius_km=50), VIEWER) == "too_far"
    assert filter_reason(REQUEST, expert(location=GRONINGEN), VIEWER) is None  # no radius of their own
    assert filter_reason(REQUEST, expert(), VIEWER) is None
    assert set(FILTER_REASONS) == {"self", "no_consent", "paused", "does_not_want", "unavailable", "too_far"}


def test_it_does_not_exclude_for_distance_when_the_work_is_online():
    online = dataclasses.replace(REQUEST, location=None)
    assert filter_reason(online, expert(location=GRONINGEN, travel_radius_km=10), VIEWER) is None


def test_it_keeps_someone_who_is_free_part_of_the_period_with_a_lower_score():
    free = evaluate(REQUEST, expert(), viewer_person_id=VIEWER)
    two_days_off = ((DAY0, DAY0 + timedelta(days=1)),)
    partly = evaluate(REQUEST, expert(unavailable_periods=two_days_off), viewer_person_id=VIEWER)
    assert partly is not None
    assert partly.score < free.score
    availability = next(c for c in partly.criteria if c.code == "availability")
    assert availability.explanation_nl == "Beschikbaar op 3 van de 5 dagen in de periode."


def test_it_counts_only_the_weekdays_someone_works():
    # Monday to Sunday, someone who works on Tuesdays and Thursdays, off on that Tuesday.
    week = dataclasses.replace(REQUEST, end=DAY0 + timedelta(days=6))
    c = expert(available_weekdays=frozenset({1, 3}), unavailable_periods=((DAY0 + timedelta(days=1),) * 2,))
    availability = next(x for x in evaluate(week, c, viewer_person_id=VIEWER).criteria if x.code == "availability")
    assert availability.points == pytest.approx(5.0)
    only_tuesday_off = expert(
        available_weekdays=frozenset({1}), unavailable_periods=((DAY0, DAY0 + timedelta(days=2)),)
    )
    assert filter_reason(week, only_tuesday_off, VIEWER) == "unavailable"


def test_it_hides_the_reason_for_an_exclusion_based_on_a_hidden_item():
    hidden = {**ALL_VISIBLE, "availability": False, "wants": False}
    paused = expert(paused=True, consent=hidden)
    refuses = expert(does_not_want=frozenset({"voorlichting"}), consent=hidden)
    assert exclusion_nl(REQUEST, paused, VIEWER) == "Deze persoon past niet bij deze vraag."
    assert exclusion_nl(REQUEST, refuses, VIEWER) == "Deze persoon past niet bij deze vraag."
    assert exclusion_nl(REQUEST, expert(paused=True), VIEWER) == "Deze persoon heeft even pauze."
    assert "zelf" in exclusion_nl(REQUEST, expert(person_id=VIEWER), VIEWER)
    assert exclusion_nl(REQUEST, expert(), VIEWER) is None


# Scores and order -----------------------------------------------------------------


def test_it_gives_a_perfect_fit_the_full_score_with_reasons_in_dutch():
    c = expert(
        experience_areas=frozenset({"ggz", "verslaving", "autisme"}),
        roles=frozenset({"coach"}),
        level="professional",
        location=AMSTERDAM,
        travel_radius_km=100,
        languages=frozenset({"nl"}),
        wants=frozenset({"voorlichting"}),
    )
    near = dataclasses.replace(REQUEST, location=AMSTERDAM)
    m = evaluate(near, c, viewer_person_id=VIEWER, labels={"ggz": "GGZ", "verslaving": "verslaving"})
    assert m.score == 100.0
    assert [x.code for x in m.criteria] == [
        "experience_areas",
        "roles",
        "level",
        "availability",
        "distance",
        "languages",
        "wants",
        "workload",
    ]
    texts = {x.code: x.explanation_nl for x in m.criteria}
    assert texts["experience_areas"] == "Alle gevraagde ervaringsgebieden: GGZ en verslaving."
    assert texts["level"] == "Niveau: professionele ervaringsdeskundigheid. Gevraagd: ervaringsdeskundigheid of hoger."
    assert all(x.shown and x.points == x.max_points for x in m.criteria)


def test_it_scores_partial_fits_per_criterion():
    c = expert(
        experience_areas=frozenset({"ggz"}),
        level="experiential_knowledge",
        hours_last_8_weeks=32,
        self_assessed_competences=frozenset({"advies"}),
    )
    request = dataclasses.replace(REQUEST, required_competences=frozenset({"advies", "contact"}))
    points = {x.code: x.points for x in evaluate(request, c, viewer_person_id=VIEWER).criteria}
    assert points["experience_areas"] == 15.0  # 1 of 2
    assert points["roles"] == 0.0
    assert points["competences"] == 3.75  # self-assessed counts half: 0.5 of 2 asked
    assert points["level"] == 5.0  # one step below
    assert points["workload"] == 5.0  # 32 of 64 hours used


def test_it_uses_feedback_only_when_the_installation_allows_it():
    c = expert(feedback_score=0.9)
    off = evaluate(REQUEST, c, viewer_person_id=VIEWER)
    on = evaluate(dataclasses.replace(REQUEST, use_feedback=True), c, viewer_person_id=VIEWER)
    assert "feedback" not in {x.code for x in off.criteria}
    assert next(x for x in on.criteria if x.code == "feedback").points == 9.0


def test_it_gives_rest_after_heavy_assignments_for_heavy_requests():
    heavy = dataclasses.replace(REQUEST, is_heavy=True)
    rested = evaluate(heavy, expert(), viewer_person_id=VIEWER)
    tired = evaluate(heavy, expert(heavy_assignments_recent=1), viewer_person_id=VIEWER)
    assert tired.score < rested.score
    assert "recent_heavy" not in {x.code for x in evaluate(REQUEST, expert(), viewer_person_id=VIEWER).criteria}


def test_it_measures_distance_as_the_crow_flies():
    assert distance_km(AMSTERDAM, UTRECHT) == pytest.approx(34.2, abs=0.2)
    assert distance_km((51.5074, -0.1278), (48.8566, 2.3522)) == pytest.approx(343.6, abs=0.5)  # London-Paris
    assert distance_km(UTRECHT, UTRECHT) == 0.0


@property_settings
@given(requests(), candidate_lists)
def test_it_orders_by_score_then_expert_id(request, candidates):
    ranked = rank(request, candidates, viewer_person_id=VIEWER, limit=100)
    keys = [(-m.score, m.expert_id) for m in ranked]
    assert keys == sorted(keys)
    assert all(0.0 <= m.score <= 100.0 for m in ranked)


@property_settings
@given(requests(), candidate_lists, st.integers(1, 10), st.randoms(use_true_random=False))
def test_it_keeps_the_best_when_it_stops_early(request, candidates, limit, rnd):
    everyone = rank(request, candidates, viewer_person_id=VIEWER, limit=100)
    assert rank(request, candidates, viewer_person_id=VIEWER, limit=limit) == everyone[:limit]
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    assert rank(request, shuffled, viewer_person_id=VIEWER, limit=limit) == everyone[:limit]


@property_settings
@given(requests(), candidate_lists, st.integers(1, 10))
def test_it_ranks_a_pool_exactly_like_a_plain_list(request, candidates, limit):
    expected = rank(request, candidates, viewer_person_id=VIEWER, limit=limit)
    assert CandidatePool(candidates).rank(request, viewer_person_id=VIEWER, limit=limit) == expected


@property_settings
@given(requests(), candidate_lists)
def test_it_adds_up_the_score_from_the_criteria(request, candidates):
    for m in rank(request, candidates, viewer_person_id=VIEWER, limit=100):
        total = sum(x.max_points for x in m.criteria)
        assert m.score == pytest.approx(100 * sum(x.points for x in m.criteria) / total, abs=0.1)


def test_it_is_deterministic_on_a_large_pool():
    rnd = random.Random(5)
    pool = [
        expert(
            expert_id=i,
            person_id=1000 + i,
            experience_areas=frozenset(rnd.sample(AREAS, rnd.randint(0, 3))),
            roles=frozenset(rnd.sample(ROLES, rnd.randint(0, 2))),
            level=rnd.choice(LEVELS),
            location=(rnd.uniform(51, 53), rnd.uniform(4, 6.5)),
            hours_last_8_weeks=float(rnd.randint(0, 60)),
            languages=frozenset({"nl"}),
            wants=frozenset({"voorlichting"}),
            unavailable_periods=((DAY0 + timedelta(days=rnd.randint(0, 9)),) * 2,),
        )
        for i in range(2000)
    ]
    online_any_time = dataclasses.replace(REQUEST, location=None, start=None, end=None)
    for request in (REQUEST, online_any_time):
        first = rank(request, pool, viewer_person_id=VIEWER)
        everyone = (evaluate(request, c, viewer_person_id=VIEWER) for c in pool)
        assert first == sorted(everyone, key=lambda m: (-m.score, m.expert_id))[:20]
        assert rank(request, list(reversed(pool)), viewer_person_id=VIEWER) == first
        assert CandidatePool(pool).rank(request, viewer_person_id=VIEWER) == first


def test_it_finds_the_best_even_when_each_newcomer_is_only_a_little_better():
    # Worst first: every next candidate beats the current best by about 0.01 point.
    online = dataclasses.replace(REQUEST, location=None, start=None, end=None)
    pool = [expert(expert_id=61 - i, person_id=200 + i, hours_last_8_weeks=(60 - i) / 10) for i in range(61)]
    assert [m.expert_id for m in rank(online, pool, viewer_person_id=VIEWER, limit=1)] == [1]
    assert [m.expert_id for m in CandidatePool(pool).rank(online, viewer_person_id=VIEWER, limit=1)] == [1]
    # An equal score arriving later still wins on the lower expert id.
    twins = [expert(expert_id=2, person_id=202), expert(expert_id=1, person_id=201)]
    assert [m.expert_id for m in rank(online, twins, viewer_person_id=VIEWER, limit=1)] == [1]


def test_it_returns_nothing_for_a_limit_of_zero():
    assert rank(REQUEST, [expert()], viewer_person_id=VIEWER, limit=0) == []


def test_it_lets_operators_tune_the_weights():
    no_areas = Weights(experience_areas=0.0)
    m = evaluate(REQUEST, expert(), viewer_person_id=VIEWER, weights=no_areas)
    assert "experience_areas" not in {x.code for x in m.criteria}


# Consent ------------------------------------------------------------------------


def eligible(candidate, **consent):
    """The candidate, willing, not paused, not the viewer, with some items hidden."""
    return dataclasses.replace(
        candidate,
        person_id=100,
        consent_to_matching=True,
        paused=False,
        consent={**candidate.consent, **consent},
    )


@property_settings
@given(requests(), candidates_, st.sampled_from(ITEMS), st.data())
def test_it_does_not_let_hidden_items_change_the_score_or_the_explanation(request, candidate, item, data):
    candidate = eligible(candidate, **{item: False})
    changed = dataclasses.replace(candidate, **{f: data.draw(FIELD_VALUES[f]) for f in ITEM_FIELDS[item]})
    first = evaluate(request, candidate, viewer_person_id=VIEWER)
    second = evaluate(request, changed, viewer_person_id=VIEWER)
    assume(first is not None and second is not None)  # a hard filter may use the item
    assert first == second


SET_ITEMS = {
    "experience_areas": "experience_areas",
    "roles": "roles",
    "competences": "competences",
    "languages": "languages",
    "wants": "wants",
}


@property_settings
@given(requests(), candidates_, st.frozensets(st.sampled_from(ITEMS)))
def test_it_never_shows_hidden_items_in_explanations(request, candidate, hidden):
    candidate = eligible(candidate, **dict.fromkeys(hidden, False))
    labels = {code: f"<{code}>" for code in AREAS + ROLES + COMPETENCES + LANGUAGES + KINDS}
    m = evaluate(request, candidate, viewer_person_id=VIEWER, labels=labels)
    assume(m is not None)
    text = " ".join(x.explanation_nl for x in m.criteria)
    for item, field_name in SET_ITEMS.items():
        if not candidate.may_see(item):
            assert not any(labels[code] in text for code in getattr(candidate, field_name))
    item_of = {code: item for code, _, item in CRITERIA}
    for x in m.criteria:
        if not candidate.may_see(item_of[x.code]):
            assert (x.shown, x.points, x.explanation_nl) == (False, 0.0, HIDDEN_NL)
        else:
            assert x.shown


def test_it_treats_a_hidden_experience_area_as_unknown():
    shared = expert(experience_areas=frozenset({"ggz", "verslaving"}))
    hidden = dataclasses.replace(shared, consent={**ALL_VISIBLE, "experience_areas": False})
    nothing = dataclasses.replace(shared, experience_areas=frozenset())
    ranked = rank(REQUEST, [shared, dataclasses.replace(hidden, expert_id=2)], viewer_person_id=VIEWER)
    assert [m.expert_id for m in ranked] == [1, 2]
    area = ranked[1].criteria[0]
    assert (area.code, area.shown, area.points, area.explanation_nl) == ("experience_areas", False, 0.0, HIDDEN_NL)
    # Someone who hides an area scores the same as someone without it: the order tells nothing.
    assert ranked[1].score == evaluate(REQUEST, nothing, viewer_person_id=VIEWER).score


def test_it_treats_a_missing_consent_entry_as_hidden():
    c = Candidate(expert_id=1, person_id=2, consent_to_matching=True, experience_areas=frozenset({"ggz"}))
    assert not c.may_see("experience_areas")
    assert all(not x.shown for x in evaluate(REQUEST, c, viewer_person_id=VIEWER).criteria)


def test_it_refuses_unknown_levels_and_backwards_periods():
    with pytest.raises(ValueError):
        Candidate(expert_id=1, person_id=2, level="guru")
    with pytest.raises(ValueError):
        RequestSpec(start=DAY0, end=DAY0 - timedelta(days=1))
    with pytest.raises(ValueError):
        RequestSpec(start=DAY0)
    with pytest.raises(ValueError):
        CandidatePool([expert(), expert()])
