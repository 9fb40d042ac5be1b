"""Team rules from seed 004, shown as warnings, never blocks. Pure: no Django imports."""

import datetime

MIN_EXPERTS_PER_TEAM = 2  # 004 l.1753: never alone; at least two experts per team


def team_warnings(*, expert_count: int) -> list[str]:
    """Codes of the rules a team does not meet yet."""
    warnings = []
    if expert_count < MIN_EXPERTS_PER_TEAM:
        warnings.append("too_few_experts")
    return warnings


PROJECT_MIN_EXPERTS = 5  # 004 l.1033–1037: a project of at least 5 experts …
PROJECT_MIN_TRAJECTORIES = 20  # … and at least 20 trajectories a year
MAX_CASELOAD_SPREAD = 2.0  # one expert carrying twice the team's mean or more is worth a look
MIN_CASELOAD_GAP = 3


def project_warnings(*, expert_count: int, trajectories_last_year: int, caseloads: list[int]) -> list[str]:
    """Codes of the project-size rules a team does not meet yet, and an uneven caseload. Warnings only."""
    warnings = []
    if expert_count < PROJECT_MIN_EXPERTS:
        warnings.append("project_few_experts")
    if trajectories_last_year < PROJECT_MIN_TRAJECTORIES:
        warnings.append("project_few_trajectories")
    total = sum(caseloads)
    if len(caseloads) > 1 and total > 0:
        mean = total / len(caseloads)
        # A few residents apart is noise; with two experts "all of them" is exactly twice the mean.
        if max(caseloads) >= MAX_CASELOAD_SPREAD * mean and max(caseloads) - min(caseloads) >= MIN_CASELOAD_GAP:
            warnings.append("uneven_caseload")
    return warnings


MAX_REFERRALS_PER_HOUR = 30  # a public form: far above a real team's intake, well below a flood


def referral_flood(*, received_last_hour: int) -> bool:
    """True when the public referral form of one team should refuse for a while (spam)."""
    return received_last_hour >= MAX_REFERRALS_PER_HOUR


def next_weekday(today: datetime.date, weekday: int) -> datetime.date:
    """The first date on or after `today` that falls on `weekday` (0 = Monday). Works on datetime.date."""
    return today.fromordinal(today.toordinal() + (weekday - today.weekday()) % 7)
