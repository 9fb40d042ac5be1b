"""No hours before the kennismaking said go, when the request asks for one (engagements.introductions)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from inzet.compensation import services
from inzet.engagements import introductions
from inzet.engagements.tests import factories as f


def _hours(invitation):
    return services.hours_log(
        invitation=invitation,
        actor=invitation.expert.user,
        date=timezone.localdate(),
        hours=Decimal("2"),
        description="Werksessie",
    )


def test_hours_wait_for_the_go_of_everyone(orgs, asker, coordinator, expert):
    request = f.matching(orgs, asker, coordinator, experts_needed=1, getting_to_know=True)
    invitation = f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    with pytest.raises(ValidationError) as exc:
        _hours(invitation)
    assert "Eerst is er een kennismaking" in str(exc.value)
    start = timezone.now() - dt.timedelta(days=1)
    introductions.introduction_plan(
        engagement=request,
        actor=coordinator,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        online=False,
        location="Buurthuis",
        coordinator=coordinator,
    )
    introductions.introduction_outcome(engagement=request, actor=asker, go=True)
    with pytest.raises(ValidationError):
        _hours(invitation)  # the expert has not said go yet
    introductions.introduction_outcome(engagement=request, actor=expert, go=True, invitation=invitation)
    assert _hours(invitation).pk


def test_without_a_kennismaking_hours_are_logged_as_before(orgs, asker, coordinator, expert):
    request = f.running(orgs, asker, coordinator, [f.profile_for(expert, orgs.deploying)])
    assert _hours(request.invitations.get()).pk
