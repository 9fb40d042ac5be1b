"""Journey: talking to each other and changing one's mind, in real browsers, axe-core on every page.

An asker and a coordinator exchange messages with an attachment; the asker asks for a change to the
quote and accepts the second version; an expert who said yes steps back, the coordinator is told,
and the seat is offered to someone else. Each person works in their own browser (context).
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from inzet.conversations.models import MessageAttachment
from inzet.engagements import services
from inzet.engagements.models import AgreementVersion, EngagementRequest, Invitation, RequestStatus
from inzet.engagements.tests.factories import ACCEPT_ANSWERS, AGREEMENT_DATA
from inzet.experts.models import ExpertProfile
from inzet.lib.mail import notifications_off
from inzet.lib.tests.samples import PDF_BYTES
from inzet.organisations.models import Membership, Role
from tests.e2e.test_crawl import label, log_in
from tests.e2e.test_journey_request import _second_expert

pytestmark = pytest.mark.e2e

TITLE = "Meedenken over de toegankelijkheid van het zwembad"


class Journey:
    def __init__(self, axe):
        self.axe = axe
        self.problems: list[str] = []

    def check(self, page, step: str) -> None:
        self.problems.extend(f"[{step}] {problem}" for problem in self.axe(page))

    def click(self, page, locator) -> None:
        with page.expect_navigation():
            locator.click()


def _new_page(browser, live_server):
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def _request_with_one_seat() -> tuple[EngagementRequest, Invitation]:
    """A request of the demo asker to Carla's organisation, one seat, Eva invited (no e-mail)."""
    asker = Membership.objects.get(user__email="vrager@example.org", role=Role.ASKER)
    coordinator = Membership.objects.get(user__email="coordinator@example.org", role=Role.COORDINATOR)
    eva = ExpertProfile.objects.get(user__email="expert@example.org")
    with notifications_off():
        request = services.request_create(
            asker_organisation=asker.organisation,
            actor=asker.user,
            data={
                "title": TITLE,
                "goal": "Weten wat mensen met een beperking nodig hebben om te kunnen zwemmen.",
                "deploying_organisation": coordinator.organisation,
                "experts_needed": 1,
            },
        )
        services.request_submit(engagement=request, actor=asker.user)
        services.intake_review(engagement=request, actor=coordinator.user, answers=ACCEPT_ANSWERS)
        invitation = services.invitation_create(engagement=request, expert=eva, actor=coordinator.user)
    return request, invitation


