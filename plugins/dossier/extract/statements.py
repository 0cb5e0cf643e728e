"""Statements: direct quotes and reported speech, with the speaker as written.

Finding works on the dependency parse. A *cue* is a reporting verb (speech.yml) with its subject, or an
attribution phrase ("according to X"). Each cue has a speaker (the subject, resolved through the
article's recent actors when it is a pronoun or a role noun such as "the minister", "the ministry" or
"the Kremlin spokesman") and the words it reports: for say-type verbs the complement clause, for verbs
that carry meaning ("denied that", "accused X of") the verb with its arguments.

Quotations are then given to cues: a quotation inside a cue's reported words is part of that reported
statement (“... should get used to the ‘new realities’”); a quotation standing on its own is a direct
quote of the nearest cue, and one cue may own several (a quote split by its attribution). A paragraph
that is only a quotation continues the last speaker's words (lower confidence).

Headlines are parsed badly by a model trained on running text ("Ministry Denies Violating ..."), so a
headline whose parse finds no cue is read by word form: a reporting verb form after a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

from ..data import load_table
from .countries import country_of, demonym_country
from ..model import Mention, Ref, StatementRecord
from ..parse import Parsed

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# dependents of a meaning-bearing reporting verb that belong to what it reports
ARG_DEPS = {"ccomp", "dobj", "xcomp", "prep", "attr", "oprd", "dative", "prt", "advmod", "npadvmod", "acomp",
            "agent"}
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}


@lru_cache(maxsize=None)
def _table() -> dict:
    t = dict(load_table("speech.yml"))
    for key in ("verbs", "say_verbs", "statement_nouns", "allegation_nouns", "institution_nouns",
                "person_pronouns", "thing_pronouns", "frame_verbs", "relative_pronouns", "state_nouns",
                "topic_preps", "country_nouns"):
        t[key] = frozenset(t.get(key) or ())
    t["titles"] = frozenset(w.lower() for w in load_table("actor_words.yml")["titles"])
    t["forms"] = _verb_forms(t["verbs"])
    return t


def _verb_forms(lemmas) -> dict[str, str]:
    """Inflected forms of the reporting verbs (for headlines, where the tagger fails): form -> lemma."""
    forms = {}
    for v in lemmas:
        stem = v[:-1] if v.endswith("e") else v
        ies = v[:-1] + "ies" if v.endswith("y") and v[-2] not in "aeiou" else None
        ied = v[:-1] + "ied" if ies else None
        for f in (v, v + "s", v + "es", ies, stem + "ed", ied, stem + "ing", v + "d"):
            if f:
                forms.setdefault(f, v)
    for irregular, lemma in (("said", "say"), ("says", "say"), ("told", "tell"), ("wrote", "write")):
        forms[irregular] = lemma
    return forms


# ---------------------------------------------------------------- article memory


@dataclass
class _Focus:
    """What an article has said so far: its speakers and named actors, most recent last."""

    speakers: list = field(default_factory=list)  # (text, kind, ref)
    mentions: list = field(default_factory=list)  # Mention
    stated: tuple | None = None  # (text, kind, ref) of the last speaker who spoke "in a statement"
    pending: list = field(default_factory=list)  # mentions of the sentence being read
    silent: list = field(default_factory=list)  # mentions of the sentence before, if it reported no words
    open_para: int | None = None  # the paragraph whose quotation is still open at the last sentence's end
    article: list = field(default_factory=list)  # every mention of the article
    held: list = field(default_factory=list)  # statements of an open quotation, waiting for its attribution

    def last_speaker(self, kinds: set[str] | None = None):
        for text, kind, ref in reversed(self.speakers):
            if kinds is None or kind in kinds:
                return text, ref
        return None, None

    def remember(self, text: str | None, kind: str | None, ref) -> None:
        if text:
            self.speakers.append((text, kind or "other", ref))


# ---------------------------------------------------------------- entry point


def find_statements(parsed: Iterable[Parsed], mentions: Iterable[Mention]) -> Iterator[StatementRecord]:
    by_sentence: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.ref.source, m.ref.sentence), []).append(m)
    by_source: dict[str, list[Mention]] = {}  # one pass, not one scan of every sentence per article
    for (src, _), ms in by_sentence.items():
        by_source.setdefault(src, []).extend(ms)
    for item in parsed:
        focus = _Focus(article=sorted(by_source.get(item.source.id, ()),
                                      key=lambda m: (int(m.ref.sentence.lstrip("s") or 0), m.ref.start)))
        for sentence, doc in zip(item.source.sentences, item.docs):
            if sentence.kind == "caption":
                continue
            found = sorted(by_sentence.get((item.source.id, sentence.id), []), key=lambda m: m.ref.start)
            focus.pending = found
            if focus.open_para is not None and focus.open_para != sentence.paragraph:
                yield from _flush(focus)
            said = list(_sentence_statements(item.source.id, sentence, doc, found, focus))
            yield from said
            focus.mentions.extend(found)
            focus.silent = [] if said else _subjects_named(doc, found)
        yield from _flush(focus)


def _flush(focus: _Focus, speaker=None) -> Iterator[StatementRecord]:
    """The statements of a quotation that ended with no attribution of its own: the last speaker's
    words (as they were held); or, given a speaker, the words of who the closing sentence names."""
    from dataclasses import replace
    for rec in focus.held:
        if speaker is not None:
            rec = replace(rec, speaker_text=speaker[0], speaker_ref=speaker[1], confidence=0.9)
        if rec.speaker_text:
            yield rec
    focus.held = []
    focus.open_para = None


# ---------------------------------------------------------------- one sentence


@dataclass
class _Cue:
    token: object  # the reporting verb (or the attribution word)
    cue: str
    speaker: str | None
    speaker_ref: Ref | None
    speaker_kind: str | None
    span: tuple[int, int] | None  # the reported words (characters of the sentence)
    co: tuple = ()  # further speakers: ((text, ref), ...)
    quotes: list = field(default_factory=list)
    own: bool = False  # the speaker is named by the cue's own syntax (a name, a relative clause's antecedent)


def _sentence_statements(source_id, sentence, doc, mentions, focus) -> Iterator[StatementRecord]:
    table = _table()
    text = sentence.text
    open_before = focus.open_para == sentence.paragraph
    quotes = [q for q in quote_spans(text, open_before) if len(text[q[0]:q[1]].split()) >= table["min_quote_words"]
              or open_before and q[0] == 0]
    runs = runs_on(text, open_before)
    cues = list(_verb_cues(doc, text, quotes, mentions, focus)) + list(_according_cues(doc, mentions)) \
        + list(_noun_cues(doc, quotes, mentions, focus))
    # a cue inside another cue's reported words ("condemned ..., saying they had confirmed ...") is part
    # of that statement; one with a speaker of its own named there ("after the West claimed that ...",
    # "the United States, which accuses ...", "Western allegations claiming that ...") is a statement too
    cues = [c for c in cues if c.own or not any(
        o is not c and o.span and o.span[0] < c.token.idx < o.span[1] and o.token.i < c.token.i for o in cues)]
    _cut_relative_clauses(cues)
    if not cues and sentence.kind == "headline":
        cues = list(_headline_cues(doc, mentions))
    # quotations: inside a cue's reported words, or owned by the nearest cue
    loose = []
    for q in quotes:
        inside = [c for c in cues if c.span and c.span[0] <= q[0] and q[1] <= c.span[1] + 1]
        if inside:
            c = min(inside, key=lambda c: c.span[1] - c.span[0])
            outside = _words_outside(text, c.span, q)
            if outside >= 3:
                continue  # a quotation within reported speech: the reported statement carries it
            c.quotes.append(q)
            continue
        loose.append(q)
    for q in loose:
        owner = _owner(q, cues, text)
        if owner is not None:
            owner.quotes.append(q)
        elif q[0] <= 1 and (focus.speakers or runs or open_before):
            # a paragraph that is only a quotation continues the last speaker's words, unless the
            # quotation runs on to a sentence that names its speaker: held until the quotation ends
            speaker, ref = focus.last_speaker()
            focus.held.append(StatementRecord(Ref(source_id, sentence.id, q[0], q[1]), speaker, ref, "quoted",
                                              text[q[0]:q[1]].strip(), True, confidence=0.5))
    if open_before:
        closer = next((c for c in cues if c.speaker and any(q[0] == 0 for q in c.quotes)), None)
        if closer is not None or not runs:
            yield from _flush(focus, (closer.speaker, closer.speaker_ref) if closer else None)
    focus.open_para = sentence.paragraph if runs else None
    if not runs and focus.held:
        yield from _flush(focus)
    for c in cues:
        co = tuple(t for t, _ in c.co)
        co_refs = tuple(r for _, r in c.co)
        if c.quotes:
            for a, b in sorted(c.quotes):
                yield StatementRecord(Ref(source_id, sentence.id, a, b), c.speaker, c.speaker_ref, c.cue,
                                      text[a:b].strip(), True, confidence=1.0 if c.speaker else 0.4,
                                      co_speakers=co, co_speaker_refs=co_refs)
            if c.span is None or all(_words_outside(text, c.span, q) < 3 for q in c.quotes):
                _remember(focus, c)
                continue
        if c.span is not None:
            a, b = c.span
            words = text[a:b].strip().rstrip(",;:")
            if len(words.split()) >= 3:
                yield StatementRecord(Ref(source_id, sentence.id, a, a + len(words)), c.speaker, c.speaker_ref,
                                      c.cue, words, False, confidence=0.8 if c.speaker else 0.4,
                                      co_speakers=co, co_speaker_refs=co_refs)
        _remember(focus, c)


def _named_after_quote(token, quotes, mentions):
    """'"...,” Dmitri Peskov, a spokesman for X told reporters': the parser may join the quotation's last
    words to the subject. The reporting verb's subject is never inside the quotation: when it is, the
    speaker is the actor named between the quotation's end and the verb (a person first)."""
    subjects = _subjects(token)
    if not quotes or not subjects or not any(a <= s.idx < b for s in subjects for a, b in quotes):
        return None
    ends = [b for a, b in quotes if b <= token.idx]
    if not ends:
        return None
    between = [m for m in mentions if max(ends) < m.ref.start and m.ref.end <= token.idx]
    persons = [m for m in between if m.kind == "person"]
    return (persons or between or [None])[0]


