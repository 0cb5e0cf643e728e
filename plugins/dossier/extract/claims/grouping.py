"""Pass 3, one claim per proposition: who is charged (a side) and with what (the words the wordings
share, weighted by how rare they are in English); and the charges a denial shows other wordings to imply.
"""
from __future__ import annotations

import re

from ..charges import _doer_tiers, _side_of_token, named_doers
from ..topics import similarity
from .compare import (
    _by_makers,
    _claim_similarity,
    _fit,
    _other_side,
    _same_people,
    _says_they_did_it,
    _speaks_of_involvement,
    names_its_claimants,
    own_clause,
    statement_tokens,
)
from .state import (
    CLEAR_ANSWER,
    OPPOSING,
    OWN_ACT,
    PLAIN_JOINS,
    RECIPROCAL,
    SAME_CHARGE,
    SAME_CLAIM,
    ClaimState,
    Proposition,
    Reading,
    _Claim,
    _topical_words,
)


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
            if not _same_side(p, c, state) or _a_third_sides_own_matter(p, c, state) \
                    or not _same_doers(p.bodies if p.charges else frozenset(), c.bodies):
                continue
            if p.named_by is not None and _others_words(p, c, state):
                continue  # "the BLA's claim of executing 214 hostages" is never a wording of the army's account
            if not p.charges and _other_counts(p, c, state):
                continue  # "more than 6,500 workers died" and "between 400 and 500 workers died": two figures
            plain = not p.charges
            score = max((similarity(p.words, words) if not plain or _shared_topics(p.words, words) >= PLAIN_SHARED
                         else 0.0) for words in c.distinct_words)
            if plain and _shared_topics(p.words, c.topics) and _counts(p, state) & _claim_counts(c, state):
                score = 1.0  # "6,500 workers had died" beside "accused Qatar for the deaths of 6,500 workers"
            if OWN_ACT in c.against and (not p.charged or p.endorses) and _names_as_doers(p, c.makers):
                # "Islamic State fighters carried out the attack", "Islamic State bore sole responsibility" (said
                # by a third side): who claimed it, named as its doers
                score = 1.0
            # the same charge from the same side needs little to be one claim; from a third side, what it
            # adds is often a charge of its own ("and its network of killings has gone global")
            same_makers = not _other_side(state.side_of(p.makers), state.side_of(c.makers))
            needed = SAME_CHARGE if p.charged & c.against and same_makers else \
                SAME_CLAIM if p.charges or not c.is_allegation else PLAIN_JOINS
            if score >= needed and score > best_score:
                best, best_score = c, score
        if best is None and p.named_by is not None:
            best = _made_by_named_makers(p, state)
            if best is not None and (not _same_side(p, best, state) or _says_something_else(p, best)
                                     or _a_third_sides_own_matter(p, best, state)):
                # "Khan's statement that Pakistan has been the biggest victim", "Iran's claims concerning Saudi
                # Arabia's alleged support" beside Iran's charge against the US: a proposition of its own
                best = None
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


def _other_counts(p: Proposition, c: _Claim, state: ClaimState) -> bool:
    """Does a plain assertion give a count that none of the claim's wordings gives, where they give counts
    of their own? A contested figure is the proposition itself: two figures are two claims."""
    mine = _counts(p, state)
    if not mine:
        return False
    theirs = _claim_counts(c, state)
    return bool(theirs) and not mine & theirs


def _claim_counts(c: _Claim, state: ClaimState) -> frozenset[str]:
    # (kept until a wording is added: asked for every candidate claim of every plain wording)
    return c._view("counts", lambda: frozenset().union(*(_counts(q, state) for q in c.props)))


COUNT_ENTITIES = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _counts(p: Proposition, state: ClaimState) -> frozenset[str]:
    """The figures a wording's main clauses give, as digits ("6,500" -> "6500"), dates aside: not those of
    a clause that only tells which event ("the crash that killed 224 people was caused by ...")."""
    if p.statement is None:
        return frozenset()
    held = state.counts
    if p.statement not in held:
        span = statement_tokens(state, state.statements[p.statement])
        inside = {t.i for t in span}
        mains = [t for root in span if root.head.i not in inside or root.head.i == root.i for t in own_clause(root)]
        held[p.statement] = frozenset(t.text.replace(",", "") for t in mains if t.ent_type_ in COUNT_ENTITIES
                                      and t.like_num and any(ch.isdigit() for ch in t.text))
    return held[p.statement]


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
    _bare_charges_joined(state)
    _implied_charges_joined(state)
    _unattributed_reports_joined(state)
    _one_remark_over_two_sentences(state)


