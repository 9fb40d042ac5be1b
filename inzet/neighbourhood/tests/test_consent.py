import datetime
import uuid

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.neighbourhood import consent, services
from inzet.neighbourhood.models import Consent, PartnerMessage, Trajectory
from inzet.neighbourhood.retention import anonymise_closed

pytestmark = pytest.mark.django_db


@pytest.fixture
def trajectory(team, expert):
    trajectory, _ = services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="phone")
    return trajectory


@pytest.fixture
def gp(team):
    partner, _ = services.partner_add(team=team, name="Huisarts De Vries", kind="gp", email="praktijk@example.nl")
    return partner


def test_consent_is_recorded_who_when_what_encrypted_and_once(client, expert, trajectory, gp):
    client.force_login(expert)
    url = reverse("neighbourhood:consents", args=[trajectory.pk])
    data = {
        "request_key": str(uuid.uuid4()),
        "partner": gp.pk,
        "purpose": "Terugkoppeling over de afspraak bij de huisarts",
        "given_on": "2026-11-20",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double click records once
    found = Consent.objects.get()
    assert (found.partner, found.recorded_by, str(found.given_on)) == (gp, expert, "2026-11-20")
    assert found.recorded_at is not None and found.revoked_at is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT purpose FROM neighbourhood_consent")
        assert "huisarts" not in cursor.fetchone()[0]
    page = client.get(url).text
    assert "Huisarts De Vries" in page and "Terugkoppeling over de afspraak" in page and "Geldig" in page


def test_a_consent_without_partner_or_purpose_gets_dutch_messages(client, expert, trajectory, gp):
    client.force_login(expert)
    url = reverse("neighbourhood:consents", args=[trajectory.pk])
    response = client.post(url, {"request_key": str(uuid.uuid4()), "purpose": "Voor het overleg"})
    assert response.status_code == 200 and "Dit veld is verplicht." in response.text
    assert "Voor het overleg" in response.text  # nothing typed is lost
    assert not Consent.objects.exists()


def test_a_partner_of_another_team_cannot_be_chosen(client, expert, trajectory, orgs):
    other_team = services.team_create(organisation=orgs.deploying, name="Wijkteam Zuid")
    stranger, _ = services.partner_add(team=other_team, name="Elders")
    client.force_login(expert)
    response = client.post(
        reverse("neighbourhood:consents", args=[trajectory.pk]),
        {"request_key": str(uuid.uuid4()), "partner": stranger.pk, "purpose": "x", "given_on": "2026-11-20"},
    )
    assert response.status_code == 200 and not Consent.objects.exists()


def test_sharing_needs_a_live_consent_and_a_revoke_stops_it_at_once(
    client, expert, trajectory, gp, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(expert)
    send_url = reverse("neighbourhood:partner_message", args=[trajectory.pk])

    def send(text):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(send_url, {"request_key": str(uuid.uuid4()), "partner": gp.pk, "text": text})

    # No consent yet: refused with a Dutch message, the text kept, nothing sent.
    response = send("Mo komt dinsdag")
    assert response.status_code == 200 and "geen toestemming gegeven" in response.text
    assert "Mo komt dinsdag" in response.text
    assert not PartnerMessage.objects.exists() and mailoutbox == []

    given, _ = services.consent_record(
        trajectory=trajectory, partner=gp, by=expert, request_key=uuid.uuid4(), purpose="Afspraken"
    )
    assert send("Mo komt dinsdag").status_code == 302
    assert PartnerMessage.objects.get().consent == given
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["praktijk@example.nl"]
    assert "Mo komt dinsdag" in mailoutbox[0].body

    revoke_url = reverse("neighbourhood:consent_revoke", args=[trajectory.pk, given.pk])
    assert client.post(revoke_url).status_code == 302
    assert client.post(revoke_url).status_code == 302  # twice is once
    given.refresh_from_db()
    assert given.revoked_at is not None and given.revoked_by == expert
    assert consent.may_share(trajectory, gp) is None
    response = send("Nog een bericht")
    assert response.status_code == 200 and "ingetrokken" in response.text
    assert PartnerMessage.objects.count() == 1 and len(mailoutbox) == 1
    assert "Ingetrokken op" in client.get(reverse("neighbourhood:consents", args=[trajectory.pk])).text


def test_the_service_itself_refuses_without_consent(expert, trajectory, gp):
    with pytest.raises(consent.NoConsent):
        services.partner_message_send(trajectory=trajectory, partner=gp, by=expert, request_key=uuid.uuid4(), text="x")


def test_a_revoke_of_another_trajectory_is_404(client, expert, team, trajectory, gp):
    other, _ = services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="phone")
    given, _ = services.consent_record(trajectory=other, partner=gp, by=expert, request_key=uuid.uuid4(), purpose="x")
    client.force_login(expert)
    assert client.post(reverse("neighbourhood:consent_revoke", args=[trajectory.pk, given.pk])).status_code == 404
    given.refresh_from_db()
    assert given.revoked_at is None


def test_partners_are_added_once(client, coordinator, team):
    client.force_login(coordinator)
    url = reverse("neighbourhood:partners", args=[team.pk])
    data = {"name": "Wijkverpleging Noord", "kind": "district_nursing", "email": ""}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert team.partners.count() == 1
    assert "Wijkverpleging Noord" in client.get(url).text


def test_a_partner_is_picked_from_the_social_map_once_and_stays_linked(client, coordinator, team):
    """#15: partners of neighbourhood trajectories come from the social map (network app)."""
    from inzet.network.models import Partner as MapEntry

    entry = MapEntry.objects.create(name="Buurtteam Zuid", kind="welfare", area="Utrecht", email="zuid@example.org")
    MapEntry.objects.create(name="Gesloten loket", kind="other", is_active=False)
    client.force_login(coordinator)
    url = reverse("neighbourhood:partners", args=[team.pk])
    page = client.get(url).text
    assert "Buurtteam Zuid" in page and "Gesloten loket" not in page
    assert client.post(url, {"map_entry": entry.pk}).status_code == 302
    assert client.post(url, {"map_entry": entry.pk}).status_code == 302  # a double click
    partner = team.partners.get()
    assert (partner.name, partner.email, partner.map_entry) == ("Buurtteam Zuid", "zuid@example.org", entry)
    assert reverse("network:partner", args=[entry.pk]) in client.get(url).text
    # an inactive map entry cannot be picked, and nothing typed in the other form is needed
    inactive = MapEntry.objects.get(name="Gesloten loket")
    response = client.post(url, {"map_entry": inactive.pk})
    assert response.status_code == 200 and team.partners.count() == 1


def test_retention_keeps_who_had_consent_but_not_what_was_shared(expert, trajectory, gp):
    services.consent_record(trajectory=trajectory, partner=gp, by=expert, request_key=uuid.uuid4(), purpose="Afspraken")
    services.partner_message_send(trajectory=trajectory, partner=gp, by=expert, request_key=uuid.uuid4(), text="geheim")
    Trajectory.objects.filter(pk=trajectory.pk).update(closed_on=timezone.localdate() - datetime.timedelta(days=400))
    assert anonymise_closed(timezone.now() - datetime.timedelta(days=365)) == 1
    assert Consent.objects.get().purpose == "" and PartnerMessage.objects.get().text == ""
    assert Consent.objects.get().partner == gp