def _named_subject(token) -> bool:
    """The verb has its own subject, and it is a name, not a pronoun."""
    return any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN" for c in token.children)


def _relative_subject(token):
    """The subject of a relative clause's verb when it is the relative pronoun ("X, who said ...")."""
    if token.dep_ != "relcl":
        return None
    return next((c for c in token.children if c.dep_ in SUBJECT_DEPS
                 and c.lower_ in _table()["relative_pronouns"]), None)


def _cut_relative_clauses(cues) -> None:
    """A cue in a relative or adverbial clause at the end of another cue's reported words ("accused X of
    ..., which was rejected by Y", "claimed that A, while Y said B") speaks for itself: the clause is not
    part of the other statement."""
    for c in cues:
        if c.span is None:
            continue
        for o in cues:
            if o is c or not o.own or o.token.dep_ not in {"relcl", "advcl"} or not (c.span[0] < o.token.idx < c.span[1]):
                continue
            first = min(o.token.subtree, key=lambda t: t.i)
            last = max(o.token.subtree, key=lambda t: t.i)
            if last.idx + len(last.text) >= c.span[1] - 1 and first.i > 0:
                end = first.i - 1
                while end > 0 and (first.doc[end].is_punct or first.doc[end].dep_ == "cc"):
                    end -= 1
                if first.doc[end].idx > c.span[0]:
                    c.span = (c.span[0], _end(first.doc, end))


