"""Content words of a text, folded so that two wordings of one proposition share them, and weighted by
how much a shared word says: a word rare in general English ("airship", "containers") says more than a
common one ("said", "country"). Frequencies come from wordfreq's English table (a maintained corpus
frequency list), not from a hand list.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import stances_table
from .charges import _country

WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]+")


def content_words(text: str) -> set[str]:
    """Comparable words of a text: stop words out, stems, near-synonyms and country names (capitals,
    demonyms, short forms) folded to one form each."""
    return set(_content_words(text))


@lru_cache(maxsize=4096)
def _content_words(text: str) -> tuple[str, ...]:
    table = stances_table()
    stop = set(table.stopwords)
    # "Russia-DPRK": a compound of names is the names
    words = [part for w in WORD_RE.findall(text)
             for part in (w.split("-") if all(x[:1].isupper() for x in w.split("-")) else [w]) if part]
    out, skip = [], False
    for k, w in enumerate(words):
        if skip:
            skip = False
            continue
        if w[:1].isupper():
            pair = f"{w} {words[k + 1]}" if k + 1 < len(words) else None
            place = _country(pair) if pair and words[k + 1][:1].isupper() else None
            if place:
                out.append(place)
                skip = True
                continue
            place = _country(w)
            if place:
                out.append(place)
                continue
        low = w.lower()
        if low in stop or len(w) <= 2:
            continue
        out.append(_equivalents().get(low) or _equivalents().get(_stem(low)) or _stem(low))
    return tuple(out)


@lru_cache(maxsize=None)
def _equivalents() -> dict[str, str]:
    return {w: group[0] for group in stances_table().equivalents for w in group}


def _stem(w: str) -> str:
    for suffix in stances_table().stem_suffixes:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    # a silent final e goes too, as the suffixes take it ("missile" as "missiles", "strike" as "striking")
    return w[:-1] if w.endswith("e") and len(w) > 4 else w


RARE_CAP = 4.0  # a word wordfreq does not know (a name, a coinage) weighs as a rare word, no more
COMMON_FLOOR = 0.3  # the commonest content words still count a little
ZIPF_CEILING = 6.5  # words this frequent ("said", "people") say nothing of what a claim is about


class Weighted(dict):
    """Weighted content words (word -> weight), read-only by convention, with the total weight of the
    topical ones (country forms aside) summed once: similarity() divides by it for every pair of wordings
    compared, and summing it there each time was most of the comparing."""

    __slots__ = ("topical",)

    def __init__(self, items=()):
        super().__init__(items)
        self.topical = _topical_total(self)


def _topical_total(words: dict[str, float]) -> float:
    return sum(v for w, v in words.items() if not w.startswith("@"))


def weighted_words(text: str) -> Weighted:
    """Content words of a text (as content_words folds them) with how much each says: rarer in general
    English weighs more. Country forms ('@RUS') weigh 1: they tell sides, which claims compare apart."""
    out: dict[str, float] = {}
    surface = {}
    for w in WORD_RE.findall(text):
        folded = _content_words(w)
        if folded:
            surface.setdefault(folded[0], w.lower())
    for w in _content_words(text):
        out[w] = 1.0 if w.startswith("@") else _rarity(surface.get(w, w))
    for w in set(surface.values()):
        side = _city_side(w)
        if side:
            out.setdefault(side, 1.0)  # "a lab leak in Wuhan" is about China too; the city stays a word
    return Weighted(out)


@lru_cache(maxsize=16384)
def _city_side(word: str) -> str | None:
    from .countries import city_country

    country = city_country(word)
    return "@" + country.iso3 if country is not None else None


@lru_cache(maxsize=16384)
def _rarity(word: str) -> float:
    zipf = _zipf(word)
    return RARE_CAP if zipf <= 0 else max(COMMON_FLOOR, min(RARE_CAP, ZIPF_CEILING - zipf))


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loaded on first use: its table takes a moment to read

    return zipf_frequency(word, "en")


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted share of the smaller wording's topical words (country forms aside) that the other holds."""
    def total(words):
        return words.topical if isinstance(words, Weighted) else _topical_total(words)

    shared = sum(v for w, v in a.items() if w in b and not w.startswith("@"))
    return shared / max(1e-9, min(total(a), total(b)))


def surface_form(folded: str, texts) -> str:
    """The shortest word of the texts that folds to this content word ("reiterat" -> "reiterated"), for
    labels and ids a reader can read; the folded form if none does. A word folded from a group of
    equivalents is the group's own word ("sent", "delivered" -> "supply"), whatever the texts say: an id
    made of it must not change when an article with another of the group's words joins."""
    if folded in _equivalents().values():
        return folded
    found = sorted({w.lower() for t in texts for w in WORD_RE.findall(t) if _content_words(w)[:1] == (folded,)},
                   key=lambda w: (len(w), w))
    return found[0] if found else folded
