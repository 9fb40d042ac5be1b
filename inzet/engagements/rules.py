"""The request lifecycle as a pure state machine (no Django): which step may follow which, and who takes it.

draft → submitted → intake → matching → agreed → running → completed, or cancelled on the way;
the organisation's intake may send a request back to the asker (changes_requested → draft) or
decline it.
"""

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    INTAKE = "intake"
    CHANGES_REQUESTED = "changes_requested"
    DECLINED = "declined"
    MATCHING = "matching"
    AGREED = "agreed"
    RUNNING = "running"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Actor(StrEnum):
    ASKER = "asker"
    COORDINATOR = "coordinator"
    SYSTEM = "system"


# (from, to) -> who may take that step
TRANSITIONS: dict[tuple[Status, Status], frozenset[Actor]] = {
    (Status.DRAFT, Status.SUBMITTED): frozenset({Actor.ASKER}),
    (Status.SUBMITTED, Status.INTAKE): frozenset({Actor.COORDINATOR}),
    (Status.INTAKE, Status.MATCHING): frozenset({Actor.COORDINATOR}),
    (Status.INTAKE, Status.CHANGES_REQUESTED): frozenset({Actor.COORDINATOR}),
    (Status.INTAKE, Status.DECLINED): frozenset({Actor.COORDINATOR}),
    (Status.CHANGES_REQUESTED, Status.DRAFT): frozenset({Actor.ASKER, Actor.SYSTEM}),
    (Status.MATCHING, Status.AGREED): frozenset({Actor.ASKER}),  # the asker accepts agreement and quote
    (Status.AGREED, Status.RUNNING): frozenset({Actor.COORDINATOR, Actor.SYSTEM}),
    # An expert stepped back before the start: the team is looked for again (engagements/changes.py).
    (Status.AGREED, Status.MATCHING): frozenset({Actor.SYSTEM}),
    (Status.RUNNING, Status.COMPLETED): frozenset({Actor.COORDINATOR}),
}
CANCELLABLE = frozenset(
    {
        Status.DRAFT,
        Status.SUBMITTED,
        Status.INTAKE,
        Status.CHANGES_REQUESTED,
        Status.MATCHING,
        Status.AGREED,
        Status.RUNNING,
    }
)
FINAL = frozenset({Status.COMPLETED, Status.CANCELLED, Status.DECLINED})


class TransitionError(ValueError):
    pass


def can_transition(current: Status, target: Status, actor: Actor) -> bool:
    if target == Status.CANCELLED:
        return current in CANCELLABLE and actor in (Actor.ASKER, Actor.COORDINATOR)
    return actor in TRANSITIONS.get((current, target), frozenset())


def check_transition(current: Status, target: Status, actor: Actor) -> None:
    if not can_transition(Status(current), Status(target), Actor(actor)):
        raise TransitionError(f"{actor} cannot move a request from {current} to {target}")


def next_steps(current: Status, actor: Actor) -> list[Status]:
    steps = [to for (frm, to), actors in TRANSITIONS.items() if frm == current and actor in actors]
    if current in CANCELLABLE and actor in (Actor.ASKER, Actor.COORDINATOR):
        steps.append(Status.CANCELLED)
    return steps


def seats_left(experts_needed: int, accepted: int) -> int:
    return max(0, experts_needed - accepted)


# --- the intake: a "no" counts (docs/domain/request-loop.md#steps) ---------------------------------


def intake_problems(
    *,
    answers: tuple[bool, bool, bool],
    reasons: tuple[str, str, str],
    accept: bool,
    override: bool,
    override_reason: str,
) -> list[str]:
    """Which parts of an intake are missing; the field names, in the order of the form.

    Every "no" needs a reason. Accepting a request with a "no" is possible, but only as an explicit
    exception with its own reason, so the choice is visible afterwards.
    """
    problems = []
    names = ("fits_mission_reason", "has_expertise_reason", "conditions_ok_reason")
    for name, answer, reason in zip(names, answers, reasons, strict=True):
        if not answer and not reason.strip():
            problems.append(name)
    if accept and not all(answers):
        if not override:
            problems.append("override")
        if not override_reason.strip():
            problems.append("override_reason")
    return problems


# --- what an expert needs for an assignment ---------------------------------------------------------

# Codes of models.InvitationNeed; the asker may only ever see these practical ones (never who the
# safety net is, nor when to call them), and only when the expert allows it.
NEEDS_FOR_ASKER = frozenset({"duo", "interpreter", "transport", "quiet_room", "papers_in_advance", "other"})


def needs_problems(*, kinds: list[str], safety_net_person: str, other: str) -> list[str]:
    """The fields still missing: a safety net needs a person, "something else" needs words."""
    problems = []
    if "safety_net" in kinds and not safety_net_person.strip():
        problems.append("safety_net_person")
    if "other" in kinds and not other.strip():
        problems.append("other")
    return problems


def needs_for_asker(*, kinds: list[str], other: str, share: bool) -> tuple[list[str], str]:
    """What of one expert's needs the asker may read: nothing unless shared; never the safety net."""
    if not share:
        return [], ""
    shown = [code for code in kinds if code in NEEDS_FOR_ASKER]
    return shown, other if "other" in shown else ""
