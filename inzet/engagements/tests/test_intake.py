"""An intake that counts: a "no" needs a reason, and accepting despite a "no" is an explicit exception."""

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.engagements import rules
from inzet.engagements.models import AuditEvent, IntakeReview, RequestStatus
from inzet.engagements.tests import factories as f
from inzet.engagements.tests.test_views_coordinator import INTAKE_POST

NO_ON_CONDITIONS = {
    **INTAKE_POST,
    "conditions_ok": "no",
    "conditions_ok_reason": "De vergoeding is nog niet duidelijk",
}


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=st.tuples(st.booleans(), st.booleans(), st.booleans()),
    reasons=st.tuples(st.sampled_from(["", " ", "omdat"]), st.sampled_from(["", "omdat"]), st.sampled_from(["", "x"])),
    accept=st.booleans(),
    override=st.booleans(),
    override_reason=st.sampled_from(["", "  ", "afgesproken met de vrager"]),
)
def test_the_intake_rule_asks_for_every_missing_part(answers, reasons, accept, override, override_reason):
    problems = rules.intake_problems(
        answers=answers, reasons=reasons, accept=accept, override=override, override_reason=override_reason
    )
    for index, name in enumerate(("fits_mission_reason", "has_expertise_reason", "conditions_ok_reason")):
        assert (name in problems) == (not answers[index] and not reasons[index].strip())
    needs_exception = accept and not all(answers)
    assert ("override" in problems) == (needs_exception and not override)
    assert ("override_reason" in problems) == (needs_exception and not override_reason.strip())


def test_all_yes_needs_no_exception():
    problems = rules.intake_problems(
        answers=(True, True, True), reasons=("a", "b", "c"), accept=True, override=False, override_reason=""
    )
    assert problems == []


def test_accepting_with_a_no_is_refused_without_an_exception_and_keeps_what_was_typed(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    response = client.post(reverse("engagements:intake", args=[request.pk]), NO_ON_CONDITIONS)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Vink dan de uitzondering aan." in body
    assert "Schrijf waarom u de vraag toch aanneemt, ondanks het nee." in body
    assert "De vergoeding is nog niet duidelijk" in body and "Past bij ons werk rond armoede" in body
    assert not IntakeReview.objects.exists()
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED


def test_an_exception_without_a_reason_is_refused(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    response = client.post(reverse("engagements:intake", args=[request.pk]), {**NO_ON_CONDITIONS, "override": "on"})
    body = response.content.decode()
    assert "Schrijf waarom u de vraag toch aanneemt, ondanks het nee." in body
    assert "Vink dan de uitzondering aan." not in body
    assert not IntakeReview.objects.exists()


def test_an_exception_with_its_reason_accepts_and_stays_on_the_record_for_the_organisation(
    client, asker, coordinator, trainer, orgs
):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    response = client.post(
        reverse("engagements:intake", args=[request.pk]),
        {**NO_ON_CONDITIONS, "override": "on", "override_reason": "De wethouder regelt de vergoeding deze week"},
    )
    assert response.status_code == 302
    review = IntakeReview.objects.get(request=request)
    assert review.override and review.override_reason == "De wethouder regelt de vergoeding deze week"
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHING
    verbs = list(AuditEvent.objects.filter(request=request).values_list("verb", flat=True))
    assert "intake_answers" in verbs and "intake_override" in verbs

    for person in (coordinator, trainer):
        client.force_login(person)
        body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
        assert "Intake: de drie vragen" in body
        assert "De vergoeding is nog niet duidelijk" in body
        assert "Toch aangenomen, als uitzondering: De wethouder regelt de vergoeding deze week" in body
        assert "voorwaarden: nee" in body

    # The organisation's deliberation is not the asker's to read.
    client.force_login(asker)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "De wethouder regelt" not in body and "Intake: de drie vragen" not in body


def test_an_exception_is_not_recorded_when_every_answer_is_yes(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    client.post(
        reverse("engagements:intake", args=[request.pk]),
        {**INTAKE_POST, "override": "on", "override_reason": "per ongeluk"},
    )
    review = IntakeReview.objects.get(request=request)
    assert not review.override and review.override_reason == ""


def test_a_decline_with_a_no_needs_no_exception(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    client.post(
        reverse("engagements:intake", args=[request.pk]),
        {**NO_ON_CONDITIONS, "decision": "decline", "message": "Zonder vergoeding doen wij het niet."},
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED
