from django.utils import translation

from inzet.evaluation.counts import shown


def test_small_counts_read_less_than_five_in_dutch_and_english():
    assert [shown(n) for n in (0, 1, 4, 5, 120)] == [0, "minder dan 5", "minder dan 5", 5, 120]
    with translation.override("en"):
        assert shown(3) == "fewer than 5"


def test_an_unknown_count_is_a_dash():
    assert shown(None) == "–"
