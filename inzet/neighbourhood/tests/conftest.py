import pytest

from inzet.neighbourhood.tests.access import team_for


@pytest.fixture
def team(orgs, expert, coordinator):
    return team_for(orgs)
