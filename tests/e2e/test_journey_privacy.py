"""Journey: data rights in a real browser, on a phone-sized screen (390 px), every page checked
with axe-core. An expert downloads everything Inzet holds about them and asks to be erased; a
coordinator of their organisation carries it out; the expert's data is gone, the payments remain."""

import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import PASSWORD, make_person
from inzet.compensation import services as money
from inzet.compensation.models import ExpenseClaim, HourEntry, Payout
from inzet.compensation.tests import factories as f
from inzet.experts.models import ExpertExperience, ExpertProfile
from inzet.organisations.models import Organisation, Role
from inzet.privacy.models import ErasureRequest
from inzet.taxonomy.models import Term

pytestmark = pytest.mark.e2e
DEMO_PASSWORD = "inzet-demo-2026"
PHONE = {"width": 390, "height": 844}


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def log_in(page, email: str, password: str) -> None:
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill(email)
    page.get_by_label(label("Wachtwoord")).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()


def check(page, axe) -> list[str]:
    """axe-core, plus: nothing wider than the phone screen."""
    problems = axe(page)
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        problems.append(f"{page.url}: scrolls sideways at {PHONE['width']} px")
    return problems


@pytest.fixture
def sam(demo):
    """An expert of the demo organisation with a story, an assignment, hours, a receipt and payouts."""
    deploying = Organisation.objects.get(slug="platform-utrecht")
    gemeente = Organisation.objects.get(slug="gemeente-utrecht")
    from inzet.accounts.models import User

    asker = User.objects.get(email="vrager@example.org")
    coordinator = User.objects.get(email="coordinator@example.org")
    sam = make_person("sam.wissen@example.org", "Sam Wissen", [(deploying, Role.EXPERT)])
    profile = f.profile_for(sam, deploying, benefit_situation="wajong", iban="NL91ABNA0417164300")
    ExpertExperience.objects.create(
        profile=profile,
        area=Term.objects.filter(vocabulary="experience_area").first(),
        description="Mijn eigen verhaal over schulden",
    )
    request = f.engagement(None, asker=asker, deploying=deploying, asker_organisation=gemeente)
    invitation = f.assignment(None, expert=sam, asker=asker, request=request)
    f.approved_hours(invitation, coordinator, "3")
    f.approved_expense(invitation, coordinator, "7.50")
    money.settlement_create(engagement=request, actor=coordinator)
    return sam


def test_an_expert_downloads_their_data_and_is_erased_but_the_payments_remain(page, axe, sam):
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    payouts = Payout.objects.filter(expert__user=sam).count()
    assert payouts == 2

    # --- the expert finds their data from their account page and downloads it ---------------------
    log_in(page, "sam.wissen@example.org", PASSWORD)
    page.goto("/account/instellingen/")
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name="Mijn gegevens downloaden of laten verwijderen").click()
    expect(page.get_by_role("heading", name="Mijn gegevens", exact=True)).to_be_visible()
    problems += check(page, axe)
    with page.expect_download() as info:
        page.get_by_role("link", name="Mijn gegevens downloaden").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    data = json.loads(archive.read("gegevens.json"))
    assert data["sections"]["experiences"][0]["description"] == "Mijn eigen verhaal over schulden"
    assert data["sections"]["profile"][0]["iban"] == "NL91ABNA0417164300"
    assert len(data["sections"]["payouts"]) == 2
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(archive.read("gegevens.pdf"))).pages)
    assert "Sam Wissen" in pdf and "Mijn eigen verhaal over schulden" in pdf

    # --- and asks to be erased (a second click changes nothing) -----------------------------------
    page.get_by_label("Toelichting (niet verplicht)").fill("Ik stop met dit werk.")
    with page.expect_navigation():
        page.get_by_role("button", name="Vraag om verwijdering").click()
    expect(page.get_by_text("Uw verzoek is ontvangen.")).to_be_visible()
    expect(page.get_by_text(re.compile("Een coördinator voert dit uit"))).to_be_visible()
    problems += check(page, axe)
    assert ErasureRequest.objects.filter(user=sam, state="requested").count() == 1

    # --- a coordinator of the organisation carries it out -----------------------------------------
    log_in(page, "coordinator@example.org", DEMO_PASSWORD)
    page.goto("/account/instellingen/")
    with page.expect_navigation():
        page.get_by_role("link", name="Verzoeken om verwijdering").click()
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name="Sam Wissen").click()
    expect(page.get_by_text("Ik stop met dit werk.")).to_be_visible()
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("button", name="Verwijdering uitvoeren").click()
    expect(page.get_by_text("De gegevens zijn verwijderd. De persoon krijgt bericht.")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"Bewaard voor de administratie. Urenregels: 1. Onkosten: 1. Betalingen: 2."))
    ).to_be_visible()
    problems += check(page, axe)

    # --- the expert's data is gone, the payments remain, and they were told -------------------------
    sam.refresh_from_db()
    profile = ExpertProfile.objects.get(user=sam)
    assert sam.full_name == "Verwijderde persoon" and not sam.is_active
    assert not ExpertExperience.objects.filter(profile=profile).exists()
    assert (profile.iban, profile.benefit_situation) == ("", "")
    assert Payout.objects.filter(expert=profile).count() == payouts
    assert HourEntry.objects.filter(invitation__expert=profile).count() == 1
    assert ExpenseClaim.objects.filter(invitation__expert=profile).count() == 1
    assert [m.to for m in mail.outbox if "verwijderd" in m.subject] == [["sam.wissen@example.org"]]

    log_in(page, "sam.wissen@example.org", PASSWORD)
    assert urlsplit(page.url).path == "/account/inloggen/"  # the old login no longer works
    problems += check(page, axe)

    # --- the operator reads the processing register, generated from the models ---------------------
    log_in(page, "beheerder@example.org", DEMO_PASSWORD)
    page.goto("/account/instellingen/")
    with page.expect_navigation():
        page.get_by_role("link", name="Verwerkingsregister").click()
    expect(page.get_by_role("heading", name="Ervaringsdeskundige", exact=True)).to_be_visible()
    problems += check(page, axe)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download als CSV (voor een spreadsheet)").click()
    register = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert "experts.ExpertProfile" in register and "wetten.overheid.nl" not in register.split("\n")[0]

    assert problems == [], "\n".join(problems)
