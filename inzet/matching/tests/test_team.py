"""Tests for inzet.matching.team: exact team composition with alternatives."""

import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.matching.rules import ITEMS, Candidate, Match
from inzet.matching.team import TeamCandidate, compose_team

AREAS = ("ggz", "verslaving", "autisme", "armoede", "dakloosheid")
ROLES = ("coach", "beleid", "docent")
REGIONS = ("noord", "oost", "zuid", "west")
AGES = ("18-34", "35-54", "55+")
WEIGHTS = {"region": 5.0, "age_band": 3.0}


def subsets(codes, max_size=2):
    return st.frozensets(st.sampled_from(codes), max_size=max_size)


member_ = st.builds(
    TeamCandidate,
    expert_id=st.just(0),
    person_id=st.integers(1, 40),
    score=st.integers(0, 100).map(float),
    areas=subsets(AREAS),
    roles=subsets(ROLES, 1),
    attributes=st.fixed_dictionaries(
        {}, optional={"region": st.sampled_from(REGIONS), "age_band": st.sampled_from(AGES)}
    ),
)


def numbered(members):
    """Unique expert ids and person ids (one profile per person)."""
    return [TeamCandidate(i + 1, 100 + i, m.score, m.areas, m.roles, m.attributes) for i, m in enumerate(members)]


small_pools = st.lists(member_, min_size=1, max_size=8).map(numbered)
property_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def value(team, required_areas, required_roles, weights=WEIGHTS):
    """(coverage, objective) of a team, worked out independently of the solver."""
    areas = set().union(*(m.areas for m in team)) & set(required_areas)
    roles = set().union(*(m.roles for m in team)) & set(required_roles)
    bonus = sum(w * len({m.attributes[a] for m in team if a in m.attributes}) for a, w in weights.items())
    return len(areas) + len(roles), sum(m.score for m in team) + bonus


def brute_force_best(pool, k, required_areas, required_roles):
    return max(value(team, required_areas, required_roles) for team in itertools.combinations(pool, k))


def team_value(result, pool, required_areas, required_roles):
    by_id = {m.expert_id: m for m in pool}
    return value([by_id[i] for i in result.chosen], required_areas, required_roles)


def compose(pool, k, required_areas, required_roles, **kwargs):
    kwargs.setdefault("diversity_weights", WEIGHTS)
    return compose_team(pool, k=k, required_areas=required_areas, required_roles=required_roles, **kwargs)


@property_settings
@given(small_pools, st.integers(1, 4), subsets(AREAS, 3), subsets(ROLES, 2))
def test_it_finds_the_same_best_team_as_brute_force(pool, k, required_areas, required_roles):
    k = min(k, len(pool))
    result = compose(pool, k, required_areas, required_roles, alternatives=0)
    assert result.optimal and result.feasible
    coverage, objective = team_value(result, pool, required_areas, required_roles)
    best_coverage, best_objective = brute_force_best(pool, k, required_areas, required_roles)
    assert coverage == best_coverage == result.coverage
    assert objective == pytest.approx(best_objective) == pytest.approx(result.objective)


@property_settings
@given(small_pools, st.integers(1, 4), subsets(AREAS, 3), subsets(ROLES, 2))
def test_it_always_chooses_k_people_when_there_are_enough(pool, k, required_areas, required_roles):
    result = compose(pool, k, required_areas, required_roles)
    assert len(result.chosen) == min(k, len(pool))
    assert len(set(result.chosen)) == len(result.chosen)
    assert all(len(alt.chosen) == len(result.chosen) for alt in result.alternatives)


@property_settings
@given(small_pools, st.integers(1, 3), subsets(AREAS, 3), subsets(ROLES, 2))
def test_it_covers_everything_asked_when_that_is_possible(pool, k, required_areas, required_roles):
    k = min(k, len(pool))
    result = compose(pool, k, required_areas, required_roles, alternatives=0)
    possible = any(
        value(team, required_areas, required_roles)[0] == len(required_areas) + len(required_roles)
        for team in itertools.combinations(pool, k)
    )
    if possible:
        assert not result.uncovered_areas and not result.uncovered_roles
    else:
        assert result.uncovered_areas or result.uncovered_roles


