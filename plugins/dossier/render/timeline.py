"""The chronology drawn as inline SVG at build time: no script, no outside host, scales with its viewBox.

Time runs down the page (a phone is taller than wide). Each dated event is a dot on the axis (a bar
when it spans days, a month or a year) with its label to the right; labels are pushed down so they
never overlap, with a short leader back to the mark. Distance follows time, except that a long quiet
gap is cut short and marked with a break on the axis, so one old event does not squash the rest.
The month (or year) is written left of the axis where it changes. Each mark links to its event page.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from ..model import DateSpan, last_day
from . import dates, escape

WIDTH = 360
AXIS_X = 62
LABEL_X = 80
TOP = 20
LINE = 18  # distance between two labels
FONT = 12
MAX_CHARS = 40  # the label is cut here; the full title is in the tooltip and the list below
PX_PER_DAY = 3.0
MAX_GAP = 96  # a gap longer than this (px) is cut to it and drawn as a break: about a month


@dataclass(frozen=True)
class Mark:
    id: str
    title: str
    span: DateSpan
    href: str  # final URL relative to the page holding the SVG


class _Scale:
    """Date -> y: linear within a gap between marks, each gap at most MAX_GAP px."""

    def __init__(self, starts: list[date]):
        self.knots: list[date] = []
        self.ys: list[float] = []
        self.breaks: list[float] = []
        y = float(TOP)
        for d in sorted(set(starts)):
            if self.knots:
                gap = (d - self.knots[-1]).days * PX_PER_DAY
                if gap > MAX_GAP:
                    self.breaks.append(y + MAX_GAP / 2)
                y += min(gap, MAX_GAP)
            self.knots.append(d)
            self.ys.append(y)

    def __call__(self, d: date) -> float:
        i = bisect.bisect_right(self.knots, d) - 1
        if i < 0:
            return self.ys[0]
        offset = (d - self.knots[i]).days * PX_PER_DAY
        if i + 1 < len(self.knots):
            return self.ys[i] + offset * (self.ys[i + 1] - self.ys[i]) / max(
                (self.knots[i + 1] - self.knots[i]).days * PX_PER_DAY, 1e-9)
        return self.ys[i] + min(offset, MAX_GAP)


def svg(marks: list[Mark], label: str = "Timeline of events") -> Markup:
    """The timeline as one `<svg>` element on one line; empty Markup when nothing is dated."""
    marks = sorted((m for m in marks if m.span is not None), key=lambda m: (m.span.sort_key(), m.id))
    if not marks:
        return Markup("")
    y = _Scale([m.span.start for m in marks])
    years = len({m.span.start.year for m in marks}) > 1

    body: list[str] = []
    groups: list[str] = []
    next_free, last_group, group_free, bottom = float(TOP), None, float(TOP) - LINE, float(TOP)
    for m in marks:
        top_y = y(m.span.start)
        ranged = _is_range(m.span)
        end_y = y(last_day(m.span) + timedelta(days=1)) if ranged else top_y
        label_y = max(top_y, next_free)
        next_free = label_y + LINE
        text = f"{dates.human(m.span)} · {m.title}"
        if len(text) > MAX_CHARS:
            text = text[: MAX_CHARS - 1].rstrip() + "…"
        if ranged:
            shape = (f'<rect class="dossier-tl-range" x="{AXIS_X - 4}" y="{top_y:.1f}" width="8" '
                     f'height="{max(end_y - top_y, 8):.1f}" rx="4"/>')
        else:
            shape = f'<circle class="dossier-tl-dot" cx="{AXIS_X}" cy="{top_y:.1f}" r="5"/>'
        body.append(
            f'<a href="{escape.url_attr(m.href)}"><title>{escape.text(dates.human(m.span))}: '
            f'{escape.text(m.title)}</title>{shape}'
            f'<path class="dossier-tl-leader" d="M{AXIS_X + 6} {top_y:.1f} L{LABEL_X - 3} {label_y:.1f}"/>'
            f'<text class="dossier-tl-label" x="{LABEL_X}" y="{label_y + FONT * 0.35:.1f}">{escape.text(text)}</text></a>')
        group = dates.month_label(dates.month_key(m.span)) if not years or m.span.precision != "year" else str(
            m.span.start.year)
        if group != last_group:
            gy = max(top_y, group_free + LINE)
            short = group if m.span.precision == "year" else f"{dates.MONTHS[m.span.start.month - 1][:3]} {m.span.start.year}"
            groups.append(f'<text class="dossier-tl-tick-label" x="{AXIS_X - 10}" y="{gy + FONT * 0.35:.1f}" '
                          f'text-anchor="end">{escape.text(short)}</text>')
            group_free, last_group = gy, group
        bottom = max(bottom, label_y, end_y, group_free)
    height = int(bottom + TOP)

    axis = [f'<line class="dossier-tl-axis" x1="{AXIS_X}" y1="{TOP - 10}" x2="{AXIS_X}" y2="{height - TOP + 10}"/>']
    for by in y.breaks:
        axis.append(f'<rect class="dossier-tl-break-gap" x="{AXIS_X - 6}" y="{by - 4:.1f}" width="12" height="8"/>'
                    f'<path class="dossier-tl-break" d="M{AXIS_X - 7} {by - 1:.1f} l14 -5 M{AXIS_X - 7} {by + 5:.1f} l14 -5"/>')
    return Markup(
        f'<svg class="dossier-timeline-svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape.attr(label)}" font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(axis) + "".join(groups) + "".join(body) + "</svg>")


def _is_range(span: DateSpan) -> bool:
    return span.precision != "day" or (span.end is not None and span.end != span.start)
