"""Cues: what marks words as someone's. A reporting verb with its subject (data/speech.yml `verbs`),
"according to X", a statement or allegation noun with its maker ("Western allegations that ..."), and
in headlines a reporting verb form after a name. Each cue carries its speaker and the span of the words
it reports."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...data import actor_words_table
from ...world import country_of, demonym_country
from ..who import words as who_words
from .focus import _Cue
from .quotes import quote_spans
from .speakers import headline_titled_person, refers_back, unnamed_title, _inverted_subject, _named_after_quote, _named_subject, _of_noun_phrase, _relative_subject, _speaker
from .tables import ARG_DEPS, CLAUSE_DEPS, SUBJECT_DEPS, speech_words


def _verb_cues(doc, text, quotes, mentions, focus) -> Iterator[_Cue]:
    """A cue for each reporting verb used as one (see _reporting_verb), with its speaker and words."""
    table = speech_words()
    for token in doc:
        lemma = token.lemma_.lower()
        if not _reporting_verb(token, lemma, quotes, table):
            continue
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
        if speaker is not None and _its_own_object(token, speaker):
            speaker, ref, kind, co = None, None, None, ()  # "seemed to blame Iran": whom it blames does not speak
        if speaker is None and not _main_verb(token):
            continue
        span = _reported_span(token, lemma, table)
        own = _named_subject(token) or (speaker is not None and (_relative_subject(token) is not None
                                                                  or _answers_own_noun(token, table)
                                                                  or _answers_what_was_said(token, table)))
        yield _Cue(token, _cue_text(token), speaker, ref, kind, span, co, own=own,
                   title=_title(token, speaker, ref, kind, co, focus))


def _title(token, speaker, ref, kind, co, focus) -> str | None:
    """The unnamed title the speaker, a state or body, is written with (unnamed_title); a pronoun or a bare
    "the spokesman" after it in the article speaks with the title given before ("A foreign ministry
    spokesperson said ... 'However, ...,' said the spokesman")."""
    if speaker is None or kind == "person" or co:
        return None
    title = unnamed_title(token)
    if focus is None:
        return title
    if title is not None:
        focus.titles[(speaker, ref)] = title
        return title
    return focus.titles.get((speaker, ref)) if refers_back(token) else None


def _its_own_object(token, speaker: str) -> bool:
    """Is the speaker found the verb's own object ("seemed to blame Iran ...; Iran counters": a misparse
    hangs the cue on the next clause's subject)? Whom a verb charges or addresses is not who says it."""
    return any(c.dep_ in {"dobj", "dative"} and speaker == " ".join(
        t.text for t in c.subtree if t.i == c.i or t.dep_ in {"compound", "flat"} and t.head.i == c.i)
        for c in token.children)


def _main_verb(token) -> bool:
    """The verb of the sentence's own clause, or the one it goes on ("officials have continued to accuse
    ..."): what it reports is the sentence's news even where its speaker is left to the context."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in speech_words().aspect_verbs:
        token = token.head
    return token.dep_ in {"ROOT", "conj"}


def _belief_cues(doc, quotes, mentions, focus) -> Iterator[_Cue]:
    """'Officials are very confident the Houthis do not have the weapons', 'Zelensky is convinced that the
    rocket was not Ukrainian': a belief stated of someone, with the clause believed, is their statement
    (data/speech.yml `belief_words`). Without the clause ("confident in the army") it states nothing."""
    words = set(speech_words().belief_words)
    for token in doc:
        if token.lemma_.lower() not in words and token.lower_ not in words:
            continue
        if any(a <= token.idx < b for a, b in quotes):
            continue
        holder = token if any(c.dep_ in SUBJECT_DEPS for c in token.children) else token.head
        if holder.i != token.i and (token.dep_ != "acomp" or holder.lemma_ != "be"):
            continue
        clause = next((c for c in (*token.children, *holder.children) if c.dep_ == "ccomp" and c.i > token.i), None)
        if clause is None or not any(c.dep_ in SUBJECT_DEPS for c in holder.children):
            continue
        speaker, ref, kind, co = _speaker(holder, doc, mentions, focus)
        if speaker is None:
            continue
        toks = [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]
        yield _Cue(holder, token.text, speaker, ref, kind, (toks[0].idx, _end(doc, toks[-1].i)), co,
                   own=_named_subject(holder))


def _nobody(subject) -> bool:
    """'no group', 'nobody', 'no one', 'none of them': a subject that says nobody."""
    return subject.lower_ in speech_words().nobody_words or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children) or (
        subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children))


def _reporting_verb(token, lemma: str, quotes, table) -> bool:
    """A verb of data/speech.yml `verbs`, used as one (with the complement some need), outside quoted
    words (there it is the speaker's, not the attribution), not a frame around an inner cue ("was quoted
    as saying"), and not a participle on an allegation noun ("allegations claiming that ...": the noun's
    maker says it, _noun_cues)."""
    if lemma not in table.verbs or token.pos_ not in {"VERB", "AUX"}:
        return False
    if any(a <= token.idx < b for a, b in quotes) or not _is_speech(token, lemma, table):
        return False
    if any(c.dep_ in SUBJECT_DEPS and _nobody(c) for c in token.children):
        return False  # "No group has claimed responsibility": nobody said anything
    if any(c.dep_ == "mark" and c.lower_ in speech_words().question_subordinators for c in token.children):
        return False  # "asked whether the Kremlin believed ...": a question put, not what anyone said
    if lemma in table.predicate_infinitives and token.dep_ == "xcomp" and token.head.lemma_ == "be":
        return False  # "Russia was to blame": who is answerable for the act, not a word anyone said
    inner = (*token.children, *(g for p in token.children if p.dep_ == "prep" for g in p.children))
    if lemma in table.frame_verbs and any(c.dep_ in {"xcomp", "advcl", "pcomp"}
                                             and c.lemma_.lower() in table.verbs for c in inner):
        return False
    nouns = table.allegation_nouns | table.statement_nouns
    return not (token.dep_ in {"amod", "acl", "relcl"} and token.head.lemma_.lower() in nouns
                and not any(c.dep_ in SUBJECT_DEPS and c.lower_ not in table.relative_pronouns
                            or c.dep_ == "agent" for c in token.children))


def _inverted(token, lemma, table):
    """(speaker head, span) of an attribution after its words with the speaker after the verb, parsed as a
    verb coordinated with the clause it reports and taking the name as object: "..., reported Russian
    Foreign Minister Sergei Lavrov"; else None."""
    if lemma not in table.say_verbs or token.dep_ not in {"conj", "parataxis"} or token.i == 0:
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
    actions = table.action_objects.get(lemma)
    if actions and any(c.dep_ == "dobj" and c.lemma_.lower() in actions for c in token.children):
        return False  # "the blast claimed six lives": an act, not a claim
    need = table.needs_complement.get(lemma)
    if need is None:
        return True
    for c in token.children:
        # a particle may come parsed as an adverb ("pushed back on claims": "back" advmod)
        if c.dep_ in need or (c.dep_ in {"prep", "prt", "advmod"} and c.lower_ in need):
            return True
        if "ccomp" in need and _that_clause(token, c):
            return True
        if "statement_subject" in need and c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in table.statement_nouns:
            return True  # "'...,' the statement read": a text says what it reads; "she read a book" says nothing
        if "quoted_label" in need and c.dep_ == "dobj" and token.text.islower() \
                and any(t.is_quote for t in c.subtree if t.i > c.i):
            # "called the assessment 'premature and speculative'": the parser hangs the label on the object
            # (not in a title-case headline, whose parse is read by word form)
            return True
    return False


def _that_clause(verb, child) -> bool:
    """A clause opening with "that" after the verb, which the parser took for an adverbial clause when a
    long sentence follows ("elaborated that findings showed ... whereas ..."): a complement all the same.
    "so that ...", "now that ..." open with another word and stay adverbial."""
    return (child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ == "that"
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children))


