"""What changes when an expert's work form changes (volunteer → employee or zzp, or back).

Pure rule: codes in, codes out; the words (Dutch, B1) and public sources live in
compensation.selectors.work_form. Information for a conversation with the expert, never advice
(004 l.1664–1676: a benefit limits allowances, a re-assessment can bring a duty to apply for jobs,
the Participatiewet can exempt people who serve society).
"""

from enum import StrEnum

from inzet.compensation.rules.types import BenefitSituation

VOLUNTEER, EMPLOYEE, ZZP = "volunteer", "employee", "zzp"


class Change(StrEnum):
    ALLOWANCE_CHECK_ENDS = "allowance_check_ends"
    ALLOWANCE_CHECK_STARTS = "allowance_check_starts"
    REPORT_INCOME = "report_income"
    BIJSTAND_DUTY_TO_APPLY = "bijstand_duty_to_apply"
    BIJSTAND_EXEMPTION_ENDS = "bijstand_exemption_ends"
    BIJSTAND_EARNINGS_RELEASE = "bijstand_earnings_release"
    WW_HOURS_DEDUCTED = "ww_hours_deducted"
    DISABILITY_REASSESSMENT = "disability_reassessment"
    ALLOWANCES_INCOME = "allowances_income"
    ZZP_OWN_BUSINESS = "zzp_own_business"
    INSTRUMENTS_MAY_APPLY = "instruments_may_apply"


def work_form_changes(*, old: str, new: str, benefit: BenefitSituation | None) -> list[Change]:
    """The changes to talk about, in reading order. `benefit` None: not known to the reader."""
    if old == new:
        return []
    if new == VOLUNTEER:
        return [Change.ALLOWANCE_CHECK_STARTS]
    changes = [Change.ALLOWANCE_CHECK_ENDS] if old == VOLUNTEER else []
    if benefit is not None and benefit is not BenefitSituation.NONE:
        changes.append(Change.REPORT_INCOME)
    if benefit is BenefitSituation.BIJSTAND:
        changes += [Change.BIJSTAND_EARNINGS_RELEASE, Change.BIJSTAND_DUTY_TO_APPLY]
        if old == VOLUNTEER:
            changes.append(Change.BIJSTAND_EXEMPTION_ENDS)
    elif benefit is BenefitSituation.WW:
        changes.append(Change.WW_HOURS_DEDUCTED)
    elif benefit in (BenefitSituation.WAJONG, BenefitSituation.WGA):
        changes.append(Change.DISABILITY_REASSESSMENT)
    elif benefit is BenefitSituation.TOESLAGEN:
        changes.append(Change.ALLOWANCES_INCOME)
    if new == ZZP:
        changes.append(Change.ZZP_OWN_BUSINESS)
    if new == EMPLOYEE and benefit is not None and benefit is not BenefitSituation.NONE:
        changes.append(Change.INSTRUMENTS_MAY_APPLY)
    return changes
