"""Extract stage: parsed sources -> Extraction (mentions, dates, events, statements, claims).

Each extractor is a generator of typed records; this module only runs them in order, since statements
need mentions, events need dates and mentions, and claims need statements.

Most of the work reads one article at a time and is kept per article (an ArticleExtraction, by the
article's content key, in whatever store the caller passes: pipeline.py keeps them on disk), so editing
one article re-extracts that article only. Three passes read the whole dossier, and run on every build
over the per-article records, cheaply:
  1. the acronyms the dossier defines as no actor ("Kakhovka Hydroelectric Power Plant (HPP)"): each
     article's definitions, merged; an article's mentions are redone only when the definitions of the
     acronyms it contains change;
  2. which names are only adjectives of identity ("Sikh leader" in every article): judged on every
     article's mentions; an article's events and statements are redone only when its judged mentions
     change;
  3. claims and responses (find_claims), which compare statements across articles: run whole, over
     each statement's reading kept with its article (its stance, whom it charges, its words: what its own
     article says); an article's readings are made again when its statements are, or when a person one
     of them names now stands for another side (a title given in another article).
"""
from __future__ import annotations

import hashlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Callable, Protocol, Sequence

from ..model import ArticleExtraction, Extraction, Source, StatementRecord, TimeExpr
from ..parse import Parsed
from .actors import article_definitions, article_mentions, judge_mentions
from .charges import _Sides
from .claims import article_readings, find_claims, reading_holds
from .dates import find_times
from .events import find_events
from .index import by_sentence, by_source
from .statements import find_statements


class ArticleStore(Protocol):
    """Where per-article records are kept between builds (pipeline.ArticleCache: memory and disk)."""

    def get(self, source: Source) -> ArticleExtraction | None: ...

    def put(self, source: Source, record: ArticleExtraction) -> None: ...


class NoStore:
    def get(self, source: Source) -> ArticleExtraction | None:
        return None

    def put(self, source: Source, record: ArticleExtraction) -> None:
        pass


@dataclass
class ExtractStats:
    """What one extraction did, for the build log and the tests (never timed)."""

    articles: int = 0
    extracted: int = 0  # articles read afresh: not in the store (new, edited, or stored by other code)
    from_store: int = 0
    redone: int = 0  # stored articles whose mentions, events or statements were made again because the
    #                  dossier-wide knowledge they read changed (an acronym's definition, a name's judgement)
    reread: int = 0  # articles whose statements the claims stage read afresh (the others' readings were kept)

    def line(self) -> str:
        redone = f", {self.redone} redone for dossier-wide changes" if self.redone else ""
        return f"extracted {self.extracted} of {self.articles} articles ({self.from_store} stored{redone})"


def extract(parsed: Sequence[Parsed], store: ArticleStore | None = None, stats: ExtractStats | None = None,
            workers: int = 1) -> Extraction:
    """The dossier's extraction. Per-article work the store does not hold runs on `workers` processes
    when there is enough of it (a cold build); the dossier-wide passes run here."""
    parsed = list(parsed)
    store = store or NoStore()
    stats = stats if stats is not None else ExtractStats()
    records: list[ArticleExtraction | None] = [store.get(item.source) for item in parsed]
    todo = [i for i, r in enumerate(records) if r is None]
    stats.articles, stats.extracted, stats.from_store = len(parsed), len(todo), len(parsed) - len(todo)
    for i, made in zip(todo, _each(_own_records, [(parsed[i],) for i in todo], workers)):
        records[i] = made
    redone: set[str] = set()
    # pass 1: the dossier's acronym definitions, then each article's mentions under those it contains
    things = _merged_definitions(records)
    relevant = [_relevant(item, things) for item in parsed]
    keys = [_digest(r) for r in relevant]
    todo = [i for i, r in enumerate(records) if r.things_key != keys[i]]
    redone.update(records[i].source for i in todo if records[i].things_key)
    for i, made in zip(todo, _each(article_mentions, [(parsed[i], dict(relevant[i])) for i in todo], workers)):
        records[i] = replace(records[i], things_key=keys[i], candidates=made, mentions_key="")
    # pass 2: the dossier-wide judgement of names, then each article's events and statements
    dropped: list = []
    mentions = tuple(judge_mentions((r.candidates for r in records), dropped))
    mentions_of = by_source(mentions)
    own = [mentions_of.get(item.source.id, []) for item in parsed]
    keys = [_digest(tuple(m)) for m in own]
    todo = [i for i, r in enumerate(records) if r.mentions_key != keys[i]]
    redone.update(records[i].source for i in todo if records[i].mentions_key)
    sides = _Sides(mentions)  # the side each speaker or named person acts for, from every article's titles
    work = [(parsed[i], records[i].times, own[i], sides) for i in todo]
    for i, (events, statements, readings) in zip(todo, _each(_events_and_statements, work, workers)):
        records[i] = replace(records[i], mentions_key=keys[i], events=events, statements=statements,
                             readings=readings)
    stats.redone = len(redone)
    # pass 3: the claims, which compare statements across the dossier, made whole, over each statement's
    # reading kept with its article; a kept reading is made again where a person it names now stands for
    # another side
    stale = [i for i, r in enumerate(records)
             if r.readings is None or not all(reading_holds(x, sides) for x in r.readings)]
    stats.reread = len(todo) + len(stale)
    work = [(parsed[i], records[i].statements, own[i], sides) for i in stale]
    for i, readings in zip(stale, _each(article_readings, work, workers)):
        records[i] = replace(records[i], readings=readings)
    for item, record in zip(parsed, records):
        store.put(item.source, record)
    times = tuple(t for r in records for t in r.times)
    events = tuple(e for r in records for e in r.events)
    statements = tuple(st for r in records for st in r.statements)
    readings = tuple(x for r in records for x in r.readings)
    claims, responses, unplaced = find_claims(statements, parsed, mentions, readings)
    return Extraction(mentions, times, events, statements, tuple(claims), tuple(responses), tuple(dropped),
                      tuple(unplaced))