def _cue_text(token) -> str:
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text] + particles)


def _reported_span(token, lemma, table) -> tuple[int, int] | None:
    """The reported words of a cue: the complement clause of a say-type verb (without "that"), or the
    verb with its arguments for a verb that carries meaning. Subjects, adverbial clauses and
    coordinated clauses are left out."""
    doc = token.doc
    if _inverted_subject(token) is not None:
        return None  # '"...," added the spokesperson': the words are the quotation, its speaker after the verb
    clauses = [c for c in token.children
               if (c.dep_ in CLAUSE_DEPS or _that_clause(token, c)) and c.i > token.i]
    if not clauses and lemma in table.say_verbs:
        # "The U.S. is concerned ..., the White House said": a clause before the verb and its subject
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        quoted = [q for q in quote_spans(doc.text) if len(doc.text[q[0]:q[1]].split()) >= table.min_quote_words]
        clauses = [c for c in token.children if c.dep_ == "ccomp" and c.i < token.i and subjects
                   and c.pos_ in {"VERB", "AUX"}
                   and all(max(t.i for t in c.subtree) < s.i for s in subjects)
                   and not any(a < _end(doc, max(t.i for t in c.subtree)) and min(t.idx for t in c.subtree) < b
                               for a, b in quoted)][:1]
    if not clauses:  # "said earlier that ...": the parser may hang the clause off the adverb
        clauses = [t for c in token.children if c.dep_ == "advmod" and c.i > token.i for t in c.children
                   if t.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)][:1]
    if not clauses:  # "said in a statement that ...": the clause hangs off the statement noun
        clauses = [t for c in token.children if c.dep_ == "prep" for t in c.subtree
                   if t.dep_ in {"ccomp", "acl"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)][:1]
    if lemma in table.say_verbs and clauses:
        toks = [t for c in clauses for t in c.subtree]
        start = min(toks, key=lambda t: t.i)
        # ("said that X", not a condition: "stated that if Russia helped ..., it would be" keeps its "if")
        while (start.dep_ == "mark" and start.lower_ in speech_words().quote_joiners) or start.is_punct:
            if start.i + 1 >= len(doc):
                return None
            start = doc[start.i + 1]
        end = max(t.i for t in toks)
        return start.idx, _end(doc, end)
    said = table.allegation_nouns | table.statement_nouns | table.claimed_things | (
        table.claimed_acts if lemma == "claim" else frozenset())
    passive = next((c for c in token.children if c.dep_ == "nsubjpass" and c.i < token.i
                    and (c.lemma_.lower() in said or c.lower_ in said)), None)
    if passive is not None and any(c.dep_ == "agent" for c in token.children) and not any(
            c.dep_ in CLAUSE_DEPS | {"dobj", "oprd", "attr"} and c.i > token.i for c in token.children):
        # "Responsibility for the attack was claimed by X": what the agent said is the subject, with the verb
        return passive.left_edge.idx, _end(doc, token.i)
    negated = any(c.dep_ == "neg" for c in token.children)  # "did not respond to a request": no words, an act
    if lemma in table.say_verbs and not negated and not any(
            (c.dep_ in {"dobj", "oprd", "attr"} and lemma not in table.addressee_verbs) or (
            c.dep_ == "prep" and c.lower_ in table.topic_preps) for c in token.children):
        return None  # "said on Monday", "told reporters in Ottawa": the words are elsewhere (a quotation)
    if _answers_what_was_said(token, table):
        # "Peru accused Bolivia of shelling the town, which Bolivia denied": the answer, from its "which"
        which = next(c for c in token.children if c.dep_ == "dobj")
        return which.idx, _end(doc, token.right_edge.i)
    if _answers_own_noun(token, table):
        # "..., an allegation Tehran denies", "a scenario that officials dismissed as premature speculation",
        # "a claim rejected by Egyptian officials as not credible": the words are the allegation, as the
        # sentence names it, with the answer's label
        return token.head.left_edge.idx, _end(doc, max(token.right_edge.i, token.head.right_edge.i))
    args = [c for c in token.children if c.dep_ in ARG_DEPS and c.i > token.i and not _another_speakers_clause(token, c)]
    if not args:
        return None
    stray = {t.i for c in args for x in c.children if _subject_of_the_next_verb(token, x) for t in x.subtree}
    stray |= {c.i for a in args for c in a.children if c.dep_ == "cc" and c.i + 1 in stray}  # its "and"
    end = max(t.i for c in args for t in c.subtree if t.i not in stray)
    while end > token.i and (doc[end].dep_ == "cc" or doc[end].is_punct) and any(
            _another_speakers_clause(token, c) for c in token.children):
        end -= 1  # "... in the raid - and": the words end before another speaker's clause
    return _left_edge(token).idx, _end(doc, end)


