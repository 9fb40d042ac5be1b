"""Journeys of the signals and network apps in a real browser on a phone-sized screen, every page
checked with axe-core: a signal from report to published lobby overview (its private part never
shown); an event from sign-up with a need to attendance; a quality mark applied for, assessed by
someone else, shown publicly and gone once expired. The social map page is checked as well."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_person
from inzet.network.models import Award, Event, Partner, Registration, Scheme
from inzet.network.tests.access import PNG
from inzet.organisations.models import Organisation, PolicySettings, Role
from inzet.signals.models import Signal

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


def submit(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


@pytest.fixture
def staff():
    PolicySettings.current()
    platform = Organisation.objects.create(name="Platform", slug="platform", kind=Organisation.Kind.PLATFORM)
    org = Organisation.objects.create(name="Stichting Ervaring", slug="ervaring", kind=Organisation.Kind.DEPLOYING)
    return {
        "coordinator": make_person("coord@ervaring.nl", "Cas Coördinator", [(org, Role.COORDINATOR)]),
        "operator": make_person("beheer@platform.nl", "Bea Beheer", [(platform, Role.OPERATOR)]),
    }


def test_a_signal_from_report_to_published_lobby_overview(page, axe, staff):
    page.set_viewport_size(PHONE)
    problems: list[str] = []

    # --- an anonymous visitor reports, marking the place private --------------------------------
    page.goto("/signalen/")
    problems += check(page, axe)
    page.get_by_label("Thema").select_option(label="Uitkering en vergoeding")
    page.get_by_label("Wat loopt er vast?").fill(
        "De gemeente trekt mijn vergoeding als ervaringsdeskundige af van de bijstand"
    )
    page.get_by_label("Over welke regel of organisatie gaat het?").fill("Participatiewet")
    page.get_by_label("Waar (gemeente of plaats)?").fill("Hardenberg")
    page.get_by_label("De plaats is privé").check()
    submit(page, "Signaal versturen")
    expect(page.get_by_role("heading", name="Uw signaal volgen")).to_be_visible()
    problems += check(page, axe)
    follow_url = page.url
    assert Signal.objects.get().place_private

    # --- the coordinator bundles it, records what was done and answers -------------------------------
    log_in(page, "coord@ervaring.nl")
    page.goto("/signalen/bundels/")
    problems += check(page, axe)
    page.get_by_label("Titel").fill("Vergoeding gekort op bijstand")
    page.get_by_label("Thema").select_option(label="Uitkering en vergoeding")
    page.get_by_label("Wat is er gedaan").fill("Besproken met de wethouder; een vrijlating wordt onderzocht.")
    submit(page, "Bundel aanmaken")
    problems += check(page, axe)
    page.goto("/signalen/behandelen/")
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^Signaal \d+$")).first.click()
    problems += check(page, axe)
    page.get_by_label("Status").select_option("acted")
    page.get_by_label("Bundel").select_option(label="Vergoeding gekort op bijstand")
    page.get_by_label("Antwoord aan de melder").fill("Dank u. We hebben dit met de gemeente besproken.")
    submit(page, "Opslaan")
    expect(page.get_by_text("Het signaal is bijgewerkt.")).to_be_visible()

    # --- a lobby overview with an anonymised example, published --------------------------------------
    page.goto("/signalen/lobby/nieuw/")
    problems += check(page, axe)
    today = timezone.localdate()
    page.get_by_label("Titel").fill("Signalen dit kwartaal")
    page.get_by_label("Van").fill((today - dt.timedelta(days=90)).isoformat())
    page.get_by_label("Tot en met").fill(today.isoformat())
    submit(page, "Aanmaken")
    problems += check(page, axe)
    draft = page.get_by_label("Voorbeeld (zonder namen)").first
    assert "Hardenberg" not in draft.input_value()
    draft.fill("Een vergoeding als ervaringsdeskundige werd gekort op de bijstand.")
    submit(page, "Als voorbeeld opnemen")
    expect(page.get_by_text("Het voorbeeld is toegevoegd.")).to_be_visible()
    submit(page, "Publiceren")
    expect(page.get_by_text("Het overzicht is gepubliceerd.")).to_be_visible()
    overview_url = page.url

    # --- the public sees the overview; the reporter follows the signal -------------------------------
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/signalen/lobby/")
    problems += check(page, axe)
    page.goto(overview_url)
    problems += check(page, axe)
    expect(page.get_by_text("Een vergoeding als ervaringsdeskundige werd gekort op de bijstand.")).to_be_visible()
    expect(page.get_by_text("Besproken met de wethouder; een vrijlating wordt onderzocht.")).to_be_visible()
    assert "Hardenberg" not in page.content()
    page.goto(follow_url)
    expect(page.get_by_text("Dank u. We hebben dit met de gemeente besproken.")).to_be_visible()
    expect(page.get_by_text("Er is iets mee gedaan")).to_be_visible()
    assert problems == [], "\n".join(problems)


def test_an_event_from_sign_up_with_a_need_to_attendance(page, axe, staff):
    page.set_viewport_size(PHONE)
    start = timezone.now() + dt.timedelta(days=14)
    event = Event.objects.create(
        kind="inspiration",
        title="Inspiratiedag ervaringsdeskundigheid",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        location="Utrecht",
        accessibility="Ringleiding",
        capacity=20,
    )
    problems: list[str] = []

    page.goto("/netwerk/bijeenkomsten/")
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name="Inspiratiedag ervaringsdeskundigheid").click()
    problems += check(page, axe)
    assert page.get_by_role("link", name="Zet in mijn agenda (.ics)").get_attribute("download") is not None
    page.get_by_label(label("Naam")).fill("Fatima El Amrani")
    page.get_by_label("E-mailadres").fill("fatima@example.org")
    page.get_by_label("Wat heeft u nodig om mee te doen? (niet verplicht)").fill("Een tolk gebarentaal")
    page.get_by_label("Mijn naam mag op de deelnemerslijst die andere deelnemers zien").check()
    submit(page, "Aanmelden")
    expect(page.get_by_role("heading", name="Uw aanmelding")).to_be_visible()
    expect(page.get_by_text("Een tolk gebarentaal")).to_be_visible()
    problems += check(page, axe)

    log_in(page, "coord@ervaring.nl")
    page.goto(f"/netwerk/bijeenkomsten/{event.pk}/beheer/")
    problems += check(page, axe)
    expect(page.get_by_text("Een tolk gebarentaal")).to_be_visible()
    page.get_by_label("Fatima El Amrani was aanwezig").check()
    submit(page, "Aanwezigheid opslaan")
    expect(page.get_by_text("De aanwezigheid is opgeslagen (1 aanwezig).")).to_be_visible()
    assert Registration.objects.get().attended is True
    assert problems == [], "\n".join(problems)


def test_a_quality_mark_awarded_shown_and_expired_and_the_social_map(page, axe, staff, tmp_path):
    page.set_viewport_size(PHONE)
    Partner.objects.create(name="Buurthuis De Linde", kind="welfare", area="Utrecht-Binnenstad", postcode="3511 AB")
    Partner.objects.create(name="Werkplaats Doen", kind="work", area="Amersfoort", postcode="3811")
    Scheme.objects.create(
        name="Toegankelijk en Ervaren",
        criteria="Drempelvrij",
        evidence_required="Verslag van een schouw",
        assessor="Iemand van buiten de organisatie",
        validity_months=12,
    )
    evidence = tmp_path / "schouw.png"
    evidence.write_bytes(PNG)
    problems: list[str] = []

    page.goto("/netwerk/kaart/")
    problems += check(page, axe)
    expect(page.get_by_role("img", name="Kaart van de organisaties")).to_be_visible()
    page.get_by_label("Zoeken").fill("Linde")
    submit(page, "Zoeken")
    expect(page.get_by_role("link", name="Werkplaats Doen")).to_have_count(0)

    # --- the coordinator applies with evidence --------------------------------------------------------
    log_in(page, "coord@ervaring.nl")
    page.goto("/netwerk/keurmerken/aanvragen/")
    problems += check(page, axe)
    page.get_by_label(label("Keurmerk")).select_option(label="Toegankelijk en Ervaren")
    page.get_by_label(label("Organisatie")).select_option(label="Buurthuis De Linde")
    page.get_by_label("Voor welke dienst? (leeg: de hele organisatie)").fill("Inloopspreekuur")
    page.get_by_label("Bewijs (pdf, jpg of png)").set_input_files(str(evidence))
    submit(page, "Aanvragen")
    problems += check(page, axe)
    expect(page.get_by_text("Iemand anders moet het beoordelen")).to_be_visible()

    # --- the operator assesses; the mark is public with its scope -------------------------------------
    log_in(page, "beheer@platform.nl")
    page.goto("/netwerk/keurmerken/beoordelen/")
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name="Toegankelijk en Ervaren").click()
    page.get_by_label("Toekennen", exact=True).check()
    page.get_by_label("Beoordeling").fill("Schouw gedaan met twee ervaringsdeskundigen; voldoet.")
    submit(page, "Beoordeling opslaan")
    expect(page.get_by_text("De beoordeling is opgeslagen.")).to_be_visible()
    problems += check(page, axe)
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/netwerk/keurmerken/")
    problems += check(page, axe)
    expect(page.get_by_role("cell", name="Inloopspreekuur")).to_be_visible()

    # --- a year later the mark has expired and is gone from public pages ------------------------------
    award = Award.objects.get()
    Award.objects.filter(pk=award.pk).update(
        valid_from=award.valid_from - dt.timedelta(days=400), valid_until=timezone.localdate() - dt.timedelta(days=1)
    )
    page.goto("/netwerk/keurmerken/")
    expect(page.get_by_text("Er zijn nu geen geldige keurmerken.")).to_be_visible()
    page.goto(f"/netwerk/kaart/{award.partner_id}/")
    problems += check(page, axe)
    expect(page.get_by_text("Geen geldig keurmerk.")).to_be_visible()
    assert problems == [], "\n".join(problems)
