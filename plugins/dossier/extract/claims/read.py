"""Pass 1, read: each statement once: its stance, the side it charges, the allegation it names, and the
side its speakers act for.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from ...data import Stances, speech_table, stances_table
from ...model import Mention, StatementReading, StatementRecord
from ..charges import SPEAKER, _accused, _Sides, charged_bodies, cleared, duty_to_answer_for_it, named_doers
from ..index import by_sentence
from ..stance import _named_allegation, conceded_claim_makers, grounds_found_wanting, stance_of
from ..topics import Weighted, content_words, weighted_words
from .state import CONTEXT_SENTENCES, OWN_ACT, ClaimState, Reading, _discounted


def read(state: ClaimState) -> None:
    for i, st in enumerate(state.statements):
        speakers = tuple(s for s in (st.speaker_text, *st.co_speakers) if s)
        side = state.side_of(speakers)
        seen = state.stored[i] if i < len(state.stored) else None
        if seen is None:
            seen = read_statement(st, state.docs, state.by_sentence, state.table, state.sides)
        charged = _as_said_by(seen.accused, side) - side if not _notes_reports(st.text) else frozenset()
        defended = _as_said_by(seen.cleared, side)
        stance = seen.stance
        if stance == "rejects" and (seen.shifts_blame or charged and grounds_found_wanting(st.text, state.table)):
            # "trying to pin it on X", "insufficient proof to pin the attack on X": X is defended
            defended, charged = defended | charged, frozenset()
        if stance == "denies" and seen.neither_confirms:
            stance = "declines-comment"  # "would not confirm or deny the report": the cue split it off
        if stance == "counter-accuses" and _only_its_own_side_turned(st.text, seen.words, side, state.table):
            stance = None  # "Pakistan itself has been the biggest victim": said of its own side, it turns nothing back
        if stance is None and defended and not charged:
            # "the blast was not caused by Israel": a denial by Israel's side, a rejection by another side
            stance = "rejects" if side and not side & defended else "denies"
        named = seen.named if seen.named is None else (seen.named[0], list(seen.named[1]))
        if stance is None and charged and named is None and speakers:
            set_aside = conceded_claim_makers(st, state.docs, state.by_sentence, state.table)
            if set_aside:
                # "despite the claim from IS, officials accuse Israel": its own charge, set against that claim
                stance, named = "counter-accuses", (None, set_aside)
        names_group = False
        if stance is None and (_claims_responsibility(st, state.docs, state.table)
                               or _says_it_did_it(state, st, speakers, side)):
            charged = frozenset({OWN_ACT})  # "IS claimed responsibility": its makers charge themselves
        elif stance in {None, "supports"} and not charged and _names_a_group(state, st, speakers):
            # "ISIS bears sole responsibility", said by another: the charge a claim of responsibility makes
            charged, names_group = frozenset({OWN_ACT}), True
        state.readings.append(Reading(
            i, st, speakers, side, stance, frozenset(charged), named, Weighted(seen.words), Weighted(seen.context),
            cleared=defended, names_group=names_group,
            bodies=charged_bodies(st, state.docs, state.table, state.people) if charged - {OWN_ACT} else frozenset()))
    _unless_someone_claimed_it(state.readings)
    _pronouns_blamed(state)
    _echoes(state)
    state.story_words = story_discounts([r.words for r in state.readings])
    answering = _answering_verbs(state.table)
    for r in state.readings:
        r.words = _discounted(_without(r.words, answering), state.story_words)
        r.context = _discounted(_without(r.context, answering), state.story_words)


@lru_cache(maxsize=1)
def _noting() -> re.Pattern:
    table = stances_table()
    verbs = "|".join(re.escape(w) for w in table.noting_verbs)
    nouns = "|".join(re.escape(w) for w in table.reported_nouns)
    return re.compile(rf"^(?:\w+(?:['’]\w+)?\s+){{1,3}}(?:{verbs})\s+(?:of\s+)?(?:\w+\s+)?(?:{nouns})\s+(?:that|of)\b",
                      re.IGNORECASE)


def _notes_reports(text: str) -> bool:
    """"We've seen the reports that Russia was responsible": words that open by taking note of others' reports
    relay their charge and make none (data/stances.yml `noting_verbs`, `reported_nouns`)."""
    return bool(_noting().match(text.strip(" \"'“”‘’")))


@lru_cache(maxsize=1)
def _echo() -> re.Pattern:
    """Words that only echo the statement before them (data/stances.yml `echo_words`), after one word at most."""
    words = "|".join(re.escape(w) for w in stances_table().echo_words)
    return re.compile(rf"^(?:\w+\s+)?(?:{words})[.,]?$", re.IGNORECASE)


def _echoes(state: ClaimState) -> None:
    """"A State Department spokesperson said the same": words that only echo the statement before them in the
    article take its stance and what it answers or charges, as that speaker's own."""
    for r in state.readings:
        if r.stance is not None or not _echo().match(r.statement.text.strip()):
            continue
        before = [q for q in state.readings[:r.index] if q.statement.ref.source == r.statement.ref.source]
        if before:
            q = before[-1]
            r.stance, r.charged, r.named, r.cleared = q.stance, q.charged, q.named, q.cleared
            r.words, r.context = q.words, q.context