@property_settings
@given(small_pools, st.integers(1, 3), subsets(AREAS, 3), subsets(ROLES, 2), st.integers(0, 4))
def test_it_offers_alternatives_that_are_distinct_and_never_better(pool, k, required_areas, required_roles, wanted):
    k = min(k, len(pool))
    result = compose(pool, k, required_areas, required_roles, alternatives=wanted)
    teams = [result, *result.alternatives]
    assert len({frozenset(t.chosen) for t in teams}) == len(teams)
    assert len(result.alternatives) == min(wanted, len(list(itertools.combinations(pool, k))) - 1)
    previous = (result.coverage, result.objective)
    for alt in result.alternatives:
        current = (alt.coverage, alt.objective)
        assert current[0] < previous[0] or (current[0] == previous[0] and current[1] <= previous[1] + 1e-6)
        previous = current


@property_settings
@given(
    st.lists(member_, min_size=1, max_size=8),
    st.integers(1, 3),
    subsets(AREAS, 3),
    st.integers(0, 7),
)
def test_it_never_puts_the_coordinator_in_the_team(raw, k, required_areas, pick):
    # Person ids as drawn, so one person may have two expert profiles.
    pool = [TeamCandidate(i + 1, m.person_id, m.score, m.areas, m.roles, m.attributes) for i, m in enumerate(raw)]
    coordinator = pool[pick % len(pool)].person_id
    result = compose_team(pool, k=k, required_areas=required_areas, exclude_person_id=coordinator, alternatives=3)
    persons = {m.expert_id: m.person_id for m in pool}
    for team in [result, *result.alternatives]:
        chosen_persons = [persons[i] for i in team.chosen]
        assert coordinator not in chosen_persons
        assert len(set(chosen_persons)) == len(chosen_persons)  # nobody twice


@property_settings
@given(small_pools, st.integers(1, 3), subsets(AREAS, 3), subsets(ROLES, 2), st.randoms(use_true_random=False))
def test_it_gives_the_same_answer_whatever_the_input_order(pool, k, required_areas, required_roles, rnd):
    first = compose(pool, k, required_areas, required_roles)
    shuffled = list(pool)
    rnd.shuffle(shuffled)
    assert compose(shuffled, k, required_areas, required_roles) == first


def test_it_explains_a_duo_in_plain_dutch():
    pool = [
        TeamCandidate(1, 11, 80.0, frozenset({"ggz"}), frozenset({"coach"}), {"region": "oost"}),
        TeamCandidate(2, 12, 70.0, frozenset({"verslaving"}), frozenset(), {"region": "west"}),
        TeamCandidate(3, 13, 90.0, frozenset({"ggz"}), frozenset({"coach"}), {"region": "oost"}),
    ]
    result = compose_team(
        pool,
        k=2,
        required_areas={"ggz", "verslaving"},
        required_roles={"coach"},
        labels={"ggz": "GGZ"},
    )
    assert result.chosen == (3, 2)
    assert result.optimal
    assert result.explanation_nl[:2] == (
        "Dit duo heeft samen alle gevraagde ervaringsgebieden: GGZ en verslaving.",
        "Dit duo heeft samen alle gevraagde rollen: coach.",
    )
    assert "Regio: 2 verschillend (oost en west)." in result.explanation_nl
    assert [alt.chosen for alt in result.alternatives] == [(1, 2), (3, 1)]
    assert result.alternatives[0].explanation_nl[0] == "Dit team scoort 10,0 punten lager dan het eerste voorstel."
    assert (
        result.alternatives[1].explanation_nl[0] == "Dit team heeft minder van wat gevraagd is dan het eerste voorstel."
    )


def test_it_says_what_nobody_can_cover():
    pool = [
        TeamCandidate(1, 11, 50.0, frozenset({"ggz"})),
        TeamCandidate(2, 12, 60.0, frozenset({"autisme"})),
        TeamCandidate(3, 13, 70.0, frozenset({"armoede"})),
    ]
    result = compose_team(pool, k=2, required_areas={"ggz", "autisme", "armoede", "dakloosheid"}, alternatives=0)
    assert result.uncovered_areas >= {"dakloosheid"}
    assert len(result.uncovered_areas) == 2
    assert "Niemand die beschikbaar is, heeft deze ervaringsgebieden: dakloosheid." in result.explanation_nl
    assert any(
        line.startswith("Met 2 mensen lukt het niet om ook dit erbij te hebben") for line in result.explanation_nl
    )