BARE_WORDS = 1  # topical words a charging wording may hold beyond the charged side and still say nothing of its own


def _bare_charges_joined(state: ClaimState) -> None:
    """A claim whose every wording only lays the charge ("blamed Kurdish militants for the attack": the side
    and a word for the act) says nothing another could differ in: it is the one claim that charges the same
    side by the same makers' side, when there is exactly one."""
    for c in list(state.claims):
        said = [p for p in c.props if p.charges] or c.props
        if not c.against or c.against & {OWN_ACT} or any(len(_topical_words(p.words)) > BARE_WORDS for p in said):
            continue
        makers = state.side_of(c.makers)
        others = [o for o in state.claims if o is not c and o.is_allegation and o.against == c.against
                  and not _other_side(makers, state.side_of(o.makers)) and _same_doers(c.bodies, o.bodies)]
        if len(others) == 1:
            others[0].props.extend(c.props)
            others[0].implied = others[0].implied and c.implied
            state.claims.remove(c)


def _implied_charges_joined(state: ClaimState) -> None:
    """A charge only implied (wordings that charge the side only because its denial shows them for one:
    "the gunmen were driving toward the border with Bolivia", "Bolivia denied any involvement") is the one
    charge the same makers' side lays against that side in so many words, when there is exactly one: the
    denial answers what that side is charged with. With none, the implied charges by one side against
    another are one ("..., where a window had been prepared for them", "the attackers had contacts on the
    Bolivian side"): nothing in their words tells two charges apart, only the denial made them charges."""
    for c in list(state.claims):
        if c not in state.claims or not c.implied or not c.against or c.against & {OWN_ACT}:
            continue
        makers = state.side_of(c.makers)
        alike = [o for o in state.claims if o is not c and o.is_allegation and o.against == c.against
                 and makers and state.side_of(o.makers) == makers and _same_doers(c.bodies, o.bodies)]
        explicit = [o for o in alike if not o.implied]
        if len(explicit) == 1:
            _join_into(state, c, explicit[0])
        elif not explicit and alike:
            for other in alike:
                _join_into(state, other, c)


def _unattributed_reports_joined(state: ClaimState) -> None:
    """A claim known only as what its answers name, made by nobody named ("dismissed a report that Russian
    military intelligence may be behind the ailment"), is the one claim that others make against the same
    side in their own words, when there is exactly one: the report its answers mean. So is one its answers
    name with its makers ("called Peru's accusations that it was behind the attack absurd"), of the one
    claim that side makes against the same side in its own words: the answer's paraphrase of that charge."""
    for c in list(state.claims):
        if c not in state.claims or not c.against or c.against & {OWN_ACT} \
                or not all(_known_as_named(state, p) for p in c.props):
            continue
        makers = state.side_of(c.makers)
        if c.makers and not makers:
            continue
        others = [o for o in state.claims if o is not c and o.is_allegation and o.against == c.against
                  and o.makers and any(not _known_as_named(state, p) for p in o.props) and not o.implied
                  and (not c.makers or state.side_of(o.makers) == makers)]
        if len(others) == 1:
            _join_into(state, c, others[0])


def _one_remark_over_two_sentences(state: ClaimState) -> None:
    """"Bach said he had been 'disturbed' by the reaction of her coach Eteri Tutberidze." "Tutberidze had greeted
    the 15-year-old 'coldly'": one person's remark that an article tells over two sentences in a row, about
    the same third person and charging no state, is one claim, whatever words each sentence adds. Claims are
    looked up by the sentence they open on, not compared in pairs."""
    def candidate(c: _Claim) -> bool:
        return not c.against - {OWN_ACT} and len({m.split()[-1] for m in c.makers}) == 1

    opening = {}
    for c in state.claims:
        where = _one_place(state, c) if candidate(c) else None
        if where is not None:
            opening.setdefault((where[0], where[1]), []).append(c)
    for c in list(state.claims):
        if c not in state.claims or not candidate(c):
            continue
        where = _one_place(state, c)
        if where is None:
            continue
        surname = {m.split()[-1] for m in c.makers}  # ("Thomas Berg" and "Berg" are one maker)
        for o in opening.get((where[0], where[2] + 1), ()):
            if o is not c and o in state.claims and {m.split()[-1] for m in o.makers} == surname \
                    and _shared_names(state, c, o):
                _join_into(state, o, c)
                break


