"""Journey: a resident without an account, in a real browser on a phone-sized screen, every page
checked with axe-core. An expert registers a drop-in contact, fills in Form 1 together with the
resident, logs a contact and closes with the closure report as PDF."""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import PASSWORD, make_person
from inzet.neighbourhood import services
from inzet.neighbourhood.models import Trajectory
from inzet.organisations.models import Organisation, Role

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def check(page, axe) -> list[str]:
    problems = axe(page)
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        problems.append(f"{page.url}: scrolls sideways at {PHONE['width']} px")
    return problems


def test_a_resident_from_drop_in_to_closure_report(page, axe):
    page.set_viewport_size(PHONE)
    org = Organisation.objects.create(name="Wijkkracht", slug="wijkkracht", kind=Organisation.Kind.DEPLOYING)
    expert = make_person("noor@example.org", "Noor Naast", [(org, Role.EXPERT)])
    colleague = make_person("bas@example.org", "Bas Buur", [(org, Role.EXPERT)])
    team = services.team_create(organisation=org, name="Wijkteam Oost", area="Oost")
    services.team_member_add(team=team, user=expert)
    services.team_member_add(team=team, user=colleague)
    problems: list[str] = []

    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill("noor@example.org")
    page.get_by_label(label("Wachtwoord")).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()

    # --- the drop-in: one short form ---------------------------------------------------------------
    page.goto("/wijk/")
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name="Wijkteam Oost").click()
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name="Eerste contact vastleggen").click()
    problems += check(page, axe)
    page.get_by_label("Hoe kwam de bewoner binnen?").select_option("drop_in")
    page.get_by_label("De vraag, in de woorden van de bewoner").fill("Ik wil weer mensen zien")
    page.get_by_label("Hoe bereiken we de bewoner? (niet verplicht)").fill("06-11112222")
    with page.expect_navigation():
        page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Ik wil weer mensen zien")).to_be_visible()
    problems += check(page, axe)
    trajectory = Trajectory.objects.get()

    # --- Form 1 together ---------------------------------------------------------------------------
    with page.expect_navigation():
        page.get_by_role("link", name="Wat is mijn vraag?").click()
    problems += check(page, axe)
    page.get_by_label("Sociale contacten: Situatie nu").fill("Ik zie bijna niemand")
    page.get_by_label("Sociale contacten: Wens voor situatie straks").fill("Eens per week koffie")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_label("Sociale contacten: Situatie nu")).to_have_value("Ik zie bijna niemand")

    # --- a contact ---------------------------------------------------------------------------------
    page.goto(f"/wijk/traject/{trajectory.pk}/")
    page.get_by_label("Telefonisch of live").select_option("in_person")
    page.get_by_label("Duur in minuten").fill("45")
    page.get_by_label("Korte notitie").fill("Samen naar het buurthuis")
    with page.expect_navigation():
        page.get_by_role("button", name="Contact vastleggen").click()
    expect(page.get_by_text("Samen naar het buurthuis")).to_be_visible()
    problems += check(page, axe)

    # --- closure report as PDF ---------------------------------------------------------------------
    with page.expect_navigation():
        page.get_by_role("link", name="Afsluitverslag", exact=True).click()
    problems += check(page, axe)
    page.get_by_label("2. Wat speelde er?").fill("Eenzaamheid na een verhuizing")
    page.get_by_label("Voelde zich gehoord").check()
    page.get_by_label("Meer contacten").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan en afsluiten").click()
    problems += check(page, axe)
    with page.expect_download() as info:
        page.get_by_role("link", name="Afsluitverslag als PDF").click()
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(Path(info.value.path()).read_bytes())).pages)
    pdf = " ".join(pdf.split())
    assert "Eenzaamheid na een verhuizing" in pdf
    assert "Telefonisch: 0 keer. Live: 1 keer." in pdf, pdf
    assert "Voelde zich gehoord" in pdf and "Meer contacten" in pdf
    assert problems == [], "\n".join(problems)
