"""Journey: support of experts in a real browser on a phone-sized screen (390 px), every page
checked with axe-core. A mentor records a talk and the overdue marker clears; an expert checks in
low and the coordinator is prompted to offer a talk without seeing the words."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_person
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Organisation, PolicySettings, Role
from inzet.support import services

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def log_in(page, email: str) -> None:
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill(email)
    page.get_by_label(label("Wachtwoord")).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()


def check(page, axe) -> list[str]:
    problems = axe(page)
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        problems.append(f"{page.url}: scrolls sideways at {PHONE['width']} px")
    return problems


@pytest.fixture
def people():
    PolicySettings.current()
    org = Organisation.objects.create(name="Stichting Steun", slug="steun", kind=Organisation.Kind.DEPLOYING)
    coordinator = make_person("coord@steun.nl", "Cas Coördinator", [(org, Role.COORDINATOR)])
    mentor = make_person("mentor@steun.nl", "Mila Mentor", [(org, Role.TRAINER)])
    expert = make_person("eva@steun.nl", "Eva Ervaring", [(org, Role.EXPERT)])
    profile = ExpertProfile.objects.create(user=expert, organisation=org)
    services.talk_record(
        actor=mentor,
        expert=profile,
        partner=mentor,
        held_on=timezone.localdate() - dt.timedelta(days=40),
        goal="Grenzen aangeven",
        nonce="e2e-old",
    )
    return {"coordinator": coordinator, "mentor": mentor, "expert": expert, "profile": profile}


def test_a_mentor_records_a_talk_and_the_overdue_marker_clears(page, axe, people):
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    log_in(page, "mentor@steun.nl")
    expect(page.get_by_text("1 ervaringsdeskundige wacht langer dan een maand op een mentorgesprek.")).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("link", name="Gesprekken plannen").click()
    row = page.locator(f"tr[data-expert='{people['profile'].pk}']")
    expect(row.get_by_text("Te laat")).to_be_visible()
    problems += check(page, axe)
    row.get_by_role("link", name=re.compile("^Gesprek vastleggen")).click()
    problems += check(page, axe)
    page.get_by_label(label("Doel")).fill("Rust nemen na een zware opdracht")
    page.get_by_label(label("Wat we bespraken")).fill("Slaapt slecht na bijeenkomsten")
    page.get_by_label(label("Volgend gesprek")).fill((timezone.localdate() + dt.timedelta(days=28)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het gesprek is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("Slaapt slecht na bijeenkomsten")).to_be_visible()  # the partner reads it
    problems += check(page, axe)
    page.goto("/steun/team/")
    expect(row.get_by_text("Te laat")).to_have_count(0)
    page.goto("/")
    expect(page.get_by_text("wacht langer dan een maand")).to_have_count(0)
    assert problems == []


def test_an_expert_checks_in_low_and_the_coordinator_is_prompted_without_the_words(page, axe, people):
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    log_in(page, "eva@steun.nl")
    page.get_by_role("link", name="Hoe gaat het?").click()
    problems += check(page, axe)
    page.get_by_label("2 – niet goed").check()
    page.get_by_label(label("In uw eigen woorden (mag leeg blijven)")).fill("Ik lig wakker van de laatste opdracht")
    page.get_by_role("button", name="Doorgeven").click()
    expect(page.get_by_text("Dank u wel. Fijn dat u het laat weten.")).to_be_visible()
    problems += check(page, axe)

    log_in(page, "coord@steun.nl")
    expect(page.get_by_text("1 ervaringsdeskundige gaf aan dat het niet goed gaat.")).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("link", name="Bied een gesprek aan").click()
    expect(page.get_by_role("heading", name="Eva Ervaring")).to_be_visible()
    expect(page.get_by_text("wakker")).to_have_count(0)
    expect(page.get_by_text("die de ervaringsdeskundige niet deelt")).to_be_visible()
    problems += check(page, axe)
    assert "wakker" not in page.content()
    assert problems == []


def test_a_trainer_plans_an_intervisie_experts_sign_up_attendance_is_recorded_and_the_feed_shows_it(
    page, axe, people, live_server
):
    import urllib.request

    from inzet.engagements import services as engagement_services
    from inzet.support.models import Meeting

    page.set_viewport_size(PHONE)
    problems: list[str] = []
    log_in(page, "mentor@steun.nl")
    page.goto("/steun/bijeenkomsten/")
    problems += check(page, axe)
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    problems += check(page, axe)
    page.get_by_label(label("Soort bijeenkomst")).select_option("intervision")
    page.get_by_label(label("Titel")).fill("Intervisie april")
    start = timezone.localtime() + dt.timedelta(days=3)
    page.get_by_label(label("Begint")).fill(start.strftime("%Y-%m-%dT14:00"))
    page.get_by_label(label("Eindigt")).fill(start.strftime("%Y-%m-%dT16:00"))
    page.get_by_label(label("Plaats of link")).fill("Buurthuis De Brug")
    page.get_by_role("button", name="Plannen").click()
    expect(page.get_by_text("De bijeenkomst is gepland.")).to_be_visible()
    problems += check(page, axe)
    meeting = Meeting.objects.get()

    log_in(page, "eva@steun.nl")
    page.goto(f"/steun/bijeenkomsten/{meeting.pk}/")
    page.get_by_role("button", name="Ik kom", exact=True).click()
    expect(page.get_by_text("Uw keuze: Aangemeld")).to_be_visible()
    problems += check(page, axe)
    feed = engagement_services.calendar_feed_get(user=people["expert"])
    with urllib.request.urlopen(f"{live_server.url}/vragen/agenda/{feed.token}.ics") as response:
        assert "Intervisie: Intervisie april" in response.read().decode()

    # After the meeting: the mentor marks who was there; Eva sees it.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=3), ends_at=timezone.now() - dt.timedelta(hours=1)
    )
    log_in(page, "mentor@steun.nl")
    page.goto(f"/steun/bijeenkomsten/{meeting.pk}/")
    page.get_by_label("Eva Ervaring was aanwezig").check()
    page.get_by_role("button", name="Aanwezigheid bewaren").click()
    expect(page.get_by_text("De aanwezigheid is bewaard.")).to_be_visible()
    problems += check(page, axe)
    log_in(page, "eva@steun.nl")
    page.goto("/steun/bijeenkomsten/")
    expect(page.get_by_text("Aangemeld · aanwezig")).to_be_visible()
    problems += check(page, axe)
    assert problems == []
