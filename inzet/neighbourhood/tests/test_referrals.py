import datetime
import uuid

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.neighbourhood import rules, services
from inzet.neighbourhood.models import Referral, Trajectory
from inzet.neighbourhood.retention import anonymise_closed

pytestmark = pytest.mark.django_db


def _data(**extra):
    return {
        "request_key": str(uuid.uuid4()),
        "partner_name": "Huisartsenpraktijk Noord",
        "partner_kind": "gp",
        "referrer_contact": "Dr. Jansen, 030-1234567",
        "resident_name": "Mohamed Bakkali",
        "resident_reach": "06-12345678, liefst 's middags",
        "question": "Wil graag iemand om mee naar de schuldhulp te gaan",
        "resident_consents": "on",
        **extra,
    }


def test_a_partner_refers_without_an_account_once_and_sees_only_the_status(client, team):
    url = reverse("neighbourhood:referral_new", args=[team.pk])
    page = client.get(url).text
    assert "U heeft geen account nodig" in page and "Geen diagnoses of medische gegevens" in page
    assert "website_url" in page  # the honeypot
    data = _data()
    first = client.post(url, data)
    again = client.post(url, data)  # a double click
    assert first.status_code == again.status_code == 302 and first.url == again.url
    referral = Referral.objects.get()
    assert (referral.team, referral.status, referral.resident_name) == (team, "new", "Mohamed Bakkali")
    with connection.cursor() as cursor:
        cursor.execute("SELECT resident_name, resident_reach, question, referrer_contact FROM neighbourhood_referral")
        assert "Bakkali" not in "".join(cursor.fetchone())
    status = client.get(first.url).text
    assert "Ontvangen" in status
    assert "Bakkali" not in status and "schuldhulp" not in status and "06-1234" not in status


def test_without_the_residents_consent_nothing_is_sent_and_nothing_is_lost(client, team):
    url = reverse("neighbourhood:referral_new", args=[team.pk])
    response = client.post(url, _data(resident_consents=""))
    assert response.status_code == 200
    assert "Verwijs alleen als de bewoner het weet en het goed vindt." in response.text
    assert "schuldhulp" in response.text
    response = client.post(url, _data(resident_reach="", referrer_contact=""))
    assert "Vul in hoe we de bewoner bereiken" in response.text
    assert not Referral.objects.exists()


def test_a_bot_filling_the_honeypot_or_a_flood_is_refused(client, team):
    url = reverse("neighbourhood:referral_new", args=[team.pk])
    response = client.post(url, _data(website_url="http://spam.example"))
    assert response.status_code == 200 and "niet verstuurd" in response.text
    assert not Referral.objects.exists()
    for _ in range(rules.MAX_REFERRALS_PER_HOUR):
        services.referral_submit(
            team=team, request_key=uuid.uuid4(), partner_name="x", partner_kind="gp", resident_consents=True
        )
    response = client.post(url, _data())
    assert response.status_code == 200 and "te veel verwijzingen" in response.text
    assert Referral.objects.count() == rules.MAX_REFERRALS_PER_HOUR


def test_the_team_takes_a_referral_on_once_and_it_becomes_a_trajectory(client, expert, team):
    client.post(reverse("neighbourhood:referral_new", args=[team.pk]), _data())
    referral = Referral.objects.get()
    client.force_login(expert)
    queue = client.get(reverse("neighbourhood:referral_queue", args=[team.pk])).text
    assert "Huisartsenpraktijk Noord" in queue and "schuldhulp" in queue
    url = reverse("neighbourhood:referral_take_on", args=[referral.pk])
    first, again = client.post(url), client.post(url)
    trajectory = Trajectory.objects.get()
    assert first.url == again.url == reverse("neighbourhood:trajectory", args=[trajectory.pk])
    assert (trajectory.channel, trajectory.referrer, trajectory.resident.name) == (
        "referral",
        "Huisartsenpraktijk Noord",
        "Mohamed Bakkali",
    )
    assert expert in trajectory.experts.all()
    referral.refresh_from_db()
    assert (referral.status, referral.trajectory, referral.decided_by) == ("taken_on", trajectory, expert)
    # Too late to decline; the partner sees "Aangenomen" and nothing else.
    client.post(reverse("neighbourhood:referral_decline", args=[referral.pk]), {"reason": "vol"})
    referral.refresh_from_db()
    assert referral.status == "taken_on"
    client.logout()
    assert "Aangenomen" in client.get(reverse("neighbourhood:referral_status", args=[referral.status_token])).text


def test_declining_needs_a_reason(client, coordinator, team):
    referral, _ = services.referral_submit(
        team=team,
        request_key=uuid.uuid4(),
        partner_name="GGZ",
        partner_kind="mental_health",
        resident_reach="06",
        resident_consents=True,
    )
    client.force_login(coordinator)
    url = reverse("neighbourhood:referral_decline", args=[referral.pk])
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Geef een reden op" in response.text
    referral.refresh_from_db()
    assert referral.status == "new"
    client.post(url, {"reason": "Buiten ons gebied; doorverwezen naar Wijkteam Zuid"})
    referral.refresh_from_db()
    assert referral.status == "declined" and referral.decline_reason.startswith("Buiten")
    # A declined referral is not taken on afterwards.
    client.post(reverse("neighbourhood:referral_take_on", args=[referral.pk]))
    assert not Trajectory.objects.exists()


def test_an_outsider_cannot_take_on_another_teams_referral(client, other_coordinator, team):
    referral, _ = services.referral_submit(
        team=team, request_key=uuid.uuid4(), partner_name="GGZ", partner_kind="mental_health", resident_consents=True
    )
    client.force_login(other_coordinator)
    assert client.post(reverse("neighbourhood:referral_take_on", args=[referral.pk])).status_code == 404
    assert not Trajectory.objects.exists()


def test_referrals_not_taken_on_keep_nothing_personal_after_the_period(team):
    referral, _ = services.referral_submit(
        team=team,
        request_key=uuid.uuid4(),
        partner_name="GGZ",
        partner_kind="mental_health",
        resident_name="Mo",
        resident_consents=True,
    )
    Referral.objects.filter(pk=referral.pk).update(received_at=timezone.now() - datetime.timedelta(days=400))
    anonymise_closed(timezone.now() - datetime.timedelta(days=365))
    referral.refresh_from_db()
    assert referral.resident_name == "" and referral.partner_name == "GGZ"
