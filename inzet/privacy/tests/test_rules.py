"""The bookkeeping period, tested without a database."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.privacy.rules import BOOKKEEPING_YEARS, bookkeeping_kept_until


def test_nothing_kept_means_no_date():
    assert bookkeeping_kept_until([]) is None
    assert bookkeeping_kept_until([None, None]) is None


def test_it_runs_to_the_end_of_the_seventh_year_after_the_newest_record():
    dates = [dt.date(2019, 3, 1), dt.datetime(2024, 1, 1, 0, 5, tzinfo=dt.UTC), None]
    assert bookkeeping_kept_until(dates) == dt.date(2031, 12, 31)


# No deadline: the machine is shared and a slow moment is not a failure of the rule.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)))))
def test_every_record_is_kept_at_least_seven_full_years(dates):
    until = bookkeeping_kept_until(dates)
    real = [d for d in dates if d is not None]
    if not real:
        assert until is None
        return
    assert until.month == 12 and until.day == 31
    for d in real:
        assert until >= dt.date(d.year + BOOKKEEPING_YEARS, 12, 31) >= d
    assert until.year == max(d.year for d in real) + BOOKKEEPING_YEARS
