"""Claims and responses: who alleged what, and who answered how. Named passes over one state:

1. read:          each statement once: its stance, the side it charges, the allegation it names, and the
                  side its speakers act for.
2. allegations:   the propositions of the story: statements that charge a side with an act or accuse,
                  allegations an answer names in its own words ("rejected Western allegations that X"),
                  and plain assertions that may yet be answered.
3. propositions:  one claim per proposition. Identity is who is charged (a side) and with what (the words
                  the wordings share, weighted by how rare they are in English), not shared words alone:
                  two charges against different sides are two claims (a mutual accusation).
4. answers:       each denial, rejection, dismissal, refusal to comment or endorsement placed on the claim
                  it answers: the allegation it names; else the charge against the speaker's own side; else
                  the claim its words and the sentences before it are clearly about. An answer that fits no
                  claim clearly is left unplaced (review/): a wrong cell is worse than an empty one.
5. counters:      a responder's own charge against the makers' side of what it answers is a
                  counter-accusation, a claim of its own linked back by counter_to.

A claim nobody answers and that charges nobody is no claim: its statements stay statements.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..data import load_table
from ..model import (ClaimRecord, Confidence, Mention, ResponseRecord, StatementReading, StatementRecord,
                     UnplacedAnswer)
from .index import by_sentence
from .charges import (RECIPROCAL, _accused, _accused_in, _Sides, cleared, involvement_named, named_doers,
                      side_name)
from .stance import _accuses, _is_claim, _named_allegation, _names_any, stance_of
from .topics import Weighted, content_words, similarity, surface_form, weighted_words

OPPOSING = {"denies", "rejects", "dismisses", "counter-accuses"}
ANSWERS = OPPOSING | {"declines-comment", "supports"}
SAME_CLAIM = 0.34  # weighted share of the smaller wording two propositions must share to be one claim
SAME_CHARGE = 0.2  # the same, for two wordings that charge the same side: the charge itself says much
PLAIN_JOINS = 0.5  # the same, for a plain assertion (no charge) to join a claim: it must say much the same
WIDELY_REPORTED = 2  # sources an assertion that charges nobody needs before an answer is placed on it by words
DOMINANT = 2  # a charge reported by this many times the sources of the next is the story's main one
CLEAR_ANSWER = 0.2  # weighted share of an answer's words a claim must hold to be what it answers
MARGIN = 1.5  # the best claim must beat the next by this factor for an answer to be placed
TURNED_CLAIM = 4.0  # weighted words a counter-accusation needs to be a claim of its own (two rare ones)
CONTEXT_SENTENCES = 3  # preceding sentences of the same article read for what an answer is about
CONTEXT_WEIGHT = 0.5  # words of those sentences count half
# how sure a placement is, by how it was made (dossier.json and review/ show it): model.Confidence
NAMED, OWN_SIDE, BY_WORDS, BY_CONTEXT = (Confidence.NAMED_ANSWER, Confidence.OWN_SIDE, Confidence.BY_WORDS,
                                         Confidence.BY_CONTEXT)


def _stances() -> dict:
    return load_table("stances.yml")


# ---------------------------------------------------------------- the state the passes share


@dataclass
class Reading:
    """One statement as the claims stage reads it."""

    index: int
    statement: StatementRecord
    speakers: tuple[str, ...]
    side: frozenset[str]  # the states its speakers act for
    stance: str | None
    charged: frozenset[str]  # the sides its words charge with an act (never its speakers' own)
    named: tuple[str | None, list[str]] | None  # an allegation it names: (content, makers)
    words: dict[str, float]
    context: dict[str, float] = field(default_factory=dict)  # words of the sentences before it
    cleared: frozenset[str] = frozenset()  # the sides its words say did not do the act
    names_group: bool = False  # it says a group of no state did the act ("ISIS bears sole responsibility")


@dataclass
class Proposition:
    """One wording of what a claim asserts."""

    text: str
    makers: tuple[str, ...]
    charged: frozenset[str]
    source: str
    words: dict[str, float]
    statement: int | None = None  # None: named inside an answer
    named_by: int | None = None
    charges: bool = False  # it charges someone or is said with an accusing verb: an allegation
    endorses: bool = False  # said by a third party with a supporting verb ("confirmed that ...")

    edits = 0  # (not a field) wordings changed so far: a claim's views of its wordings are kept until then

    def __setattr__(self, name, value):
        if name in self.__dict__:  # a change, not the wording being made
            Proposition.edits += 1  # a pass may recharge a wording (implied_charges): every claim's views go stale
        object.__setattr__(self, name, value)


class _Wordings(list):
    """A claim's wordings, counting every addition in the dossier (`added`): views of all claims are kept
    until a wording is added anywhere, without summing every claim's wordings to find out."""

    added = 0

    def append(self, p) -> None:
        _Wordings.added += 1
        super().append(p)

    def extend(self, ps) -> None:
        _Wordings.added += 1
        super().extend(ps)


@dataclass
class _Claim:
    key: str
    props: list[Proposition] = field(default_factory=lambda: _Wordings())
    counter_to: str | None = None
    implied: bool = False  # its charge was read from a denial of it, not from its own words
    # what the properties below make of the wordings, kept until a wording is added or changed: the passes
    # ask each claim for them once per statement, and reading every wording each time grows with the corpus
    _views: dict = field(default_factory=dict, repr=False, compare=False)

    def _view(self, name: str, make):
        stamp = (len(self.props), Proposition.edits)
        held = self._views.get(name)
        if held is None or held[0] != stamp:
            held = self._views[name] = (stamp, make())
        return held[1]

    @property
    def statements(self) -> list[int]:
        return self._view("statements", lambda: list(dict.fromkeys(
            p.statement for p in self.props if p.statement is not None)))

    @property
    def statement_set(self) -> frozenset[int]:
        return self._view("statement_set", lambda: frozenset(self.statements))

    @property
    def makers(self) -> list[str]:
        return self._view("makers", lambda: list(dict.fromkeys(m for p in self.props for m in p.makers)))

    @property
    def distinct_words(self) -> list[dict[str, float]]:
        """Its wordings' words, each distinct set once: a new wording is compared with these, not with every
        copy of one sentence that many articles carry."""
        # grown by the wordings added since it was last asked (wordings are only ever added, or recharged,
        # which counts as an edit and starts it again): remade whole, a growing claim costs its size squared
        held = self._views.get("distinct_words")
        if held is None or held[1] != Proposition.edits or held[0] > len(self.props):
            held = (0, Proposition.edits, {})
        seen, edits, kinds = held
        for p in self.props[seen:]:
            kinds.setdefault(tuple(p.words.items()), p.words)
        self._views["distinct_words"] = (len(self.props), edits, kinds)
        return list(kinds.values())

    @property
    def topics(self) -> frozenset[str]:
        """Every topical word (no side) of its wordings."""
        return self._view("topics", lambda: frozenset(w for words in self.distinct_words for w in _topical_words(words)))

    @property
    def is_allegation(self) -> bool:
        return self._view("is_allegation", lambda: any(p.charges for p in self.props))

    @property
    def holding(self) -> dict[str, list[int]]:
        """Each word of its wordings -> the wordings holding it, as numbers of their distinct sets of words:
        what an answer's words are looked up in, instead of reading every wording for every answer. One
        set stands for every wording made of those words (the same sentence in many articles): an answer
        fits them alike."""
        def make():
            kinds: dict[frozenset[str], int] = {}
            out: dict[str, list[int]] = {}
            for p in self.props:
                kind = frozenset(p.words)
                if kind not in kinds:
                    kinds[kind] = len(kinds)
                    for w in p.words:
                        out.setdefault(w, []).append(kinds[kind])
            return out
        return self._view("holding", make)

    @property
    def against(self) -> frozenset[str]:
        """Whom the claim charges: the side most of its wordings charge, if at least half charge it (a
        claim that mentions someone's act in passing charges nobody)."""
        return self._view("against", self._against)

    def _against(self) -> frozenset[str]:
        # the wordings whose charge the parse found vote; plain assertions joined to it do not
        voters = [p for p in self.props if p.charges and p.charged]
        counts = Counter(x for p in voters for x in p.charged if x != RECIPROCAL)
        if not counts:
            return frozenset()
        top = max(counts.values())
        if top * 2 < len(voters):
            return frozenset()
        return frozenset(x for x, n in counts.items() if n == top)

    @property
    def involved(self) -> frozenset[str]:
        """Every side its wordings name or charge."""
        return self._view("involved", lambda: frozenset(
            w for p in self.props for w in (*p.charged, *p.words) if w.startswith("@")) - {RECIPROCAL})


