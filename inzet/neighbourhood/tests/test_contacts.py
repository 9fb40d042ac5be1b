import re
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from inzet.neighbourhood import services
from inzet.neighbourhood.models import Contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def trajectory(team, expert):
    trajectory, _ = services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="phone")
    return trajectory


def test_a_contact_is_logged_once_with_an_encrypted_note(client, expert, trajectory):
    client.force_login(expert)
    data = {
        "request_key": uuid.uuid4(),
        "on": "2026-11-25",
        "kind": "phone",
        "minutes": "20",
        "domain": "administration",
        "note": "Samen de post doorgenomen",
    }
    url = reverse("neighbourhood:contact_add", args=[trajectory.pk])
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double click logs nothing new
    contact = Contact.objects.get()
    assert (contact.kind, contact.minutes, contact.domain, contact.by) == ("phone", 20, "administration", expert)
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM neighbourhood_contact")
        assert "post" not in cursor.fetchone()[0]
    page = client.get(reverse("neighbourhood:trajectory", args=[trajectory.pk])).text
    assert "Samen de post doorgenomen" in page and "Hulp bij administratie, budgetteren e.d." in page


def test_bad_contact_gets_dutch_messages_and_keeps_the_note(client, expert, trajectory):
    client.force_login(expert)
    url = reverse("neighbourhood:contact_add", args=[trajectory.pk])
    response = client.post(url, {"request_key": uuid.uuid4(), "on": "", "kind": "live", "note": "Mijn notitie"})
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.text and "Mijn notitie" in response.text
    assert not Contact.objects.exists()


def test_outsiders_cannot_log_a_contact(client, other_coordinator, trajectory):
    client.force_login(other_coordinator)
    url = reverse("neighbourhood:contact_add", args=[trajectory.pk])
    response = client.post(url, {"request_key": uuid.uuid4(), "on": "2026-11-25", "kind": "phone"})
    assert response.status_code == 404 and not Contact.objects.exists()


def test_trajectory_page_queries_do_not_grow_with_the_log(client, expert, trajectory, django_assert_max_num_queries):
    for day in range(1, 21):
        services.contact_log(
            trajectory=trajectory, by=expert, request_key=uuid.uuid4(), on=f"2026-10-{day:02d}", kind="in_person"
        )
    client.force_login(expert)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("neighbourhood:trajectory", args=[trajectory.pk])).status_code == 200


def test_the_date_field_shows_a_value_a_browser_date_input_accepts(client, expert, trajectory):
    # A date input only takes YYYY-MM-DD; the Dutch format (27-11-2026) left it empty and the
    # contact was refused for a missing date.
    client.force_login(expert)
    page = client.get(reverse("neighbourhood:trajectory", args=[trajectory.pk])).text
    assert re.search(r'type="date"[^>]*value="\d{4}-\d{2}-\d{2}"|value="\d{4}-\d{2}-\d{2}"[^>]*type="date"', page)
