"""The quote to the asker: exact sums with Decimal (no Django).

hours × hourly rate, then the first-assignment discount as its own line (docs/domain/money-rules.md:
a first assignment may be done without charge, but it is never called "free"; the price is
evaluated together afterwards), then VAT when a rate is set. Amounts are rounded to whole cents, half up,
once per line, so the lines always add up to the total shown.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
# A common guideline for structural involvement (docs/domain/money-rules.md): the suggested default.
VWS_GUIDELINE_RATE = Decimal("50.00")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class QuoteLine:
    label: str
    amount: Decimal
    detail: str = ""


@dataclass(frozen=True)
class Quote:
    hours: Decimal
    hourly_rate: Decimal
    subtotal: Decimal
    discount: Decimal  # zero or negative
    net: Decimal
    vat_rate: Decimal
    vat: Decimal
    total: Decimal

    @property
    def has_discount(self) -> bool:
        return self.discount != 0

    @property
    def has_vat(self) -> bool:
        return self.vat_rate > 0


def calculate(
    *, hours: Decimal, hourly_rate: Decimal, vat_rate: Decimal = Decimal(0), first_assignment: bool = False
) -> Quote:
    for name, value in (("hours", hours), ("hourly_rate", hourly_rate), ("vat_rate", vat_rate)):
        if not isinstance(value, Decimal):
            raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")
        if value < 0:
            raise ValueError(f"{name} cannot be negative")
    subtotal = cents(hours * hourly_rate)
    discount = -subtotal if first_assignment else Decimal("0.00")
    net = subtotal + discount
    vat = cents(net * vat_rate / HUNDRED) if vat_rate > 0 else Decimal("0.00")
    return Quote(
        hours=hours,
        hourly_rate=cents(hourly_rate),
        subtotal=subtotal,
        discount=discount,
        net=net,
        vat_rate=vat_rate,
        vat=vat,
        total=net + vat,
    )


def format_euro(amount: Decimal) -> str:
    """€ 1.234,50 (Dutch notation), with a minus sign for discounts."""
    sign = "-" if amount < 0 else ""
    whole, frac = f"{abs(cents(amount)):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}€ {'.'.join(groups)},{frac}"


def format_number(value: Decimal) -> str:
    """1,5 or 12 (Dutch decimal comma, no trailing zeros)."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")
