"""Pure rules of the feedback: the word check and the matching score (no database)."""

from hypothesis import given
from hypothesis import strategies as st

from inzet.evaluation.feedback_rules import feedback_score, flagged_words


def test_a_word_is_found_at_the_start_of_a_word_whatever_the_case_or_accents():
    words = ["verslaafde", "suïcid", "gek"]
    assert flagged_words(["De Verslaafden kwamen", "Suicidaal gedrag"], words) == ["suïcid", "verslaafde"]
    # "gek" is not flagged inside "bijgekomen" nor "gekomen"? It is the start of "gekomen": a person decides.
    assert flagged_words(["Ze is bijgekomen"], words) == []
    assert flagged_words(["", None], words) == []


def test_the_score_maps_the_scale_onto_zero_to_one():
    assert feedback_score([]) is None
    assert feedback_score([(5, 5)]) == 1.0
    assert feedback_score([(1, 1)]) == 0.0
    assert feedback_score([(3, 5), (4, 4)]) == 0.75


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1))
def test_the_score_stays_between_zero_and_one(ratings):
    score = feedback_score(ratings)
    assert 0.0 <= score <= 1.0
    assert score == feedback_score(list(reversed(ratings)))
