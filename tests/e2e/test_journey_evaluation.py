"""Journey: stories, a reflection and the evaluation report in a real browser (390 px), every page checked
with axe-core. An expert tells a resident's story with consent for the report and writes a reflection after
the intervisie; the coordinator approves the story, reads the report as page, PDF and XLSX (totals compared
with the database), gives a funder a link and revokes it; the expert withdraws the story and it leaves the
report."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.db.models import Exists, OuterRef, Sum
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from inzet.compensation.models import EntryState, HourEntry
from inzet.evaluation.counts import shown
from inzet.evaluation.models import Reflection, ReportGrant, Story
from inzet.neighbourhood.models import Trajectory
from inzet.organisations.models import Organisation
from tests.e2e.test_crawl import open_menu

pytestmark = pytest.mark.e2e
DEMO_PASSWORD = "inzet-demo-2026"
PHONE = {"width": 390, "height": 844}
STORY = "Samen naar het loket"


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def log_in(page, email: str) -> None:
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill(email)
    page.get_by_label(label("Wachtwoord")).fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()


def check(page, axe) -> list[str]:
    problems = axe(page)
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        problems.append(f"{page.url}: scrolls sideways at {PHONE['width']} px")
    return problems


def download(page, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    return Path(info.value.path()).read_bytes()


def _hours(organisation, start, end):
    replaced = HourEntry.objects.filter(corrects=OuterRef("pk"), state=EntryState.APPROVED)
    return (
        HourEntry.objects.filter(
            state=EntryState.APPROVED,
            date__gte=start,
            date__lte=end,
            invitation__request__deploying_organisation=organisation,
        )
        .exclude(Exists(replaced))
        .aggregate(total=Sum("hours"))["total"]
        or 0
    )


def test_a_story_a_reflection_and_the_report_as_page_pdf_and_xlsx(page, axe, demo):
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    organisation = Organisation.objects.get(slug="platform-utrecht")
    today = datetime.date.today()
    start = datetime.date(today.year, 1, 1)

    # The expert tells a resident's story; without consent it comes back in Dutch and keeps the text.
    log_in(page, "expert@example.org")
    open_menu(page, "Mijn werk")
    page.get_by_role("link", name="Verhalen en terugblik").click()
    problems += check(page, axe)
    page.get_by_role("link", name=f"Een verhaal vertellen voor {organisation.name}").click()
    problems += check(page, axe)
    page.get_by_label(label("Wie vertelt het verhaal?")).select_option(
        label="Bewoner of deelnemer (ik schrijf het op namens hem of haar)"
    )
    page.get_by_label(label("Titel")).fill(STORY)
    page.get_by_label(label("Het verhaal")).fill("Hij durfde niet alleen. Nu gaat hij zelf.")
    expect(page.get_by_label(label("Anoniem gebruiken"))).to_be_checked()
    page.get_by_label(label("Mag in het evaluatierapport voor financiers")).check()
    page.get_by_role("button", name="Verhaal insturen").click()
    expect(
        page.get_by_text("Zonder toestemming van de verteller kunnen we het verhaal niet gebruiken.")
    ).to_be_visible()
    expect(page.get_by_label(label("Titel"))).to_have_value(STORY)
    problems += check(page, axe)
    page.get_by_label(re.compile("^De verteller gaf toestemming")).check()
    page.get_by_role("button", name="Verhaal insturen").click()
    expect(page.get_by_role("heading", name=STORY)).to_be_visible()
    problems += check(page, axe)
    story = Story.objects.filter(submitted_by__email="expert@example.org").latest("pk")  # the text is encrypted
    assert story.title == STORY
    assert story.anonymous and story.for_report and not story.for_website and story.approved_at is None

    # A reflection after the demo intervisie.
    page.goto("/evaluatie/terugblik/")
    problems += check(page, axe)
    page.get_by_role("link", name=f"Nieuwe terugblik voor {organisation.name}").click()
    page.get_by_label(label("Na welk moment?")).select_option(label="Intervisie")
    meeting_select = page.get_by_label(label("Welke bijeenkomst?"))
    meeting_select.select_option(index=1)
    page.get_by_label(label("Wat ging goed?")).fill("We luisterden echt naar elkaar.")
    page.get_by_label(label("Wat was moeilijk?")).fill("Op tijd stoppen.")
    page.get_by_label(label("Wat leren we ervan?")).fill("Een tijdwaker aanwijzen.")
    problems += check(page, axe)
    page.get_by_role("button", name="Terugblik bewaren").click()
    expect(page.get_by_role("heading", name=re.compile("^Terugblik: Intervisie"))).to_be_visible()
    reflection = Reflection.objects.filter(author__email="expert@example.org").latest("pk")
    assert reflection.we_learn == "Een tijdwaker aanwijzen."
    assert reflection.meeting is not None and reflection.meeting.kind == "intervision"

    # The coordinator approves the story and reads the report.
    log_in(page, "coordinator@example.org")
    page.goto(f"/evaluatie/verhalen/{story.pk}/")
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_text("Het verhaal is goedgekeurd.")).to_be_visible()
    open_menu(page, "Meer")
    page.get_by_role("link", name="Evaluatie", exact=True).click()
    problems += check(page, axe)
    page.get_by_role("link", name=f"Evaluatierapport van {organisation.name}").click()
    expect(page.get_by_role("heading", name=f"Evaluatierapport {organisation.name}")).to_be_visible()
    expect(page.get_by_text(STORY)).to_be_visible()
    problems += check(page, axe)

    opened = Trajectory.objects.filter(team__organisation=organisation, opened_on__gte=start, opened_on__lte=today)
    drop_in = opened.filter(channel=Trajectory.Channel.DROP_IN).count()
    cell = page.locator('td[data-count="channels-1"]')
    expect(cell).to_have_text(str(shown(drop_in)))
    expect(page.locator("figure.inzet-chart img").first).to_have_attribute("src", re.compile("^data:image/svg"))

    xlsx = load_workbook(io.BytesIO(download(page, "Download als Excel (XLSX)"))).active
    rows = {(r[1], r[2]): (r[3], r[4]) for r in xlsx.iter_rows(values_only=True) if r and len(r) > 4}
    assert rows[("Hoe kwamen bewoners binnen (nieuwe trajecten)", "Inloopspreekuur")][0] == shown(drop_in)
    assert float(rows[("Uren (goedgekeurd)", "Uren")][1]) == float(_hours(organisation, start, today))
    assert any(r[0] == "Verhaal" and r[1] == STORY for r in xlsx.iter_rows(values_only=True) if r)
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(download(page, "Download als PDF"))).pages)
    assert STORY in " ".join(pdf.split())

    # A funder link: made, opened without an account, revoked.
    page.get_by_role("link", name="Een financier laten meelezen").click()
    problems += check(page, axe)
    page.get_by_label(label("Financier")).fill("Fonds Wijkkracht")
    page.get_by_label(label("Link werkt tot en met")).fill("2000-01-01")
    page.get_by_role("button", name="Link maken").click()
    expect(page.get_by_text("Kies een datum vanaf vandaag.")).to_be_visible()
    page.get_by_label(label("Link werkt tot en met")).fill((today + datetime.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Link maken").click()
    expect(page.get_by_text("De link voor de financier is gemaakt.")).to_be_visible()
    grant = ReportGrant.objects.get(funder="Fonds Wijkkracht")
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto(f"/evaluatie/gedeeld/{grant.token}/")
    expect(page.get_by_text("Alleen-lezen inzage voor Fonds Wijkkracht.")).to_be_visible()
    problems += check(page, axe)
    log_in(page, "coordinator@example.org")
    page.goto(f"/evaluatie/{organisation.pk}/financiers/")
    page.get_by_role("row").filter(has_text="Fonds Wijkkracht").get_by_role(
        "button", name=re.compile("^Intrekken")
    ).click()
    expect(page.get_by_text("De link werkt niet meer.")).to_be_visible()
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    assert page.goto(f"/evaluatie/gedeeld/{grant.token}/").status == 404

    # The expert withdraws consent: the story leaves the report.
    log_in(page, "expert@example.org")
    page.goto(f"/evaluatie/verhalen/{story.pk}/")
    page.get_by_role("button", name="Toestemming intrekken en verhaal wissen").click()
    expect(page.get_by_text(re.compile("De toestemming is ingetrokken"))).to_have_count(2)
    log_in(page, "coordinator@example.org")
    page.goto(f"/evaluatie/{organisation.pk}/rapport/")
    expect(page.get_by_role("heading", name=f"Evaluatierapport {organisation.name}")).to_be_visible()
    expect(page.get_by_text(STORY)).to_have_count(0)

    assert problems == [], "\n".join(problems)