def _remember(focus: _Focus, c: _Cue) -> None:
    focus.remember(c.speaker, c.speaker_kind, c.speaker_ref)
    if c.speaker and _in_statement(c.token):
        focus.stated = (c.speaker, c.speaker_kind, c.speaker_ref)


def _in_statement(token) -> bool:
    """"said in a statement", "issued a statement saying": the cue names its statement."""
    nouns = _table()["statement_nouns"]
    for c in token.children:
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in c.children):
            return True
    return token.dep_ in {"xcomp", "advcl", "acl"} and token.head.dep_ in {"ROOT", "conj"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in token.head.children)


def quote_spans(text: str, open_before: bool = False) -> list[tuple[int, int]]:
    """Character spans of quoted words (without the marks). An opening mark never closed in the
    sentence quotes to its end (a quotation that runs on into the next sentences). Scraped text mixes
    straight and curly marks ("... ”): a double mark closes with any double closing mark. A straight
    mark after a word is a closing one; with open_before (a quotation opened in an earlier sentence of
    the paragraph is still open), the words up to the first closing mark, or the whole sentence when it
    has none, are quoted."""
    spans = []
    pairs = _table()["quote_pairs"]
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
    return len([w for w in re.findall(r"[\w’'-]+", rest) if w.lower() not in {"that", "as"}])


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


# ---------------------------------------------------------------- cues


