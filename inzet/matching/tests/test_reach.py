"""Large pools: the page builds only who can still reach the top, with exactly the same result;
and a pause or a withdrawn consent takes effect on the very next page (nothing is kept between pages)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import term
from inzet.experts import services as expert_services
from inzet.experts.models import Audience
from inzet.matching import rules, selectors
from inzet.matching.tests.conftest import make_expert

AREAS = ("poverty_debt", "addiction")


@pytest.fixture
def varied_pool(orgs):
    """Fourteen experts from a perfect fit to a poor one, some hiding items from the coordinator."""
    experts = []
    for i in range(14):
        experts.append(
            make_expert(
                orgs.deploying,
                areas={code: Audience.COORDINATORS for code in AREAS[: i % 3]},
                roles=("policy_influencer",) if i % 2 else (),
                competences={"change_advice": bool(i % 4)} if i % 5 else {},
                level=("experience", "experiential_knowledge", "expertise", "professional")[i % 4],
                vis_roles=Audience.ONLY_ME if i % 7 == 3 else Audience.COORDINATORS,
                hours_per_week=4 + i,
            )
        )
    return experts


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_building_only_who_can_reach_the_top_ranks_exactly_the_same(varied_pool, coordinator, matching_request, limit):
    matching_request.competences.set([term("competence", "change_advice")])
    everyone = selectors.candidate_set(matching_request, coordinator)
    reached = selectors.candidate_set(matching_request, coordinator, reach=limit)
    assert len(everyone.candidates) == 14
    assert len(reached.candidates) < len(everyone.candidates)  # the shortcut was taken
    assert selectors.rank(reached, coordinator, limit=limit) == selectors.rank(everyone, coordinator, limit=limit)


def test_the_page_is_the_same_as_ranking_everyone(varied_pool, coordinator, matching_request, monkeypatch):
    page = selectors.matching_page(matching_request, coordinator)
    everyone = selectors.candidate_set(matching_request, coordinator)
    expected = selectors.rank(everyone, coordinator, limit=selectors.RANKING_SIZE)
    assert [(r.expert_id, r.score, r.criteria) for r in page.ranking] == [
        (m.expert_id, m.score, m.criteria) for m in expected
    ]


@pytest.mark.parametrize("leave", ["pause", "withdraw"])
def test_a_pause_or_a_withdrawn_consent_shows_on_the_next_page(
    orgs, coordinator, matching_request, django_assert_max_num_queries, leave
):
    expert = make_expert(orgs.deploying, areas={code: Audience.COORDINATORS for code in AREAS})
    other = make_expert(orgs.deploying)
    first = selectors.matching_page(matching_request, coordinator)
    assert expert.pk in {r.expert_id for r in first.ranking}
    if leave == "pause":
        expert_services.profile_pause(profile=expert, until=None)
    else:
        expert_services.visibility_set(profile=expert, items={}, consent_matching=False)
    with django_assert_max_num_queries(12):
        again = selectors.matching_page(matching_request, coordinator)
    shown = {r.expert_id for r in again.ranking} | {
        m.expert_id for t in [again.team, *again.alternatives] if t for m in t.members
    }
    assert expert.pk not in shown and other.pk in shown


# --- the bound itself (pure) ----------------------------------------------------------------------

CODES = ("a", "b", "c")
consents = st.fixed_dictionaries({item: st.booleans() for item in rules.ITEMS})


@st.composite
def candidates(draw):
    return rules.Candidate(
        expert_id=draw(st.integers(1, 10_000)),
        person_id=draw(st.integers(1, 10_000)),
        consent_to_matching=True,
        consent=draw(consents),
        experience_areas=draw(st.frozensets(st.sampled_from(CODES))),
        roles=draw(st.frozensets(st.sampled_from(CODES))),
        competences=draw(st.frozensets(st.sampled_from(CODES))),
        self_assessed_competences=draw(st.frozensets(st.sampled_from(CODES))),
        level=draw(st.sampled_from(rules.LEVELS)),
        languages=draw(st.frozensets(st.sampled_from(CODES))),
        wants=draw(st.frozensets(st.sampled_from(CODES))),
        hours_last_8_weeks=draw(st.floats(0, 100)),
        heavy_assignments_recent=draw(st.integers(0, 3)),
        available_weekdays=draw(st.frozensets(st.integers(0, 6))),
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(candidates(), min_size=1, max_size=8),
    st.frozensets(st.sampled_from(CODES)),
    st.frozensets(st.sampled_from(CODES)),
    st.frozensets(st.sampled_from(CODES)),
    st.sampled_from((None, *rules.LEVELS)),
    st.booleans(),
)
def test_the_bound_is_never_below_the_points(pool, areas, roles, competences, min_level, heavy):
    spec = rules.RequestSpec(
        required_areas=areas,
        required_roles=roles,
        required_competences=competences,
        min_level=min_level,
        languages=frozenset({"a"}),
        kinds=frozenset({"b"}),
        start=date(2025, 3, 3),
        end=date(2025, 3, 9),
        is_heavy=heavy,
    )
    plan = rules.plan_for(spec, viewer_person_id=0)
    import numpy as np

    masks = np.array([rules.consent_mask(c.consent) for c in pool], dtype=np.int64)
    counts = np.array(
        [
            [len(areas & c.experience_areas) for c in pool],
            [len(roles & c.roles) for c in pool],
            [
                len(competences & c.competences)
                + 0.5 * len((competences & c.self_assessed_competences) - c.competences)
                for c in pool
            ],
            [len(spec.languages & c.languages) for c in pool],
            [0.0 if spec.kinds.isdisjoint(c.wants) else 1.0 for c in pool],
            [rules.LEVEL_RANK[c.level] for c in pool],
        ],
        dtype=np.float64,
    )
    bounds = rules.upper_bounds(plan, masks, counts)
    for c, bound in zip(pool, bounds, strict=True):
        points = rules._points(plan, c, float("-inf"), None)
        assert points is None or points <= bound + 1e-9
