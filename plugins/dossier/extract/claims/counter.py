"""Pass 5, counter-accusations: a responder's own charge against the makers' side of what it answers is a
counter-accusation, a claim of its own linked back by counter_to.
"""
from __future__ import annotations

import re

from ..charges import _side_of_token
from ..stance import _names_any
from .answers import OTHER_DOER, _target
from .compare import _claim_similarity, _clear_best, _dominant, _mutual
from .grouping import _consolidate
from .state import (
    BY_WORDS,
    OPPOSING,
    OWN_ACT,
    OWN_SIDE,
    SAME_CLAIM,
    TURNED_CLAIM,
    Answer,
    ClaimState,
    Proposition,
    Reading,
    _Claim,
)


def counter_accusations(state: ClaimState) -> None:
    """A side charged by a claim that charges the claim's makers in turn counter-accuses: its statement is
    an answer to that claim, and its claim points back at it. The steps run in order over one state."""
    keyed = {c.key: c for c in state.claims}
    partners = {k: keyed[o] for k, o in _mutual(state).items()}  # each claim of a mutual accusation -> the other
    _link_mutual_accusations(state, partners)
    answered = {(a.statement, a.claim.key) for a in state.answers if a.claim is not None}
    _answer_with_own_charges(state, partners, answered)
    _turned_answers_counter_accuse(state)
    # (a rival account rejects a claim of responsibility: it charges neither its makers nor in their place)
    _rival_accounts(state, answered)
    _said_to_be_their_own_doing(state)
    _claims_of_counter_charges(state)
    _reciprocal_accusations(state)


def _link_mutual_accusations(state: ClaimState, partners: dict[str, _Claim]) -> None:
    """Of a mutual accusation (each claim's partner charging its makers), the charge first reported later
    turns the earlier one back; of two first reported the same day, the one whose makers answered the other
    ("pushed back on claims by X that ..."), where the other's makers answered nothing; else the one the
    articles come to later (a story opens with the charge, then gives the answer)."""
    def turns_back(c: _Claim) -> tuple[bool, bool, int]:
        other = partners.get(c.key)
        return _reported_after(state, c, other), other is not None \
            and _opposed_by(state, other, state.side_of(c.makers)) and not _opposed_by(state, c, state.side_of(other.makers)), \
            min(c.statements, default=0)
    for c in sorted(state.claims, key=turns_back, reverse=True):
        other = partners.get(c.key)
        if other is not None and c.counter_to is None:
            c.counter_to = other.key if other.counter_to != c.key else None


def _answer_with_own_charges(state: ClaimState, partners: dict[str, _Claim], answered: set) -> None:
    """The charged side turning a charge of the same act back, its own speakers charging the other's makers:
    each such wording of its charge is also its answer to the other."""
    for c in state.claims:
        other = partners.get(c.key)
        if other is None or _claim_similarity(c, other) < SAME_CLAIM:
            continue  # no mutual accusation of the same act: a charge of its own, not this one turned back
        if _opposed_by(state, c, state.side_of(other.makers)) and not _opposed_by(state, other, state.side_of(c.makers)):
            continue  # the other's charge came with its denial of this one, which this one's makers never denied
        for i in c.statements:
            r = state.readings[i]
            if (i, other.key) in answered or not r.charged & state.side_of(other.makers) \
                    or not r.side & other.against or state.later_than(other, r):
                continue  # (a charge reported before the other was cannot have turned it back)
            answered.add((i, other.key))
            state.answers.append(Answer(i, "counter-accuses", other, OWN_SIDE, "turns the charge back"))


def _turned_answers_counter_accuse(state: ClaimState) -> None:
    """A denial's charged side is the one it defends; a rejection charging the makers turns it back, and
    one charging another side offers another culprit ("it was caused by a misfiring Palestinian rocket")."""
    for a in state.answers:
        if a.claim is None or a.stance not in {"denies", "rejects", "dismisses"} or a.reason == OTHER_DOER:
            continue  # ("Russian dissidents did it", from the side charged: its accusers' opponents, not its accusers)
        r = state.readings[a.statement]
        charges_makers = a.stance != "denies" and r.charged & state.side_of(a.claim.makers) \
            and not r.charged & a.claim.against
        # (not a side the claim itself names beside the charged one: "Russia-DPRK collaboration breach")
        other_culprit = a.stance != "denies" and a.claim.against and \
            r.charged - a.claim.against - r.side - _named_sides(a.claim)
        if charges_makers or other_culprit or _turns_back(state, r, a.claim):
            a.stance = "counter-accuses"


def _claims_of_counter_charges(state: ClaimState) -> None:
    """The charge turned on its makers (or on another culprit) is a claim of the responder's own."""
    made: list[_Claim] = []
    for a in list(state.answers):
        r = state.readings[a.statement]
        if a.claim is None or a.stance != "counter-accuses" or state.claim_of(a.statement) is not None \
                or not r.speakers or _topical_weight(r.words) < TURNED_CLAIM:
            continue
        turned = _Claim(f"c{len(state.claims)}", counter_to=a.claim.key)
        charged = (r.charged - r.side) or state.side_of(a.claim.makers)
        turned.props.append(Proposition(r.statement.text, r.speakers, charged, r.statement.ref.source, r.words,
                                        statement=a.statement, charges=True))
        state.claims.append(turned)
        made.append(turned)
    if made:
        _consolidate(state)
        _place_on_counter_charges(state)


def _reciprocal_accusations(state: ClaimState) -> None:
    """"Each accused the other": every speaker named counter-accuses the charge its side faces most."""
    for i in state.reciprocal:
        r = state.readings[i]
        for actor in r.speakers:
            side = state.side_of([actor])
            facing = [c for c in state.claims if side & c.against and actor not in c.makers]
            if facing:
                claim = max(facing, key=lambda c: len(c.props))
                state.answers.append(Answer(i, "counter-accuses", claim, BY_WORDS, "each accused the other", actor))


def _rival_accounts(state: ClaimState, answered: set) -> None:
    """Another side's charge against someone else for the act a group claimed as its own disputes that
    claim ("Iran was behind the attack", of an attack the Houthis said they carried out): each such wording,
    by a known speaker and reported no earlier than the claim of responsibility, is also its answer. Only
    where the story has one claim of responsibility: of two, which one a charge disputes is not in its words."""
    owned = [c for c in state.claims if OWN_ACT in c.against]
    if len(owned) != 1:
        return
    claimed = owned[0]
    claimers = state.side_of(claimed.makers)
    for c in state.claims:
        if c is claimed or not c.is_allegation or not c.against or c.against & claimers:
            continue  # (a charge against the claimers agrees on who did it)
        for p in c.props:
            if not p.charges or p.statement is None or (p.statement, claimed.key) in answered:
                continue
            r = state.readings[p.statement]
            side = state.side_of(r.speakers)
            if not side or side & claimers or set(r.speakers) & set(claimed.makers) or state.later_than(claimed, r) \
                    or not _names_claimers(r, claimed, claimers) or _acts_on_the_claimers(state, r, claimed, c.against):
                continue
            answered.add((p.statement, claimed.key))
            state.answers.append(Answer(p.statement, "rejects", claimed, BY_WORDS, "charges another with it"))


def _names_claimers(r: Reading, claimed: _Claim, claimers: frozenset[str]) -> bool:
    """Does the charge speak of the claim of responsibility, by its makers' names or side ("the raid did not
    come from Yemen", "claims by the Houthis ... doesn't change the fingerprints")? A charge that does not is
    as likely a charge against those who backed the claimers as a rival account."""
    named = {w for w in r.words if w.startswith("@")}
    return bool(claimers & named) or _names_any(r.statement.text, claimed.makers)


def _acts_on_the_claimers(state: ClaimState, r: Reading, claimed: _Claim, charged: frozenset[str]) -> bool:
    """Does the wording name the claimers as what the charged side does something to ("Pakistan must crack
    down on JeM", "Iran arms the Houthis")? It ties the side to them; it does not say someone else did it."""
    found = state.docs.get((r.statement.ref.source, r.statement.ref.sentence))
    if found is None:
        return False
    _, doc, _ = found
    names = {w for m in claimed.makers for w in m.split() if w[:1].isupper()}
    for t in doc:
        if not (r.statement.ref.start <= t.idx < r.statement.ref.end) or t.text not in names:
            continue
        verb = t.head.head if t.dep_ == "pobj" else t.head if t.dep_ == "dobj" else None
        if verb is not None and verb.pos_ in {"VERB", "ADP", "ADV"}:
            verb = verb if verb.pos_ == "VERB" else verb.head
            if any(c.dep_ == "nsubj" and _side_of_token(c) & charged for c in verb.children):
                return True
    return False


def _reported_after(state: ClaimState, c: _Claim, other: _Claim | None) -> bool:
    """Was the claim first reported on a later day than the other?"""
    if other is None:
        return False
    mine, theirs = state.first_reported(c), state.first_reported(other)
    return mine is not None and theirs is not None and mine > theirs


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
    before or after, also their answer to it (a mutual accusation rather than a charge and its rebuttal).
    A speaker whose side no article names answers for the side the claim charges, which it defends."""
    def answers_for(a: Answer) -> frozenset[str]:
        return state.side_of(state.readings[a.statement].speakers) or claim.against
    return any(a.claim is claim and a.stance in OPPOSING - {"counter-accuses"} and answers_for(a) & side
               for a in state.answers)


def _topical_weight(words: dict[str, float]) -> float:
    return sum(v for w, v in words.items() if not w.startswith("@"))


def _turns_back(state: ClaimState, r: Reading, claim: _Claim) -> bool:
    """Whataboutism cues ("double standards") turn a charge back by themselves; "itself", "their own" only
    where the answer names the claim's makers. Words of the allegation it quotes are the makers' own ("described
    X's statement that Pakistan itself has been the victim as false"), not the answer's."""
    text = r.statement.text
    if r.named is not None and r.named[0] and r.named[0] in text:
        text = text.replace(r.named[0], " ")
    low = text.lower()
    found = [c for c in state.table.cues.get("counter-accuses") or () if re.search(rf"\b{re.escape(c)}\b", low)]
    weak = set(state.table.counter_needs_name)
    return any(c not in weak for c in found) or (bool(found) and _names_any(text, claim.makers))
