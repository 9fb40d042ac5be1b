"""Journey: a course run in a real browser, on a phone-sized screen (390 px), every page checked with
axe-core. A trainer puts a course in the catalogue, an expert enrols, the trainer records the lessons
and completes it; the expert downloads the certificate, and the verified record puts her in the
public register, which requires training."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from inzet.experts.models import Audience, ExpertProfile, TrainingRecord, Verification
from inzet.organisations.models import PolicySettings

pytestmark = pytest.mark.e2e
DEMO_PASSWORD = "inzet-demo-2026"
PHONE = {"width": 390, "height": 844}
COURSE = "Herstelverhalen in de wijk"


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
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth"
            " && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth))"
            ".slice(0, 4).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right + ' ' + (e.textContent || '').trim().slice(0, 40))"
        )
        problems.append(f"{page.url}: scrolls sideways at {PHONE['width']} px: {wide}")
    return problems


@pytest.fixture
def register_requires_training(demo):
    # The operator's switches (Beleid): a public register that lists only people with verified training.
    policy = PolicySettings.current()
    policy.public_register = True
    policy.training_required_for_listing = True
    policy.save()
    eva = ExpertProfile.objects.get(user__email="expert@example.org")
    eva.vis_name = Audience.PUBLIC
    eva.save(update_fields=["vis_name"])
    TrainingRecord.objects.filter(profile=eva).delete()
    return eva


def test_a_course_runs_from_enrolment_to_a_certificate_and_a_listing_in_the_register(
    page, axe, register_requires_training
):
    eva = register_requires_training
    page.set_viewport_size(PHONE)
    problems: list[str] = []
    today = datetime.date.today()

    # Not listed yet: no verified training.
    page.goto("/zoeken/register/")
    problems += check(page, axe)
    expect(page.get_by_text("Eva Ervaring")).to_have_count(0)

    # The trainer adds a course to the catalogue; a wrong date comes back in Dutch and keeps the rest.
    log_in(page, "trainer@example.org")
    page.goto("/scholing/")
    expect(page.get_by_role("link", name="Uw eigen verhaal delen")).to_be_visible()  # the demo catalogue
    problems += check(page, axe)
    page.get_by_role("link", name=re.compile("^Nieuwe cursus")).first.click()
    page.get_by_label(label("Titel")).fill(COURSE)
    page.get_by_label(label("Gegeven door")).fill("Herstelacademie Utrecht")
    page.get_by_label(label("Aantal lessen")).fill("2")
    page.get_by_label(label("Uren per les")).fill("2")
    page.get_by_label(label("Eerste les")).fill(today.isoformat())
    page.get_by_label(label("Laatste les")).fill((today - datetime.timedelta(days=1)).isoformat())
    page.get_by_label(label("Aantal plaatsen")).fill("6")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De laatste les ligt vóór de eerste les.")).to_be_visible()
    expect(page.get_by_label(label("Titel"))).to_have_value(COURSE)
    problems += check(page, axe)
    page.get_by_label(label("Laatste les")).fill((today + datetime.timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name=COURSE)).to_be_visible()
    course_url = page.url
    problems += check(page, axe)

    # The expert enrols; a second click changes nothing.
    log_in(page, "expert@example.org")
    page.goto(course_url)
    page.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_text("U bent ingeschreven.")).to_be_visible()
    expect(page.get_by_text("U staat: Ingeschreven.")).to_be_visible()
    problems += check(page, axe)

    # The trainer records both lessons and completes the course.
    log_in(page, "trainer@example.org")
    page.goto(course_url)
    page.get_by_role("link", name="Aanwezigheid invullen").click()
    problems += check(page, axe)
    for lesson in (1, 2):
        page.get_by_label(label("Les")).select_option(label=f"Les {lesson}")
        page.get_by_label("Eva Ervaring").check()
        page.get_by_role("button", name="Aanwezigheid opslaan").click()
        expect(page.get_by_text(f"De aanwezigheid bij les {lesson} is opgeslagen.")).to_be_visible()
    page.goto(course_url)
    page.get_by_role("button", name=re.compile(r"^Afronden\W+Eva Ervaring$")).click()
    expect(page.get_by_text("Afgerond. De opleiding staat gecontroleerd op het profiel.")).to_be_visible()
    problems += check(page, axe)

    record = TrainingRecord.objects.get(profile=eva, name=COURSE)
    assert record.verification == Verification.VERIFIED and record.verified_by.email == "trainer@example.org"

    # The expert downloads the certificate.
    log_in(page, "expert@example.org")
    page.goto(course_url)
    with page.expect_download() as download:
        page.get_by_role("link", name="Certificaat downloaden (pdf)").click()
    text = PdfReader(io.BytesIO(download.value.path().read_bytes())).pages[0].extract_text()
    assert "Eva Ervaring" in text and COURSE in text and "Herstelacademie Utrecht" in text
    problems += check(page, axe)

    # Now the public register lists her.
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/zoeken/register/")
    expect(page.get_by_text("Eva Ervaring").first).to_be_visible()
    problems += check(page, axe)
    assert problems == [], "\n".join(problems)
