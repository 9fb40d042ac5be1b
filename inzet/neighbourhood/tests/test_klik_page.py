"""The klik page: the resident's wishes, the team's experts in order with reasons, the resident agrees."""

import uuid

import pytest
from django.urls import reverse

from inzet.accounts.models import User
from inzet.neighbourhood import services
from inzet.neighbourhood.models import ResidentPreferences, TeamMember

pytestmark = pytest.mark.django_db


def _two_members_and_a_trajectory(team, expert, **expert_fields):
    """The team's expert (a man who knows Zuilen) and Fatima (a woman who knows Noord, administration)."""
    TeamMember.objects.filter(team=team, user=expert).update(gender="man", knows_areas="Zuilen", **expert_fields)
    fitting = User.objects.create_user(email="fatima@test.nl", password="x", full_name="Fatima Fit")
    services.team_member_add(team=team, user=fitting)
    TeamMember.objects.filter(team=team, user=fitting).update(
        gender="vrouw", knows_areas="Noord", experience_domains="administration"
    )
    trajectory, _ = services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="phone")
    return fitting, trajectory


def test_the_best_fit_comes_first_with_reasons_and_the_resident_agrees(
    client, team, expert, coordinator, django_assert_max_num_queries
):
    fitting, trajectory = _two_members_and_a_trajectory(team, expert)
    client.force_login(coordinator)
    url = reverse("neighbourhood:klik", args=[trajectory.pk])
    response = client.post(url, {"expert_gender": "vrouw", "neighbourhood": "Noord", "domains": ["administration"]})
    assert response.status_code == 302
    with django_assert_max_num_queries(20):
        page = client.get(url).content.decode()
    assert page.index("Fatima Fit") < page.index(expert.full_name) and "Kent de wijk goed." in page
    assert "100%" in page
    response = client.post(reverse("neighbourhood:klik_agree", args=[trajectory.pk]), {"expert": fitting.pk})
    assert response.status_code == 302
    prefs = ResidentPreferences.objects.get(trajectory=trajectory)
    assert prefs.agreed_expert == fitting and fitting in trajectory.experts.all()


def test_a_bad_age_gets_a_dutch_message_and_nothing_is_saved(client, team, expert):
    trajectory, _ = services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="phone")
    client.force_login(expert)
    response = client.post(reverse("neighbourhood:klik", args=[trajectory.pk]), {"age": "oud"})
    assert response.status_code == 200 and "geheel getal in" in response.content.decode()
    assert not ResidentPreferences.objects.exists()


KLIK_DUTCH = ["Geslacht", "Ervaring die past", "Wijk", "Leeftijd", "Zoals de bewoner", "Niet wat de bewoner",
              "Ervaring met", "Geen ervaring", "Kent de wijk", "Kent deze wijk", "Scheelt", "Spreekt"]  # fmt: skip


def test_the_reasons_are_in_english_on_the_english_page(client, settings, team, expert, coordinator):
    _fitting, trajectory = _two_members_and_a_trajectory(team, expert, birth_year=1980)
    client.force_login(coordinator)
    url = reverse("neighbourhood:klik", args=[trajectory.pk])
    wishes = {"expert_gender": "vrouw", "neighbourhood": "Noord", "domains": ["administration"], "age": "40"}
    assert client.post(url, wishes).status_code == 302
    dutch = client.get(url).content.decode()
    assert "Geslacht: Zoals de bewoner het liefst heeft." in dutch and "Wijk: Kent deze wijk niet speciaal." in dutch
    assert "Leeftijd: Leeftijd niet bekend." in dutch and "Ervaring die past: Ervaring met " in dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content.decode()
    reasons = english[english.index("<tbody>") : english.index("</tbody>")]
    assert "Neighbourhood: Knows the neighbourhood well." in reasons and "Experience with " in reasons
    assert "years apart" in reasons or "year apart" in reasons
    assert [word for word in KLIK_DUTCH if word in reasons] == []
