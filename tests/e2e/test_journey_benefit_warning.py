"""Journey: a year without tax caps still warns about a benefit; outside allowances count.

An expert under 21 with Wajong is offered 8 hours × € 50 in a year whose tax caps are not in Inzet:
the page warns about UWV and says plainly that the caps are unknown and who enters them. The expert
declares an allowance from an organisation outside Inzet with the keyboard. The operator's home page
asks for the missing caps. Every page is checked with axe-core.
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_person
from inzet.accounts.models import User
from inzet.compensation.models import AllowanceCapRow, ExternalAllowance
from inzet.compensation.tests import factories as f
from inzet.organisations.models import Organisation, Role
from tests.e2e.test_journey_pay import DEMO_PASSWORD, label, log_in

pytestmark = pytest.mark.e2e


def test_a_missing_year_still_warns_and_outside_allowances_count(page, axe, demo):
    problems: list[str] = []
    year = dt.date.today().year
    AllowanceCapRow.objects.filter(year=year).delete()  # this year's caps are not known
    deploying = Organisation.objects.get(slug="platform-utrecht")
    asker = User.objects.get(email="vrager@example.org")
    wim = make_person("wim.wajong@example.org", "Wim Wajong", [(deploying, Role.EXPERT)])
    f.profile_for(wim, deploying, benefit_situation="wajong", age_band="under_21")
    congress = f.engagement(
        None,
        title="Spreken op een congres",
        asker=asker,
        deploying=deploying,
        asker_organisation=Organisation.objects.get(slug="gemeente-utrecht"),
        rate="50.00",
        hours="8",
        amount_offered="50.00",
        hours_estimate="8",
    )
    invitation = f.assignment(None, expert=wim, asker=asker, request=congress, state="pending")

    # --- the expert is warned about the benefit, and told the tax caps are unknown ---------------
    log_in(page, "wim.wajong@example.org", PASSWORD)
    page.goto(f"/vergoedingen/opdrachten/{invitation.pk}/beloning/")
    warning = page.locator("#grens-waarschuwing")
    expect(page.get_by_role("heading", name="Let op: deze vergoeding kan gevolgen hebben voor u")).to_be_visible()
    expect(warning).to_contain_text("UWV")
    expect(warning).to_contain_text(f"De belastinggrenzen voor {year} zijn nog niet bekend in Inzet")
    expect(warning).to_contain_text("Alleen de beheerder van Inzet kan ze invoeren")
    expect(warning.get_by_role("link", name="uwv.nl").first).to_be_visible()  # a public source, as a link
    problems += axe(page)

    # --- the expert declares an allowance from outside Inzet, keyboard only ----------------------
    page.goto("/vergoedingen/")
    with page.expect_navigation():
        page.get_by_role("link", name="Vergoedingen van buiten Inzet bekijken of invullen").click()
    problems += axe(page)
    page.get_by_label(label("Naam van de organisatie")).fill("Voedselbank")
    page.get_by_label(label("Bedrag per maand")).fill("85,00")
    page.get_by_label(label("Vanaf maand")).fill(f"{year}-01")
    page.get_by_label(label("Vanaf maand")).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("table", name="Vergoedingen van buiten Inzet")).to_contain_text("Voedselbank")
    expect(page.get_by_role("table", name="Vergoedingen van buiten Inzet")).to_contain_text("€ 85,00")
    problems += axe(page)
    assert ExternalAllowance.objects.get(expert__user=wim).amount_decimal == 85

    # --- the operator is asked for the missing caps ------------------------------------------------
    log_in(page, "beheerder@example.org", DEMO_PASSWORD)
    expect(page.get_by_text(re.compile(rf"De belastinggrenzen voor dit jaar \({year}\) ontbreken"))).to_be_visible()
    problems += axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Grenzen invullen").first.click()
    expect(page.get_by_label(label("Bron"))).to_be_visible()
    problems += axe(page)

    assert not problems, "\n".join(problems)
