"""The word tables of the statements stage (data/speech.yml), read once, and the reporting verbs' word
forms."""
from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache

from ...data import speech_table

SUBJECT_DEPS = ("nsubj", "nsubjpass")
ARG_DEPS = {"ccomp", "dobj", "xcomp", "prep", "attr", "oprd", "dative", "prt", "advmod", "npadvmod", "acomp",
            "agent"}
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}


@dataclass(frozen=True)
class SpeechWords:
    """data/speech.yml as the statements stage reads it, fields named as its keys: the word lists it asks of
    every token as sets, the rest as the table holds them; and `forms`, the reporting verbs' word forms."""

    verbs: frozenset[str]
    belief_words: tuple[str, ...]
    issuing_verbs: frozenset[str]
    say_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    participle_cues: tuple[str, ...]
    needs_complement: Mapping[str, tuple[str, ...]]
    action_objects: Mapping[str, tuple[str, ...]]
    predicate_infinitives: tuple[str, ...]
    frame_verbs: frozenset[str]
    laid_on_verbs: tuple[str, ...]
    as_label_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    finding_nouns: frozenset[str]
    kin_nouns: frozenset[str]
    person_kin_nouns: frozenset[str]
    allegation_nouns: frozenset[str]
    claimed_things: frozenset[str]
    claimed_acts: frozenset[str]
    institution_nouns: frozenset[str]
    named_only_institutions: frozenset[str]
    private_institutions: frozenset[str]
    company_nouns: frozenset[str]
    armed_force_nouns: frozenset[str]
    state_armed_force_nouns: frozenset[str]
    armed_force_name_words: frozenset[str]
    leader_nouns: tuple[str, ...]
    head_nouns: frozenset[str]
    body_head_titles: frozenset[str]
    voice_titles: tuple[str, ...]
    state_voice_titles: tuple[str, ...]
    posted_titles: frozenset[str]
    monarch_titles: frozenset[str]
    leading_titles: frozenset[str]
    deputy_words: frozenset[str]
    any_post_titles: frozenset[str]
    sole_titles: frozenset[str]
    relative_pronouns: frozenset[str]
    refuting_verbs: frozenset[str]
    speaking_collectives: frozenset[str]
    maker_preps: frozenset[str]
    question_subordinators: frozenset[str]
    quote_joiners: frozenset[str]
    former_latter: frozenset[str]
    indefinite_articles: frozenset[str]
    primary_auxiliaries: frozenset[str]
    nobody_words: tuple[str, ...]
    topic_preps: frozenset[str]
    according_to: tuple[str, ...]
    quote_pairs: tuple[tuple[str, str], ...]
    min_quote_words: int
    irregular_forms: Mapping[str, str]
    aspect_verbs: frozenset[str]
    forms: Mapping[str, str]  # a reporting verb's word form -> the verb ("denied" -> "deny")


@lru_cache(maxsize=None)
def speech_words() -> SpeechWords:
    t, types = speech_table(), typing.get_type_hints(SpeechWords)
    return SpeechWords(**{f.name: frozenset(getattr(t, f.name)) if types[f.name] == frozenset[str]
                          else getattr(t, f.name) for f in fields(t)}, forms=_verb_forms(t.verbs))


def _verb_forms(lemmas) -> dict[str, str]:
    """Inflected forms of the reporting verbs (for headlines, where the tagger fails): form -> lemma."""
    forms = {}
    for v in lemmas:
        stem = v[:-1] if v.endswith("e") else v
        ies = v[:-1] + "ies" if v.endswith("y") and v[-2] not in "aeiou" else None
        ied = v[:-1] + "ied" if ies else None
        # a final consonant after one vowel may double ("slam" -> "slammed", "admit" -> "admitting"); a
        # form no word has is never looked up, so both are listed
        doubled = v + v[-1] if len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" \
            and v[-3] not in "aeiou" else None
        for f in (v, v + "s", v + "es", ies, stem + "ed", ied, stem + "ing", v + "d",
                  doubled and doubled + "ed", doubled and doubled + "ing"):
            if f:
                forms.setdefault(f, v)
    for irregular, lemma in speech_table().irregular_forms.items():
        forms[irregular] = lemma
    return forms


def verb_lemma(word: str) -> str | None:
    """The reporting verb a word form is ("denied" -> "deny"), or None."""
    return speech_words().forms.get(word.lower())
