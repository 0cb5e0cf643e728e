"""Records by where they stand: the per-sentence and per-source indexes the extractors read."""
from __future__ import annotations

from typing import Iterable, TypeVar

R = TypeVar("R")  # any record with a `ref` (Mention, TimeExpr, StatementRecord, ...)


def by_sentence(records: Iterable[R]) -> dict[tuple[str, str], list[R]]:
    """Records by (source id, sentence id), each list in the records' order."""
    out: dict[tuple[str, str], list[R]] = {}
    for r in records:
        out.setdefault((r.ref.source, r.ref.sentence), []).append(r)
    return out


def by_source(records: Iterable[R]) -> dict[str, list[R]]:
    """Records by the source they are in, each list in the records' order."""
    out: dict[str, list[R]] = {}
    for r in records:
        out.setdefault(r.ref.source, []).append(r)
    return out
