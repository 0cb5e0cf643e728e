"""Who a word stands for: pronouns, state nouns with a nationality, "the two countries", "the kingdom",
role nouns, and the country a place or adjective names. Events (doers) and statements (speakers) both
ask here; the word lists are data/who.yml (and the titles of data/actor_words.yml), the country
knowledge dossier/world.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..data import actor_words_table, tables, who_table
from ..world import Country, capital_of, country_of, demonym_country


@dataclass(frozen=True)
class Pronouns:
    person: frozenset[str]  # stand for the last person
    thing: frozenset[str]  # stand for the last organisation, country or group
    first_person: frozenset[str] = frozenset()  # "we", "I": the speaker's own voice, no one named
    plural: frozenset[str] = frozenset()  # "they": several actors named together before, if they were the last
    gendered: dict = field(default_factory=dict)  # "she" -> the words that refer to a person as "she" does


@dataclass(frozen=True)
class WhoWords:
    """data/who.yml, fields named as its keys, as sets (and the titles of data/actor_words.yml)."""

    doer_pronouns: Pronouns
    speaker_pronouns: Pronouns
    doer_state_nouns: frozenset[str]
    speaker_state_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    country_nouns: frozenset[str]
    state_forms: frozenset[str]  # country nouns that name a form of state ("kingdom", "republic")
    stateless_roles: frozenset[str]  # "opposition", "critic": a role outside the state's government
    titles: frozenset[str]  # role nouns ("minister", "spokesman"): data/actor_words.yml `titles`
    title_spellings: dict[str, str]  # a title's other spelling -> the one it is compared as ("advisor": "adviser")


@lru_cache(maxsize=None)
def words() -> WhoWords:
    t = who_table()

    def pronouns(p: tables.Pronouns) -> Pronouns:
        return Pronouns(frozenset(p.person), frozenset(p.thing), frozenset(p.first_person), frozenset(p.plural),
                        {k.lower(): frozenset(w.lower() for w in v) for k, v in (p.gendered or {}).items()})

    return WhoWords(doer_pronouns=pronouns(t.doer_pronouns), speaker_pronouns=pronouns(t.speaker_pronouns),
                    doer_state_nouns=frozenset(t.doer_state_nouns),
                    speaker_state_nouns=frozenset(t.speaker_state_nouns),
                    pair_nouns=frozenset(t.pair_nouns), country_nouns=frozenset(t.country_nouns),
                    state_forms=frozenset(t.state_forms), stateless_roles=frozenset(t.stateless_roles),
                    titles=frozenset(w.lower() for w in actor_words_table().titles),
                    title_spellings={k.lower(): v.lower() for k, v in actor_words_table().title_spellings.items()})


def same_spelling(text: str) -> str:
    """A title in lowercase with each word in the spelling titles are compared in ("an advisor to the
    president" -> "an adviser to the president")."""
    spellings = words().title_spellings
    return " ".join(spellings.get(x, x) for x in text.lower().split())


def state_noun_of_doer(token) -> bool:
    """A noun for a state's organ ("forces", "troops", "government"), as written or as its lemma."""
    nouns = words().doer_state_nouns
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def nationality(token):
    """(adjective token, country) of an adjective of nationality under a noun ("Russian forces" ->
    Russian, Russia), or None."""
    for c in token.children:
        country = demonym_country(c.text) if c.dep_ == "amod" else None
        if country is not None:
            return c, country
    return None


def officially(name: str, noun: str) -> bool:
    """Is the country named a `noun` in its official name ("kingdom": Kingdom of Saudi Arabia)? Any country
    is a "country" or a "nation"."""
    if noun not in words().state_forms:
        return True
    country = country_of(name)
    return country is not None and noun in country.official.lower().replace("emirates", "emirate emirates")


def country_of_place(text: str) -> Country | None:
    """A capital or a country read as a place ("Moscow", "Russia"): the country that acts for it."""
    return capital_of(text) or country_of(text)


def country_of_name(text: str) -> Country | None:
    """The country a name, an adjective of nationality or a capital stands for."""
    return country_of(text) or demonym_country(text) or capital_of(text)
