"""Issue 11, part B in real browsers: an intake that counts, what the expert needs, referring.

- an expert says yes, states what they need, and the coordinator sees it in the team proposal;
- a coordinator answers "Nee" on a question and can only accept with an explicit exception and a reason;
- with the brokerage switch off, an asker finds an organisation and its contact person and sends a
  referral question, which the organisation takes on.

axe-core checks every page on the way.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from inzet.demo.engagements import MARKER
from inzet.engagements.models import EngagementRequest, IntakeReview, InvitationNeeds, Referral
from inzet.organisations.models import PolicySettings
from tests.e2e.test_crawl import label, log_in

pytestmark = pytest.mark.e2e

DEPLOYING = "Platform Ervaringsdeskundigheid Utrecht"


class Checked:
    def __init__(self, axe):
        self.axe = axe
        self.problems: list[str] = []

    def check(self, page, step: str) -> None:
        self.problems.extend(f"[{step}] {problem}" for problem in self.axe(page))

    def click(self, page, locator) -> None:
        with page.expect_navigation():
            locator.click()


def _hidden(text: str, context: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(text)}\s*:\s*{re.escape(context)}$")


def _other_page(browser, live_server):
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def test_an_expert_says_yes_with_a_need_and_the_coordinator_sees_it(page, browser, live_server, demo, axe):
    run = Checked(axe)
    request = EngagementRequest.objects.get(title=MARKER)
    expert = page
    log_in(expert, "expert@example.org")
    expert.goto("/vragen/uitnodigingen/")
    run.click(expert, expert.get_by_role("link", name=_hidden("Bekijken en antwoorden", MARKER)))
    run.click(expert, expert.get_by_role("button", name="Ja, ik doe mee"))
    assert urlsplit(expert.url).path.endswith("/wat-ik-nodig-heb/")
    expect(expert.get_by_role("heading", name="Wat heeft u nodig om dit te kunnen doen?")).to_be_visible()
    run.check(expert, "expert: wat ik nodig heb")
    expert.get_by_label("Een tolk (bijvoorbeeld gebarentaal)").check()
    expert.get_by_label("Iets anders", exact=True).check()
    run.click(expert, expert.get_by_role("button", name="Opslaan"))
    # "Iets anders" without words: a Dutch message, and the ticks are still there.
    expect(expert.get_by_text("U koos 'iets anders'. Schrijf kort wat u nodig heeft.")).to_be_visible()
    expect(expert.get_by_label("Een tolk (bijvoorbeeld gebarentaal)")).to_be_checked()
    run.check(expert, "expert: wat ik nodig heb, met fout")
    expert.get_by_label(label("Iets anders: wat heeft u nodig?")).fill("Een pauze elk uur")
    expert.get_by_label(label("De vrager mag zien wat ik nodig heb (zonder mijn vangnet)")).check()
    run.click(expert, expert.get_by_role("button", name="Opslaan"))
    expect(expert.get_by_text("Dank u wel. De coördinator ziet wat u nodig heeft.")).to_be_visible()
    run.check(expert, "expert: uitnodiging na ja")
    needs = InvitationNeeds.objects.get(
        invitation__request=request, invitation__expert__user__email="expert@example.org"
    )
    assert needs.kind_list == ["interpreter", "other"] and needs.share_with_asker

    context, coordinator = _other_page(browser, live_server)
    try:
        log_in(coordinator, "coordinator@example.org")
        coordinator.goto(f"/koppelen/{request.pk}/")
        proposal = coordinator.locator("section", has=coordinator.get_by_role("heading", name="Al gevraagd"))
        expect(proposal.get_by_text("Eva Ervaring")).to_be_visible()
        expect(proposal.get_by_text("heeft ja gezegd").first).to_be_visible()
        expect(proposal.get_by_text("Een tolk (bijvoorbeeld gebarentaal)")).to_be_visible()
        expect(proposal.get_by_text("Een pauze elk uur")).to_be_visible()
        run.check(coordinator, "coordinator: koppelen")
    finally:
        context.close()
    assert run.problems == [], "\n".join(run.problems)


def test_a_coordinator_accepts_despite_a_no_only_with_a_reason(page, demo, axe):
    run = Checked(axe)
    request = EngagementRequest.objects.get(title="Cliëntenraad versterken")
    coordinator = page
    log_in(coordinator, "coordinator@example.org")
    coordinator.goto(f"/vragen/{request.pk}/intake/")
    run.check(coordinator, "intake")
    questions = (
        "1. Past de vraag bij onze missie?",
        "2. Hebben onze ervaringsdeskundigen de juiste deskundigheid?",
        "3. Zijn de voorwaarden goed: een eerlijke vergoeding en psychologische veiligheid?",
    )
    for number, question in enumerate(questions, start=1):
        answer = "Nee" if number == 3 else "Ja"
        coordinator.get_by_role("group", name=re.compile(re.escape(question))).get_by_label(answer, exact=True).check()
        coordinator.get_by_label(label(f"Toelichting bij vraag {number}")).fill(
            "De vergoeding is nog niet geregeld." if number == 3 else "Ja, dat klopt."
        )
    coordinator.get_by_role("group", name=re.compile("Wat is uw besluit")).get_by_label("Aannemen").check()
    run.click(coordinator, coordinator.get_by_role("button", name="Besluit opslaan"))
    expect(coordinator.get_by_text("Vink dan de uitzondering aan.", exact=False)).to_be_visible()
    expect(coordinator.get_by_label(label("Toelichting bij vraag 3"))).to_have_value(
        "De vergoeding is nog niet geregeld."
    )
    run.check(coordinator, "intake met fout")
    assert not IntakeReview.objects.filter(request=request).exists()

    coordinator.get_by_label(label("Ik neem de vraag toch aan, als uitzondering")).check()
    coordinator.get_by_label(label("Waarom neemt u de vraag toch aan?")).fill("De wethouder regelt de vergoeding.")
    run.click(coordinator, coordinator.get_by_role("button", name="Besluit opslaan"))
    expect(coordinator.get_by_text("Status: Zoeken naar ervaringsdeskundigen", exact=False)).to_be_visible()
    expect(coordinator.get_by_text("De wethouder regelt de vergoeding.").first).to_be_visible()
    run.check(coordinator, "vraag na intake")
    review = IntakeReview.objects.get(request=request)
    assert review.override and not review.conditions_ok
    assert run.problems == [], "\n".join(run.problems)


def test_with_brokerage_off_an_asker_refers_and_the_organisation_takes_it_on(page, browser, live_server, demo, axe):
    run = Checked(axe)
    PolicySettings.objects.update_or_create(pk=1, defaults={"brokerage": False})
    asker = page
    log_in(asker, "vrager@example.org")
    asker.goto("/vragen/")
    expect(asker.get_by_role("link", name="Nieuwe vraag")).to_have_count(0)
    run.click(asker, asker.get_by_role("link", name="Een organisatie zoeken en een vraag sturen"))
    run.check(asker, "doorverwijzen")
    expect(asker.get_by_role("heading", name=DEPLOYING)).to_be_visible()
    expect(asker.get_by_text("Contactpersoon:").first).to_be_visible()
    run.click(asker, asker.get_by_role("link", name=_hidden("Vraag sturen", DEPLOYING)))
    run.check(asker, "vraag sturen")
    asker.get_by_label(label("Hoe kan de organisatie u bereiken?")).fill("030-1234567")
    run.click(asker, asker.get_by_role("button", name="Vraag versturen"))
    expect(asker.get_by_text("Schrijf uw vraag in een paar zinnen.")).to_be_visible()
    expect(asker.get_by_label(label("Hoe kan de organisatie u bereiken?"))).to_have_value("030-1234567")
    asker.get_by_label(label("Uw vraag")).fill("Wie denkt mee over ons armoedebeleid?")
    run.click(asker, asker.get_by_role("button", name="Vraag versturen"))
    expect(asker.get_by_text("Verstuurd, wacht op antwoord")).to_be_visible()
    run.check(asker, "mijn doorverwijzingen")
    # The wizard is closed while referring.
    asker.goto("/vragen/nieuw/")
    assert urlsplit(asker.url).path == "/vragen/doorverwijzen/"

    context, coordinator = _other_page(browser, live_server)
    try:
        log_in(coordinator, "coordinator@example.org")
        coordinator.goto("/vragen/doorverwijzingen/")
        run.check(coordinator, "doorverwijzingen coordinator")
        card = coordinator.locator("section", has_text="Wie denkt mee over ons armoedebeleid?")
        card.get_by_label("Ja, wij nemen contact op").check()
        card.get_by_label(label("Bericht aan de vrager")).fill("Wij bellen u deze week.")
        run.click(coordinator, card.get_by_role("button", name="Antwoord opslaan"))
        expect(coordinator.get_by_text("Uw antwoord is opgeslagen.", exact=False)).to_be_visible()
    finally:
        context.close()
    assert Referral.objects.get().state == Referral.State.TAKEN_ON
    asker.goto("/vragen/doorverwijzingen/")
    expect(asker.get_by_text("De organisatie pakt het op")).to_be_visible()
    assert run.problems == [], "\n".join(run.problems)
