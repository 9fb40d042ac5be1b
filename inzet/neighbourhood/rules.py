"""Team rules from seed 004, shown as warnings, never blocks. Pure: no Django imports."""

MIN_EXPERTS_PER_TEAM = 2  # 004 l.1753: never alone; at least two experts per team


def team_warnings(*, expert_count: int) -> list[str]:
    """Codes of the rules a team does not meet yet."""
    warnings = []
    if expert_count < MIN_EXPERTS_PER_TEAM:
        warnings.append("too_few_experts")
    return warnings
