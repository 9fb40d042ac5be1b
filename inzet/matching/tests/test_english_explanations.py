"""Rule explanations are message ids: Dutch as before, and English through the .po file."""

from datetime import date

from django.utils import translation

from inzet.lib import phrases, phrases_i18n
from inzet.matching.rules import ITEMS, Candidate, RequestSpec, evaluate
from inzet.matching.team import TeamCandidate, compose_team

REQUEST = RequestSpec(
    required_areas=frozenset({"poverty"}),
    min_level="expertise",
    start=date(2026, 3, 2),
    end=date(2026, 3, 2),
    is_heavy=True,
)
EXPERT = Candidate(
    expert_id=1,
    person_id=2,
    consent_to_matching=True,
    consent=dict.fromkeys(ITEMS, True),
    experience_areas=frozenset({"poverty"}),
    level="professional",
    heavy_assignments_recent=1,
    hours_last_8_weeks=2.5,
)


def _texts(language):
    match = evaluate(REQUEST, EXPERT, viewer_person_id=99, labels={"poverty": "Armoede"})
    with translation.override(language):
        return {c.code: (phrases_i18n.text(c.label_nl), phrases_i18n.text(c.explanation)) for c in match.criteria}


def test_the_dutch_reads_as_the_message_ids_with_singular_and_plural():
    match = evaluate(REQUEST, EXPERT, viewer_person_id=99, labels={"poverty": "Armoede"})
    texts = {c.code: c.explanation_nl for c in match.criteria}
    assert texts["experience_areas"] == "Alle gevraagde ervaringsgebieden: Armoede."
    assert texts["availability"] == "Beschikbaar op de enige dag in de periode."
    assert texts["recent_heavy"] == "1 zware opdracht kort geleden. Rust is belangrijk."
    assert texts["workload"].startswith("2,5 uur gewerkt")
    assert _texts("nl")["level"] == ("Niveau", texts["level"])


def test_in_english_the_explanations_and_labels_are_english():
    texts = _texts("en")
    assert texts["experience_areas"] == ("Area of experience", "All the requested areas of experience: Armoede.")
    assert (
        texts["level"][1]
        == "Level: professional lived-experience expertise. Asked: lived-experience expertise or higher."
    )
    assert texts["availability"][1] == "Available on the only day in the period."
    assert texts["recent_heavy"][1] == "1 heavy assignment recently. Rest matters."
    assert texts["workload"][1].startswith("Worked 2.5 h in the last 8 weeks")


def test_a_team_explanation_in_english():
    pool = [
        TeamCandidate(1, 11, 80.0, frozenset({"a"}), attributes={"region": "oost"}),
        TeamCandidate(2, 12, 60.0, frozenset({"b"}), attributes={"region": "west"}),
    ]
    result = compose_team(pool, k=2, required_areas={"a", "b"}, labels={"a": "A", "b": "B"}, alternatives=0)
    assert result.explanation_nl[0] == "Dit duo heeft samen alle gevraagde ervaringsgebieden: A en B."
    with translation.override("en"):
        lines = [phrases_i18n.text(line) for line in result.explanation]
    assert lines[0] == "This duo together covers all the requested areas of experience: A and B."
    assert "Region: 2 different (oost and west)." in lines


def test_one_person_short_is_said_in_the_singular():
    result = compose_team([TeamCandidate(1, 11, 50.0)], k=2, alternatives=0)
    assert "Gevraagd waren 2 mensen, maar er is er maar 1 beschikbaar." in result.explanation_nl


def test_a_phrase_renders_names_numbers_and_terms():
    line = phrases.say(
        "%(what)s: %(names)s, %(n)s",
        what=phrases.Capitalised(phrases.Term("regio")),
        names=phrases.Names(("b", "a", phrases.Term("c"))),
        n=phrases.Number(1.5),
    )
    assert phrases.dutch(line) == "Regio: a, b en c, 1,5"
