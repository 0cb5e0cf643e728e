"""Pass 4, answers: each denial, rejection, dismissal, refusal to comment or endorsement placed on the
claim it answers, or left unplaced (review/): a wrong cell is worse than an empty one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...data import Stances, stances_table
from ...model import Ref
from ...world import body_names, country_of, demonym_country
from ..charges import NATION, _side_of_token, involved_tokens, involvement_named, named_doers
from ..statements import verb_lemma
from .read import groups_named
from .compare import (
    _by_makers,
    _clear_best,
    _dominant,
    _fit,
    _makers_claims,
    _merged,
    _mutual,
    _same_people,
    _speaks_of_involvement,
    _undecided,
    names_in_its_charges,
    names_its_claimants,
    own_clause,
    statement_tokens,
)
from .state import (
    BY_CONTEXT,
    BY_WORDS,
    CLEAR_ANSWER,
    FAINT_FIT,
    MARGIN,
    NAMED,
    OPPOSING,
    OWN_ACT,
    OWN_SIDE,
    WIDELY_REPORTED,
    Answer,
    ClaimState,
    Proposition,
    Reading,
    _Claim,
    _reach,
)


@dataclass(frozen=True)
class _Known:
    """What every answer's placing reads: the claims that answers name, by naming statement, and each
    claim of a mutual accusation's partner."""
    named_claim: dict
    partners: dict[str, str]


def place_answers(state: ClaimState) -> None:
    """Each reading with a stance, through the rules in order until one settles it: set against a claim in
    its sentence, no answer at all (a charge or a wording of its own), its side's own charge restated, a
    refused gesture, else an answer placed on the claim it targets. Endorsements are settled last."""
    known = _Known({p.named_by: c for c in state.claims for p in c.props if p.named_by is not None}, _mutual(state))
    for r in state.readings:
        for _name, rule in _ANSWER_RULES:
            if rule(state, r, known):
                break
    _other_doers_named(state)
    _contradicted_wordings(state)
    _makers_named_beside(state)
    _endorsements(state)


# why an answer naming a group of no state as the doer was placed: it rejects the charge, it turns nothing back
OTHER_DOER = "names a group of no state as the doer of the act its side is charged with"


def _other_doers_named(state: ClaimState) -> None:
    """"Russian dissidents instigated the assault", said by the side charged with it: naming a group of no
    state as the doer of the act (not its accusers' state: that turns the charge back, a counter-accusation)
    rejects the charge against its side, the one charge against it its article reports or its words fit."""
    for r in state.readings:
        if r.stance is not None or not r.side or not r.charged or r.charged & r.side \
                or not all(x.startswith(NATION) for x in r.charged) or any(a.statement == r.index for a in state.answers):
            continue  # (a state named as the doer is a charge of its own, or a counter-accusation: not this)
        charges = [c for c in state.claims if c.is_allegation and c.against & r.side and OWN_ACT not in c.against
                   and r.index not in c.statements and not state.side_of(c.makers) & (r.side | r.charged)
                   and not state.later_than(c, r)]
        # (the charge made before it: in its article, or first reported on an earlier day)
        fitting = [c for c in charges if _reported_in_its_article(state, r, c) or _reported_on_an_earlier_day(state, r, c)
                   and max(_fit(r.words, c), _fit(_merged(r.words, r.context), c)) >= FAINT_FIT]
        if len(fitting) == 1:
            state.answers.append(Answer(r.index, "rejects", fitting[0], BY_CONTEXT, OTHER_DOER))


# why an answer its own words place nowhere was placed on the one claim of a person its sentence names
MAKER_BESIDE = "its sentence names the one person who made the claim"


def _makers_named_beside(state: ClaimState) -> None:
    """"IOC president Thomas Bach should stop 'weaving his own fictional narrative', Chernyshenko said": a
    denial, rejection or dismissal its own words place nowhere answers the one claim of the person its sentence
    names beside it, a person of no side of its own."""
    people = state.by_maker()
    for a in state.answers:
        if a.claim is not None or a.stance not in {"rejects", "dismisses", "denies"}:
            continue
        r = state.readings[a.statement]
        # (the sentence's own mentions, looked up: never every person of the dossier for every answer)
        mentioned = state.by_sentence.get((r.statement.ref.source, r.statement.ref.sentence), [])
        named = {m.text for m in mentioned if m.text in state.people and len(m.text.split()) > 1
                 and m.text not in r.speakers and not state.side_of([m.text])}
        claims = {k for m in named for key in (m, m.split()[-1], ("last", m.split()[-1])) for k in people.get(key, ())}
        if len(claims) == 1:
            claim = state.claims[next(iter(claims))]
            if claim.statements and not state.later_than(claim, r) and not set(claim.makers) & set(r.speakers):
                a.claim, a.confidence, a.reason = claim, BY_CONTEXT, MAKER_BESIDE


# why a wording that says the claim is not so was taken out of its makers' words
CONTRADICTS = "says not so what the claim's other wordings assert"


def _contradicted_wordings(state: ClaimState) -> None:
    """"Her death was not caused by blows to the head" (said by a state's body), grouped by its words with "she
    suffered a blow to the head": a wording whose main clause is negated, said for a side, is no wording of a
    claim that speakers of no side of its own affirm in the same words, but a denial of it."""
    answered = {a.statement for a in state.answers}
    for r in state.readings:
        c = state.claim_of(r.index)
        if r.stance is not None or not r.side or r.index in answered or c is None:
            continue
        denied = _negated_clause_words(state, r)
        if not denied:
            continue
        affirmed = any(not _same_speakers(r.speakers, o.speakers) and not state.side_of(o.speakers) & r.side
                       and len(denied & set(o.words)) >= SHARED_DENIED and not _any_negation(state, o)
                       for o in (state.readings[i] for i in c.statements if i != r.index))
        if affirmed:
            state.answers.append(Answer(r.index, "denies", c, BY_WORDS, CONTRADICTS))


SHARED_DENIED = 2  # topic words the negated clause and an affirmed wording must share to say the same thing


def _same_speakers(a, b) -> bool:
    # "Hunt" and "Jeremy Hunt" are one speaker
    return bool({n.split()[-1] for n in a} & {n.split()[-1] for n in b})