@dataclass
class Answer:
    statement: int
    stance: str
    claim: _Claim | None
    confidence: float
    reason: str
    actor: str | None = None  # one of the statement's speakers only ("X and Y accused each other")


@dataclass
class ClaimState:
    statements: Sequence[StatementRecord]
    docs: dict
    by_sentence: dict
    sides: _Sides
    table: dict
    readings: list[Reading] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    claims: list[_Claim] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    reciprocal: list[int] = field(default_factory=list)  # "X and Y accused each other"
    days: dict = field(default_factory=dict)  # source id -> its publication day, where known
    stored: Sequence[StatementReading | None] = ()  # per statement, its reading kept with its article
    known_sides: dict = field(default_factory=dict)  # names -> the sides they act for, asked once per build
    story_words: dict = field(default_factory=dict)  # a word most statements hold -> the share of its weight it keeps
    views: dict = field(default_factory=dict, repr=False)  # what the passes ask of every claim, kept while no claim changes

    def weigh(self, text: str) -> Weighted:
        """A text's weighted words, the story's own subject words discounted (see story_discounts)."""
        return _discounted(weighted_words(text), self.story_words)

    def claim_of(self, statement: int) -> _Claim | None:
        def make() -> dict[int, _Claim]:
            found: dict[int, _Claim] = {}
            for c in self.claims:
                for i in c.statements:
                    found.setdefault(i, c)  # the first claim holding it, as a search in order finds
            return found
        return self._kept("claim_of", make).get(statement)

    def side_of(self, names: Iterable[str]) -> frozenset[str]:
        names = tuple(names)
        found = self.known_sides.get(names)
        if found is None:
            found = self.known_sides[names] = frozenset(self.sides.of_all(names))
        return found

    def answerable(self) -> list[tuple[_Claim, frozenset[str], object]]:
        """The claims an answer can be to, with their makers and first day: allegations, and assertions
        several sources report (a contested finding). Asked for every answer: kept until a claim or wording
        changes."""
        return self._kept("answerable", lambda: [(c, frozenset(c.makers), self.first_reported(c)) for c in self.claims
                                                 if c.is_allegation or _reach(c)[0] >= WIDELY_REPORTED])

    def by_maker(self) -> dict:
        """Positions of the claims each maker made, by name, by surname (("last", surname)) and by side
        (("side", side)): whose claims an answer names are looked up, not searched for (see _same_people)."""
        def make() -> dict:
            index: dict = {}
            for k, c in enumerate(self.claims):
                for m in c.makers:
                    index.setdefault(m, []).append(k)
                    if len(m.split()) > 1:
                        index.setdefault(("last", m.split()[-1]), []).append(k)
                for side in self.side_of(c.makers):
                    index.setdefault(("side", side), []).append(k)
            return index
        return self._kept("by_maker", make)

    def _kept(self, name: str, make):
        """A view of every claim, made again only when a claim, or a wording of one, was added or changed."""
        stamp = (len(self.claims), _Wordings.added, Proposition.edits)
        held = self.views.get(name)
        # (a claim is only removed when merged into another, which adds wordings to it)
        if held is None or held[0] != stamp:
            held = self.views[name] = (stamp, make())
        return held[1]

    def first_reported(self, c: _Claim):
        def make():
            days = [d for d in (self.days.get(p.source) for p in c.props) if d is not None]
            return min(days) if days else None
        return c._view("first_reported", make)

    def later_than(self, c: _Claim, r: Reading) -> bool:
        """Was the claim first reported after the article carrying this answer? Then the answer cannot be to
        it (an answer published on the 3rd does not answer what was first alleged on the 4th)."""
        first, day = self.first_reported(c), self.days.get(r.statement.ref.source)
        return first is not None and day is not None and first > day


def find_claims(statements: Sequence[StatementRecord], parsed: Sequence = (), mentions: Iterable[Mention] = (),
                readings: Sequence[StatementReading | None] = ()
                ) -> tuple[list[ClaimRecord], list[ResponseRecord], list[UnplacedAnswer]]:
    """The claims and responses of the dossier. `readings`, per statement, are those kept with the
    articles (read_statement); a statement without one (None, or none given) is read here."""
    state = _state(statements, parsed, mentions, readings)
    for run in PASSES:
        run(state)
    return _records(state)


def _state(statements, parsed, mentions, readings=()) -> ClaimState:
    mentions = list(mentions)
    docs = {(p.source.id, s.id): (s, d, p.source) for p in parsed for s, d in zip(p.source.sentences, p.docs)}
    days = {p.source.id: p.source.published for p in parsed if p.source.published is not None}
    return ClaimState(statements, docs, by_sentence(mentions), _Sides(mentions), _stances(), days=days,
                      stored=readings)


# ---------------------------------------------------------------- 1. read


def read(state: ClaimState) -> None:
    for i, st in enumerate(state.statements):
        speakers = tuple(s for s in (st.speaker_text, *st.co_speakers) if s)
        side = state.side_of(speakers)
        seen = state.stored[i] if i < len(state.stored) else None
        if seen is None:
            seen = read_statement(st, state.docs, state.by_sentence, state.table, state.sides)
        charged = seen.accused - side
        defended = seen.cleared
        stance = seen.stance
        if stance == "rejects" and seen.shifts_blame:
            defended, charged = defended | charged, frozenset()  # "trying to pin it on X": X is defended
        if stance == "denies" and seen.neither_confirms:
            stance = "declines-comment"  # "would not confirm or deny the report": the cue split it off
        if stance is None and defended and not charged:
            # "the blast was not caused by Israel": a denial by Israel's side, a rejection by another side
            stance = "rejects" if side and not side & defended else "denies"
        names_group = False
        if stance is None and _claims_responsibility(st, state.docs, state.table):
            charged = frozenset({OWN_ACT})  # "IS claimed responsibility": its makers charge themselves
        elif stance in {None, "supports"} and not charged and _names_a_group(state, st, speakers):
            # "ISIS bears sole responsibility", said by another: the charge a claim of responsibility makes
            charged, names_group = frozenset({OWN_ACT}), True
        named = seen.named if seen.named is None else (seen.named[0], list(seen.named[1]))
        state.readings.append(Reading(
            i, st, speakers, side, stance, frozenset(charged), named, Weighted(seen.words), Weighted(seen.context),
            cleared=defended, names_group=names_group))
    _unless_someone_claimed_it(state.readings)
    state.story_words = story_discounts([r.words for r in state.readings])
    for r in state.readings:
        r.words, r.context = _discounted(r.words, state.story_words), _discounted(r.context, state.story_words)


OWN_ACT = "#own-act"  # the side a claim of responsibility charges: its makers themselves, whoever they are


def _claims_responsibility(st: StatementRecord, docs, table: dict) -> bool:
    """'IS claimed responsibility for the attack', 'the group took credit', 'IS claims Kerman attack':
    its speakers say they did the act. Not 'no group has claimed responsibility', nor a denial of it."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None or not st.speaker_text:
        return False
    _, doc, _ = found
    verbs = set(table.get("responsibility_verbs") or ())
    nouns = set(table.get("responsibility_nouns") or ())
    acts = {w.lower() for w in table.get("act_nouns") or ()}
    for t in doc:
        if not (st.ref.start <= t.idx < st.ref.end) or t.lemma_.lower() not in verbs:
            continue
        objects = [c.lemma_.lower() for c in t.children if c.dep_ == "dobj"]
        owned = any(o in nouns for o in objects) or (t.lemma_.lower() == "claim" and any(
            o in acts or c.lower_ in acts for o, c in zip(objects, (c for c in t.children if c.dep_ == "dobj"))))
        negated = any(c.dep_ == "neg" for c in t.children) or any(
            c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in {"nobody", "none"}
                                                  or any(d.lower_ == "no" for d in c.children)) for c in t.children)
        if owned and not negated:
            return True
    return False


def _names_a_group(state: ClaimState, st: StatementRecord, speakers: tuple[str, ...]) -> bool:
    """Does the statement name as the act's doer a body or group that acts for no state ("ISIS bears sole
    responsibility for this attack"), other than its speakers?"""
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return False
    _, doc, _ = found
    mentions = state.by_sentence.get((st.ref.source, st.ref.sentence), [])
    for t in named_doers(doc, st.ref.start, st.ref.end, state.table):
        m = next((m for m in mentions if m.ref.start <= t.idx < m.ref.end), None)
        if m is not None and m.kind in {"organization", "group"} and m.text not in speakers \
                and state.sides.of(m.text) is None:
            return True
    return False


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


