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
