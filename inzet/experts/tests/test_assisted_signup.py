"""A coordinator signs someone up, keeps the profile on their behalf, and prints it to check."""

from django.core import mail
from django.urls import reverse

from conftest import term
from inzet.accounts.models import User
from inzet.experts.models import AccessLog, ExpertProfile
from inzet.experts.tests.conftest import SECRET
from inzet.organisations.models import Membership, Role


def _signup(client, **data):
    return client.post(reverse("experts:assisted_signup"), {"full_name": "Nina Nieuw", **data})


def test_a_coordinator_signs_someone_up_who_gets_an_invite(
    client, coordinator, orgs, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, email="Nina@Test.nl", invite="on", organisation=orgs.deploying.pk)
    profile = ExpertProfile.objects.get(user__email="nina@test.nl")
    assert response.url == reverse("experts:wizard_for", args=[profile.pk, 1])
    assert profile.managed_by == coordinator and profile.organisation == orgs.deploying
    assert profile.consent_matching is False
    user = profile.user
    assert user.created_on_behalf_by == coordinator and not user.has_usable_password()
    assert Membership.objects.filter(user=user, organisation=orgs.deploying, role=Role.EXPERT, is_active=True).exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@test.nl"]
    assert "/account/wachtwoord-herstellen/" in mail.outbox[0].body and "Cor Coördinator" in mail.outbox[0].body


def test_someone_without_e_mail_can_be_signed_up_and_the_placeholder_is_never_shown(
    client, coordinator, orgs, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, email="", organisation=orgs.deploying.pk)
    profile = ExpertProfile.objects.get(user__full_name="Nina Nieuw")
    assert profile.user.email.endswith(".invalid")
    assert mail.outbox == []
    body = client.get(reverse("experts:print", args=[profile.pk])).content.decode()
    assert ".invalid" not in body


def test_an_invite_needs_an_e_mail_address(client, coordinator, orgs):
    client.force_login(coordinator)
    response = _signup(client, email="", invite="on", organisation=orgs.deploying.pk)
    body = response.content.decode()
    assert "Vul een e-mailadres in als de persoon een e-mail moet krijgen." in body
    assert 'value="Nina Nieuw"' in body
    assert not User.objects.filter(full_name="Nina Nieuw").exists()


def test_someone_who_already_has_a_profile_is_not_signed_up_twice(client, coordinator, orgs, expert_profile):
    client.force_login(coordinator)
    response = _signup(client, email="expert@test.nl", organisation=orgs.deploying.pk)
    assert "Deze persoon heeft al een profiel." in response.content.decode()
    assert ExpertProfile.objects.count() == 1


def test_a_coordinator_cannot_sign_up_people_for_another_organisation(client, coordinator, orgs):
    client.force_login(coordinator)
    response = _signup(client, email="", organisation=orgs.other_deploying.pk)
    assert response.status_code == 200
    assert not ExpertProfile.objects.exists()


def test_the_coordinator_runs_the_same_wizard_on_the_persons_behalf(client, coordinator, orgs):
    client.force_login(coordinator)
    _signup(client, email="", organisation=orgs.deploying.pk)
    profile = ExpertProfile.objects.get(user__full_name="Nina Nieuw")

    def step(n):
        return reverse("experts:wizard_for", args=[profile.pk, n])

    body = client.get(step(1)).content.decode()
    assert "Stap 1 van 5" in body and "Dit profiel wordt bijgehouden door Cor Coördinator namens Nina Nieuw." in body
    assert client.post(step(1), {"full_name": "Nina Nieuw", "travel_radius_km": "10"}).url == step(2)
    poverty = term("experience_area", "poverty_debt")
    client.post(step(2), {f"area_{poverty.pk}": "on", f"story_{poverty.pk}": "Verteld aan de coördinator"})
    assert client.post(step(3), {"work_form": "volunteer", "reward_form": "voucher"}).url == step(4)
    assert client.post(step(4), {"hours_per_week": "2", "needs": ["paper"]}).url == step(5)
    visibility = {
        f"vis_{i}": "1" for i in ("name", "contact", "level", "roles", "competences", "training", "languages")
    }
    visibility.update(
        {f"vis_{i}": "1" for i in ("region", "availability", "work_form", "benefit", "needs", "does_not_want")}
    )
    visibility.update({f"vis_{i}": "1" for i in ("represents", "background", "qualities", "skills")})
    response = client.post(step(5), {**visibility, f"exp_{poverty.pk}": "0", "consent_matching": "on"})
    assert response.url == reverse("experts:summary_for", args=[profile.pk])
    body = client.get(response.url).content.decode()
    assert "Verteld aan de coördinator" in body
    profile.refresh_from_db()
    assert profile.consent_matching and profile.reward_form == "voucher"
    # Reading the story and needs on someone's behalf is logged for the person.
    assert AccessLog.objects.filter(profile=profile, viewer=coordinator, item="experience").exists()
    assert AccessLog.objects.filter(profile=profile, viewer=coordinator, item="needs").exists()


def test_the_print_view_has_the_whole_profile_boxes_and_a_signature_line(client, coordinator, managed_profile):
    client.force_login(coordinator)
    body = client.get(reverse("experts:print", args=[managed_profile.pk])).content.decode()
    assert "Profiel van Eef Expert" in body
    assert "Dit profiel wordt bijgehouden door Cor Coördinator namens Eef Expert." in body
    assert body.count('class="inzet-print-box"') >= 10
    assert "Handtekening" in body and "______" in body
    assert 'class="inzet-actions inzet-no-print"' in body and "data-inzet-print" in body  # inzet.js prints
    # The person checks everything on paper, the keeper prints it on their behalf.
    assert SECRET in body and "Wajong" in body
    assert set(AccessLog.objects.filter(viewer=coordinator).values_list("context", flat=True)) == {"print"}
    assert set(AccessLog.objects.filter(viewer=coordinator).values_list("item", flat=True)) == {
        "experience",
        "benefit",
        "needs",
        "does_not_want",
    }


def test_the_managed_list_shows_the_profiles_kept_on_someones_behalf(
    client, coordinator, other_coordinator, managed_profile
):
    client.force_login(coordinator)
    body = client.get(reverse("experts:managed_list")).content.decode()
    assert "Eef Expert" in body and reverse("experts:detail", args=[managed_profile.pk]) in body
    assert reverse("experts:assisted_signup") in body
    client.force_login(other_coordinator)
    assert "Eef Expert" not in client.get(reverse("experts:managed_list")).content.decode()


def test_the_coordinator_home_page_links_to_assisted_sign_up(client, coordinator):
    client.force_login(coordinator)
    assert reverse("experts:managed_list") in client.get(reverse("dashboard:home")).content.decode()
