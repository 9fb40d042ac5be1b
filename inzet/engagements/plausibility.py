"""Plausibility checks for hours and sessions (no Django): what deserves a second look.

Nothing here refuses anything. Hours outside the request's period, or more than twice the
estimate, ask the person for a confirmation and are flagged to the coordinator. A whole-team
meeting (askers and experts together) shorter than 2 hours or without an independent chair gets a
warning: mixed project meetings take at least 2 hours and have an independent chair
(docs/domain/request-loop.md#steps).
"""

import datetime as dt
from decimal import Decimal
from enum import StrEnum

MIN_WHOLE_TEAM_MINUTES = 120
OVER_ESTIMATE_FACTOR = Decimal(2)


class HourFlag(StrEnum):
    BEFORE_PERIOD = "before_period"
    AFTER_PERIOD = "after_period"
    OVER_ESTIMATE = "over_estimate"


class SessionKind(StrEnum):
    WHOLE_TEAM = "whole_team"
    EXPERTS_ONLY = "experts_only"
    ONE_TO_ONE = "one_to_one"


class SessionWarning(StrEnum):
    TOO_SHORT = "too_short"
    NO_CHAIR = "no_chair"


def hour_flags(
    *,
    date: dt.date,
    start: dt.date | None,
    end: dt.date | None,
    hours: Decimal,
    hours_before: Decimal,
    estimate: Decimal | None,
) -> list[HourFlag]:
    """Flags for one new row of hours: dated outside the period, or the person's total over twice the estimate.

    `hours_before` is what this person already wrote for the request (not rejected or withdrawn);
    `estimate` is the request's hours per person. A missing start, end or estimate checks nothing.
    """
    flags = []
    if start is not None and date < start:
        flags.append(HourFlag.BEFORE_PERIOD)
    if end is not None and date > end:
        flags.append(HourFlag.AFTER_PERIOD)
    if estimate is not None and estimate > 0 and hours_before + hours > OVER_ESTIMATE_FACTOR * estimate:
        flags.append(HourFlag.OVER_ESTIMATE)
    return flags


def session_warnings(*, kind: str, minutes: int, chair: str) -> list[SessionWarning]:
    """Warnings for a session: only whole-team meetings have a minimum length and need a chair."""
    if kind != SessionKind.WHOLE_TEAM:
        return []
    warnings = []
    if minutes < MIN_WHOLE_TEAM_MINUTES:
        warnings.append(SessionWarning.TOO_SHORT)
    if not chair.strip():
        warnings.append(SessionWarning.NO_CHAIR)
    return warnings
