"""Events: sign-up with or without an account, waiting list, needs encrypted, attendance, .ics, consent."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from inzet.network import events
from inzet.network.models import Event, ReadLog, Registration


def make_event(capacity=None, **extra) -> Event:
    start = timezone.now() + dt.timedelta(days=10)
    return Event.objects.create(
        kind="inspiration",
        title="Inspiratiedag",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        capacity=capacity,
        **extra,
    )


def signup(client, event, name="Rik Rood", email="rik@example.org", **extra):
    data = {"full_name": name, "email": email, **extra}
    return client.post(reverse("network:event", args=[event.pk]), data)


@pytest.mark.django_db
def test_a_visitor_without_account_signs_up_with_a_need_and_gets_a_mail(client, django_capture_on_commit_callbacks):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client, event, needs="Een tolk gebarentaal")
    assert response.status_code == 302 and "/bijeenkomsten/aanmelding/" in response.url
    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.needs == "Een tolk gebarentaal"
    with connection.cursor() as cursor:
        cursor.execute("SELECT needs FROM network_registration")
        assert "tolk" not in cursor.fetchone()[0]  # encrypted at rest
    assert len(mail.outbox) == 1 and response.url in mail.outbox[0].body
    page = client.get(response.url)
    assert "Aangemeld" in page.text and "Een tolk gebarentaal" in page.text


@pytest.mark.django_db
def test_signing_up_twice_with_the_same_address_keeps_one_sign_up(client):
    event = make_event()
    signup(client, event)
    response = signup(client, event, email="RIK@example.org")
    assert response.status_code == 302 and Registration.objects.count() == 1


@pytest.mark.django_db
def test_bad_input_gets_dutch_messages_and_keeps_what_was_typed(client):
    event = make_event()
    response = signup(client, event, name="", email="geen-adres", needs="Rolstoel")
    assert response.status_code == 200
    assert "Vul uw naam in." in response.text and "geldig e-mailadres" in response.text
    assert "Rolstoel" in response.text and not Registration.objects.exists()


@pytest.mark.django_db
def test_a_full_event_puts_people_on_the_waiting_list_and_promotes_when_someone_cancels(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    first, first_token = events.registration_create(event=event, full_name="Een", email="een@example.org")
    second, _ = events.registration_create(event=event, full_name="Twee", email="twee@example.org")
    assert (first.status, second.status) == ("confirmed", "waiting")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network:registration_cancel", kwargs={"token": first_token}))
        client.post(reverse("network:registration_cancel", kwargs={"token": first_token}))  # a retry
    second.refresh_from_db()
    assert second.status == "confirmed" and second.promoted_at is not None
    assert [m.to for m in mail.outbox] == [["twee@example.org"]]


@pytest.mark.django_db
def test_a_promotion_is_claimed_so_it_happens_once():
    event = make_event(capacity=1)
    first, _ = events.registration_create(event=event, full_name="Een", email="een@example.org")
    waiting, _ = events.registration_create(event=event, full_name="Twee", email="twee@example.org")
    Registration.objects.filter(pk=first.pk).update(status="cancelled")
    assert [r.pk for r in events.promote_waiting(event=event)] == [waiting.pk]
    assert events.promote_waiting(event=event) == []  # a second worker finds nothing left to claim


@pytest.mark.django_db(transaction=True)
def test_two_workers_promoting_at_once_promote_each_person_once():
    event = make_event(capacity=2)
    for i in range(4):
        events.registration_create(event=event, full_name=f"P{i}", email=f"p{i}@example.org")
    Registration.objects.filter(email__in=["p0@example.org", "p1@example.org"]).update(status="cancelled")
    results = []

    def worker():
        results.append(len(events.promote_waiting(event=event)))
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(results) == 2
    assert Registration.objects.filter(status="confirmed").count() == 2


@pytest.mark.django_db
def test_the_participant_list_shows_only_people_who_consented_and_only_to_them(client):
    event = make_event()
    _, open_token = events.registration_create(
        event=event, full_name="Open Olga", email="o@example.org", share_consent=True
    )
    _, closed_token = events.registration_create(event=event, full_name="Stille Sem", email="s@example.org")
    seen_by_open = client.get(reverse("network:registration", kwargs={"token": open_token})).text
    assert "Open Olga" in seen_by_open and "Stille Sem" not in seen_by_open
    seen_by_closed = client.get(reverse("network:registration", kwargs={"token": closed_token})).text
    assert "Open Olga" not in seen_by_closed


@pytest.mark.django_db
def test_a_coordinator_sees_needs_logged_and_records_attendance(client, coordinator, django_assert_max_num_queries):
    event = make_event()
    for i in range(20):
        events.registration_create(
            event=event, full_name=f"Deelnemer {i}", email=f"d{i}@example.org", needs=f"Nodig {i}"
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("network:event_manage", args=[event.pk]))
    assert "Nodig 7" in page.text
    assert ReadLog.objects.filter(user=coordinator, item="needs").count() == 20
    present = list(Registration.objects.values_list("pk", flat=True)[:5])
    client.post(reverse("network:event_manage", args=[event.pk]), {"present": present})
    assert Registration.objects.filter(attended=True).count() == 5
    assert Registration.objects.filter(attended=False).count() == 15


@pytest.mark.django_db
def test_the_ics_download_is_a_real_calendar(client):
    event = make_event(location="Utrecht")
    response = client.get(reverse("network:event_ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar") and "attachment" in response["Content-Disposition"]
    (item,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(item["summary"]) == "Inspiratiedag" and str(item["location"]) == "Utrecht"
    assert "download" in client.get(reverse("network:event", args=[event.pk])).text


@pytest.mark.django_db
def test_an_unpublished_event_is_hidden_from_the_public(client):
    hidden = make_event(is_published=False)
    assert client.get(reverse("network:event", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("network:event_ics", args=[hidden.pk])).status_code == 404


@pytest.mark.django_db
def test_erasure_removes_a_persons_sign_ups(expert):
    from inzet.privacy.erasure import person_erase

    events.registration_create(event=make_event(), full_name="Eef", email=expert.email, needs="Vervoer", user=expert)
    person_erase(user=expert)
    assert not Registration.objects.exists()
