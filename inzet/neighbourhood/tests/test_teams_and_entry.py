import uuid

import pytest
from django.db import connection
from django.urls import reverse

from inzet.neighbourhood import rules, services
from inzet.neighbourhood.models import Resident, ResidentReadLog, TeamMember, Trajectory

pytestmark = pytest.mark.django_db


def test_team_rule_warns_below_two_experts():
    assert rules.team_warnings(expert_count=0) == ["too_few_experts"]
    assert rules.team_warnings(expert_count=1) == ["too_few_experts"]
    assert rules.team_warnings(expert_count=2) == []


def test_team_page_shows_the_warning_until_a_second_expert_joins(client, team, coordinator, trainer):
    client.force_login(coordinator)
    assert "minder dan 2 ervaringsdeskundigen" in client.get(reverse("neighbourhood:team", args=[team.pk])).text
    services.team_member_add(team=team, user=trainer, role=TeamMember.Role.EXPERT)
    assert "minder dan 2 ervaringsdeskundigen" not in client.get(reverse("neighbourhood:team", args=[team.pk])).text


def test_first_contact_in_one_short_form_stored_encrypted(client, team, expert):
    client.force_login(expert)
    key = uuid.uuid4()
    data = {
        "request_key": key,
        "channel": "drop_in",
        "referrer": "",
        "question": "Ik kom de deur niet meer uit",
        "name": "Mo",
        "reach": "06-12345678, na 10 uur",
    }
    response = client.post(reverse("neighbourhood:contact_new", args=[team.pk]), data)
    trajectory = Trajectory.objects.get()
    assert response.status_code == 302 and response.url == reverse("neighbourhood:trajectory", args=[trajectory.pk])
    # A double click makes nothing new.
    client.post(reverse("neighbourhood:contact_new", args=[team.pk]), data)
    assert Trajectory.objects.count() == 1 and Resident.objects.count() == 1
    assert list(trajectory.experts.all()) == [expert]
    with connection.cursor() as cursor:
        cursor.execute("SELECT question, referrer FROM neighbourhood_trajectory")
        raw_question, _ = cursor.fetchone()
        cursor.execute("SELECT name, reach FROM neighbourhood_resident")
        raw_name, raw_reach = cursor.fetchone()
    assert "deur" not in raw_question and raw_name != "Mo" and "0612" not in raw_reach.replace("-", "")
    page = client.get(response.url).text
    assert "Ik kom de deur niet meer uit" in page and "06-12345678" in page


def test_every_field_but_the_channel_may_stay_empty_and_bad_input_gets_a_dutch_message(client, team, expert):
    client.force_login(expert)
    url = reverse("neighbourhood:contact_new", args=[team.pk])
    response = client.post(url, {"request_key": uuid.uuid4(), "channel": "", "question": "Mijn vraag blijft staan"})
    assert response.status_code == 200 and "Dit veld is verplicht" in response.text
    assert "Mijn vraag blijft staan" in response.text  # nothing typed is lost
    response = client.post(url, {"request_key": uuid.uuid4(), "channel": "phone"})
    assert response.status_code == 302
    assert Trajectory.objects.get().question == ""


@pytest.mark.parametrize("persona", ["operator", "other_coordinator", "trainer", "asker", "other_asker", "outsider"])
def test_nobody_outside_the_team_sees_a_resident(client, personas, team, expert, persona):
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="phone", question="geheim"
    )
    client.force_login(personas[persona])
    assert client.get(reverse("neighbourhood:trajectory", args=[trajectory.pk])).status_code == 404
    assert client.get(reverse("neighbourhood:team", args=[team.pk])).status_code == 404
    assert "geheim" not in client.get(reverse("neighbourhood:home")).text
    assert not ResidentReadLog.objects.exists()


def test_every_read_is_logged_by_item_never_content(client, team, coordinator, expert):
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="phone", question="geheim"
    )
    client.force_login(coordinator)
    client.get(reverse("neighbourhood:trajectory", args=[trajectory.pk]))
    log = ResidentReadLog.objects.get()
    assert (log.user, log.trajectory, log.item) == (coordinator, trajectory, "trajectory")
    assert "geheim" not in str(ResidentReadLog.objects.values().get())


def test_team_page_queries_are_bounded(client, team, expert, django_assert_max_num_queries):
    for _ in range(15):
        services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="mail")
    client.force_login(expert)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("neighbourhood:team", args=[team.pk])).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("neighbourhood:home")).status_code == 200
