"""Team members read residents' records: two-step login applies to them on pages and the API."""

from django.urls import reverse

from conftest import PASSWORD
from inzet.neighbourhood.models import Team, TeamMember


def _password_only(client, email: str):
    response = client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302


def test_an_expert_in_a_neighbourhood_team_needs_two_step_when_enforced(client, expert, orgs, settings):
    """Team members read residents' records; an expert outside any team does not need it."""
    settings.TWO_FACTOR_ENFORCED = True
    _password_only(client, expert.email)
    assert client.get("/api/me").status_code == 200
    team = Team.objects.create(name="Wijkteam Noord", organisation=orgs.deploying)
    member = TeamMember.objects.create(team=team, user=expert)
    assert client.get("/api/me").status_code == 403
    assert client.get(reverse("dashboard:home")).url == reverse("accounts:two_factor_setup")
    member.is_active = False
    member.save()
    assert client.get("/api/me").status_code == 200
