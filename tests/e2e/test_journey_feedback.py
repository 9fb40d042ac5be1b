"""Journey: closing a request both ways in a real browser (390 px), every page checked with axe-core.
With the reviews switch on, the asker tells what was done with the experts' input and the expert rates the
asker; before a coordinator's check nobody else sees it; the coordinator sees the flagged word, edits it
out and approves; then the expert reads the follow-up and the asker reads the rating."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from inzet.accounts.models import User
from inzet.compensation.tests import factories as f
from inzet.engagements.models import RequestStatus
from inzet.evaluation.models import AskerFeedback, ExpertFeedback, Moderation
from inzet.organisations.models import Membership, PolicySettings, Role
from tests.e2e.test_journey_evaluation import PHONE, check, label, log_in

pytestmark = pytest.mark.e2e
FOLLOW_UP = "Het advies staat nu in het nieuwe armoedebeleid."


def _completed_request():
    asker = User.objects.get(email="vrager@example.org")
    expert = User.objects.get(email="expert@example.org")
    orgs = SimpleNamespace(
        asker=Membership.objects.filter(user=asker, role=Role.ASKER).first().organisation,
        deploying=Membership.objects.filter(user=expert, role=Role.EXPERT).first().organisation,
    )
    invitation = f.assignment(orgs, expert=expert, asker=asker, rate=None, title="Terugblik op de wijkavond")
    invitation.request.status = RequestStatus.COMPLETED
    invitation.request.save(update_fields=["status"])
    return invitation.request


def test_both_way_feedback_is_moderated_and_then_shown(page, axe, demo):
    page.set_viewport_size(PHONE)
    PolicySettings.objects.filter(pk=PolicySettings.current().pk).update(reviews=True)
    request = _completed_request()
    problems: list[str] = []

    log_in(page, "vrager@example.org")
    page.goto(f"/evaluatie/terugkoppeling/{request.pk}/")
    page.get_by_role("link", name="Vertel hoe het ging").click()
    problems += check(page, axe)
    page.locator("#id_goal_met_3").check()  # 4: goed
    page.locator("#id_cooperation_4").check()  # 5: heel goed
    page.get_by_label(label("Wat heeft u gedaan met de inbreng van de ervaringsdeskundigen?")).fill(FOLLOW_UP)
    page.get_by_label(label("Wat wilt u verder nog kwijt?")).fill("Eén van hen had een psychose gehad.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank u wel. Een coördinator kijkt uw antwoorden na")).to_be_visible()

    log_in(page, "expert@example.org")
    page.goto(f"/evaluatie/terugkoppeling/{request.pk}/")
    expect(page.get_by_text(FOLLOW_UP)).to_have_count(0)  # not before the check
    page.get_by_role("link", name="Beoordeel de vrager").click()
    page.locator("#id_conditions_3").check()
    page.locator("#id_safety_4").check()
    page.locator("#id_paid_0").check()  # ja
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank u wel. Een coördinator kijkt uw antwoorden na")).to_be_visible()

    log_in(page, "coordinator@example.org")
    page.goto("/evaluatie/terugkoppeling/")
    problems += check(page, axe)
    page.get_by_role("link", name="Antwoorden van de vrager: Terugblik op de wijkavond").click()
    expect(page.get_by_role("alert")).to_contain_text("psychose")
    problems += check(page, axe)
    page.get_by_label("Goedkeuren (met de tekst zoals hieronder)").check()
    page.get_by_label(label("Opmerkingen (haal weg wat niet gedeeld mag worden)")).fill("Het hielp ons echt.")
    page.get_by_role("button", name="Besluit bewaren").click()
    page.get_by_role("link", name="Beoordeling door een ervaringsdeskundige: Terugblik op de wijkavond").click()
    page.get_by_label("Goedkeuren (met de tekst zoals hieronder)").check()
    page.get_by_role("button", name="Besluit bewaren").click()
    expect(page.get_by_text("Uw besluit is bewaard.")).to_be_visible()
    assert AskerFeedback.objects.get(request=request).state == Moderation.APPROVED
    assert ExpertFeedback.objects.get(request=request).state == Moderation.APPROVED

    log_in(page, "expert@example.org")
    page.goto(f"/evaluatie/terugkoppeling/{request.pk}/")
    expect(page.get_by_text(FOLLOW_UP)).to_be_visible()
    expect(page.get_by_text("psychose")).to_have_count(0)
    problems += check(page, axe)

    log_in(page, "vrager@example.org")
    page.goto(f"/evaluatie/terugkoppeling/{request.pk}/")
    expect(page.locator("dd", has_text="Heel goed").first).to_be_visible()

    # The switch off: the page is gone for everyone.
    PolicySettings.objects.filter(pk=PolicySettings.current().pk).update(reviews=False)
    assert page.goto(f"/evaluatie/terugkoppeling/{request.pk}/").status == 404
    assert problems == [], problems
