"""Who a statement charges with an act, and whose side a speaker is on.

A side is a state, written '@ISO3': the country a name, capital, demonym or seat of government stands for
("the Kremlin" -> '@RUS'), or the state a person's or body's title names ("Kremlin spokesman"). The charged
side of a statement is read from its parse: the object of an accusing verb, the agent of an act, the
subject of an act verb, a cleft's focus, the possessor of an act noun.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..data import Stances, actor_words_table, bodies_table, speech_table, stances_table
from ..model import Mention, StatementRecord, name_key
from ..world import capital_of, nation_of, seat_country
from .who import words as who_words


NATION = "@~"  # a stateless nation's side: '@~Kurds' (sides are '@' and a country's ISO code)
RECIPROCAL = "<each other>"  # "X and Y accuse each other": each charges the other
SPEAKER = "<the speaker>"  # "it was not our rocket": the speaker's own side, which the reader of the statement knows


def _side_of_name(name: str) -> str | None:
    """'@ISO3' of the state a name stands for: a country, its capital or demonym, or a seat of government
    ("the Kremlin"); else None."""
    if not name:
        return None
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"[’']s$", "", name)
    seat = seat_country(name)  # the one table of seats of power (data/seats.yml)
    if seat is not None:
        return "@" + seat.iso3
    return _country(_former_names().get(name.lower()) or name)


@lru_cache(maxsize=None)
def _former_names() -> dict[str, str]:
    """Old spellings news still uses for a capital ("Kiev", "Peking"): the country's name."""
    return {k.lower(): v for k, v in stances_table().former_names.items()}


