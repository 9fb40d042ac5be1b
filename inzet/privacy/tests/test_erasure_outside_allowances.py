"""Erasure reaches the allowances an expert declared from outside Inzet."""

import datetime as dt
from decimal import Decimal as D

from inzet.compensation import services
from inzet.compensation.models import ExternalAllowance
from inzet.compensation.tests import factories as f
from inzet.privacy.erasure import profile_strip


def test_erasing_a_profile_removes_its_outside_allowances(orgs, expert):
    profile = f.profile_for(expert, orgs.deploying)
    services.external_allowance_save(
        expert=profile, actor=expert, organisation_name="Kerk", amount=D(30), from_month=dt.date(2025, 1, 1)
    )
    assert profile_strip(profile=profile) is True
    assert not ExternalAllowance.objects.filter(expert=profile).exists()
