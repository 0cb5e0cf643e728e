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

Where to change what (each module says more):
- cues.py: what marks words as someone's (reporting verbs, "according to", statement nouns, headlines);
- speakers.py: who a cue's subject is (names, pronouns, role nouns, "the latter");
- quotes.py: quotation marks, and which cue a quotation belongs to;
- focus.py: what the article has said so far; tables.py: the word tables (data/speech.yml), read once;
- this module: one sentence's cues and quotations turned into statements.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ...data import actor_words_table, stances_table
from ...model import Confidence, Mention, Ref, StatementRecord
from ...parse import Parsed
from ..index import by_sentence, by_source
from ..who import words as who_words
from .cues import (credit_titled_subjects, _according_cues, _belief_cues, _cut_relative_clauses, _headline_cues, _inverted_headline,
                   _labelled_headline, _noun_cues, _part_with_a_colon, _verb_cues)
from .focus import _Cue, _Focus, _remember, article_genders
from .quotes import _owner, _words_outside, quote_spans, runs_on
from .speakers import _of_noun_phrase, _subjects_named
from .tables import SUBJECT_DEPS, speech_words, verb_lemma

__all__ = ["find_statements", "quote_spans", "runs_on", "verb_lemma"]


def find_statements(parsed: Iterable[Parsed], mentions: Iterable[Mention]) -> Iterator[StatementRecord]:
    mentions = list(mentions)
    of_sentence, of_source = by_sentence(mentions), by_source(mentions)
    gendered, honorifics = who_words().speaker_pronouns.gendered, frozenset(actor_words_table().honorifics)
    for item in parsed:
        focus = _Focus(article=sorted(of_source.get(item.source.id, ()),
                                      key=lambda m: (int(m.ref.sentence.lstrip("s") or 0), m.ref.start)))
        focus.genders = article_genders([of_sentence.get((item.source.id, s.id), []) for s in item.source.sentences],
                                        item.docs, gendered, honorifics)
        for sentence, doc in zip(item.source.sentences, item.docs):
            if sentence.kind == "caption":
                continue
            found = sorted(of_sentence.get((item.source.id, sentence.id), []), key=lambda m: m.ref.start)
            focus.pending = found
            if focus.open_para is not None and focus.open_para != sentence.paragraph:
                yield from _flush(focus)
            said = list(_sentence_statements(item.source.id, sentence, doc, found, focus))
            yield from said
            _main_speaker_last(focus, doc, found, said)
            _statement_named_last(focus, doc, found)
            _actors_together_last(focus, doc, found)
            focus.mentions.extend(found)
            focus.silent = [] if said else _subjects_named(doc, found)
        yield from _flush(focus)


def _main_speaker_last(focus: _Focus, doc, found, said) -> None:
    """"Asked about comments by Biden that ..., Jablonski called for patience. 'What has appeared ...,' he
    said": the person the sentence is about, its main subject, is whom the next "he" means, though words
    of another were read after his inside the sentence."""
    main = [m for m in _subjects_named(doc, found) if m.kind == "person"]
    if main and len({st.speaker_text for st in said}) > 1 and any(st.speaker_text == main[-1].text for st in said):
        focus.remember(main[-1].text, "person", main[-1].ref)


def _statement_named_last(focus: _Focus, doc, found) -> None:
    """"The statement referenced is the 'Statement by the President on ...'. '...,' the statement read": a
    statement named with its author ("by the President", "a statement from the Guards", "the ministry's
    statement", "the ministry issued a statement") is the one a later "the statement said" means."""
    nouns = speech_words().statement_nouns
    for t in doc:
        if t.lemma_.lower() not in nouns:
            continue
        owner = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in speech_words().maker_preps for g in c.children
                      if g.dep_ == "pobj"), None) or next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None and t.dep_ == "dobj" and t.head.lemma_.lower() in speech_words().issuing_verbs:
            owner = next((c for c in t.head.children if c.dep_ in SUBJECT_DEPS), None)  # "X issued a statement"
        if owner is None or owner.pos_ == "PRON":
            continue
        text, ref, kind, _ = _of_noun_phrase(owner, found, focus)
        if text:
            focus.stated = (text, kind, ref)


def _actors_together_last(focus: _Focus, doc, found) -> None:
    """"US president Donald Trump, French president Emmanuel Macron and German chancellor Angela Merkel
    issued a joint statement": a main subject naming several actors is whom a later "they" means."""
    for subject in (c for t in doc if t.dep_ == "ROOT" for c in t.children if c.dep_ in SUBJECT_DEPS):
        named = [m for t in (subject, *subject.conjuncts) for m in found if m.ref.start <= t.idx < m.ref.end]
        named = list({m.text: m for m in named}.values())
        if len(named) > 1:
            first = named[0]
            focus.group = ((first.text, first.kind, first.ref), tuple((m.text, m.ref) for m in named[1:]),
                           len(focus.speakers))


