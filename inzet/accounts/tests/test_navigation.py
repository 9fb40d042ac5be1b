"""The header menu: at most six top items for every combination of roles, every link reachable."""

import itertools

import pytest
from django.urls import reverse

from inzet.accounts.navigation import MAX_TOP_ITEMS, main_menu
from inzet.accounts.permissions import Roles
from inzet.organisations.models import Role

ALL_ROLES = [role.value for role in Role]
COMBINATIONS = [
    frozenset(combo) for size in range(1, len(ALL_ROLES) + 1) for combo in itertools.combinations(ALL_ROLES, size)
]


def roles(*names: str) -> Roles:
    return Roles(frozenset((1, name) for name in names))


def labels(menu) -> list[str]:
    return [group.link.label if group.link else group.label for group in menu]


@pytest.mark.parametrize("names", COMBINATIONS, ids=lambda c: "+".join(sorted(c)))
def test_it_never_shows_more_than_six_top_items(names):
    menu = main_menu(roles(*names))
    assert 1 <= len(menu) <= MAX_TOP_ITEMS, labels(menu)
    urls = [item.url for group in menu for item in group.items]
    assert len(urls) == len(set(urls)), f"a link appears twice for {sorted(names)}: {urls}"


def test_it_groups_the_coordinators_many_links():
    menu = main_menu(roles(Role.COORDINATOR, Role.EXPERT))
    assert labels(menu) == ["Mijn overzicht", "Aanvragen", "Ervaringsdeskundigen", "Mijn werk", "Vergoedingen", "Meer"]
    experts = next(group for group in menu if group.key == "experts")
    assert [item.label for item in experts.items] == [
        "Ervaringsdeskundigen zoeken",
        "Steun",
        "Bijeenkomsten",
        "Scholing",
        "Verhalen en terugblik",
    ]
    # Everything a coordinator could reach from the old flat menu is still in it.
    urls = {item.url for group in menu for item in group.items}
    for name in ("engagements:inbox", "knowledge:queue", "evaluation:index", "support:mine", "compensation:overview"):
        assert reverse(name) in urls, name


def test_it_shows_few_links_without_groups():
    # An asker has six links: no need to open anything.
    assert labels(main_menu(roles(Role.ASKER))) == [
        "Mijn overzicht",
        "Mijn vragen",
        "Organisaties",
        "Vergoedingen",
        "Terugkoppeling",
        "Kennisbank",
    ]
    assert all(group.link for group in main_menu(roles(Role.OPERATOR)))


def test_it_marks_the_current_page_and_its_group():
    menu = main_menu(roles(Role.COORDINATOR), "training:catalogue", "training")
    current = [group.key for group in menu if group.current]
    assert current == ["experts"]
    assert [item.label for group in menu for item in group.items if item.current] == ["Scholing"]
    # The fee rules belong to the operator's own link, not to "Vergoedingen".
    menu = main_menu(roles(Role.OPERATOR, Role.COORDINATOR), "compensation:rules", "compensation")
    assert [item.label for group in menu for item in group.items if item.current] == ["Regels vergoedingen"]


def test_the_header_renders_groups_as_disclosures(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert '<details class="inzet-nav__group" name="inzet-menu">' in html
    assert 'aria-controls="inzet-menu"' in html  # the small-screen menu button
    assert reverse("knowledge:queue") in html
    assert html.count('aria-current="page"') == 1


def _menu(html: str) -> str:
    return html[html.index('<nav aria-label="Hoofdmenu"') : html.index("</nav>")]


def test_the_cached_header_menu_follows_the_person_the_page_and_the_language(client, coordinator, expert):
    """The rendered menu is kept per links shown, page and language: each person still gets their own."""
    from django.template.loader import render_to_string

    from inzet.accounts.permissions import get_roles

    pages = [reverse("dashboard:home"), reverse("training:catalogue"), reverse("dashboard:home")]
    for person in (coordinator, expert, coordinator):
        client.force_login(person)
        for url in pages:
            html = client.get(url).content.decode()
            match = client.get(url).wsgi_request.resolver_match
            fresh = render_to_string(
                "includes/main_menu.html",
                {"main_menu": main_menu(get_roles(person), match.view_name, match.app_name)},
            )
            assert _menu(html) == _menu(fresh)
    assert reverse("knowledge:queue") in _menu(client.get(pages[0]).content.decode())  # coordinator again
    client.force_login(expert)
    assert reverse("knowledge:queue") not in _menu(client.get(pages[0]).content.decode())
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(pages[0]).content.decode()
    assert '<nav aria-label="Main menu"' in english and '<nav aria-label="Hoofdmenu"' not in english
