"""The neighbourhood demo: one team, a year of trajectories, through the real services; loads once."""

import pytest

from inzet.demo.neighbourhood import TEAM_NAME, load_neighbourhood_demo
from inzet.neighbourhood.models import CaseMeeting, Closure, Team, Trajectory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people():
    """Only the demo people this loader uses: loading the whole demo here would cost CI time."""
    from inzet.accounts.models import User
    from inzet.organisations.models import Organisation

    Organisation.objects.create(slug="platform-utrecht", name="Platform Utrecht", kind="deploying")
    for email in ["coordinator@example.org", "expert@example.org", "expert01@example.org", "expert02@example.org"]:
        User.objects.create_user(email=email, password="x", full_name=email.split("@")[0].title())


def test_the_demo_team_has_a_year_of_trajectories_and_loads_once(demo_people):
    load_neighbourhood_demo()
    load_neighbourhood_demo()
    team = Team.objects.get(name=TEAM_NAME)
    trajectories = Trajectory.objects.filter(team=team)
    assert trajectories.count() == 24
    first, last = trajectories.order_by("opened_on").first(), trajectories.order_by("opened_on").last()
    assert (last.opened_on - first.opened_on).days >= 300
    assert Closure.objects.filter(trajectory__team=team).count() >= 5
    assert CaseMeeting.objects.filter(trajectory__team=team).count() == 1
    assert team.members.filter(role="coordinator").count() == 1 and team.members.filter(role="expert").count() >= 2