def test_it_takes_everyone_when_fewer_people_are_available_than_asked():
    pool = [TeamCandidate(1, 11, 50.0), TeamCandidate(2, 12, 60.0)]
    result = compose_team(pool, k=3, alternatives=1)
    assert result.chosen == (2, 1)
    assert "Gevraagd waren 3 mensen, maar er zijn er maar 2 beschikbaar." in result.explanation_nl
    assert result.alternatives == ()


def test_it_reports_when_there_is_nobody_or_no_team_meets_the_rules():
    nobody = compose_team([TeamCandidate(1, 11, 50.0)], k=2, exclude_person_id=11)
    assert (nobody.chosen, nobody.feasible) == ((), False)
    assert nobody.explanation_nl == ("Er is niemand beschikbaar voor dit team.",)
    same_region = [TeamCandidate(i, 10 + i, 50.0, attributes={"region": "oost"}) for i in range(1, 4)]
    impossible = compose_team(same_region, k=2, max_same={"region": 1})
    assert (impossible.chosen, impossible.feasible) == ((), False)
    assert impossible.explanation_nl == ("Met deze eisen aan de samenstelling is geen team te maken.",)


def test_it_keeps_to_the_maximum_per_value():
    pool = [TeamCandidate(i, 10 + i, 90.0 - i, attributes={"region": "oost" if i < 4 else "west"}) for i in range(1, 7)]
    result = compose_team(pool, k=3, max_same={"region": 2}, diversity_weights={})
    assert result.chosen == (1, 2, 4)


def test_it_builds_team_candidates_from_what_the_viewer_may_see():
    c = Candidate(
        expert_id=1,
        person_id=2,
        consent_to_matching=True,
        consent={**dict.fromkeys(ITEMS, True), "experience_areas": False},
        experience_areas=frozenset({"verslaving"}),
        roles=frozenset({"coach"}),
        level="expertise",
    )
    member = TeamCandidate.from_match(c, Match(1, 75.0, ()), attributes={"region": "oost"})
    assert member.areas == frozenset()
    assert member.roles == frozenset({"coach"})
    assert member.attributes == {"region": "oost", "level": "expertise"}
    result = compose_team([member], k=1, required_areas={"verslaving"})
    # The hidden area is never counted as covered ("Deze persoon heeft … verslaving").
    assert not any("verslaving" in line and line.startswith("Deze persoon heeft") for line in result.explanation_nl)
    assert any("verslaving" in line and line.startswith("Niemand die beschikbaar is") for line in result.explanation_nl)


def test_it_proves_the_best_six_of_three_hundred():
    rnd = random.Random(11)
    areas = [f"gebied{i}" for i in range(13)]
    roles = [f"rol{i}" for i in range(10)]
    pool = [
        TeamCandidate(
            i,
            1000 + i,
            round(rnd.uniform(40, 95), 2),
            frozenset(rnd.sample(areas, rnd.randint(1, 3))),
            frozenset(rnd.sample(roles, rnd.randint(1, 3))),
            {"region": rnd.choice(REGIONS), "age_band": rnd.choice(AGES), "level": rnd.choice(("a", "b", "c", "d"))},
        )
        for i in range(300)
    ]
    result = compose_team(
        pool,
        k=6,
        required_areas=areas[:4],
        required_roles=roles[:3],
        exclude_person_id=1005,
        max_same={"region": 2},
    )
    assert result.optimal and all(alt.optimal for alt in result.alternatives)
    assert len(result.chosen) == 6 and 5 not in result.chosen
    assert not result.uncovered_areas and not result.uncovered_roles
    assert len(result.alternatives) == 2


def test_it_refuses_a_team_of_nobody():
    with pytest.raises(ValueError):
        compose_team([], k=0)
    with pytest.raises(ValueError):
        compose_team([TeamCandidate(1, 1, 1.0), TeamCandidate(1, 2, 1.0)], k=1)
