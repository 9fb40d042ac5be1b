from django.core import mail
from django.urls import reverse

from inzet.organisations.models import Membership, PolicySettings, Role


def test_a_coordinator_sees_only_their_own_organisation(client, coordinator, orgs):
    client.force_login(coordinator)
    body = client.get(reverse("organisations:list")).content.decode()
    assert orgs.deploying.name in body
    assert orgs.other_deploying.name not in body
    assert client.get(reverse("organisations:detail", args=[orgs.other_deploying.pk])).status_code == 404


def test_an_asker_sees_only_their_own_organisation(client, asker, orgs):
    client.force_login(asker)
    assert client.get(reverse("organisations:detail", args=[orgs.asker.pk])).status_code == 200
    assert client.get(reverse("organisations:detail", args=[orgs.other_asker.pk])).status_code == 404


def test_an_operator_sees_every_organisation(client, operator, orgs):
    client.force_login(operator)
    body = client.get(reverse("organisations:list")).content.decode()
    assert orgs.deploying.name in body and orgs.other_asker.name in body


def test_an_expert_does_not_see_the_member_list(client, expert, coordinator, orgs):
    client.force_login(expert)
    body = client.get(reverse("organisations:detail", args=[orgs.deploying.pk])).content.decode()
    assert coordinator.full_name not in body


def test_a_coordinator_adds_an_expert_who_gets_a_mail(client, coordinator, orgs, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:member_add", args=[orgs.deploying.pk]),
            {"full_name": "Nieuwe Nina", "email": "Nina@Test.nl", "role": Role.EXPERT},
        )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="nina@test.nl")
    assert membership.role == Role.EXPERT
    assert membership.user.created_on_behalf_by == coordinator
    assert not membership.user.has_usable_password()
    assert len(mail.outbox) == 1
    assert "/account/wachtwoord-herstellen/" in mail.outbox[0].body


def test_adding_keeps_the_input_and_explains_bad_input(client, coordinator, orgs):
    client.force_login(coordinator)
    response = client.post(
        reverse("organisations:member_add", args=[orgs.deploying.pk]),
        {"full_name": "Nieuwe Nina", "email": "geen-mailadres", "role": Role.EXPERT},
    )
    body = response.content.decode()
    assert "Dit is geen geldig e-mailadres." in body
    assert 'value="Nieuwe Nina"' in body
    assert not Membership.objects.filter(user__full_name="Nieuwe Nina").exists()


def test_a_role_that_does_not_fit_the_organisation_is_refused(client, coordinator, orgs):
    client.force_login(coordinator)
    response = client.post(
        reverse("organisations:member_add", args=[orgs.deploying.pk]),
        {"full_name": "Vera Vrager", "email": "vera@test.nl", "role": Role.ASKER},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email="vera@test.nl").exists()


def test_a_coordinator_cannot_add_people_to_another_organisation(client, coordinator, orgs):
    client.force_login(coordinator)
    url = reverse("organisations:member_add", args=[orgs.other_deploying.pk])
    assert client.get(url).status_code == 404


def test_an_expert_cannot_add_people(client, expert, orgs):
    client.force_login(expert)
    assert client.get(reverse("organisations:member_add", args=[orgs.deploying.pk])).status_code == 403


def test_a_coordinator_can_stop_a_role_but_not_their_own(client, coordinator, expert, orgs):
    client.force_login(coordinator)
    own = Membership.objects.get(user=coordinator)
    other = Membership.objects.get(user=expert)
    assert client.post(reverse("organisations:member_deactivate", args=[orgs.deploying.pk, own.pk])).status_code == 403
    client.post(reverse("organisations:member_deactivate", args=[orgs.deploying.pk, other.pk]))
    other.refresh_from_db()
    assert other.is_active is False


def test_the_operator_edits_the_policy_switches(client, operator):
    client.force_login(operator)
    response = client.post(
        reverse("organisations:policy"),
        {"brokerage": "on", "reviews": "on", "public_register": "on", "two_factor_for_staff": "on"},
    )
    assert response.status_code == 302
    policy = PolicySettings.current()
    assert policy.reviews is True
    assert policy.payment_through_platform is False
    assert policy.updated_by == operator


def test_only_the_operator_edits_the_policy(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("organisations:policy")).status_code == 403


def test_the_operator_sees_how_many_experts_but_not_their_names(client, operator, coordinator, expert, orgs):
    from conftest import make_person

    make_person("expert2@test.nl", "Tweede Expert", [(orgs.deploying, Role.EXPERT)])
    client.force_login(operator)
    body = client.get(reverse("organisations:detail", args=[orgs.deploying.pk])).content.decode()
    assert expert.full_name not in body and "Tweede Expert" not in body
    assert "2 ervaringsdeskundigen" in body
    assert coordinator.full_name in body  # staff stay named: the operator manages their roles


def test_the_coordinator_still_sees_the_names_of_their_experts(client, coordinator, expert, orgs):
    client.force_login(coordinator)
    body = client.get(reverse("organisations:detail", args=[orgs.deploying.pk])).content.decode()
    assert expert.full_name in body
