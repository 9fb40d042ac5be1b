"""Hours outside the request's period, or over twice the estimate, ask for a confirmation and are flagged."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from inzet.compensation.models import HourEntry
from inzet.compensation.tests import factories as f

D = f.D


def _job(orgs, expert, asker, coordinator):
    job = f.assignment(orgs, expert=expert, asker=asker, invited_by=coordinator, hours_estimate="4")
    request = job.request
    request.start_date, request.end_date = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
    request.save(update_fields=["start_date", "end_date"])
    return job


@time_machine.travel(dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC))
def test_hours_after_the_period_ask_for_a_confirmation_and_keep_what_was_typed(
    client, orgs, expert, asker, coordinator
):
    job = _job(orgs, expert, asker, coordinator)
    client.force_login(expert)
    url = reverse("compensation:hours_add", args=[job.pk])
    response = client.post(url, {"date": "2026-04-10", "hours": "2", "description": "Nagesprek"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "De datum ligt na de periode van de opdracht." in body
    assert "Klopt het toch? Vink dan aan dat het klopt." in body
    assert 'value="Nagesprek"' in body and 'value="2026-04-10"' in body
    assert not HourEntry.objects.exists()

    response = client.post(url, {"date": "2026-04-10", "hours": "2", "description": "Nagesprek", "confirm": "on"})
    assert response.status_code == 302
    entry = HourEntry.objects.get()
    assert entry.flags == "after_period"

    client.force_login(coordinator)
    body = client.get(reverse("compensation:approvals")).content.decode()
    assert "Let op:</strong> Na de periode van de opdracht" in body


@time_machine.travel(dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC))
def test_more_than_twice_the_estimate_is_flagged_and_ordinary_hours_are_not(client, orgs, expert, asker, coordinator):
    job = _job(orgs, expert, asker, coordinator)
    client.force_login(expert)
    url = reverse("compensation:hours_add", args=[job.pk])
    assert client.post(url, {"date": "2026-03-10", "hours": "6"}).status_code == 302
    assert HourEntry.objects.get().flags == ""
    response = client.post(url, {"date": "2026-03-11", "hours": "3"})
    assert "Met deze uren komt u op meer dan twee keer de geschatte uren." in response.content.decode()
    assert client.post(url, {"date": "2026-03-11", "hours": "3", "confirm": "on"}).status_code == 302
    assert HourEntry.objects.order_by("pk").last().flags == "over_estimate"
    body = client.get(reverse("compensation:assignment", args=[job.pk])).content.decode()
    assert "Meer dan twee keer de geschatte uren" in body


@time_machine.travel(dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC))
def test_the_service_refuses_unconfirmed_unusual_hours_and_flags_confirmed_ones(orgs, expert, asker, coordinator):
    from django.core.exceptions import ValidationError

    from inzet.compensation import services

    job = _job(orgs, expert, asker, coordinator)
    with pytest.raises(ValidationError, match="vóór de periode"):
        services.hours_log(invitation=job, actor=expert, date=dt.date(2026, 2, 1), hours=D(1), confirm=False)
    entry = services.hours_log(invitation=job, actor=expert, date=dt.date(2026, 2, 1), hours=D(1), confirm=True)
    assert entry.flags == "before_period"
    # A caller that does not ask (demo, import) saves the row, flagged for the coordinator.
    entry = services.hours_log(invitation=job, actor=expert, date=dt.date(2026, 4, 2), hours=D(1))
    assert entry.flags == "after_period"
