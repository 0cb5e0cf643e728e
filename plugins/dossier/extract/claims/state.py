"""The state the claims passes share: readings, propositions, claims and answers, and the views of them
the passes ask for.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ...data import Stances
from ...model import Confidence, StatementReading, StatementRecord
from ..charges import RECIPROCAL, _Sides
from ..topics import Weighted, weighted_words

OPPOSING = {"denies", "rejects", "dismisses", "counter-accuses"}
ANSWERS = OPPOSING | {"declines-comment", "supports"}
SAME_CLAIM = 0.34  # weighted share of the smaller wording two propositions must share to be one claim
SAME_CHARGE = 0.2  # the same, for two wordings that charge the same side: the charge itself says much
PLAIN_JOINS = 0.5  # the same, for a plain assertion (no charge) to join a claim: it must say much the same
WIDELY_REPORTED = 2  # sources an assertion that charges nobody needs before an answer is placed on it by words
DOMINANT = 2  # a charge reported by this many times the sources of the next is the story's main one
CLEAR_ANSWER = 0.2  # weighted share of an answer's words a claim must hold to be what it answers
FAINT_FIT = 0.1  # a share of an answer's weighted words below this is a stray word in common, no sign of its subject
MARGIN = 1.5  # the best claim must beat the next by this factor for an answer to be placed
TURNED_CLAIM = 4.0  # weighted words a counter-accusation needs to be a claim of its own (two rare ones)
CONTEXT_SENTENCES = 3  # preceding sentences of the same article read for what an answer is about
CONTEXT_WEIGHT = 0.5  # words of those sentences count half
# how sure a placement is, by how it was made (dossier.json and review/ show it): model.Confidence
NAMED, OWN_SIDE, BY_WORDS, BY_CONTEXT = (Confidence.NAMED_ANSWER, Confidence.OWN_SIDE, Confidence.BY_WORDS,
                                         Confidence.BY_CONTEXT)




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
    bodies: frozenset[str] = frozenset()  # words of the named agencies of the charged state it names as doers


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
    bodies: frozenset[str] = frozenset()  # words of the named agencies of the charged state it names as doers

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
    gesture: bool = False  # a gesture refused in public ("rejects US condolences"): answered by its refusals only
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
    def bodies(self) -> frozenset[str]:
        """The words of the named agencies its charging wordings name as the doers ("the ISI"): empty for a
        charge against a state itself."""
        return self._view("bodies", lambda: frozenset(w for p in self.props if p.charges for w in p.bodies))

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
    table: Stances
    readings: list[Reading] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    claims: list[_Claim] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    reciprocal: list[int] = field(default_factory=list)  # "X and Y accused each other"
    days: dict = field(default_factory=dict)  # source id -> its publication day, where known
    stored: Sequence[StatementReading | None] = ()  # per statement, its reading kept with its article
    known_sides: dict = field(default_factory=dict)  # names -> the sides they act for, asked once per build
    story_words: dict = field(default_factory=dict)  # a word most statements hold -> the share of its weight it keeps
    people: frozenset = frozenset()  # names the parse took for persons: each speaks for someone, known or not
    gestures: dict = field(default_factory=dict)  # (gesture, whose) -> the row of a gesture refused in public
    views: dict = field(default_factory=dict, repr=False)  # what the passes ask of every claim, kept while no claim changes
    counts: dict = field(default_factory=dict, repr=False)  # statement -> the figures its main clauses give, read once

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
                                                 if not c.gesture and (c.is_allegation or _reach(c)[0] >= WIDELY_REPORTED)])

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


OWN_ACT = "#own-act"  # the side a claim of responsibility charges: its makers themselves, whoever they are


def _discounted(words: dict[str, float], discounts: dict[str, float]) -> Weighted:
    if not discounts:
        return words if isinstance(words, Weighted) else Weighted(words)
    return Weighted({w: v * discounts.get(w, 1.0) for w, v in words.items()})


def _topical_words(words: dict[str, float]) -> list[str]:
    return [w for w in words if not w.startswith("@")]


def _reach(c: _Claim) -> tuple[int, int]:
    """How widely a claim is reported: its sources, then its wordings."""
    return c._view("reach", lambda: (len({p.source for p in c.props}), len(c.props)))


def _distinct_words(props: list[Proposition]) -> list[dict[str, float]]:
    """The wordings' words, each distinct set once (the same sentence in many articles is compared once)."""
    return list({tuple(p.words.items()): p.words for p in props}.values())
