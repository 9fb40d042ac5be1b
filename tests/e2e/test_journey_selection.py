"""Journey: selection as the seeds describe it, and the step to paid work, in a real browser at 390 px,
every page checked with axe-core.

A coordinator adds an own question; someone applies and answers it (a missing answer is explained and
nothing typed is lost); the coordinator reads the answer, saves the intro talk with its four structured
fields, counts five shadow days, records the joint evaluation (five more half-days agreed) and counts
a half-day, and opens the group page, which shows counts only, never names, small counts as
"minder dan 5". Then the coordinator follows an expert's growth-plan goal towards paid work to the
work form page: changing from volunteer to employee runs the benefit check again (what changes, with
public sources) and lists the UWV and municipal instruments as information; confirming changes it."""

import re

import pytest
from playwright.sync_api import expect

from conftest import make_person
from inzet.experts.models import AgeBand, Audience, ExpertProfile, ExpertStatus
from inzet.organisations.models import Organisation, PolicySettings, Role
from inzet.recruitment import services
from inzet.support import growth
from inzet.support.models import GoalKind
from tests.e2e.test_journey_support import PHONE, check, label, log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def people():
    PolicySettings.current()
    org = Organisation.objects.create(name="Stichting Samen", slug="samen", kind=Organisation.Kind.DEPLOYING)
    make_person("coord@samen.nl", "Cas Coördinator", [(org, Role.COORDINATOR)])
    expert = make_person("eva@samen.nl", "Eva Ervaring", [(org, Role.EXPERT)])
    profile = ExpertProfile.objects.create(
        user=expert,
        organisation=org,
        benefit_situation="bijstand",
        vis_benefit=Audience.COORDINATORS,
        age_band=AgeBand.AGE_27_PLUS,
    )
    for i in range(5):  # five more of the same age band: that count is shown, the others are not
        colleague = make_person(f"collega{i}@samen.nl", f"Collega {i}", [(org, Role.EXPERT)])
        ExpertProfile.objects.create(
            user=colleague, organisation=org, status=ExpertStatus.ACTIVE, age_band=AgeBand.AGE_27_PLUS
        )
    plan = growth.plan_start(actor=expert, expert=profile)
    growth.plan_update(plan=plan, actor=expert, shared_with_coordinators=True)
    growth.goal_add(
        plan=plan, actor=expert, title="Betaald werk als ervaringsdeskundige", kind=GoalKind.PAID_WORK, nonce="e2e"
    )
    services.recruitment_page_update(
        organisation=org,
        changes={"is_open": True, "offer": "Een training van 8 lessen", "contact_name": "Cas Coördinator"},
        updated_by=None,
    )
    return {"org": org, "profile": profile}