def _one_place(state: ClaimState, c: _Claim) -> tuple[str, int, int] | None:
    """The article and the first and last sentence a claim's wordings come from, if all from one article."""
    refs = [state.statements[i].ref for i in c.statements]
    if not refs or len({r.source for r in refs}) != 1 or any(p.statement is None for p in c.props):
        return None
    numbers = [int(r.sentence[1:]) if r.sentence[1:].isdigit() else -1 for r in refs]
    return refs[0].source, min(numbers), max(numbers)


def _shared_names(state: ClaimState, a: _Claim, b: _Claim) -> bool:
    """Do two claims' wordings name one person other than their maker ("Tutberidze")?"""
    makers = {w for m in a.makers for w in m.split()}
    people = {w for p in state.people for w in p.split() if w[:1].isupper()} - makers

    def names(c: _Claim) -> set[str]:
        return {w for i in c.statements for w in re.findall(r"[\w’'-]+", state.statements[i].text)} & people
    return bool(names(a) & names(b))


def _known_as_named(state: ClaimState, p: Proposition) -> bool:
    """Is the wording known only as someone names it: an allegation an answer names, or words hung on an
    allegation noun ("Peru's accusations that it was behind the attack"), the reporter's or the answerer's
    paraphrase, not its makers' own words?"""
    if p.statement is None:
        return p.named_by is not None
    cue = (state.statements[p.statement].cue or "").lower()
    nouns = state.table.allegation_nouns  # (singular: "accusations" is its plural)
    return cue in nouns or (cue.endswith("s") and cue[:-1] in nouns)


def _merge_first_pair(state: ClaimState) -> bool:
    against = {id(c): c.against for c in state.claims}
    charged = {id(c): _charged_by_wordings(c) for c in state.claims}
    block: dict[tuple[str, str], list[int]] = {}
    for k, c in enumerate(state.claims):
        for side in against[id(c)]:
            for w in c.topics:
                block.setdefault((side, w), []).append(k)
    for k, a in enumerate(state.claims):
        if not against[id(a)]:
            continue
        near = sorted({j for side in charged[id(a)] for w in a.topics for j in block.get((side, w), ()) if j != k})
        for j in near:
            b = state.claims[j]
            if not against[id(a)] & against[id(b)] and not _jointly_charged(a, b, against[id(a)] | against[id(b)]):
                continue  # one side charged, or two charged together by both ("the US and Israel"), not two sides
            # a third side's own wording of the charge is often a charge of its own ("and its network of
            # killings has gone global"): it is the same claim only when it says much the same
            if not _same_doers(a.bodies, b.bodies):
                continue
            needed = SAME_CLAIM if _other_side(state.side_of(a.makers), state.side_of(b.makers)) else SAME_CHARGE
            if _claim_similarity(a, b) >= needed or _same_act_on_the_same_side(a, b, state):
                a.props.extend(b.props)
                a.implied = a.implied and b.implied
                state.claims.remove(b)
                return True
    return False


def _charged_by_wordings(c: _Claim) -> frozenset[str]:
    """Every side a claim's charging wordings charge."""
    return frozenset(x for p in c.props if p.charges for x in p.charged) - {RECIPROCAL}


def _jointly_charged(a: _Claim, b: _Claim, sides: frozenset[str]) -> bool:
    """Do most charging wordings of both claims charge these sides together ("the US and Israel were behind
    it")? Then the claims are one charge against both, whichever side more of each one's wordings name first.
    A charge against one side that some wordings extend to another ("Ukraine did it"; "the US and Ukraine
    were behind it") is two propositions."""
    def together(c: _Claim) -> bool:
        said = [p for p in c.props if p.charges and p.charged]
        return 2 * sum(1 for p in said if sides <= p.charged) >= len(said) > 0
    return together(a) and together(b)


def _same_act_on_the_same_side(a: _Claim, b: _Claim, state: ClaimState) -> bool:
    """"Russian missiles crossed into Poland" and "the explosions in Poland were caused by Russian missiles":
    one side charged, the same other sides named as where or whom it struck (not the makers' own: a
    counter-accusation names its makers' side as its target), and a word for the act or its instrument in
    common. Who is charged with what, done to whom, is the proposition, however else the wordings differ."""
    if len(a.against) != 1 or a.against != b.against:
        return False
    skip = a.against | state.side_of(a.makers) | state.side_of(b.makers) | {RECIPROCAL}
    # the words of a's wordings by the sides they name as struck, then b's looked up there: every pair of
    # wordings compared at the cost of reading each claim once (claims grow with the corpus)
    words_by_struck: dict[frozenset[str], set[str]] = {}
    for named, words in _charging_wordings(a):
        if named - skip:
            words_by_struck.setdefault(named - skip, set()).update(words)
    return any(named - skip and words & words_by_struck.get(named - skip, frozenset())
               for named, words in _charging_wordings(b))