def _discounted(words: dict[str, float], discounts: dict[str, float]) -> Weighted:
    if not discounts:
        return words if isinstance(words, Weighted) else Weighted(words)
    return Weighted({w: v * discounts.get(w, 1.0) for w, v in words.items()})


def read_statement(st: StatementRecord, docs, by_sentence, table: dict, sides: _Sides) -> StatementReading:
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
    placed, table = by_sentence(mentions), _stances()
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


def _shifts_blame(text: str, table: dict) -> bool:
    low = text.lower()
    return any(c in low for c in table.get("blame_shift_cues") or ())


def _neither_confirms_nor_denies(st: StatementRecord, docs, table: dict) -> bool:
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return False
    clause = found[0].text[:st.ref.end].lower().replace("’", "'")
    return any(c in clause for c in table["cues"]["declines-comment"] if "deny" in c)


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


# ---------------------------------------------------------------- 2. allegations


def find_allegations(state: ClaimState) -> None:
    claimants = sorted({s for r in state.readings if OWN_ACT in r.charged for s in r.speakers})
    for r in state.readings:
        st = r.statement
        if RECIPROCAL in r.charged and r.stance is None:
            state.reciprocal.append(r.index)
            continue
        named = _named_content(state, r)
        if named is not None:
            state.propositions.append(named)
        reported = _reported_allegation(state, r) if named is None else None
        if reported is not None:
            state.propositions.append(reported)
            continue
        if r.stance in OPPOSING - {"counter-accuses"} or r.stance == "declines-comment":
            continue  # an answer; what it names is above
        accusing = _accuses(st, state.table)
        charged = r.charged - {RECIPROCAL}
        if not charged and not accusing and not _is_claim(st, state.table) and not (
                claimants and _says_they_did_it(st.text, claimants)):
            continue
        if r.stance == "counter-accuses" and not charged:
            continue  # an answer that charges nobody by name ("double standards")
        if r.names_group:
            # a third party's charge against a group of no state: it backs that group's own claim, if any
            state.propositions.append(Proposition(st.text, r.speakers, r.charged, st.ref.source, r.words,
                                                  statement=r.index, charges=True, endorses=True))
            continue
        if r.stance == "supports" and r.named is not None and r.named[0] and not r.named[1]:
            # "X called credible allegations that Y": allegations nobody else is named for, held credible
            # by the speaker, are the speaker's own
            state.propositions.append(Proposition(
                r.named[0], r.speakers, _named_charged(state, st, r.named[0]) - r.side, st.ref.source,
                state.weigh(r.named[0]), statement=r.index, charges=True))
            continue
        if r.stance == "supports" and (r.named is not None or not accusing):
            continue  # an endorsement of what someone else alleged, placed in pass 4
        state.propositions.append(Proposition(
            st.text, r.speakers, charged, st.ref.source, r.words, statement=r.index,
            charges=bool(charged) or accusing, endorses=r.stance == "supports"))


def _named_content(state: ClaimState, r: Reading) -> Proposition | None:
    """The allegation an answer names ("rejected Western allegations that Russia breached ..."): a
    wording of its own, made by the named makers."""
    if r.named is None or r.named[0] is None or r.stance not in ANSWERS or \
            (r.stance == "supports" and not r.named[1]):
        return None
    text, makers = r.named
    charged = _named_charged(state, r.statement, text) - r.side
    if not charged and r.stance in OPPOSING and r.side and any(w in r.side for w in weighted_words(text)):
        charged = r.side  # "denied reports of Russia's role": the charge the speaker's side answers
    return Proposition(text, tuple(makers), frozenset(charged), r.statement.ref.source, state.weigh(text),
                       named_by=r.index, charges=bool(charged or makers))


def _reported_allegation(state: ClaimState, r: Reading) -> Proposition | None:
    """"Peskov, commenting on Pompeo's allegation that Iran could have been involved": a speaker who only
    speaks of someone else's allegation, taking no stance on it, reports it; the allegation is its makers'."""
    if r.stance is not None or r.named is None or not r.named[0] or not r.named[1] \
            or set(r.named[1]) & set(r.speakers):
        return None
    text, makers = r.named
    charged = _named_charged(state, r.statement, text)
    if not charged:
        return None
    return Proposition(text, tuple(makers), frozenset(charged), r.statement.ref.source, state.weigh(text),
                       statement=r.index, charges=True)


def _named_charged(state: ClaimState, st: StatementRecord, text: str) -> frozenset[str]:
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None or not text:
        return frozenset()
    _, doc, _ = found
    at = doc.text.find(text)
    return _accused_in(doc, at, at + len(text), "", state.table) if at >= 0 else frozenset()


# ---------------------------------------------------------------- 3. one claim per proposition


def group_propositions(state: ClaimState) -> None:
    """Each proposition joins the claim one of whose wordings says the same of the same side, else starts
    one. Wordings are compared one by one so that a claim does not grow into everything it touches on.
    Allegations are grouped first, then plain assertions, then allegations named in answers, so that a
    claim is built around what charges someone. Only claims sharing a topical word with a wording can be
    its claim (any other scores nothing), so each is looked up by its words, not compared with all."""
    order = sorted(state.propositions, key=lambda p: (p.named_by is not None, not p.charges))
    by_word: dict[str, dict[int, _Claim]] = {}  # topical word -> the claims holding it, by position
    for p in order:
        best, best_score = None, 0.0
        found = {k: c for w in _topical_words(p.words) for k, c in by_word.get(w, {}).items()}
        for _, c in sorted(found.items()):
            if not _same_side(p, c, state):
                continue
            plain = not p.charges
            score = max((similarity(p.words, words) if not plain or _shared_topics(p.words, words) >= PLAIN_SHARED
                         else 0.0) for words in c.distinct_words)
            if OWN_ACT in c.against and not p.charged and _names_as_doers(p, c.makers):
                score = 1.0  # "Islamic State fighters carried out the attack": who claimed it, named as its doers
            # the same charge from the same side needs little to be one claim; from a third side, what it
            # adds is often a charge of its own ("and its network of killings has gone global")
            same_makers = not _other_side(state.side_of(p.makers), state.side_of(c.makers))
            needed = SAME_CHARGE if p.charged & c.against and same_makers else \
                SAME_CLAIM if p.charges or not c.is_allegation else PLAIN_JOINS
            if score >= needed and score > best_score:
                best, best_score = c, score
        if best is None and p.named_by is not None:
            best = _made_by_named_makers(p, state)
            if best is None and not (p.makers or p.charged):
                continue  # "claims over the leader's death": names no claim we can build; placed by its words
        if best is None:
            best = _Claim(f"c{len(state.claims)}")
            state.claims.append(best)
        best.props.append(p)
        position = int(best.key[1:])
        for w in _topical_words(p.words):
            by_word.setdefault(w, {})[position] = best
    _consolidate(state)


def _topical_words(words: dict[str, float]) -> list[str]:
    return [w for w in words if not w.startswith("@")]


PLAIN_SHARED = 3  # topical words two plain assertions must share to be one: one name alone is a subject, not a proposition


def _shared_topics(a: dict[str, float], b: dict[str, float]) -> int:
    return sum(1 for w in a if w in b and not w.startswith("@"))


def _consolidate(state: ClaimState) -> None:
    """Grouping one wording at a time depends on their order: a charge whose side the parse found only in
    later wordings may have started a claim of its own. Two claims charging the same side, made by the same
    side (or one unknown), whose charging wordings say the same, are one. Pairs are looked up by side and
    word (claims sharing neither cannot be one), in the claims' order."""
    while _merge_first_pair(state):
        pass