def _verb_cues(doc, text, quotes, mentions, focus) -> Iterator[_Cue]:
    table = _table()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in table["verbs"] or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(a <= token.idx < b for a, b in quotes):
            continue  # a reporting verb inside the quoted words is the speaker's, not the attribution
        if not _is_speech(token, lemma, table):
            continue
        if lemma in table["frame_verbs"] and any(c.dep_ in {"xcomp", "advcl", "pcomp"} and c.lemma_.lower() in table["verbs"]
                                                 for c in (*token.children, *(g for p in token.children
                                                                              if p.dep_ == "prep" for g in p.children))):
            continue  # "was quoted as saying": the inner verb is the cue
        if token.dep_ in {"amod", "acl", "relcl"} and token.head.lemma_.lower() in table["allegation_nouns"] | table["statement_nouns"] \
                and not any(c.dep_ in SUBJECT_DEPS and c.lower_ not in table["relative_pronouns"] or c.dep_ == "agent"
                            for c in token.children):
            continue  # "allegations claiming that ...": the allegation noun's maker says it (_noun_cues)
        inverted = _inverted(token, lemma, table)
        if inverted is not None:
            # "X are rumors, reported Foreign Minister Lavrov": the name after the verb speaks the clause before
            speaker, ref, kind, co = _of_noun_phrase(inverted[0], mentions, focus)
            if speaker is not None:
                yield _Cue(token, _cue_text(token), speaker, ref, kind, inverted[1], co, own=True)
                continue
        speaker, ref, kind, co = _speaker(token, doc, mentions, focus)
        named = _named_after_quote(token, quotes, mentions)
        if named is not None:
            speaker, ref, kind, co = named.text, named.ref, named.kind, ()
        if speaker is None and token.dep_ not in {"ROOT", "conj"}:
            continue
        span = _reported_span(token, lemma, table)
        own = _named_subject(token) or (speaker is not None and _relative_subject(token) is not None)
        yield _Cue(token, _cue_text(token), speaker, ref, kind, span, co, own=own)


def _inverted(token, lemma, table):
    """(speaker head, span) of an attribution after its words with the speaker after the verb, parsed as a
    verb coordinated with the clause it reports and taking the name as object: "..., reported Russian
    Foreign Minister Sergei Lavrov"; else None."""
    if lemma not in table["say_verbs"] or token.dep_ not in {"conj", "parataxis"} or token.i == 0:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in token.children) or token.doc[token.i - 1].text != ",":
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    if obj is None:
        return None
    head = token.head
    toks = [t for t in head.subtree if t.i < token.i - 1]
    if len(toks) < 3:
        return None
    return obj, (toks[0].idx, _end(token.doc, toks[-1].i))


def _is_speech(token, lemma, table) -> bool:
    need = table["needs_complement"].get(lemma)
    if need is None:
        return True
    for c in token.children:
        if c.dep_ in need or (c.dep_ in {"prep", "prt"} and c.lower_ in need):
            return True
    return False


def _cue_text(token) -> str:
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text] + particles)


def _reported_span(token, lemma, table) -> tuple[int, int] | None:
    """The reported words of a cue: the complement clause of a say-type verb (without "that"), or the
    verb with its arguments for a verb that carries meaning. Subjects, adverbial clauses and
    coordinated clauses are left out."""
    doc = token.doc
    clauses = [c for c in token.children if c.dep_ in CLAUSE_DEPS and c.i > token.i]
    if not clauses and lemma in table["say_verbs"]:
        # "The U.S. is concerned ..., the White House said": a clause before the verb and its subject
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        quoted = [q for q in quote_spans(doc.text) if len(doc.text[q[0]:q[1]].split()) >= table["min_quote_words"]]
        clauses = [c for c in token.children if c.dep_ == "ccomp" and c.i < token.i and subjects
                   and c.pos_ in {"VERB", "AUX"}
                   and all(max(t.i for t in c.subtree) < s.i for s in subjects)
                   and not any(a < _end(doc, max(t.i for t in c.subtree)) and min(t.idx for t in c.subtree) < b
                               for a, b in quoted)][:1]
    if not clauses:  # "said in a statement that ...": the clause hangs off the statement noun
        clauses = [t for c in token.children if c.dep_ == "prep" for t in c.subtree
                   if t.dep_ in {"ccomp", "acl"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)][:1]
    if lemma in table["say_verbs"] and clauses:
        toks = [t for c in clauses for t in c.subtree]
        start = min(toks, key=lambda t: t.i)
        while start.dep_ == "mark" or start.is_punct:
            if start.i + 1 >= len(doc):
                return None
            start = doc[start.i + 1]
        end = max(t.i for t in toks)
        return start.idx, _end(doc, end)
    negated = any(c.dep_ == "neg" for c in token.children)  # "did not respond to a request": no words, an act
    if lemma in table["say_verbs"] and not negated and not any(c.dep_ in {"dobj", "oprd", "attr"} or (
            c.dep_ == "prep" and c.lower_ in table["topic_preps"]) for c in token.children):
        return None  # "said on Monday", "told reporters in Ottawa": the words are elsewhere (a quotation)
    args = [c for c in token.children if c.dep_ in ARG_DEPS and c.i > token.i]
    if not args:
        return None
    end = max(t.i for c in args for t in c.subtree)
    return _left_edge(token).idx, _end(doc, end)


