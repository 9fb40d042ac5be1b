"""Journey: a partner (the GP) refers a resident through the public form without an account; the
team takes the referral on, and three months later the expert fills in Form 2 with the resident.
Phone-sized screen, every page checked with axe-core."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import PASSWORD, make_person
from inzet.neighbourhood import services
from inzet.neighbourhood.models import Referral, ReviewRow, Trajectory
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


def test_a_partner_referral_taken_on_and_reviewed_after_three_months(page, axe):
    page.set_viewport_size(PHONE)
    org = Organisation.objects.create(name="Wijkkracht", slug="wijkkracht", kind=Organisation.Kind.DEPLOYING)
    expert = make_person("noor@example.org", "Noor Naast", [(org, Role.EXPERT)])
    colleague = make_person("bas@example.org", "Bas Buur", [(org, Role.EXPERT)])
    team = services.team_create(organisation=org, name="Wijkteam Oost", area="Oost")
    services.team_member_add(team=team, user=expert)
    services.team_member_add(team=team, user=colleague)
    problems: list[str] = []

    # --- the GP's assistant refers, without an account ---------------------------------------------
    page.goto(f"/wijk/team/{team.pk}/verwijzen/")
    problems += check(page, axe)
    page.get_by_label("Uw organisatie").fill("Huisartsenpraktijk Oost")
    page.get_by_label("Soort organisatie").select_option("gp")
    page.get_by_label("Hoe bereiken we de bewoner?").fill("06-33334444")
    page.get_by_label("Waar wil de bewoner hulp bij? Kort, in de woorden van de bewoner").fill(
        "Ik durf de post niet meer open te maken"
    )
    # Forgetting the resident's consent: a Dutch message, nothing lost.
    with page.expect_navigation():
        page.get_by_role("button", name="Verwijzing versturen").click()
    expect(page.get_by_text("Verwijs alleen als de bewoner het weet en het goed vindt.").last).to_be_visible()
    expect(page.get_by_label("Hoe bereiken we de bewoner?")).to_have_value("06-33334444")
    problems += check(page, axe)
    page.get_by_label("De bewoner weet van deze verwijzing").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Verwijzing versturen").click()
    expect(page.get_by_text("Status: Ontvangen")).to_be_visible()
    problems += check(page, axe)
    status_url = page.url
    assert Referral.objects.count() == 1

    # --- the expert takes it on --------------------------------------------------------------------
    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill("noor@example.org")
    page.get_by_label(label("Wachtwoord")).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    page.goto(f"/wijk/team/{team.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Verwijzingen")).click()
    problems += check(page, axe)
    expect(page.get_by_text("Ik durf de post niet meer open te maken")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("aannemen")).click()
    expect(page.get_by_text("Huisartsenpraktijk Oost")).to_be_visible()
    problems += check(page, axe)
    trajectory = Trajectory.objects.get()
    assert trajectory.channel == "referral"
    services.question_form_save(trajectory=trajectory, rows={"administration": ("Post blijft dicht", "Zelf openen")})

    # --- three months later: the reminder and Form 2 -----------------------------------------------
    Trajectory.objects.filter(pk=trajectory.pk).update(opened_on=timezone.localdate() - datetime.timedelta(days=93))
    page.goto("/wijk/")
    problems += check(page, axe)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Traject {trajectory.pk}: na 3 maanden").click()
    problems += check(page, axe)
    expect(page.get_by_label("Hulp bij administratie, budgetteren e.d.: Situatie bij de start")).to_have_value(
        "Post blijft dicht"
    )
    page.get_by_label("Hulp bij administratie, budgetteren e.d.: Situatie nu").fill("Ik open de post samen met Noor")
    page.get_by_label("Hulp bij administratie, budgetteren e.d.: Rapportcijfer vorderingen").select_option("7")
    page.get_by_label("Hulp bij administratie, budgetteren e.d.: Toelichting").fill("Het lukt steeds beter")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het voortgangsformulier is opgeslagen.")).to_be_visible()
    problems += check(page, axe)
    row = ReviewRow.objects.get()
    assert (row.topic, row.grade, row.now) == ("administration", 7, "Ik open de post samen met Noor")
    with page.expect_download(timeout=90_000) as info:  # WeasyPrint on a busy machine
        page.get_by_role("link", name="Voortgangsformulier als PDF").click()
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(Path(info.value.path()).read_bytes())).pages)
    assert "Ik open de post samen met Noor" in " ".join(pdf.split())

    # --- the partner sees only the status -----------------------------------------------------------
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto(status_url)
    expect(page.get_by_text("Status: Aangenomen")).to_be_visible()
    content = page.content()
    assert "Ik durf de post" not in content and "06-3333" not in content and "Noor" not in content
    assert problems == [], "\n".join(problems)