def _another_speakers_clause(verb, c) -> bool:
    """"Ukraine denies involvement in the raid - and two groups say they were behind it": a reporting verb
    with its own subject, after an "and" the parser hung elsewhere, is another speaker's statement that it
    took for this verb's complement."""
    doc = verb.doc
    return c.dep_ == "ccomp" and c.lower_ in speech_words().forms and any(x.dep_ in SUBJECT_DEPS for x in c.children) \
        and any(doc[k].dep_ == "cc" for k in range(verb.i + 1, c.left_edge.i))


def _subject_of_the_next_verb(verb, t) -> bool:
    """"denies the claim and Pakistan PM Sharif last week said ...": a name the parser joined to the object,
    right before (past a date) a verb coordinated with this one, is that verb's subject, not part of what this
    one says."""
    if t.dep_ != "conj" or t.pos_ != "PROPN":
        return False
    i = t.right_edge.i + 1
    while i < len(t.doc) and t.doc[i].ent_type_ in {"DATE", "TIME"}:
        i += 1
    return i < len(t.doc) and t.doc[i].dep_ == "conj" and t.doc[i].head.i == verb.i and t.doc[i].pos_ == "VERB"


def _answers_own_noun(token, table) -> bool:
    """A verb in a relative clause on an allegation noun, with a subject of its own: "a claim Kyiv
    strongly denies", "a charge that Tehran rejects"; or a participle with its agent: "a claim rejected by
    Egyptian officials". The subject (the agent) answers the allegation."""
    if token.head.lemma_.lower() not in table.allegation_nouns:
        return False
    if token.dep_ == "acl":
        return token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)
    return token.dep_ == "relcl" and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ not in table.relative_pronouns for c in token.children)


