"""Plausibility: unusual hours are flagged, short or chairless whole-team meetings get a warning."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.engagements import plausibility as p
from inzet.engagements.models import Session
from inzet.engagements.tests import factories as f

days = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31))
amounts = st.decimals(min_value=0, max_value=200, places=1, allow_nan=False, allow_infinity=False)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    date=days, start=st.none() | days, end=st.none() | days, hours=amounts, before=amounts, estimate=st.none() | amounts
)
def test_hours_are_flagged_exactly_when_outside_the_period_or_over_twice_the_estimate(
    date, start, end, hours, before, estimate
):
    flags = p.hour_flags(date=date, start=start, end=end, hours=hours, hours_before=before, estimate=estimate)
    assert (p.HourFlag.BEFORE_PERIOD in flags) == (start is not None and date < start)
    assert (p.HourFlag.AFTER_PERIOD in flags) == (end is not None and date > end)
    over = estimate is not None and estimate > 0 and before + hours > 2 * estimate
    assert (p.HourFlag.OVER_ESTIMATE in flags) == over


def test_exactly_twice_the_estimate_is_still_fine():
    flags = p.hour_flags(
        date=dt.date(2026, 5, 1), start=None, end=None, hours=Decimal(4), hours_before=Decimal(16), estimate=Decimal(10)
    )
    assert flags == []


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(list(p.SessionKind)), minutes=st.integers(1, 600), chair=st.sampled_from(["", " ", "Ria"]))
def test_only_a_whole_team_meeting_needs_two_hours_and_a_chair(kind, minutes, chair):
    warnings = p.session_warnings(kind=kind, minutes=minutes, chair=chair)
    whole = kind == p.SessionKind.WHOLE_TEAM
    assert (p.SessionWarning.TOO_SHORT in warnings) == (whole and minutes < 120)
    assert (p.SessionWarning.NO_CHAIR in warnings) == (whole and not chair.strip())


def _session_post(**changes):
    data = {
        "title": "Projectoverleg",
        "day": (dt.date.today() + dt.timedelta(days=7)).isoformat(),
        "start": "13:00",
        "end": "14:00",
        "location": "Stadhuis",
        "kind": "whole_team",
        "chair": "",
    }
    return {**data, **changes}


def test_a_one_hour_whole_team_meeting_without_a_chair_is_saved_with_a_warning(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("engagements:session_add", args=[request.pk]), _session_post(), follow=True)
    body = response.content.decode()
    assert "Let op: Een bijeenkomst met het hele team duurt minstens 2 uur." in body
    assert "Let op: Een bijeenkomst met het hele team heeft een onafhankelijke gespreksleider." in body
    session = Session.objects.get(request=request)
    assert session.kind == "whole_team" and len(session.warnings) == 2


def test_a_two_hour_chaired_meeting_or_an_experts_only_meeting_gets_no_warning(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    url = reverse("engagements:session_add", args=[request.pk])
    body = client.post(url, _session_post(end="15:00", chair="Ria de Vries"), follow=True).content.decode()
    assert "Let op" not in body and "Gespreksleider: Ria de Vries" in body
    body = client.post(url, _session_post(title="Voorbespreking", kind="experts_only"), follow=True).content.decode()
    assert "Let op" not in body and "Alleen de ervaringsdeskundigen" in body


def test_the_chair_of_the_agreement_is_suggested(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    f.with_agreement(request, coordinator, meeting_chair="Ria de Vries")
    client.force_login(coordinator)
    body = client.get(reverse("engagements:session_add", args=[request.pk])).content.decode()
    assert 'value="Ria de Vries"' in body