def _side_of_token(tok, people=None) -> frozenset[str]:
    """The states a noun phrase names: its head or the name, demonym or possessor qualifying it ("the
    Ukrainian side", "Kiev's attack", "Russian occupation forces"), with its conjuncts; given `people`
    (a name -> side lookup), also the state a named person or body acts for ("Putin" -> Russia)."""
    found = set()
    allegations = {w.lower() for w in stances_table().allegation_nouns}
    counterparts = {w.lower() for w in stances_table().counterpart_nouns}
    held = {w.lower() for w in stances_table().held_by_another}
    for t in (tok, *tok.conjuncts):
        if t.lemma_.lower() in allegations:
            continue  # "denounced the explosion and the Turkish accusations": whose allegation, not a doer
        if t.lower_ == "led" and t.dep_ == "amod":
            # "the US-led aggression": the state that led it
            t = next((c for c in t.children if c.dep_ in {"npadvmod", "compound"} and c.i < t.i), t)
        if t.lower_ in stances_table().reciprocal_words or (t.lower_ == "each" and t.head.lower_ == "other"):
            found.add(RECIPROCAL)
            continue
        if any(c.dep_ == "amod" and c.lemma_.lower() in held for c in t.children):
            # "fired from rebel-controlled Ukraine", "Russian-occupied Ukraine": the place is another's hold,
            # its state is not who fired from it
            continue
        bracketed = _bracketed_name(t)
        if bracketed:
            # "proves that they [Saudi Arabia] were involved": the editor's bracket names whom the words mean
            side = _side_of_name(bracketed)
            if side:
                found.add(side)
                continue
        if t.lemma_.lower() in counterparts:
            # "Iran's arch foes Israel and the United States": the names in apposition, never the possessor;
            # without one, the nationality it is given ("its small Rwandan neighbour": Rwanda)
            named = {x for c in t.children if c.dep_ == "appos" for x in _side_of_token(c, people)}
            found.update(named or {x for c in t.children if c.dep_ == "amod" and c.i < t.i
                                   for x in [demonym_side(c.text)] if x})
            continue
        parts = [c for c in t.children if c.dep_ in {"compound", "amod", "poss", "nmod"} and c.i < t.i]
        if any(_other_sides_coordinated(c) for c in parts):
            continue  # "the river that separates Russian and Ukrainian forces": both sides' forces, neither one's
        # its possessors apart ("Kiev's attack"), not itself when it is one ("North Korea's attack": Korea)
        name = " ".join(x.text for x in sorted([*parts, t], key=lambda x: x.i) if x.i == t.i or x.dep_ != "poss")
        whole = _side_of_name(name) or _side_of_name(t.text) or _people_of(t)
        by_part = [x for x in map(_side_of_name, (
            *[_with_compounds(c) for c in parts],
            *[g.text for c in parts if c.dep_ == "poss" for g in c.children if g.dep_ == "compound"])) if x]
        # "the Syrian Kurdish YPG militia": a stateless nation's word, even inside the name it qualifies, is
        # the narrower identity; the country's word says where the group is
        nested = [g.text for c in parts if c.dep_ == "compound" for g in c.children if g.dep_ in {"compound", "amod"}]
        nation = next((x for x in [*by_part, *map(_side_of_name, nested)] if x and x.startswith(NATION)), None)
        if _part_of_a_group(t):
            whole, by_part = None, []  # "Islamic State's Afghanistan branch": the country is where it operates
        side = whole or nation or (by_part[0] if by_part else None)
        if side and not side.startswith(NATION) and not whole and _against_its_state(t):
            # "Russian dissidents": the state's opponents, a side of no state
            side = NATION + " ".join(x.text for x in sorted([*parts, t], key=lambda x: x.i) if x.dep_ != "poss")
        if side:
            found.add(side)
        elif people is not None:
            # "Putin", or the body a weapon or act is named for ("a failed Islamic Jihad rocket")
            # ("Soto's special services": the services of the state the person possessing them leads)
            names = [t.text] if t.pos_ == "PROPN" else \
                [_with_compounds(c) for c in parts if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"]
            side = next(filter(None, map(people, names)), None)
            if side:
                found.add(side)
    return frozenset(found)


def _other_sides_coordinated(modifier) -> bool:
    """Is a demonym or name modifying a noun coordinated with another state's ("Russian and Ukrainian")?"""
    own = _side_of_name(modifier.text)
    return own is not None and any(_side_of_name(c.text) not in {None, own} for c in modifier.conjuncts)


def _against_its_state(t) -> bool:
    """Does the noun name its nationality's opponents of their own state ("Russian dissidents", "partisans")?"""
    return t.lemma_.lower() in {w.lower() for w in stances_table().anti_state_doers} \
        or t.lower_ in {w.lower() for w in stances_table().anti_state_doers}


def _people_of(t) -> str | None:
    """"three Pakistanis carried out the attack": a nationality's people, as "Pakistani militants" are, stand
    for its state where a sentence charges them."""
    if t.tag_ not in {"NNPS", "NNS"} or not t.text.endswith("s") or not t.text[:1].isupper():
        return None
    return demonym_side(t.text[:-1])


def _bracketed_name(t) -> str | None:
    """The name an editor's bracket gives a pronoun or stands for ("they [Saudi Arabia]", the parser often
    taking the bracket itself for the subject): the words inside it."""
    doc = t.doc
    start = t.i if t.text == "[" else t.i + 1 if t.pos_ == "PRON" and t.i + 1 < len(doc) and doc[t.i + 1].text == "[" \
        else None
    if start is None:
        return None
    end = next((x.i for x in doc[start + 1:start + 6] if x.text == "]"), None)
    return doc[start + 1:end].text if end is not None and end > start + 1 else None


def _with_compounds(t) -> str:
    """A word with the name words before it ("North Korea" of "North Korea's attack")."""
    return " ".join(x.text for x in sorted([t, *(c for c in t.children if c.dep_ == "compound" and c.i < t.i)],
                                           key=lambda x: x.i))


def _part_of_a_group(t) -> bool:
    """Is the noun a part of an organisation its possessor or its "of" names ("Islamic State's Afghanistan
    branch", "the Afghan affiliate of al-Qaeda")? A country's word on it is a place."""
    if t.lemma_.lower() not in {w.lower() for w in stances_table().branch_nouns}:
        return False
    owners = [c for c in t.children if c.dep_ == "poss"] + \
        [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(not _side_of_name(" ".join(x.text for x in o.subtree)) and not _side_of_name(o.text) for o in owners)


def demonym_side(word: str) -> str | None:
    try:
        from .countries import demonym_country
        c = demonym_country(word)
    except Exception:  # the table is another stage's; a failure there only loses the side
        return None
    return "@" + str(getattr(c, "iso3", None) or c.name) if c is not None else None


def _initials(name: str) -> str:
    """'Israel Defense Forces' -> 'IDF': the capitals of a name's capitalised words."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


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
    preds = {w.lower() for w in table.charge_predicates}
    if t.dep_ in {"nsubj", "nsubjpass"}:
        head = t.head
        if _act_verb(head, {w.lower() for w in table.act_verbs}):
            # "Khashoggi was killed", "Khashoggi killed inside ...": a passive's subject suffered the act
            return t.dep_ == "nsubj" and not _reduced_passive(t)
        if t.dep_ == "nsubj" and head.lemma_.lower() == "have" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in set(table.involvement_nouns) for c in head.children):
            return True  # "X had a hand / a role / links in it"
        if t.dep_ == "nsubj" and head.lemma_.lower() in set(table.responsibility_bearing) and any(
                c.dep_ == "dobj" and c.lemma_.lower() in set(speech_table().claimed_things) for c in head.children):
            return True  # "ISIS bears sole responsibility for this attack"
        if t.dep_ == "nsubj" and duty_to_answer_for_it(head, table):
            return True  # "Russia must take responsibility for an act of terror"
        if head.lemma_.lower() == "be" or head.lower_ in preds:
            return head.lower_ in preds or any(c.lower_ in preds or (c.dep_ == "xcomp" and c.lemma_.lower() in preds)
                                               for c in head.children if c.dep_ in {"prep", "acomp", "xcomp", "attr"})
    return t.pos_ in {"PROPN", "NOUN"} and any(c.dep_ == "prep" and c.lower_ in preds for c in t.children)


def duty_to_answer_for_it(verb, table) -> bool:
    """"X must take responsibility for it": a verb of taking responsibility (responsibility_verbs) under a
    duty modal puts the act on its subject as a demand; the subject claims nothing."""
    return verb.lemma_.lower() in set(table.responsibility_verbs) \
        and any(c.dep_ == "aux" and c.lower_ in set(table.duty_modals) for c in verb.children) \
        and any(c.dep_ == "dobj" and c.lemma_.lower() in set(speech_table().claimed_things) for c in verb.children)


def _involved_in(t, nouns: set[str], acts: "frozenset[str] | set[str]" = frozenset()) -> bool:
    """A side named as the one involved: the modifier or possessor of an involvement noun ("Indian
    involvement", "India's role"), or the object of its 'of'/'between' ("a link between agents of India and
    the killing": the agents' owner counts too)."""
    head = t.head
    if t.dep_ in {"poss", "amod", "compound"} and head.pos_ == "NOUN" and head.lemma_.lower() in nouns:
        return True
    if t.dep_ == "pobj" and head.lower_ in stances_table().involvement_preps and head.head.lemma_.lower() in nouns:
        # "links to Bolivia", "ties with Moscow", "contacts in Bolivia"; not the act itself ("involvement in
        # the Lima bomb attack": the place names where it was)
        return t.lemma_.lower() not in acts
    if t.dep_ != "pobj" or head.lower_ not in stances_table().link_preps:
        return False
    owner = head.head
    if owner.lemma_.lower() in nouns:
        return True
    # "agents of the government of India" inside "a link between ...": climb one noun up
    return owner.dep_ == "pobj" and owner.head.lower_ in stances_table().link_preps and owner.head.head.lemma_.lower() in nouns


def involvement_named(st: StatementRecord, docs, table) -> frozenset[str]:
    """The sides whose involvement a statement speaks of ("no evidence of Bolivian involvement", "Russia's
    role"), charged or not."""
    return frozenset(x for t in involved_tokens(st, docs, table) for x in _side_of_token(t))


def involved_tokens(st: StatementRecord, docs, table) -> list:
    """The words naming whose involvement a statement speaks of ("denied SDF involvement", "Russia's
    role"), whatever side they have."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return []
    _, doc, _ = found
    nouns = set(table.involvement_nouns)
    acts = frozenset(w.lower() for w in table.act_nouns)
    return [t for t in doc if st.ref.start <= t.idx < st.ref.end and _involved_in(t, nouns, acts)]


def cleared(st: StatementRecord, docs, table, sides: "_Sides | None" = None) -> frozenset[str]:
    """The sides a statement says did not do the act ("was not caused by Israel", "Kyiv is not behind
    it"): a denial on their behalf, whoever says it."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return frozenset()
    _, doc, _ = found
    return _accused_in(doc, st.ref.start, st.ref.end, "", table, sides.of if sides is not None else None,
                       negated=True)


def _accused_in(doc, start: int, end: int, cue: str, table, people=None, negated: bool = False) -> frozenset[str]:
    accusing = set(table.accuse_verbs) | set(table.charge_verbs)
    toks = [t for t in doc if start <= t.idx < end]
    if not toks:
        return frozenset()
    head = next((t for t in doc if cue and t.lower_ == cue.split()[0].lower() and t.idx < end), None)
    steps = 0
    while head is not None and steps < 3:  # the accusing verb a cue hangs from ("blamed Ukraine, saying")
        if steps == 0 and head.lemma_.lower() not in accusing and any(c.dep_ == "dobj" for c in head.children):
            break  # "blamed Israel and rejected Israeli calls for ...": the cue's verb says its own thing
        if head.lemma_.lower() in accusing and any(c.dep_ == "neg" for c in head.children):
            break  # "did not blame Russia directly": no charge
        if head.lemma_.lower() in accusing:
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if obj:
                side = _side_of_token(obj[0], people)
                if side:
                    return side
        if head.dep_ not in {"advcl", "xcomp", "conj", "ccomp"} or head.head.i == head.i \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            break  # a verb with a subject of its own is another's saying ("X blamed Y, while Z said ...")
        head, steps = head.head, steps + 1
    tiers = _doer_tiers(doc, start, end, table, negated)
    if negated:
        # cleared of the act only where the negated predicate names a doer: an agent, "behind"/"responsible",
        # or an act verb's subject ("Kyiv did not attack"), never any verb's ("would not grant an exemption")
        act_verbs = {w.lower() for w in table.act_verbs}
        tiers = [tiers[1], tiers[5], [t for t in tiers[2] if _act_verb(t.head, act_verbs)], tiers[4], tiers[6]]
    return _sides_of_doers(tiers, people, negated)


@dataclass(frozen=True)
class _DoerWords:
    """The word sets the doer rules read, taken from the stance table once per statement."""
    table: Stances
    accusing: frozenset[str]
    speech: frozenset[str]
    acts: frozenset[str]
    predicates: frozenset[str]
    involvement: frozenset[str]
    attributing: frozenset[str]
    act_verbs: frozenset[str]
    weapons: frozenset[str]

    @classmethod
    def of(cls, table: Stances) -> _DoerWords:
        # the subject of a verb of saying or of finding ("the agency concluded that ...") reports the act;
        # it is not its doer
        speech = frozenset(table.claim_verbs) | set(speech_table().verbs) \
            | frozenset(table.finding_verbs) | frozenset(table.stative_verbs)
        return cls(table, frozenset(table.accuse_verbs) | frozenset(table.charge_verbs), speech,
                   frozenset(table.act_nouns),
                   frozenset(w.lower() for w in table.charge_predicates), frozenset(table.involvement_nouns),
                   frozenset(table.attribution_verbs), frozenset(w.lower() for w in table.act_verbs),
                   frozenset(w.lower() for w in table.weapon_nouns))


def _doer_tiers(doc, start: int, end: int, table, negated: bool = False) -> list[list]:
    """The tokens of a statement that may name the act's doer, by how surely: an accusing verb's object, an
    agent, an act verb's subject, a cleft's focus, an act's possessor or modifier, a charged subject, the
    place an act came from."""
    w = _DoerWords.of(table)
    tiers: list[list] = [[] for _ in range(7)]
    text = doc.text  # made from the tokens on each access: read once, not once per token
    for t in doc:
        if not start <= t.idx < end:
            continue
        if _negated(t, table, text) != negated:
            continue  # "was not caused by Israel", "Kyiv is not behind it": a defence, not a charge
        if _in_apposition(t):
            continue  # "the daughter of X, the ideologist behind Russia's invasion": who X is, not a charge
        tier = next((tier for tier, _name, rule in _DOER_RULES if rule(t, w)), None)
        if tier is not None:
            tiers[tier].append(t)
        if _charged_subject(t, table):
            tiers[5].append(t)
    return [[_antecedent(t) for t in tier] for tier in tiers]


def _antecedent(t):
    """"the group Jaish-e-Mohammad that was responsible": the doer a relative pronoun stands for is the noun
    its clause describes."""
    if t.tag_ in {"WDT", "WP"} and t.head.dep_ == "relcl" and t.head.head.i != t.head.i:
        return t.head.head
    return t


def _object_of_accusing(t, w: _DoerWords) -> bool:
    if t.dep_ == "dobj" and t.head.lemma_.lower() in w.accusing:
        return True
    # "blamed it on Putin" (the parser may hang "on" on a noun between); only a verb that lays a charge on
    # someone takes "on" so: "condemned the attack on Syria" names whom it struck
    return t.dep_ == "pobj" and t.head.lower_ == "on" and _verb_above(t.head).lemma_.lower() in w.accusing \
        and _verb_above(t.head).lemma_.lower() in set(speech_table().laid_on_verbs)


def _agent_of_act(t, w: _DoerWords) -> bool:
    """The doer of an act; not who made an allegation ("allegations made by Russia"); "said the same about
    Moscow"."""
    if t.dep_ != "pobj":
        return False
    prep, governor = t.head, t.head.head
    if prep.dep_ == "agent" and governor.lemma_.lower() not in w.attributing \
            and not _gathered_the_evidence(governor, w.speech) and not _on_an_account(governor, w):
        return True
    if prep.lower_ == "by" and governor.pos_ == "NOUN" and governor.lemma_.lower() in w.acts:
        return True
    if prep.lower_ == "by" and governor.pos_ == "NOUN" and governor.lemma_.lower() in w.table.use_nouns \
            and any(c.dep_ == "prep" and c.lower_ == "of" and c.i < prep.i for c in governor.children):
        return True  # "the use of chemical weapons by the Syrian regime"
    return prep.lower_ in w.table.same_preps and governor.lower_ == "same"


def _on_an_account(participle, w: _DoerWords) -> bool:
    """"the account given by the interior minister", "the version put out by X": a participle on an
    allegation noun names who gave it, not a doer."""
    return participle.dep_ == "acl" and participle.tag_ == "VBN" \
        and participle.head.lemma_.lower() in w.table.allegation_nouns \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in participle.children)  # not "claims that she was killed by X"


def _subject_of_act(t, w: _DoerWords) -> bool:
    """The doer of an act; a passive's subject suffered it ("a Saudi journalist was killed"), unless the verb
    names the doer ("Russia was involved")."""
    verb = t.head
    return (t.dep_ == "nsubj" or (t.dep_ == "nsubjpass" and verb.lower_ in w.predicates)) and verb.pos_ == "VERB" \
        and verb.lemma_.lower() not in w.speech and verb.lemma_.lower() != "be" and _does_to(verb, w.table) \
        and not _reduced_passive(t) and not _describes_a_thing(verb, w) and not _trades_words(verb, w) \
        and not _intended(verb, w)


def _intended(verb, w: _DoerWords) -> bool:
    """"Pakistan would adopt a mature approach", "Iran will continue its cooperation": what a side means to
    do, said with a modal, is no act it is charged with, unless the verb is an act's ("Russia would kill him")."""
    modals = {x.lower() for x in w.table.intent_modals}
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children) and not _act_verb(verb, w.act_verbs)


def _trades_words(verb, w: _DoerWords) -> bool:
    """"Kyiv and Moscow exchanged accusations", "traded blame": a verb whose object is an allegation is
    saying something, no act its subject did."""
    nouns = {x.lower() for x in w.table.allegation_nouns} | {"blame"}
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in nouns or c.lower_ in nouns) for c in verb.children)