def _answers_what_was_said(token, table) -> bool:
    """A refuting verb in a relative clause whose object is the relative pronoun and whose subject is its own
    ("..., which Bolivia denied"): that subject answers the words before it."""
    # the parser may take the clause for the first verb's complement or adverbial ("accused X of ... -- which the US
    # has denied")
    return token.dep_ in {"relcl", "ccomp", "advcl"} and token.lemma_.lower() in table.refuting_verbs \
        and not _answers_own_noun(token, table) \
        and any(c.dep_ == "dobj" and c.lower_ in table.relative_pronouns for c in token.children) \
        and any(c.dep_ in SUBJECT_DEPS and c.lower_ not in table.relative_pronouns for c in token.children)


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
    for phrase in speech_words().according_to:
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
            if _reports_with_speaker(doc[tok.i].head):
                continue  # '"...," said X, according to The Guardian': X spoke; the phrase names who carried it
            root = doc[tok.i].head
            while root.head.i != root.i and root.dep_ not in {"ROOT"}:
                root = root.head
            rest = [t for t in root.subtree if t.i not in phrase_toks and not t.is_punct]
            if not rest:
                continue
            a, b = min(t.i for t in rest), max(t.i for t in rest)
            if a < tok.i < b:  # the phrase sits inside the clause: take the longer side
                a, b = (a, tok.i - 1) if tok.i - a > b - max(phrase_toks) else (max(phrase_toks) + 1, b)
            yield _Cue(tok, phrase, speaker, ref, kind, (doc[a].idx, _end(doc, b)), co)


def _reports_with_speaker(token) -> bool:
    """A reporting verb with a subject of its own ("said X")."""
    return token.lemma_.lower() in speech_words().verbs and token.pos_ in {"VERB", "AUX"} and \
        any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _noun_cues(doc, quotes, mentions, focus) -> Iterator[_Cue]:
    """A statement or allegation noun with its maker and its content: "Western allegations claiming that
    X", "Trudeau's comments that X", "accusations by Y that X". The maker said X."""
    table = speech_words()
    nouns = table.allegation_nouns | table.statement_nouns
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
                if c.lemma_.lower() in table.verbs:
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
        toks = _without_the_label(tok, sorted(content.subtree, key=lambda t: t.i), table)
        while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
            toks = toks[1:]
        if len(toks) < 3:
            continue
        yield _Cue(tok, tok.text, speaker, ref, kind, (toks[0].idx, _end(doc, toks[-1].i)), co, own=True)


