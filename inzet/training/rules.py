"""When a course is completed, and who is next on the waiting list. No Django: plain values in, plain values out."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Completion:
    complete: bool
    attended: int
    needed: int


def completion(*, lessons: int, attended: int, minimum: int | None) -> Completion:
    """Complete when the person attended all lessons, or the course's minimum when it sets one."""
    needed = lessons if minimum is None else min(max(minimum, 1), lessons)
    return Completion(complete=lessons > 0 and attended >= needed, attended=attended, needed=needed)


def places_left(*, places: int, enrolled: int) -> int:
    return max(places - enrolled, 0)