def _merge_first_pair(state: ClaimState) -> bool:
    against = {id(c): c.against for c in state.claims}
    block: dict[tuple[str, str], list[int]] = {}
    for k, c in enumerate(state.claims):
        for side in against[id(c)]:
            for w in c.topics:
                block.setdefault((side, w), []).append(k)
    for k, a in enumerate(state.claims):
        if not against[id(a)]:
            continue
        near = sorted({j for side in against[id(a)] for w in a.topics for j in block.get((side, w), ()) if j != k})
        for j in near:
            b = state.claims[j]
            if _other_side(state.side_of(a.makers), state.side_of(b.makers)):
                continue
            if _claim_similarity(a, b) >= SAME_CHARGE:
                a.props.extend(b.props)
                a.implied = a.implied and b.implied
                state.claims.remove(b)
                return True
    return False


def _other_side(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both sides known and disjoint."""
    return bool(a and b and not a & b)


def _made_by_named_makers(p: Proposition, state: ClaimState) -> _Claim | None:
    """"dismissed US statements about X": the allegation those makers made (against the answerer's side,
    for a denial), when the answer's own words for it differ from theirs."""
    r = state.readings[p.named_by]
    return _by_makers(state, r, p.makers)


def _by_makers(state: ClaimState, r: Reading, makers) -> _Claim | None:
    named_side = state.side_of(makers)
    index = state.by_maker()
    near = {k for n in makers for k in (*index.get(n, ()), *(index.get(("last", n), ()) if len(n.split()) == 1 else ()))}
    near |= {k for side in named_side for k in index.get(("side", side), ())}
    theirs = [c for c in (state.claims[k] for k in sorted(near)) if not state.later_than(c, r) and c.statements]
    # their allegations; else, for "the new Saudi narrative", the account they gave
    found = [c for c in theirs if c.is_allegation] or theirs
    if r.stance in OPPOSING:
        found = [c for c in found if c.against] or found  # what is denied of their words is whom they charge
    if r.stance in OPPOSING | {"declines-comment"} and r.side:
        # the charge against its own side, if those makers made one before it spoke; else a third party's
        # answer to what they alleged
        found = [c for c in found if c.against & r.side or r.side & c.involved] or \
            [c for c in found if not r.side & state.side_of(c.makers)]
    return _clear_best(found, r, require=len(found) > 1) or _dominant(found) if found else None


def _same_people(named, makers) -> bool:
    """Do the named makers include one of these, by name or by surname alone ("Lipa's report", "Jan Lipa")?"""
    full = set(makers)
    last = {m.split()[-1] for m in makers if len(m.split()) > 1}
    return any(n in full or (len(n.split()) == 1 and n in last) for n in named)


def _same_side(p: Proposition, c: _Claim, state: ClaimState) -> bool:
    """Can p be a wording of c, by whom each charges? The same side charged, or one act seen from both
    ends ("X supplied Y", "Y received from X"); never a charge against the side the other's makers act
    for (that is its answer, a mutual accusation). A wording charging nobody joins a charge it names the
    charged side of, or one its own makers made."""
    against = c.against
    if OWN_ACT in p.charged or OWN_ACT in against:
        # a claim of responsibility is its makers' own account: it joins another one only, and nothing but
        # its makers' further words joins it (a charge against someone else is another proposition)
        if OWN_ACT in p.charged:
            return OWN_ACT in against
        # its makers' further words, or another's that name them as the doers ("Islamic State fighters
        # carried out the attack", said by a third side: a backing, settled in _endorsements)
        return not p.charged and (bool(set(p.makers) & set(c.makers)) or _names_as_doers(p, c.makers))
    makers_side = state.side_of(c.makers)
    p_side = state.side_of(p.makers)
    if p.charged & makers_side or against & p_side:
        return False
    if p.charged and against:
        if p.charged & against:
            return True
        p_involved = p.charged | {w for w in p.words if w.startswith("@")}
        return p.charged <= c.involved and against <= p_involved
    if p.charged or against:
        # a wording charging nobody joins a charge only from the charge's own makers (who say more about
        # it), never from a third party
        if p.charged:
            return bool(set(p.makers) & set(c.makers)) or bool(p_side & makers_side)
        # or from anyone whose words name the charged side (a charge the parse did not see as one)
        return bool(set(p.makers) & set(c.makers)) or bool(p_side & makers_side) or \
            bool(against & {w for w in p.words if w.startswith("@")})
    # neither charges anyone: two wordings of one contested assertion, by whoever, but one side's assertion
    # is not the other side's (in a contested story it is most often its answer: "a science-based conclusion")
    return not _other_side(p_side, makers_side)


def _names_as_doers(p: Proposition, makers: list[str]) -> bool:
    """Does a wording that charges no state name these makers in so many words, as the subject of what it
    says ("Islamic State fighters carried out the attack")?"""
    return p.statement is not None and _says_they_did_it(p.text, makers)


def _says_they_did_it(text: str, makers: Iterable[str]) -> bool:
    return any(len(m) > 2 and re.match(rf"(?:the\s+)?{re.escape(m)}\b", text, re.IGNORECASE) for m in makers)


def implied_charges(state: ClaimState) -> None:
    """A side that denies any involvement though no statement charges it in so many words answers what
    other sides said of it ("the gunmen were caught heading to Bolivia"; "Bolivia has denied any
    involvement"): the denial shows those wordings for the charge they imply. So does a third party's
    denial on its behalf ("there was no Bolivian involvement"). They charge it from now on, and claims so
    charging it by the same side are one."""
    implied = False
    for r in state.readings:
        if r.stance not in OPPOSING - {"counter-accuses"}:
            continue
        # its own side, where it speaks of a part in the act or of an allegation ("called the accusation
        # ..."); the side its words clear, whoever speaks
        own = r.side if r.side and (_speaks_of_involvement(r) or r.named is not None) else frozenset()
        for side in (own, r.cleared - r.side):
            if side and not any(c.against & side for c in state.claims if c.is_allegation) \
                    and not _implicated_in_a_charge(state, r, side):
                implied = _imply(state, r, side) or implied
    if implied:
        _consolidate(state)


def _implicated_in_a_charge(state: ClaimState, r: Reading, side: frozenset[str]) -> bool:
    """Is the side named in a charge against another whose words the denial clearly shares ("denies
    involvement in the Istanbul attack", by a force the charge against its allies names)? The denial
    answers that charge; no wording that only mentions the side is read as charging it."""
    return any(c.is_allegation and c.against and side & c.involved and _fit(r.words, c) >= CLEAR_ANSWER
               for c in state.claims)


def _imply(state: ClaimState, r: Reading, side: frozenset[str]) -> bool:
    """Charge `side` in the wordings of other sides' claims that name it; True if any did."""
    implied = False
    named_makers = r.named[1] if r.named is not None else []
    for c in state.claims:
        makers = state.side_of(c.makers)
        if c.against or not makers or makers & (side | r.side) or state.later_than(c, r):
            continue
        if named_makers and not _same_people(named_makers, c.makers):
            continue  # "dismissed Lipa's report": what Lipa said, not what others said of its side
        for p in c.props:
            if side & {w for w in p.words if w.startswith("@")} and p.statement is not None:
                p.charged, p.charges, implied = p.charged | side, True, True
                c.implied = True
    return implied


# ---------------------------------------------------------------- 4. answers


def place_answers(state: ClaimState) -> None:
    named_claim = {p.named_by: c for c in state.claims for p in c.props if p.named_by is not None}
    partners = _mutual(state)
    for r in state.readings:
        stance = r.stance
        contrasted = _contrasted(state, r) if stance is None else None
        if contrasted is not None and not (r.side & (contrasted.against | contrasted.involved)
                                           or _fit(r.words, contrasted) > 0):
            contrasted = None  # a side the charge does not name, on another subject: no answer to it
        if contrasted is not None:
            # "X claimed that A, while Y said B": Y speaks past X's charge
            own = state.claim_of(r.index)
            makers_side = state.side_of(contrasted.makers)
            turned = (r.charged & makers_side) or (own is not None and own.against & makers_side)
            state.answers.append(Answer(r.index, "counter-accuses" if turned else state.table["contrast_stance"],
                                        contrasted, BY_WORDS, "set against the claim in the same sentence"))
            continue
        if stance is None or stance == "counter-accuses" and state.claim_of(r.index) is not None \
                and r.charged and not _answers_named(r, named_claim):
            continue  # a charge of its own; pass 5 links it to what it turns back
        if stance == "supports" and state.claim_of(r.index) is not None:
            continue  # its words are a wording of a claim; endorsements are settled below
        own = _own_charge_restated(state, r, named_claim)
        if own is not None:
            # "any Indian government involvement would be unacceptable", said by the side that alleges it:
            # what it rejects is the act it charges, not a charge against itself
            own.props.append(Proposition(r.statement.text, r.speakers, r.charged, r.statement.ref.source,
                                         r.words, statement=r.index, charges=True))
            continue
        if _refuses_a_gesture(state, r):
            state.answers.append(Answer(r.index, stance, None, 0.0, "it refuses a gesture, not a claim"))
            continue
        claim, confidence, reason = _target(state, r, named_claim)
        if claim is not None and stance == "rejects" and claim.against and not claim.against & r.side \
                and _condemns_the_act(r.statement.text, state.table):
            stance = "supports"  # "if the report is true, this is unacceptable": the act condemned, the charge taken up
        if claim is None and stance == "declines-comment":
            claim = _either_side(state, r, partners)
            confidence, reason = (BY_WORDS, "will not say which side did it") if claim else (confidence, reason)
        state.answers.append(Answer(r.index, stance, claim, confidence, reason))
        if claim is not None and stance == "declines-comment" and claim.key in partners \
                and not r.side & (claim.against | claim.involved | state.side_of(claim.makers)):
            # who will not say who did it answers both sides of a mutual accusation
            other = next(c for c in state.claims if c.key == partners[claim.key])
            state.answers.append(Answer(r.index, stance, other, confidence, "one side of a mutual accusation"))
    _endorsements(state)


def _refuses_a_gesture(state: ClaimState, r: Reading) -> bool:
    """'reject the condolences of the U.S. Embassy', 'rejected a statement of condolence', 'Ankara's
    rejection of the US condolences': what is refused is a gesture, not an allegation, so the refusal
    answers no charge against its side."""
    st = r.statement
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return False
    _, doc, _ = found
    gestures = set(state.table.get("gesture_nouns") or ())
    refusals = set(state.table.get("refusal_heads") or ())
    for t in doc:
        if st.ref.start <= t.idx < st.ref.end and t.lemma_.lower() in gestures and t.pos_ == "NOUN":
            up = t
            for _ in range(4):  # through "a statement of", "the U.S. Embassy's": the word that refuses it
                if up.dep_ not in {"dobj", "pobj", "prep", "nsubjpass", "conj"} or up.head is up:
                    break
                up = up.head
                if up.lemma_.lower() in refusals:
                    return True
    return False


def _condemns_the_act(text: str, table: dict) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in table.get("act_condemnations") or ())


