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


@given(start=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)), offset=st.integers(0, 1825))
def test_a_template_goal_lands_offset_days_after_the_start(start, offset):
    target = rules.goal_target(start=start, offset_days=offset)
    assert (target - start).days == offset


def test_a_template_offset_stays_within_five_years():
    with pytest.raises(ValueError):
        rules.goal_target(start=dt.date(2026, 1, 1), offset_days=1826)


@given(today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)), days=st.integers(-400, 400))
def test_a_review_is_due_from_a_week_before_the_date(today, days):
    due = rules.review_due(next_review_on=today + dt.timedelta(days=days), today=today)
    assert due == (days <= rules.REVIEW_WARN_DAYS)
    assert rules.review_due(next_review_on=None, today=today) is False


@given(
    ended=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
    gap=st.integers(-10, 60),
    well=st.booleans(),
    talked=st.booleans(),
)
def test_a_heavy_assignment_asks_for_a_talk_for_thirty_days_unless_answered(ended, gap, well, talked):
    open_ = rules.heavy_follow_up_open(
        ended_on=ended, today=ended + dt.timedelta(days=gap), checked_in_well=well, talked_since=talked
    )
    assert open_ == (0 <= gap <= rules.HEAVY_FOLLOW_UP_DAYS and not well and not talked)
