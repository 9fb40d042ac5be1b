"""The quote to the asker: exact sums with Decimal (no Django).

hours × hourly rate, then the first-assignment discount as its own line (docs/domain/money-rules.md:
a first assignment may be done without charge, but it is never called "free"; the price is
evaluated together afterwards), then VAT when a rate is set. Amounts are rounded to whole cents, half up,
once per line, so the lines always add up to the total shown.
"""

from dataclasses import dataclass
from decimal import Decimal

from inzet.lib import money
from inzet.lib.money import CENT, cents, format_number  # noqa: F401 (re-exported)

HUNDRED = Decimal(100)
# A common guideline for structural involvement (docs/domain/money-rules.md): the suggested default.
VWS_GUIDELINE_RATE = Decimal("50.00")


@dataclass(frozen=True)
class QuoteLine:
    label: str
    amount: Decimal
    detail: str = ""


@dataclass(frozen=True)
class VatLine:
    rate: Decimal
    base: Decimal
    vat: Decimal


@dataclass(frozen=True)
class Quote:
    hours: Decimal
    hourly_rate: Decimal
    subtotal: Decimal
    discount: Decimal  # zero or negative
    net: Decimal
    vat_rate: Decimal  # the highest rate used (one rate in the common case)
    vat: Decimal
    total: Decimal
    vat_lines: tuple[VatLine, ...] = ()
    hours_amount: Decimal = Decimal("0.00")
    half_days: Decimal = Decimal(0)
    half_day_rate: Decimal | None = None
    half_day_amount: Decimal = Decimal("0.00")

    @property
    def has_discount(self) -> bool:
        return self.discount != 0

    @property
    def has_vat(self) -> bool:
        return self.vat > 0 or self.vat_rate > 0

    @property
    def has_half_days(self) -> bool:
        return self.half_day_amount != 0


def _check(name: str, value: Decimal) -> None:
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} cannot be negative")


def calculate(
    *,
    hours: Decimal,
    hourly_rate: Decimal,
    vat_rate: Decimal = Decimal(0),
    first_assignment: bool = False,
    vat_parts: tuple[tuple[Decimal, Decimal], ...] | None = None,
    half_days: Decimal = Decimal(0),
    half_day_rate: Decimal | None = None,
) -> Quote:
    """vat_parts: (share of the work, VAT rate) per expert, so each expert's work carries the VAT of their
    work form, exactly as the invoice does. Without it, one rate for everything."""
    for name, value in (
        ("hours", hours),
        ("hourly_rate", hourly_rate),
        ("vat_rate", vat_rate),
        ("half_days", half_days),
    ):
        _check(name, value)
    if half_day_rate is not None:
        _check("half_day_rate", half_day_rate)
    hours_amount = cents(hours * hourly_rate)
    half_day_amount = cents(half_days * half_day_rate) if half_day_rate is not None else Decimal("0.00")
    subtotal = hours_amount + half_day_amount
    discount = -subtotal if first_assignment else Decimal("0.00")
    net = subtotal + discount
    parts = vat_parts or ((Decimal(1), vat_rate),)
    shares: dict[Decimal, Decimal] = {}
    for share, rate in parts:
        _check("vat_rate", rate)
        shares[rate] = shares.get(rate, Decimal(0)) + share
    total_share = sum(shares.values(), Decimal(0)) or Decimal(1)
    lines, left = [], net
    ordered = sorted(shares.items())
    for index, (rate, share) in enumerate(ordered):
        # The last group takes what is left, so the bases always add up to the net amount.
        base = left if index == len(ordered) - 1 else cents(net * share / total_share)
        left -= base
        lines.append(VatLine(rate=rate, base=base, vat=cents(base * rate / HUNDRED) if rate > 0 else Decimal("0.00")))
    vat = sum((line.vat for line in lines), Decimal("0.00"))
    return Quote(
        hours=hours,
        hourly_rate=cents(hourly_rate),
        subtotal=subtotal,
        discount=discount,
        net=net,
        vat_rate=max(shares),
        vat=vat,
        total=net + vat,
        vat_lines=tuple(line for line in lines if line.rate > 0),
        hours_amount=hours_amount,
        half_days=half_days,
        half_day_rate=cents(half_day_rate) if half_day_rate is not None else None,
        half_day_amount=half_day_amount,
    )


def format_euro(amount: Decimal) -> str:
    """€ 1.234,50 (Dutch notation, always with cents), with a minus sign for discounts."""
    return money.format_euro(amount, always_cents=True)
