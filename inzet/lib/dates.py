"""Sensible date windows for what people type (no Django here: tested directly).

A date such as 0001-01-01 is a typing error, not a real claim; refusing it keeps reports,
tax-year totals and payment runs meaningful.
"""

import datetime as dt


def _years_from(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def within(day: dt.date, *, today: dt.date, years_back: int, years_ahead: int) -> bool:
    """Is `day` between `years_back` years before `today` and `years_ahead` years after it?"""
    earliest = _years_from(today, -years_back) if today.year - years_back >= dt.MINYEAR else dt.date.min
    latest = _years_from(today, years_ahead) if today.year + years_ahead <= dt.MAXYEAR else dt.date.max
    return earliest <= day <= latest
