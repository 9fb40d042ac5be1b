import datetime

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from inzet.neighbourhood import rules, services
from inzet.neighbourhood.models import DropInHour


@given(st.dates(), st.integers(min_value=0, max_value=6))
def test_next_weekday_is_the_first_matching_day_within_a_week(today, weekday):
    day = rules.next_weekday(today, weekday)
    assert day.weekday() == weekday and 0 <= (day - today).days <= 6


@pytest.mark.django_db
def test_members_add_hours_once_and_a_bad_time_gets_a_dutch_message(client, expert, team):
    client.force_login(expert)
    url = reverse("neighbourhood:drop_in_manage", args=[team.pk])
    data = {
        "place": "Buurthuis De Linde",
        "address": "Lindeplein 4, Utrecht",
        "weekday": "1",
        "starts": "10:00",
        "ends": "12:00",
        "who": "Noor en Bas",
        "accessibility": "Rolstoeltoegankelijk, ringleiding",
    }
    response = client.post(url, {**data, "ends": "09:00"})
    assert response.status_code == 200 and "De eindtijd moet na de begintijd liggen." in response.text
    assert "Buurthuis De Linde" in response.text and not DropInHour.objects.exists()
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert DropInHour.objects.count() == 1


@pytest.mark.django_db
def test_the_public_page_and_ics_show_the_hours_and_nothing_about_residents(client, expert, team):
    import uuid

    services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="drop_in", name="Geheime Bewoner"
    )
    services.drop_in_add(
        team=team,
        place="Buurthuis De Linde",
        address="Lindeplein 4",
        weekday=1,
        starts=datetime.time(10),
        ends=datetime.time(12),
        accessibility="Rolstoeltoegankelijk",
    )
    page = client.get(reverse("neighbourhood:drop_in", args=[team.pk])).text  # anonymous
    assert "Dinsdag 10:00–12:00" in page and "Rolstoeltoegankelijk" in page
    assert "Geheime Bewoner" not in page
    assert f'href="{reverse("neighbourhood:drop_in_ics", args=[team.pk])}" download' in page
    response = client.get(reverse("neighbourhood:drop_in_ics", args=[team.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("dtstart").weekday() == 1 and event.decoded("dtstart").hour == 10
    assert event["rrule"]["FREQ"] == ["WEEKLY"]
    assert "Lindeplein 4" in str(event["location"])