def _describes_a_thing(verb, w: _DoerWords) -> bool:
    """A relative clause on a noun that is no act ("the talks, in which Washington is taking part"): what its
    subject does there describes that noun, it is not the act a statement charges."""
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() not in w.acts and verb.head.pos_ == "NOUN"


def _cleft_focus(t, w: _DoerWords) -> bool:
    # "it was Ukraine that had sabotaged the dam"; only after the cleft's empty "it": in "Ortiz is a Bolivian
    # citizen whose safety is a priority" the clause describes the noun, it does not single out a doer
    return t.dep_ == "attr" and t.head.lemma_.lower() == "be" and any(c.dep_ == "relcl" for c in t.children) \
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in t.head.children)


def _owner_of_act(t, w: _DoerWords) -> bool:
    """"Kiev's attack", "a Bolivian air strike": the act's doer; "Indian involvement in", "a link between
    agents of India and the killing"."""
    if t.dep_ in {"poss", "amod", "compound"} and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in w.acts \
            and not (t.dep_ == "compound" and _names_a_place(t)):
        # (not "the alleged Israeli attack": the act as others allege it, no one charged in these words)
        hedges = {x.lower() for x in w.table.hedge_adjectives}
        return not any(c.dep_ == "amod" and c.lower_ in hedges for c in t.head.children)
    if t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in w.acts and demonym_side(t.text) \
            and (t.dep_ == "ROOT" or (t.dep_ == "nsubj" and t.head.i == t.i + 1)):
        # "Bolivian shelling on Saturday damaged the sensors": the parser read the act noun as a verb whose
        # subject is the adjective, or the adjective as the sentence's head; it is the act's doer still
        return True
    return _involved_in(t, w.involvement, w.acts)


