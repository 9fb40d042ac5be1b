"""What a decision at a selection stage leads to. Pure rules: no Django, plain values in and out.

The pipeline is an ordered list of stages. A decision on the current stage:

- passed      → the next stage; on the last stage the person becomes an expert;
- repeat      → the same stage again (e.g. five more half-days of shadowing);
- skipped     → the next stage, only where the stage may be skipped and it is not the last one;
- not_passed  → the selection stops (declined).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Decision(StrEnum):
    PASSED = "passed"
    REPEAT = "repeat"
    SKIPPED = "skipped"
    NOT_PASSED = "not_passed"


class Status(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


@dataclass(frozen=True)
class Stage:
    code: str
    can_skip: bool = False


@dataclass(frozen=True)
class Outcome:
    next_index: int  # index of the stage the application is at afterwards
    status: Status
    becomes_expert: bool
    reason: str  # a short code for people reading the history


class DecisionNotAllowed(ValueError):
    """The decision cannot be taken here; `code` says why (no_stages, not_skippable, last_stage, unknown)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def allowed_decisions(stages: Sequence[Stage], index: int) -> list[Decision]:
    allowed = [Decision.PASSED, Decision.REPEAT]
    if stages[index].can_skip and index < len(stages) - 1:
        allowed.append(Decision.SKIPPED)
    allowed.append(Decision.NOT_PASSED)
    return allowed


def decide(stages: Sequence[Stage], index: int, decision: str) -> Outcome:
    if not stages or not 0 <= index < len(stages):
        raise DecisionNotAllowed("no_stages")
    try:
        decision = Decision(decision)
    except ValueError as exc:
        raise DecisionNotAllowed("unknown") from exc
    last = index == len(stages) - 1
    if decision == Decision.PASSED:
        if last:
            return Outcome(index, Status.ACCEPTED, True, "passed_last_stage")
        return Outcome(index + 1, Status.OPEN, False, "passed")
    if decision == Decision.REPEAT:
        return Outcome(index, Status.OPEN, False, "repeat")
    if decision == Decision.SKIPPED:
        if last:
            raise DecisionNotAllowed("last_stage")
        if not stages[index].can_skip:
            raise DecisionNotAllowed("not_skippable")
        return Outcome(index + 1, Status.OPEN, False, "skipped")
    return Outcome(index, Status.DECLINED, False, "not_passed")


# --- shadowing (002 l.251: five days, a joint evaluation, optionally five more half-days) ----------

SHADOW_DAYS = 5
EXTRA_HALF_DAYS = 5


@dataclass(frozen=True)
class ShadowProgress:
    days: int
    half_days: int
    evaluated: bool
    extra_agreed: bool  # the evaluation chose five more half-days

    @property
    def days_left(self) -> int:
        return max(SHADOW_DAYS - self.days, 0)

    @property
    def half_days_left(self) -> int:
        return max(EXTRA_HALF_DAYS - self.half_days, 0) if self.extra_agreed else 0

    @property
    def evaluation_due(self) -> bool:
        """Five days done and not yet looked back on together."""
        return self.days >= SHADOW_DAYS and not self.evaluated

    @property
    def done(self) -> bool:
        return self.evaluated and self.half_days_left == 0


def shadow_progress(*, days: int, half_days: int, evaluated: bool, extra_agreed: bool) -> ShadowProgress:
    return ShadowProgress(days=days, half_days=half_days, evaluated=evaluated, extra_agreed=extra_agreed)


# --- diversity and unity of a group: counts only, never a person ---------------------------------

SMALL_COUNT = 5


def shown_count(n: int) -> int | None:
    """A count as it may be shown: None ("minder dan 5") below five, so nobody can be singled out."""
    if n < 0:
        raise ValueError("a count is never negative")
    return None if n < SMALL_COUNT else n
