import datetime
import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from inzet.neighbourhood import casework, services
from inzet.neighbourhood.models import (
    AgreedAction,
    CaseMeeting,
    Closure,
    Contact,
    QuestionForm,
    Resident,
    ResidentPreferences,
    ResidentReadLog,
    Trajectory,
)
from inzet.neighbourhood.retention import anonymise_closed
from inzet.privacy.models import RetentionRule, RetentionRun

pytestmark = pytest.mark.django_db


def _full_trajectory(team, expert, *, closed_on):
    trajectory, _ = services.first_contact_register(
        team=team,
        by=expert,
        request_key=uuid.uuid4(),
        channel="referral",
        referrer="Huisarts De Vries",
        question="Ik wil uit de schulden",
        name="Mo",
        reach="06-12345678",
    )
    services.question_form_save(trajectory=trajectory, name="Mo", rows={"free_time": ("thuis", "zwemmen")})
    for kind in ["phone", "phone", "in_person"]:
        services.contact_log(
            trajectory=trajectory,
            by=expert,
            request_key=uuid.uuid4(),
            on=datetime.date(2025, 1, 5),
            kind=kind,
            minutes=30,
            note="persoonlijk",
            domain="administration",
        )
    services.closure_save(
        trajectory=trajectory,
        fields={"age": "54", "came_in": "Via de huisarts", "reflection": "Herkenning", "felt_heard": True},
        actions={"administration": "Schuldhulp gebeld"},
        closed_on=closed_on,
    )
    services.review_save(trajectory=trajectory, months=3, by=expert, rows={"free_time": ("thuis", "zwemt", 6, "beter")})
    partner, _ = services.partner_add(team=team, name="Huisarts De Vries", kind="gp", email="praktijk@example.nl")
    services.consent_record(
        trajectory=trajectory, partner=partner, by=expert, request_key=uuid.uuid4(), purpose="Terugkoppeling"
    )
    services.partner_message_send(
        trajectory=trajectory, partner=partner, by=expert, request_key=uuid.uuid4(), text="Mo gaat zwemmen"
    )
    referral, _ = services.referral_submit(
        team=team,
        request_key=uuid.uuid4(),
        partner_name="Huisarts De Vries",
        partner_kind="gp",
        resident_name="Mo",
        question="Schulden",
        resident_consents=True,
    )
    services.referral_take_on(referral=referral, by=expert)
    meeting, _ = casework.case_meeting_plan(
        trajectory=trajectory,
        by=expert,
        request_key=uuid.uuid4(),
        planned_for=timezone.now(),
        place="Buurthuis",
        participants=[],
        partners=[partner],
    )
    casework.case_meeting_record(meeting=meeting, record="Mo wil hulp bij schulden")
    casework.action_add(trajectory=trajectory, meeting=meeting, request_key=uuid.uuid4(), what="Bel schuldhulp")
    casework.preferences_save(trajectory=trajectory, languages="ar", age="54", domains="administration")
    ResidentReadLog.objects.create(user=expert, trajectory=trajectory, item="trajectory")
    return trajectory


def test_the_retention_rule_is_loaded_and_editable():
    rule = RetentionRule.objects.get(code="closed_trajectories")
    assert rule.period_days == 365 and rule.source.startswith("https://")


def test_a_closed_trajectory_past_its_period_keeps_only_counts(team, expert):
    today = timezone.localdate()
    old = _full_trajectory(team, expert, closed_on=today - datetime.timedelta(days=400))
    recent = _full_trajectory(team, expert, closed_on=today - datetime.timedelta(days=30))

    call_command("inzet_retention")

    old.refresh_from_db()
    assert old.anonymised_at is not None and old.question == "" and old.referrer == ""
    assert old.channel == "referral" and old.closed_on is not None
    assert old.resident.name == "" and old.resident.reach == ""
    assert not QuestionForm.objects.filter(trajectory=old).exists()
    contacts = Contact.objects.filter(trajectory=old)
    assert contacts.count() == 3 and set(contacts.values_list("note", flat=True)) == {""}
    assert services.contact_counts(old) == {"phone": 2, "in_person": 1}
    closure = Closure.objects.get(trajectory=old)
    assert closure.felt_heard and closure.came_in == "" and closure.actions == "" and closure.age == ""
    assert not ResidentReadLog.objects.filter(trajectory=old).exists()
    meeting = CaseMeeting.objects.get(trajectory=old)
    assert meeting.record == "" and meeting.place == "" and meeting.planned_for is not None
    assert list(AgreedAction.objects.filter(trajectory=old).values_list("what", flat=True)) == [""]
    assert not ResidentPreferences.objects.filter(trajectory=old).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, reach FROM neighbourhood_resident WHERE id = %s", [old.resident_id])
        assert cursor.fetchone() == ("", "")

    # The recent one, within its period, is untouched.
    recent.refresh_from_db()
    assert recent.anonymised_at is None and recent.question == "Ik wil uit de schulden"
    assert QuestionForm.objects.filter(trajectory=recent).exists()
    assert RetentionRun.objects.get(rule__code="closed_trajectories").count == 1


def test_open_trajectories_are_never_anonymised_and_a_second_run_does_nothing(team, expert):
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="phone", question="nog bezig"
    )
    Trajectory.objects.filter(pk=trajectory.pk).update(opened_on=datetime.date(2020, 1, 1))
    old = _full_trajectory(team, expert, closed_on=datetime.date(2020, 6, 1))
    cutoff = timezone.now() - datetime.timedelta(days=365)
    assert anonymise_closed(cutoff) == 1
    assert anonymise_closed(cutoff) == 0
    assert Trajectory.objects.get(pk=trajectory.pk).question == "nog bezig"
    assert Resident.objects.get(pk=old.resident_id).name == ""
