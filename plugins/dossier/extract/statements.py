"""Statements: direct quotes and reported speech, with the speaker as written.

A quote is attributed through the dependency parse: a reporting verb whose subject names the speaker
("Peskov said, “...”", "“...,” Choe said", "Zakharova was quoted as saying"). Reported speech is a
reporting verb with a subject and a complement. Pronouns and role nouns ("she", "the minister",
"the statement") take the most recent fitting speaker of the same article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..data import load_table
from ..model import Mention, Ref, StatementRecord
from ..parse import Parsed

QUOTE_RE = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
MIN_QUOTE_WORDS = 4  # shorter quoted strings are scare quotes ("satellite states"), not statements
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _table() -> dict:
    return load_table("speech.yml")


@dataclass
class _Focus:
    """The article's most recent speakers, for pronouns and role nouns."""

    person: str | None = None
    thing: str | None = None
    last: str | None = None


def find_statements(parsed: Iterable[Parsed], mentions: Iterable[Mention]) -> Iterator[StatementRecord]:
    by_sentence: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.ref.source, m.ref.sentence), []).append(m)
    for item in parsed:
        focus = _Focus()
        for sentence, doc in zip(item.source.sentences, item.docs):
            if sentence.kind == "caption":
                continue
            found = by_sentence.get((item.source.id, sentence.id), [])
            yield from _sentence_statements(item.source.id, sentence, doc, found, focus)
            for m in found:  # a named actor in the text becomes the fallback for a later pronoun
                if m.kind == "person":
                    focus.person = focus.person or m.text


def _sentence_statements(source_id, sentence, doc, mentions, focus) -> Iterator[StatementRecord]:
    table = _table()
    verbs = set(table["verbs"])
    quotes = [(m.start(1) if m.group(1) else m.start(2), m.end(1) if m.group(1) else m.end(2))
              for m in QUOTE_RE.finditer(sentence.text)]
    quotes = [q for q in quotes if len(sentence.text[q[0]:q[1]].split()) >= MIN_QUOTE_WORDS]
    used_quotes = set()
    for token in doc:
        if token.lemma_.lower() not in verbs or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(a <= token.idx < b for a, b in quotes):
            continue  # a reporting verb inside the quoted words is the speaker's, not the attribution
        speaker, speaker_ref = _speaker(token, doc, mentions, focus, source_id, sentence.id)
        if speaker is None and token.dep_ not in {"ROOT", "conj"}:
            continue
        quote = _nearest_quote(token, quotes, used_quotes)
        cue = _cue(token)
        if quote is not None:
            used_quotes.add(quote)
            a, b = quote
            yield StatementRecord(Ref(source_id, sentence.id, a, b), speaker, speaker_ref, cue,
                                  sentence.text[a:b].strip(), True)
        else:
            span = _reported_span(token)
            if span is None:
                continue
            a, b = span
            text = sentence.text[a:b].strip().rstrip(".,;")
            if len(text.split()) < 3:
                continue
            yield StatementRecord(Ref(source_id, sentence.id, a, a + len(text)), speaker, speaker_ref,
                                  cue, text, False, confidence=0.8 if speaker else 0.4)
        if speaker:
            _remember(focus, speaker, mentions)
    for quote in quotes:
        if quote not in used_quotes and focus.last and sentence.text[quote[0] - 1:quote[0]] in "“\"" \
                and quote[0] <= 1:
            # a paragraph that is only a quote continues the last speaker's words
            a, b = quote
            yield StatementRecord(Ref(source_id, sentence.id, a, b), focus.last, None, "quoted",
                                  sentence.text[a:b].strip(), True, confidence=0.5)


def _cue(token) -> str:
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text] + particles)


def _nearest_quote(token, quotes, used) -> tuple[int, int] | None:
    free = [q for q in quotes if q not in used]
    if not free:
        return None
    return min(free, key=lambda q: min(abs(token.idx - q[0]), abs(token.idx - q[1])))


def _reported_span(token) -> tuple[int, int] | None:
    """From the reporting verb to the end of its complement clause or object."""
    comps = [c for c in token.children if c.dep_ in {"ccomp", "dobj", "xcomp", "prep", "advcl", "attr", "oprd"}]
    if not comps:
        return None
    last = token.doc[max(t.i for c in comps for t in c.subtree)]
    return token.idx, last.idx + len(last.text)


def _speaker(token, doc, mentions, focus, source_id, sentence_id) -> tuple[str | None, Ref | None]:
    subject = _subject(token)
    if subject is None:
        return None, None
    lo = min(t.idx for t in subject.subtree)
    hi = max(t.idx + len(t.text) for t in subject.subtree)
    inside = [m for m in mentions if lo <= m.ref.start < hi]
    if inside:
        first = min(inside, key=lambda m: m.ref.start)
        return first.text, first.ref
    word = subject.lower_
    table = _table()
    if word in table["person_pronouns"]:
        return focus.person, None
    if word in table["thing_pronouns"] or subject.lemma_.lower() in table["statement_nouns"]:
        return focus.thing or focus.last, None
    if subject.pos_ == "NOUN" and any(t.is_title for t in subject.subtree):
        return None, None
    if subject.pos_ == "NOUN":
        return focus.person if _is_person_noun(subject) else None, None
    return None, None


def _subject(token):
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    if token.dep_ in {"conj", "xcomp", "advcl"} and token.head is not token:
        return _subject(token.head)  # "... and added", "was quoted as saying"
    return None


def _is_person_noun(token) -> bool:
    titles = {w.lower() for w in load_table("actor_words.yml")["titles"]}
    return token.lemma_.lower() in titles


def _remember(focus: _Focus, speaker: str, mentions) -> None:
    kinds = {m.text: m.kind for m in mentions}
    if kinds.get(speaker, "person") == "person":
        focus.person = speaker
    else:
        focus.thing = speaker
    focus.last = speaker
