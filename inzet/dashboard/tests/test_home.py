import pytest
from django.urls import reverse

from conftest import make_person
from inzet.organisations.models import Role


def test_anonymous_visitors_see_the_welcome_page(client, db):
    response = client.get(reverse("dashboard:home"))
    assert "Welkom bij Inzet" in response.content.decode()


@pytest.mark.parametrize(
    "persona,expected",
    [
        ("operator", "Beleid instellen"),
        ("coordinator", "Mensen bekijken"),
        ("trainer", "U begeleidt ervaringsdeskundigen"),
        ("expert", "Naar mijn account"),
        ("asker", "Naar uw organisatie"),
        ("outsider", "U heeft nog geen rol"),
    ],
)
def test_each_role_sees_what_to_do_next(client, personas, persona, expected):
    client.force_login(personas[persona])
    assert expected in client.get(reverse("dashboard:home")).content.decode()


def test_someone_with_two_roles_sees_both(client, orgs):
    person = make_person(
        "dubbel@test.nl", "Dubbel", [(orgs.deploying, Role.COORDINATOR), (orgs.other_deploying, Role.EXPERT)]
    )
    client.force_login(person)
    body = client.get(reverse("dashboard:home")).content.decode()
    assert "Als Coördinator" in body and "Als Ervaringsdeskundige" in body


def test_the_home_page_uses_a_bounded_number_of_queries(client, coordinator, orgs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    counts = []
    for batch in range(2):
        for i in range(5 if batch == 0 else 40):
            make_person(f"e{batch}-{i}@test.nl", f"Expert {i}", [(orgs.deploying, Role.EXPERT)])
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("dashboard:home"))
        counts.append(len(queries))
    assert counts[0] == counts[1], "the number of queries must not grow with the data"
    # Each app that adds a home-page step (support, neighbourhood, training, knowledge, …) adds a fixed
    # number of queries; what matters is that the number does not grow with the data (above).
    assert counts[0] <= 25


def test_the_member_list_uses_a_bounded_number_of_queries(client, coordinator, orgs, django_assert_max_num_queries):
    for i in range(40):
        make_person(f"m{i}@test.nl", f"Lid {i}", [(orgs.deploying, Role.EXPERT)])
    client.force_login(coordinator)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("organisations:detail", args=[orgs.deploying.pk]))
    assert "Lid 39" in response.content.decode()


def test_the_welcome_page_leads_to_applying_the_register_the_toolkit_and_the_helpdesk(
    client, db, django_assert_max_num_queries
):
    from inzet.organisations.models import Organisation, PolicySettings
    from inzet.recruitment.models import RecruitmentPage

    open_org = Organisation.objects.create(name="Stem", slug="stem", kind=Organisation.Kind.DEPLOYING)
    closed_org = Organisation.objects.create(name="Dicht", slug="dicht", kind=Organisation.Kind.DEPLOYING)
    RecruitmentPage.objects.create(organisation=open_org)
    RecruitmentPage.objects.create(organisation=closed_org, is_open=False)
    with django_assert_max_num_queries(6):
        body = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("recruitment:apply", args=["stem"]) in body
    assert "Aanmelden als ervaringsdeskundige bij Stem" in body
    assert reverse("recruitment:apply", args=["dicht"]) not in body
    assert reverse("knowledge:index") in body and reverse("knowledge:ask") in body
    assert reverse("directory:register") not in body  # the register is off by default
    PolicySettings.objects.update_or_create(pk=1, defaults={"public_register": True})
    assert reverse("directory:register") in client.get(reverse("dashboard:home")).content.decode()
