"""Pages for hours, expenses, the rule check, settlements, payouts, statements and exports.

Each view authorises first (inzet/compensation/permissions.py), then validates a form, calls one
service and renders or redirects.
"""

from inzet.compensation.views.assignment import (
    assignment,
    assignment_reward,
    expense_add,
    expense_correct,
    expense_decide,
    expense_receipt,
    expense_withdraw,
    hours_add,
    hours_correct,
    hours_decide,
    hours_withdraw,
    invitation_answer,
)
from inzet.compensation.views.common import ANY_ROLE, XLSX
from inzet.compensation.views.settle import (
    approvals,
    batch_create,
    batch_download,
    invoice_pdf,
    invoices,
    payout,
    payouts,
    settle,
    settlement,
    settlements,
)
from inzet.compensation.views.statements import (
    export,
    external_allowance_delete,
    external_allowance_edit,
    external_allowances,
    statement,
)
from inzet.compensation.views.tables import cap_add, org_settings, overview, rule_tables

__all__ = [
    "ANY_ROLE",
    "XLSX",
    "approvals",
    "assignment",
    "assignment_reward",
    "batch_create",
    "batch_download",
    "cap_add",
    "expense_add",
    "expense_correct",
    "expense_decide",
    "expense_receipt",
    "expense_withdraw",
    "export",
    "external_allowance_delete",
    "external_allowance_edit",
    "external_allowances",
    "hours_add",
    "hours_correct",
    "hours_decide",
    "hours_withdraw",
    "invitation_answer",
    "invoice_pdf",
    "invoices",
    "org_settings",
    "overview",
    "payout",
    "payouts",
    "rule_tables",
    "settle",
    "settlement",
    "settlements",
    "statement",
]
