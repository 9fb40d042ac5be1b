"""The pure rule that keeps private parts out of public texts (no database)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.signals.rules import leaks

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)


def test_a_private_place_in_other_case_and_punctuation_leaks():
    assert leaks("Dit gebeurde in ZWOLLE, echt waar.", ["Zwolle"])


def test_a_run_of_four_words_from_a_long_private_text_leaks():
    private = "De gemeente trekt mijn vergoeding volledig af van de bijstand"
    assert leaks("Iemand schreef: mijn vergoeding volledig af, zonder uitleg.", [private])


def test_three_words_in_common_do_not_leak():
    assert not leaks("De gemeente trekt soms iets af.", ["De gemeente trekt mijn vergoeding volledig af"])


def test_a_word_inside_another_word_does_not_leak():
    assert not leaks("Zwollenaren meldden dit.", ["Zwolle"])


def test_empty_or_tiny_private_parts_are_ignored():
    assert not leaks("Een tekst", ["", " ", "a"])


# The machine is shared: slow input generation is not a failure of the rule.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(WORD, min_size=1, max_size=12), st.lists(WORD, max_size=6), st.lists(WORD, max_size=6))
def test_a_private_text_copied_into_any_text_always_leaks(private, before, after):
    public = " ".join([*before, *private, *after])
    assert leaks(public, [" ".join(private)])
