"""Money for experience experts: rule tables, hours, expenses, settlements, invoices and payouts.

Rules of the house:
- every amount is a Decimal in a DecimalField; never a float;
- an approved hour or expense row is never edited: a correction is a new row that points to it
  (`corrects`) and to the first row of its chain (`root`), with a reason and who/when;
- invoices and payouts are written once by a settlement and not changed afterwards (only a
  payout's state moves on: proposed → approved → in a batch).
"""

from inzet.compensation.models.entries import (
    ApprovedHoursDay,
    AssignmentRewardChoice,
    EntryState,
    ExpenseClaim,
    HourEntry,
    receipt_path,
)
from inzet.compensation.models.settlement import Invoice, InvoiceLine, Payout, PayoutBatch, Settlement, SettlementItem
from inzet.compensation.models.tables import (
    BENEFIT_METHOD_CHOICES,
    MONEY,
    AllowanceCapRow,
    BenefitRuleRow,
    ExternalAllowance,
    HourlyGuideline,
    OrganisationPaymentSettings,
    Tariff,
    WorkInstrument,
)

__all__ = [
    "BENEFIT_METHOD_CHOICES",
    "MONEY",
    "AllowanceCapRow",
    "ApprovedHoursDay",
    "AssignmentRewardChoice",
    "BenefitRuleRow",
    "EntryState",
    "ExpenseClaim",
    "ExternalAllowance",
    "HourEntry",
    "HourlyGuideline",
    "Invoice",
    "InvoiceLine",
    "OrganisationPaymentSettings",
    "Payout",
    "PayoutBatch",
    "Settlement",
    "SettlementItem",
    "Tariff",
    "WorkInstrument",
    "receipt_path",
]