def _flush(focus: _Focus, speaker=None) -> Iterator[StatementRecord]:
    """The statements of a quotation that ended with no attribution of its own: the last speaker's
    words (as they were held); or, given a speaker, the words of who the closing sentence names."""
    from dataclasses import replace
    for rec in focus.held:
        if speaker is not None:
            rec = replace(rec, speaker_text=speaker[0], speaker_ref=speaker[1], confidence=Confidence.DATED)
        if rec.speaker_text:
            yield rec
    focus.held = []
    focus.open_para = None


def _sentence_statements(source_id, sentence, doc, mentions, focus) -> Iterator[StatementRecord]:
    """One sentence's statements, in four passes: its quotations, its cues, the quotations given to the
    cues (or held for the last speaker), then each cue's words."""
    text = sentence.text
    open_before = focus.open_para == sentence.paragraph
    quotes = _quotations(text, open_before)
    runs = runs_on(text, open_before)
    cues = _cues(doc, text, quotes, mentions, focus, sentence.kind)
    loose = _quotes_inside_cues(quotes, cues, text)
    _quotes_to_owners(loose, cues, text, focus, Ref(source_id, sentence.id, 0, 0), runs or open_before)
    yield from _close_quotation(focus, cues, sentence.paragraph, runs, open_before)
    for c in cues:
        yield from _cue_statements(c, text, Ref(source_id, sentence.id, 0, 0))
    # a later "a spokesperson said" or "it said" goes on from whoever spoke, not from a maker their words
    # mention ("X rejected the U.S. accusation that ..."): the makers of allegation nouns are remembered first
    for c in sorted(cues, key=lambda c: not _a_noun(c.token)):
        _remember(focus, c)


def _a_noun(token) -> bool:
    return getattr(token, "pos_", None) == "NOUN"


def _quotations(text: str, open_before: bool) -> list[tuple[int, int]]:
    """Quotations long enough to be someone's words (data/speech.yml `min_quote_words`), and the rest of
    a quotation still open from the sentence before."""
    least = speech_words().min_quote_words
    return [q for q in quote_spans(text, open_before) if len(text[q[0]:q[1]].split()) >= least
            or open_before and q[0] == 0]


def _cues(doc, text, quotes, mentions, focus, kind: str) -> list[_Cue]:
    cues = list(_verb_cues(doc, text, quotes, mentions, focus)) + list(_according_cues(doc, mentions)) \
        + list(_noun_cues(doc, quotes, mentions, focus)) + list(_belief_cues(doc, quotes, mentions, focus))
    # a cue inside another cue's reported words ("condemned ..., saying they had confirmed ...") is part
    # of that statement; one with a speaker of its own named there ("after the West claimed that ...",
    # "the United States, which accuses ...", "Western allegations claiming that ...") is a statement too
    cues = [c for c in cues if c.own or not any(
        o is not c and o.span and o.span[0] < c.token.idx < o.span[1] and o.token.i < c.token.i for o in cues)]
    _cut_relative_clauses(cues)
    if kind == "headline" or _a_dek(text):
        for c in cues:
            if _speaker_in_another_part(doc, c):
                c.speaker, c.speaker_ref, c.speaker_kind, c.co = None, None, None, ()
    labelled = _labelled_headline(doc, mentions, focus) if kind == "headline" or _a_dek(text) else None
    if labelled is not None:
        # "Podolyak: Drone attack on Kremlin may indicate ...": the label speaks the words, not their subject;
        # a first part before a semicolon ("Bennett slams Abbas; Gantz: ...") keeps its own cues
        start, end = _part_with_a_colon(doc)
        cues = [c for c in cues if (c.token.i < start or c.token.i >= end) and c.speaker] + [labelled]
        for c in cues[:-1]:  # the other parts' words end where the next part begins
            cut = [t.idx for t in doc if t.text == ";" and t.idx > c.token.idx]
            if c.span and cut and c.span[1] > cut[0]:
                c.span = (c.span[0], cut[0])
    elif kind == "headline" and (not any(c.speaker for c in cues) or any(map(_verb_read_as_noun, cues))):
        # "Putin Blames 'Anglo-Saxons' For ...": title case misleads the parser; the name before the verb speaks.
        # So does "Kremlin rejects report that ...", where the parser reads "rejects" as a noun and "report" as the verb
        cues = list(_headline_cues(doc, mentions, focus)) or cues
    elif kind == "headline" and not any(c.span for c in cues if c.speaker):
        # "'Very likely' that ..., say military high command": the words before the verb, its speaker after
        cues = [c for c in (_inverted_headline(doc, t, mentions, focus) for t in doc if t.i > 0) if c] or cues
    if kind == "headline":
        credit_titled_subjects(cues, mentions, focus)
    return cues