def _any_negation(state: ClaimState, r: Reading) -> bool:
    return any(t.dep_ == "neg" for t in statement_tokens(state, r.statement))


def _negated_clause_words(state: ClaimState, r: Reading) -> frozenset[str]:
    """The topic words of a statement's negated main clause, without the clauses it joins: empty when its
    main verb is not negated."""
    span = statement_tokens(state, r.statement)
    roots = [t for t in span if t.head not in span or t.head.i == t.i]
    if len(roots) != 1 or not any(c.dep_ == "neg" for c in roots[0].children):
        return frozenset()
    kept = own_clause(roots[0])
    said = " ".join(t.lower_ for t in sorted(kept, key=lambda t: t.i))
    if any(re.search(rf"\b{re.escape(w)}\b", said) for w in state.table.double_negatives):
        return frozenset()  # "could not have been killed without his knowledge": an assertion
    return frozenset(w for w in state.weigh(" ".join(t.text for t in sorted(kept, key=lambda t: t.i)))
                     if not w.startswith("@"))


def _reported_on_an_earlier_day(state: ClaimState, r: Reading, c: _Claim) -> bool:
    first, day = state.first_reported(c), state.days.get(r.statement.ref.source)
    return first is not None and day is not None and first < day


def _set_against_a_claim(state: ClaimState, r: Reading, known: _Known) -> bool:
    """"X claimed that A, while Y said B": Y speaks past X's charge (or turns it back on X)."""
    contrasted = _contrasted(state, r) if r.stance is None else None
    if contrasted is None or not (r.side & (contrasted.against | contrasted.involved) or _fit(r.words, contrasted) > 0):
        return False  # (a side the charge does not name, on another subject: no answer to it)
    if r.side & contrasted.against and _tells_its_own_act(state, r):
        # "X says Y launched a strike that caused no casualties, while Y said it killed many militants": the
        # charged side tells what it did, it does not dispute doing it; which account answers which is not
        # in the words
        return False
    own = state.claim_of(r.index)
    makers_side = state.side_of(contrasted.makers)
    turned = (r.charged & makers_side) or (own is not None and own.against & makers_side)
    state.answers.append(Answer(r.index, "counter-accuses" if turned else state.table.contrast_stance,
                                contrasted, BY_WORDS, "set against the claim in the same sentence"))
    return True


def _tells_its_own_act(state: ClaimState, r: Reading) -> bool:
    """Is the wording its speakers' side saying what it did: an affirmed verb whose subject is "it" or "we",
    or names the speakers' side ("India said it killed ...", "we struck the camps")?"""
    found = state.docs.get((r.statement.ref.source, r.statement.ref.sentence))
    if found is None:
        return False
    _, doc, _ = found
    span = [t for t in doc if r.statement.ref.start <= t.idx < r.statement.ref.end]
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"} and (t.head not in span or t.head.i == t.i)]
    for verb in verbs:
        if any(c.dep_ == "neg" for c in verb.children):
            return False
        if verb.lemma_ == "be":
            continue  # "it was Ukraine that had sabotaged the dam": "it" opens a cleft, it is no doer
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ in state.table.own_side_pronouns or _side_of_token(subject) & r.side):
            return True
    return False


def _no_answer(state: ClaimState, r: Reading, known: _Known) -> bool:
    """No stance; a charge of its own (pass 5 links it to what it turns back); a supporting wording of a
    claim (endorsements are settled last)."""
    if r.stance is None:
        return True
    own = state.claim_of(r.index)
    if r.stance == "counter-accuses" and own is not None and r.charged and not _answers_named(r, known.named_claim) \
            and not (r.named is not None and r.named[0] is None and r.named[1]):
        return True  # (one naming whose claim it answers, "despite the claim from IS", is placed on it)
    return r.stance == "supports" and own is not None


def _restates_own_charge(state: ClaimState, r: Reading, known: _Known) -> bool:
    """"any Indian government involvement would be unacceptable", said by the side that alleges it: what it
    rejects is the act it charges, not a charge against itself."""
    own = _own_charge_restated(state, r, known.named_claim)
    if own is None:
        return False
    own.props.append(Proposition(r.statement.text, r.speakers, r.charged, r.statement.ref.source,
                                 r.words, statement=r.index, charges=True))
    return True


def _refuses_gesture(state: ClaimState, r: Reading, known: _Known) -> bool:
    """Refused in public, a gesture is contested: a row of its own, however many times it is refused."""
    gesture = _refused_gesture(state, r)
    if gesture is None:
        return False
    claim = _gesture_claim(state, r, gesture)
    state.answers.append(Answer(r.index, "rejects", claim, NAMED if claim else 0.0,
                                "refuses the gesture" if claim else "it refuses a gesture of no one named"))
    return True


def _placed_answer(state: ClaimState, r: Reading, known: _Known) -> bool:
    """The answer on the claim it targets; a refusal to comment of no clear target goes to a mutual
    accusation's either side, and answers both; an answer naming the group that claimed the act backs it."""
    stance = r.stance
    claim, confidence, reason = _target(state, r, known.named_claim)
    if claim is not None and stance == "rejects" and claim.against and not claim.against & r.side \
            and _condemns_the_act(r.statement.text, state.table):
        stance = "supports"  # "if the report is true, this is unacceptable": the act condemned, the charge taken up
    if claim is None and stance == "declines-comment":
        claim = _either_side(state, r, known.partners)
        confidence, reason = (BY_WORDS, "will not say which side did it") if claim else (confidence, reason)
    state.answers.append(Answer(r.index, stance, claim, confidence, reason))
    if claim is not None and stance == "declines-comment" and claim.key in known.partners \
            and not r.side & (claim.against | claim.involved | state.side_of(claim.makers)):
        # who will not say who did it answers both sides of a mutual accusation
        other = next(c for c in state.claims if c.key == known.partners[claim.key])
        state.answers.append(Answer(r.index, stance, other, confidence, "one side of a mutual accusation"))
    backed = _group_said_to_have_done_it(state, r) if stance in OPPOSING - {"counter-accuses"} else None
    if backed is not None:
        state.answers.append(Answer(r.index, "supports", backed, BY_WORDS, "names the group that claimed it"))
    return True