def _charging_wordings(c: _Claim) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Of each wording that charges the claim's side: the sides it names, and its topical words."""
    return c._view("charging_wordings", lambda: [
        (frozenset(w for w in p.words if w.startswith("@")), frozenset(_topical_words(p.words)))
        for p in c.props if p.charges and p.charged == c.against])


def _same_doers(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two charges name the same doers: the state alone in both, or one agency of it in both ("the ISI" /
    "the Inter-Services Intelligence (ISI)")? "Pakistan had a hand in it" and "it was controlled by the ISI"
    are two propositions: the second names who in the state did it."""
    return a == b or bool(a & b)


def _made_by_named_makers(p: Proposition, state: ClaimState) -> _Claim | None:
    """"dismissed US statements about X": the allegation those makers made (against the answerer's side,
    for a denial), when the answer's own words for it differ from theirs."""
    r = state.readings[p.named_by]
    return _by_makers(state, r, p.makers)


def _says_something_else(p: Proposition, c: _Claim) -> bool:
    """Does an allegation an answer quotes in a clause of its own share no word with the claim its makers made?
    Then it is another thing they said, not that claim in the answer's words."""
    return len(_topical_words(p.words)) >= PLAIN_SHARED and _fit(p.words, c) == 0.0


def _a_third_sides_own_matter(p: Proposition, c: _Claim, state: ClaimState) -> bool:
    """Is p an allegation a third side answers in its own words, charging nobody and not naming the side c
    charges ("Estonia slammed Russia for claiming that the killer fled there", beside Russia's charge against
    Ukraine)? What the third side answers is what the makers said of it, a proposition of its own, not the
    charge against another side."""
    if p.named_by is None or p.charged or not c.against or OWN_ACT in c.against:
        return False
    if state.readings[p.named_by].stance not in OPPOSING:
        return False  # a backing ("concerned about Canada's allegations concerning the killing") backs the charge
    answerer = state.readings[p.named_by].side
    named = {w for w in p.words if w.startswith("@")}
    return bool(answerer) and answerer.isdisjoint(c.against) and named.isdisjoint(c.against)


def _others_words(p: Proposition, c: _Claim, state: ClaimState) -> bool:
    """Are a named allegation's makers ("the BLA's claim") none of the claim's, and of another side, or of a
    known side where the claim's makers' is unknown ("the army")? Then it is not that claim."""
    if not p.makers or not c.makers or set(p.makers) & set(c.makers) or OWN_ACT in c.against:
        return False  # (a claim of responsibility is joined by its act: "the Houthis' claim", of the Houthi's)
    mine, theirs = state.side_of(p.makers), state.side_of(c.makers)
    return _other_side(mine, theirs) or (bool(mine) and not theirs)


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
    return (p.statement is not None or p.named_by is not None) and _says_they_did_it(p.text, makers)


def implied_charges(state: ClaimState) -> None:
    """A side that denies any involvement though no statement charges it in so many words answers what
    other sides said of it ("the gunmen were caught heading to Bolivia"; "Bolivia has denied any
    involvement"): the denial shows those wordings for the charge they imply. So does a third party's
    denial on its behalf ("there was no Bolivian involvement"). They charge it from now on, and claims so
    charging it by the same side are one."""
    implied = False
    owned, stamp = [], None
    for r in state.readings:
        if r.stance not in OPPOSING - {"counter-accuses"}:
            continue
        # (the claims of responsibility, read again only when a claim or a wording changed)
        now = (len(state.claims), Proposition.edits, sum(len(c.props) for c in state.claims))
        if stamp != now:
            owned, stamp = [c for c in state.claims if OWN_ACT in c.against], now
        # its own side, where it speaks of a part in the act or of an allegation ("called the accusation
        # ..."); the side its words clear, whoever speaks
        if any(names_its_claimants(r, c) for c in owned):
            continue  # "dismissed claims of DAESH responsibility": the group's claim, no charge against its side
        own = r.side if r.side and (_speaks_of_involvement(r) or r.named is not None) \
            and not _of_another_doer(state, r) else frozenset()
        for side in (own, r.cleared - r.side):
            if not side or _implicated_in_a_charge(state, r, side):
                continue
            charged_by = [state.side_of(c.makers) for c in state.claims if c.is_allegation and c.against & side]
            if not charged_by:
                implied = _imply(state, r, side) or implied
            elif len(charged_by) == 1 and charged_by[0]:
                # one side charges it in so many words: its other wordings that name it ("the gunmen were caught
                # heading to Bolivia", beside "the attackers had contacts in Bolivia") are that charge
                implied = _imply(state, r, side, only=charged_by[0]) or implied
    if implied:
        _consolidate(state)


def _of_another_doer(state: ClaimState, r: Reading) -> bool:
    """Do the answer's words put forward a doer that is not its own side ("no evidence that a terrorist
    action was behind the crash")? Then they speak of that doer's part, not of its own."""
    st = r.statement
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return False
    # (who it says did it, or who it says did not: "no evidence that a terrorist action was behind it")
    doers = [*named_doers(found[1], st.ref.start, st.ref.end, state.table),
             *(t for tier in _doer_tiers(found[1], st.ref.start, st.ref.end, state.table, negated=True) for t in tier)]
    selves = {w.lower() for w in (*state.table.self_doer_pronouns, *state.table.speaker_self_words)}
    return bool(doers) and not any(t.lower_ in selves or _side_of_token(t) & r.side for t in doers)


def _implicated_in_a_charge(state: ClaimState, r: Reading, side: frozenset[str]) -> bool:
    """Is the side named in a charge against another whose words the denial clearly shares ("denies
    involvement in the Istanbul attack", by a force the charge against its allies names)? The denial
    answers that charge; no wording that only mentions the side is read as charging it."""
    return any(c.is_allegation and c.against and OWN_ACT not in c.against and side & c.involved
               and _fit(r.words, c) >= CLEAR_ANSWER for c in state.claims)


def _charged_beside(state: ClaimState, makers: frozenset[str], side: frozenset[str]) -> bool:
    """Do these makers' own charges against others name the side ("the PKK and the Syrian Kurdish YPG
    militia were responsible", for a Syrian force)? Then a wording of theirs that only mentions it ("she
    entered through Afrin, held by Syrian rebels") is no charge the side's denial shows."""
    return any(c.is_allegation and c.against and not c.implied and side & c.involved and side.isdisjoint(c.against)
               and state.side_of(c.makers) & makers for c in state.claims)


def _imply(state: ClaimState, r: Reading, side: frozenset[str], only: frozenset[str] = frozenset()) -> bool:
    """Charge `side` in the wordings of other sides' claims that name it (of the `only` side's, if given);
    True if any did."""
    implied = False
    named_makers = r.named[1] if r.named is not None else []
    for c in state.claims:
        makers = state.side_of(c.makers)
        if c.against or not makers or makers & (side | r.side) or state.later_than(c, r) or (only and makers != only):
            continue
        if named_makers and not _same_people(named_makers, c.makers):
            continue  # "dismissed Lipa's report": what Lipa said, not what others said of its side
        if _charged_beside(state, makers, side):
            continue  # its accusers named it in their charge against others: that is what it answers
        for p in c.props:
            if side & {w for w in p.words if w.startswith("@")} and p.statement is not None:
                p.charged, p.charges, implied = p.charged | side, True, True
                c.implied = True
    return implied


def join_answered_accounts(state: ClaimState) -> None:
    """An account that charges no one in so many words ("he was killed at the consulate", "his body was
    moved out") but that the side it names denies, made by the side that charges that side in exactly one
    claim with a word of the act in common ("tortured and killed by a Saudi team"), is a wording of that
    charge: one row, its answers with it, not two rows answered by the same side."""
    for c in list(state.claims):
        if c.against or c.counter_to is not None:
            continue
        answering = frozenset(x for a in state.answers if a.claim is c and a.stance in OPPOSING - {"counter-accuses"}
                              for x in state.side_of(state.readings[a.statement].speakers))
        makers = state.side_of(c.makers)
        if not answering or not makers or makers & answering:
            continue
        charges = [o for o in state.claims if o is not c and o.is_allegation and o.against
                   and o.against <= answering and state.side_of(o.makers) == makers
                   and set(c.topics) & set(o.topics)]
        if len(charges) == 1:
            _join_into(state, c, charges[0])


def _join_into(state: ClaimState, c: _Claim, into: _Claim) -> None:
    """Move a claim's wordings and answers into another; an answer both had is kept once."""
    into.props.extend(c.props)
    into.implied = into.implied and c.implied
    state.claims.remove(c)
    had = {a.statement for a in state.answers if a.claim is into}
    for a in list(state.answers):
        if a.claim is c:
            if a.statement in had:
                state.answers.remove(a)
            else:
                a.claim = into
