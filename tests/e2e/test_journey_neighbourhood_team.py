"""Journey: the team at work around one resident, in a real browser on a phone-sized screen, every
page checked with axe-core. The expert opens their caseload, records what the resident finds
important in an expert (the klik) and the resident's choice, plans a case meeting with the
coordinator and agrees an action; the coordinator sees the team overview and the meeting."""

import datetime
import re
import uuid

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_person
from inzet.neighbourhood import services
from inzet.neighbourhood.models import TeamMember
from inzet.organisations.models import Organisation, Role

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def check(page, axe) -> list[str]:
    problems = axe(page)
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        problems.append(f"{page.url}: scrolls sideways at {PHONE['width']} px")
    return problems


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def login(page, email: str) -> None:
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill(email)
    page.get_by_label(label("Wachtwoord")).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()


def test_the_team_matches_meets_and_oversees(page, axe):
    page.set_viewport_size(PHONE)
    org = Organisation.objects.create(name="Wijkkracht", slug="wijkkracht", kind=Organisation.Kind.DEPLOYING)
    expert = make_person("noor@example.org", "Noor Naast", [(org, Role.EXPERT)])
    colleague = make_person("fatima@example.org", "Fatima Fit", [(org, Role.EXPERT)])
    coordinator = make_person("carla@example.org", "Carla Coördinator", [(org, Role.COORDINATOR)])
    team = services.team_create(organisation=org, name="Wijkteam Oost", area="Oost")
    services.team_member_add(team=team, user=expert)
    services.team_member_add(team=team, user=colleague)
    services.team_member_add(team=team, user=coordinator, role=TeamMember.Role.COORDINATOR)
    TeamMember.objects.filter(user=colleague).update(gender="vrouw", knows_areas="Oost")
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="drop_in", opened_on=datetime.date.today()
    )
    problems: list[str] = []

    login(page, "noor@example.org")
    page.goto("/wijk/mijn-bewoners/")
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Traject {trajectory.pk}").first.click()
    with page.expect_navigation():
        page.get_by_role("link", name="Wie past bij de bewoner?").click()
    problems += check(page, axe)
    page.get_by_label("Liefst een ervaringsdeskundige die is").select_option("vrouw")
    page.get_by_label("Wijk").fill("Oost")
    with page.expect_navigation():
        page.get_by_role("button", name="Wensen bewaren").click()
    expect(page.get_by_role("row").nth(1)).to_contain_text("Fatima Fit")
    page.get_by_label("De bewoner kiest").select_option(label="Fatima Fit")
    with page.expect_navigation():
        page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("De bewoner koos Fatima Fit")).to_be_visible()

    page.goto(f"/wijk/traject/{trajectory.pk}/casuistiek/")
    problems += check(page, axe)
    page.get_by_label("Wanneer").fill("2030-03-04T10:00")
    page.get_by_label("Carla Coördinator").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Overleg plannen").click()
    problems += check(page, axe)
    page.get_by_label("Wat is afgesproken?").fill("Samen naar de Wmo-consulent")
    page.get_by_label("Wie doet het?").select_option(label="Noor Naast")
    with page.expect_navigation():
        page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.get_by_role("cell", name="Samen naar de Wmo-consulent")).to_be_visible()
    meeting_url = page.url

    login(page, "carla@example.org")
    page.goto(f"/wijk/team/{team.pk}/overzicht/")
    problems += check(page, axe)
    expect(page.get_by_text("Een project heeft minstens 5 ervaringsdeskundigen nodig.")).to_be_visible()
    page.goto(meeting_url)
    expect(page.get_by_role("cell", name="Samen naar de Wmo-consulent")).to_be_visible()
    assert problems == []
