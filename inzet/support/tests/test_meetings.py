"""Group meetings: a trainer plans, experts sign up, attendance is recorded, the calendar feed shows it."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from inzet.engagements import services as engagement_services
from inzet.experts.models import ExpertProfile
from inzet.support import meetings
from inzet.support.models import Meeting, MeetingSeat


def _plan(trainer, orgs, *, days=7, nonce="m1", facilitator=None):
    start = timezone.now() + dt.timedelta(days=days)
    return meetings.meeting_plan(
        actor=trainer,
        organisation=orgs.deploying,
        kind="intervision",
        title="Intervisie maart",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        location="Buurthuis De Brug",
        facilitator=facilitator or trainer,
        nonce=nonce,
    )


def test_planning_invites_the_active_experts_once(
    orgs, trainer, profile, fellow, stranger, django_capture_on_commit_callbacks
):
    ExpertProfile.objects.filter(pk=fellow.pk).update(paused=True)  # a pause: no invitation
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _plan(trainer, orgs)
        assert _plan(trainer, orgs).pk == meeting.pk  # a double click plans once
    assert [s.expert for s in meeting.seats.all()] == [profile]
    assert Meeting.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["expert@test.nl"]]


def test_only_staff_of_the_organisation_plan(orgs, other_coordinator, profile, expert, trainer):
    for person in (other_coordinator, expert):
        with pytest.raises(PermissionDenied):
            _plan(person, orgs, facilitator=trainer, nonce=f"x{person.pk}")


def test_the_end_comes_after_the_start_with_a_dutch_message(client, orgs, trainer):
    client.force_login(trainer)
    response = client.post(
        reverse("support:meeting_new"),
        {
            "organisation": orgs.deploying.pk,
            "kind": "work_meeting",
            "title": "Werkoverleg",
            "starts_at": "2030-03-01T14:00",
            "ends_at": "2030-03-01T13:00",
            "facilitator": trainer.pk,
            "nonce": "f1",
        },
    )
    body = response.content.decode()
    assert (
        response.status_code == 200
        and "Het einde ligt vóór het begin. Kies een eindtijd na de begintijd." in body
        and "Werkoverleg" in body
    )
    assert not Meeting.objects.exists()


def test_an_expert_signs_up_and_the_feed_shows_the_meeting(client, orgs, trainer, profile):
    meeting = _plan(trainer, orgs)
    feed = engagement_services.calendar_feed_get(user=profile.user)
    feed_url = reverse("engagements:feed", args=[feed.token])
    assert "Intervisie maart" not in client.get(feed_url).content.decode()
    client.force_login(profile.user)
    assert client.post(reverse("support:meeting_signup", args=[meeting.pk]), {"coming": "yes"}).status_code == 302
    assert MeetingSeat.objects.get().state == MeetingSeat.State.SIGNED_UP
    ics = client.get(feed_url).content.decode()
    assert "Intervisie: Intervisie maart" in ics and f"meeting-{meeting.uid}@inzet" in ics
    single = client.get(reverse("support:meeting_ics", args=[meeting.pk]))
    assert single["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in single.content


def test_signing_up_after_the_start_is_refused(orgs, trainer, profile):
    meeting = _plan(trainer, orgs, days=-1)
    with pytest.raises(ValidationError):
        meetings.meeting_signup(meeting=meeting, actor=profile.user, coming=True)


def test_attendance_is_recorded_and_visible_to_the_expert_and_the_coordinator(
    client, orgs, trainer, coordinator, profile, fellow
):
    meeting = _plan(trainer, orgs, days=-1)
    seat = meeting.seats.get(expert=profile)
    client.force_login(trainer)
    client.post(reverse("support:meeting_attendance", args=[meeting.pk]), {"present": [seat.pk]})
    assert dict(meeting.seats.values_list("expert_id", "attended")) == {profile.pk: True, fellow.pk: False}
    client.force_login(profile.user)
    assert "aanwezig" in client.get(reverse("support:meeting_list")).content.decode()
    client.force_login(coordinator)
    body = client.get(reverse("support:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Eef Expert" in body and "checked" in body


def test_attendance_before_the_start_is_refused(orgs, trainer, profile):
    meeting = _plan(trainer, orgs)
    with pytest.raises(ValidationError):
        meetings.attendance_record(meeting=meeting, actor=trainer, present=set())


def test_the_facilitator_writes_a_reflection_that_the_coordinator_reads(client, orgs, trainer, coordinator, profile):
    meeting = _plan(trainer, orgs, days=-1)
    client.force_login(trainer)
    client.post(reverse("support:meeting_reflection", args=[meeting.pk]), {"reflection": "Goed gesprek over grenzen."})
    meeting.refresh_from_db()
    assert meeting.reflection == "Goed gesprek over grenzen." and meeting.reflected_at is not None
    client.force_login(coordinator)
    assert (
        "Goed gesprek over grenzen."
        in client.get(reverse("support:meeting_detail", args=[meeting.pk])).content.decode()
    )
    client.force_login(profile.user)  # the reflection is for staff and evaluation, not the group page
    assert "Goed gesprek" not in client.get(reverse("support:meeting_detail", args=[meeting.pk])).content.decode()


def test_the_meeting_page_uses_a_bounded_number_of_queries(
    client, orgs, trainer, coordinator, django_assert_max_num_queries
):
    from conftest import make_person
    from inzet.organisations.models import Role

    for i in range(15):
        user = make_person(f"m{i}@test.nl", f"Deelnemer {i}", [(orgs.deploying, Role.EXPERT)])
        ExpertProfile.objects.create(user=user, organisation=orgs.deploying)
    meeting = _plan(trainer, orgs, days=-1)
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("support:meeting_detail", args=[meeting.pk]))
    assert response.content.decode().count('name="present"') == 15


def test_each_invitee_gets_their_own_email(orgs, trainer, profile, fellow, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _plan(trainer, orgs, nonce="own-mail")
    # A shared "To:" would show every expert's address to the others.
    assert sorted(m.to for m in mail.outbox) == [["expert@test.nl"], ["fellow@test.nl"]]
