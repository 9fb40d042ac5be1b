import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from inzet.compensation.tests import factories as f
from inzet.neighbourhood.models import Closure, Contact, QuestionForm, QuestionFormRow, Resident, Trajectory
from inzet.neighbourhood.tests.access import team_for

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def in_2025(time_machine):
    # 2025 has allowance caps in the rule tables, so settlements can be made.
    time_machine.move_to(dt.datetime(2025, 6, 16, 10, 0, tzinfo=AMSTERDAM), tick=False)
    return dt.date(2025, 6, 16)


def trajectories(team, *, n: int, channel: str, opened: dt.date, closed: dt.date | None = None, **outcomes):
    made = []
    for _ in range(n):
        resident = Resident.objects.create(team=team, name="Bewoner")
        trajectory = Trajectory.objects.create(
            team=team, resident=resident, channel=channel, opened_on=opened, closed_on=closed
        )
        if closed:
            Closure.objects.create(trajectory=trajectory, different="Echt gehoord", **outcomes)
        made.append(trajectory)
    return made


def form1(trajectory, *topics: str):
    form = QuestionForm.objects.create(trajectory=trajectory)
    for topic in topics:
        QuestionFormRow.objects.create(form=form, topic=topic, now="Geheim", wish="Geheim")


def contacts(trajectory, *, n: int, kind: str, on: dt.date):
    Contact.objects.bulk_create([Contact(trajectory=trajectory, on=on, kind=kind, note="Geheim") for _ in range(n)])


@pytest.fixture
def report_data(orgs, expert, asker, coordinator, other_coordinator, in_2025):
    """A year of one team's work plus one settled assignment; some noise outside the period and organisation."""
    team = team_for(orgs)
    day = dt.date(2025, 3, 3)
    drop_in = trajectories(team, n=6, channel=Trajectory.Channel.DROP_IN, opened=day)
    referred = trajectories(
        team,
        n=2,
        channel=Trajectory.Channel.REFERRAL,
        opened=day,
        closed=dt.date(2025, 5, 1),
        found_care=True,
        felt_heard=True,
    )
    trajectories(team, n=3, channel=Trajectory.Channel.DROP_IN, opened=dt.date(2024, 5, 1))  # before the period
    for trajectory in drop_in:
        form1(trajectory, "social_contacts", "administration")
    form1(referred[0], "administration")
    contacts(drop_in[0], n=5, kind=Contact.Kind.PHONE, on=day)
    contacts(drop_in[1], n=2, kind=Contact.Kind.IN_PERSON, on=day)
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="4", costs=None)
    return {"team": team, "settlement": settlement}
