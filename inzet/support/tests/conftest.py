import pytest

from conftest import make_person
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role


@pytest.fixture
def profile(expert, orgs):
    return ExpertProfile.objects.create(user=expert, organisation=orgs.deploying, phone="06 1234 5678")


@pytest.fixture
def fellow(orgs):
    user = make_person("fellow@test.nl", "Fien Fellow", [(orgs.deploying, Role.EXPERT)])
    return ExpertProfile.objects.create(user=user, organisation=orgs.deploying, phone="06 8765 4321")


@pytest.fixture
def stranger(orgs):
    """An expert of another organisation."""
    user = make_person("vreemd@test.nl", "Vera Vreemd", [(orgs.other_deploying, Role.EXPERT)])
    return ExpertProfile.objects.create(user=user, organisation=orgs.other_deploying)
