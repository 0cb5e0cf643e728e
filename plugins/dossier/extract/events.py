"""Event reports: a sentence with a resolved date and a trigger word is a report of a happening.

One sentence may report several happenings ("following Kim's trip to Russia in September and Shoigu's
visit to Pyongyang in July"): each date expression takes the trigger nearest to it in the parse, and the
actors in that stretch of the sentence. Merging reports across articles is resolve.py's work.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..data import load_table
from ..model import EventReport, Mention, Ref, TimeExpr
from ..parse import Parsed

NUMBER_RE = re.compile(r"\b(?:about|over|more than|nearly|almost|around|some|at least)?\s*"
                       r"\d[\d,.]*(?:\s*(?:thousand|million|billion|hundred))?\b|\b(?:a|one|several) "
                       r"(?:thousand|hundred|million)\b", re.IGNORECASE)
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _triggers() -> dict[str, str]:
    return load_table("events.yml")["triggers"]


def find_events(parsed: Iterable[Parsed], times: Iterable[TimeExpr],
                mentions: Iterable[Mention]) -> Iterator[EventReport]:
    by_sentence_times: dict[tuple[str, str], list[TimeExpr]] = {}
    for t in times:
        if t.span is not None:
            by_sentence_times.setdefault((t.ref.source, t.ref.sentence), []).append(t)
    by_sentence_mentions: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        by_sentence_mentions.setdefault((m.ref.source, m.ref.sentence), []).append(m)
    for item in parsed:
        for sentence, doc in zip(item.source.sentences, item.docs):
            key = (item.source.id, sentence.id)
            found = by_sentence_times.get(key)
            if not found or sentence.kind == "headline":
                continue
            yield from _sentence_events(sentence, doc, found, by_sentence_mentions.get(key, []))


def _sentence_events(sentence, doc, times: list[TimeExpr], mentions: list[Mention]) -> Iterator[EventReport]:
    triggers = _triggers()
    candidates = []
    for token in doc:
        kind = triggers.get(token.lemma_.lower()) or triggers.get(token.lower_)
        if kind and token.pos_ in {"VERB", "NOUN", "PROPN"}:
            candidates.append((token, kind))
    if not candidates:
        return
    used = set()
    for time in sorted(times, key=lambda t: t.ref.start):
        token, kind = min(candidates, key=lambda c: _distance(c[0], time, doc))
        if token.i in used and len(times) > 1 and len(candidates) > len(used):
            rest = [c for c in candidates if c[0].i not in used]
            token, kind = min(rest, key=lambda c: _distance(c[0], time, doc))
        used.add(token.i)
        lo, hi = _clause_bounds(token, time, doc)
        people = [m for m in mentions if lo <= m.ref.start < hi and m.kind in {"person", "organization", "country", "group"}]
        place = _place(doc, lo, hi, mentions)
        text = sentence.text
        yield EventReport(
            ref=Ref(time.ref.source, time.ref.sentence, lo, hi), trigger=token.text, kind=kind,
            date=time.span, date_text=time.text,
            participants=tuple(m.text for m in people), participant_refs=tuple(m.ref for m in people),
            place=place, text=text, numbers=tuple(n.group(0).strip() for n in NUMBER_RE.finditer(text[lo:hi])
                                                  if not _is_date_number(n.group(0))),
            confidence=0.9 if sentence.kind == "body" else 0.5)


def _distance(token, time: TimeExpr, doc) -> int:
    """Characters between a trigger and a date expression, with a bonus when the parse links them."""
    mid = (time.ref.start + time.ref.end) // 2
    distance = abs(token.idx - mid)
    time_tokens = [t for t in doc if time.ref.start <= t.idx < time.ref.end]
    if any(t.head == token or token in t.ancestors for t in time_tokens):
        distance //= 4
    return distance


def _clause_bounds(token, time: TimeExpr, doc) -> tuple[int, int]:
    """The stretch of text the trigger governs, widened to take in the date expression."""
    head = token
    while head.dep_ in {"pobj", "dobj", "compound", "amod"} and head.head is not head:
        head = head.head
    span = list(head.subtree)
    lo = min(min(t.idx for t in span), time.ref.start)
    hi = max(max(t.idx + len(t.text) for t in span), time.ref.end)
    if hi - lo > len(doc.text) * 0.9:
        return 0, len(doc.text)
    return lo, hi


def _place(doc, lo: int, hi: int, mentions: list[Mention]) -> str | None:
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and lo <= ent.start_char < hi:
            prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if prev in {"in", "at", "to"}:
                return ent.text
    return None


def _is_date_number(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return len(digits) == 4 and 1900 <= int(digits) <= 2100 or len(digits) <= 2
