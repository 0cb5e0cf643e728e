"""One event report: a trigger, its date, participants, place, numbers and title, with the stretch of
sentence it came from."""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Confidence, EventReport, Mention, Ref, TimeExpr
from .arguments import _arguments, _governing_verb, _Resolver, _subjects
from .tables import table
from .titles import _title
from .triggers import SPEECH_KINDS, _speaker_of, trigger_kind

@lru_cache(maxsize=1)
def _numbers() -> re.Pattern:
    """A count in digits, a hedge before it and a scale after it, or a scale counted by a word (data/events.yml
    `number_hedges`, `number_scales`, `scale_counts`, `counted_scales`)."""
    w = table()
    hedges, scales, counts, counted = (("|".join(re.escape(x) for x in words)) for words in
                                       (w.number_hedges, w.number_scales, w.scale_counts, w.counted_scales))
    return re.compile(rf"\b(?:{hedges})?\s*\d[\d,.]*(?:\s*(?:{scales}))?\b|\b(?:{counts}) (?:{counted})\b", re.IGNORECASE)


def _report(sentence, doc, trigger, time: TimeExpr, mentions: list[Mention],
            memory: list[Mention] | None = None) -> EventReport:
    """The report of `trigger` at `time`: its kind, participants (agents first), place, title and the
    stretch of the sentence it came from."""
    kind = trigger_kind(trigger) or "event"
    doers, others, place, obj = _arguments(trigger, kind)
    resolver = _Resolver(mentions, memory or [], time.ref)
    agents, roles = _agents_and_roles(resolver.actors(doers), doers)
    people = agents + [m for m in roles + resolver.actors(others) if m not in agents]
    lo, hi = _clause_bounds(trigger, time, doc)
    text = sentence.text
    place_text = _place_text(place, doc)
    index = _placeholders(people, sentence.id, doc, resolver)
    title = _title(trigger, kind, doers, agents, people, obj, place_text, doc, index, time)
    plain = title
    if title and kind not in SPEECH_KINDS and kind not in table().kind_nouns:
        title = _attributed(title, trigger, resolver, agents)
    return EventReport(
        ref=Ref(time.ref.source, time.ref.sentence, lo, hi), trigger=trigger.text, kind=kind,
        date=time.span, date_text=time.text,
        participants=tuple(m.text for m in people), participant_refs=tuple(m.ref for m in people),
        place=place_text, text=text,
        numbers=tuple(n.group(0).strip() for n in _numbers().finditer(text[lo:hi]) if not _is_date_number(n.group(0))),
        confidence=Confidence.DATED if sentence.kind == "body" else Confidence.CAPTION, title=title,
        agents=len(agents), account=title != plain)


def _agents_and_roles(agents: list[Mention], doers) -> tuple[list[Mention], list[Mention]]:
    """"White House Coordinator ... John Kirby claimed": of several doers not coordinated, the person
    acts and the rest names the role (a participant, not an agent)."""
    if len(agents) > 1 and any(m.kind == "person" for m in agents) \
            and not any(d.dep_ == "conj" or any(c.dep_ == "cc" for c in d.children) for d in doers):
        return [m for m in agents if m.kind == "person"], [m for m in agents if m.kind != "person"]
    return agents, []


def _placeholders(people: list[Mention], sentence_id: str, doc, resolver) -> dict[int, int]:
    """token index -> position in `people`, for the title's placeholders: the tokens of each mention in
    this sentence, and the tokens the resolver read as someone ("he", "Moscow")."""
    index: dict[int, int] = {}
    for n, m in enumerate(people):
        if m.ref.sentence != sentence_id:
            continue
        for t in doc:
            if m.ref.start <= t.idx < m.ref.end:
                index.setdefault(t.i, n)
    for i, m in resolver.at.items():
        if m in people:
            index.setdefault(i, people.index(m))
    return index


def _attributed(title: str, trigger, resolver, agents: list[Mention]) -> str:
    """A happening told inside someone's words ("He said Russian troops planted explosives ...") is
    their account: the title says whose, so the chronology never states it as fact."""
    verb = _speaker_of(trigger)
    if verb is None:
        return title
    speakers = resolver.actors(_subjects(verb))
    if not speakers:
        return f"{title} (as reported)"
    if speakers[0] in agents or any(a.text == speakers[0].text for a in agents):
        return f"{title} (by {'their' if speakers[0].kind == 'person' else 'its'} own account)"
    return f"{title} (according to {re.sub(r'[{}]', '', speakers[0].text)})"


def _place_text(token, doc) -> str | None:
    if token is None:
        return None
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _clause_bounds(token, time: TimeExpr, doc) -> tuple[int, int]:
    """The stretch of text the trigger governs, widened to take in the date expression."""
    head = token
    verb = _governing_verb(token) if token.pos_ != "VERB" else None
    if verb is not None:
        head = verb
    span = list(head.subtree)
    lo = min(min(t.idx for t in span), time.ref.start)
    hi = max(max(t.idx + len(t.text) for t in span), time.ref.end)
    if hi - lo > len(doc.text) * 0.9:
        return 0, len(doc.text)
    return lo, hi


def _is_date_number(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return len(digits) == 4 and 1900 <= int(digits) <= 2100 or len(digits) <= 2
