"""Journey: the knowledge app in a real browser, on a phone-sized screen (390 px), every page checked
with axe-core. An anonymous visitor searches the toolkit by a Dutch word form and asks the helpdesk
a question, which a coordinator turns into a draft request; an asker goes through the readiness
checklist from the request wizard, and the coordinator sees the answers at the intake."""

import re

import pytest
from playwright.sync_api import expect

from inzet.engagements import services as engagement_services
from inzet.engagements.models import EngagementRequest, RequestStatus
from inzet.knowledge.models import HelpdeskQuestion, ReadinessChecklist
from inzet.organisations.models import Organisation
from tests.e2e.test_crawl import open_menu

pytestmark = pytest.mark.e2e
DEMO_PASSWORD = "inzet-demo-2026"
PHONE = {"width": 390, "height": 844}
QUESTION = "Wij zijn een bibliotheek en willen onze gebouwen toegankelijker maken met ervaringsdeskundigen."


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


def test_search_finds_toolkit_pages_by_dutch_word_forms(page, axe, demo):
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    page.goto("/")
    page.get_by_role("link", name=re.compile("^Toolkit: uitleg")).click()
    problems += check(page, axe)
    page.get_by_label(label("Zoek in de kennisbank")).fill("betalingen")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name=re.compile("pagina's? gevonden"))).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("link", name="Eerlijk betalen, en wat dat doet met een uitkering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eerlijk betalen, en wat dat doet met een uitkering")
    expect(page.get_by_role("link", name="Belastingdienst: vrijwilligersvergoedingen")).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("link", name="Afdrukversie").click()
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    problems += check(page, axe)
    page.goto("/kennis/keurmerk-voor-ervaringsdeskundigen/")
    expect(page.get_by_text("Nog geen antwoord.")).to_be_visible()
    problems += check(page, axe)
    assert problems == [], "\n".join(problems)


def test_an_anonymous_question_becomes_a_draft_request(page, axe, demo):
    page.set_viewport_size(PHONE)
    problems: list[str] = []

    # Anyone: from the home page to the helpdesk form; an empty question gets a Dutch message.
    page.goto("/")
    page.get_by_role("link", name="Een vraag stellen aan de vraagbaak (helpdesk)").click()
    problems += check(page, axe)
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.get_by_text("Schrijf uw vraag op.")).to_be_visible()
    problems += check(page, axe)
    page.get_by_label(label("Uw vraag")).fill(QUESTION)
    page.get_by_label(label("Uw e-mailadres (niet verplicht)")).fill("b.de.vries@example.net")
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.get_by_role("heading", name="Dank u wel. Uw vraag is verstuurd.")).to_be_visible()
    problems += check(page, axe)
    # The text is encrypted at rest, so it is compared after reading, not in SQL.
    question = next(q for q in HelpdeskQuestion.objects.filter(channel="web", status="new") if q.question == QUESTION)
    expect(page.get_by_text(question.reference)).to_be_visible()

    # The coordinator finds it in the queue and turns it into a draft for the asker organisation.
    log_in(page, "coordinator@example.org")
    open_menu(page, "Meer")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vraagbaak").click()
    problems += check(page, axe)
    page.get_by_role("link", name=question.reference).click()
    expect(page.get_by_text(QUESTION)).to_be_visible()
    problems += check(page, axe)
    form = page.locator("form", has=page.get_by_role("button", name="Vraag alvast beginnen"))
    form.get_by_label(label("Voor welke vragende organisatie?")).select_option(label="Gemeente Utrecht")
    form.get_by_label(label("Korte titel")).fill("Toegankelijke bibliotheken")
    form.get_by_role("button", name="Vraag alvast beginnen").click()
    expect(page.get_by_text("Er is alvast een vraag begonnen.")).to_be_visible()
    problems += check(page, axe)

    draft = EngagementRequest.objects.get(title="Toegankelijke bibliotheken")
    assert draft.status == RequestStatus.DRAFT and draft.goal == QUESTION
    assert draft.asker_organisation.slug == "gemeente-utrecht"
    assert draft.deploying_organisation.slug == "platform-utrecht"
    question.refresh_from_db()
    assert question.status == "request" and question.engagement_request == draft

    # The asker finds the draft among their requests.
    log_in(page, "vrager@example.org")
    page.goto("/vragen/")
    expect(page.get_by_role("link", name="Toegankelijke bibliotheken")).to_be_visible()
    assert problems == [], "\n".join(problems)


def test_the_askers_readiness_checklist_reaches_the_intake(page, axe, demo):
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    gemeente = Organisation.objects.get(slug="gemeente-utrecht")
    ReadinessChecklist.objects.filter(organisation=gemeente).delete()  # the demo filled one in

    # The asker starts a request; the wizard points to the checklist.
    log_in(page, "vrager@example.org")
    page.goto("/vragen/nieuw/")
    problems += check(page, axe)
    page.get_by_role("link", name="Vul de checklist in").click()
    expect(page.get_by_role("heading", name="Checklist: bent u er klaar voor?")).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("button", name="Opslaan en verder met mijn vraag").click()
    expect(page.get_by_text("Kies een antwoord.").first).to_be_visible()  # nothing chosen yet
    problems += check(page, axe)
    for group, answer in [
        ("Draagvlak", "Ja"),
        ("Rollen en taken", "Deels"),
        ("Voorwaarden", "Ja"),
        ("Planning", "Nee"),
        ("Weet u wat ervaringsdeskundigen kunnen doen", "Weet ik niet"),
    ]:
        page.get_by_role("group", name=re.compile(f"^{group}")).get_by_label(answer, exact=True).check()
    page.get_by_label("Toelichting (niet verplicht)").nth(3).fill("De raad beslist al over zes weken.")
    page.get_by_label("Mobiliteit").check()
    page.get_by_label(label("Wat moet u doen om iedereen mee te laten doen?")).fill("Wij betalen de taxi.")
    page.get_by_role("button", name="Opslaan en verder met mijn vraag").click()
    expect(page.get_by_role("heading", name="Nieuwe vraag", level=1)).to_be_visible()
    checklist = ReadinessChecklist.objects.get(organisation=gemeente)
    assert checklist.answers["timeline"] == {"answer": "no", "note": "De raad beslist al over zes weken."}

    # A request from this organisation reaches the coordinator, who opens the intake.
    deploying = Organisation.objects.get(slug="platform-utrecht")
    asker = gemeente.memberships.get(user__email="vrager@example.org").user
    request = engagement_services.request_create(
        asker_organisation=gemeente,
        actor=asker,
        data={
            "title": "Meedenken over vervoer",
            "goal": "Beter vervoer voor iedereen.",
            "deploying_organisation": deploying,
        },
    )
    engagement_services.request_submit(engagement=request, actor=asker)
    log_in(page, "coordinator@example.org")
    page.goto(f"/vragen/{request.pk}/intake/")
    panel = page.get_by_role("region", name="Checklist van de vrager")
    expect(panel.get_by_text("2 van de 5 punten geregeld", exact=False)).to_be_visible()
    expect(panel.get_by_text("De raad beslist al over zes weken.")).to_be_visible()
    expect(panel.get_by_text("Wij betalen de taxi.", exact=False)).to_be_visible()
    expect(panel.get_by_text("Mobiliteit", exact=False)).to_be_visible()
    problems += check(page, axe)
    assert problems == [], "\n".join(problems)
