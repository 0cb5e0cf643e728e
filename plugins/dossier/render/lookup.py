"""Cross-references over a Dossier, computed once per render: who said what where, who appears with whom.

Every list here is sorted (by id, date or reading order), so pages come out the same byte for byte.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Actor, Claim, Dossier, Event, Response, Sentence, Source, Statement


def sentence_number(sid: str) -> int:
    """Reading order of a sentence id ("s12" -> 12); unknown shapes sort last."""
    match = re.fullmatch(r"s(\d+)", sid or "")
    return int(match.group(1)) if match else 1 << 30


@dataclass(frozen=True)
class Span:
    """An actor mention placed in its sentence: [start, end) of the sentence text."""

    start: int
    end: int
    actor: str


class Lookup:
    def __init__(self, dossier: Dossier):
        self.dossier = dossier
        self.sources: dict[str, Source] = {s.id: s for s in dossier.sources}
        self.actors: dict[str, Actor] = {a.id: a for a in dossier.actors}
        self.events: dict[str, Event] = {e.id: e for e in dossier.events}
        self.statements: dict[str, Statement] = {s.id: s for s in dossier.statements}
        self.claims: dict[str, Claim] = {c.id: c for c in dossier.claims}
        self.sentences: dict[tuple[str, str], Sentence] = {
            (src.id, s.id): s for src in dossier.sources for s in src.sentences}

        self.spans = self._place_mentions()
        self.mention_count = {a.id: sum(1 for m in a.mentions if (m.source, m.sentence) in self.sentences)
                              for a in dossier.actors}
        self.source_count = {a.id: len({m.source for m in a.mentions if m.source in self.sources})
                             for a in dossier.actors}
        mentions_in_source: Counter = Counter()
        for actor in dossier.actors:
            for m in actor.mentions:
                mentions_in_source[m.source] += 1
        self.mentions_in_source = mentions_in_source

        members = defaultdict(list)
        for actor in sorted(dossier.actors, key=lambda a: a.id):
            for org in actor.affiliations:
                members[org].append(actor.id)
        self.members = dict(members)

        self.statements_by_speaker = _group(dossier.statements, lambda s: [s.speaker] if s.speaker else [],
                                            key=self.statement_key)
        self.statements_by_source = _group(dossier.statements, lambda s: [s.source], key=self.statement_key)
        self.events_by_actor = _group(dossier.events, lambda e: e.participants, key=self.event_key)
        self.events_by_source = _group(dossier.events, lambda e: [r.source for r in e.reports], key=self.event_key)
        self.claims_by_source = _group(
            dossier.claims, lambda c: [self.statements[s].source for s in c.statements if s in self.statements]
            + [r.source for r in c.responses], key=lambda c: c.id)
        self.claims_by_claimant = _group(dossier.claims, lambda c: c.claimants, key=lambda c: c.id)
        self.claims_by_responder = _group(dossier.claims, lambda c: [r.actor for r in c.responses], key=lambda c: c.id)
        self.counters = _group(dossier.claims, lambda c: [c.counter_to] if c.counter_to else [], key=lambda c: c.id)
        self.co_mentions = self._co_mentions()

    # ---------------------------------------------------------------- keys

    def statement_key(self, st: Statement) -> tuple:
        return (st.source, sentence_number(st.sentence), st.start, st.id)

    def event_key(self, ev: Event) -> tuple:
        return (0, *ev.date.sort_key(), ev.id) if ev.date else (1, ev.id)

    # ---------------------------------------------------------------- mentions

    def _place_mentions(self) -> dict[tuple[str, str], list[Span]]:
        """Per sentence, the actor mentions to link: valid spans, overlaps resolved to the longest."""
        candidates: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for actor in self.dossier.actors:
            for m in actor.mentions:
                sentence = self.sentences.get((m.source, m.sentence))
                if sentence is None:
                    continue
                span = _locate(sentence.text, m.text, m.start, m.end)
                if span:
                    candidates[(m.source, m.sentence)].append(Span(span[0], span[1], actor.id))
        placed = {}
        for where, spans in candidates.items():
            kept: list[Span] = []
            for span in sorted(set(spans), key=lambda s: (s.start - s.end, s.start, s.actor)):
                if all(span.end <= k.start or span.start >= k.end for k in kept):
                    kept.append(span)
            placed[where] = sorted(kept, key=lambda s: s.start)
        return placed

    def _co_mentions(self) -> dict[str, list[tuple[str, int]]]:
        together: dict[str, Counter] = defaultdict(Counter)
        for where in sorted(self.spans):
            present = sorted({s.actor for s in self.spans[where]})
            for a in present:
                for b in present:
                    if a != b:
                        together[a][b] += 1
        return {a: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for a, c in together.items()}

    def mentions_by_source(self, actor: Actor) -> list[tuple[str, list[str]]]:
        """(source id, [sentence ids in reading order]) for every source that mentions the actor."""
        by_source: dict[str, set[str]] = defaultdict(set)
        for m in actor.mentions:
            if (m.source, m.sentence) in self.sentences:
                by_source[m.source].add(m.sentence)
        return [(src, sorted(sids, key=sentence_number)) for src, sids in sorted(by_source.items())]

    # ---------------------------------------------------------------- claims

    def responders(self) -> list[str]:
        """Actors with at least one response, grouped by the side they act for (the side with most
        answers first; those of no known side last, which are no group), most responses first within a
        side, then by id."""
        counts = Counter(r.actor for c in self.dossier.claims for r in c.responses)
        by_side = Counter()
        for actor, n in counts.items():
            by_side[self.side(actor)] += n
        return sorted(counts, key=lambda a: (self.side(a) is None, -by_side[self.side(a)], self.side(a) or "~",
                                             -counts[a], a))

    def side(self, actor_id: str) -> str | None:
        """The state or bloc an actor acts for: itself if it is a country, else its first affiliation that
        is one (directly or through a body it belongs to); None if it has none."""
        seen = set()
        queue = [actor_id]
        while queue:
            current = queue.pop(0)
            actor = self.actors.get(current)
            if actor is None or current in seen:
                continue
            seen.add(current)
            if actor.kind == "country":
                return current
            queue.extend(actor.affiliations)
        return None

    def response_sentence(self, response: Response) -> str | None:
        """The sentence a response was read in: its own, else its statement's."""
        if response.sentence:
            return response.sentence
        st = self.statements.get(response.statement or "")
        return st.sentence if st else None

    def related_events(self, event: Event, limit: int = 8) -> list[tuple[Event, list[str]]]:
        """Events sharing participants with this one, or within 31 days of it; closest first."""
        related = []
        for other in self.dossier.events:
            if other.id == event.id:
                continue
            shared = sorted(set(event.participants) & set(other.participants))
            gap = _gap_days(event, other)
            if shared or (gap is not None and gap <= 31):
                related.append((-len(shared), gap if gap is not None else 1 << 30, other.id, other, shared))
        related.sort(key=lambda r: r[:3])
        return [(r[3], r[4]) for r in related[:limit]]


def _gap_days(a: Event, b: Event) -> int | None:
    if not a.date or not b.date:
        return None
    return abs((a.date.start - b.date.start).days)


def _locate(text: str, surface: str, start: int, end: int) -> tuple[int, int] | None:
    """The mention's span in the sentence: its offsets when they hold, else where its text first occurs."""
    if 0 <= start < end <= len(text):
        return start, end
    if surface:
        at = text.find(surface)
        if at >= 0:
            return at, at + len(surface)
    return None


def _group(items, keys_of, key) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for item in items:
        for k in dict.fromkeys(keys_of(item)):
            grouped[k].append(item)
    return {k: sorted(v, key=key) for k, v in grouped.items()}