_ANSWER_RULES = [
    ("set against a claim", _set_against_a_claim),
    ("no answer", _no_answer),
    ("own charge restated", _restates_own_charge),
    ("refused gesture", _refuses_gesture),
    ("placed", _placed_answer),
]


def _group_said_to_have_done_it(state: ClaimState, r: Reading) -> _Claim | None:
    """"There is no evidence of Bolivian involvement; the Andean Front was responsible": an answer clearing
    a side that names, as the doer, the group that claimed the act backs that group's claim of
    responsibility too."""
    if not r.cleared or not r.side:
        return None
    named = {n for g in groups_named(state, r.statement, r.speakers) for n in body_names(g)}
    found = [c for c in state.claims if OWN_ACT in c.against and not set(r.speakers) & set(c.makers)
             and named & {n for m in c.makers for n in body_names(m)} and not state.later_than(c, r)]
    return found[0] if len(found) == 1 else None


def _refused_gesture(state: ClaimState, r: Reading):
    """'reject the condolences of the U.S. Embassy', 'rejected a statement of condolence', 'Ankara's
    rejection of the US condolences': the gesture refused (its noun's token), which is no allegation, so the
    refusal answers no charge against its side; None if the statement refuses none."""
    st = r.statement
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return None
    _, doc, _ = found
    gestures = set(state.table.gesture_nouns)
    refusals = set(state.table.refusal_heads)
    labels = set(state.table.label_verbs) if r.stance in {"rejects", "dismisses"} else set()
    for t in doc:
        if st.ref.start <= t.idx < st.ref.end and t.lemma_.lower() in gestures and t.pos_ == "NOUN":
            up = t
            for _ in range(4):  # through "a statement of", "the U.S. Embassy's": the word that refuses it
                if up.dep_ not in {"dobj", "pobj", "prep", "nsubjpass", "conj"} or up.head.i == up.i:
                    break
                up = up.head
                if up.lemma_.lower() in refusals or up.lower_ in labels:
                    return t
    return None


def _gesture_claim(state: ClaimState, r: Reading, gesture) -> _Claim | None:
    """The row of a refused gesture, by who made it: "the condolences of the U.S. Embassy", "the US
    Embassy's condolences" and "US condolences" are one row, whoever refuses them and however often; None
    when the refusal does not say whose gesture it was ("rejected a statement of condolence")."""
    giver = _gesture_giver(gesture)
    if giver is None:
        return None
    mentions = state.by_sentence.get((r.statement.ref.source, r.statement.ref.sentence), [])
    names = [m.text for m in mentions if giver.left_edge.idx <= m.ref.start < giver.right_edge.idx + len(giver.right_edge)]
    side = _side_of_token(giver)
    if not names and not side:
        return None
    makers = (max(names, key=len),) if names else (giver.text,)  # the fullest name ("the Chilean Embassy")
    key = ("gesture", gesture.lemma_.lower(), tuple(sorted(side)) or tuple(n.lower() for n in makers))
    claim = state.gestures.get(key)
    doc = gesture.doc
    # what was asked or offered with it ("the EU's call for an international investigation") belongs to the row
    first, last = min(gesture.left_edge.i, giver.left_edge.i), max(gesture.right_edge.i, giver.right_edge.i)
    text = doc[first:last + 1].text
    prop = Proposition(text, makers, frozenset(), r.statement.ref.source, state.weigh(text), named_by=r.index)
    if claim is None:
        claim = state.gestures[key] = _Claim(f"c{len(state.claims)}", gesture=True)
        state.claims.append(claim)
    claim.props.append(prop)
    return claim


def _gesture_giver(gesture):
    """Who a gesture is from: its possessor ("the Embassy's condolences"), the object of its "of" or "from"
    ("condolences of the U.S. Embassy", "a statement of condolence from the U.S."), or a name compounded with
    it ("US condolences")."""
    for c in gesture.children:
        if c.dep_ == "poss":
            return c
    for h in (gesture, gesture.head, gesture.head.head):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in stances_table().giver_preps:
                for o in c.children:
                    if o.dep_ == "pobj" and o is not gesture and o.pos_ in {"PROPN", "NOUN"} and o.text[:1].isupper():
                        return o
    for c in gesture.children:
        if c.dep_ in {"compound", "amod"} and c.text[:1].isupper():
            return c
    return None


def _condemns_the_act(text: str, table: Stances) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in table.act_condemnations)


