"""The course run from enrolment to a certificate: waiting list, attendance, completion, verification."""

import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from inzet.accounts.models import User
from inzet.experts.models import TrainingRecord, Verification
from inzet.organisations.models import Membership, Role
from inzet.training import services
from inzet.training.models import EnrolmentStatus
from inzet.training.tests.access import course_for, profile_for


@pytest.fixture
def people(orgs, expert, trainer):
    for i in range(3):
        user = User.objects.create(email=f"e{i}@test.nl", full_name=f"Deelnemer {i}")
        Membership.objects.create(user=user, organisation=orgs.deploying, role=Role.EXPERT)
    return [profile_for(orgs.deploying, e) for e in ["expert@test.nl", "e0@test.nl", "e1@test.nl", "e2@test.nl"]]


def test_a_full_course_puts_people_on_the_waiting_list_and_a_withdrawal_moves_the_first_up(orgs, people):
    course = course_for(orgs.deploying, places=2)
    a, b, c, d = (services.enrolment_join(course=course, profile=p) for p in people)
    assert [a.status, b.status, c.status, d.status] == ["enrolled", "enrolled", "waiting", "waiting"]
    services.enrolment_withdraw(enrolment=a)
    c.refresh_from_db()
    d.refresh_from_db()
    assert (c.status, d.status) == (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING)
    # A second withdrawal (double click) moves nobody else up.
    services.enrolment_withdraw(enrolment=a)
    d.refresh_from_db()
    assert d.status == EnrolmentStatus.WAITING


def test_enrolling_twice_gives_the_same_enrolment(orgs, people):
    course = course_for(orgs.deploying)
    first = services.enrolment_join(course=course, profile=people[0])
    again = services.enrolment_join(course=course, profile=people[0])
    assert first.pk == again.pk and course.enrolments.count() == 1


def test_completion_needs_enough_lessons_and_then_makes_a_verified_record(orgs, people, trainer):
    course = course_for(orgs.deploying, lessons=3, minimum_lessons=2)
    enrolment = services.enrolment_join(course=course, profile=people[0])
    services.attendance_record(course=course, lesson=1, present_ids={enrolment.pk}, by=trainer)
    with pytest.raises(ValidationError, match="1 van de 2"):
        services.enrolment_complete(enrolment=enrolment, by=trainer)
    services.attendance_record(course=course, lesson=2, present_ids={enrolment.pk}, by=trainer)
    done = services.enrolment_complete(enrolment=enrolment, by=trainer)
    services.enrolment_complete(enrolment=enrolment, by=trainer)  # twice: still one record
    record = TrainingRecord.objects.get(profile=people[0])
    assert done.record == record
    assert record.verification == Verification.VERIFIED and record.verified_by == trainer
    assert record.name == "Actief luisteren"


def test_a_course_that_ends_before_it_starts_is_refused_in_dutch(orgs):
    import datetime

    with pytest.raises(ValidationError, match="vóór de eerste les"):
        course_for(orgs.deploying, ends_on=datetime.date(2000, 1, 1))