def _came_from(t, w: _DoerWords) -> bool:
    """"the missile was fired from Russia": where a weapon came from, if nothing else; "arms from Pyongyang to
    Moscow": who sent what went from one side to another."""
    return t.dep_ == "pobj" and t.head.lower_ == "from" and (t.head.head.lemma_.lower() in w.act_verbs
                                                             or _sent_to_a_side(t.head))


# (tier, name, rule), surest first: a token takes the first tier whose rule holds. Tier 5, a charged
# subject, is read beside these (charges._charged_subject).
def _owner_of_weapon(t, w: _DoerWords) -> bool:
    """"The rocket was not Ukrainian", "it was not our rocket", "the missile was not ours", "these were Russian
    missiles": whose a weapon was, said in a copula's predicate, names who used it. Not a weapon named
    elsewhere ("a Russian-made missile struck"), where the maker need not be the user."""
    if t.dep_ in {"acomp", "attr"} and t.head.lemma_ == "be":
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in w.weapons for c in t.head.children)
    noun = t.head
    return t.dep_ in {"poss", "amod"} and noun.lemma_.lower() in w.weapons and noun.dep_ == "attr" \
        and noun.head.lemma_ == "be"


_DOER_RULES = [
    (0, "object of an accusing verb", _object_of_accusing),
    (1, "agent of an act", _agent_of_act),
    (2, "subject of an act", _subject_of_act),
    (3, "cleft focus", _cleft_focus),
    (4, "owner of an act", _owner_of_act),
    (4, "owner of a weapon", _owner_of_weapon),
    (6, "came from", _came_from),
]