LABEL_WORDS_QUOTED = 4  # a label quoted after the allegation ("absurd", "a blatant lie") is a few words


def _without_the_label(noun, toks: list, table) -> list:
    """"described Khan's statement that Pakistan has been the victim as far from the truth": the last "as"
    phrase is the describing verb's label for what Khan said, not Khan's words. So is a quoted adjective
    closing it ("called Peru's accusations that it was behind the attack "absurd""), which the parser may
    hang inside the allegation's clause."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "oprd"} or verb.lemma_.lower() not in table.as_label_verbs:
        return toks
    label = next((t for t in reversed(toks) if t.dep_ == "prep" and t.lower_ == "as"), None)
    if label is not None:
        return [t for t in toks if t.i < label.i]
    opening = next((k for k in range(len(toks) - 1, 0, -1) if toks[k].is_quote and toks[k].i + 1 < len(toks[k].doc)
                    and not toks[k].doc[toks[k].i + 1].is_punct), None)
    if opening is None:
        return toks
    quoted = [t for t in toks[opening:] if t.is_alpha]
    if 0 < len(quoted) <= LABEL_WORDS_QUOTED and any(t.pos_ == "ADJ" or t.tag_ == "JJ" for t in quoted):
        return toks[:opening]
    return toks


def _named_subject_says(t, label: str) -> bool:
    """A reporting verb with a proper name for its subject ("Rwanda dismisses ..."), of another country than
    the label's ("Foreign Ministry: China calls for ...", the label the Chinese Foreign Ministry, is its body)."""
    if t.pos_ != "VERB" or t.lower_ not in speech_words().forms:
        return False
    subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN"]
    if not subjects:
        return False
    country = country_of(subjects[0].text)
    owner = next((c for w in label.split()[:2] for c in (country_of(w), demonym_country(w)) if c is not None), None)
    if owner is None and label.split() and label.split()[-1].lower() in _state_organ_heads():
        return False  # "Foreign Ministry: China calls for ...": the country's own ministry speaks for it
    return country is None or owner is None or country != owner


@lru_cache(maxsize=1)
def _state_organ_heads() -> frozenset[str]:
    """Head words of a state's own organs (actor_words body_heads): a label so named is the subject state's."""
    return frozenset(w.lower() for w in actor_words_table().body_heads)


def _labelled_headline(doc, mentions, focus=None) -> _Cue | None:
    """A headline led or closed by its speaker's name or title and a colon gives its words to the speaker,
    with or without a verb: "Pompeo: Saudi oil attack an 'act of war' by Iran", "Putin's spokesman: US
    behind Kremlin drone attack", "US should give responsible explanation on blasts: Chinese FM". A topic
    beside the colon ("Spy poisoning: ...", "Ukraine war: ...") is no name the article gives anyone, and
    gives nothing."""
    # a headline of several parts ("Bennett slams Abbas; Gantz: initial findings show ..."): the part with the colon
    start, end = _part_with_a_colon(doc)
    colons = [t for t in doc[start:end] if t.text == ":"]
    if len(colons) != 1:
        return None
    colon = colons[0]
    lead, rest = doc[start:colon.i], doc[colon.i + 1:end]
    for label, words in ((lead, rest), (rest, lead)):
        if not 0 < len(label) <= LABEL_WORDS or len([t for t in words if not t.is_punct]) < 3:
            continue
        if any(t.pos_ in {"VERB", "AUX"} for t in label):
            continue  # "Russia says: ..." is read from its verb
        if words[0].lower_ in who_words().speaker_pronouns.first_person:
            continue  # "Interior Minister: We reject ...": the label's own verb says what it did
        found = _label_speaker(label, mentions, focus)
        if found is not None and any(_named_subject_says(t, found[0]) for t in words):
            continue  # "UN Security Council: Rwanda dismisses the experts' report": the words name their speaker
        if found is not None:
            speaker, ref, kind = found
            span = (words[0].idx, _end(doc, words[-1].i))
            return _Cue(colon, "headline", speaker, ref, kind, span)
    return None