def _as_said_by(sides: frozenset[str], side: frozenset[str]) -> frozenset[str]:
    """The sides a reading names, the speaker's own ("not our rocket") resolved to the speaker's side."""
    return sides - {SPEAKER} | side if SPEAKER in sides else sides


def _without(words: dict[str, float], dropped: frozenset[str]) -> dict[str, float]:
    return words if dropped.isdisjoint(words) else {w: v for w, v in words.items() if w not in dropped}


def _answering_verbs(table: Stances) -> frozenset[str]:
    """The word forms of the verbs that deny, reject or dismiss ("denying", "rejects"): they say how one
    answers, never what about, so an answer's "deny" is no word in common with a charge's "deny safe haven"."""
    verbs = [v for v, stance in table.cue_verbs.items() if stance in {"denies", "rejects", "dismisses"}
             and v not in table.answer_verbs_also_topics]
    forms = set()
    for v in verbs:
        stem = v[:-1] if v.endswith(("e", "y")) else v
        forms |= {v, v + "s", v + "es", stem + "ing", stem + "ies", stem + "ied", v + "ing", v + "ed"}
    # and the nouns of grounds wanting ("no shred of evidence", "without proof"): how one rejects, never what
    forms |= {*table.absence_nouns, *table.scrap_nouns}
    return frozenset(w for f in forms for w in content_words(f))


ANTECEDENT_SENTENCES = 3  # how far back "it" in "also blamed it for the strike" may find whom it stands for


def _pronouns_blamed(state: ClaimState) -> None:
    """'Morocco also blamed it for the strike': the side an accusing verb's pronoun object stands for is the
    side charged last before it in the same article, a few sentences back at most. A reading that charges
    nobody else and answers nothing takes that side as the one it charges."""
    at = {r.index: _position(r.statement, state.docs) for r in state.readings}
    for r in state.readings:
        if r.charged or r.stance not in {None, "supports"} or at[r.index] is None \
                or not _blames_a_pronoun(r.statement, state):
            continue
        here = at[r.index]
        before = [q for q in state.readings if q.statement.ref.source == r.statement.ref.source
                  and at[q.index] is not None and at[q.index] < here
                  and here[0] - at[q.index][0] <= ANTECEDENT_SENTENCES
                  and q.charged and OWN_ACT not in q.charged and q.stance in {None, "supports"}]
        if before:
            r.charged = max(before, key=lambda q: at[q.index]).charged - r.side


def _position(st: StatementRecord, docs) -> tuple[int, int] | None:
    """Where a statement stands in its article: its sentence's place, then its offset in the sentence."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return None
    sentence, _, source = found
    return [s.id for s in source.sentences].index(sentence.id), st.ref.start


def _blames_a_pronoun(st: StatementRecord, state: ClaimState) -> bool:
    """Is the object of the statement's accusing verb a pronoun ("blamed it for", "accused them of")?"""
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return False
    _, doc, _ = found
    accusing = set(state.table.accuse_verbs) | set(state.table.charge_verbs)
    pronouns = {str(w).lower() for w in state.table.object_pronouns}
    return any(st.ref.start <= t.idx < st.ref.end and t.dep_ == "dobj" and t.lower_ in pronouns
               and t.head.lemma_.lower() in accusing for t in doc)


def _only_its_own_side_turned(text: str, words, side: frozenset[str], table: Stances) -> bool:
    """Is the statement a counter-accusation only by a cue that needs another side named ("itself", "their
    own"), while the only side it names is the speaker's own?"""
    low = text.lower()
    found = [c for c in table.cues.get("counter-accuses") or () if re.search(rf"\b{re.escape(c)}\b", low)]
    weak = set(table.counter_needs_name)
    named = {w for w, _ in words if w.startswith("@")}
    return bool(side) and bool(found) and all(c in weak for c in found) and named <= side


