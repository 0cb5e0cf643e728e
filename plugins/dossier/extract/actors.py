"""Actor mentions: spaCy's named entities, cleaned, with the titles and roles written around them.

This stage only finds; resolve.py decides which mentions are the same actor and what kind it is.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..data import load_table
from ..model import Mention, Ref
from ..parse import Parsed

# NER labels that can name an actor, and the kind each suggests. DATE, CARDINAL, LOC, FAC, WORK_OF_ART,
# LAW, EVENT and the like name things that do not act.
LABEL_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def _words() -> dict:
    return load_table("actor_words.yml")


def find_mentions(parsed: Iterable[Parsed]) -> Iterator[Mention]:
    for item in parsed:
        for sentence, doc in zip(item.source.sentences, item.docs):
            yield from _sentence_mentions(item.source.id, sentence, doc)


def _sentence_mentions(source_id: str, sentence, doc) -> Iterator[Mention]:
    words = _words()
    not_names = {w.lower() for w in words["not_names"]}
    for ent in doc.ents:
        kind = LABEL_KINDS.get(ent.label_)
        if kind is None:
            continue
        start, end = _trim(ent)
        if start >= end:
            continue
        span = doc[start:end]
        text = _clean_name(span.text)
        if not text or text.lower() in not_names or not any(c.isalpha() for c in text):
            continue
        if ent.label_ == "NORP" and text.lower() not in {g.lower() for g in words["groups"]}:
            continue  # demonyms ("Russian") describe, they do not act; named groups do
        role, role_org = _role_before(doc, start) if kind == "person" else (None, None)
        confidence = 0.6 if sentence.kind == "caption" else 1.0
        yield Mention(Ref(source_id, sentence.id, span.start_char, span.start_char + len(text)), text,
                      ent.label_, kind, role, role_org, confidence)


def _trim(ent) -> tuple[int, int]:
    """Token range of the entity without a leading determiner and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return start, end


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"“”‘’'()[]")
    return re.sub(r"[’']s$", "", text).strip()


def _role_before(doc, start: int) -> tuple[str | None, str | None]:
    """Title words right before a name ("Kremlin spokesman Dmitry Peskov") -> (role, organisation)."""
    titles = {w.lower() for w in _words()["titles"]}
    i = start
    while i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].lower_ in titles
                     or doc[i - 1].lower_ in {"of", "for", "at", "-"}) and not doc[i - 1].is_punct:
        if doc[i - 1].lower_ in {"the", "a"}:
            break
        i -= 1
    while i < start and doc[i].lower_ in {"of", "for", "at", "-"}:
        i += 1
    if i == start:
        return None, None
    words = [t.text for t in doc[i:start]]
    if not any(w.lower() in titles for w in words):
        return None, None
    # the organisation is the capitalised run before the first title word ("Russian Foreign Ministry")
    org_words = []
    for w in words:
        if w.lower() in titles:
            break
        org_words.append(w)
    role = " ".join(words)
    org = " ".join(org_words).strip() or None
    return role, org
