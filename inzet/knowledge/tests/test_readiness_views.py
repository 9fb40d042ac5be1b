"""The asker's readiness checklist: saved on the organisation, shown to the intake."""

import pytest
from django.urls import reverse

from inzet.engagements.tests import factories as f
from inzet.knowledge.models import ReadinessChecklist
from inzet.taxonomy.models import Term

pytestmark = pytest.mark.django_db


def _answers(**changes) -> dict:
    data = {}
    for code, answer in [("support", "yes"), ("roles", "partly"), ("conditions", "yes"), ("timeline", "no")]:
        data[f"{code}_answer"] = answer
    data["abilities_answer"] = "unknown"
    data["timeline_note"] = "Het beleid moet over zes weken klaar zijn."
    data["treaty_areas"] = [Term.objects.get(vocabulary="treaty_area", code="mobility").pk]
    data["treaty_note"] = "Wij betalen de taxi."
    return data | changes


def test_the_wizard_links_to_the_checklist(client, asker):
    client.force_login(asker)
    html = client.get(reverse("engagements:create")).content.decode()
    assert reverse("knowledge:readiness") + "?next=wizard" in html


def test_an_asker_saves_the_checklist_on_the_organisation_and_goes_on_with_the_wizard(client, orgs, asker):
    client.force_login(asker)
    response = client.post(reverse("knowledge:readiness"), _answers(next="wizard"))
    assert response["Location"] == reverse("engagements:create")
    checklist = ReadinessChecklist.objects.get(organisation=orgs.asker)
    assert checklist.answers["timeline"] == {"answer": "no", "note": "Het beleid moet over zes weken klaar zijn."}
    assert [t.code for t in checklist.treaty_areas.all()] == ["mobility"]
    page = client.get(reverse("knowledge:readiness")).content.decode()
    assert "2 van de 5 punten zijn geregeld" in page and "Wij betalen de taxi." in page


def test_a_missing_answer_gets_a_dutch_message_and_keeps_the_rest(client, orgs, asker):
    client.force_login(asker)
    response = client.post(reverse("knowledge:readiness"), _answers(support_answer=""))
    html = response.content.decode()
    assert "Kies een antwoord. &#x27;Weet ik niet&#x27; mag ook." in html or "Weet ik niet" in html
    assert "Het beleid moet over zes weken klaar zijn." in html
    assert not ReadinessChecklist.objects.exists()


def test_the_intake_shows_the_askers_checklist(client, orgs, asker, coordinator, django_assert_max_num_queries):
    client.force_login(asker)
    client.post(reverse("knowledge:readiness"), _answers())
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("engagements:intake", args=[request.pk]))
    html = response.content.decode()
    assert "Checklist van de vrager" in html
    assert "2 van de 5 punten geregeld" in html
    assert "Het beleid moet over zes weken klaar zijn." in html and "Mobiliteit" in html


def test_the_intake_says_when_there_is_no_checklist(client, orgs, asker, other_asker, coordinator):
    client.force_login(other_asker)
    client.post(reverse("knowledge:readiness"), _answers())  # another organisation's checklist
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    html = client.get(reverse("engagements:intake", args=[request.pk])).content.decode()
    assert "heeft de checklist nog niet ingevuld" in html
    assert "Wij betalen de taxi." not in html


def test_others_read_the_questions_but_cannot_fill_them_in(client, operator):
    """Toolkit pages link to the checklist for everyone: a coordinator or operator following the
    link reads the questions (no 403 behind a link), and cannot save answers."""
    client.force_login(operator)
    response = client.get(reverse("knowledge:readiness"))
    assert response.status_code == 200
    assert "Draagvlak" in response.content.decode() and "Checklist opslaan" not in response.content.decode()
    assert client.post(reverse("knowledge:readiness"), _answers()).status_code == 403
    assert not ReadinessChecklist.objects.exists()
