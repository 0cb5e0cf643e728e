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

from dataclasses import replace
from typing import Iterable, Iterator

from ...model import Confidence, EventReport, Mention, TimeExpr
from ...parse import Parsed
from ..index import by_sentence
from .arguments import ACTOR_KINDS
from .dating import sentence_events
from .publication import _elsewhere, _lead_events, _ongoing_events, _reported_today, _said_that_day
from .tables import _lead_paragraphs
from .titles import participle, present
from .triggers import SPEECH_KINDS, phrase_start, trigger_kind

__all__ = ["find_events", "sentence_events", "trigger_kind", "present", "participle", "phrase_start", "SPEECH_KINDS"]

AFTER_NEWS_CONFIDENCE = Confidence.CAPTION  # an undated report after the article's first: joins an event, never makes one
PROSE_WORDS = 8  # a body sentence this long is running text; shorter ones are credits and page furniture


def find_events(parsed: Iterable[Parsed], times: Iterable[TimeExpr],
                mentions: Iterable[Mention]) -> Iterator[EventReport]:
    times = list(times)
    timed = set(by_sentence(times))  # sentences with a time expression, placed or not
    today: set[str] = set()  # sources that name their publication day for some happening
    by_sentence_times = by_sentence(t for t in times if t.span is not None)
    by_sentence_mentions = by_sentence(mentions)
    for item in parsed:
        body = {s.id for s in item.source.sentences if s.kind == "body"}  # captions date the photo
        if any(t.span is not None and t.span.precision == "day" and t.span.start == item.source.published
               and t.ref.source == item.source.id and t.ref.sentence in body for t in times):
            today.add(item.source.id)
        memory: list[Mention] = []  # the article's actors so far, most recent last: pronouns point back
        prose: set[int] = set()  # paragraphs of running text so far (not captions, credits, page furniture)
        previous: list[TimeExpr] = []  # the dates of the sentence before
        told = False  # whether the article has told an undated report of its day
        for sentence, doc in zip(item.source.sentences, item.docs):
            key = (item.source.id, sentence.id)
            here = sorted(by_sentence_mentions.get(key, []), key=lambda m: m.ref.start)
            found = by_sentence_times.get(key)
            if sentence.kind == "body" and len(sentence.text.split()) >= PROSE_WORDS:
                prose.add(sentence.paragraph)
            if sentence.kind != "headline":
                dated = list(sentence_events(sentence, doc, found, here, memory)) if found else []
                yield from dated
                if item.source.published is not None and sentence.paragraph in prose:
                    leads = list(_lead_events(sentence, doc, item.source, here, memory, len(prose),
                                              {r.trigger for r in dated}))
                    yield from leads
                    yield from _ongoing_events(sentence, doc, item.source, here, memory,
                                               {r.trigger for r in dated + leads})
                    said = []
                    if key not in timed and not _elsewhere(previous, item.source.published):
                        said = list(_said_that_day(sentence, doc, item.source, here, memory,
                                                   {r.trigger for r in dated + leads}))
                        yield from said
                    # like a news lead, the day's undated report stands near the top; further down is background
                    if key not in timed and item.source.id not in today and len(prose) <= _lead_paragraphs() \
                            and not _elsewhere(previous, item.source.published):
                        for report in _reported_today(sentence, doc, item.source, here, memory,
                                                      {r.trigger for r in leads + said}):
                            # the article's first undated report is its news; later ones tell more of
                            # it, and may join an event but not make one alone
                            yield report if not told else replace(report, confidence=AFTER_NEWS_CONFIDENCE)
                            told = True
                        told = told or bool(said)
            previous = found or []
            if sentence.kind != "caption":
                memory.extend(m for m in here if m.kind in ACTOR_KINDS)
