"""Regional intervisie: organisations take part, experts join by choice, the facilitator plans and
marks attendance; nobody sees another organisation's experts beyond what they chose."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from inzet.engagements import services as engagement_services
from inzet.support import intervision, meetings
from inzet.support.models import GroupMember, MeetingSeat


@pytest.fixture
def group(orgs, trainer, profile):
    return intervision.group_create(
        actor=trainer, host=orgs.deploying, name="Intervisie Utrecht", region="Utrecht", facilitator=trainer, nonce="g1"
    )


def _session(group, actor, *, days=5, nonce="s1"):
    start = timezone.now() + dt.timedelta(days=days)
    return intervision.session_plan(
        actor=actor,
        group=group,
        title="Intervisie juni",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        nonce=nonce,
    )


def test_a_group_across_organisations_from_taking_part_to_attendance(
    client, group, orgs, trainer, coordinator, other_coordinator, profile, stranger, django_capture_on_commit_callbacks
):
    assert (
        intervision.group_create(
            actor=trainer, host=orgs.deploying, name="x", region="y", facilitator=trainer, nonce="g1"
        ).pk
        == group.pk
    )  # a double click makes one group
    # The other organisation's expert cannot join before their coordinator says the organisation takes part.
    with pytest.raises(ValidationError):
        intervision.member_set(actor=stranger.user, group=group, join=True)
    intervision.organisation_take_part(actor=other_coordinator, group=group, organisation=orgs.other_deploying, on=True)
    intervision.member_set(actor=stranger.user, group=group, join=True, name_visible=False)
    intervision.member_set(actor=profile.user, group=group, join=True, name_visible=True)

    with django_capture_on_commit_callbacks(execute=True):
        meeting = _session(group, trainer)
        assert _session(group, trainer).pk == meeting.pk
    # One e-mail each: nobody sees the address of someone of another organisation.
    assert sorted(m.to for m in mail.outbox) == [["expert@test.nl"], ["vreemd@test.nl"]]
    meetings.meeting_signup(meeting=meeting, actor=stranger.user, coming=True)
    feed = engagement_services.calendar_feed_get(user=stranger.user)
    assert "Intervisie juni" in client.get(reverse("engagements:feed", args=[feed.token])).content.decode()

    # Names: the host's coordinator sees only their own expert; the other coordinator only theirs.
    client.force_login(coordinator)
    page = client.get(reverse("support:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Eef Expert" in page and "Vera Vreemd" not in page
    client.force_login(other_coordinator)
    page = client.get(reverse("support:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Vera Vreemd" in page and "Eef Expert" not in page
    assert "Terugblik" not in page  # the reflection stays with the organising staff
    group_page = client.get(reverse("support:intervision_detail", args=[group.pk])).content.decode()
    assert "Vera Vreemd" in group_page and "Eef Expert" not in group_page
    # Eva shows her name to the group; Vera did not: Eva sees a number for Vera.
    client.force_login(profile.user)
    group_page = client.get(reverse("support:intervision_detail", args=[group.pk])).content.decode()
    assert "Vera Vreemd" not in group_page and "En 1 deelnemer van wie u de naam niet ziet." in group_page
    client.force_login(stranger.user)
    assert "Eef Expert" in client.get(reverse("support:intervision_detail", args=[group.pk])).content.decode()

    # After the start only the facilitator marks attendance across organisations.
    type(meeting).objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=3), ends_at=timezone.now() - dt.timedelta(hours=1)
    )
    meeting.refresh_from_db()
    vera = MeetingSeat.objects.get(meeting=meeting, expert=stranger)
    with pytest.raises(PermissionDenied):
        meetings.attendance_record(meeting=meeting, actor=coordinator, present={vera.pk})
    meetings.attendance_record(meeting=meeting, actor=trainer, present={vera.pk})
    client.force_login(other_coordinator)
    page = client.get(reverse("support:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Aanwezigheid bewaren" not in page


def test_only_a_coordinator_decides_for_their_organisation(group, orgs, coordinator, trainer, stranger, asker):
    with pytest.raises(PermissionDenied):
        intervision.organisation_take_part(actor=coordinator, group=group, organisation=orgs.other_deploying, on=True)
    with pytest.raises(PermissionDenied):
        intervision.organisation_take_part(actor=stranger.user, group=group, organisation=orgs.other_deploying, on=True)
    with pytest.raises(ValidationError):
        intervision.organisation_take_part(actor=coordinator, group=group, organisation=orgs.deploying, on=False)


def test_leaving_ends_the_memberships_of_that_organisation(group, orgs, other_coordinator, stranger):
    intervision.organisation_take_part(actor=other_coordinator, group=group, organisation=orgs.other_deploying, on=True)
    intervision.member_set(actor=stranger.user, group=group, join=True)
    intervision.organisation_take_part(
        actor=other_coordinator, group=group, organisation=orgs.other_deploying, on=False
    )
    assert not GroupMember.objects.filter(expert=stranger).exists()


def test_only_the_facilitator_or_the_organising_coordinator_plans(group, other_coordinator, orgs, profile):
    intervision.organisation_take_part(actor=other_coordinator, group=group, organisation=orgs.other_deploying, on=True)
    with pytest.raises(PermissionDenied):
        _session(group, other_coordinator)
    with pytest.raises(PermissionDenied):
        _session(group, profile.user)


def test_an_end_before_the_start_gets_a_dutch_message_on_the_page(client, group, trainer):
    client.force_login(trainer)
    response = client.post(
        reverse("support:intervision_session_new", args=[group.pk]),
        {"title": "Juni", "starts_at": "2030-06-01T14:00", "ends_at": "2030-06-01T13:00", "nonce": "x1"},
    )
    assert (
        response.status_code == 200
        and "Het einde ligt vóór het begin. Kies een eindtijd na de begintijd." in response.content.decode()
    )
    assert not group.sessions.exists()


def test_an_asker_never_sees_a_group(client, group, asker):
    client.force_login(asker)
    assert client.get(reverse("support:intervision_list")).status_code == 404
    assert client.get(reverse("support:intervision_detail", args=[group.pk])).status_code == 404


def test_the_api_shows_a_coordinator_only_their_own_organisations_seats(
    client, group, orgs, trainer, coordinator, other_coordinator, profile, stranger
):
    from inzet.accounts.models import ApiToken

    intervision.organisation_take_part(actor=other_coordinator, group=group, organisation=orgs.other_deploying, on=True)
    intervision.member_set(actor=stranger.user, group=group, join=True)
    intervision.member_set(actor=profile.user, group=group, join=True)
    meeting = _session(group, trainer)
    for person, names in (
        (coordinator, ["Eef Expert"]),
        (other_coordinator, ["Vera Vreemd"]),
        (trainer, ["Eef Expert", "Vera Vreemd"]),
    ):
        _token, raw = ApiToken.issue(user=person, name="t", made_after_two_step=True)
        body = client.get(f"/api/support/meetings/{meeting.pk}", HTTP_AUTHORIZATION=f"Bearer {raw}").json()
        assert sorted(s["expert_name"] for s in body["seats"]) == names