def _claims_responsibility(st: StatementRecord, docs, table: Stances) -> bool:
    """'IS claimed responsibility for the attack', 'the group took credit', 'IS claims Kerman attack':
    its speakers say they did the act. Not 'no group has claimed responsibility', nor a denial of it."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None or not st.speaker_text:
        return False
    sentence, doc, _ = found
    verbs = set(table.responsibility_verbs)
    nouns = set(speech_table().claimed_things)
    acts = {w.lower() for w in table.act_nouns}
    if sentence.kind == "headline" and _headline_claims_the_act(st, doc, nouns | acts):
        return True
    for t in doc:
        if not (st.ref.start <= t.idx < st.ref.end) or t.lemma_.lower() not in verbs:
            continue
        # what is claimed: the object, or the subject of the passive ("the attacks were claimed by IS")
        passive = any(c.dep_ == "agent" for c in t.children)
        claimed = [c for c in t.children if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")]
        owned = any(c.lemma_.lower() in nouns for c in claimed) or (t.lemma_.lower() == "claim" and any(
            c.lemma_.lower() in acts or c.lower_ in acts for c in claimed))
        negated = any(c.dep_ == "neg" for c in t.children) or any(
            c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in speech_table().nobody_words
                                                  or any(d.lower_ == "no" for d in c.children)) for c in t.children)
        if owned and not negated and not _done_by_another(t) and not duty_to_answer_for_it(t, table):
            return True
    return False


def _headline_claims_the_act(st: StatementRecord, doc, owned: set[str]) -> bool:
    """'Daesh Claims Kerman Terror Attack, Clues Point to Israel': in title case the tagger finds no verb,
    so a headline whose reporting cue is 'claims' followed, before any punctuation, by an act or a
    responsibility noun claims the act ('Rejects Claims of Attack' has another cue)."""
    if st.cue.lower() not in stances_table().headline_claim_cues:
        return False
    cue = next((t for t in doc if st.ref.start <= t.idx < st.ref.end and t.text == st.cue), None)
    if cue is None:
        return False
    words = list(itertools.takewhile(lambda t: not t.is_punct, doc[cue.i + 1:]))
    return bool(words) and words[0].lower_ not in stances_table().claim_complements and any(t.lower_ in owned for t in words)


def _says_it_did_it(state: ClaimState, st: StatementRecord, speakers: tuple[str, ...], side) -> bool:
    """'The Houthis said they had carried out the attack', 'claims by the rebels that they were responsible':
    a group of no state naming itself (a pronoun: "we", or "it"/"they" for the group) as the act's doer
    claims the act, as "claimed responsibility" does. A person's "they" is someone else; a state saying
    it did something answers for its conduct, which is no claim of responsibility."""
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None or not speakers or side or set(speakers) & state.people:
        return False
    _, doc, _ = found
    selves = {w.lower() for w in state.table.self_doer_pronouns}
    return any(t.lower_ in selves for t in named_doers(doc, st.ref.start, st.ref.end, state.table))


def _done_by_another(verb) -> bool:
    """Is the verb's doer someone the statement names other than its speaker: the object of the verb it
    completes ("Iran may have influenced them to take responsibility": they take it, not the speaker)?"""
    return verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children)


def _names_a_group(state: ClaimState, st: StatementRecord, speakers: tuple[str, ...]) -> bool:
    """Does the statement name as the act's doer a body or group that acts for no state ("ISIS bears sole
    responsibility for this attack"), other than its speakers?"""
    return bool(groups_named(state, st, speakers))


def groups_named(state: ClaimState, st: StatementRecord, speakers: tuple[str, ...]) -> list[str]:
    """The bodies or groups of no state the statement names as the act's doers, other than its speakers."""
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return []
    _, doc, _ = found
    mentions = state.by_sentence.get((st.ref.source, st.ref.sentence), [])
    named = []
    for t in named_doers(doc, st.ref.start, st.ref.end, state.table):
        m = next((m for m in mentions if m.ref.start <= t.idx < m.ref.end), None)
        if m is not None and m.kind in {"organization", "group"} and m.text not in speakers \
                and state.sides.of(m.text) is None:
            named.append(m.text)
    return named


