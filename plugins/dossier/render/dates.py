"""Dates as a reader writes them, at the precision the source gave: "18–19 October 2023", "July 2023"."""
from __future__ import annotations

import calendar
from datetime import date

from ..model import DateSpan

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DASH = "\u2013"  # en dash: "18–19 October"; spaced when either side has more than one word


def human(span: DateSpan | None) -> str:
    """A DateSpan as words; "" for no date."""
    if span is None:
        return ""
    start, end, precision = span.start, span.end, span.precision
    if end is not None and _same(start, end, precision):
        end = None
    if precision == "year":
        return f"{start.year}" if end is None else f"{start.year}{DASH}{end.year}"
    if precision == "month":
        if end is None:
            return f"{MONTHS[start.month - 1]} {start.year}"
        if start.year == end.year:
            return f"{MONTHS[start.month - 1]}{DASH}{MONTHS[end.month - 1]} {end.year}"
        return f"{MONTHS[start.month - 1]} {start.year} {DASH} {MONTHS[end.month - 1]} {end.year}"
    if end is None:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{DASH}{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} {DASH} {day(end)}"
    return f"{day(start)} {DASH} {day(end)}"


def day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def month_key(span: DateSpan) -> tuple[int, int]:
    """The chronology group: (year, month), month 0 for a year-precision date."""
    return (span.start.year, 0 if span.precision == "year" else span.start.month)


def month_label(key: tuple[int, int]) -> str:
    year, month = key
    return f"{year}" if month == 0 else f"{MONTHS[month - 1]} {year}"


def last_day(span: DateSpan) -> date:
    """The last day the span covers, at its precision (31 July 2023 for "July 2023")."""
    end = span.end or span.start
    if span.precision == "year":
        return date(end.year, 12, 31)
    if span.precision == "month":
        return date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
    return max(end, span.start)


def _same(a: date, b: date, precision: str) -> bool:
    if precision == "year":
        return a.year == b.year
    if precision == "month":
        return (a.year, a.month) == (b.year, b.month)
    return a == b


FAR = date.max  # sorts undated things last
