"""The pure klik rules: on the person, never on a diagnosis; the score stays within 0–100 and explains itself."""

from hypothesis import given
from hypothesis import strategies as st

from inzet.neighbourhood import klik

codes = st.frozensets(st.sampled_from(["nl", "ar", "tr", "pl", "en"]), max_size=4)
domains = st.frozensets(st.sampled_from(["free_time", "social", "administration", "travel"]), max_size=4)
wishes = st.builds(
    klik.Wish,
    languages=codes,
    age=st.none() | st.integers(16, 99),
    expert_gender=st.sampled_from(["", "vrouw", "man"]),
    neighbourhood=st.sampled_from(["", "Noord", "Overvecht"]),
    domains=domains,
)
experts = st.builds(
    klik.Expert,
    person_id=st.integers(1, 1000),
    languages=codes,
    age=st.none() | st.integers(18, 90),
    gender=st.sampled_from(["", "vrouw", "man"]),
    areas=st.frozensets(st.sampled_from(["noord", "overvecht"])),
    domains=domains,
    open_trajectories=st.integers(0, 30),
)


@given(wishes, experts)
def test_the_score_is_between_0_and_100_and_each_criterion_within_its_maximum(wish, expert):
    match = klik.evaluate(wish, expert)
    assert 0 <= match.score <= 100
    assert all(0 <= c.points <= c.max_points for c in match.criteria)
    assert all(c.explanation_nl for c in match.criteria)


@given(wishes, experts)
def test_only_what_the_resident_asked_about_counts(wish, expert):
    asked = {
        "languages": bool(wish.languages),
        "gender": bool(wish.expert_gender),
        "experience": bool(wish.domains),
        "neighbourhood": bool(wish.neighbourhood),
        "age": wish.age is not None,
    }
    assert {c.code for c in klik.evaluate(wish, expert).criteria} == {code for code, yes in asked.items() if yes}


@given(wishes, experts, st.sampled_from(["nl", "ar", "tr", "pl", "en"]))
def test_speaking_one_more_language_never_lowers_the_fit(wish, expert, language):
    more = klik.Expert(
        **{**{f: getattr(expert, f) for f in expert.__slots__}, "languages": expert.languages | {language}}
    )
    assert klik.evaluate(wish, more).score >= klik.evaluate(wish, expert).score


@given(wishes, st.lists(experts, max_size=8, unique_by=lambda e: e.person_id))
def test_the_ranking_is_best_first_and_has_everyone_once(wish, team):
    ranked = klik.rank(wish, team)
    assert sorted(m.expert_id for m in ranked) == sorted(e.person_id for e in team)
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)


def test_a_wish_without_preferences_scores_nobody_and_prefers_the_lighter_caseload():
    busy = klik.Expert(person_id=1, open_trajectories=9)
    free = klik.Expert(person_id=2, open_trajectories=1)
    assert [m.expert_id for m in klik.rank(klik.Wish(), [busy, free])] == [2, 1]
    assert klik.evaluate(klik.Wish(), busy).score == 0


def test_a_fitting_expert_is_explained_in_dutch():
    wish = klik.Wish(
        languages=frozenset({"ar"}), expert_gender="vrouw", neighbourhood="Noord", domains=frozenset({"administration"})
    )
    fits = klik.Expert(
        person_id=1,
        languages=frozenset({"ar", "nl"}),
        gender="Vrouw",
        areas=frozenset({"noord"}),
        domains=frozenset({"administration"}),
    )
    match = klik.evaluate(wish, fits, {"ar": "Arabisch", "administration": "administratie en budgetteren"})
    assert match.score == 100
    assert [c.explanation_nl for c in match.criteria] == [
        "Spreekt Arabisch.",
        "Zoals de bewoner het liefst heeft.",
        "Ervaring met administratie en budgetteren.",
        "Kent de wijk goed.",
    ]


def test_the_rules_cannot_see_a_diagnosis():
    """Neither side has a field for one: the klik is on the person (004 l.946–956)."""
    for kind in (klik.Wish, klik.Expert):
        assert not {"diagnosis", "diagnose", "condition", "experience_area"} & set(kind.__slots__)


def test_areas_are_read_from_a_list_the_expert_types():
    assert klik.areas_from("Noord; Overvecht , ") == {"noord", "overvecht"}
