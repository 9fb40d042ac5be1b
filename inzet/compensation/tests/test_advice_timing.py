"""No advice after the moment it applies: "talk about it before you say yes" goes once the yes is given."""

from inzet.compensation.rules.check import TALK_FIRST
from inzet.compensation.rules.messages import ExplanationLine
from inzet.compensation.selectors import checks as selectors


def test_before_the_yes_the_advice_to_talk_first_stays():
    lines = [ExplanationLine("Deze betaling is hoog."), ExplanationLine(TALK_FIRST)]
    assert selectors._for_the_moment(lines, decided=False) == lines


def test_after_the_yes_the_advice_to_talk_first_is_left_out():
    lines = [ExplanationLine("Deze betaling is hoog."), ExplanationLine(TALK_FIRST)]
    assert selectors._for_the_moment(lines, decided=True) == [lines[0]]
