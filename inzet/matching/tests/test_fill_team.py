"""Matching that follows reality: the proposal fills only the open seats around who is already asked."""

from hypothesis import given
from hypothesis import strategies as st

from inzet.matching.team import fill_team
from inzet.matching.tests.test_team import AREAS, ROLES, WEIGHTS, property_settings, small_pools, subsets


@property_settings
@given(
    small_pools,
    st.integers(1, 4),
    st.data(),
    subsets(AREAS, 3),
    subsets(ROLES, 2),
)
def test_it_never_proposes_someone_already_asked_and_fills_only_the_open_seats(
    pool, k, data, required_areas, required_roles
):
    ids = [m.expert_id for m in pool]
    taken = data.draw(st.frozensets(st.sampled_from(ids), max_size=min(k, len(ids))))
    result = fill_team(
        pool,
        k=k,
        taken=taken,
        required_areas=required_areas,
        required_roles=required_roles,
        diversity_weights=WEIGHTS,
    )
    assert not set(result.chosen) & taken
    open_seats = k - len(taken)
    available = len(pool) - len(taken)
    # Infeasible only when seats are open and nobody is left to propose.
    assert result.feasible == (open_seats <= 0 or available > 0)
    assert len(result.chosen) == max(0, min(open_seats, available))
    for alternative in result.alternatives:
        assert not set(alternative.chosen) & taken


def test_what_the_accepted_people_cover_is_not_asked_again():
    from inzet.matching.team import TeamCandidate

    accepted = TeamCandidate(1, 101, 90.0, frozenset({"ggz"}))
    same = TeamCandidate(2, 102, 80.0, frozenset({"ggz"}))
    other = TeamCandidate(3, 103, 10.0, frozenset({"armoede"}))
    result = fill_team([accepted, same, other], k=2, taken={1}, required_areas={"ggz", "armoede"})
    assert result.chosen == (3,)
    assert result.explanation_nl[0] == "Aangevuld tot 2: 1 al gevraagd of al ja gezegd, 1 voorgesteld."


def test_with_every_seat_taken_nobody_is_proposed():
    from inzet.matching.team import TeamCandidate

    pool = [TeamCandidate(i, 100 + i, 50.0) for i in (1, 2, 3)]
    result = fill_team(pool, k=2, taken={1, 2})
    assert result.feasible and result.chosen == ()
    assert "Er hoeft niemand bij" in result.explanation_nl[0]
