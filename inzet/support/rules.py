"""Pure support rules (no Django): when a mentor talk is overdue, when a check-in asks for a talk.

Seed 002 TIP 7: every expert meets a mentor at least once a month; when it is not going well, a
timely conversation follows. A pause is normal and counts against no one.
"""

import datetime as dt

OVERDUE_DAYS = 31
LOW_SCORE = 2  # 1–5 scale: 1 and 2 ask the coordinator to offer a talk
SCORES = (1, 2, 3, 4, 5)


def talk_overdue(*, last_talk: dt.date | None, since: dt.date, today: dt.date) -> bool:
    """Overdue when more than OVERDUE_DAYS passed since the last talk (or since the expert started)."""
    start = last_talk or since
    return (today - start).days > OVERDUE_DAYS


def talk_due_on(*, last_talk: dt.date | None, since: dt.date) -> dt.date:
    return (last_talk or since) + dt.timedelta(days=OVERDUE_DAYS)


def score_is_low(score: int) -> bool:
    if score not in SCORES:
        raise ValueError(f"score must be one of {SCORES}")
    return score <= LOW_SCORE


# --- growth plan ------------------------------------------------------------------------------------

REVIEW_WARN_DAYS = 7  # the expert is reminded a week before the agreed review date
MAX_OFFSET_DAYS = 5 * 365


def goal_target(*, start: dt.date, offset_days: int) -> dt.date:
    """A template goal due N days after the plan starts becomes a date in the expert's own plan."""
    if not 0 <= offset_days <= MAX_OFFSET_DAYS:
        raise ValueError(f"offset must be 0..{MAX_OFFSET_DAYS} days")
    return start + dt.timedelta(days=offset_days)


def review_due(*, next_review_on: dt.date | None, today: dt.date) -> bool:
    """Due from a week before the agreed date on; no date agreed: nothing is due."""
    return next_review_on is not None and (next_review_on - today).days <= REVIEW_WARN_DAYS


# --- after a heavy assignment ------------------------------------------------------------------------

HEAVY_FOLLOW_UP_DAYS = 30  # how long after a heavy assignment the prompt to talk stays up


def heavy_follow_up_open(*, ended_on: dt.date, today: dt.date, checked_in_well: bool, talked_since: bool) -> bool:
    """After a heavy assignment (002 TIP 11) the coordinator offers a talk, until the expert said it
    goes well about that assignment, a talk was recorded since, or the window has passed."""
    if not 0 <= (today - ended_on).days <= HEAVY_FOLLOW_UP_DAYS:
        return False
    return not (checked_in_well or talked_since)