def _own_charge_restated(state: ClaimState, r: Reading, named_claim: dict) -> _Claim | None:
    """The allegation a rejection restates: its speaker's side made it, it charges the side the rejection
    charges, and the rejection's words fit it."""
    if r.stance not in OPPOSING - {"denies"} or not r.charged or not r.side or r.index in named_claim:
        return None
    if r.stance == "counter-accuses" and r.named is not None and r.named[0] is None and r.named[1]:
        return None  # "despite the claim from IS, officials accuse Israel": it answers IS's claim with its own charge
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
    marks = [t for t in doc if t.dep_ == "mark" and t.lower_ in state.table.contrast_marks
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


@dataclass
class _Asked:
    """What the rules placing one answer read: the state, the answer, the allegations it names by their
    words, and the claims it may answer (allegations and contested assertions made before it, not its own)."""
    state: ClaimState
    r: Reading
    named_claim: dict
    allegations: list


Placement = tuple  # (claim or None, confidence, why)
UNCLEAR: Placement = (None, 0.0, "its words fit no claim clearly")


def _target(state: ClaimState, r: Reading, named_claim: dict) -> Placement:
    """The claim an answer answers, how sure, and why; (None, 0, why) when none is clear: the first of
    TARGET_RULES that decides."""
    speakers, day = set(r.speakers), state.days.get(r.statement.ref.source)
    allegations = [c for c, makers, first in state.answerable() if not speakers & makers
                   and not (first is not None and day is not None and first > day)]  # state.later_than, kept
    asked = _Asked(state, r, named_claim, allegations)
    for _name, rule in TARGET_RULES:
        found = rule(asked)
        if found is not None:
            return found
    return UNCLEAR


def _names_the_allegation(a: _Asked) -> Placement | None:
    claim = a.named_claim.get(a.r.index)
    if claim is not None and not set(a.r.speakers) & set(claim.makers):
        return claim, NAMED, "names the allegation"
    return None


def _answers_its_sentence(a: _Asked) -> Placement | None:
    """"X blamed Ukraine for the attack, a claim Kyiv strongly denies": the allegation noun the answer
    hangs on stands for what its sentence reported just before it, so it answers that statement's claim."""
    state, st = a.state, a.r.statement
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None or not _opens_with_answered_noun(found[1], st.ref.start, state.table):
        return None
    for k in range(a.r.index - 1, -1, -1):
        other = state.statements[k]
        if (other.ref.source, other.ref.sentence) != (st.ref.source, st.ref.sentence):
            return None
        claim = state.claim_of(k)
        if other.ref.end <= st.ref.start and claim is not None:
            # (an assertion charging nobody, answered here in so many words, is a contested claim all the same:
            # "it was more likely than not that a bomb brought down the flight, a scenario that officials dismissed")
            if set(a.r.speakers) & set(claim.makers):
                return None
            return claim, NAMED, "answers the allegation its sentence reports"
    return None


def _pronoun_for_what_was_answered(a: _Asked) -> Placement | None:
    """"Kigali denies these accusations, but the United States, France and Belgium confirm them": a stance
    on a pronoun alone ("confirm them") takes up what the answer before it in its sentence answered."""
    st, table = a.r.statement, a.state.table
    parts = st.text.rstrip(".").split()
    if len(parts) != 2 or parts[1].lower() not in table.answered_pronouns:
        return None
    for k in range(a.r.index - 1, -1, -1):
        other = a.state.statements[k]
        if (other.ref.source, other.ref.sentence) != (st.ref.source, st.ref.sentence):
            return None
        placed = next((x.claim for x in a.state.answers if x.statement == k and x.claim is not None), None)
        if placed is not None and not set(a.r.speakers) & set(placed.makers):
            return placed, NAMED, "takes up, by a pronoun, what the answer before it answered"
    return None


def _opens_with_answered_noun(doc, start: int, table: Stances) -> bool:
    """Do the words at `start` open with an allegation noun whose relative clause or participle answers it
    ("a claim Kyiv denies", "an allegation that Tehran rejects", "a claim rejected by Egyptian officials")?"""
    nouns = set(table.allegation_nouns)
    for t in doc:
        if t.idx < start:
            continue
        if t.dep_ == "det" or t.is_punct:
            continue
        return t.lemma_.lower() in nouns and any(c.i > t.i and (c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBN"
                                                             and any(g.dep_ == "agent" for g in c.children))
                                                  for c in t.children)
    return False


def _names_its_makers(a: _Asked) -> Placement | None:
    """"dismissed US claims": the allegation of those makers, unless they charged several sides and only
    the answer's own side would tell which."""
    r = a.r
    if r.named is None or r.named[0] is not None or not r.named[1]:
        return None
    found = _makers_claims(a.state, r, r.named[1])
    # (a possessor is the maker; a modifier may be the subject: "Khashoggi accusations")
    makers_known = all((m in a.state.people or a.state.side_of([m]))
                       and re.search(re.escape(m) + r"[’']s\b", r.statement.text) for m in r.named[1])
    if not found and makers_known and not a.state.side_of(r.named[1]) & r.side:
        # "criticized the envoy's remark on the attack": what those makers (a person or a state) said was not
        # found; it is no answer to a charge others made
        return None, 0.0, "names makers none of whose claims were found"
    if _undecided(found, r):
        stateless = _against_a_stateless_nation(found)
        if stateless is not None and not set(r.speakers) & set(stateless.makers):
            return stateless, BY_CONTEXT, "names makers who charged states and a nation of no state; it is of none"
        return None, 0.0, "names makers who charged several sides; only its own side would tell which"
    claim = _by_makers(a.state, r, r.named[1])
    if claim is not None and OWN_ACT in claim.against and a.state.side_of(r.named[1]):
        # "dismissed the US warning", the US having said the group did it: a state's words are no group's
        # claim of responsibility, only a backing of it
        return None, 0.0, "names a state that backed a claim of responsibility, not its makers"
    if claim is not None and not set(r.speakers) & set(claim.makers):
        return claim, NAMED, "names the allegation's makers"
    return None


def _names_who_claimed_it(a: _Asked) -> Placement | None:
    """"dismissed claims of DAESH responsibility", "described claims that militants linked to Islamic State
    brought down the airliner as propaganda": a dismissal or rejection whose named allegation names the group
    that claimed the act, clearing no side and charging none, answers that group's claim of responsibility."""
    r = a.r
    if r.stance not in {"dismisses", "rejects"} or r.cleared or r.charged:
        return None
    found = [c for c in a.allegations if OWN_ACT in c.against and names_its_claimants(r, c)]
    if len(found) == 1:
        return found[0], BY_WORDS, "names the group that claimed the act"
    return None


def _against_a_stateless_nation(found: list[_Claim]) -> _Claim | None:
    """Of makers' charges against states and against one nation of no state ("Kurdish militants"), the one
    against that nation: a speaker the dossier knows no state for is not a state's voice (its officials
    are known by their titles), so it answers for the nation, not for a state."""
    stateless = [c for c in found if c.against and all(x.startswith(NATION) for x in c.against)]
    if len(stateless) == 1 and all(c is stateless[0] or not any(x.startswith(NATION) for x in c.against)
                                   for c in found):
        return stateless[0]
    return None


def _answers_the_denials(a: _Asked) -> Placement | None:
    """"these efforts to deny it are ridiculous": it answers the denials of a charge, not a charge."""
    if a.r.stance in OPPOSING - {"denies"} and _names_denials(a.r.statement.text, a.state.table):
        return None, 0.0, "it answers the denials, not a claim"
    return None


def _words_its_own(r: Reading) -> bool:
    """Are the words reported its own? Not those of a question it declined ("dismissed as inappropriate
    the question whether the royal family was not involved"): they are the asker's, and clear no one."""
    return r.stance != "declines-comment"


def _cleared_in_its_words(r: Reading) -> frozenset[str]:
    """The sides its words clear, which it answers for."""
    return r.cleared if _words_its_own(r) else frozenset()


def _against_its_side(a: _Asked) -> Placement | None:
    """The charge against its own side, or one its side is implicated in ("X supplied Y": Y answers);
    without a side of its own, the side its words defend ("I can't imagine that Putin did it"); or the
    charge against the side its words answer for ("no evidence of Ukrainian involvement")."""
    state, r, allegations = a.state, a.r, a.allegations
    if r.stance == "supports":
        return None
    # (words that accuse never clear the side its own side charges: "accused Horak of trying to shift the blame
    # onto Chile" clears no Peru)
    accusing = verb_lemma(r.statement.cue or "") in state.table.accuse_verbs
    theirs = frozenset(x for c in allegations if r.side & state.side_of(c.makers) for x in c.against) \
        if accusing else frozenset()
    sides = r.side | ((_defended(r) if r.stance == "denies" else _cleared_in_its_words(r)) - theirs)
    if r.named is not None and r.named[1]:
        # "Turkey is making false accusations": the side whose accusations it answers is no side it defends
        sides = sides - (state.side_of(r.named[1]) - r.side)
    own = [c for c in allegations if c.against & sides]
    # a charge its side is only named in counts where the answer's words or context are about it; a
    # claim that charges nobody, only where they fit it clearly better than any charge against it
    words = _merged(r.words, r.context)
    implicated = [c for c in allegations if c not in own and sides & c.involved
                  and not r.side & state.side_of(c.makers)  # its makers' own side answers the denials
                  and not (OWN_ACT in c.against and _denies_its_part(r))
                  and max(_fit(r.words, c), _fit(words, c)) >= CLEAR_ANSWER]
    best_own = max((_fit(words, c) for c in own), default=0.0)
    # ... or its words clear a side in so many words ("no evidence that it was a rocket launched by Russia")
    about_itself = bool(own) and (_speaks_of_involvement(r) or bool(r.cleared))
    if about_itself or not r.side:
        # "denied any involvement", "we did not do this": its part in the act, which the charge against
        # its side is about, not a charge it is only named in; and a speaker of no side (a newspaper: "the
        # United States took no part in it, the Times reported") clearing a side answers no charge against
        # another that only names it
        implicated = []
    elif _speaks_of_involvement(r):
        # a part in the act is what a charge says: not an account that charges no one
        implicated = [c for c in implicated if c.against]
    pool = own + [c for c in implicated if (c.is_allegation and c.against) or _fit(words, c) >= MARGIN * best_own]
    # answering on another side's behalf ("no evidence of Ukrainian involvement"): the charge against the
    # side its words name, where they fit it; said in so many words, that is what it answers, even by a
    # side that is charged with something else
    named = involvement_named(r.statement, state.docs, state.table) - sides
    # (the words of a question it declined are the askers': they tie it to a charge only where they fit it clearly)
    least = 0.0 if _words_its_own(r) else CLEAR_ANSWER
    on_behalf = [c for c in allegations if c.against & named and max(_fit(r.words, c), _fit(words, c)) > least]
    # a side merely named beside words of involvement ("no indication that Bolivia was involved"): the
    # charge against it, where the answer's words fit it clearly
    loosely = frozenset(w for w in r.words if w.startswith("@")) & _countries_named(r.statement.text) - sides \
        if _speaks_of_involvement(r) and not about_itself and _words_its_own(r) else frozenset()
    pool = on_behalf or pool + [c for c in allegations if c not in pool and c.against & loosely
                                and max(_fit(r.words, c), _fit(words, c)) >= CLEAR_ANSWER]
    if pool:
        return _one_of_its_charges(state, r, pool)
    if r.side:
        # a group its nationality gives a side ("the Afghan Taliban") is charged by its own name, not its country's
        return _named_in_the_charge(a) or _denied_before_reported(a) \
            or (None, 0.0, "no claim charges its side; the charge it answers was not found")
    return None


def _denied_before_reported(a: _Asked) -> Placement | None:
    """"Pakistan had nothing to do with this act of terrorism", in an article older than any the charge against
    Pakistan is reported in: a side denies its part in the act as it is first blamed, before the dossier's
    articles carry the charge. The one charge against its side, however late reported; with several, none."""
    state, r = a.state, a.r
    if r.stance != "denies" or not (_speaks_of_involvement(r) or _denies_any_part(r, state.table)):
        return None
    speakers = set(r.speakers)
    later = [c for c, makers, _first in state.answerable() if c.against & r.side and not speakers & makers
             and not r.side & state.side_of(c.makers)
             and c.is_allegation and not c.implied and OWN_ACT not in c.against]
    if len(later) != 1:
        return None
    return later[0], BY_CONTEXT, "denies its part before the one charge against its side is reported"


def _one_of_its_charges(state: ClaimState, r: Reading, pool: list) -> Placement:
    pool = _bodies_it_names(r, pool)
    # of several charges against its side, one that shares only a stray word with the answer ("gas" in "the
    # prices of gas will stay low") is not the one it answers: below FAINT_FIT, no choice is made on words;
    # a refusal's words ("did not claim responsibility for the incident") say nothing of which
    chosen = _clear_best(pool, r, require=len(pool) > 1, threshold=FAINT_FIT) \
        if r.stance != "declines-comment" or len(pool) == 1 else None
    if chosen is not None and _about_its_own_charge(state, r, chosen):
        return None, 0.0, "its words are about a charge its own side makes, not the one against it"
    if chosen is not None and _about_something_else(state, r, chosen):
        return None, 0.0, "the charge against its side is not in its article, and its words say nothing of it"
    if chosen is not None and _clears_of_another_act(r, chosen):
        return None, 0.0, "a third side clears the charged side of an act the claim's words say nothing of"
    if chosen is not None:
        if chosen.implied and r.stance == "declines-comment":
            # a refusal says nothing of what it refuses: tied to a charge only implied, the tie is a guess
            return None, 0.0, "it declines to comment, and no charge against its side is made in so many words"
        if chosen.implied:
            return chosen, BY_CONTEXT, "answers what another side implied of its side"
        return chosen, OWN_SIDE, "answers the charge against its own side"
    if _blames_another_on_its_own(r, pool):
        return None, 0.0, "it charges another side with something none of the charges against its side speak of"
    # (the main charge is one: an account that only names its side is none, however widely reported)
    main = _dominant([c for c in pool if c.against] or pool)
    if main is not None:
        return main, BY_WORDS, "answers the main charge against its own side"
    local = [c for c in pool if _reported_in_its_article(state, r, c)]
    if len(local) == 1 and not local[0].implied:
        # "these unfounded accusations", of the one charge against its side its own article reported before it
        return local[0], BY_CONTEXT, "answers the charge against its side its article reports"
    return None, 0.0, "several charges against its side, and its words fit none clearly"


def _reported_in_its_article(state: ClaimState, r: Reading, c: _Claim) -> bool:
    """Is the claim reported in the answer's article, before it or in its sentence (a wording of its own, or
    an allegation another answer there names)?"""
    at = r.statement.ref
    for p in c.props:
        k = p.statement if p.statement is not None else p.named_by
        if k is not None and k != r.index and _reported_before(state.statements[k].ref, at):
            return True
    return False


def _bodies_it_names(r: Reading, pool: list) -> list:
    """"Denying any involvement" answers the charge against the state, not the one against an agency of it
    ("Pakistan's spy agency, the ISI") that it does not name: of a choice between them, a charge naming an
    agency is kept only where the answer names it too."""
    said = set(re.findall(r"\w+", r.statement.text.lower()))
    named = [c for c in pool if not c.bodies or c.bodies & said]
    return named if named else pool


def _blames_another_on_its_own(r: Reading, pool: list) -> bool:
    """"It is unacceptable for the UAE to show indifference to this": an answer charging another side, of no
    part in the act and naming no allegation, whose words (and the sentences before) share nothing with any
    charge against its side, is its own charge, not the rebuttal of one of those."""
    if not (r.charged - r.side) or r.named is not None or r.cleared or _speaks_of_involvement(r):
        return False
    words = _merged(r.words, r.context)
    return all(max(_fit(r.words, c), _fit(words, c)) < FAINT_FIT for c in pool)


def _about_something_else(state: ClaimState, r: Reading, chosen: _Claim) -> bool:
    """"There are many such reports. They are all groundless", in an article that does not report, before it,
    the one charge against the speaker's side (in a wording, or named by an answer), in words that share nothing with it (nor do the sentences
    before): what "such reports" are, that article would say, not a charge reported elsewhere. A denial of a
    part in the act ("we had nothing to do with it") or one clearing a side needs no words of the charge."""
    if _speaks_of_involvement(r) or r.cleared or r.stance == "denies" \
            or (chosen.against & r.side and _of_the_blame_on_its_side(state, r)):
        return False
    if _reported_in_its_article(state, r, chosen):
        return False  # "Russia denied Ukrainian allegations that ...": named by an answer before it, it is reported
    # a refusal to say whether it did an act names the act, which must be the charge's clearly
    least = CLEAR_ANSWER if r.stance == "declines-comment" else FAINT_FIT
    return max(_fit(r.words, chosen), _fit(_merged(r.words, r.context), chosen)) < least


def _denies_any_part(r: Reading, table: Stances) -> bool:
    """"denied any involvement in the attack", "has nothing to do with it": a denial of its own side's part
    (stances.yml part_denials)."""
    words = "|".join(re.escape(w) for w in table.part_denials)
    return r.stance == "denies" and bool(words) and bool(re.search(rf"\b(?:{words})\b", r.statement.text, re.I))


def _of_the_blame_on_its_side(state: ClaimState, r: Reading) -> bool:
    """"Soto and other scum are trying to shift the blame onto Bolivia", said for Bolivia: words of the blame
    or the accusations laid on its own side, which name it, are about the charge against it, wherever reported."""
    said = {w.lower() for w in re.findall(r"[\w-]+", r.statement.text)}
    blame = {"blame", "blamed", "blaming"} | {w.lower() for w in state.table.accusation_nouns}
    return bool(said & blame) and bool(r.side & {w for w in r.words if w.startswith("@")})


def _reported_before(charge: Ref, answer: Ref) -> bool:
    """Is the charge in the answer's article, before it or in its sentence? One the article comes to only
    later ("the EU has previously said Russia uses its gas as a weapon", closing a report on another charge)
    is background, not what the answer's "the report" is."""
    return charge.source == answer.source and _position(charge.sentence) <= _position(answer.sentence)


def _position(sentence: str) -> int:
    return int(sentence[1:]) if sentence[1:].isdigit() else 0


def _clears_of_another_act(r: Reading, chosen: _Claim) -> bool:
    """"The missile was probably not fired from Russia", said by a third side, beside a claim that "Russia
    bears ultimate responsibility as it continues its war": clearing another side of an act is an answer
    to the charge that names that act, not to any charge against that side."""
    if not r.cleared or r.side & chosen.against:
        return False
    return max(_fit(r.words, chosen), _fit(_merged(r.words, r.context), chosen)) < FAINT_FIT


def _named_in_the_charge(a: _Asked) -> Placement | None:
    """A denial by someone a charge names in so many words ("The PKK denied any involvement", of "the PKK
    and the YPG militia were responsible for the blast"): that charge, when it is the only one naming it."""
    r = a.r
    if r.stance not in OPPOSING - {"counter-accuses"} or not r.speakers:
        return None
    names = {n for s in r.speakers for n in body_names(s) if len(n) > 2}
    if not names:
        return None
    named = [c for c in a.allegations if c.against and OWN_ACT not in c.against
             and names_in_its_charges(c, names)]
    if len(named) == 1:
        return named[0], OWN_SIDE, "denies a charge that names it"
    main = _dominant(named) if named else None
    if main is not None:
        # named in several charges, one of which most sources report well ahead of the others: that one
        return main, BY_WORDS, "denies the charge that names it most sources report"
    return None


def _refusal_on_nothing_said(a: _Asked) -> Placement | None:
    """"The Central Intelligence Agency declined to comment", by a speaker of no known side: only the
    sentences before say what on, and they often report another side's claim."""
    r = a.r
    if r.stance == "declines-comment" and not r.side and not any(_fit(r.words, c) > 0 for c in a.allegations):
        return None, 0.0, "a refusal to comment on what its words do not say"
    return None


def _word_candidates(a: _Asked) -> list:
    """The claims an answer may back or answer by its words alone: for an endorsement, a charge against another side by another
    side (its own words' charge, if any, says against whom); for a denial of a part in the act, a charge
    against someone it is or names; else any it may answer."""
    state, r = a.state, a.r
    candidates = a.allegations
    if r.stance == "supports":
        doers = None if r.charged else _doers_named(state, r)
        candidates = [c for c in candidates if c.is_allegation and not c.against & r.side
                      and not state.side_of(c.makers) & r.side and (not r.charged or c.against & r.charged)
                      and not (doers is not None and c.against and OWN_ACT not in c.against
                               and not doers & c.against)]
    if r.stance in OPPOSING and _speaks_of_involvement(r):
        # "denied SDF involvement in the attack": someone's part in the act is what a charge says, so it
        # answers only a claim that charges someone, however well its words fit another
        candidates = [c for c in candidates if c.against and not _charges_another(state, c, r)]
    return candidates


def _backs_the_main_charge(a: _Asked) -> Placement | None:
    """A third party's backing that names no claim: the story's main charge, if one stands well ahead."""
    r = a.r
    if r.stance != "supports" or not r.side or _said_on_a_condition(a.state, r):
        return None
    charges = [c for c in _word_candidates(a) if c.against]
    main = _dominant(charges) if charges else None
    # a verb that backs what it reports ("confirmed that London passed on information") backs those words: they
    # must be about the charge themselves; a backing in words ("expects accountability") may lean on its context
    by_verb = a.state.table.cue_verbs.get(verb_lemma(r.statement.cue.split()[0]) or "") == "supports" \
        if r.statement.cue else False
    words = r.words if by_verb else _merged(r.words, r.context)
    if main is not None and _reach(main)[0] >= WIDELY_REPORTED and _fit(words, main) > 0:
        return main, BY_CONTEXT, "backs the story's main charge"
    return None


# An answer whose words merely fit a claim best, with nothing else to go by (no named allegation or makers,
# no side of its own charged), is not placed: over the development stories one such placement in four was
# right. It goes to review/ with the YAML that places it.
TARGET_RULES = [
    ("names the allegation", _names_the_allegation),
    ("answers the allegation its sentence reports", _answers_its_sentence),
    ("a pronoun for what was answered", _pronoun_for_what_was_answered),
    ("names its makers", _names_its_makers),
    ("names who claimed it", _names_who_claimed_it),
    ("answers the denials", _answers_the_denials),
    ("the charge against its side", _against_its_side),
    ("a charge that names it", _named_in_the_charge),
    ("a refusal on nothing said", _refusal_on_nothing_said),
    ("backs the main charge", _backs_the_main_charge),
]


def _denies_its_part(r: Reading) -> bool:
    """Does the answer deny its own side's part in the act ("denied any involvement")? A group's claim of
    responsibility charges no one else, so that answers it only where the answer names it."""
    return r.stance == "denies" or _speaks_of_involvement(r)


def _charges_another(state: ClaimState, c: _Claim, r: Reading) -> bool:
    """Does the claim charge a known side that is neither the answer's own nor one its words name or clear?
    Someone denying a part in the act ("our forces have nothing to do with the bombing", "denied SDF
    involvement in the attack") does not answer a charge against another side, however well the words fit."""
    against = c.against - {OWN_ACT}
    tokens = involved_tokens(r.statement, state.docs, state.table)
    whose = frozenset(x for t in tokens for x in _side_of_token(t, state.sides.of))
    if not against or not (r.side or tokens):
        return False
    # (a country by its name or its people's; a city only says where: "the Arequipa bombing")
    named = _countries_named(r.statement.text) | r.side | r.cleared | r.charged | whose
    # a party of no known side named as the one not involved ("denied SDF involvement"): no charge
    # against a known side is about it
    return not against & named


def _doers_named(state: ClaimState, r: Reading) -> frozenset[str] | None:
    """The sides of the doers an endorsement's own words name, where they name any ("confirmed that the
    Andean Front carried out the bombing": a doer of no known side, the empty set); None if they name none.
    Such words back a charge only against the side of a doer they name."""
    found = state.docs.get((r.statement.ref.source, r.statement.ref.sentence))
    if found is None:
        return None
    _, doc, _ = found
    doers = named_doers(doc, r.statement.ref.start, r.statement.ref.end, state.table)
    if not doers:
        return None
    return frozenset(x for t in doers for x in _side_of_token(t, state.sides.of))


def _about_its_own_charge(state: ClaimState, r: Reading, chosen: _Claim) -> bool:
    """"These were not weapons the rebels had", said by the side that charges a third: words that fit its
    own side's charge clearly and the charge against its side not at all argue the former. That it is the
    one charge against its side does not make it what they answer. Words a denying verb governs ("denied
    that a missile system crossed the border") are what it denies: never its own side's charge."""
    if _fit(r.words, chosen) > 0 or _denied_by_its_verb(r, state.table) \
            or (chosen.against & r.side and (_of_the_blame_on_its_side(state, r) or _denies_any_part(r, state.table))):
        # (a denial of "any involvement" is of its side's part, whatever its own side charges others with)
        return False
    made = [c for c in state.claims if c.is_allegation and c.against and c is not chosen
            and (set(r.speakers) & set(c.makers) or r.side & state.side_of(c.makers))]
    return any(_fit(r.words, c) >= CLEAR_ANSWER for c in made)


def _denied_by_its_verb(r: Reading, table: Stances) -> bool:
    """Is the answer a clause a verb of denial or rejection governs ("denied that a missile system
    crossed")? Not a thing rejected ("rejected Israeli calls for an inquiry"), which may be its own side's."""
    cue = r.statement.cue.split()[-1] if r.statement.cue else ""
    return table.cue_verbs.get(verb_lemma(cue) or "") in {"denies", "rejects"} \
        and re.search(rf"\b{re.escape(cue)}\s+that\b", r.statement.text) is not None


def _names_denials(text: str, table: Stances) -> bool:
    """An answer to the denials themselves ("their denials are absurd", "efforts to deny it are ridiculous")."""
    nouns = "|".join(re.escape(w) for w in table.denial_nouns)
    tries = "|".join(re.escape(w) for w in table.attempt_words)
    return bool(nouns and re.search(rf"(?i)\b(?:{nouns}|(?:{tries})\s+to\s+deny)\b", text))


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
    """The countries a text names by their name or their people's ("Peru", "Peruvian", "the United States"),
    not by a city, its capital included ("the Lima bombing" says where)."""
    found = set()
    for name in re.findall(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*", text):
        words = name.split()
        for n in range(len(words), 0, -1):  # the longest run of its words that names a country
            country = next((c for k in range(len(words) - n + 1)
                            for c in (country_of(" ".join(words[k:k + n])) or demonym_country(" ".join(words[k:k + n])),)
                            if c is not None), None)
            if country is not None:
                found.add("@" + country.iso3)
                break
    return frozenset(found)


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
                 [p for p in said if p.makers and not _joins(state, p)] or [p for p in said if p.makers]) or said
        first = min(sided, key=lambda p: (state.days.get(p.source) is None, state.days.get(p.source) or 0,
                                          sided.index(p)))
        makers_side = state.side_of(first.makers)
        for p in said:
            if p is first or not (p.endorses or not c.is_allegation or own_act
                                  or p.charged & c.against and _takes_it_up(state, c, p, first)):
                continue
            if own_act and OWN_ACT in p.charged and not p.endorses:
                continue  # another claim of responsibility for the act: one of its makers, not a backing
            side = state.side_of(p.makers)
            if not side or side & c.against or set(p.makers) & set(first.makers) or _hedged(p.text, state.table):
                continue
            if not makers_side and _one_of_its_makers(p, [q for q in said if q is not p]):
                continue  # its first makers unknown ("FM"), and the wording's makers made the claim's other wordings
            if not makers_side and set(first.makers) <= state.people:
                continue  # a person speaks for some side: unknown, it may be this one (an official untitled by state)
            if not makers_side and side & _sides_of_its_other_makers(state, said, p):
                continue  # its first makers unknown ("the Foreign Office"), and its side made other wordings: a co-maker
            # a side other than the first makers'; where theirs is unknown (a reporter, a newspaper), a side
            # that charges the same side itself
            if (not side & makers_side) if makers_side else (own_act or bool(p.charged & c.against)):
                state.answers.append(Answer(p.statement, "supports", c, BY_WORDS,
                                            "says its makers did it too" if own_act else "a third party says it too"))


def _sides_of_its_other_makers(state: ClaimState, said: list, p: Proposition) -> frozenset[str]:
    """The sides of the makers of a claim's other wordings that back nothing (its own makers' wordings)."""
    return frozenset(x for q in said if q is not p and not q.endorses for x in state.side_of(q.makers))


def _one_of_its_makers(p: Proposition, others: list) -> bool:
    """Did the wording's makers make another wording of the claim ("Zarif" repeating what "Mohammad Javad
    Zarif" said)? Then it is their own claim said again, no backing of it."""
    return any(_same_people(p.makers, q.makers) or _same_people(q.makers, p.makers) for q in others if q.makers)


NEWS_CYCLE = 1  # days after a charge's first report within which another side's own wording of it is a co-maker's


def _takes_it_up(state: ClaimState, c: _Claim, p: Proposition, first: Proposition) -> bool:
    """Another side charging the same side in its own words backs the charge when it condemns the act (which
    takes the charge as given: "condemned the Israeli bombing of the hospital"), says it joins a charge made
    before ("also blamed it", "as did Egypt") or speaks after the first
    round of reporting. Within that round ("Russian missiles crossed into Poland, a US official said", the
    day the charge was first reported) it is one of the charge's makers, unless the round's only other
    makers are a newspaper or a reporter (no side), whose report a state taking it up backs. A person whose
    side the texts do not give is no newspaper: a leader or official speaking for a side unnamed."""
    said = f"{state.statements[p.statement].cue} {p.text}"
    words = set(state.table.condemnation_words)
    if words & {w.lower() for w in re.findall(r"[\w']+", said)}:
        return True
    if _joins(state, p):
        return True
    if not _same_round(state, p, first):
        return True
    return not any(q is not p and q.statement is not None and _same_round(state, q, first)
                   and (state.side_of(q.makers) or set(q.makers) & state.people) and not _hedged(q.text, state.table)
                   for q in c.props)


def _joins(state: ClaimState, p: Proposition) -> bool:
    """Does a wording say it joins a charge made before ("Morocco also blamed it", "as did Egypt")?"""
    said = f"{state.statements[p.statement].cue} {p.text}".lower()
    return any(re.search(rf"\b{re.escape(w)}\b", said) for w in state.table.additive_words)


def _same_round(state: ClaimState, p: Proposition, q: Proposition) -> bool:
    """Reported in one article, or in articles at most NEWS_CYCLE days apart (unknown days: not one round)."""
    if p.source == q.source:
        return True
    a, b = state.days.get(p.source), state.days.get(q.source)
    return a is not None and b is not None and abs((a - b).days) <= NEWS_CYCLE


def _said_on_a_condition(state: ClaimState, r: Reading) -> bool:
    """"said that if information about the malicious actions is confirmed, that intent would merit strong
    condemnation": words said on a condition (stances.yml conditionals, just before them in the sentence)
    back nothing yet."""
    opening = r.statement.text.lower().split()[:1]  # the condition inside the words ("if information ... is confirmed")
    if any(w.strip(",") in state.table.conditionals for w in opening):
        return True
    found = state.docs.get((r.statement.ref.source, r.statement.ref.sentence))
    if found is None:
        return False
    before = found[1].text[:r.statement.ref.start].lower().split()[-3:]
    return any(w.strip(",") in state.table.conditionals for w in before)


def _hedged(text: str, table: Stances) -> bool:
    """Does a wording assert less than it says ("it was important to distinguish if the group acted alone",
    "may have been involved")? Such a wording asserts nothing a reader could count as backing."""
    low = text.lower()
    words = [*table.hedges, *table.conditionals]
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words)