def _sent_to_a_side(source_prep) -> bool:
    """Does a "from" phrase pair with a "to" or "into" phrase naming a state ("from Pyongyang to Moscow",
    "transported from Russia into Ukraine")? The parser hangs it on the same noun, on the "from" or on its
    object."""
    near = [*source_prep.head.children, *source_prep.children,
            *(g for c in source_prep.children if c.dep_ == "pobj" for g in c.children)]
    return any(c.dep_ == "prep" and c.lower_ in stances_table().destination_preps and any(_side_of_token(g) for g in c.children if g.dep_ == "pobj")
               for c in near)


def _reduced_passive(subject) -> bool:
    """"Khashoggi killed inside Saudi consulate": headline English drops the passive's auxiliary, and the
    parser reads the victim as the doer. A person's name (or a name that is no state's and no body's: the
    small model tags some surnames as places) before a past form with no object, auxiliary or agent
    suffered the act."""
    verb = subject.head
    person = subject.ent_type_ == "PERSON" or (subject.tag_ == "NNP" and subject.ent_type_ not in {"ORG", "NORP"}
                                               and _side_of_name(subject.text) is None)
    return person and verb.tag_ in {"VBD", "VBN"} and not any(
        c.dep_ in {"dobj", "aux", "auxpass", "agent", "prt", "dative"} for c in verb.children)


def _gathered_the_evidence(participle, speech: set[str]) -> bool:
    """Does the participle describe what speaks ("intercepts collected by the United States confirmed
    that ..."): its agent gathered the evidence, it did not do the act."""
    noun = participle.head
    return participle.dep_ == "acl" and noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_.lower() in speech


def _does_to(verb, table) -> bool:
    """Does the verb say its subject did something to something ("Ukrainian forces blew up the dam",
    "Russia supplied the weapons", "Kyiv attacked")? An act verb does; so does any verb with an object.
    An intransitive one tells where someone went or how they are ("the Saudi officials flew into Istanbul"):
    its subject is no doer of the act, unless it is a weapon ("Russian missiles crossed into Poland"); so does
    a phrasal verb with no object ("the Russian plane going down"), unless it is an act verb. Nor is
    the subject of a lawful act of a state's authority ("Egypt arrested two airport employees", "Iran summoned
    the ambassador"): it enforces or answers, it is charged with nothing; nor of an act of diplomacy or
    courtesy ("Sisi and Putin discussed cooperation")."""
    weapons = {w.lower() for w in table.weapon_nouns}
    if verb.lemma_.lower() in {*table.authority_verbs, *table.courtesy_verbs}:
        return False
    return _act_verb(verb, {w.lower() for w in table.act_verbs}) or any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "dative"}
        or (c.dep_ == "nsubj" and (c.lemma_.lower() in weapons or _spying_craft(c, table)))
        for c in verb.children)


def _spying_craft(noun, table) -> bool:
    """"a Chinese spy balloon", "a surveillance plane": a craft its words make an instrument of spying."""
    return any(c.dep_ in {"compound", "amod"} and c.lower_ in table.spying_words for c in noun.children)


def _act_verb(verb, act_verbs) -> bool:
    """A verb of a hostile act, or a phrasal verb its particle makes one ("took down the airliner", "brought
    down a plane"; stances.yml act_verbs lists these with their particle)."""
    lemma = verb.lemma_.lower()
    return lemma in act_verbs or any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in act_verbs for c in verb.children)


def _names_a_place(t) -> bool:
    """Is a noun before an act a city or seat of power, which says where the act was or what it hit ("the
    Lima bomb attack", "the Kremlin drone attack"), not who did it ("Kiev's attack", "a US strike")?"""
    name = " ".join(x.text for x in t.subtree if x.dep_ != "poss")
    return capital_of(name) is not None or seat_country(name) is not None


def named_doers(doc, start: int, end: int, table) -> list:
    """The words a statement puts forward as the act's doers, whatever side they have: an act's agent, an
    act verb's subject, the subject of a verb whose object is an act ("carried out the bombing"), the subject
    of "behind"/"responsible"/"bears responsibility"."""
    tiers = _doer_tiers(doc, start, end, table)
    act_verbs = {w.lower() for w in table.act_verbs}
    acts = {w.lower() for w in table.act_nouns}

    def does_an_act(verb) -> bool:
        return _act_verb(verb, act_verbs) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in acts for c in verb.children)
    return [*tiers[1], *[t for t in tiers[2] if does_an_act(t.head)], *tiers[5]]


def charged_bodies(st: StatementRecord, docs, table, people: frozenset[str] = frozenset()) -> frozenset[str]:
    """The named bodies of a charged state a statement puts forward as the doers ("accused Pakistan's main
    spy agency, the Inter-Services Intelligence (ISI), of involvement", "controlled by ISI and Pakistan",
    "Indian intelligence agency RAW"), as the lowercased words of their names. A charge against a named
    agency of a state is narrower than one against the state: not the same proposition. A force named
    for its state ("the Israeli Air Force") is the state's own by its name."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return frozenset()
    _, doc, _ = found
    names: set[str] = set()
    for tier in _doer_tiers(doc, st.ref.start, st.ref.end, table):
        for t in tier:
            group = (t, *t.conjuncts)
            if not any(_is_a_state(x) for g in group for x in _side_of_token(g)):
                continue  # no state charged by these words (a stateless nation's groups are its own)
            for x in group:
                for body in (x, *(c for c in x.children if c.dep_ == "appos")):
                    names |= _body_name(body, people)
    return frozenset(names)


def _is_a_state(side: str) -> bool:
    return side.startswith("@") and not side.startswith(NATION)


def _body_name(t, people: frozenset[str]) -> set[str]:
    """The words of the proper name a noun is or bears ("ISI", "the Inter-Services (ISI) agency", "agency RAW"),
    when it names a body: not a state, its capital or seat, not named for its state ("Israeli Air Force"),
    and not a person."""
    words = sorted((x for x in _name_parts(t) if x.pos_ == "PROPN" and x.is_alpha), key=lambda x: x.i)
    # the small model's entity types waver within one name ("the Directorate of General Intelligence (DGI)":
    # DGI a person): a name with any word typed an organisation is one
    if not any(x.ent_type_ == "ORG" for x in words):
        name = " ".join(x.text for x in words)
        if not words or name in people or any(x.ent_type_ == "PERSON" for x in words):
            return set()
    qualifiers = [c for x in words for c in x.children if c.dep_ in {"amod", "compound"} and c not in words]
    if _names_a_state(" ".join(x.text for x in words)) or any(_names_a_state(x.text) for x in [*words, *qualifiers]):
        return set()
    return {x.lower_ for x in words}


def _names_a_state(word: str) -> bool:
    """A state's name, capital, seat or demonym, in the singular or plural ("the Saudis")."""
    return any(_side_of_name(w) or demonym_side(w) for w in {word, re.sub(r"s$", "", word)})


