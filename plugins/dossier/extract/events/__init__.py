"""Event reports: a date expression attached in the parse to a trigger word is a report of a happening.

One sentence may report several happenings ("following Kim's trip to Russia in September and Shoigu's
visit to Pyongyang in July"): each date expression takes the trigger nearest to it in the dependency
tree, and the trigger's own arguments (subject, object, "with"/"by"/"of" phrases, possessor) are its
participants, never every name in the sentence. A light verb hands its kind to the noun it governs
("paid a visit", "delivers a statement"); verbs coordinated with a dated trigger share its date ("visited
Russia and met with Putin"). Each report carries a chronology-style title pattern built from the trigger,
its doers, object and place. Merging reports across articles is resolve's work.

Where to change what (each module says more):
- triggers.py: which word names a happening, and of what kind (tables: data/events.yml `triggers`);
- dating.py: which trigger a date expression dates, and what shares its date;
- publication.py: undated news leads and speech dated by the publication day;
- arguments.py: doers, others, place, object, and the actor each one stands for;
- titles.py: the title, by the first of TITLE_RULES that answers, with English verb forms;
- report.py: one EventReport put together; tables.py: the word tables, read once.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from ...model import Confidence, EventReport, Mention, Ref, Source, TimeExpr
from ...parse import Parsed
from ..index import by_sentence
from ..who import state_noun_of_doer
from .arguments import ACTOR_KINDS, SUBJECTS, _Resolver
from .dating import sentence_events
from .publication import _elsewhere, _lead_events, _ongoing_events, _reported_today, _said_that_day
from .tables import table
from .titles import participle, present
from .triggers import SPEECH_KINDS, _in_complement, phrase_start, trigger_kind

__all__ = ["find_events", "sentence_events", "trigger_kind", "present", "participle", "phrase_start", "SPEECH_KINDS"]

AFTER_NEWS_CONFIDENCE = Confidence.CAPTION  # an undated report after the article's first: joins an event, never makes one
PROSE_WORDS = 8  # a body sentence this long is running text; shorter ones are credits and page furniture


@dataclass
class _Reading:
    """One article as it is read, sentence by sentence."""

    source: Source
    names_its_day: bool  # the article dates some happening by its publication day ("on Wednesday")
    memory: list[Mention] = field(default_factory=list)  # its actors so far, most recent last: pronouns point back
    prose: set[int] = field(default_factory=set)  # paragraphs of running text so far (not captions, credits)
    previous: list[TimeExpr] = field(default_factory=list)  # the dates of the sentence before
    told: bool = False  # whether the article has told an undated report of its day


def find_events(parsed: Iterable[Parsed], times: Iterable[TimeExpr],
                mentions: Iterable[Mention]) -> Iterator[EventReport]:
    times = list(times)
    timed = set(by_sentence(times))  # sentences with a time expression, placed or not
    placed = by_sentence(t for t in times if t.span is not None)
    of_sentence = by_sentence(mentions)
    for item in parsed:
        reading = _Reading(item.source, _names_its_day(item.source, times))
        for sentence, doc in zip(item.source.sentences, item.docs):
            key = (item.source.id, sentence.id)
            here = sorted(of_sentence.get(key, []), key=lambda m: m.ref.start)
            found = placed.get(key)
            if sentence.kind == "body" and len(sentence.text.split()) >= PROSE_WORDS:
                reading.prose.add(sentence.paragraph)
            if sentence.kind != "headline":
                yield from _sentence_reports(reading, sentence, doc, found, here, key in timed)
            # a date inside someone's words ("he said, adding that Hamas received questions two weeks ago")
            # is what they spoke of: the story itself has not moved back in time
            reading.previous = [t for t in found or [] if not _in_reported_words(doc, t)]
            if sentence.kind != "caption":
                # "The Chinese government has not responded. ... it dismissed": a state's organ named with
                # its nationality is that country, for the pronouns after it
                states = [m for t in doc if t.pos_ == "NOUN" and state_noun_of_doer(t) and t.dep_ in SUBJECTS
                          for m in _Resolver(here, [], Ref(item.source.id, sentence.id, 0)).demonym(t)]
                reading.memory.extend(sorted([m for m in here if m.kind in ACTOR_KINDS] + states,
                                             key=lambda m: m.ref.start))


def _in_reported_words(doc, time: TimeExpr) -> bool:
    """Whether a date expression hangs inside the clause an act of speech reports ("said radar detected
    ... as the blast occurred on Tuesday", "adding that Hamas received questions two weeks ago")."""
    tokens = [t for t in doc if time.ref.start <= t.idx < time.ref.end]
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    anchor = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    return any(up.pos_ == "VERB" and trigger_kind(up) in SPEECH_KINDS and _in_complement(anchor, up)
               for up in anchor.ancestors)


def _names_its_day(source: Source, times: list[TimeExpr]) -> bool:
    """Whether the article's running text dates a happening by its publication day (captions date the photo)."""
    body = {s.id for s in source.sentences if s.kind == "body"}
    return any(t.span is not None and t.span.precision == "day" and t.span.start == source.published
               and t.ref.source == source.id and t.ref.sentence in body for t in times)


def _sentence_reports(reading: _Reading, sentence, doc, found: list[TimeExpr] | None, here: list[Mention],
                      timed: bool) -> Iterator[EventReport]:
    """A sentence's reports: those its dates date, then (in running text of a dated article) undated
    ones the publication day dates."""
    source, memory = reading.source, reading.memory
    dated = list(sentence_events(sentence, doc, found, here, memory)) if found else []
    yield from dated
    if source.published is None or sentence.paragraph not in reading.prose:
        return
    leads = list(_lead_events(sentence, doc, source, here, memory, len(reading.prose), {r.trigger for r in dated}))
    yield from leads
    yield from _ongoing_events(sentence, doc, source, here, memory, {r.trigger for r in dated + leads})
    moved_on = _elsewhere(reading.previous, source.published)
    said = []
    # the sentence's dates may all date what is reported ("X said radar detected fire as the blast occurred
    # on Tuesday"): the saying itself is as undated as in a sentence with no date at all
    if (not timed or (found and all(_in_reported_words(doc, t) for t in found))) and not moved_on:
        said = list(_said_that_day(sentence, doc, source, here, memory, {r.trigger for r in dated + leads}))
        yield from said
    # like a news lead, the day's undated report stands near the top; further down is background
    near_the_top = len(reading.prose) <= table().publication_day.paragraphs
    if not timed and not reading.names_its_day and near_the_top and not moved_on:
        for report in _reported_today(sentence, doc, source, here, memory, {r.trigger for r in leads + said}):
            # the article's first undated report is its news; later ones tell more of it, and may join
            # an event but not make one alone
            yield report if not reading.told else replace(report, confidence=AFTER_NEWS_CONFIDENCE)
            reading.told = True
        reading.told = reading.told or bool(said)