def _own_charge_restated(state: ClaimState, r: Reading, named_claim: dict) -> _Claim | None:
    """The allegation a rejection restates: its speaker's side made it, it charges the side the rejection
    charges, and the rejection's words fit it."""
    if r.stance not in OPPOSING - {"denies"} or not r.charged or not r.side or r.index in named_claim:
        return None
    found = [c for c in state.claims if c.is_allegation and c.against & r.charged and not c.against & r.side
             and r.side & state.side_of(c.makers) and _fit(r.words, c) >= CLEAR_ANSWER]
    return _clear_best(found, r, require=len(found) > 1)


def _either_side(state: ClaimState, r: Reading, partners: dict[str, str]) -> _Claim | None:
    """A refusal to say who did it, whose words fit the two charges of a mutual accusation alike: one of
    them (its partner is answered too)."""
    scored = sorted(((_fit(r.words, c), c) for c in state.claims if c.key in partners), key=lambda x: -x[0])
    if len(scored) >= 2 and scored[0][0] >= CLEAR_ANSWER and partners[scored[0][1].key] == scored[1][1].key:
        return scored[0][1]
    return None


def _contrasted(state: ClaimState, r: Reading) -> _Claim | None:
    """The allegation an earlier statement of the same sentence makes, when a contrast mark ("while",
    "whereas") sets this statement against it and another speaker made it."""
    st = r.statement
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None or not st.speaker_text:
        return None
    _, doc, _ = found
    marks = [t for t in doc if t.dep_ == "mark" and t.lower_ in state.table["contrast_marks"]
             and t.idx < st.ref.start and t.head.dep_ == "advcl" and t.head.idx < st.ref.start]
    if not marks:
        return None
    for k in range(r.index - 1, -1, -1):
        other = state.statements[k]
        if (other.ref.source, other.ref.sentence) != (st.ref.source, st.ref.sentence):
            break
        claim = state.claim_of(k)
        if claim is not None and other.ref.end <= marks[-1].idx + 1 and other.speaker_text != st.speaker_text:
            return claim
    return None


def _answers_named(r: Reading, named_claim: dict) -> bool:
    return r.index in named_claim


def _target(state: ClaimState, r: Reading, named_claim: dict) -> tuple[_Claim | None, float, str]:
    """The claim an answer answers, how sure, and why; (None, 0, why) when none is clear."""
    claim = named_claim.get(r.index)
    if claim is not None and not set(r.speakers) & set(claim.makers):
        return claim, NAMED, "names the allegation"
    if r.named is not None and r.named[0] is None and r.named[1]:
        claim = _by_makers(state, r, r.named[1])  # "dismissed US claims"
        if claim is not None and not set(r.speakers) & set(claim.makers):
            return claim, NAMED, "names the allegation's makers"
    if r.stance in OPPOSING - {"denies"} and _names_denials(r.statement.text, state.table):
        # "these efforts to deny it are ridiculous": it answers the denials of a charge, not a charge
        return None, 0.0, "it answers the denials, not a claim"
    # what can be answered: allegations, and assertions several sources report (a contested finding)
    speakers, day = set(r.speakers), state.days.get(r.statement.ref.source)
    allegations = [c for c, makers, first in state.answerable() if not speakers & makers
                   and not (first is not None and day is not None and first > day)]  # state.later_than, kept
    if r.stance != "supports":
        # the charge against its own side, or one its side is implicated in ("X supplied Y": Y answers);
        # without a side of its own, the side its words defend ("I can't imagine that Putin did it")
        sides = r.side | (_defended(r) if r.stance == "denies" else r.cleared)
        if r.named is not None and r.named[1]:
            # "Turkey is making false accusations": the side whose accusations it answers is no side it defends
            sides = sides - (state.side_of(r.named[1]) - r.side)
        own = [c for c in allegations if c.against & sides]
        # a charge its side is only named in counts where the answer's words or context are about it; a
        # claim that charges nobody, only where they fit it clearly better than any charge against it
        words = _merged(r.words, r.context)
        implicated = [c for c in allegations if c not in own and sides & c.involved
                      and not r.side & state.side_of(c.makers)  # its makers' own side answers the denials
                      and max(_fit(r.words, c), _fit(words, c)) >= CLEAR_ANSWER]
        best_own = max((_fit(words, c) for c in own), default=0.0)
        # ... or its words clear a side in so many words ("no evidence that it was a rocket launched by Russia")
        about_itself = bool(own) and (_speaks_of_involvement(r) or bool(r.cleared))
        if about_itself:
            # "denied any involvement", "we did not do this": its part in the act, which the charge against
            # its side is about, not a charge it is only named in
            implicated = []
        pool = own + [c for c in implicated if (c.is_allegation and c.against) or _fit(words, c) >= MARGIN * best_own]
        # answering on another side's behalf ("no evidence of Ukrainian involvement"): the charge against the
        # side its words name, where they fit it; said in so many words, that is what it answers, even by a
        # side that is charged with something else
        named = involvement_named(r.statement, state.docs, state.table) - sides
        on_behalf = [c for c in allegations if c.against & named and max(_fit(r.words, c), _fit(words, c)) > 0]
        # a side merely named beside words of involvement ("no indication that Bolivia was involved"): the
        # charge against it, where the answer's words fit it clearly
        loosely = frozenset(w for w in r.words if w.startswith("@")) & _countries_named(r.statement.text) - sides \
            if _speaks_of_involvement(r) and not about_itself else frozenset()
        pool = on_behalf or pool + [c for c in allegations if c not in pool and c.against & loosely
                                    and max(_fit(r.words, c), _fit(words, c)) >= CLEAR_ANSWER]
        if pool:
            chosen = _clear_best(pool, r, require=len(pool) > 1)
            if chosen is not None and _about_its_own_charge(state, r, chosen):
                return None, 0.0, "its words are about a charge its own side makes, not the one against it"
            if chosen is not None:
                if chosen.implied:
                    return chosen, BY_CONTEXT, "answers what another side implied of its side"
                return chosen, OWN_SIDE, "answers the charge against its own side"
            main = _dominant(pool)
            if main is not None:
                return main, BY_WORDS, "answers the main charge against its own side"
            return None, 0.0, "several charges against its side, and its words fit none clearly"
        if r.side:
            return None, 0.0, "no claim charges its side; the charge it answers was not found"
    candidates = allegations
    if r.stance == "declines-comment" and not r.side and not any(_fit(r.words, c) > 0 for c in allegations):
        # "The Central Intelligence Agency declined to comment", by a speaker of no known side: only the
        # sentences before say what on, and they often report another side's claim
        return None, 0.0, "a refusal to comment on what its words do not say"
    if r.stance == "supports":
        # an endorsement backs a charge against another side, made by another side; its own words'
        # charge, if any, says against whom
        candidates = [c for c in allegations if c.is_allegation and not c.against & r.side
                      and not state.side_of(c.makers) & r.side and (not r.charged or c.against & r.charged)]
    if r.stance in OPPOSING and _speaks_of_involvement(r):
        # "denied SDF involvement in the attack": someone's part in the act is what a charge says, so it
        # answers only a claim that charges someone, however well its words fit another
        candidates = [c for c in candidates if c.against]
    chosen = _clear_best(candidates, r, require=True, threshold=CLEAR_ANSWER)
    if chosen is not None:
        return chosen, BY_WORDS, "its words are the claim's"
    if r.stance == "supports" and r.side:
        # a third party's backing that names no claim: the story's main charge, if one stands well ahead
        charges = [c for c in candidates if c.against]
        main = _dominant(charges) if charges else None
        if main is not None and _reach(main)[0] >= WIDELY_REPORTED and _fit(_merged(r.words, r.context), main) > 0:
            return main, BY_CONTEXT, "backs the story's main charge"
    return None, 0.0, "its words fit no claim clearly"


