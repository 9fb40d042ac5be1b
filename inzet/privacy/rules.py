"""Pure retention arithmetic (no Django): until when kept bookkeeping must stay.

The Algemene wet inzake rijksbelastingen (art. 52 lid 4) asks to keep records for seven years;
the period runs from the end of the year the record belongs to, so the last day is 31 December
seven years after the year of the newest record.
https://wetten.overheid.nl/jci1.3:c:BWBR0002320&artikel=52
"""

import datetime
from collections.abc import Iterable

BOOKKEEPING_YEARS = 7


def bookkeeping_kept_until(dates: Iterable[datetime.date | None]) -> datetime.date | None:
    """The last day the newest of `dates` (dates or datetimes; None ignored) must be kept."""
    years = [value.year for value in dates if value is not None]
    if not years:
        return None
    return datetime.date(max(years) + BOOKKEEPING_YEARS, 12, 31)
