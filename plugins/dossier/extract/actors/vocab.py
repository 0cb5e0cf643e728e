"""The actor stage's word tables (data/actor_words.yml) as sets, NER labels, grades of agency, and the
reasons given on review/ for a name set aside."""
from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache

from ...data import actor_words_table, speech_table

# NER labels that can name an actor, and the kind each suggests. DATE, CARDINAL, WORK_OF_ART, LAW,
# EVENT and the like name things that do not act; LOC and FAC act only as seats of power ("the White
# House said").
LABEL_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group",
               "LOC": None, "FAC": None}

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent"}

AGENT, PARTICIPANT, NONE = 2, 1, 0

# why a name is set aside, as review/ says it
DESCRIPTOR = "only qualifies a noun (an adjective of identity, not an actor)"
THING = "an abbreviation of a thing (a weapon, a system, a common noun), not a name"
PLACE = "a place that does not act here"
JOB_WORD = "a word for what people do or are (a job or a role), not a name"
BROADCAST = "names a programme, where something was said"
LEADERS_GOVERNMENT = "names a government by its leader ('the X administration'), not the person"
RELAY = "a news agency carrying the story (a credit), not an actor in it"
INSTITUTION_WORD = "a kind of institution, not the name of one"
INSTRUMENT = "names a treaty, law or document (what parties sign or break), not an actor"


@dataclass(frozen=True)
class ActorWordSets:
    """data/actor_words.yml as the actor stage asks it, fields named as its keys (see the file for what each
    list holds and where it comes from): every word list as a set of lowercase words, the rest as the table
    holds them. A key of the file missing here fails when the sets are first built; a misspelled field
    (`words().tittles`) fails where it is read."""

    titles: frozenset[str]
    title_spellings: Mapping[str, str]
    not_names: frozenset[str]
    groups: frozenset[str]
    org_heads: frozenset[str]
    place_preps: frozenset[str]
    coalition_nouns: frozenset[str]
    name_group_heads: frozenset[str]
    body_words: frozenset[str]
    job_nouns: frozenset[str]
    instrument_nouns: frozenset[str]
    body_heads: frozenset[str]
    body_nouns: frozenset[str]
    national_bodies: frozenset[str]
    holding_words: frozenset[str]
    service_words: frozenset[str]
    unit_nouns: frozenset[str]
    trade_words: frozenset[str]
    weapon_heads: frozenset[str]
    grade_words: frozenset[str]
    proxy_nouns: frozenset[str]
    backing_words: frozenset[str]
    generic_heads: frozenset[str]
    portfolios: frozenset[str]
    government_words: frozenset[str]
    collectives: frozenset[str]
    entourage_nouns: frozenset[str]
    group_qualifiers: frozenset[str]
    compass_points: frozenset[str]
    collective_forms: Mapping[str, str]
    state_voices: frozenset[str]
    official_ranks: frozenset[str]
    unit_words: frozenset[str]
    structure_nouns: frozenset[str]
    vehicle_nouns: frozenset[str]
    vessel_prefixes: frozenset[str]
    company_suffixes: frozenset[str]
    name_openings: Mapping[str, str]
    code_name_heads: frozenset[str]
    software_nouns: frozenset[str]
    condition_nouns: frozenset[str]
    facilities: frozenset[str]
    equipment: frozenset[str]
    broadcasts: frozenset[str]
    gathering_nouns: frozenset[str]
    events: frozenset[str]
    act_nouns: frozenset[str]
    obligation_modals: frozenset[str]
    place_verbs: frozenset[str]
    former_words: frozenset[str]
    alias_cues: frozenset[str]
    name_links: frozenset[str]
    honorifics: frozenset[str]
    title_abbreviations: frozenset[str]
    name_particles: frozenset[str]
    name_plurals: frozenset[str]
    name_articles: frozenset[str]
    place_prefixes: frozenset[str]
    commentator_titles: frozenset[str]
    press_titles: frozenset[str]
    media_cues: frozenset[str]
    platforms: frozenset[str]
    recipient_cues: frozenset[str]
    missions: frozenset[str]
    news_agencies: frozenset[str]
    broadcasters: frozenset[str]
    newspaper_words: frozenset[str]
    media_nouns: frozenset[str]
    image_nouns: frozenset[str]
    citing_verbs: frozenset[str]
    newsroom_verbs: frozenset[str]
    opinion_genres: frozenset[str]
    press_heads: frozenset[str]
    disease_names: frozenset[str]
    given_name_forms: tuple[tuple[str, ...], ...]
    copulas: frozenset[str]
    inert_verbs: frozenset[str]
    platform_preps: frozenset[str]
    party_preps: frozenset[str]
    recipient_preps: frozenset[str]
    agency_kinds: frozenset[str]
    relay_verbs: frozenset[str]
    articles: frozenset[str]
    title_articles: frozenset[str]
    title_preps: frozenset[str]
    title_complements: frozenset[str]
    body_preps: frozenset[str]
    swallowed_links: frozenset[str]
    tail_links: frozenset[str]
    portfolio_links: frozenset[str]
    head_links: frozenset[str]
    acronym_links: frozenset[str]
    standing_body_words: frozenset[str]
    group_openers: frozenset[str]
    circle_links: frozenset[str]
    dangling_links: frozenset[str]
    credit_line_words: frozenset[str]
    backing_prefixes: frozenset[str]
    service_modifiers: frozenset[str]
    service_name_words: frozenset[str]
    portfolio_heads: frozenset[str]
    ministry_heads: frozenset[str]
    agency_followers: frozenset[str]


@lru_cache(maxsize=1)
def words() -> ActorWordSets:
    """data/actor_words.yml's lists as sets of lowercase words (`words().titles`), read once."""
    table, types = actor_words_table(), typing.get_type_hints(ActorWordSets)
    return ActorWordSets(**{f.name: frozenset(str(w).lower() for w in getattr(table, f.name))
                            if types[f.name] == frozenset[str] else getattr(table, f.name) for f in fields(table)})


NAME_LINKS = frozenset(actor_words_table().name_links)  # small words inside a body's name, left out of its initials


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """The verbs of saying and reporting (data/speech.yml `verbs` and `say_verbs`)."""
    return frozenset(v.lower() for v in (*speech_table().verbs, *speech_table().say_verbs))


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"^the\s+", "", text.strip().lower())).strip()


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")]  # "World Health Organization (WHO" cut by NER: the name before it
    if text.count("[") > text.count("]"):
        # "The Islamic Emirate [Taliban": an editor's gloss cut by NER names whom the words mean
        gloss = text[text.rindex("[") + 1:].strip()
        text = gloss if gloss[:1].isupper() else text[:text.rindex("[")]
    text = text.strip(" ,.;:\"“”‘’'()[]-–—")
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text):
        text += "."  # "U.S" cut by the sentence end -> "U.S."
    text = re.sub(r"[’']s$", "", text).strip()
    return _dangling_links().sub("", text)  # "Ministry of" cut short by NER


@lru_cache(maxsize=1)
def _dangling_links() -> re.Pattern:
    """The small words a name cut short may end on (data/actor_words.yml `dangling_links`), as many as end it."""
    links = "|".join(re.escape(w) for w in actor_words_table().dangling_links)
    return re.compile(rf"(?:\s+(?:{links}))+$")


def _job_word(word: str) -> bool:
    w = words()
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    return bool(forms & (w.job_nouns | w.titles))
