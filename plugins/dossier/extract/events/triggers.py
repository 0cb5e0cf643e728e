"""Trigger words: which token names a happening, and of what kind (data/events.yml `triggers`).

A light verb hands its kind to the noun it governs ("paid a visit"); a reporting verb used as one is a
statement; a speech verb over a trigger makes what it governs someone's account."""
from __future__ import annotations

from ...data import events_table
from .tables import table

SPEECH_KINDS = frozenset(events_table().speech_kinds)  # acts of speech: statement, denial, ...


def trigger_kind(token) -> str | None:
    """The event kind a token names, reading two-word triggers ("press conference") first."""
    if token.pos_ not in {"VERB", "NOUN", "PROPN"}:
        return None
    triggers = table().triggers
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ == "prt" and f"{lemma} {child.lower_}" in triggers:
                return triggers[f"{lemma} {child.lower_}"]  # "blew up"
            if child.dep_ == "dobj":  # "established ties", "normalised relations": the verb with its object
                kind = triggers.get(f"{lemma} {child.lemma_.lower()}") or triggers.get(f"{lemma} {child.lower_}")
                if kind:
                    return kind
    phrase = prepositional_phrase(token)
    if phrase:
        return triggers[f"{lemma} {phrase}"]
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
            kind = triggers.get(f"{child.lower_} {lemma}") or triggers.get(f"{child.lower_} {token.lower_}")
            if kind:
                return kind
    if token.pos_ == "PROPN" and token.ent_type_:
        return None  # part of a name ("Victory Day Parade" is a name, "Summit" in "G20 Summit" is not ours)
    kind = triggers.get(lemma) or triggers.get(token.lower_)
    if kind and token.pos_ != "VERB" and lemma in table().verb_only:
        return None
    if kind and token.pos_ == "VERB" and lemma in table().noun_only:
        kind = None  # "reported": not the noun's kind, but maybe a speech act (below)
    if kind is None and token.pos_ == "NOUN" and lemma in table().under_nouns \
            and token.dep_ == "pobj" and token.head.lower_ == "under":
        return table().under_nouns[lemma]  # "under Russian control" (dated by "since": see _report)
    if kind is None and token.pos_ == "VERB" and _speech_verb(token):
        return "statement"  # a dated speech act ("termed", "urged", "called on") is a statement
    return kind


def prepositional_phrase(verb) -> str | None:
    """The words after a verb that make it a trigger with them ("came to power" -> "to power"), or None."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    return next((f"{prep.lower_} {obj.lower_}" for prep in verb.children if prep.dep_ == "prep"
                 for obj in prep.children
                 if obj.dep_ == "pobj" and f"{lemma} {prep.lower_} {obj.lower_}" in table().triggers), None)


def _speech_verb(token) -> bool:
    """A reporting verb (data/speech.yml) used as one: with the particle or complement some need
    ("called on", "pointed out"; "called a meeting" is no speech)."""
    tables = table()
    lemma = token.lemma_.lower()
    if lemma not in tables.speech.verbs:
        return False
    needs = tables.speech.needs_complement.get(lemma)
    if needs is None:
        return True
    return any(c.dep_ in needs or c.lower_ in needs for c in token.children)


def _light_noun(verb):
    """The trigger noun a light verb governs ("paid a visit" -> visit), or None."""
    if verb.lemma_.lower() not in table().light_verbs:
        return None
    for child in verb.children:
        if child.dep_ in {"dobj", "attr"} and trigger_kind(child):
            return child
    for child in verb.children:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and trigger_kind(obj):
                    return obj
    return None


def _resolve_trigger(token):
    """A light verb gives way to its noun; a verb otherwise stands."""
    noun = _light_noun(token)
    return noun if noun is not None else token


def _in_complement(token, verb) -> bool:
    """Whether `token` lies in a clause `verb` reports (its ccomp, or a "that" clause under it)."""
    for t in [token, *token.ancestors]:
        if t.i == verb.i or t.dep_ in {"relcl", "acl"}:
            return False  # a relative clause on a noun ("Moscow, which launched ...") is the writer's
        if t.head.i == verb.i:
            return t.dep_ in {"ccomp", "xcomp", "parataxis"} or t.dep_ == "dobj" and t.pos_ == "VERB"
    return False


def _speaker_of(trigger):
    """The speech verb whose reported clause holds a trigger ("He said Russian troops planted ..."),
    or None: what is reported is someone's account."""
    speech = table().speech.verbs
    for up in trigger.ancestors:
        if up.pos_ == "VERB" and up.lemma_.lower() in speech and _in_complement(trigger, up):
            return up
    return None


def phrase_start(text: str) -> str:
    return text.split()[0].lower() if text.split() else ""
