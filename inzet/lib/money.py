"""Money, once: rounding to cents and writing amounts the Dutch and the English way.

No Django imports, so the pure rule modules (compensation.rules, engagements.quote) use it too.
"""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def cents(amount: Decimal) -> Decimal:
    """Round to whole cents, halves away from zero (as on an invoice)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_euro(amount: Decimal, *, always_cents: bool = False) -> str:
    """Dutch money: `€ 1.900,50`, `-€ 12,00` for a discount; whole euros as `€ 190` unless always_cents."""
    if not isinstance(amount, Decimal):
        raise TypeError("amount must be a Decimal")
    value = cents(amount)
    sign = "-" if value < 0 else ""
    value = abs(value)
    euros = int(value)
    rest = int((value - euros) * 100)
    whole = f"{euros:,}".replace(",", ".")
    if rest == 0 and not always_cents:
        return f"{sign}€ {whole}"
    return f"{sign}€ {whole},{rest:02d}"


def format_euro_en(amount: Decimal, *, always_cents: bool = False) -> str:
    """English money: `€1,900.50`; whole euros as `€190` unless always_cents."""
    value = cents(amount)
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value == int(value) and not always_cents:
        return f"{sign}€{int(value):,}"
    return f"{sign}€{value:,.2f}"


def format_number(value: Decimal) -> str:
    """Dutch decimal comma, no trailing zeros: 12,5."""
    return format(value.normalize(), "f").replace(".", ",")


def format_number_en(value: Decimal) -> str:
    """English decimal point, no trailing zeros: 12.5."""
    return format(value.normalize(), "f")


def euro_or_dash(value, *, empty: str = "—") -> str:
    """The template filter's rule: always with cents; `empty` for None or ''."""
    if value is None or value == "":
        return empty
    return format_euro(Decimal(value), always_cents=True)


def euro_html(value, *, empty: str = "—", english: bool = False) -> str:
    """The amount as HTML for a page: `<data class="utrecht-currency-data" value="125.00">€ 125,00</data>`.

    The Utrecht currency-data class keeps the sign and the amount on one line (white-space: nowrap) and
    uses tabular figures, so amounts line up in a column. The text itself is the plain `€ 125,00`
    (`€125.00` with ``english``).
    Returns a plain string; the template filter marks it safe (no Django imports here)."""
    if value is None or value == "":
        return empty
    amount = cents(Decimal(value))
    shown = format_euro_en(amount, always_cents=True) if english else format_euro(amount, always_cents=True)
    return f'<data class="utrecht-currency-data" value="{amount}">{shown}</data>'
