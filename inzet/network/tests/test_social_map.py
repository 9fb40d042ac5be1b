"""The social map: searchable, a list by area first, a drawn map without outside servers."""

import pytest
from django.urls import reverse

from inzet.network import selectors
from inzet.network.models import Partner


def partner(name, **extra) -> Partner:
    defaults = {"kind": "welfare", "area": "Utrecht-Binnenstad", "postcode": "3511 AB"}
    return Partner.objects.create(name=name, **{**defaults, **extra})


@pytest.mark.django_db
def test_anyone_finds_a_partner_by_a_word_from_its_services(client):
    partner("Schuldhulp Utrecht", kind="money", services="Hulp bij schulden", postcode="3512")
    partner("Buurthuis De Linde", services="Koffieochtend")
    page = client.get(reverse("network:map"), {"q": "schulden"})
    assert "Schuldhulp Utrecht" in page.text and "Buurthuis De Linde" not in page.text


@pytest.mark.django_db
def test_the_list_is_grouped_by_area_and_numbered_like_the_map(client):
    partner("Buurthuis De Linde")
    partner("Werkplaats Doen", area="Amersfoort", postcode="3811")
    partner("Zonder postcode", area="Amersfoort", postcode="")
    page = client.get(reverse("network:map"))
    assert page.text.index('<h3 id="area-1">Amersfoort') < page.text.index("Utrecht-Binnenstad")
    assert page.text.count("<circle") == 2 and "nummer 1 op de kaart" in page.text
    assert "1 organisatie staat niet op de kaart" in page.text
    assert "http" not in page.text.split("<svg", 1)[1].split("</svg>", 1)[0]  # no outside tiles


@pytest.mark.django_db
def test_an_inactive_partner_is_hidden_from_the_public_but_not_from_editors(client, coordinator):
    gone = partner("Opgeheven", is_active=False)
    assert client.get(reverse("network:partner", args=[gone.pk])).status_code == 404
    assert "Opgeheven" not in client.get(reverse("network:map")).text
    client.force_login(coordinator)
    assert client.get(reverse("network:partner", args=[gone.pk])).status_code == 200


@pytest.mark.django_db
def test_a_coordinator_adds_a_partner_and_bad_input_gets_a_dutch_message(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("network:partner_new"), {"name": "", "kind": "care", "area": "Zeist"})
    assert response.status_code == 200 and "Dit veld is verplicht." in response.text
    assert 'value="Zeist"' in response.text and not Partner.objects.exists()
    response = client.post(
        reverse("network:partner_new"),
        {"name": "Zorgpunt Zeist", "kind": "care", "area": "Zeist", "postcode": "3702", "is_active": "on"},
    )
    found = Partner.objects.get()
    assert response.status_code == 302 and found.updated_by == coordinator


@pytest.mark.django_db
def test_the_neighbourhood_app_can_pick_partners_from_here():
    partner("Buurthuis De Linde")
    partner("Werkplaats Doen", area="Amersfoort")
    partner("Weg", is_active=False)
    assert [label for _pk, label in selectors.partner_choices(area="Amersfoort")] == ["Werkplaats Doen – Amersfoort"]
    assert len(selectors.partner_choices()) == 2


@pytest.mark.django_db
def test_the_map_page_uses_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for i in range(40):
        partner(f"Organisatie {i}", area=f"Gebied {i % 5}", postcode=["3511", "3811", "1011", ""][i % 4])
    with django_assert_max_num_queries(6):
        assert client.get(reverse("network:map")).status_code == 200
