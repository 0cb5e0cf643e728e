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
from .statements import find_statements


def extract(parsed: Sequence[Parsed]) -> Extraction:
    dropped: list = []
    mentions = tuple(find_mentions(parsed, dropped))
    times = tuple(t for item in parsed
                  for t in find_times(item.source.sentences, item.source.id, item.source.published))
    events = tuple(find_events(parsed, times, mentions))
    statements = tuple(_dated(find_statements(parsed, mentions), times))
    claims, responses, unplaced = find_claims(statements, parsed, mentions)
    return Extraction(mentions, times, events, statements, tuple(claims), tuple(responses), tuple(dropped),
                      tuple(unplaced))


def _dated(statements, times: Sequence[TimeExpr]):
    """A statement takes the date given in its own sentence, if one resolved."""
    by_sentence: dict[tuple[str, str], TimeExpr] = {}
    for t in times:
        if t.span is not None:
            by_sentence.setdefault((t.ref.source, t.ref.sentence), t)
    for st in statements:
        found = by_sentence.get((st.ref.source, st.ref.sentence))
        yield replace(st, date=found.span) if found and st.date is None else st


__all__ = ["extract", "Extraction", "StatementRecord"]
