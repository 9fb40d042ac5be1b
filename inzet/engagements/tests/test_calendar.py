from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from inzet.engagements import services
from inzet.engagements.models import Invitation
from inzet.engagements.tests import factories as f


def _session(request, coordinator, title="Werkgroep", days=3):
    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return services.session_add(
        engagement=request,
        actor=coordinator,
        data={"title": title, "starts_at": start, "ends_at": start + timedelta(hours=2), "location": "Stadhuis"},
    )


def _events(content: bytes) -> list:
    return [c for c in Calendar.from_ical(content).walk("VEVENT")]


def test_a_request_calendar_has_its_sessions(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    session = _session(request, coordinator)
    client.force_login(asker)
    response = client.get(reverse("engagements:request_calendar", args=[request.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    (event,) = _events(response.content)
    assert str(event["uid"]) == f"{session.uid}@inzet"
    assert event.decoded("dtstart") == session.starts_at
    assert "Werkgroep" in str(event["summary"]) and str(event["location"]) == "Stadhuis"


def test_the_private_feed_follows_what_each_person_may_see(
    client, asker, coordinator, orgs, expert, expert_profile, pool
):
    mine = f.matching(orgs, asker, coordinator, title="Met mij")
    f.accept(f.invite(mine, expert_profile, coordinator))
    _session(mine, coordinator, title="Mijn sessie")
    other = f.matching(orgs, asker, coordinator, title="Zonder mij")
    f.invite(other, expert_profile, coordinator)  # invited, not accepted
    _session(other, coordinator, title="Andere sessie")

    def titles(user):
        token = services.calendar_feed_get(user=user).token
        response = client.get(reverse("engagements:feed", args=[token]))
        assert response.status_code == 200
        return {str(e["summary"]).split(" – ")[0] for e in _events(response.content)}

    client.logout()  # calendar apps do not log in
    assert titles(expert) == {"Mijn sessie"}
    assert titles(asker) == {"Mijn sessie", "Andere sessie"}
    assert titles(coordinator) == {"Mijn sessie", "Andere sessie"}
    assert titles(pool[0].user) == set()


def test_other_organisations_do_not_get_the_sessions(client, asker, coordinator, other_coordinator, other_asker, orgs):
    request = f.matching(orgs, asker, coordinator)
    _session(request, coordinator)
    for user in (other_coordinator, other_asker):
        token = services.calendar_feed_get(user=user).token
        assert _events(client.get(reverse("engagements:feed", args=[token])).content) == []
        client.force_login(user)
        assert client.get(reverse("engagements:request_calendar", args=[request.pk])).status_code == 404


def test_a_renewed_feed_address_replaces_the_old_one(client, asker):
    old = services.calendar_feed_get(user=asker).token
    client.force_login(asker)
    page = client.get(reverse("engagements:calendar")).content.decode()
    assert old in page
    client.post(reverse("engagements:calendar_renew"))
    new = services.calendar_feed_get(user=asker).token
    assert new != old
    assert client.get(reverse("engagements:feed", args=[old])).status_code == 404
    assert client.get(reverse("engagements:feed", args=[new])).status_code == 200


def test_the_feed_of_a_deactivated_person_stops(client, asker):
    token = services.calendar_feed_get(user=asker).token
    asker.is_active = False
    asker.save()
    assert client.get(reverse("engagements:feed", args=[token])).status_code == 404


def test_sessions_of_a_cancelled_request_are_marked_cancelled(client, asker, coordinator, orgs, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    f.accept(f.invite(request, expert_profile, coordinator))
    _session(request, coordinator)
    services.request_cancel(engagement=request, actor=asker, as_="asker")
    token = services.calendar_feed_get(user=asker).token
    (event,) = _events(client.get(reverse("engagements:feed", args=[token])).content)
    assert str(event["status"]) == "CANCELLED"
    assert not Invitation.objects.filter(state="pending").exists()


def test_sessions_can_only_be_planned_while_the_request_is_on(asker, coordinator, orgs):
    import pytest
    from django.core.exceptions import ValidationError

    request = f.submitted(orgs, asker)
    with pytest.raises(ValidationError):
        _session(request, coordinator)