def _left_edge(token):
    """A meaning-bearing verb with its negation, auxiliaries and adverbs right before it: "did not
    immediately answer", "strongly rejected", "has dismissed"."""
    doc = token.doc
    negated = any(c.dep_ == "neg" for c in token.children)
    deps = {"neg", "aux", "auxpass", "advmod"} if negated else {"advmod"}  # "did not", not a bare "has"
    start = token
    while start.i > 0:
        prev = doc[start.i - 1]
        if prev.head == token and prev.dep_ in deps and prev.i < token.i:
            start = prev
        else:
            break
    return start


def _end(doc, i: int) -> int:
    while i > 0 and doc[i].is_punct and doc[i].text not in "”\"’)":
        i -= 1
    return doc[i].idx + len(doc[i].text)


def _according_cues(doc, mentions) -> Iterator[_Cue]:
    """'according to X', 'in the words of X': the speaker is the phrase's object; the reported words are
    the clause it is attached to, without the phrase."""
    text = doc.text.lower()
    for phrase in _table()["according_to"]:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", text):
            words = phrase.split()
            tok = next((t for t in doc if t.idx == m.start()), None)
            if tok is None:
                continue
            last = doc[min(tok.i + len(words) - 1, len(doc) - 1)]
            obj = next((c for c in last.children if c.dep_ in {"pobj", "dobj"}), None)
            if obj is None and last.i + 1 < len(doc):
                obj = doc[last.i + 1]
            if obj is None:
                continue
            phrase_toks = set(range(tok.i, last.i + 1)) | {t.i for t in obj.subtree}
            speaker, ref, kind, co = _of_noun_phrase(obj, mentions)
            if speaker is None:
                continue
            root = doc[tok.i].head
            while root.head is not root and root.dep_ not in {"ROOT"}:
                root = root.head
            rest = [t for t in root.subtree if t.i not in phrase_toks and not t.is_punct]
            if not rest:
                continue
            a, b = min(t.i for t in rest), max(t.i for t in rest)
            if a < tok.i < b:  # the phrase sits inside the clause: take the longer side
                a, b = (a, tok.i - 1) if tok.i - a > b - max(phrase_toks) else (max(phrase_toks) + 1, b)
            yield _Cue(tok, phrase, speaker, ref, kind, (doc[a].idx, _end(doc, b)), co)


def _noun_cues(doc, quotes, mentions, focus) -> Iterator[_Cue]:
    """A statement or allegation noun with its maker and its content: "Western allegations claiming that
    X", "Trudeau's comments that X", "accusations by Y that X". The maker said X."""
    table = _table()
    nouns = table["allegation_nouns"] | table["statement_nouns"]
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lower_ not in nouns and tok.lemma_.lower() not in nouns:
            continue
        if any(a <= tok.idx < b for a, b in quotes):
            continue
        content = None
        makers = []
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.i < tok.i and (any(
                    m.ref.start <= c.idx < m.ref.end for m in mentions) or demonym_country(c.text))):
                makers.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                makers += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ in {"acl", "ccomp"} and c.i > tok.i:
                makers += [g2 for g in c.children if g.dep_ == "agent" for g2 in g.children if g2.dep_ == "pobj"]
                if c.lemma_.lower() in table["verbs"]:
                    content = next((g for g in c.children if g.dep_ == "ccomp" and g.i > c.i), content)
                elif any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                    content = c
        if content is None or not makers:
            continue
        speaker, ref, kind, co = _of_noun_phrase(makers[0], mentions, focus)
        if speaker is None and demonym_country(makers[0].text):  # "French allegations": France's
            speaker, ref, kind, co = demonym_country(makers[0].text).name, None, "country", ()
        if speaker is None:
            continue
        toks = sorted(content.subtree, key=lambda t: t.i)
        while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
            toks = toks[1:]
        if len(toks) < 3:
            continue
        yield _Cue(tok, tok.text, speaker, ref, kind, (toks[0].idx, _end(doc, toks[-1].i)), co, own=True)