def _part_with_a_colon(doc) -> tuple[int, int]:
    """The token range of the part of a headline, between semicolons, that holds a colon (the whole when none
    does or there is no semicolon)."""
    cuts = [-1, *(t.i for t in doc if t.text == ";"), len(doc)]
    parts = [(a + 1, b) for a, b in zip(cuts, cuts[1:])]
    return next((p for p in parts if any(t.text == ":" for t in doc[p[0]:p[1]])), (0, len(doc)))


LABEL_WORDS = 6  # a speaker's label beside a headline's colon is a name or a title, a few words at most


def _label_speaker(label, mentions, focus):
    """(text, ref, kind) of the speaker a headline label names: a mention that is the whole label, a name
    the article gives someone in full ("Pompeo" for "Mike Pompeo"), or a title the article names someone
    by ("Putin's spokesman"); else None."""
    text = label.text.strip(" '\"‘’“”")
    end = label[-1].idx + len(label[-1].text)
    # the name that heads the label and stays inside it ("Pompeo", "Russia's FSB"; not "Ukraine war")
    whole = [m for m in mentions if label[0].idx <= m.ref.start and m.ref.end <= end
             and m.ref.start <= label.root.idx < m.ref.end and label.root.i == label[-1].i]
    if whole:
        return whole[0].text, whole[0].ref, whole[0].kind
    article = focus.article if focus is not None else []
    named = [m for m in article if m.text == text or m.text.endswith(" " + text)]
    if named:
        best = next((m for m in named if m.kind == "person"), named[0])
        return best.text, best.ref, best.kind
    speaker, ref, kind, _ = _of_noun_phrase(label.root, mentions, focus, before=end)
    if speaker is None or ref is None or any(m.ref == ref for m in mentions):
        # a title stands for someone the article names elsewhere; a name in the headline itself is a
        # modifier of the label ("Ukraine war") or part of the words beside it
        return None
    return speaker, ref, kind


def _headline_cues(doc, mentions, focus=None) -> Iterator[_Cue]:
    """A headline: the first reporting verb form after a name; the name before it speaks. In "Title: we
    reject ...", the label before the colon speaks. Without such a verb, a name that ends the headline
    signs it."""
    forms = speech_words().forms
    for tok in doc:
        if tok.i == 0 or tok.lower_ not in forms or _a_noun_here(tok):
            continue
        if forms[tok.lower_] in speech_words().laid_on_verbs and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].lower_ == "on":
            return  # "Crash blamed on Horak": the passive without its auxiliary; what is blamed says nothing
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "by":
            # "Peru blamed by Chile for the attack": the name after "by" speaks, of the name before the verb
            agent = next((m for m in mentions if m.ref.start >= doc[tok.i + 1].idx), None)
            if agent is not None:
                yield _Cue(tok, tok.text, agent.text, agent.ref, agent.kind, (0, _end(doc, len(doc) - 1)))
            return
        speaker = _headline_speaker(doc, tok, mentions, focus)
        if speaker is None:
            continue
        yield _Cue(tok, tok.text, *speaker, (_words_start(doc, tok, speaker[1]), _end(doc, _headline_clause_end(doc, tok))))
        return
    yield from _signed_headline_end(doc, mentions, focus)


def _words_start(doc, tok, ref) -> int:
    """Where a headline's words begin: after the colon when the label before it speaks ("White House: US
    cannot conclusively determine cause ...": all of it, not from the verb on), else at the verb."""
    colon = next((t for t in reversed(doc[:tok.i]) if t.text == ":"), None)
    if colon is None or ref is None or ref.start >= colon.idx or colon.i + 1 >= tok.i:
        return tok.idx
    return doc[colon.i + 1].idx


def _a_noun_here(tok) -> bool:
    """"Russia not behind the blast - Kremlin": a verb form after a determiner or a possessive ("the blast",
    "its claim") is a noun there, whatever its form's verb ("X blasts Y"); after a preposition it qualifies
    a noun ("US presses Saudi Arabia on reported migrant massacres")."""
    before = tok.doc[tok.i - 1]
    return before.pos_ == "DET" or before.tag_ in {"PRP$", "POS"} \
        or (before.pos_ == "ADP" and tok.tag_ in {"VBN", "VBD", "JJ"})


