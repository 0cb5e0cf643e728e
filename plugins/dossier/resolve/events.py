"""Resolve events: reports of the same happening merge into one event; disagreements are kept.

Two reports are the same happening when their dates are compatible at the coarser precision, their
kinds agree, and they share a participant or a place. The most precise date wins; where reports give
different days or different numbers, every version is kept in the event's conflicts.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from ..config import CuratedEvent, slugify
from ..model import DateSpan, Event, EventReport, Report, Source, cut
from .actors import ActorIndex

RELATED_KINDS = {"visit": {"meeting", "summit"}, "meeting": {"visit", "summit"}, "summit": {"visit", "meeting"},
                 "statement": {"press-conference", "interview"}, "press-conference": {"statement"},
                 "interview": {"statement"}}


@dataclass
class _Group:
    reports: list[tuple[EventReport, tuple[str, ...]]] = field(default_factory=list)

    def participants(self) -> set[str]:
        return {p for _, ps in self.reports for p in ps}

    def kinds(self) -> set[str]:
        return {r.kind for r, _ in self.reports}

    def places(self) -> set[str]:
        return {r.place for r, _ in self.reports if r.place}

    def best(self) -> EventReport:
        return min((r for r, _ in self.reports), key=lambda r: (_precision_rank(r.date), -r.confidence))


def _precision_rank(span: DateSpan | None) -> int:
    return {"day": 0, "month": 1, "year": 2}[span.precision] if span else 3


def _bounds(span: DateSpan) -> tuple[date, date]:
    start = span.start
    if span.precision == "year":
        return date(start.year, 1, 1), date((span.end or start).year, 12, 31)
    if span.precision == "month":
        last = span.end or start
        nxt = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
        return date(start.year, start.month, 1), date.fromordinal(nxt.toordinal() - 1)
    return start, span.end or start


def compatible(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None:
        return False
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    return a0 <= b1 and b0 <= a1


def _same_happening(group: _Group, report: EventReport, participants: tuple[str, ...]) -> bool:
    best = group.best()
    if not compatible(best.date, report.date):
        return False
    kinds = group.kinds()
    if report.kind not in kinds and not (RELATED_KINDS.get(report.kind, set()) & kinds):
        return False
    shared = group.participants() & set(participants)
    return bool(shared) or bool(report.place and report.place in group.places())


def resolve_events(reports: list[EventReport], actors: ActorIndex, sources: dict[str, Source],
                   curated: list[CuratedEvent]) -> list[Event]:
    groups: list[_Group] = []
    for report in sorted(reports, key=lambda r: (_precision_rank(r.date), r.ref.source, _sentence_no(r.ref.sentence))):
        participants = _participants(report, actors)
        for group in groups:
            if _same_happening(group, report, participants):
                group.reports.append((report, participants))
                break
        else:
            groups.append(_Group([(report, participants)]))
    events = [_event(g, actors, sources) for g in groups]
    events = _unique_ids(events)
    return _apply_curation(events, curated, sources)


def _sentence_no(sid: str) -> int:
    return int(sid[1:]) if sid[1:].isdigit() else 0


def _participants(report: EventReport, actors: ActorIndex) -> tuple[str, ...]:
    ids = []
    for text, ref in zip(report.participants, report.participant_refs):
        ident = actors.of_ref(ref) or actors.of_name(text)
        if ident and ident not in ids:
            ids.append(ident)
    return tuple(ids)


def _event(group: _Group, actors: ActorIndex, sources: dict[str, Source]) -> Event:
    best = group.best()
    names = {a.id: a.name for a in actors.actors}
    counts = Counter(p for _, ps in group.reports for p in ps)
    participants = tuple(sorted(counts, key=lambda p: (-counts[p], p)))
    title = _title(best, participants, names)
    reports = tuple(sorted({Report(r.ref.source, r.ref.sentence, r.text[r.ref.start:r.ref.end] or r.text,
                                   r.date_text, r.date) for r, _ in group.reports},
                           key=lambda x: (x.source, _sentence_no(x.sentence))))
    places = Counter(r.place for r, _ in group.reports if r.place)
    ident = slugify(f"{cut(best.date.start, best.date.precision) if best.date else 'undated'} {best.kind} "
                    f"{names.get(participants[0], '') if participants else best.trigger}", "event")
    return Event(id=ident, title=title, kind=best.kind, date=best.date,
                 place=places.most_common(1)[0][0] if places else None, participants=participants,
                 reports=reports, conflicts=_conflicts(group, sources))


def _title(report: EventReport, participants: tuple[str, ...], names: dict) -> str:
    clause = report.text[report.ref.start:report.ref.end].strip(" ,.;") or report.text
    words = clause.split()
    return " ".join(words[:18]) + (" …" if len(words) > 18 else "")


def _conflicts(group: _Group, sources: dict[str, Source]) -> tuple[str, ...]:
    out = []
    days = {}
    for r, _ in group.reports:
        if r.date and r.date.precision == "day":
            days.setdefault(r.date, []).append(r)
    if len(days) > 1:
        versions = "; ".join(f"{_outlet(sources, rs[0].ref.source)} gives {cut(d.start, 'day')}"
                             f"{'–' + cut(d.end, 'day') if d.end else ''} (“{rs[0].date_text}”)"
                             for d, rs in sorted(days.items(), key=lambda x: x[0].sort_key()))
        out.append(f"Sources differ on the date: {versions}.")
    numbers = {}
    for r, _ in group.reports:
        if r.numbers:
            numbers.setdefault(r.numbers, r)
    if len({n for ns in numbers for n in ns}) > 1 and len(numbers) > 1:
        versions = "; ".join(f"{_outlet(sources, r.ref.source)}: {', '.join(ns)}" for ns, r in numbers.items())
        out.append(f"Sources give different figures: {versions}.")
    return tuple(out)


def _outlet(sources: dict[str, Source], source_id: str) -> str:
    s = sources.get(source_id)
    return (s.outlet or s.title) if s else source_id


def _unique_ids(events: list[Event]) -> list[Event]:
    seen: Counter = Counter()
    out = []
    for e in sorted(events, key=lambda e: (e.id, e.reports[0].source if e.reports else "", e.title)):
        seen[e.id] += 1
        out.append(e if seen[e.id] == 1 else replace(e, id=f"{e.id}-{seen[e.id]}"))
    return out


def _apply_curation(events: list[Event], curated: list[CuratedEvent], sources: dict[str, Source]) -> list[Event]:
    by_id = {e.id: e for e in events}
    for cur in curated:
        merged = [by_id.pop(i) for i in (cur.id, *cur.merge) if i in by_id]
        if cur.hidden:
            continue
        base = merged[0] if merged else Event(id=cur.id, title=cur.title or cur.id, kind=cur.kind or "other", date=None)
        reports = {r for e in merged for r in e.reports}
        for rep in cur.reports:
            s = sources.get(rep.source)
            text = next((x.text for x in s.sentences if x.id == rep.sentence), "") if s else ""
            reports.add(Report(rep.source, rep.sentence, text, rep.date_text, cur.date))
        participants = cur.participants or tuple(dict.fromkeys(p for e in merged for p in e.participants))
        by_id[cur.id] = replace(
            base, id=cur.id, title=cur.title or base.title, kind=cur.kind or base.kind,
            date=cur.date or base.date, place=cur.place or base.place, participants=tuple(participants),
            reports=tuple(sorted(reports, key=lambda x: (x.source, _sentence_no(x.sentence)))),
            conflicts=tuple(dict.fromkeys(c for e in merged for c in e.conflicts)), curated=True)
    return sorted(by_id.values(), key=lambda e: e.id)