def test_the_certificate_is_a_pdf_with_the_name_and_the_course(client, orgs, people, trainer, expert):
    course = course_for(orgs.deploying, lessons=1)
    enrolment = services.enrolment_join(course=course, profile=people[0])
    services.attendance_record(course=course, lesson=1, present_ids={enrolment.pk}, by=trainer)
    services.enrolment_complete(enrolment=enrolment, by=trainer)
    client.force_login(expert)
    response = client.get(reverse("training:certificate", args=[enrolment.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Certificaat" in text and "Eef Expert" in text and "Actief luisteren" in text


# Dutch words of the certificate's own text; none may be left on the English one.
CERTIFICATE_DUTCH = ["Certificaat", "verklaart", "de cursus", "heeft afgerond", "Gegeven door", "Omvang", "les van",
                     "uur", "Periode", "tot en met", "Afgerond op", "Geldig tot", "Gecontroleerd door"]  # fmt: skip


def _certificate_text(client, settings, enrolment, language: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("training:certificate", args=[enrolment.pk]))
    assert response["Content-Type"] == "application/pdf"
    return " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())


@time_machine.travel("2026-03-01 10:00 +0100", tick=False)
def test_the_certificate_is_in_the_readers_language(client, settings, orgs, people, trainer, expert):
    import datetime

    course = course_for(
        orgs.deploying, lessons=1, starts_on=datetime.date(2026, 3, 2), ends_on=datetime.date(2026, 3, 2)
    )
    enrolment = services.enrolment_join(course=course, profile=people[0])
    services.attendance_record(course=course, lesson=1, present_ids={enrolment.pk}, by=trainer)
    services.enrolment_complete(enrolment=enrolment, by=trainer)
    client.force_login(expert)
    dutch = _certificate_text(client, settings, enrolment, "nl")
    assert "Certificaat" in dutch and "verklaart dat" in dutch and "heeft afgerond" in dutch
    assert "1 les van" in dutch and "Gegeven door" in dutch and "tot en met" in dutch and "maart" in dutch
    english = _certificate_text(client, settings, enrolment, "en")
    assert "Certificate" in english and "Eef Expert" in english and "Actief luisteren" in english
    assert "1 lesson of" in english and "March" in english
    left = [word for word in [*CERTIFICATE_DUTCH, "maart"] if word in english]
    assert left == [], left


def test_the_trainer_verifies_a_self_declared_record_from_the_list(client, orgs, people, trainer):
    record = TrainingRecord.objects.create(profile=people[1], kind="evc", name="EVC ervaringsdeskundige")
    client.force_login(trainer)
    assert "EVC ervaringsdeskundige" in client.get(reverse("training:records")).content.decode()
    response = client.post(reverse("training:record_verify", args=[record.pk]), {"valid_until": "2030-01-01"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.verification == Verification.VERIFIED and str(record.valid_until) == "2030-01-01"
    bad = client.post(reverse("training:record_verify", args=[record.pk]), {"valid_until": "morgen"})
    assert "Dit is geen datum." in bad.content.decode()


def test_the_course_page_uses_a_bounded_number_of_queries(client, orgs, people, trainer, django_assert_max_num_queries):
    course = course_for(orgs.deploying, places=10)
    for profile in people:
        enrolment = services.enrolment_join(course=course, profile=profile)
        services.attendance_record(course=course, lesson=1, present_ids={enrolment.pk}, by=trainer)
    client.force_login(trainer)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("training:course_detail", args=[course.pk])).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("training:attendance", args=[course.pk])).status_code == 200


def test_the_trainer_sees_lessons_and_records_among_the_next_steps_and_the_expert_the_course(
    client, orgs, people, trainer, expert
):
    course = course_for(orgs.deploying)
    services.enrolment_join(course=course, profile=people[0])
    TrainingRecord.objects.create(profile=people[1], kind="training", name="Howie the Harp")
    client.force_login(trainer)
    page = client.get(reverse("dashboard:home")).content.decode()
    assert "Aanwezigheid invullen" in page and "Opleidingen controleren" in page
    client.force_login(expert)
    assert "Actief luisteren" in client.get(reverse("dashboard:home")).content.decode()


def test_a_coordinator_enrols_an_expert_on_their_behalf_and_bad_input_loses_nothing(client, orgs, people, coordinator):
    course = course_for(orgs.deploying, places=1)
    client.force_login(coordinator)
    url = reverse("training:enrol_for", args=[course.pk])
    page = client.post(url, {"profile": "iemand"}, follow=True).content.decode()
    assert "Kies een ervaringsdeskundige uit de lijst." in page and course.enrolments.count() == 0
    client.post(url, {"profile": people[0].pk})
    client.post(url, {"profile": people[0].pk})  # double click
    client.post(url, {"profile": people[1].pk})
    assert list(course.enrolments.order_by("queued_at").values_list("status", flat=True)) == ["enrolled", "waiting"]
