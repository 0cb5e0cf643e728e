"""Claims and responses: which statements assert a proposition, and which answer one, with a stance.

1. Each statement is read for a stance (stances.yml: its reporting verb, then its words, negation
   aware). A statement without one that asserts something (an accusing or reporting verb) is a claim
   statement.
2. A response names what it answers in its own words ("rejected Western allegations claiming that X",
   "dismissed US claims"): the allegation noun's content is a claim of its own, and its modifier
   ("Western", "US", "Trudeau's", "made by the collective West") a claimant.
3. Claim statements and named allegations saying the same thing (shared content words) are one claim.
4. A response goes to the claim it names; else to the claim its words share most with; else to the
   claim the preceding sentences of its article are about ("When asked about the weapons transfer
   allegation, Peskov said ..."); else to the claim its article is most about. Never to a claim its
   own speaker makes. Several speakers give one response each.
5. An accusation by a responder against a claimant of the claim it answers is a counter-accusation:
   a response to that claim and a claim of its own, linked back by counter_to.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..data import load_table
from ..model import ClaimRecord, Mention, ResponseRecord, StatementRecord
from .statements import verb_lemma

WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]+")
MERGE_OVERLAP = 0.34  # share of the smaller claim's content words two statements must share to merge
LINK_OVERLAP = 0.2  # share of a response's content words a claim must have for the response to name it
CONTEXT_SENTENCES = 3  # preceding sentences of the same article read for what a response answers


def _stances() -> dict:
    return load_table("stances.yml")


@dataclass
class _Claim:
    key: str
    texts: list[str]  # claim statement texts and named allegations
    statements: list[int] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    sources: Counter = field(default_factory=Counter)
    words: set = field(default_factory=set)
    counter_to: str | None = None
    accused: list = field(default_factory=list)  # per text: the sides its words charge with the act

    def add(self, text: str, claimants: Iterable[str], index: int | None, source: str,
            accused: frozenset = frozenset()) -> None:
        self.texts.append(text)
        self.accused.append(accused)
        if index is not None and index not in self.statements:
            self.statements.append(index)
        for c in claimants:
            if c and c not in self.claimants:
                self.claimants.append(c)
        self.sources[source] += 1
        self.words |= content_words(text)


def find_claims(statements: Sequence[StatementRecord], parsed: Sequence = (),
                mentions: Iterable[Mention] = ()) -> tuple[list[ClaimRecord], list[ResponseRecord]]:
    table = _stances()
    docs = {(p.source.id, s.id): (s, d, p.source) for p in parsed for s, d in zip(p.source.sentences, p.docs)}
    mentions = list(mentions)
    by_sentence: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.ref.source, m.ref.sentence), []).append(m)
    sides = _Sides(mentions)
    # whom each statement charges; a speaker's own side is not charged by its own words ("Russia was not
    # involved", "Pyongyang's relations will act as ...")
    accused = [_accused(st, docs, table, sides) - sides.of_all([st.speaker_text, *st.co_speakers]) for st in statements]
    claims: list[_Claim] = []
    pending = []  # (statement index, stance, named claim or None)
    reciprocal = []  # statements of two sides accusing each other
    for i, st in enumerate(statements):
        acc = accused[i]
        stance = stance_of(st, table)
        named = _named_allegation(st, docs, by_sentence, table)
        speakers = [st.speaker_text, *st.co_speakers]
        if RECIPROCAL in acc and not stance:
            reciprocal.append(i)
            continue
        if stance == "supports" and named is None:
            own = _best_merge(claims, st.text, accused=acc, speakers=speakers)
            if own is not None and set(speakers) & set(own.claimants):
                own.add(st.text, speakers, i, st.ref.source, acc)  # a claimant saying it again
                continue
        if stance == "supports" and named is not None and named[0] and st.speaker_text \
                and not set(named[1]) - set(speakers) and not _supports_verb(st, table):
            # "X called credible allegations that Y": allegations nobody else is named for, held credible
            # by the speaker, are the speaker's own
            _place(claims, named[0], speakers, i, st.ref.source, accused=_named_accused(st, named[0], docs, table))
            continue
        contrast = _contrasted(st, i, statements, claims, docs, table) or _mirrored(st, i, statements, claims, acc)
        if contrast is not None and not stance:
            if acc and not acc & _against(contrast):
                # "X accused A of it while Y said it was B": Y turns the charge, a claim of its own
                if _topical(content_words(st.text)) >= 2:
                    _place(claims, st.text, speakers, i, st.ref.source, exclude=[contrast], accused=acc)
                pending.append((i, "counter-accuses", contrast))
            else:
                pending.append((i, table["contrast_stance"], contrast))
            continue
        if stance:
            target = None
            if named is not None:
                text, claimants = named
                if text is not None and not claimants:
                    # an allegation named by its content alone: the claim saying it, if any; else the
                    # response is linked like one that names nothing
                    target = _best_merge(claims, text, accused=_named_accused(st, text, docs, table), strict=False)
                elif text is not None:
                    target = _place(claims, text, claimants, None, st.ref.source,
                                    accused=_named_accused(st, text, docs, table))
                else:
                    target = _by_claimants([c for c in claims if not set(filter(None, speakers)) & set(c.claimants)],
                                           claimants)
                if target is not None and set(filter(None, speakers)) & set(target.claimants):
                    target = None  # nobody answers their own claim: this names something else
            pending.append((i, stance, target))
        elif _is_claim(st, table):
            speakers = [st.speaker_text, *st.co_speakers]
            claim = _best_merge(claims, st.text, accused=acc, speakers=speakers, strict=False)
            if claim is not None and not _accuses(st, table) and not (set(speakers) & set(claim.claimants)) \
                    and st.speaker_text and _agrees(st.text, claim):
                pending.append((i, "supports", claim))  # a third party saying what the claim says
                continue
            # who has answered a claim against it does not make it: the same words from them are a
            # claim of their own (a charge turned back: "accused the US of breaching resolutions")
            opposed = [t for k, stance_k, t in pending if t is not None and stance_k != "supports"
                       and set(filter(None, speakers)) & _speakers_of(statements[k])]
            _place(claims, st.text, speakers, i, st.ref.source, exclude=opposed, accused=acc)
    partners = _mutual(claims, sides)
    responses: list[ResponseRecord] = []

    def respond(i: int, stance: str, claim: _Claim, speakers, confidence: float) -> None:
        for k, actor in enumerate(speakers):
            if actor is None and k:
                continue
            responses.append(ResponseRecord(i, stance, claim.key, statements[i].text,
                                            actor_text=actor if k else None, confidence=confidence))

    facing_own: dict[frozenset, _Claim] = {}
    for i, stance, target in pending:
        st = statements[i]
        speakers = [s for s in (st.speaker_text, *st.co_speakers)]
        if target is None and stance in OPPOSING:
            # an answer goes first to the charge against the speaker's side ("Russia was not involved")
            hit = sides.of_all(speakers) | (accused[i] if stance != "counter-accuses" else set())
            facing = [c for c in claims if _against(c) & hit]
            target = _link(st, facing, statements, docs, speakers) if facing else None
            own_side = sides.of_all(speakers)
            if target is None and stance != "counter-accuses" and own_side and _own_side_named(st, docs, own_side):
                # "Ukraine has nothing to do with it", "we have no relation to this": a denial for the
                # speaker's own side answers the charge against that side; where no claim charges it or
                # speaks of it, that charge is a claim of its own, made by nobody named
                linked = _link(st, claims, statements, docs, speakers)
                if linked is None or not own_side & linked.words:
                    target = _Claim(f"c{len(claims)}", [])
                    claims.append(target)
                    target.add(st.text, [], None, st.ref.source, frozenset(own_side))
                    facing_own[frozenset(own_side)] = target
        if target is not None and target in facing_own.values() and st.text not in target.texts:
            target.add(st.text, [], None, st.ref.source, _against(target))  # its wording, for its text
        if target is None and stance == "counter-accuses":
            target = _by_named_claimants(st, claims, speakers)
        if target is None and stance == "declines-comment" and partners:
            # who will not say who did it answers both sides of a mutual accusation
            target = _link(st, [c for c in claims if c.key in partners], statements, docs, speakers)
        if target is None and stance == "supports":
            # nobody backs a charge against their own side: a hint from Kyiv is not about Kyiv's role
            own_side = sides.of_all(speakers)
            target = _link(st, [c for c in claims if not own_side & _against(c)], statements, docs, speakers)
        claim = target or _link(st, claims, statements, docs, speakers)
        if claim is None:
            continue
        if stance in {"rejects", "denies", "dismisses"}:
            counter = _counter_claim(st, claim, statements, docs, table)
            if counter:
                stance = "counter-accuses"
        if stance == "counter-accuses" and st.speaker_text and not any(i in c.statements for c in claims) \
                and _topical(content_words(st.text)) >= 2:
            # the charge turned on its makers is a claim of the responder's own
            turned = _Claim(f"c{len(claims)}", [], counter_to=claim.key)
            turned.add(st.text, speakers, i, st.ref.source, accused[i])
            claims.append(turned)
        respond(i, stance, claim, speakers, 0.8 if target else 0.6)
        if stance == "declines-comment" and claim.key in partners:
            respond(i, stance, by_key(claims)[partners[claim.key]], speakers, 0.6)
    # two sides accusing each other: each speaker turns the charge against its own side
    for i in reciprocal:
        st = statements[i]
        for k, actor in enumerate([st.speaker_text, *st.co_speakers]):
            side = sides.of(actor)
            facing = [c for c in claims if side and side in _against(c) and actor not in c.claimants]
            if facing:
                claim = max(facing, key=lambda c: (len(c.statements), len(c.texts)))
                responses.append(ResponseRecord(i, "counter-accuses", claim.key, st.text,
                                                actor_text=actor if k else None, confidence=0.6))
    # counter-accusations: accusations by a responder against the claimants of what it answers, and each
    # side's charge in a mutual accusation
    responders: dict[str, set[str]] = {}
    for r in responses:
        actor = r.actor_text or statements[r.statement_index].speaker_text
        if actor:
            responders.setdefault(actor, set()).add(r.claim_key)
    keyed = by_key(claims)
    answering = {(r.statement_index, r.claim_key) for r in responses}
    for c in claims:
        if c.key in partners:
            other = keyed[partners[c.key]]
            c.counter_to = c.counter_to or other.key
            for i in c.statements:
                st = statements[i]
                if (i, other.key) in answering or not st.speaker_text or st.speaker_text in other.claimants:
                    continue
                if accused[i] & _against(c) or _accuses(st, table):
                    answering.add((i, other.key))
                    respond(i, "counter-accuses", other, [st.speaker_text, *st.co_speakers], 0.6)
            continue
        if c.counter_to:
            continue
        for i in c.statements:
            st = statements[i]
            answered = responders.get(st.speaker_text or "", set()) - {c.key}
            for key in answered:
                other = keyed[key]
                mirrors = _topical(content_words(st.text) & other.words) >= 2  # the same charge, turned
                turned = bool(accused[i] & sides.of_all(other.claimants)) and not accused[i] & _against(other)
                if ((_names_any(st.text, other.claimants) or mirrors) and _accuses(st, table)) or turned:
                    c.counter_to = key
                    responses.append(ResponseRecord(i, "counter-accuses", key, st.text, confidence=0.6))
                    break
            if c.counter_to:
                break
    records = [ClaimRecord(c.key, _claim_text(c, statements, accused), tuple(c.statements), tuple(c.claimants),
                           c.counter_to, confidence=0.8 if c.statements else 0.5) for c in claims]
    return records, responses


OPPOSING = {"denies", "rejects", "dismisses", "counter-accuses"}


def by_key(claims: list[_Claim]) -> dict[str, _Claim]:
    return {c.key: c for c in claims}


def _mutual(claims: list[_Claim], sides: "_Sides") -> dict[str, str]:
    """Mutual accusations: for a claim charging one side with an act, the largest claim by that side
    charging the first claim's makers (sharing a topical word: the same story). Key to key."""
    out = {}
    for a in claims:
        xa, ma = _against(a), sides.of_all(a.claimants)
        if not xa or not ma or ma & xa:
            continue
        found = []
        for b in claims:
            xb, mb = _against(b), sides.of_all(b.claimants)
            if b is a or not xb or xa & xb or mb & xb or not (ma & xb and mb & xa):
                continue
            if _topical(a.words & b.words) >= 1:
                found.append(b)
        if found:
            out[a.key] = max(found, key=lambda c: (len(c.statements), len(c.texts))).key
    return out