def _about_its_own_charge(state: ClaimState, r: Reading, chosen: _Claim) -> bool:
    """"These were not weapons the rebels had", said by the side that charges a third: words that fit its
    own side's charge clearly and the charge against its side not at all argue the former. That it is the
    one charge against its side does not make it what they answer."""
    if _fit(r.words, chosen) > 0:
        return False
    made = [c for c in state.claims if c.is_allegation and c.against and c is not chosen
            and (set(r.speakers) & set(c.makers) or r.side & state.side_of(c.makers))]
    return any(_fit(r.words, c) >= CLEAR_ANSWER for c in made)


def _names_denials(text: str, table: dict) -> bool:
    """An answer to the denials themselves ("their denials are absurd", "efforts to deny it are ridiculous")."""
    nouns = "|".join(re.escape(w) for w in table.get("denial_nouns") or ())
    tries = "|".join(re.escape(w) for w in table.get("attempt_words") or ())
    return bool(nouns and re.search(rf"(?i)\b(?:{nouns}|(?:{tries})\s+to\s+deny)\b", text))


def _speaks_of_involvement(r: Reading) -> bool:
    """The answer speaks of someone's part in the act ("no evidence of Bolivian involvement", "had nothing to
    do with"), not of an account or a narrative."""
    return bool(content_words("involvement") & set(r.words))


def _defended(r: Reading) -> frozenset[str]:
    """The side a denial defends: the one its words say did not do it ("Putin can't be behind it"), else,
    without a side of its own, the one it names ("Ukraine has nothing to do with it")."""
    if r.charged:
        return r.charged
    if r.cleared:
        return r.cleared
    if r.side:
        return frozenset()
    # a country named by its name or its people's; a city only says where ("the Istanbul attack")
    return frozenset(w for w in r.words if w.startswith("@")) & _countries_named(r.statement.text)


def _countries_named(text: str) -> frozenset[str]:
    return frozenset(w for w in content_words(text) if w.startswith("@"))


def _clear_best(claims: list[_Claim], r: Reading, require: bool, threshold: float = 0.0) -> _Claim | None:
    """The claim an answer's words (then its context's) are clearly about: above the threshold, and ahead of
    the next by MARGIN. Without `require`, a single claim is taken whatever its score."""
    if not claims:
        return None
    if not require and len(claims) == 1:
        return claims[0]
    for words, weight in ((r.words, 1.0), (_merged(r.words, r.context), CONTEXT_WEIGHT)):
        scored = sorted(((_fit(words, c), c) for c in claims), key=lambda s: -s[0])
        best = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        if best[0] * weight >= max(threshold * weight, 1e-9) and best[0] >= MARGIN * second:
            return best[1]
    return None


def _dominant(claims: list[_Claim]) -> _Claim | None:
    """The charge most sources report, if it stands well ahead of the next."""
    reach = sorted(((_reach(c)[0], c) for c in claims), key=lambda x: -x[0])
    if len(reach) == 1 or reach[0][0] >= 2 and reach[0][0] >= DOMINANT * reach[1][0]:
        return reach[0][1]
    return None


def _reach(c: _Claim) -> tuple[int, int]:
    """How widely a claim is reported: its sources, then its wordings."""
    return c._view("reach", lambda: (len({p.source for p in c.props}), len(c.props)))


def _merged(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    out = {w: v * CONTEXT_WEIGHT for w, v in b.items()}
    out.update(a)
    return out


def _fit(words: dict[str, float], c: _Claim) -> float:
    """How much of an answer's weighted words a claim's wordings hold (the best wording). The wordings
    holding each word are looked up (_Claim.holding), so only those sharing a word are read; each one's
    weights add up in the answer's order, as reading them all would."""
    total = sum(v for w, v in words.items() if not w.startswith("@")) or 1.0
    holding, held = c.holding, {}
    for w, v in words.items():
        if not w.startswith("@"):
            for k in holding.get(w, ()):
                held.setdefault(k, []).append(v)
    return max((sum(vs) for vs in held.values()), default=0) / total


def _endorsements(state: ClaimState) -> None:
    """A third party saying what a claim says, with a supporting verb or charging the same side itself,
    supports it: its side is known and is neither the charged side nor the side of the claim's first makers
    (the first wording whose makers' side is known)."""
    for c in state.claims:
        said = [p for p in c.props if p.statement is not None]
        if not said:
            continue
        # the claim is its first makers' (the earliest article, then the first wording); on an account that
        # charges nobody, another side saying the same backs it, whatever its verb
        own_act = OWN_ACT in c.against  # a claim of responsibility: its makers have no side but their own
        sided = ([p for p in said if OWN_ACT in p.charged and not p.endorses] if own_act else
                 [p for p in said if p.makers]) or said
        first = min(sided, key=lambda p: (state.days.get(p.source) is None, state.days.get(p.source) or 0,
                                          sided.index(p)))
        makers_side = state.side_of(first.makers)
        for p in said:
            if p is first or not (p.endorses or not c.is_allegation or own_act
                                  or p.charged & c.against and _takes_it_up(state, c, p, first)):
                continue
            side = state.side_of(p.makers)
            if not side or side & c.against or set(p.makers) & set(first.makers) or _hedged(p.text, state.table):
                continue
            # a side other than the first makers'; where theirs is unknown (a reporter, a newspaper), a side
            # that charges the same side itself
            if (not side & makers_side) if makers_side else (own_act or bool(p.charged & c.against)):
                state.answers.append(Answer(p.statement, "supports", c, BY_WORDS,
                                            "says its makers did it too" if own_act else "a third party says it too"))


NEWS_CYCLE = 1  # days after a charge's first report within which another side's own wording of it is a co-maker's


def _takes_it_up(state: ClaimState, c: _Claim, p: Proposition, first: Proposition) -> bool:
    """Another side charging the same side in its own words backs the charge when it condemns the act (which
    takes the charge as given: "condemned the Israeli bombing of the hospital") or speaks after the first
    round of reporting. Within that round ("Russian missiles crossed into Poland, a US official said", the
    day the charge was first reported) it is one of the charge's makers, unless the round's only other
    makers are a newspaper or a reporter (no side), whose report a state taking it up backs."""
    words = set(state.table.get("condemnation_words") or ())
    if words & {w.lower() for w in re.findall(r"[\w']+", f"{state.statements[p.statement].cue} {p.text}")}:
        return True
    if not _same_round(state, p, first):
        return True
    return not any(q is not p and q.statement is not None and _same_round(state, q, first)
                   and state.side_of(q.makers) and not _hedged(q.text, state.table) for q in c.props)


def _same_round(state: ClaimState, p: Proposition, q: Proposition) -> bool:
    """Reported in one article, or in articles at most NEWS_CYCLE days apart (unknown days: not one round)."""
    if p.source == q.source:
        return True
    a, b = state.days.get(p.source), state.days.get(q.source)
    return a is not None and b is not None and abs((a - b).days) <= NEWS_CYCLE


def _hedged(text: str, table: dict) -> bool:
    """Does a wording assert less than it says ("it was important to distinguish if the group acted alone",
    "may have been involved")? Such a wording asserts nothing a reader could count as backing."""
    low = text.lower()
    words = [*(table.get("hedges") or ()), *(table.get("conditionals") or ())]
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words)