def _speaker_in_another_part(doc, cue) -> bool:
    """In a headline of parts ("Israeli officials disappointed ...; Palestinians assail conclusions, say ..."),
    is the speaker the parse found named in an earlier part than its verb? Each part has its own speaker."""
    if cue.speaker_ref is None:
        return False
    return any(t.text == ";" and cue.speaker_ref.end <= t.idx < cue.token.idx for t in doc)


def _verb_read_as_noun(cue) -> bool:
    """Is the cue a noun for what is said, read as a verb whose subject is a reporting verb's form read as a
    noun ("Kremlin rejects report that": "rejects" the subject of "report")? Not "Arab states condemn"."""
    forms = speech_words().forms
    return cue.token.lower_ in speech_words().statement_nouns and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lower_ in forms and c.lower_.endswith("s")
        and c.i == cue.token.i - 1 for c in cue.token.children)


def _a_dek(text: str) -> bool:
    """A line under the headline that, like it, ends with no full stop ("Bennett slams Abbas; Gantz: initial
    findings show ..."): written as a headline is, speakers and colons alike."""
    end = text.rstrip().rstrip("\"'’”")
    return bool(end) and end[-1] not in ".!?:;,"


def _quotes_inside_cues(quotes, cues: list[_Cue], text: str) -> list[tuple[int, int]]:
    """Gives each quotation inside a cue's reported words to the narrowest such cue (or leaves it to the
    reported statement, when that says more around it); returns the quotations outside every cue."""
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
    return loose


def _quotes_to_owners(loose, cues: list[_Cue], text: str, focus: _Focus, sentence: Ref, going_on: bool) -> None:
    """A free-standing quotation goes to the nearest cue; with none, a paragraph that is only a quotation
    continues the last speaker's words (held, with low confidence, until the quotation ends: a sentence
    further on may name its speaker)."""
    for q in loose:
        owner = _owner(q, cues, text)
        if owner is not None:
            owner.quotes.append(q)
        elif q[0] <= 1 and (focus.speakers or going_on):
            speaker, ref = focus.last_speaker()
            focus.held.append(StatementRecord(Ref(sentence.source, sentence.sentence, q[0], q[1]), speaker, ref,
                                              "quoted", text[q[0]:q[1]].strip(), True,
                                              confidence=Confidence.CONTINUED_QUOTE))


def _close_quotation(focus: _Focus, cues: list[_Cue], paragraph, runs: bool,
                     open_before: bool) -> Iterator[StatementRecord]:
    """The held words of a quotation opened before, once it ends: the closing sentence's speaker's, if it
    names one, else the last speaker's."""
    if open_before:
        closer = next((c for c in cues if c.speaker and any(q[0] == 0 for q in c.quotes)), None)
        if closer is not None or not runs:
            yield from _flush(focus, (closer.speaker, closer.speaker_ref) if closer else None)
    focus.open_para = paragraph if runs else None
    if not runs and focus.held:
        yield from _flush(focus)


def _answers_in_two_words(c: _Cue, words: str) -> bool:
    """"..., but the United States, France and Belgium confirm them", "Bolivia denied it": a verb that takes a
    stance (stances.yml cue_verbs) with a pronoun for what it answers says enough in two words."""
    parts = words.rstrip(".").split()
    finite = getattr(c.token, "tag_", "") in {"VBD", "VBZ", "VBP"} and c.own  # not "resources to refute them"
    return finite and len(parts) == 2 and verb_lemma(parts[0].lower()) in stances_table().cue_verbs \
        and parts[1].lower() in stances_table().answered_pronouns


def _cue_statements(c: _Cue, text: str, sentence: Ref) -> Iterator[StatementRecord]:
    """A cue's direct quotes, and its reported words when they say more than the quotes."""
    co = tuple(t for t, _ in c.co)
    co_refs = tuple(r for _, r in c.co)
    if c.quotes:
        for a, b in sorted(c.quotes):
            yield StatementRecord(Ref(sentence.source, sentence.sentence, a, b), c.speaker, c.speaker_ref, c.cue,
                                  text[a:b].strip(), True,
                                  confidence=Confidence.CERTAIN if c.speaker else Confidence.NO_SPEAKER,
                                  co_speakers=co, co_speaker_refs=co_refs, speaker_title=c.title)
        if c.span is None or all(_words_outside(text, c.span, q) < 3 for q in c.quotes):
            return
    if c.span is not None:
        a, b = c.span
        words = text[a:b].strip().rstrip(",;:")
        if len(words.split()) >= 3 or _answers_in_two_words(c, words):
            yield StatementRecord(Ref(sentence.source, sentence.sentence, a, a + len(words)), c.speaker,
                                  c.speaker_ref, c.cue, words, False,
                                  confidence=Confidence.REPORTED if c.speaker else Confidence.NO_SPEAKER,
                                  co_speakers=co, co_speaker_refs=co_refs, speaker_title=c.title)
