import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.evaluation.rules import Period, default_period, grant_is_open, is_small


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # the shared test machine is slow
@given(st.integers(min_value=1, max_value=4))
def test_one_to_four_is_small(n):
    assert is_small(n)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # the shared test machine is slow
@given(st.integers(min_value=5, max_value=10**9))
def test_five_and_more_is_shown(n):
    assert not is_small(n)


def test_zero_and_unknown_are_not_hidden():
    assert not is_small(0)
    assert not is_small(None)


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Period(dt.date(2025, 2, 1), dt.date(2025, 1, 31))
    assert Period(dt.date(2025, 1, 1), dt.date(2025, 1, 1)).days == 1


def test_the_default_period_is_the_year_so_far():
    assert default_period(dt.date(2025, 6, 16)) == Period(dt.date(2025, 1, 1), dt.date(2025, 6, 16))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # the shared test machine is slow
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)), st.integers(-400, 400), st.booleans())
def test_a_grant_is_open_until_it_expires_unless_revoked(today, offset, revoked):
    expires_on = today + dt.timedelta(days=offset)
    assert grant_is_open(revoked=revoked, expires_on=expires_on, today=today) == (not revoked and today <= expires_on)