def _unless_someone_claimed_it(readings: list[Reading]) -> None:
    """A group named as the doer backs a claim of responsibility only where one was made. In a story where
    nobody claimed the act, "yet another massacre carried out by the PKK" is an ordinary charge."""
    if any(OWN_ACT in r.charged and not r.names_group for r in readings):
        return
    for r in readings:
        if r.names_group:
            r.charged, r.names_group = frozenset(), False


STORY_STATEMENTS = 30  # statements a dossier needs before a word's share of them says it is the story's subject
STORY_SHARE = 0.1  # a word held by more of the statements than this is the subject, not a proposition's own


def story_discounts(texts: Sequence[dict[str, float]]) -> dict[str, float]:
    """The story's subject words ("pipelines", "attack", "hospital": held by a large share of all its
    statements) say that two wordings are about the story, not that they assert the same thing: each keeps
    STORY_SHARE / its share of its weight (inverse document frequency within the dossier)."""
    if len(texts) < STORY_STATEMENTS:
        return {}
    held = Counter(w for words in texts for w in words if not w.startswith("@"))
    return {w: STORY_SHARE * len(texts) / n for w, n in held.items() if n > STORY_SHARE * len(texts)}


def read_statement(st: StatementRecord, docs, by_sentence, table: Stances, sides: _Sides) -> StatementReading:
    """What a statement says read from its own article alone (its sentence's parse, the sentences before
    it, the article's mentions), and the sides of the people it names, from the dossier: kept with the
    article (extract/__init__.py) while those sides stay the same (reading_holds)."""
    asked = _Asked(sides)
    named = _named_allegation(st, docs, by_sentence, table)
    return StatementReading(
        accused=_accused(st, docs, table, asked), cleared=cleared(st, docs, table, asked),
        stance=stance_of(st, table), shifts_blame=_shifts_blame(st.text, table),
        neither_confirms=_neither_confirms_nor_denies(st, docs, table),
        named=named if named is None else (named[0], tuple(named[1])),
        words=tuple(weighted_words(st.text).items()), context=tuple(weighted_words(_context(st, docs)).items()),
        people=tuple(asked.answers.items()))


def article_readings(item, statements: Sequence[StatementRecord], mentions: Sequence[Mention], sides: _Sides
                     ) -> tuple[StatementReading, ...]:
    """The readings of one article's statements (parsed article, its statements and its mentions), for
    extract/__init__.py to keep with the article."""
    docs = {(item.source.id, s.id): (s, d, item.source) for s, d in zip(item.source.sentences, item.docs)}
    placed, table = by_sentence(mentions), stances_table()
    return tuple(read_statement(st, docs, placed, table, sides) for st in statements)


def reading_holds(reading: StatementReading, sides: _Sides) -> bool:
    """Does a kept reading still hold: does every person it looked up stand for the same side now?"""
    return all(sides.of(name) == side for name, side in reading.people)


class _Asked:
    """A side lookup that keeps each name asked and the side it gave."""

    def __init__(self, sides: _Sides):
        self.sides = sides
        self.answers: dict[str, str | None] = {}

    def of(self, name: str | None) -> str | None:
        side = self.sides.of(name)
        if name:
            self.answers[name] = side
        return side


def _shifts_blame(text: str, table: Stances) -> bool:
    low = text.lower()
    return any(c in low for c in table.blame_shift_cues)


def _neither_confirms_nor_denies(st: StatementRecord, docs, table: Stances) -> bool:
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return False
    clause = found[0].text[:st.ref.end].lower().replace("’", "'")
    return any(c in clause for c in _confirm_nor_deny(table.cues["declines-comment"], table.deny_forms))


@lru_cache(maxsize=None)
def _confirm_nor_deny(cues: tuple[str, ...], deny_forms: tuple[str, ...]) -> tuple[str, ...]:
    """The cues of declining to comment that hold a form of "deny" ("neither confirm nor deny")."""
    deny = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in deny_forms)})\b")
    return tuple(c for c in cues if deny.search(c))


def _context(st: StatementRecord, docs) -> str:
    """The sentences before a statement in its article, and its own sentence up to it ("When asked about
    the weapons transfer allegation, Peskov said ...")."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return ""
    sentence, _, source = found
    ids = [s.id for s in source.sentences]
    k = ids.index(sentence.id)
    before = [s.text for s in source.sentences[max(0, k - CONTEXT_SENTENCES):k] if s.kind != "caption"]
    return " ".join(before + [sentence.text[: st.ref.start]])
