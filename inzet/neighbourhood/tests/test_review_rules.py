"""The pure due-date rules of Form 2 (no database)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from inzet.neighbourhood import review_rules

days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 12, 31))


def test_month_ends_are_clamped():
    assert review_rules.add_months(datetime.date(2026, 1, 31), 3) == datetime.date(2026, 4, 30)
    assert review_rules.add_months(datetime.date(2025, 11, 30), 3) == datetime.date(2026, 2, 28)
    assert review_rules.add_months(datetime.date(2026, 8, 15), 6) == datetime.date(2027, 2, 15)
    assert review_rules.add_months(datetime.date(2026, 5, 31), -3) == datetime.date(2026, 2, 28)


@given(days, st.integers(min_value=1, max_value=24))
def test_add_months_lands_in_the_right_month_never_later_in_the_day(day, months):
    later = review_rules.add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day
    assert later > day


@given(days)
def test_three_months_is_about_a_quarter_and_six_months_comes_after(day):
    three, six = review_rules.due_date(day, 3), review_rules.due_date(day, 6)
    assert 89 <= (three - day).days <= 92
    assert 181 <= (six - day).days <= 184
    assert three < six


@given(days, days, st.booleans(), st.one_of(st.none(), days))
def test_every_round_has_exactly_one_state(opened, today, done, closed):
    status = review_rules.round_status(opened_on=opened, months=3, done=done, today=today, closed_on=closed)
    assert status.state in {"done", "overdue", "due", "later", "not_needed"}
    if done:
        assert status.state == "done" and not status.needs_action
    elif status.needs_action:
        assert (status.due - today).days <= review_rules.REMIND_DAYS_BEFORE
        assert closed is None or closed >= status.due


def test_states_around_the_due_date():
    opened = datetime.date(2026, 1, 10)  # due 10 April

    def state(today, **kw):
        return review_rules.round_status(opened_on=opened, months=3, done=False, today=today, **kw).state

    assert state(datetime.date(2026, 3, 20)) == "later"
    assert state(datetime.date(2026, 3, 27)) == "due"  # two weeks before
    assert state(datetime.date(2026, 4, 10)) == "due"
    assert state(datetime.date(2026, 4, 11)) == "overdue"
    assert state(datetime.date(2026, 4, 11), closed_on=datetime.date(2026, 3, 1)) == "not_needed"


@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 10)), st.one_of(st.none(), st.integers(1, 10)))))
def test_mean_grade_change_counts_only_domains_graded_twice(pairs):
    change = review_rules.mean_grade_change(pairs)
    both = [(a, b) for a, b in pairs if a is not None and b is not None]
    if not both:
        assert change is None
    else:
        assert -9 <= change <= 9
        assert abs(change - sum(b - a for a, b in both) / len(both)) < 0.01


def test_mean_grade():
    assert review_rules.mean_grade([6, None, 8]) == 7
    assert review_rules.mean_grade([None]) is None
    assert review_rules.mean_grade_change([(5, 7), (6, 6), (None, 9)]) == 1
