"""Case meetings: only participants see them, partners only with live consent, reads logged."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from inzet.accounts.models import User
from inzet.neighbourhood import casework, services
from inzet.neighbourhood.models import AgreedAction, CaseMeeting, ResidentReadLog, TeamMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def trajectory(team, expert):
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="drop_in", question="Ik zit vast met post"
    )
    return trajectory


@pytest.fixture
def partner(team):
    partner, _ = services.partner_add(team=team, name="GGZ Noord", kind="mental_health")
    return partner


def _consent(trajectory, partner, expert):
    consent, _ = services.consent_record(
        trajectory=trajectory, partner=partner, by=expert, request_key=uuid.uuid4(), purpose="Overleg"
    )
    return consent


def _plan(trajectory, expert, **extra):
    return casework.case_meeting_plan(
        trajectory=trajectory,
        by=expert,
        request_key=extra.pop("request_key", uuid.uuid4()),
        planned_for=timezone.now() + datetime.timedelta(days=2),
        participants=extra.pop("participants", []),
        **extra,
    )


def test_a_partner_without_consent_cannot_take_part(trajectory, expert, partner):
    with pytest.raises(ValidationError) as error:
        _plan(trajectory, expert, partners=[partner])
    assert "geen toestemming" in str(error.value)
    assert not CaseMeeting.objects.exists()


def test_a_revoked_consent_removes_the_partner_from_meetings_to_come_at_once(trajectory, expert, partner):
    consent = _consent(trajectory, partner, expert)
    meeting, _ = _plan(trajectory, expert, partners=[partner])
    assert list(meeting.partners.all()) == [partner]
    services.consent_revoke(consent=consent, by=expert)
    assert list(meeting.partners.all()) == []


def test_planning_twice_with_the_same_key_makes_one_meeting(trajectory, expert):
    key = uuid.uuid4()
    first, created = _plan(trajectory, expert, request_key=key)
    again, created_again = _plan(trajectory, expert, request_key=key)
    assert created and not created_again and first == again
    assert list(first.participants.all()) == [expert]  # the planner always takes part


def test_a_team_member_who_does_not_take_part_gets_404_and_a_participant_reads_it_logged(
    client, trajectory, expert, coordinator
):
    meeting, _ = _plan(trajectory, expert)
    casework.case_meeting_record(meeting=meeting, record="Samen naar de schuldhulp")
    url = reverse("neighbourhood:case_meeting", args=[meeting.pk])
    client.force_login(coordinator)
    assert client.get(url).status_code == 404
    assert b"schuldhulp" not in client.get(reverse("neighbourhood:case_meetings", args=[trajectory.pk])).content
    client.force_login(expert)
    response = client.get(url)
    assert response.status_code == 200 and "Samen naar de schuldhulp" in response.content.decode()
    log = ResidentReadLog.objects.filter(user=expert, trajectory=trajectory, item=f"case_meeting_{meeting.pk}")
    assert log.count() == 1


def test_only_team_members_can_be_invited(trajectory, expert, outsider):
    with pytest.raises(Exception, match="not a member"):
        _plan(trajectory, expert, participants=[outsider])


def test_planning_on_the_page_and_adding_an_action(client, trajectory, expert, coordinator, partner):
    _consent(trajectory, partner, expert)
    client.force_login(expert)
    url = reverse("neighbourhood:case_meetings", args=[trajectory.pk])
    response = client.post(
        url,
        {
            "request_key": uuid.uuid4(),
            "planned_for": "2030-03-04T10:00",
            "place": "Wijkcentrum",
            "participants": [coordinator.pk],
            "partners": [partner.pk],
        },
    )
    meeting = CaseMeeting.objects.get()
    assert response.status_code == 302 and response.url == reverse("neighbourhood:case_meeting", args=[meeting.pk])
    assert set(meeting.participants.all()) == {expert, coordinator}
    response = client.post(
        reverse("neighbourhood:case_meeting_action", args=[meeting.pk]),
        {"request_key": uuid.uuid4(), "what": "Belt de GGZ", "owner": coordinator.pk, "due_on": "2030-03-11"},
    )
    assert response.status_code == 302
    action = AgreedAction.objects.get()
    assert action.owner == coordinator and action.meeting == meeting and action.what == "Belt de GGZ"


def test_an_empty_plan_gets_a_dutch_message_and_saves_nothing(client, trajectory, expert):
    client.force_login(expert)
    response = client.post(reverse("neighbourhood:case_meetings", args=[trajectory.pk]), {"request_key": uuid.uuid4()})
    assert response.status_code == 400 and "Dit veld is verplicht" in response.content.decode()
    assert not CaseMeeting.objects.exists()


def test_the_caseload_page_has_a_bounded_number_of_queries(
    client, team, expert, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for n in range(15):
        trajectory, _ = services.first_contact_register(
            team=team, by=expert, request_key=uuid.uuid4(), channel="phone", opened_on=datetime.date(2026, 1, 1)
        )
        casework.action_add(trajectory=trajectory, request_key=uuid.uuid4(), what=f"actie {n}", owner=expert)
    client.force_login(expert)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("neighbourhood:caseload"))
    assert response.status_code == 200 and response.content.decode().count("actie ") == 15


def test_the_coordinator_overview_counts_and_warns_in_bounded_queries(
    client, team, expert, coordinator, django_assert_max_num_queries
):
    for _ in range(12):
        services.first_contact_register(
            team=team, by=expert, request_key=uuid.uuid4(), channel="phone", opened_on=datetime.date(2025, 1, 1)
        )
    other = User.objects.create_user(email="tweede@test.nl", password="x", full_name="Tweede Expert")
    services.team_member_add(team=team, user=other)
    client.force_login(coordinator)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("neighbourhood:team_overview", args=[team.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "minstens 5 ervaringsdeskundigen" in page and "twee keer zoveel bewoners" in page
    assert "Te laat" in page and page.count("na 3 maanden") >= 1
    assert TeamMember.objects.filter(team=team, role="expert").count() == 2


def test_project_rules_warn_only_where_the_seed_sets_a_minimum():
    from inzet.neighbourhood import rules

    assert rules.project_warnings(expert_count=5, trajectories_last_year=20, caseloads=[4, 4, 5, 3, 4]) == []
    assert rules.project_warnings(expert_count=2, trajectories_last_year=3, caseloads=[1, 0]) == [
        "project_few_experts",
        "project_few_trajectories",
    ]
    assert "uneven_caseload" in rules.project_warnings(
        expert_count=5, trajectories_last_year=30, caseloads=[12, 1, 1, 1, 1]
    )
