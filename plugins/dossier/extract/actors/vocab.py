"""The actor stage's word tables (data/actor_words.yml), NER labels, grades of agency, and the reasons
given on review/ for a name set aside."""
from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache

from ...data import actor_words_table, speech_table

# NER labels that can name an actor, and the kind each suggests. DATE, CARDINAL, WORK_OF_ART, LAW,
# EVENT and the like name things that do not act; LOC and FAC act only as seats of power ("the White
# House said").
LABEL_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group",
               "LOC": None, "FAC": None}

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent"}

AGENT, PARTICIPANT, NONE = 2, 1, 0


@lru_cache(maxsize=1)
def words() -> dict[str, set[str]]:
    """data/actor_words.yml's lists as sets of lowercase words, by their keys (`words()["titles"]`)."""
    table = actor_words_table()
    return {f.name: {str(w).lower() for w in getattr(table, f.name)} for f in fields(table)}

DESCRIPTOR = "only qualifies a noun (an adjective of identity, not an actor)"


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"^the\s+", "", text.strip().lower())).strip()

THING = "an abbreviation of a thing (a weapon, a system, a common noun), not a name"

NAME_LINKS = frozenset(actor_words_table().name_links)  # small words inside a body's name, left out of its initials


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")]  # "World Health Organization (WHO" cut by NER: the name before it
    text = text.strip(" ,.;:\"“”‘’'()[]-–—")
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text):
        text += "."  # "U.S" cut by the sentence end -> "U.S."
    text = re.sub(r"[’']s$", "", text).strip()
    return re.sub(r"(?:\s+(?:of|for|and|the|in))+$", "", text)  # "Ministry of" cut short by NER

PLACE = "a place that does not act here"

JOB_WORD = "a word for what people do or are (a job or a role), not a name"


def _job_word(word: str) -> bool:
    w = words()
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    return bool(forms & (w["job_nouns"] | w["titles"]))

BROADCAST = "names a programme, where something was said"

LEADERS_GOVERNMENT = "names a government by its leader ('the X administration'), not the person"

RELAY = "a news agency carrying the story (a credit), not an actor in it"

INSTITUTION_WORD = "a kind of institution, not the name of one"

INSTRUMENT = "names a treaty, law or document (what parties sign or break), not an actor"


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """The verbs of saying and reporting (data/speech.yml `verbs` and `say_verbs`)."""
    return frozenset(v.lower() for v in (*speech_table().verbs, *speech_table().say_verbs))
