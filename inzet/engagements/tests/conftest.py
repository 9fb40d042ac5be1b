import pytest

from conftest import make_person
from inzet.engagements.models import EngagementRequest, RequestStatus
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role


@pytest.fixture
def matching_request(asker, orgs):
    return EngagementRequest.objects.create(
        asker_organisation=orgs.asker,
        deploying_organisation=orgs.deploying,
        created_by=asker,
        title="Meedenken over armoedebeleid",
        goal="Beleid toetsen aan ervaringen van inwoners",
        experts_needed=2,
        status=RequestStatus.MATCHING,
    )


@pytest.fixture
def pool(orgs):
    """Three active experts of the deploying organisation."""
    people = []
    for i in range(3):
        user = make_person(f"pool{i}@test.nl", f"Pool {i}", [(orgs.deploying, Role.EXPERT)])
        people.append(ExpertProfile.objects.create(user=user, organisation=orgs.deploying))
    return people
