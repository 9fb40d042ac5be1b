"""Hard official terms get a plain (B1) explanation next to them where people choose them."""

from inzet.engagements.forms import ExpertiseStep
from inzet.taxonomy import plain
from inzet.taxonomy.models import Term


def test_the_hard_competence_name_keeps_its_name_and_gets_an_explanation(db):
    term = Term.objects.get(vocabulary="competence", code="professional_thinking")
    label = plain.label_with_explanation(term)
    assert label.startswith("Conceptueel, normatief en professioneel denken (nadenken over wat u doet en waarom")


def test_every_competence_has_an_explanation(db):
    for term in Term.objects.of("competence"):
        assert plain.explanation(term), term.code


def test_the_request_form_shows_the_explanation_next_to_the_competence(db):
    html = str(ExpertiseStep()["competences"])
    assert "Conceptueel, normatief en professioneel denken (nadenken over wat u doet en waarom" in html
