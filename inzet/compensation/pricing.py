"""Money decisions that the quote, the invoice and the payouts share (no Django).

One place decides each of these, so the documents cannot contradict each other:
- VAT follows the expert's work form: a zzp'er charging VAT → the organisation's rate; a zzp'er
  under the small-business scheme (KOR), a volunteer or an employee → 0%
  (https://www.belastingdienst.nl/wps/wcm/connect/nl/btw/content/kleineondernemersregeling).
- The coordination share is taken from what the organisation receives: without an agreed amount
  per hour for the expert, the expert gets the asker's price minus the share; the coordination
  keeps what is left of the hours income after the experts are paid, and the documents say that.
- Reward forms: what the tax and benefit check counts (in kind and training at their value), and
  which forms pay out an amount.
- A flat amount per half-day (dagdeel) besides hours × rate.
"""

from decimal import Decimal

from inzet.lib.money import CENT, cents  # noqa: F401 (re-exported)

HUNDRED = Decimal(100)
ZERO = Decimal("0.00")


# --- VAT --------------------------------------------------------------------------------------

VAT_CHARGED = "vat"
VAT_KOR = "kor"
VAT_NOT_ENTREPRENEUR = "none"


def vat_status(*, work_form: str, kor: bool) -> str:
    if work_form != "zzp":
        return VAT_NOT_ENTREPRENEUR
    return VAT_KOR if kor else VAT_CHARGED


def vat_rate(*, work_form: str, kor: bool, zzp_rate: Decimal, charge_on_zzp: bool = True) -> Decimal:
    """The VAT percentage for the hours of one expert, on the quote and on the invoice alike."""
    if charge_on_zzp and vat_status(work_form=work_form, kor=kor) == VAT_CHARGED:
        return Decimal(zzp_rate)
    return Decimal(0)


# --- the coordination share ---------------------------------------------------------------------


def expert_rate(*, price: Decimal | None, offered: Decimal | None, share: Decimal) -> Decimal | None:
    """What the expert gets per unit: the amount agreed for the expert, else the price minus the share."""
    if offered is not None:
        return offered
    if price is None:
        return None
    return cents(price * (HUNDRED - Decimal(share)) / HUNDRED)


def coordination_amount(*, income: Decimal, paid_to_experts: Decimal) -> Decimal:
    """What stays with the coordination: the hours income (net of VAT) minus what the experts get."""
    return income - paid_to_experts


# --- reward forms ------------------------------------------------------------------------------

# Code of the reward form -> the form the tax/benefit check knows. In kind and training count at
# their value, like a voucher (Belastingdienst: "vergoedingen in natura tellen mee"); a time
# credit pays no money, so there is nothing to count, like "no reward".
CHECK_FORM = {
    "bank_transfer": "bank_transfer",
    "voucher": "voucher",
    "donation": "donation",
    "none": "none",
    "in_kind": "voucher",
    "training": "voucher",
    "time_credit": "none",
}
NEEDS_DETAILS = frozenset({"in_kind", "training"})


def check_form(code: str) -> str:
    return CHECK_FORM.get(code, "bank_transfer")


def pays_amount(code: str) -> bool:
    """False when the reward carries no money value (none, time credit)."""
    return code not in ("none", "time_credit")


def reward_amount(code: str, value: Decimal) -> Decimal:
    return cents(value) if pays_amount(code) else ZERO


# --- hours and half-days -----------------------------------------------------------------------


def work_value(
    *, hours: Decimal, rate: Decimal, half_days: Decimal = ZERO, half_day_rate: Decimal | None = None
) -> Decimal:
    """hours × rate plus half-days × the flat amount per half-day."""
    total = hours * rate
    if half_days and half_day_rate is not None:
        total += half_days * half_day_rate
    return cents(total)
