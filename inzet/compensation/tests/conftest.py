import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from inzet.compensation.tests import factories as f

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def in_2025(time_machine):
    """A day in 2025: a year with caps in the rule tables (2026 is still missing in the data)."""
    time_machine.move_to(dt.datetime(2025, 6, 16, 10, 0, tzinfo=AMSTERDAM), tick=False)
    return dt.date(2025, 6, 16)


@pytest.fixture
def job(orgs, expert, asker, coordinator):
    """The expert persona's assignment: € 50 an hour, no hours estimate on the request."""
    return f.assignment(orgs, expert=expert, asker=asker, invited_by=coordinator)