def _mutual(state: ClaimState) -> dict[str, str]:
    """Mutual accusations: for a claim charging one side, the largest claim by that side charging the
    first claim's makers. Key to key."""
    out = {}
    charging: dict[str, list[int]] = {}  # side -> positions of the claims charging it: only those can answer
    for k, c in enumerate(state.claims):
        for side in c.against:
            charging.setdefault(side, []).append(k)
    for a in state.claims:
        xa, ma = a.against, state.side_of(a.makers)
        if not xa or not ma or ma & xa or not a.is_allegation:
            continue
        near = sorted({k for side in ma for k in charging.get(side, ())})
        found = [b for b in (state.claims[k] for k in near) if b is not a
                 and state.side_of(b.makers) & xa and b.is_allegation and _claim_similarity(a, b) >= SAME_CLAIM]
        if found:
            out[a.key] = max(found, key=lambda c: len(c.props)).key
    return out


def _claim_similarity(a: _Claim, b: _Claim) -> float:
    """How alike two claims' charges are: their charging wordings compared (plain assertions aside). Kept
    per pair until a wording of either changes: _consolidate asks again after every merge."""
    kept = a._views.setdefault("similar", {})
    stamp = (len(a.props), len(b.props), Proposition.edits)
    held = kept.get(id(b))
    if held is not None and held[0] is b and held[1] == stamp:  # (b held there: its id is not reused)
        return held[2]
    pa = _distinct_words([p for p in a.props if p.charges] or a.props)
    pb = _distinct_words([q for q in b.props if q.charges] or b.props)
    value = max(similarity(p, q) for p in pa for q in pb)
    kept[id(b)] = (b, stamp, value)
    return value


def _distinct_words(props: list[Proposition]) -> list[dict[str, float]]:
    """The wordings' words, each distinct set once (the same sentence in many articles is compared once)."""
    return list({tuple(p.words.items()): p.words for p in props}.values())


# ---------------------------------------------------------------- 5. counter-accusations


def counter_accusations(state: ClaimState) -> None:
    """A side charged by a claim that charges the claim's makers in turn counter-accuses: its statement is
    an answer to that claim, and its claim points back at it."""
    keyed = {c.key: c for c in state.claims}
    partners = _mutual(state)
    for c in state.claims:
        if c.key in partners and c.counter_to is None:
            c.counter_to = partners[c.key] if keyed[partners[c.key]].counter_to != c.key else None
    answered = {(a.statement, a.claim.key) for a in state.answers if a.claim is not None}
    for c in state.claims:
        other = keyed.get(partners.get(c.key, ""))
        if other is None or _claim_similarity(c, other) < SAME_CLAIM:
            continue  # no mutual accusation of the same act: a charge of its own, not this one turned back
        if _opposed_by(state, c, state.side_of(other.makers)) and not _opposed_by(state, other, state.side_of(c.makers)):
            continue  # the other's charge came with its denial of this one, which this one's makers never denied
        for i in c.statements:
            r = state.readings[i]
            # the charged side turning it back: its own speakers, charging the other's makers
            if (i, other.key) in answered or not r.charged & state.side_of(other.makers) \
                    or not r.side & other.against:
                continue
            answered.add((i, other.key))
            state.answers.append(Answer(i, "counter-accuses", other, OWN_SIDE, "turns the charge back"))
    for a in state.answers:
        if a.claim is None or a.stance not in {"denies", "rejects", "dismisses"}:
            continue
        r = state.readings[a.statement]
        # a denial's charged side is the one it defends; a rejection charging the makers turns it back, and
        # one charging another side offers another culprit ("it was caused by a misfiring Palestinian rocket")
        charges_makers = a.stance != "denies" and r.charged & state.side_of(a.claim.makers) \
            and not r.charged & a.claim.against
        # (not a side the claim itself names beside the charged one: "Russia-DPRK collaboration breach")
        other_culprit = a.stance != "denies" and a.claim.against and \
            r.charged - a.claim.against - r.side - _named_sides(a.claim)
        if charges_makers or other_culprit or _turns_back(state, r, a.claim):
            a.stance = "counter-accuses"
    _said_to_be_their_own_doing(state)
    made: list[_Claim] = []
    for a in list(state.answers):
        r = state.readings[a.statement]
        if a.claim is None or a.stance != "counter-accuses" or state.claim_of(a.statement) is not None \
                or not r.speakers or _topical_weight(r.words) < TURNED_CLAIM:
            continue
        # the charge turned on its makers (or on another culprit) is a claim of the responder's own
        turned = _Claim(f"c{len(state.claims)}", counter_to=a.claim.key)
        charged = (r.charged - r.side) or state.side_of(a.claim.makers)
        turned.props.append(Proposition(r.statement.text, r.speakers, charged, r.statement.ref.source, r.words,
                                        statement=a.statement, charges=True))
        state.claims.append(turned)
        made.append(turned)
    if made:
        _consolidate(state)
        _place_on_counter_charges(state)
    for i in state.reciprocal:
        r = state.readings[i]
        for actor in r.speakers:
            side = state.side_of([actor])
            facing = [c for c in state.claims if side & c.against and actor not in c.makers]
            if facing:
                claim = max(facing, key=lambda c: len(c.props))
                state.answers.append(Answer(i, "counter-accuses", claim, BY_WORDS, "each accused the other", actor))


def _said_to_be_their_own_doing(state: ClaimState) -> None:
    """"It could have been a false-flag operation by Peru": a counter-accusation in so many words that charges
    the makers of another side's charge answers that charge (the one its words fit, else the story's main
    one), whoever says it; its own claim points back at it."""
    placed = {a.statement for a in state.answers if a.claim is not None}
    for r in state.readings:
        own = state.claim_of(r.index) if r.stance == "counter-accuses" and r.charged else None
        if own is None or r.index in placed:
            continue
        found = [c for c in state.claims if c is not own and c.is_allegation and c.against
                 and not c.against & r.charged and state.side_of(c.makers) & r.charged
                 and not r.side & state.side_of(c.makers) and not set(r.speakers) & set(c.makers)
                 and not state.later_than(c, r)]
        target = (_clear_best(found, r, require=len(found) > 1) or _dominant(found)) if found else None
        if target is None:
            continue
        state.answers.append(Answer(r.index, "counter-accuses", target, BY_WORDS, "says its accusers did it"))
        own.counter_to = own.counter_to or target.key