def _headline_cues(doc, mentions) -> Iterator[_Cue]:
    """A headline: the first reporting verb form after a name; the name before it speaks."""
    forms = _table()["forms"]
    for tok in doc:
        if tok.i == 0 or tok.lower_ not in forms:
            continue
        before = [m for m in mentions if m.ref.end <= tok.idx]
        lead = doc[:tok.i]
        if before:
            m = before[-1] if not any(x.kind == "person" for x in before) else \
                [x for x in before if x.kind == "person"][-1]
            speaker, ref, kind = m.text, m.ref, m.kind
        elif all(t.is_title or t.is_upper or t.pos_ == "PROPN" for t in lead if not t.is_punct):
            speaker, ref, kind = lead.text.strip(), None, None
        else:
            continue
        end = len(doc) - 1
        for t in doc[tok.i + 1:]:
            if t.text in {":", "|", "—", " - "}:
                end = t.i - 1
                break
        yield _Cue(tok, tok.text, speaker, ref, kind, (tok.idx, _end(doc, end)))
        return
    # "India's network ... has gone global: FO", "US 'deeply concerned' ... -White House": a headline
    # whose words end with the name of who said them
    m = re.match(r"^(.*\S)\s*(?::|\s[-–—]|[-–—]\s)\s*([A-Z][\w.’' -]{1,40})$", doc.text.strip())
    if m and len(m.group(1).split()) >= 4:
        at = doc.text.index(m.group(2), m.start(2))
        found = [x for x in mentions if x.ref.start >= at]
        if found:
            speaker, ref, kind = found[0].text, found[0].ref, found[0].kind
        elif all(w[:1].isupper() for w in m.group(2).split()):
            speaker, ref, kind = m.group(2).strip(), None, None
        else:
            return
        tok = next((t for t in doc if t.idx >= at), doc[-1])
        yield _Cue(tok, "headline", speaker, ref, kind, (0, len(m.group(1))))


# ---------------------------------------------------------------- speakers


def _speaker(token, doc, mentions, focus):
    """(text, ref, kind, co-speakers) of the speaker of a reporting verb, or Nones."""
    subjects = _subjects(token)
    if not subjects:
        return None, None, None, ()
    # of several subjects ("Coordinator ... John Kirby claimed"), the one nearest the verb
    subject = max(subjects, key=lambda s: s.i if s.i < token.i else -s.i)
    verb = subject.head
    if subject.dep_ == "nsubjpass" and verb.lemma_.lower() not in _table()["frame_verbs"]:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:
            return None, None, None, ()  # "the claims were rejected": nobody said anything here
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None, None, None, ()
        subject = pobj
    elif subject == _relative_subject(verb):
        # "the United States, which accuses ...": the antecedent speaks; names in the clause are not it
        return _of_noun_phrase(verb.head, mentions, focus, before=verb.idx)
    return _resolve_subject(subject, mentions, focus)


def _resolve_subject(subject, mentions, focus):
    table = _table()
    word = subject.lower_
    lemma = subject.lemma_.lower()
    if word in table["person_pronouns"]:
        if subject.head.dep_ == "relcl":
            # "an interview with Ambassador X, during which he stated": in a relative clause, the
            # nearest person named before it in the sentence
            before = [m for m in focus.pending if m.kind == "person" and m.ref.end <= subject.idx]
            if before:
                return before[-1].text, before[-1].ref, "person", ()
        text, ref = focus.last_speaker({"person"})
        acting = {m.text: m for m in focus.silent if m.kind == "person"}
        if len(acting) == 1:
            # "Danilov addressed the accusations on TV. 'They are choking,' he said": the person who is the
            # subject of the sentence before, which reported no words, speaks
            m = next(iter(acting.values()))
            return m.text, m.ref, "person", ()
        if text is None:
            text, ref = _last_mention(focus, lambda m: m.kind == "person")
        return text, ref, "person", ()
    if word in table["thing_pronouns"] and subject.pos_ == "PRON":
        text, ref = focus.last_speaker({"organization", "country", "group", "other"})
        return text, ref, None, ()
    if word in {"we", "i"}:
        return None, None, None, ()
    if lemma in {"latter", "former"}:
        return _latter_former(subject, mentions)
    return _of_noun_phrase(subject, mentions, focus)


