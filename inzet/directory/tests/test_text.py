from hypothesis import given
from hypothesis import strategies as st

from inzet.directory import text


def test_it_ignores_case_and_accents():
    assert text.normalise("Coördinator Beleidsbeïnvloeder") == "coordinator beleidsbeinvloeder"


def test_it_drops_dutch_stop_words_from_a_query():
    assert text.query_terms("de verslaving en armoede") == text.query_terms("verslaving armoede")


def test_it_finds_other_forms_of_the_same_word():
    document = text.build_document(["Armoede en schulden", "Verslaving"])
    for query in ("schulden", "schuld", "SCHULD", "verslaving", "armoede schulden"):
        assert text.matches(document, query), query


def test_it_finds_a_half_typed_word_without_finding_too_much():
    document = text.build_document(["Amsterdam"])
    assert text.matches(document, "amster")
    assert not text.matches(text.build_document(["Amersfoort"]), "amster")


def test_every_word_of_a_query_must_match():
    document = text.build_document(["Armoede en schulden"])
    assert not text.matches(document, "armoede verslaving")


def test_an_empty_query_matches_everything_and_an_empty_document_nothing():
    assert text.query_terms("  ,. de ") == []
    assert not text.matches("", "armoede")


_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzëéïö", min_size=2, max_size=15)


@given(st.lists(_words, min_size=1, max_size=6), st.data())
def test_any_word_of_a_document_finds_it(parts, data):
    document = text.build_document(parts)
    candidates = [w for part in parts for w in text.words(part)]
    if candidates:
        word = data.draw(st.sampled_from(candidates))
        assert text.matches(document, word)


@given(st.text(max_size=300))
def test_query_terms_are_bounded_and_safe_for_like(query):
    terms = text.query_terms(query)
    assert len(terms) <= text.MAX_QUERY_TERMS
    assert all(set(option.strip()) <= set("abcdefghijklmnopqrstuvwxyz0123456789") for o in terms for option in o)