def _place_on_counter_charges(state: ClaimState) -> None:
    """Answers left unplaced because the charge they answer was only made in answer to another ("Islamic
    Jihad dismissed the claims" of the misfire that Israel offered): placed now, on those counter-charges
    only, by the same rules."""
    named_claim = {p.named_by: c for c in state.claims for p in c.props if p.named_by is not None}
    for a in state.answers:
        if a.claim is not None:
            continue
        claim, confidence, reason = _target(state, state.readings[a.statement], named_claim)
        if claim is not None and claim.counter_to is not None:
            a.claim, a.confidence, a.reason = claim, confidence, reason


def _named_sides(c: _Claim) -> frozenset[str]:
    """The sides a claim's charging wordings name (its words, not its context)."""
    return c._view("named_sides", lambda: frozenset(w for p in c.props if p.charges for w in p.words
                                                    if w.startswith("@")))


def _opposed_by(state: ClaimState, claim: _Claim, side: frozenset[str]) -> bool:
    """Did speakers of this side deny, reject or dismiss the claim? Only then is their own charge, made
    before or after, also their answer to it (a mutual accusation rather than a charge and its rebuttal)."""
    return any(a.claim is claim and a.stance in OPPOSING - {"counter-accuses"}
               and state.side_of(state.readings[a.statement].speakers) & side for a in state.answers)


def _topical_weight(words: dict[str, float]) -> float:
    return sum(v for w, v in words.items() if not w.startswith("@"))


def _turns_back(state: ClaimState, r: Reading, claim: _Claim) -> bool:
    """Whataboutism cues ("double standards") turn a charge back by themselves; "itself", "their own" only
    where the answer names the claim's makers."""
    low = r.statement.text.lower()
    found = [c for c in state.table["cues"].get("counter-accuses") or () if re.search(rf"\b{re.escape(c)}\b", low)]
    weak = set(state.table.get("counter_needs_name") or ())
    return any(c not in weak for c in found) or (bool(found) and _names_any(r.statement.text, claim.makers))


PASSES = (read, find_allegations, group_propositions, implied_charges, place_answers, counter_accusations)


# ---------------------------------------------------------------- records


def _records(state: ClaimState) -> tuple[list[ClaimRecord], list[ResponseRecord], list[UnplacedAnswer]]:
    answered = {a.claim.key for a in state.answers if a.claim is not None}
    kept = [c for c in state.claims if c.key in answered or (c.is_allegation and c.statements)]
    keys = {c.key for c in kept}
    # who answers a claim against it does not make it, though its plain words joined it
    opposing = {(a.claim.key, s) for a in state.answers if a.claim is not None and a.stance in OPPOSING
                for s in state.readings[a.statement].speakers}
    # nor does a third party whose words back it: it is listed as supporting it
    backing = {(a.claim.key, a.statement) for a in state.answers if a.claim is not None and a.stance == "supports"}
    opposing |= {(c.key, m) for c in state.claims for m in c.makers
                 if all((c.key, p.statement) in backing for p in c.props if m in p.makers)}
    # nor does a side make a charge against itself: its speakers' words joined it as answers do
    records = [ClaimRecord(c.key, claim_text(c, state), tuple(c.statements),
                           tuple(m for m in c.makers if (c.key, m) not in opposing
                                 and not state.side_of([m]) & c.against),
                           c.counter_to if c.counter_to in keys else None,
                           confidence=Confidence.ALLEGATION if c.is_allegation and not c.implied
                           else Confidence.PLAIN_CLAIM,
                           charged=tuple(sorted(c.against - {OWN_ACT})), identity=claim_identity(c, state))
               for c in kept]
    responses, unplaced, seen = [], [], set()
    for a in state.answers:
        st = state.statements[a.statement]
        if a.claim is None:
            unplaced.append(UnplacedAnswer(a.statement, a.stance, a.reason))
            continue
        if a.claim.key not in keys:
            continue
        speakers = state.readings[a.statement].speakers or (None,)
        for k, actor in enumerate(speakers):
            if a.actor is not None and actor != a.actor:
                continue
            key = (a.statement, a.claim.key, actor)
            if key in seen:
                continue
            seen.add(key)
            responses.append(ResponseRecord(a.statement, a.stance, a.claim.key, st.text,
                                            actor_text=actor if k else None, confidence=a.confidence))
    return records, responses, unplaced


IDENTITY_WORDS = 3  # topic words in a claim's identity


def claim_identity(c: _Claim, state: ClaimState) -> str:
    """Who is charged and with what: the charged sides' names and the words that weigh most over all the
    claim's charging wordings (summed, so one reworded or renumbered wording does not change them)."""
    props = [p for p in c.props if p.charges] or c.props
    weights: Counter = Counter()
    for p in props:
        # weighed as wordings alone, the story's words undiscounted: an id must not change as articles are added
        for w, v in weighted_words(p.text).items():
            if not w.startswith("@") and w not in _number_words(state.table):
                weights[w] += v
    top = sorted(weights, key=lambda w: (-weights[w], w))[:IDENTITY_WORDS]
    return " ".join([*(side_name(x) for x in sorted(c.against - {OWN_ACT})), *sorted(surface_form(w, [p.text for p in props])
                                                                       for w in top)])


def _number_words(table: dict) -> frozenset[str]:
    return frozenset(table.get("number_words") or ())


def claim_text(c: _Claim, state: ClaimState) -> str:
    """The claim as a proposition: a wording that charges the claim's side, reported rather than quoted,
    closest to eighteen words, without a leading 'that'."""
    against = c.against
    props = [p for p in c.props if not p.endorses] or c.props
    charging = [p for p in props if against and p.charged & against]
    reported = [p for p in (charging or props)
                if p.statement is None or not state.statements[p.statement].direct]
    chosen = [p for p in (reported or charging or props)]
    chosen = [p for p in chosen if len(p.text.split()) >= 4] or chosen
    # a wording that is the proposition itself reads better than one that starts with its reporting verb
    # ("accused Canada of leaking ...")
    prop = min(chosen, key=lambda p: (_starts_with_report(p.text), abs(len(p.text.split()) - 18), p.text))
    text = re.sub(r"^(?:that|whether)\s+", "", prop.text.strip(), flags=re.IGNORECASE)
    text = _named_pronoun(text, prop.makers[0] if len(prop.makers) == 1 else None, state)
    if OWN_ACT in against and prop.makers and _starts_with_report(text):
        text = f"{prop.makers[0]} {text}"  # "claimed responsibility for ...": who did, as the proposition says
    return _cut_at_clause(text.strip(" ,;:“”\"").rstrip("."))


LONGEST_ROW = 40  # words a row's text may have before it is cut at a clause boundary


def _starts_with_report(text: str) -> bool:
    from .statements import verb_lemma

    first = text.split()[0].lower() if text.split() else ""
    return verb_lemma(first) is not None


def _cut_at_clause(text: str) -> str:
    """A long wording cut at its last clause boundary (a semicolon, a dash or a comma before 'and', 'but',
    'which', 'while') within LONGEST_ROW words, never mid-phrase; left whole if it has none."""
    words = text.split()
    if len(words) <= LONGEST_ROW:
        return text
    head = " ".join(words[:LONGEST_ROW])
    cuts = [m.start() for m in re.finditer(r";|\s[—–]\s|,\s(?=(?:and|but|which|while|whereas|as)\b)", head)]
    cuts = [c for c in cuts if len(head[:c].split()) >= 8]
    return head[:cuts[-1]].rstrip(" ,;") if cuts else text


def _named_pronoun(text: str, maker: str | None, state: ClaimState) -> str:
    """A wording that starts with its speaker's pronoun ("his bureau has determined", "she had seen")
    reads as a proposition with the speaker's name in its place."""
    if not maker:
        return text
    m = re.match(r"(?i)(he|she|his|her)\b", text)
    if m is None:
        return text
    word = m.group(1).lower()
    name = maker + ("’s" if word in {"his", "her"} and not (word == "her" and _is_object_her(text)) else "")
    return name + text[m.end():]


def _is_object_her(text: str) -> bool:
    """'her' as a possessive ("her ministry") is followed by a noun; anything else is left alone."""
    return not re.match(r"(?i)her\s+[a-z]", text)