def test_selection_steps_and_the_step_to_paid_work(page, axe, people):
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    log_in(page, "coord@samen.nl")
    page.goto("/werving/samen/vragen/")
    problems += check(page, axe)
    page.get_by_label(label("Vraag")).first.fill("Met welke ervaring wilt u helpen?")
    page.get_by_label(label("Verplicht")).first.check()
    page.get_by_role("button", name="Vragen opslaan").click()
    expect(page.get_by_text("De vragen zijn opgeslagen.")).to_be_visible()

    page.context.clear_cookies()
    page.goto("/werving/samen/")
    page.get_by_label(label("Uw naam")).fill("Anna Aanmelder")
    page.get_by_label(label("Uw e-mailadres")).fill("anna@example.org")
    page.get_by_label("Een flyer").check()
    page.get_by_label(label("Waarom wilt u ervaringsdeskundige bij ons worden?")).fill("Ik wil helpen.")
    page.get_by_label(re.compile("Ik geef toestemming")).check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.get_by_text("Geef antwoord op deze vraag.")).to_be_visible()  # and what was typed stays
    expect(page.get_by_label(label("Uw naam"))).to_have_value("Anna Aanmelder")
    problems += check(page, axe)
    page.get_by_label(label("Met welke ervaring wilt u helpen?")).fill("Herstel na een burn-out")
    page.get_by_label(re.compile("Ik geef toestemming")).check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page).to_have_url(re.compile("/bedankt/$"))
    page.goto("/werving/samen/vacature/")
    expect(page.get_by_text("Een training van 8 lessen")).to_be_visible()
    problems += check(page, axe)

    log_in(page, "coord@samen.nl")
    page.goto("/werving/samen/aanmeldingen/")
    page.get_by_role("link", name="Anna Aanmelder").click()
    expect(page.get_by_text("Herstel na een burn-out")).to_be_visible()
    page.get_by_role("link", name="Kennismakingsgesprek vastleggen").click()
    problems += check(page, axe)
    page.get_by_label(label("Hoe ver in het eigen herstel")).fill("Twee jaar stabiel")
    page.get_by_label(label("Afstand tot de eigen ervaring")).fill("Kan erover vertellen zonder terug te vallen")
    page.get_by_label(label("Zelfinzicht en grenzen")).fill("Weet wanneer ze moet stoppen")
    page.get_by_label(label("Leerdoelen (van beide kanten)")).fill("Groepen leiden; wij leren van haar blik")
    page.get_by_role("button", name="Gesprek opslaan").click()
    expect(page.get_by_text("Het kennismakingsgesprek is opgeslagen.")).to_be_visible()
    for text in ("Twee jaar stabiel", "Weet wanneer ze moet stoppen", "Groepen leiden; wij leren van haar blik"):
        expect(page.get_by_text(text)).to_be_visible()
    page.get_by_role("link", name="Meeloopdagen tellen en samen terugkijken").click()
    for day in range(1, 6):
        page.get_by_label(label("Datum")).fill(f"2026-03-0{day}")
        page.get_by_role("button", name="Dag tellen").click()
        expect(page.get_by_text(f"{day} van de 5 meeloopdagen")).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("link", name="Samen terugkijken").click()
    problems += check(page, axe)
    page.get_by_label(label("Hoe vond de aanmelder het")).fill("Leerzaam, soms spannend")
    page.get_by_label(label("Hoe vonden wij het")).fill("Goede vragen aan bewoners")
    page.get_by_label("Nog vijf dagdelen meelopen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het samen terugkijken is opgeslagen.")).to_be_visible()
    page.get_by_label("Extra dagdeel").check()
    page.get_by_label(label("Datum")).fill("2026-03-10")
    page.get_by_role("button", name="Dag tellen").click()
    expect(page.get_by_text("1 van de 5 extra dagdelen")).to_be_visible()
    problems += check(page, axe)
    page.goto("/werving/samen/aanmeldingen/")
    page.get_by_role("link", name="Diversiteit in de groep").click()
    ages = page.get_by_role("table", name="Ervaringsdeskundigen naar leeftijd")
    expect(ages.get_by_role("row", name="27 of ouder 6")).to_be_visible()
    expect(ages.get_by_role("row", name="Jonger dan 21 minder dan 5")).to_be_visible()
    for name in ("Anna Aanmelder", "Eva Ervaring", "Collega 1"):
        expect(page.get_by_text(name)).to_have_count(0)
    problems += check(page, axe)

    page.goto("/steun/groeiplannen/")
    page.get_by_role("link", name="Eva Ervaring").click()
    page.get_by_role("link", name=re.compile("Op weg naar betaald werk")).click()
    problems += check(page, axe)
    page.get_by_label("In loondienst").check()
    page.get_by_role("button", name="Bekijk wat er verandert").click()
    expect(page.get_by_text(re.compile("sollicitatieplicht"))).to_be_visible()  # her benefit, shared with coordinators
    expect(page.get_by_role("heading", name=re.compile("Loonkostensubsidie"))).to_be_visible()
    expect(page.get_by_text("Ter informatie, geen advies.", exact=False).first).to_be_visible()
    problems += check(page, axe)
    page.get_by_role("button", name="Ja, verander de werkvorm").click()
    expect(page.get_by_text("De werkvorm is veranderd.")).to_be_visible()
    expect(page.get_by_text(re.compile("Werkvorm nu:\\s*In loondienst"))).to_be_visible()
    assert problems == []