def _own_records(item: Parsed) -> ArticleExtraction:
    """What the article says on its own, whatever the rest of the dossier says: the acronyms it defines,
    its dates. A new record has no mentions yet (empty keys): the passes make them."""
    times = find_times(item.source.sentences, item.source.id, item.source.published)
    return ArticleExtraction(item.source.id, tuple(article_definitions(item).items()), tuple(times))


def _merged_definitions(records: Sequence[ArticleExtraction]) -> dict[str, str]:
    """Every article's definitions; the first article's reason wins, as over the whole corpus at once."""
    things: dict[str, str] = {}
    for record in records:
        for acronym, why in record.defined:
            things.setdefault(acronym, why)
    return things


def _relevant(item: Parsed, things: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The definitions of the acronyms the article's text contains: the only ones the mention rules can
    look up there (they look up the last word of a name found in the text), so the article's mentions are
    redone when one of these changes and never for the rest of the dossier's."""
    text = "\n".join(s.text for s in item.source.sentences)
    return tuple((acronym, why) for acronym, why in things.items() if acronym in text)


def _events_and_statements(item: Parsed, times: Sequence[TimeExpr], mentions: list, sides: _Sides
                           ) -> tuple[tuple, tuple, tuple]:
    """The article's events and statements, from its mentions as the dossier-wide judgement left them,
    and how the claims stage reads each statement. They read one article at a time, so the cost stays
    linear in the corpus."""
    events = tuple(find_events([item], times, mentions))
    statements = tuple(_dated(find_statements([item], mentions), times))
    return events, statements, article_readings(item, statements, mentions, sides)


PARALLEL_FROM = 40  # articles of work before it is spread over processes (each fork costs tens of ms)
_JOB: tuple | None = None  # (function, argument tuples) the forked workers inherit


def _each(work: Callable, items: list[tuple], workers: int) -> list:
    """work(*item) for each item, in order. With many items, on `workers` forked processes: they inherit
    the parsed docs, which never cross a pipe; only the indices go and the records come back. Where fork
    is missing (Windows), here."""
    if workers < 2 or len(items) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [work(*item) for item in items]
    global _JOB
    _JOB = (work, items)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_one, range(len(items)), chunksize=max(1, len(items) // (workers * 8))))
    finally:
        _JOB = None


def _run_one(index: int):
    work, items = _JOB
    return work(*items[index])


def _digest(value) -> str:
    """A digest of frozen records by their repr, which lists every field in a fixed order."""
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()


def _dated(statements, times: Sequence[TimeExpr]):
    """A statement takes the date its sentence gives outside the words reported ("said on Monday"), if one
    resolved: a date inside them ("in the past three years, the Senate has provided ...") is what they
    speak of, not when they were said."""
    placed = by_sentence(t for t in times if t.span is not None)
    for st in statements:
        found = next((t for t in placed.get((st.ref.source, st.ref.sentence), ())
                      if not st.ref.start <= t.ref.start < st.ref.end), None)
        yield replace(st, date=found.span) if found and st.date is None else st


__all__ = ["extract", "Extraction", "ExtractStats", "StatementRecord"]