def _named_accused(st: StatementRecord, text: str, docs, table) -> frozenset[str]:
    """Whom an allegation named in a statement charges ("allegations that Kyiv blew up ...")."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None or not text:
        return frozenset()
    _, doc, _ = found
    at = doc.text.find(text)
    return _accused_in(doc, at, at + len(text), "", table) if at >= 0 else frozenset()


# ---------------------------------------------------------------- stance


def stance_of(st: StatementRecord, table: dict | None = None) -> str | None:
    """The stance a statement takes, from its reporting verb, then its words; None if it takes none."""
    table = table or _stances()
    cue = st.cue.split()[0].lower() if st.cue else ""
    lemma = verb_lemma(cue) or cue
    text = (st.cue + " " + st.text).lower().replace("’", "'")
    negated = bool(re.search(r"\b(not|n't|never|no)\s+(\w+\s+)?" + re.escape(cue), text)) if cue else False
    if lemma in table["cue_verbs"] and not negated:
        stance = table["cue_verbs"][lemma]
        if stance != "supports":
            return stance
    for stance, cues in table["cues"].items():
        for c in cues:
            for m in re.finditer(rf"\b{re.escape(c.lower())}\b", text):
                if stance in {"denies", "rejects", "dismisses", "supports"} and _negated_before(text, m.start()):
                    continue
                return stance
    if lemma in table["cue_verbs"] and not negated:
        return table["cue_verbs"][lemma]
    return None


def _negated_before(text: str, at: int) -> bool:
    """"did not deny", "not unfounded": a negation right before a cue word turns it."""
    before = text[max(0, at - 16):at].split()
    return any(w in {"not", "n't", "never", "didn't", "don't", "doesn't", "no"} for w in before[-2:])


def _is_claim(st: StatementRecord, table: dict) -> bool:
    lemma = verb_lemma(st.cue.split()[0].lower()) if st.cue else None
    if lemma in table["claim_verbs"] or st.cue in {"quoted", "according to", "headline"}:
        return True
    if st.cue and st.cue.lower() in table["claim_nouns"]:  # "Trudeau's comments that ...", "Western allegations claiming ..."
        return True
    return any(w in st.text.lower() for w in table["claim_words"])


def _supports_verb(st: StatementRecord, table: dict) -> bool:
    """The reporting verb itself supports ("confirmed", "backed"): the speaker backs someone's claim."""
    lemma = verb_lemma(st.cue.split()[0].lower()) if st.cue else None
    return table["cue_verbs"].get(lemma) == "supports"


