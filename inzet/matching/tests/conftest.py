"""Requests and experts for the matching tests, built on the shared personas (see /conftest.py)."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_person, term
from inzet.engagements.models import EngagementRequest
from inzet.engagements.tests import factories as f
from inzet.experts.models import Audience, ExpertCompetence, ExpertExperience, ExpertProfile
from inzet.organisations.models import Membership, Role
from inzet.taxonomy.models import PostcodeArea

_numbers = itertools.count(1)

REQUEST_AREAS = ("poverty_debt", "addiction")
REQUEST_ROLE = "policy_influencer"


def make_expert(
    organisation,
    *,
    name: str | None = None,
    user=None,
    areas: dict[str, int] | None = None,
    roles: tuple[str, ...] = (REQUEST_ROLE,),
    competences: dict[str, bool] | None = None,
    languages: tuple[str, ...] = ("nl",),
    level: str | None = "expertise",
    unwanted: tuple[tuple[str, str], ...] = (),
    **fields,
) -> ExpertProfile:
    """An active, willing expert; `areas` maps an experience area code to its visibility."""
    if user is None:
        n = next(_numbers)
        user = make_person(f"ervaring{n}@test.nl", name or f"Ervaringsdeskundige {n}", [(organisation, Role.EXPERT)])
    profile = ExpertProfile.objects.create(
        user=user, organisation=organisation, level=term("level", level) if level else None, **fields
    )
    for code, visibility in (areas if areas is not None else {"poverty_debt": Audience.COORDINATORS}).items():
        ExpertExperience.objects.create(
            profile=profile,
            description="Mijn verhaal",
            visibility=visibility,
            **ExpertExperience.area_fields(term("experience_area", code).pk, visibility),
        )
    for code, confirmed in (competences or {}).items():
        ExpertCompetence.objects.create(
            profile=profile, competence=term("competence", code), confirmed_by=user if confirmed else None
        )
    profile.wanted_roles.set([term("role", code) for code in roles])
    profile.languages.set([term("language", code) for code in languages])
    profile.unwanted.set([term(vocabulary, code) for vocabulary, code in unwanted])
    return profile


def make_request(orgs, asker, coordinator, **fields) -> EngagementRequest:
    """A request in the matching state: poverty and addiction, a policy role, next week, in Utrecht."""
    start = timezone.localdate() + timedelta(days=7)
    area = PostcodeArea.objects.order_by("pc4").first()
    request = f.matching(orgs, asker, coordinator)
    values = {
        "role": term("role", REQUEST_ROLE),
        "min_level": term("level", "expertise"),
        "start_date": start,
        "end_date": start + timedelta(days=4),
        "area": area,
        "online": False,
        "experts_needed": 2,
        **fields,
    }
    EngagementRequest.objects.filter(pk=request.pk).update(**values)
    request.refresh_from_db()
    request.experience_areas.set([term("experience_area", code) for code in REQUEST_AREAS])
    request.languages.set([term("language", "nl")])
    return request


@pytest.fixture
def matching_request(orgs, asker, coordinator):
    return make_request(orgs, asker, coordinator)


def make_coordinator_expert(coordinator, orgs) -> ExpertProfile:
    """The coordinator is also an expert of the same organisation, a perfect fit on paper."""
    Membership.objects.create(user=coordinator, organisation=orgs.deploying, role=Role.EXPERT)
    return make_expert(
        orgs.deploying,
        user=coordinator,
        areas={code: Audience.PUBLIC for code in REQUEST_AREAS},
        level="professional",
    )


@pytest.fixture
def coordinator_expert(coordinator, orgs):
    return make_coordinator_expert(coordinator, orgs)
