"""Participants of a trigger: its subject (or a passive's "by" agent), object, "with"/"by"/"of" phrases
and possessor, with their conjuncts and appositions; its place; and the actor mention each one stands
for (a name, or a pronoun, "the two countries", a demonym pointing back into the article)."""
from __future__ import annotations

import re

from ...model import Mention, Ref
from ...world import demonym_country
from ..who import country_of_name, country_of_place, nationality, state_noun_of_doer, words
from .tables import table
from .triggers import SPEECH_KINDS, trigger_kind

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_KINDS = {"person", "organization", "country", "group"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def _governing_verb(noun):
    """The verb a trigger noun is the object of, directly or through a preposition."""
    head = noun
    for _ in range(3):
        if head.dep_ in {"dobj", "attr", "nsubj", "nsubjpass", "pobj", "prep", "conj", "appos"} and head.head.i != head.i:
            head = head.head
            if head.pos_ in {"VERB", "AUX"}:
                return head
        else:
            break
    return None


def _subjects(verb) -> list:
    """Subjects of a verb, borrowed from the verb it is coordinated with or the noun a relative clause
    describes when it has none of its own; a passive's "by" agent counts as its subject."""
    relative = table().relative_pronouns
    for _ in range(4):
        subs = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        subs += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subs and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        if subs and subs[0].lower_ in relative:
            if verb.dep_ == "relcl":
                return [_named_antecedent(verb.head)]
            before = [t for t in subs[0].doc[:subs[0].i] if t.pos_ in {"NOUN", "PROPN"}]
            return before[-1:]
        if subs:
            return subs
        if _free_participle(verb):
            root = next(t for t in [verb, *verb.ancestors] if t.dep_ == "ROOT")
            if root.i != verb.i:
                verb = root
                continue
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return []  # "containers being supplied": the noun underwent it, nobody named did it
        if verb.dep_ in {"relcl", "acl"} and verb.head.i != verb.i:
            return [verb.head]
        return []
    return []


def _named_antecedent(noun):
    """The name a relative clause's common noun stands in apposition to: "Morocco, another country that
    recognised Israel" -> Morocco."""
    while noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.i < noun.i and noun.head.pos_ == "PROPN":
        noun = noun.head
    return noun


def _free_participle(token) -> bool:
    """A participle clause after a comma with no subject or opening word of its own (", expelling
    ..."): its subject is the main clause's."""
    return (token.dep_ in {"advcl", "conj"} and token.tag_ == "VBG" and token.pos_ == "VERB"
            and token.i > 0 and token.doc[token.i - 1].text == ","
            and not any(x.dep_ in {"mark", "nsubj", "nsubjpass", "aux"} for x in token.children))


def _expand(tokens) -> list:
    """Each argument with its conjuncts and appositions ("the US and its allies South Korea and Japan")."""
    out, seen = [], set()
    stack = list(tokens)
    while stack:
        t = stack.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        stack += [c for c in t.children if c.dep_ in {"conj", "appos"}]
    return out


def _is_place(token) -> bool:
    return token.ent_type_ in PLACE_LABELS


def _arguments(trigger, kind: str):
    """(doers, others, place token, object token) of a trigger."""
    if trigger.pos_ != "VERB" and trigger.lemma_.lower() in table().under_nouns \
            and trigger.head.lower_ == "under":
        return _holder_and_held(trigger)
    doers, obj, heads = _verb_doers(trigger) if trigger.pos_ == "VERB" else _noun_doers(trigger)
    doers, others, place = _prepositional(trigger, kind, heads, doers)
    if kind == "visit" and obj is not None and place is None and (
            _is_place(obj) or obj.pos_ == "PROPN" and obj.ent_type_ not in {"PERSON", "NORP"}):
        place, obj = obj, None
    if kind == "statement":
        if obj is not None and trigger.lemma_.lower() in table().addressee_verbs and obj.pos_ == "PROPN":
            others.append(obj)  # "told the UN Security Council": who was addressed takes part
        obj = None  # what was said is a statement's content, not a participant
    if obj is not None and kind not in {"statement"}:
        others.insert(0, obj)
    for _, pobj in _flow(trigger, kind):
        if pobj not in doers and pobj not in others:
            others.append(pobj)  # "supplied ... from Pyongyang to Moscow": both ends take part
    # the place of a visit is its place, not a participant: it takes part only where it acts
    return _expand(doers), _expand(others), place, obj


def _holder_and_held(trigger):
    """"since March, the plant has been under Russian control": who holds it, and what."""
    doers = [c for c in trigger.children if c.dep_ in {"amod", "poss", "compound"}]
    verb = trigger.head.head
    obj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return _expand(doers), [], None, obj


def _verb_doers(trigger):
    """(doers, object, heads whose phrases count) of a verb trigger: its subjects and its last object."""
    obj = None
    for c in trigger.children:
        if c.dep_ in {"dobj", "dative"}:
            obj = c
    return _subjects(trigger), obj, [trigger]


def _noun_doers(trigger):
    """(doers, object, heads whose phrases count) of a noun trigger: its possessor ("Kim's visit"), a
    name compounded before it ("the Wagner mutiny"), a "by" agent of a participle on it; else the
    subjects of the verb that governs it, whose phrases count too."""
    doers = [c for c in trigger.children if c.dep_ == "poss"]
    doers += [c for c in trigger.children if c.dep_ == "compound" and c.ent_type_ and not _is_place(c)
              and c.i < trigger.i and trigger_kind(c) is None and c.lower_ not in table().occasion_compounds]
    for acl in (c for c in trigger.children if c.dep_ == "acl"):
        doers += [g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    heads = [trigger]
    verb = _governing_verb(trigger)
    if verb is not None:
        heads.append(verb)
        if not doers and not _spoken_of(trigger, verb):
            doers = _subjects(verb)
    return doers, None, heads


def _spoken_of(trigger, verb) -> bool:
    """A happening that a speaker talks about ("Peskov said about an attempted drone attack"), refers to, or
    charges, denies or condemns ("blamed Russia for the 2018 poisoning"): the speaker is not its doer."""
    if trigger_kind(trigger) in SPEECH_KINDS:
        return False
    if verb.lemma_.lower() in table().charging_verbs | table().referring_verbs:
        return True  # "blamed Russia for the poisoning", "referring to the truck explosion"
    return (trigger.dep_ == "pobj" and trigger.head.lower_ in table().topic_preps
            and verb.lemma_.lower() in table().speech.verbs | table().speech.say_verbs)


def _prepositional(trigger, kind: str, heads: list, doers: list):
    """(doers, others, place) with the prepositional phrases of the heads: a place ("in Kyiv"; "to" only
    for visits), and on the trigger itself participants ("with Putin") or a "by" doer."""
    tables = table()
    others, place = [], None
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            word = prep.lower_
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if word in tables.place_preps and _is_place(pobj) and (word != "to" or kind == "visit"):
                    if place is None:
                        place = pobj
                elif word in tables.participant_preps and head is trigger:
                    if word == "by" and not doers:
                        doers = [pobj]
                    else:
                        others.append(pobj)
    return doers, others, place


def _flow(trigger, kind: str) -> list:
    """("from", token), ("to", token) of a transfer, found on the verb or on what it moves."""
    words = table().flow_preps.get(kind) or []
    out = []
    near = [trigger] + [g for c in trigger.children if c.dep_ in {"dobj", "prep"}
                        for g in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"])]
    for head in near:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in words):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if all(w != prep.lower_ for w, _ in out):
                    out.append((prep.lower_, pobj))
    return sorted(out, key=lambda x: words.index(x[0]))



def _mention_at(token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.ref.start <= token.idx < m.ref.end and (m.kind in ACTOR_KINDS or m.kind is None):
            return m
    return None


class _Resolver:
    """Actor mentions for argument tokens: names in the sentence, and the article's memory for the
    words that point back to one ("he", "its", "the two countries"). Remembers which token stood for
    which mention, so a title can name it."""

    def __init__(self, mentions: list[Mention], memory: list[Mention], base: Ref):
        self.base = base  # the sentence read
        self.mentions = mentions
        self.memory = memory
        self.at: dict[int, Mention] = {}  # token index -> the mention it stands for

    def before(self, token, test) -> list[Mention]:
        """Mentions before `token` (this sentence's first, then the article's), most recent first."""
        here = [m for m in self.mentions if m.ref.end <= token.idx and m.kind in ACTOR_KINDS]
        return [m for m in reversed(self.memory + sorted(here, key=lambda m: m.ref.start)) if test(m)]

    def of(self, token) -> list[Mention]:
        """The actors a token stands for: the name written there, else the first of DOER_RULES that
        answers (remembered in `at`, so a title can name it)."""
        m = _mention_at(token, self.mentions)
        if m is not None:
            return [m]
        for _name, rule in DOER_RULES:
            found = rule(self, token)
            if found is not None:
                if found:
                    self.at[token.i] = found[0]
                return found
        return []

    def demonym(self, token) -> list[Mention]:
        """"The Indian government", "Russian forces": the country its adjective of nationality names."""
        found = nationality(token)
        if found is None:
            return []
        word, country = found
        ref = Ref(self.base.source, self.base.sentence, word.idx, word.idx + len(word.text))
        return [Mention(ref, country.name, "NORP", kind="country", acts=True)]

    def actors(self, tokens) -> list[Mention]:
        out = self._raw(tokens)
        # a title written as a name before a person ("White House Coordinator ... John Kirby") is the person's
        return [m for m in out if not any(o is not m and o.kind == "person" and o.ref.sentence == m.ref.sentence
                                          and 0 <= o.ref.start - m.ref.end <= 1 for o in out)]

    def _raw(self, tokens) -> list[Mention]:
        out = []
        for t in tokens:
            found = self.of(t)
            if not found:
                # "the leader of the DPRK", "its allies South Korea": look one step down for a name
                for c in t.children:
                    if c.dep_ in {"compound", "appos", "poss"} or (c.dep_ == "prep" and c.lower_ == "of"):
                        for g in ([c] if c.dep_ != "prep" else [x for x in c.children if x.dep_ == "pobj"]):
                            m = _mention_at(g, self.mentions)
                            if m:
                                found = [m]
                                break
                    elif c.dep_ == "prep" and t.pos_ == "PROPN":
                        # "The Russian Ambassador to the UK Alexander Yakovenko": a title written as a name,
                        # which the parser ends at the preposition, is the person named after it
                        found = [m for x in c.children if x.dep_ == "pobj"
                                 for m in [_mention_at(x, self.mentions)] if m and m.kind == "person"]
                    if found:
                        break
            for m in found:
                if m not in out:
                    out.append(m)
        return out


# Each rule answers the actors a token stands for (maybe none: the rule applies but finds nobody), or
# None to pass the token on to the next.

def _place_acting(r: _Resolver, token) -> list[Mention] | None:
    """A capital (or country) read as a place, standing here as the doer or an end of the happening
    ("Moscow, which launched ...", "from Pyongyang to Moscow"): the country acts."""
    placed = next((m for m in r.mentions if m.ref.start <= token.idx < m.ref.end), None)
    if placed is None and token.ent_type_ == "GPE":
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        placed = Mention(Ref(r.base.source, r.base.sentence, ent.start_char, ent.end_char), ent.text, "GPE")
    country = country_of_place(placed.text) if placed is not None else None
    if country is None:
        return None
    return [Mention(placed.ref, country.name, placed.label, kind="country", acts=True)]


def _person_pronoun(r: _Resolver, token) -> list[Mention] | None:
    """"he", "her": the last person named."""
    if token.pos_ != "PRON" or token.lower_ not in words().doer_pronouns.person:
        return None
    return r.before(token, lambda m: m.kind == "person")[:1]


def _thing_pronoun(r: _Resolver, token) -> list[Mention] | None:
    """"it", "its": the last organisation, country or group named."""
    if token.pos_ != "PRON" or token.lower_ not in words().doer_pronouns.thing:
        return None
    return r.before(token, lambda m: m.kind in {"organization", "country", "group"})[:1]


def _two_countries(r: _Resolver, token) -> list[Mention] | None:
    """"the two countries", "both sides": the last two countries the article named (or none)."""
    if not (token.pos_ == "NOUN" and token.lemma_.lower() in words().pair_nouns and token.tag_ == "NNS"
            and any(c.lower_ in table().pair_determiners for c in token.children)):
        return None
    found, seen = [], set()
    for m in r.before(token, lambda m: m.kind == "country"):
        country = country_of_name(m.text)
        name = country.name if country else re.sub(r"[’']s$", "", m.text.lower())
        if name not in seen:
            seen.add(name)
            found.append(m)
        if len(found) == 2:
            break
    return found if len(found) == 2 else []


def _state_organ(r: _Resolver, token) -> list[Mention] | None:
    """"The Indian government", "Russian forces": the country its adjective of nationality names."""
    if token.pos_ != "NOUN" or not state_noun_of_doer(token):
        return None
    return r.demonym(token)


def _nationality_adjective(r: _Resolver, token) -> list[Mention] | None:
    """"under Russian control": the adjective stands for its country."""
    if token.dep_ != "amod" or demonym_country(token.text) is None:
        return None
    ref = Ref(r.base.source, r.base.sentence, token.idx, token.idx + len(token.text))
    return [Mention(ref, demonym_country(token.text).name, "NORP", kind="country", acts=True)]


# In order: the first rule that answers says who a token that names nobody stands for.
DOER_RULES = [
    ("place acting as its country", _place_acting),
    ("person pronoun", _person_pronoun),
    ("thing pronoun", _thing_pronoun),
    ("the two countries", _two_countries),
    ("state organ with nationality", _state_organ),
    ("adjective of nationality", _nationality_adjective),
]