def _speakers_of(st: StatementRecord) -> set[str]:
    return set(filter(None, (st.speaker_text, *st.co_speakers)))


def _contrasted(st: StatementRecord, i: int, statements, claims, docs, table) -> "_Claim | None":
    """"X claimed that A, while Y said B": a statement set against a claim in the same sentence answers
    it. The claim's statement comes first and has another speaker."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None or not st.speaker_text:
        return None
    _, doc, _ = found
    marks = [t for t in doc if t.dep_ == "mark" and t.lower_ in table["contrast_marks"]
             and t.idx < st.ref.start and t.head.dep_ == "advcl" and t.head.idx < st.ref.start]
    if not marks:
        return None
    cut = marks[-1].idx
    for c in claims:
        for k in c.statements:
            other = statements[k]
            if k < i and (other.ref.source, other.ref.sentence) == (st.ref.source, st.ref.sentence) \
                    and other.ref.end <= cut + 1 and other.speaker_text != st.speaker_text:
                return c
    return None


def _mirrored(st: StatementRecord, i: int, statements, claims, acc) -> "_Claim | None":
    """"Y said the same about X": the charge of the statement just before (another speaker's, in the same
    or the previous sentence) turned on X. None unless the words say so."""
    if not acc or not re.search(r"\bthe same (?:about|of|regarding|against)\b", st.text):
        return None
    for k in range(i - 1, max(-1, i - 4), -1):
        other = statements[k]
        if other.ref.source != st.ref.source or other.speaker_text == st.speaker_text:
            continue
        found = [c for c in claims if k in c.statements]
        if found:
            return found[0]
    return None


def _accuses(st: StatementRecord, table: dict) -> bool:
    lemma = verb_lemma(st.cue.split()[0].lower()) if st.cue else None
    return lemma in table["accuse_verbs"]


# ---------------------------------------------------------------- who is charged, and whose side


def _side_of_name(name: str) -> str | None:
    """'@ISO3' of the state a name stands for: a country, its capital or demonym, or a seat of government
    ("the Kremlin"); else None."""
    if not name:
        return None
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"[’']s$", "", name)
    seat = _seats().get(name.lower())
    return _country(seat or name)


@lru_cache(maxsize=None)
def _seats() -> dict[str, str]:
    return {k.lower(): v for k, v in (_stances().get("seats") or {}).items()}


def _side_of_token(tok, people=None) -> frozenset[str]:
    """The states a noun phrase names: its head or the name, demonym or possessor qualifying it ("the
    Ukrainian side", "Kiev's attack", "Russian occupation forces"), with its conjuncts; given `people`
    (a name -> side lookup), also the state a named person or body acts for ("Putin" -> Russia)."""
    found = set()
    for t in (tok, *tok.conjuncts):
        if t.lower_ in {"other", "another"} or (t.lower_ == "each" and t.head.lower_ == "other"):
            found.add(RECIPROCAL)
            continue
        parts = [c for c in t.children if c.dep_ in {"compound", "amod", "poss", "nmod"} and c.i < t.i]
        name = " ".join(x.text for x in sorted([*parts, t], key=lambda x: x.i) if x.dep_ != "poss")
        for cand in (name, t.text, *[c.text for c in parts],
                     *[g.text for c in parts if c.dep_ == "poss" for g in c.children if g.dep_ == "compound"]):
            side = _side_of_name(cand)
            if side:
                found.add(side)
                break
        else:
            side = people(t.text) if people is not None and t.pos_ == "PROPN" else None
            if side:
                found.add(side)
    return frozenset(found)


def demonym_side(word: str) -> str | None:
    try:
        from .countries import demonym_country
        c = demonym_country(word)
    except Exception:  # the table is another stage's; a failure there only loses the side
        return None
    return "@" + str(getattr(c, "iso3", None) or c.name) if c is not None else None


RECIPROCAL = "<each other>"  # "X and Y accuse each other": each charges the other


def _accused(st: StatementRecord, docs, table, sides: "_Sides | None" = None) -> frozenset[str]:
    """The sides a statement charges with the act it reports: the object of an accusing verb ("accused
    Kyiv of", "blamed Ukraine, saying ..."), the agent of the act ("a sabotage by the Ukrainian side",
    "was caused by Russia"), its subject ("Ukrainian forces blew up"), a cleft's focus ("it was Ukraine
    that"), the possessor of the act ("Kiev's attack"), or whom the same is said about. Empty when it
    names none."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return frozenset()
    _, doc, _ = found
    return _accused_in(doc, st.ref.start, st.ref.end, st.cue, table, sides.of if sides is not None else None)


def _charged_subject(t, table) -> bool:
    """The subject of a predicate that names the doer ("Putin is behind", "the FSB was responsible",
    "Putin is to blame"), or a noun a headline puts behind the act ("Russian intelligence behind crash"),
    or the subject of an act verb ("Putin would kill him", "the FSB ordered ...")."""
    preds = {w.lower() for w in table.get("charge_predicates") or ()}
    if t.dep_ in {"nsubj", "nsubjpass"}:
        head = t.head
        if head.lemma_.lower() in {w.lower() for w in table.get("act_verbs") or ()}:
            return True
        if head.lemma_.lower() == "be" or head.lower_ in preds:
            return head.lower_ in preds or any(c.lower_ in preds or (c.dep_ == "xcomp" and c.lemma_.lower() in preds)
                                               for c in head.children if c.dep_ in {"prep", "acomp", "xcomp", "attr"})
    return t.pos_ in {"PROPN", "NOUN"} and any(c.dep_ == "prep" and c.lower_ in preds for c in t.children)


def _accused_in(doc, start: int, end: int, cue: str, table, people=None) -> frozenset[str]:
    accusing = set(table["accuse_verbs"]) | set(table.get("charge_verbs") or ())
    toks = [t for t in doc if start <= t.idx < end]
    if not toks:
        return frozenset()
    head = next((t for t in doc if cue and t.lower_ == cue.split()[0].lower() and t.idx < end), None)
    steps = 0
    while head is not None and steps < 3:  # the accusing verb a cue hangs from ("blamed Ukraine, saying")
        if head.lemma_.lower() in accusing:
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if obj:
                side = _side_of_token(obj[0], people)
                if side:
                    return side
        if head.dep_ not in {"advcl", "xcomp", "conj", "ccomp"} or head.head is head:
            break
        head, steps = head.head, steps + 1
    speech = set(table["claim_verbs"]) | {"say", "tell"}
    acts = set(table.get("act_nouns") or ())
    tiers: list[list] = [[], [], [], [], [], []]
    for t in toks:
        if t.dep_ == "dobj" and t.head.lemma_.lower() in accusing:
            tiers[0].append(t)
        elif t.dep_ == "pobj" and t.head.lower_ == "on" and t.head.head.lemma_.lower() in accusing:
            tiers[0].append(t)  # "blamed it on Putin"
        elif t.dep_ == "pobj" and (t.head.dep_ == "agent" or (t.head.lower_ == "by" and t.head.head.pos_ == "NOUN"
                                                              and t.head.head.lemma_.lower() in acts)):
            tiers[1].append(t)
        elif t.dep_ == "pobj" and t.head.lower_ in {"about", "of"} and t.head.head.lower_ == "same":
            tiers[1].append(t)  # "said the same about Moscow"
        elif t.dep_ in {"nsubj", "nsubjpass"} and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in speech \
                and t.head.lemma_.lower() != "be":
            tiers[2].append(t)
        elif t.dep_ == "attr" and t.head.lemma_.lower() == "be" and any(c.dep_ == "relcl" for c in t.children):
            tiers[3].append(t)  # "it was Ukraine that had sabotaged the dam"
        elif t.dep_ == "poss" and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in acts:
            tiers[4].append(t)
        if _charged_subject(t, table):
            tiers[5].append(t)
    for tier in tiers:
        for t in tier:
            side = _side_of_token(t)
            if side:
                return side
    for tier in (tiers[0], tiers[1], tiers[5]):  # then a person or body named as the doer, as its state
        for t in tier:
            side = _side_of_token(t, people)
            if side:
                return side
    return frozenset()


class _Sides:
    """The state each speaker speaks for: its own name ("Ukraine", "the Kremlin"), else the state its role
    names ("Kremlin spokesman", "Ukraine's NSDC Secretary", "Russia's U.N. Ambassador")."""

    def __init__(self, mentions: Iterable[Mention]):
        self.roles: dict[str, list[str]] = {}
        self.known: dict[str, str | None] = {}
        for m in mentions:
            for r in (m.role, m.role_org):
                if r:
                    self.roles.setdefault(m.text, []).append(r)

    def of(self, speaker: str | None) -> str | None:
        if not speaker:
            return None
        if speaker not in self.known:
            self.known[speaker] = self._of(speaker)
        return self.known[speaker]

    def _of(self, speaker: str) -> str | None:
        words = speaker.split()
        for n in range(len(words), 0, -1):  # "Ukraine", "the Kremlin", "DPRK Foreign Ministry", "Russian forces"
            side = _side_of_name(" ".join(words[:n])) or (demonym_side(" ".join(words[:n])) if n <= 2 else None)
            if side:
                return side
        for text, roles in self.roles.items():
            if text == speaker or (len(words) == 1 and speaker in text.split()):  # a surname alone
                for r in roles:
                    for w in [r, *re.split(r"\s+", re.sub(r"[’']s\b", "", r))]:
                        side = _side_of_name(w) if w[:1].isupper() else None
                        if side:
                            return side
        return None

    def of_all(self, names: Iterable[str]) -> set[str]:
        return {s for s in map(self.of, names) if s}


def _against(c: _Claim) -> frozenset[str]:
    """Whom a claim charges: the side its texts charge most often, if at least half of them charge it
    (a claim that only mentions an act of someone's in passing charges nobody)."""
    counts = Counter(x for a in c.accused for x in a if x != RECIPROCAL)
    if not counts:
        return frozenset()
    top = max(counts.values())
    if top * 2 < len(c.texts):
        return frozenset()
    return frozenset(x for x, n in counts.items() if n == top)


# ---------------------------------------------------------------- claims named in a response


def _named_allegation(st: StatementRecord, docs, by_sentence, table) -> tuple[str | None, list[str]] | None:
    """'rejected Western allegations claiming that X' -> (X, ['Western']); None if it names none."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return None
    sentence, doc, _ = found
    nouns = set(table["allegation_nouns"])
    mentions = by_sentence.get((st.ref.source, st.ref.sentence), [])
    for tok in doc:
        if not (st.ref.start <= tok.idx < st.ref.end) or tok.lemma_.lower() not in nouns or tok.pos_ != "NOUN":
            continue
        claimants, content = [], []
        for c in tok.children:
            if c.dep_ in {"amod", "compound", "poss", "nmod"}:
                claimants += _heads(c, mentions) or ([c.text] if c.pos_ in {"PROPN"} or c.text[:1].isupper() else [])
            elif c.dep_ in {"acl", "relcl"}:
                lemma = c.lemma_.lower()
                reports = verb_lemma(c.text) is not None or lemma in table["attribution_verbs"]
                for g in c.children:
                    if g.dep_ == "agent":
                        claimants += [m for g2 in g.children if g2.dep_ == "pobj" for m in _heads(g2, mentions)]
                    elif not reports:
                        continue  # "accusations linking X to Y": the clause is the content (below)
                    elif g.dep_ in {"ccomp", "xcomp", "dobj"}:
                        content.append(g)
                    elif g.dep_ == "prep" and g.lower_ in {"of", "about", "on", "that"}:
                        content.append(g)
                if not content and c.dep_ == "acl" and lemma not in table["attribution_verbs"]:
                    content.append(c)
            elif c.dep_ == "prep" and c.lower_ in {"of", "about", "on", "over", "that", "regarding", "concerning"}:
                content.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                claimants += [m for g in c.children if g.dep_ == "pobj" for m in _heads(g, mentions)]
        if content:
            toks = sorted((t for c in content for t in c.subtree), key=lambda t: t.i)
            toks = [t for t in toks if not (t.dep_ == "mark" or (t == toks[0] and t.dep_ == "prep"))]
            if toks:
                text = doc.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
                if len(text.split()) >= 2:
                    return text, claimants
        if claimants:
            return None, claimants
    return None


def _by_claimants(claims: list[_Claim], claimants) -> _Claim | None:
    """The claim most made by these claimants ("dismissed US claims")."""
    folded = {_country(c) or c for c in claimants}
    found = [c for c in claims if folded & {_country(x) or x for x in c.claimants}]
    return max(found, key=lambda c: len(c.statements) + len(c.texts)) if found else None


def _by_named_claimants(st: StatementRecord, claims: list[_Claim], speakers) -> _Claim | None:
    """A charge turned back names whom it turns on: the claim most made by claimants its words name."""
    words = content_words(st.text)
    found = [c for c in claims if not set(filter(None, speakers)) & set(c.claimants)
             and any(_country(x) in words or _names_any(st.text, [x]) for x in c.claimants if x)]
    return max(found, key=lambda c: (len(c.statements), len(c.texts))) if found else None


def _heads(tok, mentions) -> list[str]:
    """Mentions at a noun and its conjuncts ("the collective West", "the US and Japan"), not inside
    its modifiers."""
    out = []
    for t in (tok, *tok.conjuncts):
        out += [m.text for m in mentions if m.ref.start <= t.idx < m.ref.end]
    return out


def _mentions_in(tok, mentions) -> list[str]:
    lo = min(t.idx for t in tok.subtree)
    hi = max(t.idx + len(t.text) for t in tok.subtree)
    return [m.text for m in mentions if lo <= m.ref.start < hi]


# ---------------------------------------------------------------- grouping and linking


def content_words(text: str) -> set[str]:
    """Comparable words of a text: stop words out, stems, near-synonyms and country names (capitals,
    demonyms, short forms) folded to one form each."""
    return set(_content_words(text))


@lru_cache(maxsize=4096)
def _content_words(text: str) -> tuple[str, ...]:
    table = _stances()
    stop = set(table["stopwords"])
    words = WORD_RE.findall(text)
    out, skip = [], False
    for k, w in enumerate(words):
        if skip:
            skip = False
            continue
        if w[:1].isupper():
            pair = f"{w} {words[k + 1]}" if k + 1 < len(words) else None
            place = _country(pair) if pair and words[k + 1][:1].isupper() else None
            if place:
                out.append(place)
                skip = True
                continue
            place = _country(w)
            if place:
                out.append(place)
                continue
        low = w.lower()
        if low in stop or len(w) <= 2:
            continue
        out.append(_equivalents().get(low) or _equivalents().get(_stem(low)) or _stem(low))
    return tuple(out)


@lru_cache(maxsize=None)
def _equivalents() -> dict[str, str]:
    return {w: group[0] for group in _stances().get("equivalents") or () for w in group}


@lru_cache(maxsize=4096)
def _country(name: str) -> str | None:
    """'@ISO3' for a country, its capital or its demonym, if the country table knows it."""
    try:
        from . import countries
    except ImportError:  # pragma: no cover
        return None
    for finder in ("country_of", "capital_of", "demonym_country"):
        fn = getattr(countries, finder, None)
        try:
            c = fn(name) if fn else None
        except Exception:  # the table is another stage's; a failure there only loses the folding
            c = None
        if c is not None:
            return "@" + str(getattr(c, "iso3", None) or getattr(c, "name", name))
    return None


def _stem(w: str) -> str:
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _best_merge(claims: list[_Claim], text: str, exclude=(), accused: frozenset = frozenset(),
                speakers=(), strict: bool = True) -> _Claim | None:
    """The claim one of whose texts says what this text says. Texts are compared one by one, so a claim
    does not grow into everything its members touch on; two texts naming the same countries say the same
    thing only if they share what they say of them; two texts charging different sides with the act are
    opposing claims (a mutual accusation), and a text that charges nobody joins a charge only from its
    makers (who say more about it), never from a third party."""
    words = content_words(text)
    best, best_score = None, 0.0
    own = set(filter(None, speakers))
    for c in claims:
        if c in exclude:
            continue
        for other, theirs in zip(c.texts, c.accused):
            if accused and theirs:
                if not accused & theirs:
                    continue
            elif (accused or theirs) and strict and not own & set(c.claimants):
                continue
            ow = content_words(other)
            score = _overlap(words, ow)
            if score >= MERGE_OVERLAP and _topical(words & ow) >= 2 and score > best_score:
                best, best_score = c, score
    return best


def _topical(shared: set[str]) -> int:
    """Shared content words other than country names."""
    return len([w for w in shared if not w.startswith("@")])


def _agrees(text: str, claim: _Claim) -> bool:
    """A third party's statement says what the claim says: most of its content words are the claim's."""
    words = content_words(text)
    return len(words & claim.words) >= 3 and len(words & claim.words) / max(1, len(words)) >= 0.5


def _place(claims: list[_Claim], text: str, claimants, index, source, exclude=(),
           accused: frozenset = frozenset()) -> _Claim:
    claim = _best_merge(claims, text, exclude, accused, claimants)
    if claim is None:
        claim = _Claim(f"c{len(claims)}", [])
        claims.append(claim)
    claim.add(text, claimants, index, source, accused)
    return claim


def _link(st: StatementRecord, claims: list[_Claim], statements, docs, speakers) -> _Claim | None:
    own = [c for c in claims if not (set(filter(None, speakers)) & set(c.claimants))]
    if not own:
        return None
    words = content_words(st.text)
    scored = [(len(words & c.words) / max(1, len(words)), c) for c in own]
    best = max(scored, key=lambda s: (s[0], len(s[1].texts)))
    if best[0] >= LINK_OVERLAP and len(words & best[1].words) >= 2 and _topical(words & best[1].words) >= 1:
        return best[1]
    context = _context(st, docs)
    if context:
        cw = content_words(context)
        scored = [(len(cw & c.words), c) for c in own]
        best = max(scored, key=lambda s: (s[0], len(s[1].texts)))
        if best[0] >= 2:
            return best[1]
    # the claim its article is most about, else the story's
    return max(own, key=lambda c: (c.sources[st.ref.source], len(c.statements) + len(c.claimants)))


def _context(st: StatementRecord, docs) -> str:
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return ""
    sentence, doc, source = found
    ids = [s.id for s in source.sentences]
    k = ids.index(sentence.id)
    before = [s.text for s in source.sentences[max(0, k - CONTEXT_SENTENCES):k] if s.kind != "caption"]
    own = sentence.text[: st.ref.start]  # "When asked about the allegation, Peskov said, ..."
    return " ".join(before + [own])


def _own_side_named(st: StatementRecord, docs, own: set[str]) -> bool:
    """The statement speaks of its speaker's own side: "we", "our", or the side's name as a subject or a
    possessor ("Ukraine has nothing to do with", "dismisses Ukraine's role")."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return False
    _, doc, _ = found
    for t in doc:
        if not (st.ref.start <= t.idx < st.ref.end) or t.dep_ not in {"nsubj", "nsubjpass", "poss"}:
            continue
        if t.lower_ in {"we", "our", "us"} or _side_of_token(t) & own:
            return True
    return False


def _counter_claim(st, claim, statements, docs, table) -> bool:
    """A response that turns the charge on its makers: it names a claimant and accuses."""
    low = st.text.lower()
    found = [c for c in table["cues"].get("counter-accuses") or () if re.search(rf"\b{re.escape(c)}\b", low)]
    weak = set(table.get("counter_needs_name") or ())
    return any(c not in weak for c in found) or (bool(found) and _names_any(st.text, claim.claimants))


def _names_any(text: str, names: Iterable[str]) -> bool:
    low = text.lower()
    return any(n and re.search(rf"\b{re.escape(n.lower())}\b", low) for n in names)


def _claim_text(c: _Claim, statements, accused=None) -> str:
    """The claim as a proposition: its shortest well-formed content (a complement clause rather than a
    whole quote), from the claim statements first; of a charge, a statement that names whom it charges."""
    against = _against(c)
    charging = [statements[i].text for i in c.statements if not statements[i].direct and accused
                and accused[i] & against] if against else []
    texts = charging or [statements[i].text for i in c.statements if not statements[i].direct] or \
        [statements[i].text for i in c.statements] or c.texts
    texts = [t for t in texts if len(t.split()) >= 4] or texts
    text = min(texts, key=lambda t: abs(len(t.split()) - 18))
    return text.strip(" ,;:“”\"").rstrip(".") if text else text