def _subjects_named(doc, mentions) -> list:
    """The mentions naming the subject of a sentence's main verb."""
    subjects = [c for t in doc if t.dep_ == "ROOT" for c in t.children if c.dep_ in SUBJECT_DEPS]
    return [m for m in mentions if any(m.ref.start <= s.idx < m.ref.end for s in subjects)]


def _latter_former(subject, mentions):
    """"the latter", "the former": the second or first of the last pair named before it ("Ottawa and New
    Delhi, with the latter calling ...")."""
    doc = subject.doc
    for t in reversed(doc[:subject.i]):
        if t.dep_ == "conj" and t.head.i < t.i:
            pick = t if subject.lemma_.lower() == "latter" else t.head
            m = next((m for m in mentions if m.ref.start <= pick.idx < m.ref.end), None)
            if m is not None:
                return m.text, m.ref, m.kind, ()
            name = " ".join(t.text for t in pick.subtree if t.pos_ == "PROPN" and t.i <= pick.i
                            and (t.dep_ == "compound" or t.i == pick.i))
            return (name, None, None, ()) if name[:1].isupper() else (None, None, None, ())
    return None, None, None, ()


def _of_noun_phrase(head, mentions, focus=None, before: int | None = None):
    """The actor a noun phrase names: the mention at its head, a person named inside it, the actor a
    role noun refers back to, or the proper noun itself. With before, only words before that offset count
    (an antecedent without its relative clause)."""
    table = _table()
    toks = [t for t in head.subtree if before is None or t.idx < before]
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    inside = [m for m in mentions if lo <= m.ref.start < hi]
    covering = [m for m in inside if m.ref.start <= head.idx < m.ref.end]
    lemma = head.lemma_.lower()
    co = _coordinated(head, mentions)
    if covering:
        m = covering[0]
        return m.text, m.ref, m.kind, co
    if lemma in table["state_nouns"] and head.pos_ == "NOUN":
        # "the Indian government", "the Indian side", "Canadian authorities": the country
        for t in head.children:
            if t.dep_ in {"amod", "compound"} and t.i < head.i:
                country = demonym_country(t.text) or (country_of(t.text) if t.pos_ == "PROPN" else None)
                if country is not None:
                    return country.name, None, "country", co
    if lemma in table["country_nouns"] and head.pos_ == "NOUN" and focus is not None \
            and [c.lower_ for c in head.children] == ["the"]:
        # "the kingdom said": the country last named in the article
        text, ref = _last_mention(focus, lambda m: m.kind == "country")
        if text:
            return text, ref, "country", co
    if lemma in table["institution_nouns"] and head.pos_ == "NOUN" and any(
            t.dep_ == "poss" and any(m.kind == "person" and m.ref.start <= t.idx < m.ref.end for m in inside)
            for t in head.children):
        # "Modi's office", "Trudeau's government": the state the person heads, when the article's titles
        # say which ("Indian Prime Minister Narendra Modi"); else the person
        person = next(m for m in inside if m.kind == "person")
        key = person.text.split()[-1]
        for m in reversed([*(focus.mentions if focus is not None else ()), *mentions]):
            if m.kind == "person" and m.role and key in m.text.split():
                country = next((c for w in m.role.split() for c in (demonym_country(w),) if c), None)
                if country is not None:
                    return country.name, None, "country", ()
    persons = [m for m in inside if m.kind == "person"]
    if lemma in table["titles"] and head.pos_ == "NOUN":
        # "Putin's spokesman": the person owning the title is not who holds it
        owners = [t for t in head.children if t.dep_ == "poss"]
        persons = [m for m in persons if not any(m.ref.start <= t.idx < m.ref.end for o in owners for t in o.subtree)]
    elif head.pos_ == "NOUN" and lemma not in table["institution_nouns"] | table["statement_nouns"]:
        # "Prigozhin's allies, the Ukrainian government and Western officials blamed ...": the owner of
        # the head noun does not speak; the coordinated speakers do
        owners = [t for t in head.children if t.dep_ == "poss" and any(
            m.kind == "person" and m.ref.start <= t.idx < m.ref.end for m in inside)]
        if owners:
            persons = [m for m in persons if not any(m.ref.start <= t.idx < m.ref.end for o in owners for t in o.subtree)]
            if not persons:
                others = [r for r in (_of_noun_phrase(t, mentions) for t in head.conjuncts) if r[0]]
                if not others:
                    return None, None, None, ()
                return others[0][0], others[0][1], others[0][2], tuple((r[0], r[1]) for r in others[1:])
    if persons:  # "Russian Foreign Ministry spokeswoman Maria Zakharova"
        m = min(persons, key=lambda m: abs(m.ref.start - head.idx))
        return m.text, m.ref, m.kind, co
    if lemma in table["titles"] and focus is not None:
        # a role noun ("the minister", "the Kremlin spokesman"): the last person of the article with
        # that role, or whose role names the organisation written here
        orgs = {m.text.lower() for m in inside}
        text, ref = _last_mention(focus, lambda m: m.kind == "person" and m.role and (
            lemma in m.role.lower() or (m.role_org or "").lower() in orgs and m.role_org))
        if text:
            return text, ref, "person", ()
    if lemma in table["statement_nouns"] and inside:  # "a statement by the ministry"
        m = inside[0]
        return m.text, m.ref, m.kind, co
    if inside and co:
        m = inside[0]
        return m.text, m.ref, m.kind, co
    if inside and head.pos_ in {"NOUN", "PROPN"}:
        of = [m for m in inside if any(t.dep_ in {"pobj", "poss", "compound"} and lo <= t.idx < hi
                                      and m.ref.start <= t.idx < m.ref.end for t in head.subtree)]
        if of:  # "the foreign ministries of X", "X's government"
            m = of[0]
            return m.text, m.ref, m.kind, _coordinated_from(m, head, mentions)
    if focus is not None and lemma in table["institution_nouns"] and head.pos_ == "NOUN":
        text, ref = _last_mention(focus, lambda m: lemma in m.text.lower())
        if text is None:
            text, ref = focus.last_speaker({"organization"})
        return text, ref, "organization", ()
    if focus is not None and lemma in table["statement_nouns"]:
        # "the statement said": the author of the last statement named as one, else the last
        # institution that spoke, else the last speaker
        if focus.stated:
            text, kind, ref = focus.stated
            return text, ref, kind, ()
        text, ref = focus.last_speaker({"organization", "country", "group"})
        if text is None:
            text, ref = focus.last_speaker()
        return text, ref, None, ()
    if focus is not None and not inside and head.text[:1].isupper() and head.pos_ in {"NOUN", "PROPN"}:
        # "Zelenskyy said" with the surname tagged as a common noun and missed by NER: the person of the
        # article with that surname
        same = [m for m in (*focus.mentions, *focus.article) if m.kind == "person" and len(m.text.split()) > 1
                and m.text.split()[-1] == head.text]
        if same:
            return same[0].text, same[0].ref, "person", co
    if head.pos_ == "PROPN":
        # the name up to its head, with capitalised modifiers the tagger took for adjectives ("North")
        words = []
        for t in reversed(head.doc[lo and min(t.i for t in toks):head.i + 1]):
            if (t.pos_ == "PROPN" or (t.text[:1].isupper() and t.dep_ in {"amod", "compound"})) and t.i <= head.i:
                words.insert(0, t)
            elif words:
                break
        name = " ".join(t.text for t in words[-5:])
        if name and name[0].isupper():
            return name, None, None, ()
    return None, None, None, ()


