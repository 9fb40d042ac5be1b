"""An expert's own klik fields, marking an agreed action done, and group activities (counts only)."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import make_person
from inzet.neighbourhood import casework, selectors, services
from inzet.neighbourhood.models import AgreedAction, GroupActivity, TeamMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(team, orgs):
    """A second expert of the same team: may not edit the first expert's klik fields."""
    user = make_person("collega@test.nl", "Collega Ervaring")
    services.team_member_add(team=team, user=user)
    return user


@pytest.fixture
def member(team, expert):
    return TeamMember.objects.get(team=team, user=expert)


@pytest.fixture
def trajectory(team, expert):
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="drop_in", question="Ik zit vast met post"
    )
    return trajectory


# --- 1. the expert's klik fields ---------------------------------------------------------------


def test_the_expert_saves_their_own_klik_fields_and_they_count_in_the_klik(client, member, expert):
    client.force_login(expert)
    url = reverse("neighbourhood:member_klik", args=[member.pk])
    data = {
        "gender": "vrouw",
        "birth_year": "1980",
        "knows_areas": "Overvecht, Zuilen",
        "experience_domains": ["free_time"],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.gender, member.birth_year, member.knows_areas, member.experience_domains) == (
        "vrouw",
        1980,
        "Overvecht, Zuilen",
        "free_time",
    )
    assert client.post(url, data).status_code == 302  # saving again changes nothing
    member.refresh_from_db()
    assert member.birth_year == 1980 and member.experience_domains == "free_time"


def test_the_coordinator_edits_on_the_experts_behalf(client, member, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("neighbourhood:member_klik", args=[member.pk]), {"gender": "man"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.gender == "man"


def test_a_colleague_gets_403_and_an_outsider_404_and_nothing_changes(client, member, colleague, outsider):
    url = reverse("neighbourhood:member_klik", args=[member.pk])
    client.force_login(colleague)
    assert client.get(url).status_code == 403
    assert client.post(url, {"gender": "man"}).status_code == 403
    client.force_login(outsider)
    assert client.post(url, {"gender": "man"}).status_code == 404
    member.refresh_from_db()
    assert member.gender == ""
    with pytest.raises(PermissionDenied):
        casework.member_klik_save(member=member, by=colleague, gender="man")


def test_a_wrong_birth_year_gets_a_dutch_message_and_keeps_the_input(client, member, expert):
    client.force_login(expert)
    response = client.post(
        reverse("neighbourhood:member_klik", args=[member.pk]), {"birth_year": "1850", "knows_areas": "Zuilen"}
    )
    assert response.status_code == 400
    assert "Vul een geboortejaar in tussen" in response.content.decode()
    assert 'value="Zuilen"' in response.content.decode()  # nothing typed is lost
    member.refresh_from_db()
    assert member.birth_year is None and member.knows_areas == ""


# --- 2. marking an agreed action done ----------------------------------------------------------


def _meeting_action(trajectory, expert, coordinator, owner):
    meeting, _ = casework.case_meeting_plan(
        trajectory=trajectory,
        by=expert,
        request_key=uuid.uuid4(),
        planned_for=timezone.now() + datetime.timedelta(days=2),
        participants=[],
    )
    action, _ = casework.action_add(
        trajectory=trajectory, meeting=meeting, request_key=uuid.uuid4(), what="Belt de GGZ", owner=owner
    )
    return meeting, action


def test_a_participant_marks_an_action_done_once(client, trajectory, expert, coordinator):
    meeting, action = _meeting_action(trajectory, expert, coordinator, owner=None)
    client.force_login(expert)
    url = reverse("neighbourhood:action_done", args=[action.pk])
    assert b"Op gedaan zetten" in client.get(reverse("neighbourhood:case_meeting", args=[meeting.pk])).content
    response = client.post(url)
    assert response.status_code == 302 and response.url == reverse("neighbourhood:case_meeting", args=[meeting.pk])
    done_at = AgreedAction.objects.get().done_at
    assert done_at is not None
    client.post(url)  # a second click keeps the first time
    assert AgreedAction.objects.get().done_at == done_at


def test_the_owner_who_is_no_participant_marks_it_done_from_the_caseload(client, trajectory, expert, coordinator):
    _meeting, action = _meeting_action(trajectory, expert, coordinator, owner=coordinator)
    client.force_login(coordinator)
    assert b"Op gedaan zetten" in client.get(reverse("neighbourhood:caseload")).content
    response = client.post(reverse("neighbourhood:action_done", args=[action.pk]))
    assert response.status_code == 302 and response.url == reverse("neighbourhood:caseload")
    assert AgreedAction.objects.get().done_at is not None


def test_a_team_member_who_is_neither_owner_nor_participant_gets_404(client, trajectory, expert, coordinator, outsider):
    _meeting, action = _meeting_action(trajectory, expert, coordinator, owner=expert)
    for user in (coordinator, outsider):
        client.force_login(user)
        assert client.post(reverse("neighbourhood:action_done", args=[action.pk])).status_code == 404
    assert AgreedAction.objects.get().done_at is None


# --- 3. group activities -----------------------------------------------------------------------


def test_an_expert_records_an_activity_once_per_click_and_the_coordinator_sees_the_counts(
    client, team, expert, coordinator, django_assert_max_num_queries
):
    client.force_login(expert)
    url = reverse("neighbourhood:group_activities", args=[team.pk])
    data = {
        "request_key": uuid.uuid4(),
        "title": "Koffieochtend",
        "held_on": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "kind": "meeting",
        "attendees": "12",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double click records once
    assert GroupActivity.objects.get().attendees == 12
    for n in range(10):
        casework.group_activity_add(
            team=team,
            by=coordinator,
            request_key=uuid.uuid4(),
            title=f"Wandeling {n}",
            held_on=timezone.localdate() - datetime.timedelta(days=n),
            kind="outing",
            attendees=2,
        )
    assert selectors.group_activity_counts(team) == {"count": 11, "attendees": 32}
    with django_assert_max_num_queries(20):
        page = client.get(url)
    assert "Wandeling 9" in page.content.decode()
    client.force_login(coordinator)
    with django_assert_max_num_queries(25):
        overview = client.get(reverse("neighbourhood:team_overview", args=[team.pk]))
    assert "11 activiteiten, samen 32 keer een bewoner aanwezig." in overview.content.decode()


def test_a_future_date_or_negative_count_gets_a_dutch_message_and_saves_nothing(client, team, expert):
    client.force_login(expert)
    url = reverse("neighbourhood:group_activities", args=[team.pk])
    future = {
        "request_key": uuid.uuid4(),
        "title": "Kookclub",
        "held_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
        "kind": "workshop",
        "attendees": "8",
    }
    response = client.post(url, future)
    assert response.status_code == 400 and "Deze datum ligt in de toekomst" in response.content.decode()
    assert 'value="Kookclub"' in response.content.decode()
    response = client.post(url, {**future, "held_on": timezone.localdate().isoformat(), "attendees": "-1"})
    assert response.status_code == 400 and "Zorg ervoor dat deze waarde minstens 0 is." in response.content.decode()
    assert not GroupActivity.objects.exists()


def test_only_team_members_record_activities(team, outsider):
    with pytest.raises(PermissionDenied):
        casework.group_activity_add(
            team=team, by=outsider, request_key=uuid.uuid4(), title="X", held_on=timezone.localdate(), attendees=1
        )
    with pytest.raises(ValidationError):
        casework.group_activity_add(
            team=team,
            by=team.members.first().user,
            request_key=uuid.uuid4(),
            title="X",
            held_on=timezone.localdate(),
            attendees=-3,
        )