def _name_parts(t) -> list:
    """A noun and the words its name is made of: compounds, a bracketed or appended short name, and a
    proper name's "of" ("Directorate of General Intelligence")."""
    parts = [t]
    for c in t.children:
        if c.dep_ in {"compound", "nmod"} or (c.dep_ == "appos" and c.pos_ == "PROPN"):
            parts.extend(_name_parts(c))
        elif c.dep_ == "prep" and c.lower_ == "of" and t.pos_ == "PROPN":
            parts.extend(x for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN" for x in _name_parts(g))
    return parts


def _sides_of_doers(tiers: list[list], people, negated: bool) -> frozenset[str]:
    own = {w.lower() for w in stances_table().speaker_owner_words}
    for tier in tiers:
        for t in tier:
            side = _side_of_token(t) or (frozenset({SPEAKER}) if t.lower_ in own else None)
            if side:
                return side
    # then a person or body named as the doer, as its state; or as the owner of the weapon that did it ("a
    # failed Islamic Jihad rocket caused the blast")
    weapons = {w.lower() for w in stances_table().weapon_nouns}
    owned = [t for t in tiers[2] if t.lemma_.lower() in weapons]
    for tier in ((tiers[0], tiers[1], tiers[5], owned) if not negated else tiers[:2]):
        for t in tier:
            side = _side_of_token(t, people)
            if side:
                return side
    return frozenset()


def _in_apposition(t) -> bool:
    """Is the token inside an appositive, a description of the noun it follows, below the nearest verb? A
    participle or relative clause inside the appositive is part of it ("Suleimani, a commander assassinated
    in a U.S. drone strike")."""
    node = t
    # (spaCy makes a new Token per access: compare indices)
    while node.head.i != node.i and (node.pos_ not in {"VERB", "AUX"} or node.dep_ in {"acl", "relcl"}):
        if node.dep_ == "appos":
            return True
        if node.dep_ == "relcl" and node.head.dep_ == "pobj" and not _reports(node):
            # "through the town of Afrin, which has been occupied by X": a place described; not "the statement
            # of Kirby, who reported containers being supplied from Pyongyang": what he said
            return True
        node = node.head
    return False


def _reports(verb) -> bool:
    from .statements import verb_lemma  # (the statements stage's table of reporting verbs)
    return verb_lemma(verb.text) is not None


@lru_cache(maxsize=16)
def _litotes_pattern(words: tuple[str, ...]) -> "re.Pattern | None":
    """One pattern for the litotes words: it matches where any of them stands as a word."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words)) if words else None


def _verb_above(t):
    """The nearest verb above a token (itself if it is one)."""
    node = t
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _negated(t, table, text: str | None = None) -> bool:
    """Is the predicate that names this doer negated ("was not caused by X", "X is not responsible",
    "not by X")? The nearest verb above it, through its preposition, decides; a negative quantifier before it
    ("not much happens that Putin is not behind") turns the negation back. `text` is the doc's text, if the
    caller has it."""
    before = (t.doc.text if text is None else text)[:t.idx].lower()
    litotes = _litotes_pattern(table.litotes)
    if litotes is not None and litotes.search(before):
        return False
    node, steps = t, 0
    while steps < 4 and node.head.i != node.i:
        if any(c.dep_ == "neg" for c in node.children) and node.i != t.i:
            return True
        if node.i != t.i and node.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            return True  # "no Bolivian involvement", "no evidence of X's role": a noun that says none
        if node.pos_ in {"VERB", "AUX"}:
            return _doubted(node, table)
        node, steps = node.head, steps + 1
    return node.pos_ in {"VERB", "AUX"} and (any(c.dep_ == "neg" for c in node.children) or _doubted(node, table))


def _doubted(verb, table) -> bool:
    """Is the clause naming the doer one the sentence says there is no ground for ("it's unlikely Russia
    fired it", "no evidence that Russia fired it", "no evidence that it was a rocket launched by Russian
    forces")? Climbs from the clause's verb through the noun it describes to the clause it completes."""
    doubt = {w.lower() for w in table.doubt_words}
    absent = {w.lower() for w in table.absence_nouns}

    def none_of(noun) -> bool:  # "no evidence", "no indication"
        return noun.lemma_.lower() in absent and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)

    node = verb
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in {"acl", "relcl"} and none_of(head):
            return True  # "no indication (at this time) that X was involved": the parse may hang it as a relative clause
        if node.dep_ == "ccomp" and head.dep_ == "advmod" and none_of(head.head):
            return True  # "no evidence so far that X was involved": the clause hangs on the adverb
        if node.dep_ == "ccomp":
            return head.lower_ in doubt or any(c.dep_ == "acomp" and c.lower_ in doubt for c in head.children) or \
                any(c.dep_ in {"dobj", "attr"} and none_of(c) for c in head.children)
        if node.dep_ not in {"acl", "relcl", "attr"}:
            return False
        node = head
    return False


class _Sides:
    """The state each speaker speaks for: its own name ("Ukraine", "the Kremlin"), else the state its role
    names ("Kremlin spokesman", "Ukraine's NSDC Secretary", "Russia's U.N. Ambassador").

    Other spellings of a speaker are looked up by word (a surname alone finds the full names holding it)
    and by last word (a full name finds those sharing its surname), never by reading every titled name:
    the cost of a speaker stays the same however many names the dossier holds."""

    def __init__(self, mentions: Iterable[Mention]):
        self.roles: dict[str, list[str]] = {}
        self.known: dict[str, str | None] = {}
        self.spelled: dict[str, str] = {}  # an acronym -> the name it abbreviates, as the texts spell it out
        self.sources: dict[str, set[str]] = {}  # a titled name -> the articles titling it
        self.bodies: dict[tuple[str, str], set[str]] = {}  # (article, a body's head word) -> the bodies so named
        heads = _institution_words()
        self.owners: dict[frozenset[str], set[str]] = {}  # a body's words but its state's -> the states owning it
        self.canon: dict[str, str] = {}  # a name's key -> its first spelling ("Hassan al-Thawadi", "Hassan Al Thawadi")
        for m in mentions:
            text = self.canon.setdefault(name_key(m.text), m.text)
            for r in (m.role, m.role_org):
                if r:
                    self.roles.setdefault(text, []).append(r)
                    self.sources.setdefault(text, set()).add(m.ref.source)
            last = m.text.split()[-1].lower() if m.text.split() else ""
            if last in heads and len(m.text.split()) > 1:
                self.bodies.setdefault((m.ref.source, last), set()).add(m.text)
            owner = _side_of_leading_words(m.text.split()) if m.kind == "organization" else None
            if owner is not None:
                self.owners.setdefault(_body_words(m.text), set()).add(owner)
            initials = _initials(m.text)
            if len(initials) >= 2:
                self.spelled.setdefault(initials, m.text)
        # the titled names by each of their words and by their last word, each list in the names' order
        self.by_word: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        for text in self.roles:
            parts = text.split()
            for w in dict.fromkeys(parts):
                self.by_word.setdefault(w, []).append(text)
            if parts:
                self.by_last.setdefault(parts[-1], []).append(text)

    def of(self, speaker: str | None) -> str | None:
        if not speaker:
            return None
        if speaker not in self.known:
            self.known[speaker] = self._of(speaker)
        return self.known[speaker]

    def _of(self, speaker: str) -> str | None:
        speaker = self.canon.get(name_key(speaker), speaker)
        if speaker.isupper() and self.spelled.get(speaker, speaker) != speaker:
            return self.of(self.spelled[speaker])  # "IDF": the Israel Defense Forces
        words = speaker.split()
        side = _side_of_leading_words(words)
        if side:
            return side
        # the speaker's own mentions first, then other spellings of the same person: a surname alone, or a
        # full name whose surname it shares ("Dmitry Peskov" titled only as "Peskov, the Kremlin spokesman")
        spellings = self._spellings(speaker, words)
        if any(_outside_the_state(r) for text in spellings for r in self.roles[text]):
            return None  # "wife of the Russian opposition leader" speaks for no state, Russia least
        for text in spellings:
            for r in self.roles[text]:
                side = (_side_of_name(r) if r[:1].isupper() else None) or _side_in_role(r) or self._side_of_acronym_in(r) \
                    or _side_of_a_known_body_in(r)
                if side:
                    return side
        # "Defense Ministry spokesman Igor Konashenkov": the body his title names, owned as the dossier's
        # other mentions of it say ("Russia's Defense Ministry"), where they all agree
        for text in spellings:
            for r in self.roles[text]:
                owners = {_side_of_name(o) for o in self.roles.get(r, ()) if o != r and o[:1].isupper()}
                if len(owners) == 1 and None not in owners:
                    return owners.pop()
        # last, the table's: the texts' own word on whose body it is ("Peru's Federal Security Service") first
        return self._side_of_the_body_before(spellings) or self._side_of_the_body_elsewhere(spellings) \
            or _side_of_a_known_body(speaker)

    def _side_of_the_body_elsewhere(self, spellings: list[str]) -> str | None:
        """"Ministry of Foreign Affairs spokesperson Mao Ning": a role in a body named without its state is that
        state's where the dossier names the same body with one ("the Chinese foreign ministry"), and no other."""
        titles = who_words().titles
        for text in spellings:
            for r in self.roles[text]:
                said = [w for w in re.findall(r"[\w'’-]+", r) if w.lower() not in titles]
                body = _body_words(" ".join(said))
                owners = self.owners.get(body, set()) if len(body) > 1 else set()
                if len(owners) == 1:
                    return next(iter(owners))
        return None

    def _side_of_the_body_before(self, spellings: list[str]) -> str | None:
        """"Zhao Lijian, a spokesperson from the ministry": a role naming a body only by its head word ("the
        ministry") names the body of that head its article names in full ("the Chinese Foreign Ministry"),
        where all such bodies there are one state's."""
        for text in spellings:
            for r in self.roles[text]:
                found = re.search(r"\bthe\s+(\w+)$", r.lower())
                if not found or found.group(1) not in _institution_words():
                    continue
                named = {b for source in self.sources.get(text, ()) for b in self.bodies.get((source, found.group(1)), ())}
                sides = {_side_of_leading_words(b.split()) for b in named} - {None}  # "Foreign Ministry" names none
                if len(sides) == 1:
                    return sides.pop()
        return None

    def _side_of_acronym_in(self, role: str) -> str | None:
        """"IDF spokesperson": the state an acronym of the role stands for, as the texts spell it out ("the
        Israel Defense Forces (IDF)")."""
        for word in re.findall(r"\b[A-Z]{2,}\b", role):
            full = self.spelled.get(word)
            side = _side_of_leading_words(full.split()) if full else None
            if side:
                return side
        return None

    def _spellings(self, speaker: str, words: list[str]) -> list[str]:
        """The titled names that may be this speaker: itself, then, in the names' order, those holding it
        as a word (a surname alone) or sharing its last word (a full name)."""
        if len(words) == 1 and speaker.lower() not in _institution_words():
            others = self.by_word.get(speaker, [])  # a surname; "Department" is no one's (any body's)
        elif len(words) > 1 and words[0][:1].isupper() and words[-1].lower() not in _institution_words():
            # a person's surname; a body's last word ("Agency") is shared by bodies of every state; a full
            # name with another first name is another person of the family ("Amjad Amini", father of "Mahsa Amini")
            others = [t for t in self.by_last.get(words[-1], []) if _same_person_spelled(t, speaker)]
        else:
            others = []
        return ([speaker] if speaker in self.roles else []) + [t for t in others if t != speaker]

    def of_all(self, names: Iterable[str]) -> set[str]:
        return {s for s in map(self.of, names) if s}


def _body_words(name: str) -> frozenset[str]:
    """A body's name as the words it is told apart by: not its state's, nor the small words or the portfolio's
    head ("the Chinese foreign ministry", "Ministry of Foreign Affairs": {foreign, ministry})."""
    w = actor_words_table()
    small = {x.lower() for x in (*w.name_links, *w.portfolio_heads)} | {"the", "'s", "’s"}
    words = [x for x in re.findall(r"[\w-]+", re.sub(r"[’']s\b", "", name).lower()) if x not in small]
    return frozenset(x for x in words if _side_of_name(x.title()) is None and demonym_side(x.title()) is None)


def _same_person_spelled(a: str, b: str) -> bool:
    """May two names sharing a surname be one person: a surname alone, the same first name, or one name
    ending with the other ("Rear Adm. Daniel Hagari", "Daniel Hagari")? Not two first names ("Amjad Amini",
    "Mahsa Amini")."""
    return len(a.split()) == 1 or len(b.split()) == 1 or a.split()[0] == b.split()[0] \
        or a.endswith(" " + b) or b.endswith(" " + a)


def _outside_the_state(role: str) -> bool:
    """"Kremlin critic", "the Russian opposition leader": a role outside or against the government of the
    country it names (data/who.yml `stateless_roles`)."""
    return any(w in who_words().stateless_roles for w in re.findall(r"[a-z]+", role.lower()))


def _side_of_leading_words(words: list[str]) -> str | None:
    """The state a name's first words stand for: "Ukraine", "the Kremlin", "DPRK Foreign Ministry",
    "Russian forces"."""
    for n in range(len(words), 0, -1):
        side = _side_of_name(" ".join(words[:n])) or (demonym_side(" ".join(words[:n])) if n <= 2 else None)
        if side:
            return side
    return None


def _side_of_a_known_body_in(role: str) -> str | None:
    """"MEA spokesperson Randhir Jaiswal": a body of one state named in the role by its acronym (data/bodies.yml).
    Only acronyms: a body's common name may be several states' ("Foreign Office spokesperson" in Islamabad)."""
    for name, iso3 in _state_bodies():
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", role):
            return "@" + iso3
    return None


def _side_of_a_known_body(speaker: str) -> str | None:
    """"The Central Intelligence Agency declined to comment": a speaker that is a body of one state in
    data/bodies.yml by one of its names no other state's body bears."""
    iso3 = _state_body_names().get(re.sub(r"^the\s+", "", speaker.strip(), flags=re.IGNORECASE).lower())
    return "@" + iso3 if iso3 else None


@lru_cache(maxsize=1)
def _state_body_names() -> dict[str, str]:
    """lowercased name -> ISO3 of the names of data/bodies.yml's bodies of one state, but their shared ones."""
    return {n.lower(): b.country for b in bodies_table().bodies if b.country for n in b.names if n not in b.shared}


@lru_cache(maxsize=1)
def _state_bodies() -> tuple[tuple[str, str], ...]:
    """(acronym, ISO3) of the bodies of data/bodies.yml that belong to one state, longest first."""
    found = [(n, b.country) for b in bodies_table().bodies if b.country for n in b.names
             if re.fullmatch(r"[A-Z][A-Z&]+", n) and n not in b.shared]
    return tuple(sorted(found, key=lambda x: -len(x[0])))


NAME_JOINERS = frozenset({"of", "the", "and"})


def _side_in_role(role: str) -> str | None:
    """The state the first name in a role stands for, the longest name first where names run together ("a
    spokesperson for the White House National Security Council": the White House; "Ukraine's ambassador to
    the United States": Ukraine, named first)."""
    words = re.split(r"\s+", re.sub(r"[’']s\b", "", role))
    for start, word in enumerate(words):
        if not word[:1].isupper():
            continue
        end = start
        # a name's own small words run with it ("the Democratic Republic of the Congo", never "Congo" alone)
        while end < len(words) and (words[end][:1].isupper() or (
                words[end] in NAME_JOINERS and end + 1 < len(words) and words[end + 1][:1].isupper())):
            end += 1
        for stop in range(end, start, -1):
            side = _side_of_name(" ".join(words[start:stop]))
            if side:
                return side
    return None


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    return frozenset(actor_words_table().org_heads)


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
    nation = nation_of(name)
    return NATION + nation if nation else None  # "Kurdish militants": a side no country stands for



def side_name(side: str) -> str:
    """A side's country name ('@PRK' -> 'North Korea'), for ids and labels; the code itself if unknown."""
    from .countries import countries

    if side.startswith(NATION):
        return side[len(NATION):]
    found = next((c for c in countries() if "@" + c.iso3 == side), None)
    return found.name if found is not None else side.lstrip("@")
