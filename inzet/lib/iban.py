"""IBAN checks and masking (no Django). Validation is schwifty's: checksum, length per country, bank code.

`iban_problem()` returns a problem code; the experts service turns it into a Dutch message,
so a wrong IBAN can never reach the SEPA file.
"""

from schwifty import IBAN
from schwifty.exceptions import (
    InvalidBankCode,
    InvalidChecksumDigits,
    InvalidCountryCode,
    InvalidLength,
    SchwiftyException,
)


def compact(raw: str) -> str:
    """'nl91 abna 0417 1643 00' -> 'NL91ABNA0417164300' (spaces, dashes and case do not matter)."""
    return "".join(ch for ch in (raw or "") if ch.isalnum()).upper()


def iban_problem(raw: str) -> str | None:
    """None for a valid IBAN, else a problem code: checksum, length, country, bank or format."""
    try:
        IBAN(compact(raw))
    except InvalidChecksumDigits:
        return "checksum"
    except InvalidLength:
        return "length"
    except InvalidCountryCode:
        return "country"
    except InvalidBankCode:
        return "bank"
    except (SchwiftyException, ValueError):
        return "format"
    return None


def is_valid(raw: str) -> bool:
    return bool(compact(raw)) and iban_problem(raw) is None


def _groups(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def formatted(raw: str) -> str:
    """In groups of four, as banks print it."""
    return _groups(compact(raw))


def masked(raw: str) -> str:
    """NL** **** **** **12 34: the country and the last four characters, the rest hidden."""
    value = compact(raw)
    if not value:
        return ""
    hidden = value[:2] + "*" * (len(value) - 6) + value[-4:]
    return _groups(hidden)
