"""Dates as a reader writes them, at the precision the source gave: "18–19 October 2023", "July 2023"."""
from __future__ import annotations

from datetime import date

from ..model import MONTHS, DateSpan, format_span

FAR = date.max  # sorts undated things last (pages.py uses it)


def human(span: DateSpan | None) -> str:
    """A DateSpan as words; "" for no date. One formatter serves the dates stage and the pages."""
    return format_span(span) if span is not None else ""


def day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def month_key(span: DateSpan) -> tuple[int, int]:
    """The chronology group: (year, month), month 0 for a year-precision date."""
    return (span.start.year, 0 if span.precision == "year" else span.start.month)


def month_label(key: tuple[int, int]) -> str:
    year, month = key
    return f"{year}" if month == 0 else f"{MONTHS[month - 1]} {year}"

