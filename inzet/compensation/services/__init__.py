"""Write flows for money matters: one keyword-only, atomic function per use case.

Views and the API check who may do what first (inzet/compensation/permissions.py); these
functions check the state of things and refuse with a Dutch ValidationError.
"""

from inzet.compensation.services.choices import invitation_answer, reward_choice_record
from inzet.compensation.services.common import BATCH_NAMES, HUNDRED, ZERO
from inzet.compensation.services.entries import (
    expense_correct,
    expense_decide,
    expense_submit,
    expense_withdraw,
    hours_correct,
    hours_decide,
    hours_log,
    hours_withdraw,
)
from inzet.compensation.services.settlement import BankDetailsMissing, batch_create, payout_approve, settlement_create
from inzet.compensation.services.tables import (
    cap_row_save,
    external_allowance_delete,
    external_allowance_save,
    payment_settings_update,
)
from inzet.compensation.services.work_form import work_form_change

__all__ = [
    "BATCH_NAMES",
    "HUNDRED",
    "ZERO",
    "BankDetailsMissing",
    "batch_create",
    "cap_row_save",
    "expense_correct",
    "expense_decide",
    "expense_submit",
    "expense_withdraw",
    "external_allowance_delete",
    "external_allowance_save",
    "hours_correct",
    "hours_decide",
    "hours_log",
    "hours_withdraw",
    "invitation_answer",
    "payment_settings_update",
    "payout_approve",
    "reward_choice_record",
    "settlement_create",
    "work_form_change",
]