def _inverted_headline(doc, tok, mentions, focus) -> _Cue | None:
    """"'Very likely' that Vega was killed by army fire, say military high command": the words come before
    the comma, the speaker after the verb (the verb's own subject), never a name inside the words."""
    if tok.lower_ not in speech_words().forms:
        return None
    subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i > tok.i), None)
    said = next((c for c in tok.children if c.dep_ in {"ccomp", "parataxis"} and c.i < tok.i), None)
    if subject is None or said is None or doc[tok.i - 1].text != "," or tok.i < 2:
        return None
    speaker, ref, kind, _ = _of_noun_phrase(subject, mentions, focus)
    return _Cue(tok, tok.text, speaker, ref, kind, (0, _end(doc, tok.i - 2)))


def _headline_speaker(doc, tok, mentions, focus) -> tuple | None:
    """(speaker, ref, kind) of a headline's verb: the label before a colon, else the last name before the
    verb (a person's, if any), else a title-case lead; None if nothing before it can speak."""
    # a headline of parts ("X disappointed ...; Palestinians assail conclusions, say ..."): the verb's own part
    start = max((t.i + 1 for t in doc[:tok.i] if t.text == ";"), default=0)
    colon = next((t for t in doc[start:tok.i] if t.text == ":"), None)
    before = [m for m in mentions if doc[start].idx <= m.ref.start and
              m.ref.end <= (colon.idx if colon is not None else tok.idx)]
    lead = doc[start:colon.i if colon is not None else tok.i]
    if start and not before and colon is None and lead and lead[0].ent_type_ == "NORP" and lead[0].tag_ == "NNPS":
        return lead[0].text, None, None  # "...; Palestinians assail conclusions, say ...": a people speaks
    if colon is not None and not before and lead:
        # "Turkish Interior Minister: We reject ...": the title stands for whom the article names
        speaker, ref, kind, _ = _of_noun_phrase(lead.root, mentions, focus, before=colon.idx)
        if speaker is not None:
            return speaker, ref, kind
        # "'Baseless': Kremlin rejects report ...": a quoted word leads, and the name after the colon speaks
        before = [m for m in mentions if colon.idx < m.ref.start and m.ref.end <= tok.idx]
        lead = doc[colon.i + 1:tok.i]
    if before and _names_only_inside_a_common_subject(doc, tok, before):
        return None  # "Paramilitary group behind raid from Ukraine into Russia vows ...": the group speaks
    titled = _titled_lead(doc, start, tok, mentions, focus) if colon is None else None
    if titled is not None:
        return titled
    if before:
        people = [x for x in before if x.kind == "person"]
        m = people[-1] if people else before[-1]
        return m.text, m.ref, m.kind
    if all(t.is_title or t.is_upper or t.pos_ == "PROPN" for t in lead if not t.is_punct):
        return lead.text.strip(), None, None
    return None


def _titled_lead(doc, start: int, tok, mentions, focus) -> tuple | None:
    """"Qatar emir slams ...", "Poland's president says ...": a lead that ends in a title before the verb is the
    person the article titles so, where it names one; else None (the state or name before it speaks)."""
    last = doc[tok.i - 1] if tok.i > start else None
    if last is None or last.pos_ not in {"NOUN", "PROPN"} or last.lower_ not in who_words().titles:
        return None
    speaker, ref, kind, _ = _of_noun_phrase(last, mentions, focus, before=tok.idx)
    if speaker is not None and kind == "person":
        return speaker, ref, kind
    return headline_titled_person(last, mentions, focus, before=tok.idx)


def credit_titled_subjects(cues, mentions, focus) -> None:
    """A headline's verb whose subject is a title alone ("Qatari official says ...", "Tehran police chief
    denies ..."): the person the article titles so speaks, not the state or body the title names."""
    for c in cues:
        if c.speaker_kind == "person" or c.co:
            continue
        subject = next((g for g in c.token.children if g.dep_ in SUBJECT_DEPS and g.i < c.token.i), None)
        found = headline_titled_person(subject, mentions, focus, before=c.token.idx) if subject is not None else None
        if found is not None:
            c.speaker, c.speaker_ref, c.speaker_kind = found