def test_talking_changing_the_quote_and_stepping_back(page, browser, live_server, demo, axe):
    journey = Journey(axe)
    request, invitation = _request_with_one_seat()
    detail = f"/vragen/{request.pk}/"
    contexts = []

    # --- the asker writes to the organisation, with an attachment ----------------------------------
    asker = page
    log_in(asker, "vrager@example.org")
    asker.goto(detail)
    journey.click(asker, asker.get_by_role("link", name="Berichten over deze vraag"))
    journey.check(asker, "asker: gesprek")
    asker.get_by_label(label("Uw bericht")).fill("Kunnen de ervaringsdeskundigen ook het plan van het zwembad lezen?")
    asker.get_by_label(label("Bestand meesturen (niet verplicht)")).set_input_files(
        files=[{"name": "plan-zwembad.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    journey.click(asker, asker.get_by_role("button", name="Versturen"))
    expect(asker.get_by_text("Uw bericht is verstuurd.")).to_be_visible()
    expect(asker.get_by_role("link", name=re.compile("plan-zwembad.pdf"))).to_be_visible()
    assert MessageAttachment.objects.filter(original_name="plan-zwembad.pdf").exists()

    # --- the coordinator sees the unread count, reads and answers ------------------------------------
    context, coordinator = _new_page(browser, live_server)
    contexts.append(context)
    log_in(coordinator, "coordinator@example.org")
    # The account menu shows the sum while closed; opened, the count per kind.
    expect(coordinator.locator('[data-inzet-unread="total"]')).to_be_visible()
    coordinator.locator(".inzet-header summary", has_text="Mijn account").click()
    badge = coordinator.locator('[data-inzet-unread="messages"]')
    expect(badge).to_be_visible()
    expect(badge).to_contain_text("1")
    journey.click(coordinator, coordinator.get_by_role("link", name=re.compile(r"^Berichten")))
    journey.check(coordinator, "coordinator: mijn gesprekken")
    journey.click(coordinator, coordinator.get_by_role("link", name=TITLE))
    journey.check(coordinator, "coordinator: gesprek")
    expect(coordinator.get_by_text("plan van het zwembad lezen")).to_be_visible()
    with coordinator.expect_download() as download:
        coordinator.get_by_role("link", name=re.compile("plan-zwembad.pdf")).click()
    assert Path(download.value.path()).read_bytes() == PDF_BYTES
    # Bad input loses nothing: an empty message gets a clear Dutch message.
    journey.click(coordinator, coordinator.get_by_role("button", name="Versturen"))
    expect(coordinator.get_by_text("Schrijf een bericht of voeg een bestand toe.")).to_be_visible()
    coordinator.get_by_label(label("Uw bericht")).fill("Ja, dat regel ik. Dank u wel voor het plan.")
    journey.click(coordinator, coordinator.get_by_role("button", name="Versturen"))
    expect(coordinator.get_by_text("Ja, dat regel ik.")).to_be_visible()
    coordinator.goto("/gesprekken/meldingen/")
    journey.check(coordinator, "coordinator: meldingen")

    asker.goto(f"/gesprekken/vraag/{request.pk}/")
    expect(asker.get_by_text("Ja, dat regel ik.")).to_be_visible()

    # --- the expert says yes (and may write to the coordinator privately) -----------------------------
    context, expert = _new_page(browser, live_server)
    contexts.append(context)
    log_in(expert, "expert@example.org")
    expert.goto(f"/vragen/uitnodigingen/{invitation.pk}/")
    journey.check(expert, "expert: uitnodiging")
    journey.click(expert, expert.get_by_role("link", name="Vraag iets aan de coördinator"))
    journey.check(expert, "expert: gesprek over de uitnodiging")
    expect(expert.get_by_text("De vrager leest het niet.")).to_be_visible()
    expert.goto(f"/vragen/uitnodigingen/{invitation.pk}/")
    journey.click(expert, expert.get_by_role("button", name="Ja, ik doe mee"))
    # After yes comes "Wat heeft u nodig?" (nothing needed here); the invitation page then says yes.
    expect(expert.get_by_role("heading", name="Wat heeft u nodig om dit te kunnen doen?")).to_be_visible()
    expert.goto(f"/vragen/uitnodigingen/{invitation.pk}/")
    expect(expert.get_by_text("U heeft ja gezegd. U doet mee.")).to_be_visible()

    # --- the asker asks for a change to the quote; the coordinator makes version 2 -------------------
    with notifications_off():
        services.agreement_save(
            engagement=request,
            actor=request.deploying_organisation.memberships.get(
                role=Role.COORDINATOR, user__email="coordinator@example.org"
            ).user,
            data=AGREEMENT_DATA,
        )
    asker.goto(detail)
    journey.check(asker, "asker: afspraken versie 1")
    journey.click(asker, asker.get_by_role("link", name="Iets anders willen? Vraag een aanpassing"))
    journey.check(asker, "asker: aanpassing vragen")
    journey.click(asker, asker.get_by_role("button", name="Aanpassing vragen"))
    expect(asker.get_by_text("Schrijf wat u anders wilt en waarom.").first).to_be_visible()
    asker.get_by_label(label("Wat wilt u anders, en waarom?")).fill("Wij hebben budget voor 10 uur, niet voor 12.")
    journey.click(asker, asker.get_by_role("button", name="Aanpassing vragen"))
    expect(asker.get_by_text("Uw vraag om een aanpassing is verstuurd.", exact=False)).to_be_visible()
    expect(asker.get_by_role("button", name=re.compile("Akkoord geven"))).to_have_count(0)

    coordinator.goto(detail)
    expect(coordinator.get_by_text("Wij hebben budget voor 10 uur").first).to_be_visible()
    journey.click(coordinator, coordinator.get_by_role("link", name="Afspraken en offerte aanpassen"))
    journey.check(coordinator, "coordinator: nieuwe versie")
    coordinator.get_by_label(label("Uren in totaal")).fill("10")
    journey.click(coordinator, coordinator.get_by_role("button", name="Opslaan en naar de vrager sturen"))
    expect(coordinator.get_by_role("table", name="Versies van de afspraken en de offerte")).to_be_visible()

    asker.goto(detail)
    journey.check(asker, "asker: versie 2")
    versions = asker.get_by_role("table", name="Versies van de afspraken en de offerte")
    expect(versions.get_by_role("cell", name="€ 600,00")).to_be_visible()  # version 1 is kept
    expect(versions.get_by_role("cell", name="€ 500,00")).to_be_visible()
    journey.click(asker, asker.get_by_role("button", name="Akkoord geven op versie 2"))
    expect(asker.get_by_text("Status: Afgesproken", exact=False)).to_be_visible()
    assert AgreementVersion.objects.filter(agreement__request=request).count() == 2

    # --- the expert steps back; the coordinator is told and offers the seat again -------------------
    expert.goto(f"/vragen/uitnodigingen/{invitation.pk}/")
    journey.click(expert, expert.get_by_role("link", name="Terugtrekken"))
    journey.check(expert, "expert: terugtrekken")
    expert.get_by_label(label("Wilt u zeggen waarom? (niet verplicht)")).fill("Het onderwerp ligt mij nu te zwaar.")
    journey.click(expert, expert.get_by_role("button", name="Ik trek mij terug"))
    expect(expert.get_by_text("U heeft zich teruggetrokken.", exact=False)).to_be_visible()
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHING

    asker.goto(detail)
    expect(asker.get_by_text("te zwaar")).to_have_count(0)  # the reason never reaches the asker

    coordinator.goto("/gesprekken/meldingen/")
    journey.check(coordinator, "coordinator: melding terugtrekken")
    journey.click(coordinator, coordinator.get_by_role("link", name=re.compile("teruggetrokken")))
    assert urlsplit(coordinator.url).path == detail
    expect(coordinator.get_by_text("Het onderwerp ligt mij nu te zwaar.")).to_be_visible()
    second = _second_expert()
    journey.click(coordinator, coordinator.get_by_role("link", name="Uitnodigen uit de lijst"))
    coordinator.get_by_label(label("Zoek op naam")).fill(second.user.full_name)
    journey.click(coordinator, coordinator.get_by_role("button", name="Zoeken"))
    journey.click(
        coordinator,
        coordinator.get_by_role("button", name=re.compile(rf"^Uitnodigen\s*:\s*{re.escape(second.user.full_name)}$")),
    )
    expect(coordinator.get_by_text("De uitnodiging is verstuurd.")).to_be_visible()
    assert Invitation.objects.filter(request=request, expert=second, state=Invitation.State.PENDING).exists()

    for context in contexts:
        context.close()
    assert journey.problems == [], "\n".join(journey.problems)
