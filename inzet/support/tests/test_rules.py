import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inzet.support import rules

days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(last=days, gap=st.integers(min_value=0, max_value=400))
def test_a_talk_is_overdue_exactly_after_31_days(last, gap):
    today = last + dt.timedelta(days=gap)
    assert rules.talk_overdue(last_talk=last, since=dt.date(2000, 1, 1), today=today) is (gap > 31)


@given(since=days, gap=st.integers(min_value=0, max_value=400))
def test_without_a_talk_the_clock_starts_when_the_expert_started(since, gap):
    assert rules.talk_overdue(last_talk=None, since=since, today=since + dt.timedelta(days=gap)) is (gap > 31)
    assert rules.talk_due_on(last_talk=None, since=since) == since + dt.timedelta(days=31)


def test_one_and_two_are_low_and_three_is_not():
    assert [rules.score_is_low(s) for s in rules.SCORES] == [True, True, False, False, False]


@pytest.mark.parametrize("bad", [0, 6, -1])
def test_a_score_outside_the_scale_is_refused(bad):
    with pytest.raises(ValueError):
        rules.score_is_low(bad)
