import html
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from inzet.neighbourhood import services
from inzet.neighbourhood.models import QuestionForm, QuestionFormRow, ResidentReadLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def trajectory(team, expert):
    trajectory, _ = services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="drop_in")
    return trajectory


def test_form1_has_the_rows_of_bijlage_2(client, expert, trajectory):
    client.force_login(expert)
    page = html.unescape(client.get(reverse("neighbourhood:form1", args=[trajectory.pk])).text)  # hobby's
    for text in [
        "De bewoner vult dit zelf in, als hij of zij dat wil samen met de ervaringsdeskundige.",
        "Let op: vul alleen in waarvoor u komt of wat u zoekt. Sla de rest over.",
        "Naam",
        "Datum",
        "Situatie nu",
        "Wens voor situatie straks",
        "Wat verwacht ik van jou/jullie?",
        "Wat verwachten jullie van mij?",
        "Afspraken",
        "Dagbesteding/school/werk/bezigheden overdag",
        "Vrije tijd (bijvoorbeeld hobby's, sporten, verenigingen, uitgaan)",
        "Sociale contacten",
        "Praktische hulp in huis",
        "Hulp bij administratie, budgetteren e.d.",
        "Meegaan naar instanties",
        "Hulp bij reizen of ergens naartoe gaan",
        "Meedenken bij het maken van plannen",
        "Informatie en advies over iets anders, namelijk:",
        "Anders, namelijk:",
    ]:
        assert text in page, text
    assert page.count("<textarea") == 2 * 13  # 3 fixed rows + the 10 life domains
    assert "data-inzet-print" in page


def test_form1_saves_encrypted_every_field_optional_and_twice_is_once(client, expert, trajectory):
    client.force_login(expert)
    url = reverse("neighbourhood:form1", args=[trajectory.pk])
    assert client.post(url, {}).status_code == 302  # an empty form is fine
    data = {"name": "Mo", "filled_on": "2026-11-20", "now_free_time": "Ik zit veel thuis", "wish_free_time": "Zwemmen"}
    client.post(url, data)
    client.post(url, data)
    form = QuestionForm.objects.get()
    assert form.name == "Mo" and str(form.filled_on) == "2026-11-20"
    row = QuestionFormRow.objects.get()
    assert (row.topic, row.now, row.wish) == ("free_time", "Ik zit veel thuis", "Zwemmen")
    with connection.cursor() as cursor:
        cursor.execute("SELECT now, wish FROM neighbourhood_questionformrow")
        assert "thuis" not in "".join(cursor.fetchone())
    page = client.get(url).text
    assert "Ik zit veel thuis" in page
    assert ResidentReadLog.objects.filter(item="form1").exists()


def test_form1_bad_date_gets_a_dutch_message_and_keeps_the_text(client, expert, trajectory):
    client.force_login(expert)
    url = reverse("neighbourhood:form1", args=[trajectory.pk])
    response = client.post(url, {"filled_on": "gisteren", "now_travel": "Ik durf de bus niet in"})
    assert response.status_code == 200 and "Voer een geldige datum in" in response.text
    assert "Ik durf de bus niet in" in response.text
    assert not QuestionForm.objects.exists()


def test_form1_page_queries_are_bounded(client, expert, trajectory, django_assert_max_num_queries):
    client.force_login(expert)
    url = reverse("neighbourhood:form1", args=[trajectory.pk])
    client.post(
        url,
        {
            f"{part}_{code}": "x"
            for code in ["free_time", "travel", "agencies", "plans", "agreements"]
            for part in ["now", "wish"]
        },
    )
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_form1_in_english(client, settings, expert, trajectory):
    client.force_login(expert)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("neighbourhood:form1", args=[trajectory.pk])).text
    assert "What is my question?" in page and "Wish for the situation later" in page
    assert "Free time (e.g. hobbies, sports, clubs, going out)" in page
