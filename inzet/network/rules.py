"""Pure rules of the network app (no Django): placing partners on a drawn map, mark validity."""

import calendar
import datetime as dt
from dataclasses import dataclass

# The Netherlands, roughly: the frame when there are too few points to frame themselves.
NL = (50.75, 3.35, 53.55, 7.25)  # south, west, north, east
MIN_SPAN = 0.05  # degrees: a single town still gets a readable frame


@dataclass(frozen=True)
class Dot:
    key: int
    x: float
    y: float


def frame(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """South, west, north, east around the points, with a margin; the whole country when none."""
    if not points:
        return NL
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    pad_lat = max((north - south) * 0.1, MIN_SPAN)
    pad_lon = max((east - west) * 0.1, MIN_SPAN)
    return south - pad_lat, west - pad_lon, north + pad_lat, east + pad_lon


def place(points: dict[int, tuple[float, float]], *, width: int = 600, height: int = 600) -> list[Dot]:
    """Map (lat, lon) per key to x, y inside width × height: north up, east right."""
    south, west, north, east = frame(list(points.values()))
    dots = []
    for key, (lat, lon) in points.items():
        x = (lon - west) / (east - west) * width
        y = (north - lat) / (north - south) * height
        dots.append(Dot(key, round(x, 1), round(y, 1)))
    return dots


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the last day of the month when that day does not exist (31 → 30)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(assessed_on: dt.date, months: int) -> dt.date:
    """A mark assessed on day D for N months is valid up to and including the day before D + N months."""
    return add_months(assessed_on, months) - dt.timedelta(days=1)
