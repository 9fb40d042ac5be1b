import pytest

from inzet.recruitment.rules import Decision, DecisionNotAllowed, Stage, Status, allowed_decisions, decide

DEFAULT = [
    Stage("application"),
    Stage("intro_talk"),
    Stage("shadowing", can_skip=True),
    Stage("evaluation", can_skip=True),
    Stage("training"),
    Stage("active"),
]


def test_it_moves_to_the_next_stage_when_passed():
    outcome = decide(DEFAULT, 0, "passed")
    assert (outcome.next_index, outcome.status, outcome.becomes_expert) == (1, Status.OPEN, False)


def test_it_makes_an_expert_when_the_last_stage_is_passed():
    outcome = decide(DEFAULT, 5, "passed")
    assert (outcome.next_index, outcome.status, outcome.becomes_expert) == (5, Status.ACCEPTED, True)


def test_it_stays_at_the_stage_when_repeated():
    outcome = decide(DEFAULT, 2, "repeat")
    assert (outcome.next_index, outcome.status) == (2, Status.OPEN)


def test_it_skips_a_skippable_stage():
    assert decide(DEFAULT, 2, "skipped").next_index == 3


def test_it_refuses_to_skip_a_stage_that_may_not_be_skipped():
    with pytest.raises(DecisionNotAllowed) as exc:
        decide(DEFAULT, 1, "skipped")
    assert exc.value.code == "not_skippable"


def test_it_refuses_to_skip_the_last_stage_even_when_marked_skippable():
    with pytest.raises(DecisionNotAllowed) as exc:
        decide([Stage("application"), Stage("active", can_skip=True)], 1, "skipped")
    assert exc.value.code == "last_stage"


def test_it_declines_when_not_passed():
    outcome = decide(DEFAULT, 1, "not_passed")
    assert (outcome.next_index, outcome.status, outcome.becomes_expert) == (1, Status.DECLINED, False)


def test_it_refuses_unknown_decisions_and_missing_stages():
    with pytest.raises(DecisionNotAllowed):
        decide(DEFAULT, 0, "maybe")
    with pytest.raises(DecisionNotAllowed):
        decide([], 0, "passed")
    with pytest.raises(DecisionNotAllowed):
        decide(DEFAULT, 9, "passed")


def test_a_short_pipeline_accepts_after_training():
    short = [Stage("application"), Stage("training"), Stage("active")]
    index = 0
    for _ in range(2):
        index = decide(short, index, "passed").next_index
    assert decide(short, index, "passed").becomes_expert


def test_it_offers_skipping_only_where_allowed():
    assert Decision.SKIPPED in allowed_decisions(DEFAULT, 2)
    assert Decision.SKIPPED not in allowed_decisions(DEFAULT, 0)
    assert allowed_decisions(DEFAULT, 5) == [Decision.PASSED, Decision.REPEAT, Decision.NOT_PASSED]
