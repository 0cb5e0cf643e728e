"""Who a word stands for (extract/who.py), on hand-built parses: no model needed."""
from __future__ import annotations

from dataclasses import fields

import spacy
from spacy.tokens import Doc

from dossier.data import TABLES
from dossier.extract.who import country_of_name, country_of_place, nationality, state_noun_of_doer, words


def parsed(words_, heads, deps, pos):
    return Doc(spacy.blank("en").vocab, words=words_, heads=heads, deps=deps, pos=pos)


def test_a_state_noun_with_a_nationality_stands_for_its_country():
    doc = parsed(["Russian", "forces", "seized", "it"], [1, 2, 2, 2], ["amod", "nsubj", "ROOT", "dobj"],
                 ["ADJ", "NOUN", "VERB", "PRON"])
    assert state_noun_of_doer(doc[1])
    word, country = nationality(doc[1])
    assert word.text == "Russian" and country.name == "Russia"
    assert nationality(doc[2]) is None  # a verb has no nationality


def test_places_names_and_adjectives_name_their_country():
    assert country_of_place("Moscow").name == "Russia"
    assert country_of_name("Canadian").name == "Canada"
    assert country_of_place("Toronto") is None  # a city is no seat of power


def test_pronouns_and_state_nouns_are_read_from_one_table():
    # who.yml is the only table of them: a list left behind in events.yml or speech.yml would be read by nobody
    for table in ("events.yml", "speech.yml"):
        keys = {f.name for f in fields(TABLES[table]())}
        assert not keys & {"pronouns", "person_pronouns", "thing_pronouns", "state_nouns", "pair_nouns",
                           "country_nouns"}, table
    assert "he" in words().doer_pronouns.person and "they" in words().speaker_pronouns.thing
    assert "minister" in words().titles