def _names_only_inside_a_common_subject(doc, tok, names) -> bool:
    """Is the verb's subject a common noun ("group") and every name before it inside that subject's
    prepositional phrases ("behind raid from Ukraine into Russia"), where the parse is plainly right?"""
    subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i >= tok.i:
        return False
    inside = {t.idx for c in subject.children if c.dep_ == "prep" for t in c.subtree}
    return all(m.ref.start in inside for m in names)


def _headline_clause_end(doc, tok) -> int:
    """The last token of the headline's clause after its verb: up to a colon, a bar or a dash; after
    "claims", up to a comma too ("Daesh Claims Kerman Terror Attack, Clues Point to Israel": what is claimed
    is one noun phrase, and the clause after the comma is the headline's own)."""
    stops = {":", "|", "—", " - "} | ({","} if speech_words().forms.get(tok.lower_) == "claim" else set())
    return next((t.i - 1 for t in doc[tok.i + 1:] if t.text in stops), len(doc) - 1)


def _signed_headline_end(doc, mentions, focus=None) -> Iterator[_Cue]:
    """"India's network ... has gone global: FO", "US 'deeply concerned' ... -White House": a headline whose
    words end with the name of who said them, or with a title the article names someone by ("... - PM")."""
    m = re.match(r"^(.*\S)\s*(?::|\s[-–—]|[-–—]\s)\s*([A-Z][\w.’' -]{1,40})$", doc.text.strip())
    if not m or len(m.group(1).split()) < 4:
        return
    at = doc.text.index(m.group(2), m.start(2))
    found = [x for x in mentions if x.ref.start >= at]
    label = doc.char_span(at, len(doc.text.rstrip()), alignment_mode="expand")
    if label is not None and len(label) and (label[0].pos_ == "CCONJ" or any(t.tag_ == "VBG" for t in label)):
        return  # "... -- And US Avoiding the Evidence": a second clause of the headline, no one's signature
    titled = _label_speaker(label, mentions, focus) if not found and label is not None and len(label) else None
    credited = headline_titled_person(label.root, mentions, focus) \
        if label is not None and len(label) and label.root.i == label[-1].i else None
    if credited is not None:
        speaker, ref, kind = credited
    elif found:
        speaker, ref, kind = found[0].text, found[0].ref, found[0].kind
    elif titled is not None:
        speaker, ref, kind = titled
    elif all(w[:1].isupper() for w in m.group(2).split()):
        speaker, ref, kind = m.group(2).strip(), None, None
    else:
        return
    tok = next((t for t in doc if t.idx >= at), doc[-1])
    yield _Cue(tok, "headline", speaker, ref, kind, (0, len(m.group(1))))


def _closes_quote(doc, i: int) -> bool:
    """The token closes a quotation opened before it in the sentence."""
    mark = doc[i].text
    if mark in "”’":
        return True
    return mark == '"' and doc.text[:doc[i].idx].count('"') % 2 == 1


def _cut_relative_clauses(cues) -> None:
    """A cue in a relative or adverbial clause at the end of another cue's reported words ("accused X of
    ..., which was rejected by Y", "claimed that A, while Y said B") speaks for itself: the clause is not
    part of the other statement."""
    for c in cues:
        if c.span is None:
            continue
        for o in cues:
            if o is c or not o.own or (o.token.dep_ not in {"relcl", "advcl", "acl"}
                                       and not _answers_what_was_said(o.token, speech_words())) \
                    or not (c.span[0] < o.token.idx < c.span[1]):
                continue
            first = min(o.token.subtree, key=lambda t: t.i)
            last = max(o.token.subtree, key=lambda t: t.i)
            if _answers_own_noun(o.token, speech_words()):
                # "..., a claim Kyiv denies", "..., a claim rejected by Y as not credible": the noun goes with its answer
                first, last = o.token.head.left_edge, o.token.head.right_edge
            elif o.token.dep_ == "acl":
                continue
            if last.idx + len(last.text) >= c.span[1] - 1 and first.i > 0:
                end = first.i - 1
                while end > 0 and (first.doc[end].is_punct and not _closes_quote(first.doc, end)
                                   or first.doc[end].dep_ == "cc"):
                    end -= 1
                if first.doc[end].idx > c.span[0]:
                    c.span = (c.span[0], _end(first.doc, end))
