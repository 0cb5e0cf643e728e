"""The chronology drawn as inline SVG at build time: no script, no outside host, scales with its viewBox.

Time runs down the page (a phone is taller than wide): an axis with month (or year) ticks, a dot per
dated event (a bar when it spans days, a month or a year), and its label to the right, pushed down so
labels never overlap, with a short leader line back to the mark. Each mark links to the event page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from ..model import DateSpan
from . import dates, escape

WIDTH = 480
AXIS_X = 96
LABEL_X = 116
TOP = 24
LINE = 20  # minimum distance between two labels
FONT = 13
MAX_CHARS = 46


@dataclass(frozen=True)
class Mark:
    id: str
    title: str
    span: DateSpan
    href: str  # final URL relative to the page holding the SVG


def svg(marks: list[Mark], label: str = "Timeline of events") -> Markup:
    """The timeline as one `<svg>` line-block; empty Markup when nothing is dated."""
    marks = sorted((m for m in marks if m.span is not None), key=lambda m: (m.span.sort_key(), m.id))
    if not marks:
        return Markup("")
    first = min(m.span.start for m in marks)
    last = max(dates.last_day(m.span) for m in marks)
    days = max((last - first).days + 1, 1)
    scale = min(max(600 / days, 0.25), 12.0)  # px per day: a month fills ~360px, a year ~600px

    def y(d: date) -> float:
        return TOP + (d - first).days * scale

    out: list[str] = []
    # marks and labels
    next_free = TOP
    bottom = y(last + timedelta(days=1))
    for m in marks:
        top_y = y(m.span.start)
        end_y = y(dates.last_day(m.span) + timedelta(days=1))
        mid = (top_y + end_y) / 2 if _is_range(m.span) else top_y
        label_y = max(mid, next_free)
        next_free = label_y + LINE
        text = f"{dates.human(m.span)} · {m.title}"
        if len(text) > MAX_CHARS:
            text = text[: MAX_CHARS - 1].rstrip() + "…"
        if _is_range(m.span):
            shape = (f'<rect class="dossier-tl-range" x="{AXIS_X - 4}" y="{top_y:.1f}" width="8" '
                     f'height="{max(end_y - top_y, 4):.1f}" rx="4"/>')
        else:
            shape = f'<circle class="dossier-tl-dot" cx="{AXIS_X}" cy="{mid:.1f}" r="5"/>'
        out.append(
            f'<a href="{escape.url_attr(m.href)}"><title>{escape.text(dates.human(m.span))}: {escape.text(m.title)}</title>'
            f"{shape}"
            f'<path class="dossier-tl-leader" d="M{AXIS_X + 6} {mid:.1f} L{LABEL_X - 4} {label_y:.1f}"/>'
            f'<text class="dossier-tl-label" x="{LABEL_X}" y="{label_y + FONT * 0.35:.1f}">{escape.text(text)}</text></a>')
        bottom = max(bottom, label_y, end_y)
    height = int(bottom + TOP)

    axis = [f'<line class="dossier-tl-axis" x1="{AXIS_X}" y1="{TOP - 8}" x2="{AXIS_X}" y2="{height - TOP + 8}"/>']
    previous = -LINE
    for tick, name in _ticks(first, last):
        ty = y(tick)
        axis.append(f'<line class="dossier-tl-tick" x1="{AXIS_X - 6}" y1="{ty:.1f}" x2="{AXIS_X}" y2="{ty:.1f}"/>')
        if ty - previous >= FONT + 2:
            axis.append(f'<text class="dossier-tl-tick-label" x="{AXIS_X - 10}" y="{ty + FONT * 0.35:.1f}" '
                        f'text-anchor="end">{escape.text(name)}</text>')
            previous = ty
    return Markup(
        f'<svg class="dossier-timeline-svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape.attr(label)}" font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(axis) + "".join(out) + "</svg>")


def _is_range(span: DateSpan) -> bool:
    return span.precision != "day" or (span.end is not None and span.end != span.start)


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Month starts within the range (year starts when it spans more than two years)."""
    ticks = []
    if (last.year - first.year) > 2:
        for year in range(first.year, last.year + 1):
            d = date(year, 1, 1)
            if first <= d <= last or year == first.year:
                ticks.append((max(d, first), str(year)))
        return ticks
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        d = date(year, month, 1)
        ticks.append((max(d, first), f"{dates.MONTHS[month - 1][:3]} {year}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks
