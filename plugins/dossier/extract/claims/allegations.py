"""Pass 2, allegations: the propositions of the story: statements that charge a side with an act or
accuse, allegations an answer names in its own words, and plain assertions that may yet be answered.
"""
from __future__ import annotations

from ...model import StatementRecord
from ..charges import RECIPROCAL, SPEAKER, _accused_in
from ..stance import _accuses, _is_claim
from ..topics import weighted_words
from .compare import _says_they_did_it
from .state import ANSWERS, OPPOSING, OWN_ACT, ClaimState, Proposition, Reading


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
            charges=bool(charged) or accusing, endorses=r.stance == "supports", bodies=r.bodies))


def _named_content(state: ClaimState, r: Reading) -> Proposition | None:
    """The allegation an answer names ("rejected Western allegations that Russia breached ..."): a
    wording of its own, made by the named makers."""
    if r.named is None or r.named[0] is None or r.stance not in ANSWERS or \
            (r.stance == "supports" and not r.named[1]):
        return None
    text, makers = r.named
    charged = _named_charged(state, r.statement, text) - r.side
    if not charged and r.stance in OPPOSING and r.side and (
            any(w in r.side for w in weighted_words(text)) or _accused_as_it(r.statement.text, text, state)):
        # "denied reports of Russia's role", "Russia denied allegations that it had killed civilians": the
        # charge the speaker's side answers
        charged = r.side
    return Proposition(text, tuple(makers), frozenset(charged), r.statement.ref.source, state.weigh(text),
                       named_by=r.index, charges=bool(charged or makers))


def _accused_as_it(said: str, text: str, state: ClaimState) -> bool:
    """Do the words the speaker answers charge "it" by an accusation's own noun ("denied Ukrainian allegations
    that it had killed civilians")? Accused by others, that pronoun is the speaker; a "claim that it downed the
    plane" may be its makers' own, and is not read so."""
    words = text.split()
    at = said.find(text)
    if not words or at < 0 or words[0].lower() not in {w.lower() for w in state.table.self_doer_pronouns}:
        return False
    before = said[:at].lower().split()[-3:]
    return any(w in state.table.accusation_nouns for w in before)


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
    # whose "our" the named words say is the named makers', not the reporter's: no side read from it
    return _accused_in(doc, at, at + len(text), "", state.table) - {SPEAKER} if at >= 0 else frozenset()
