"""The request asks what the seeds ask: who is represented, the stage of involvement, separate
preparation and travel time, the expected result, the decision role and an optional getting-to-know."""

from django.urls import reverse

from inzet.engagements.tests import factories as f
from inzet.engagements.tests.test_pdf import _text
from inzet.taxonomy.models import Term


def test_the_three_vocabularies_are_editable_reference_data_with_public_sources(db):
    for vocabulary, count in (("policy_phase", 4), ("research_rung", 6), ("influence", 5)):
        terms = list(Term.objects.of(vocabulary))
        assert len(terms) == count, vocabulary
        assert all(t.label_en and t.source.startswith("https://") for t in terms)


def test_the_wizard_keeps_the_new_fields_and_explains_bad_input(client, asker, orgs):
    request = f.draft(orgs, asker)
    client.force_login(asker)
    phase = Term.objects.of("policy_phase").get(code="translate")
    influence = Term.objects.of("influence").get(code="advise")
    work = {
        "activities": "Meedenken in drie sessies",
        "requirements": "Kunnen vertellen",
        "represented_group": "Inwoners met schulden",
        "expected_result": "Een advies van twee bladzijden",
        "policy_phase": phase.pk,
        "influence": influence.pk,
        "decision_role": "think_tank",
        "who_decides": "De wethouder",
    }
    assert client.post(reverse("engagements:edit", args=[request.pk, "werk"]), work).status_code == 302
    bad = client.post(
        reverse("engagements:edit", args=[request.pk, "tijd"]),
        {"hours_estimate": "6", "preparation_hours": "-1", "travel_hours": "veel"},
    )
    body = bad.content.decode()
    assert "Vul 0 of meer uren in." in body and "Vul een aantal uren in, bijvoorbeeld 2 of 1,5." in body
    assert 'value="6"' in body
    time = {"hours_estimate": "6", "preparation_hours": "2", "travel_hours": "1.5", "getting_to_know": "on"}
    response = client.post(reverse("engagements:edit", args=[request.pk, "tijd"]), time)
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.policy_phase == phase and request.influence == influence and request.decision_role == "think_tank"
    assert str(request.preparation_hours) == "2.0" and str(request.travel_hours) == "1.5" and request.getting_to_know
    page = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    for text in (
        "Inwoners met schulden",
        "Een advies van twee bladzijden",
        "Ervaringen vertalen",
        "Adviseren: advies dat serieus wordt meegewogen",
        "Denktank: de ervaringsdeskundigen adviseren, de vrager beslist",
        "De wethouder",
        "Ja, eerst een kennismaking voordat het werk begint",
    ):
        assert text in page, text


def test_quote_and_agreement_show_the_fields_where_they_belong(client, asker, coordinator, orgs):
    request = f.matching(
        orgs,
        asker,
        coordinator,
        represented_group="Jongeren in de jeugdzorg",
        expected_result="Een lijst met verbeterpunten",
        decision_role="partner",
        preparation_hours="2",
        travel_hours="1",
        getting_to_know=True,
    )
    f.with_agreement(request, coordinator)
    client.force_login(asker)
    agreement, _reader = _text(client.get(reverse("engagements:agreement_pdf", args=[request.pk])))
    for text in (
        "Jongeren in de jeugdzorg",
        "Een lijst met verbeterpunten",
        "Volwaardig partner",
        "Kennismaking vooraf",
    ):
        assert text in agreement, text
    quote, _reader = _text(client.get(reverse("engagements:quote_pdf", args=[request.pk])))
    for text in ("Voorbereiding per persoon", "Reistijd per persoon", "Een lijst met verbeterpunten"):
        assert text in quote, text