def _coordinated(head, mentions) -> tuple:
    """Further speakers coordinated with the head ("Russia and North Korea", "the US, South Korea and
    Japan")."""
    out = []
    for t in head.conjuncts:
        m = next((m for m in mentions if m.ref.start <= t.idx < m.ref.end), None)
        if m is not None:
            out.append((m.text, m.ref))
    return tuple(out)


def _coordinated_from(m, head, mentions) -> tuple:
    tok = next((t for t in head.subtree if m.ref.start <= t.idx < m.ref.end), None)
    return _coordinated(tok, mentions) if tok is not None else ()


def _last_mention(focus: _Focus, test):
    for m in reversed(focus.mentions):
        if test(m):
            return m.text, m.ref
    return None, None


def _subjects(token) -> list:
    found = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if found:
        return found
    if token.dep_ in {"conj", "xcomp", "advcl"} and token.head != token:
        return _subjects(token.head)  # "... and added", "was quoted as saying", "..., adding that"
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.lemma_.lower() in _table()["frame_verbs"]:
        return _subjects(token.head.head)  # "was quoted as saying" with "as saying" a phrase
    return []


def verb_lemma(word: str) -> str | None:
    """The reporting verb a word form is ("denied" -> "deny"), or None."""
    return _table()["forms"].get(word.lower())
