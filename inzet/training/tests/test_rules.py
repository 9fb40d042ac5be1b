from hypothesis import given
from hypothesis import strategies as st

from inzet.training import rules


def test_all_lessons_are_needed_without_a_minimum():
    assert not rules.completion(lessons=4, attended=3, minimum=None).complete
    assert rules.completion(lessons=4, attended=4, minimum=None).complete


def test_a_minimum_lowers_what_is_needed():
    result = rules.completion(lessons=8, attended=7, minimum=7)
    assert result.complete and result.needed == 7


@given(st.integers(1, 50), st.integers(0, 60), st.one_of(st.none(), st.integers(0, 80)))
def test_never_more_is_needed_than_there_are_lessons_and_never_less_than_one(lessons, attended, minimum):
    result = rules.completion(lessons=lessons, attended=attended, minimum=minimum)
    assert 1 <= result.needed <= lessons
    assert result.complete == (attended >= result.needed)


@given(st.integers(0, 30), st.integers(0, 40))
def test_places_left_is_never_negative(places, enrolled):
    assert rules.places_left(places=places, enrolled=enrolled) == max(places - enrolled, 0)
