"""When the reviews of Form 2 fall due (004 Bijlage 2: "Na drie maanden/na zes maanden").

Pure: no Django imports. A review round is due N calendar months after the first contact; a
reminder shows from two weeks before. A round that falls after the trajectory closed is not due.
"""

import calendar
import datetime
from dataclasses import dataclass
from statistics import mean

ROUNDS = (3, 6)  # months after the first contact
REMIND_DAYS_BEFORE = 14
GRADES = range(1, 11)  # a Dutch report grade ("rapportcijfer"), 1 to 10


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the last day of the month when it has fewer days (31 Jan → 30 Apr)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def due_date(opened_on: datetime.date, months: int) -> datetime.date:
    return add_months(opened_on, months)


@dataclass(frozen=True)
class RoundStatus:
    months: int
    due: datetime.date
    state: str  # "done", "overdue", "due" (within the reminder window), "later", "not_needed"

    @property
    def needs_action(self) -> bool:
        return self.state in ("overdue", "due")


def round_status(
    *, opened_on: datetime.date, months: int, done: bool, today: datetime.date, closed_on: datetime.date | None = None
) -> RoundStatus:
    due = due_date(opened_on, months)
    if done:
        state = "done"
    elif closed_on is not None and closed_on < due:
        state = "not_needed"
    elif due < today:
        state = "overdue"
    elif (due - today).days <= REMIND_DAYS_BEFORE:
        state = "due"
    else:
        state = "later"
    return RoundStatus(months=months, due=due, state=state)


def statuses(
    *, opened_on: datetime.date, done: set[int], today: datetime.date, closed_on: datetime.date | None = None
) -> list[RoundStatus]:
    return [
        round_status(opened_on=opened_on, months=m, done=m in done, today=today, closed_on=closed_on) for m in ROUNDS
    ]


def mean_grade(grades: list[int | None]) -> float | None:
    """The mean of the grades given; None when no grade was given (every field is optional)."""
    given = [g for g in grades if g is not None]
    return round(mean(given), 2) if given else None


def mean_grade_change(pairs: list[tuple[int | None, int | None]]) -> float | None:
    """Mean change from the 3-month grade to the 6-month grade, over the domains graded both times."""
    changes = [later - earlier for earlier, later in pairs if earlier is not None and later is not None]
    return round(mean(changes), 2) if changes else None
