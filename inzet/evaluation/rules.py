"""Pure rules of the evaluation report: no Django here, tested directly.

Small counts are never shown as a number, so a figure about a few residents cannot point to
one of them (the CBS practice of suppressing cells below a threshold).
"""

import datetime as dt
from dataclasses import dataclass

SMALL_COUNT_THRESHOLD = 5


def is_small(count: int | None) -> bool:
    """1 to 4 are hidden; 0 tells nothing about a person and is shown."""
    return count is not None and 0 < count < SMALL_COUNT_THRESHOLD


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end before start")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def default_period(today: dt.date) -> Period:
    """The calendar year so far: what a funder's yearly report covers."""
    return Period(dt.date(today.year, 1, 1), today)


def grant_is_open(*, revoked: bool, expires_on: dt.date, today: dt.date) -> bool:
    return not revoked and today <= expires_on
