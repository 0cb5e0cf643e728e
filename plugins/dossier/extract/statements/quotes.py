"""Quotation marks: the spans of quoted words in a sentence (curly, straight, mixed, running on into the
next sentences), and which cue a free-standing quotation belongs to."""
from __future__ import annotations

import re

from .focus import _Cue
from .tables import speech_words


def quote_spans(text: str, open_before: bool = False) -> list[tuple[int, int]]:
    """Character spans of quoted words (without the marks). An opening mark never closed in the
    sentence quotes to its end (a quotation that runs on into the next sentences). Scraped text mixes
    straight and curly marks ("... ”): a double mark closes with any double closing mark. A straight
    mark after a word is a closing one; with open_before (a quotation opened in an earlier sentence of
    the paragraph is still open), the words up to the first closing mark, or the whole sentence when it
    has none, are quoted."""
    spans = []
    pairs = speech_words().quote_pairs
    openers = {p[0] for p in pairs}
    i = 0
    if open_before:
        close = _closing(text, 0, [m for p in pairs if p[0] in "“\"" for m in (p[1],)])
        if close is None:
            return [(0, len(text))] if text.strip() else []
        if close > 0:
            spans.append((0, close))
        i = close + 1
    while i < len(text):
        ch = text[i]
        if ch not in openers or (ch == "‘" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        if ch == '"' and i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([{—–-" \
                and (i + 1 >= len(text) or not text[i + 1].isalnum()):
            i += 1  # a straight mark after a word closes a quotation opened before
            continue
        close = _closing(text, i + 1, [p[1] for p in pairs if p[0] == ch])
        if close is None:
            if ch in "“«\"" and not any(p[0] == ch for p in pairs if p[1] in text[i + 1:]):
                spans.append((i + 1, len(text)))
                break
            i += 1
            continue
        spans.append((i + 1, close))
        i = close + 1
    return [(a, b) for a, b in spans if b > a]


def runs_on(text: str, open_before: bool = False) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    spans = quote_spans(text, open_before)
    return bool(spans) and spans[-1][1] == len(text) and (
        spans[-1][0] > 0 and text[spans[-1][0] - 1] in "“«\"" or open_before and spans[-1][0] == 0)


def _closing(text: str, start: int, marks) -> int | None:
    found = [j for j in (_closing_one(text, start, m) for m in marks) if j is not None]
    return min(found) if found else None


def _closing_one(text: str, start: int, mark: str) -> int | None:
    j = start
    while True:
        j = text.find(mark, j)
        if j < 0:
            return None
        if mark == "’" and j + 1 < len(text) and text[j + 1].isalpha():
            j += 1  # an apostrophe ("India’s"), not a closing quote
            continue
        return j


def _words_outside(text: str, span: tuple[int, int], q: tuple[int, int]) -> int:
    rest = text[span[0]:max(span[0], q[0] - 1)] + " " + text[min(span[1], q[1] + 1):span[1]]
    return len([w for w in re.findall(r"[\w’'-]+", rest) if w.lower() not in speech_words().quote_joiners])


def _owner(q, cues, text) -> _Cue | None:
    """The cue a free-standing quotation belongs to: the nearest one outside it, preferring cues with a
    speaker and cues whose own reported words are empty or overlap the quotation."""
    best, best_d = None, None
    for c in cues:
        t = c.token
        if q[0] <= t.idx < q[1]:
            continue
        d = min(abs(t.idx - q[0]), abs(t.idx - q[1]))
        if c.speaker is None:
            d += 1000
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best
