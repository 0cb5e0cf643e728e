"""Extract stage: parsed sources -> Extraction (mentions, dates, events, statements, claims).

Each extractor is a generator of typed records; this module only runs them in order, since statements
need mentions, events need dates and mentions, and claims need statements.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..model import Extraction, StatementRecord, TimeExpr
from ..parse import Parsed
from .actors import find_mentions
from .claims import find_claims
from .dates import find_times
from .events import find_events
from .index import by_sentence, by_source
from .statements import find_statements


def extract(parsed: Sequence[Parsed]) -> Extraction:
    parsed = list(parsed)
    dropped: list = []
    mentions = tuple(find_mentions(parsed, dropped))
    times = tuple(t for item in parsed
                  for t in find_times(item.source.sentences, item.source.id, item.source.published))
    # events and statements read one article at a time: each article gets its own mentions and dates, so
    # the cost stays linear in the corpus (and an article's records depend on that article alone)
    mentions_of, times_of = by_source(mentions), by_source(times)
    events, statements = [], []
    for item in parsed:
        own_mentions, own_times = mentions_of.get(item.source.id, ()), times_of.get(item.source.id, ())
        events += find_events([item], own_times, own_mentions)
        statements += _dated(find_statements([item], own_mentions), own_times)
    events, statements = tuple(events), tuple(statements)
    claims, responses, unplaced = find_claims(statements, parsed, mentions)
    return Extraction(mentions, times, events, statements, tuple(claims), tuple(responses), tuple(dropped),
                      tuple(unplaced))


def _dated(statements, times: Sequence[TimeExpr]):
    """A statement takes the date given in its own sentence, if one resolved."""
    placed = by_sentence(t for t in times if t.span is not None)
    for st in statements:
        found = placed.get((st.ref.source, st.ref.sentence), [None])[0]
        yield replace(st, date=found.span) if found and st.date is None else st


__all__ = ["extract", "Extraction", "StatementRecord"]
