"""The directory pages in a real browser with axe-core (WCAG 2.1 A/AA), filled with the demo data.

The crawl in tests/e2e only reaches pages linked from a home page and never sees the register
(off by default), so the directory checks its own pages here.
"""

import re

import pytest
from playwright.sync_api import expect

from inzet.demo.data import DEMO_PASSWORD
from tests.e2e.conftest import axe, browser, demo, page  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


def _log_in(tab, email: str) -> None:
    tab.goto("/account/inloggen/")
    tab.get_by_label(re.compile(r"^\s*E-mailadres\s*:?\s*$")).fill(email)
    tab.get_by_label(re.compile(r"^\s*Wachtwoord\s*:?\s*$")).fill(DEMO_PASSWORD)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Inloggen", exact=True).click()


def test_the_coordinator_pages_pass_axe(page, demo, axe):  # noqa: F811 (pytest fixtures)
    from inzet.directory.services import bulk_build_documents

    bulk_build_documents()
    _log_in(page, "coordinator@example.org")
    problems = []
    page.goto("/zoeken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ervaringsdeskundigen zoeken")
    problems += axe(page)
    # Search with the keyboard-reachable form, open a filter group and use a checkbox.
    page.get_by_text("Ervaring en rol").click()
    page.get_by_role("group", name="Rol").get_by_label("Onderzoeker").check()
    page.get_by_label(re.compile(r"^\s*Zoeken\s*:?\s*$")).fill("utrecht")
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_role("heading", level=2, name=re.compile("gevonden"))).to_be_visible()
    problems += axe(page)
    page.goto("/zoeken/?available_from=2026-12-10&available_to=2026-12-01")
    expect(page.get_by_text("Deze datum ligt voor de begindatum")).to_be_visible()
    problems += axe(page)
    page.goto("/zoeken/pool/")
    expect(page.get_by_role("img", name=re.compile("Staafdiagram: Ervaringsgebieden"))).to_be_visible()
    problems += axe(page)
    assert problems == [], "\n".join(problems)


def test_the_register_pages_pass_axe(page, demo, axe):  # noqa: F811 (pytest fixtures)
    from inzet.directory.services import bulk_build_documents
    from inzet.organisations.models import PolicySettings

    bulk_build_documents()
    PolicySettings.objects.update(public_register=True)
    problems = []
    for url in ("/zoeken/register/", "/zoeken/register/?q=armoede", "/zoeken/register/organisaties/"):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        problems += axe(page)
    assert problems == [], "\n".join(problems)
