"""One request from the asker's draft to a completed deployment with two experts, in real browsers.

Each person works in their own browser (context): the asker drafts and submits; the coordinator
does the intake and invites two experts from the list; both experts say yes; the coordinator
writes the agreement and the quote; the asker accepts; the coordinator starts and completes.
axe-core checks every page on the way.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.lib.tests.samples import PDF_BYTES
from tests.e2e.test_crawl import label, log_in

pytestmark = pytest.mark.e2e

TITLE = "Meedenken over de wachtlijst jeugdzorg"
DEPLOYING = "Platform Ervaringsdeskundigheid Utrecht"
PDF = PDF_BYTES


class Journey:
    """Collects axe problems over the whole journey, with the step they belong to."""

    def __init__(self, axe):
        self.axe = axe
        self.problems: list[str] = []
        self.visited: list[str] = []

    def check(self, page, step: str) -> None:
        self.visited.append(f"{step}: {urlsplit(page.url).path}")
        self.problems.extend(f"[{step}] {problem}" for problem in self.axe(page))

    def click_and_wait(self, page, locator) -> None:
        with page.expect_navigation():
            locator.click()


def _with_context(text: str, context: str) -> re.Pattern:
    """A button or link text with its visually hidden context ("Uitnodigen: Eva Ervaring")."""
    return re.compile(rf"^{re.escape(text)}\s*:\s*{re.escape(context)}$")


def _second_expert() -> ExpertProfile:
    """Another active demo expert of the platform, next to Eva (expert@example.org)."""
    return (
        ExpertProfile.objects.filter(
            organisation__slug="platform-utrecht", status=ExpertStatus.ACTIVE, paused=False, consent_matching=True
        )
        .exclude(user__email="expert@example.org")
        .exclude(user__email="coordinator@example.org")
        .select_related("user")
        .order_by("pk")
        .first()
    )


def _new_page(browser, live_server):
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def test_a_request_goes_from_draft_to_completed(page, browser, live_server, demo, axe):
    journey = Journey(axe)
    second = _second_expert()
    assert second is not None, "the demo needs a second active expert at the platform"
    contexts = []

    # --- the asker drafts and submits ----------------------------------------------------------
    asker = page
    log_in(asker, "vrager@example.org")
    asker.goto("/vragen/")
    journey.check(asker, "asker: mijn vragen")
    journey.click_and_wait(asker, asker.get_by_role("link", name="Nieuwe vraag"))
    journey.check(asker, "asker: doel")
    asker.get_by_label(label("Korte titel")).fill(TITLE)
    asker.get_by_label(label("Wat is het doel?")).fill("Beter begrijpen wat gezinnen op de wachtlijst nodig hebben.")
    asker.get_by_label(label("Aan welke organisatie")).select_option(label=DEPLOYING)
    journey.click_and_wait(asker, asker.get_by_role("button", name="Opslaan en verder"))

    journey.check(asker, "asker: soort werk")
    asker.get_by_label(label("Wat gaan de ervaringsdeskundigen doen?")).fill("Drie keer meepraten in een werkgroep.")
    journey.click_and_wait(asker, asker.get_by_role("button", name="Opslaan en verder"))

    journey.check(asker, "asker: wie zoekt u")
    expect(asker.get_by_label(label("Hoeveel ervaringsdeskundigen"))).to_have_value("2")
    journey.click_and_wait(asker, asker.get_by_role("button", name="Opslaan en verder"))

    journey.check(asker, "asker: tijd")
    asker.get_by_label(label("Hoeveel uur per persoon (ongeveer)")).fill("6")
    asker.get_by_label(label("Tijd en planning")).fill("Drie dinsdagmiddagen van 13.00 tot 15.00 uur.")
    journey.click_and_wait(asker, asker.get_by_role("button", name="Opslaan en verder"))

    journey.check(asker, "asker: plaats")
    asker.get_by_label(label("Plaats en adres")).fill("Stadskantoor, Utrecht")
    journey.click_and_wait(asker, asker.get_by_role("button", name="Opslaan en verder"))

    journey.check(asker, "asker: vergoeding")
    asker.get_by_label(label("Bedrag per uur (euro)")).fill("50")
    journey.click_and_wait(asker, asker.get_by_role("button", name="Opslaan en verder"))

    journey.check(asker, "asker: bijlagen")
    asker.get_by_label(label("Bijlage")).set_input_files(
        files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    journey.click_and_wait(asker, asker.get_by_role("button", name="Bijlage toevoegen"))
    expect(asker.get_by_role("link", name="plan.pdf")).to_be_visible()
    journey.click_and_wait(asker, asker.get_by_role("link", name="Verder naar controleren"))

    journey.check(asker, "asker: controleren")
    journey.click_and_wait(asker, asker.get_by_role("button", name="Vraag versturen"))
    expect(asker.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(asker.get_by_text("Status: Verstuurd", exact=False)).to_be_visible()
    journey.check(asker, "asker: vraag ingediend")
    request = EngagementRequest.objects.get(title=TITLE)
    detail = f"/vragen/{request.pk}/"

    # --- the coordinator: intake, then two invitations ------------------------------------------
    context, coordinator = _new_page(browser, live_server)
    contexts.append(context)
    log_in(coordinator, "coordinator@example.org")
    coordinator.goto("/vragen/binnengekomen/")
    journey.check(coordinator, "coordinator: binnengekomen")
    journey.click_and_wait(coordinator, coordinator.get_by_role("link", name=TITLE))
    journey.check(coordinator, "coordinator: vraag")
    journey.click_and_wait(coordinator, coordinator.get_by_role("link", name="Intake doen"))
    journey.check(coordinator, "coordinator: intake")
    for number, question in enumerate(
        (
            "1. Past de vraag bij onze missie?",
            "2. Hebben onze ervaringsdeskundigen de juiste deskundigheid?",
            "3. Zijn de voorwaarden goed: een eerlijke vergoeding en psychologische veiligheid?",
        ),
        start=1,
    ):
        coordinator.get_by_role("group", name=re.compile(re.escape(question))).get_by_label("Ja").check()
        coordinator.get_by_label(label(f"Toelichting bij vraag {number}")).fill("Ja, dat klopt.")
    coordinator.get_by_role("group", name=re.compile("Wat is uw besluit")).get_by_label("Aannemen").check()
    journey.click_and_wait(coordinator, coordinator.get_by_role("button", name="Besluit opslaan"))
    expect(coordinator.get_by_text("Status: Zoeken naar ervaringsdeskundigen", exact=False)).to_be_visible()

    journey.click_and_wait(coordinator, coordinator.get_by_role("link", name="Uitnodigen uit de lijst"))
    journey.check(coordinator, "coordinator: uitnodigen")
    for name in ("Eva Ervaring", second.user.full_name):
        coordinator.get_by_label(label("Zoek op naam")).fill(name)
        journey.click_and_wait(coordinator, coordinator.get_by_role("button", name="Zoeken"))
        journey.click_and_wait(coordinator, coordinator.get_by_role("button", name=_with_context("Uitnodigen", name)))
        expect(coordinator.get_by_text("De uitnodiging is verstuurd.")).to_be_visible()
    journey.check(coordinator, "coordinator: uitgenodigd")
    assert Invitation.objects.filter(request=request, state=Invitation.State.PENDING).count() == 2

    # --- both experts say yes, each in their own browser ------------------------------------------
    for email in ("expert@example.org", second.user.email):
        context, expert = _new_page(browser, live_server)
        contexts.append(context)
        log_in(expert, email)
        expert.goto("/vragen/uitnodigingen/")
        journey.check(expert, f"{email}: mijn uitnodigingen")
        journey.click_and_wait(expert, expert.get_by_role("link", name=_with_context("Bekijken en antwoorden", TITLE)))
        journey.check(expert, f"{email}: uitnodiging")
        expect(expert.get_by_text("Drie keer meepraten in een werkgroep.")).to_be_visible()
        invitation_url = expert.url
        journey.click_and_wait(expert, expert.get_by_role("button", name="Ja, ik doe mee"))
        # After yes comes "Wat heeft u nodig?" (nothing needed here); the invitation page then says yes.
        expect(expert.get_by_role("heading", name="Wat heeft u nodig om dit te kunnen doen?")).to_be_visible()
        journey.check(expert, f"{email}: wat heeft u nodig")
        expert.goto(invitation_url)
        expect(expert.get_by_text("U heeft ja gezegd. U doet mee.")).to_be_visible()
        journey.check(expert, f"{email}: ja gezegd")
    assert Invitation.objects.filter(request=request, state=Invitation.State.ACCEPTED).count() == 2

    # --- the coordinator writes the agreement and the quote -----------------------------------------
    coordinator.goto(detail)
    journey.click_and_wait(coordinator, coordinator.get_by_role("link", name="Afspraken en offerte maken"))
    journey.check(coordinator, "coordinator: afspraken")
    expect(coordinator.get_by_label(label("Tarief per uur"))).to_have_value("50.00")
    expect(coordinator.get_by_label(label("Uren in totaal"))).to_have_value("12.0")
    coordinator.get_by_label(label("Communicatie")).fill("Elke vrijdag een korte mail.")
    coordinator.get_by_label(label("Taken en rollen")).fill("Meedenken en meebeslissen.")
    coordinator.get_by_label(label("Wat verwachten we van elkaar")).fill("Voorbereid komen en elkaar laten uitpraten.")
    coordinator.get_by_label(label("Vangnet: wie kunnen de ervaringsdeskundigen bellen?")).fill("Carla, 030-1234567")
    journey.click_and_wait(coordinator, coordinator.get_by_role("button", name="Opslaan en naar de vrager sturen"))
    expect(coordinator.get_by_role("heading", name="Samenwerkingsafspraken")).to_be_visible()
    journey.check(coordinator, "coordinator: afspraken opgeslagen")

    # --- the asker accepts ----------------------------------------------------------------------
    asker.goto(detail)
    journey.check(asker, "asker: afspraken bekijken")
    expect(asker.get_by_role("cell", name="€ 600,00").first).to_be_visible()
    journey.click_and_wait(asker, asker.get_by_role("button", name="Akkoord geven op afspraken en offerte"))
    expect(asker.get_by_text("Status: Afgesproken", exact=False)).to_be_visible()
    journey.check(asker, "asker: akkoord")

    # --- the coordinator starts and completes -----------------------------------------------------
    coordinator.goto(detail)
    journey.click_and_wait(coordinator, coordinator.get_by_role("button", name="Inzet starten"))
    expect(coordinator.get_by_text("Status: Bezig", exact=False)).to_be_visible()
    journey.check(coordinator, "coordinator: bezig")
    coordinator.get_by_label(label("Hoe ging het? (niet verplicht)")).fill("Waardevolle gesprekken.")
    journey.click_and_wait(coordinator, coordinator.get_by_role("button", name="Inzet afronden"))
    expect(coordinator.get_by_text("Status: Afgerond", exact=False)).to_be_visible()
    journey.check(coordinator, "coordinator: afgerond")

    request.refresh_from_db()
    assert request.status == RequestStatus.COMPLETED
    assert request.agreement.accepted_by.email == "vrager@example.org"
    for context in contexts:
        context.close()
    print("\nrequest journey:\n  " + "\n  ".join(journey.visited))
    if journey.problems:
        pytest.fail(
            f"{len(journey.problems)} accessibility problem(s):\n  " + "\n  ".join(journey.problems), pytrace=False
        )
