"""Journey: a growth plan in a real browser on a phone-sized screen (390 px), every page checked with
axe-core. A coordinator makes a template; the expert starts her plan from it, adds a goal towards
paid work and shares the plan with mentors only; the mentor reviews it in a mentor talk; the
coordinator, not chosen, cannot open it."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_person
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Organisation, PolicySettings, Role
from inzet.support import services
from inzet.support.models import GrowthPlan

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
    org = Organisation.objects.create(name="Stichting Groei", slug="groei", kind=Organisation.Kind.DEPLOYING)
    make_person("coord@groei.nl", "Cas Coördinator", [(org, Role.COORDINATOR)])
    mentor = make_person("mentor@groei.nl", "Mila Mentor", [(org, Role.TRAINER)])
    expert = make_person("eva@groei.nl", "Eva Ervaring", [(org, Role.EXPERT)])
    profile = ExpertProfile.objects.create(user=expert, organisation=org)
    services.talk_record(
        actor=mentor,
        expert=profile,
        partner=mentor,
        held_on=timezone.localdate(),
        goal="Groeiplan bespreken",
        nonce="e2e-growth-talk",
    )
    return {"profile": profile}


def test_an_expert_makes_a_growth_plan_from_a_template_and_her_mentor_reviews_it(page, axe, people):
    page.set_viewport_size(PHONE)
    problems: list[str] = []

    # The coordinator makes a template with two goals.
    log_in(page, "coord@groei.nl")
    page.goto("/steun/team/")
    page.get_by_role("link", name="Sjablonen groeiplan").click()
    problems += check(page, axe)
    page.get_by_role("link", name="Nieuw sjabloon").click()
    problems += check(page, axe)
    page.get_by_label(label("Naam")).fill("Eerste jaar")
    goal_one = page.get_by_role("group", name="Doel 1")
    goal_one.get_by_label(label("Doel")).fill("Training eigen verhaal volgen")
    goal_one.get_by_label(label("Soort doel")).select_option("training")
    goal_one.get_by_label(label("Klaar na (dagen)")).fill("30")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het sjabloon is bewaard.")).to_be_visible()
    problems += check(page, axe)

    # Eva starts her plan from it, writes her dream, adds a goal and shares with mentors only.
    log_in(page, "eva@groei.nl")
    page.goto("/steun/mijn/")
    page.get_by_role("link", name="Mijn groeiplan").click()
    problems += check(page, axe)
    page.get_by_label("Eerste jaar").check()
    page.get_by_role("button", name="Groeiplan maken").click()
    expect(page.get_by_text("Uw groeiplan staat klaar.")).to_be_visible()
    target = (timezone.localdate() + dt.timedelta(days=30)).strftime("%-d")
    expect(page.get_by_role("cell", name="Training eigen verhaal volgen")).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile(rf"^{target} "))).to_be_visible()
    expect(page.get_by_text("Alleen u leest dit plan.")).to_be_visible()
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("link", name="Plan en delen aanpassen").click()
    problems += check(page, axe)
    page.get_by_label(label("Mijn dromen")).fill("Ooit betaald werk als ervaringswerker")
    page.get_by_label("Mentoren en trainers mogen mijn groeiplan lezen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Mentoren en trainers van uw organisatie mogen dit plan lezen.")).to_be_visible()
    page.get_by_role("link", name="Doel toevoegen").click()
    problems += check(page, axe)
    page.get_by_role("button", name="Opslaan").click()  # empty: a Dutch message, nothing saved
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    page.get_by_label(label("Doel")).fill("Solliciteren bij het wijkteam")
    page.get_by_label(label("Soort doel")).select_option("paid_work")
    page.get_by_label(label("Welke steun wil ik daarbij?")).fill("Oefenen met een sollicitatiegesprek")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het doel staat in uw groeiplan.")).to_be_visible()
    expect(page.get_by_role("cell", name="Op weg naar betaald werk")).to_be_visible()
    problems += check(page, axe)
    plan = GrowthPlan.objects.get(expert=people["profile"])

    # The coordinator was not chosen: the plan does not exist for her.
    log_in(page, "coord@groei.nl")
    response = page.goto(f"/steun/groeiplan/{plan.pk}/")
    assert response.status == 404

    # The mentor reads it and records a review in their mentor talk.
    log_in(page, "mentor@groei.nl")
    page.goto("/steun/team/")
    page.get_by_role("link", name="Gedeelde groeiplannen").click()
    problems += check(page, axe)
    page.get_by_role("link", name="Eva Ervaring").click()
    expect(page.get_by_text("Ooit betaald werk als ervaringswerker")).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("link", name="Bespreking vastleggen").click()
    problems += check(page, axe)
    page.get_by_label(label("In welk mentorgesprek? (mag leeg blijven)")).select_option(index=1)
    page.get_by_label(label("Wat spraken we af?")).fill("Eerst de training, dan solliciteren")
    next_day = timezone.localdate() + dt.timedelta(days=60)
    page.get_by_label(label("Volgende bespreking")).fill(next_day.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De bespreking is vastgelegd.")).to_be_visible()
    problems += check(page, axe)

    log_in(page, "eva@groei.nl")
    page.goto(f"/steun/groeiplan/{plan.pk}/")
    expect(page.get_by_text("Eerst de training, dan solliciteren")).to_be_visible()
    expect(page.get_by_text("(in een mentorgesprek)")).to_be_visible()
    assert problems == []


def test_a_regional_intervisie_group_across_two_organisations(page, axe, people):
    from inzet.support import intervision
    from inzet.support.models import Meeting

    page.set_viewport_size(PHONE)
    problems: list[str] = []
    other = Organisation.objects.create(name="Herstelhuis Oost", slug="oost", kind=Organisation.Kind.DEPLOYING)
    make_person("coord@oost.nl", "Otto Oost", [(other, Role.COORDINATOR)])
    vera = make_person("vera@oost.nl", "Vera Oost", [(other, Role.EXPERT)])
    ExpertProfile.objects.create(user=vera, organisation=other)
    mentor = people["profile"].organisation
    from inzet.accounts.models import User

    group = intervision.group_create(
        actor=User.objects.get(email="mentor@groei.nl"),
        host=mentor,
        name="Intervisie regio Oost",
        region="Oost",
        facilitator=User.objects.get(email="mentor@groei.nl"),
        nonce="e2e-group",
    )

    # The other organisation's coordinator lets the organisation take part.
    log_in(page, "coord@oost.nl")
    page.goto("/steun/intervisie/")
    problems += check(page, axe)
    page.get_by_role("link", name="Intervisie regio Oost").click()
    page.get_by_role("button", name="Herstelhuis Oost doet mee").click()
    expect(page.get_by_role("listitem").filter(has_text="Herstelhuis Oost")).to_be_visible()
    problems += check(page, axe)

    # Vera joins without showing her name to the others.
    log_in(page, "vera@oost.nl")
    page.goto(f"/steun/intervisie/{group.pk}/")
    problems += check(page, axe)
    page.get_by_role("button", name="Ik doe mee").click()
    expect(page.get_by_text("Uw keuze is bewaard.")).to_be_visible()

    # The facilitator plans a session; Vera is invited and signs up.
    log_in(page, "mentor@groei.nl")
    page.goto(f"/steun/intervisie/{group.pk}/")
    expect(page.get_by_text("Vera Oost")).to_be_visible()  # the facilitator sees every member
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    problems += check(page, axe)
    start = timezone.localtime() + dt.timedelta(days=4)
    page.get_by_label(label("Begint")).fill(start.strftime("%Y-%m-%dT14:00"))
    page.get_by_label(label("Eindigt")).fill(start.strftime("%Y-%m-%dT16:00"))
    page.get_by_role("button", name="Plannen").click()
    expect(page.get_by_text("De deelnemers krijgen een uitnodiging.")).to_be_visible()
    problems += check(page, axe)
    meeting = Meeting.objects.get(group=group)

    log_in(page, "vera@oost.nl")
    page.goto(f"/steun/bijeenkomsten/{meeting.pk}/")
    page.get_by_role("button", name="Ik kom", exact=True).click()
    expect(page.get_by_text("Uw keuze: Aangemeld")).to_be_visible()
    problems += check(page, axe)

    # The organising coordinator sees the session but not Vera, of another organisation.
    log_in(page, "coord@groei.nl")
    page.goto(f"/steun/bijeenkomsten/{meeting.pk}/")
    expect(page.get_by_text("u ziet alleen de ervaringsdeskundigen van uw eigen organisatie")).to_be_visible()
    assert "Vera Oost" not in page.content()
    problems += check(page, axe)
    assert problems == []
