"""The word tables of the events stage, read once into frozen records whose fields are named as the keys
of data/events.yml (and, under `speech`, of data/speech.yml)."""
from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache

from ...data import PublicationDay, events_table, speech_table


@dataclass(frozen=True)
class SaidAt:
    """Occasions an act of speech takes its date from (events.yml `said_at`)."""

    kinds: frozenset[str]
    preps: frozenset[str]


@dataclass(frozen=True)
class SpeechVerbs:
    """The reporting verbs of data/speech.yml, as events read them."""

    verbs: frozenset[str]
    say_verbs: frozenset[str]
    needs_complement: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class EventWords:
    triggers: Mapping[str, str]
    light_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    participant_preps: frozenset[str]
    topic_preps: frozenset[str]
    charging_verbs: frozenset[str]
    referring_verbs: frozenset[str]
    place_preps: frozenset[str]
    noun_verbs: Mapping[str, str]
    kind_nouns: Mapping[str, str]
    kind_phrases: Mapping[str, str]
    verb_only: frozenset[str]
    noun_only: frozenset[str]
    flow_preps: Mapping[str, tuple[str, ...]]
    verb_nouns: Mapping[str, str]
    hedges: frozenset[str]
    publication_day: PublicationDay
    under_nouns: Mapping[str, str]
    start_leads: frozenset[str]
    addressee_verbs: frozenset[str]
    participles: Mapping[str, str]
    present_forms: Mapping[str, Mapping[str, str]]
    gist_trailing_words: frozenset[str]
    gist_own_verbs: frozenset[str]
    relative_adverbs: frozenset[str]
    past_be_forms: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    present_perfect_auxiliaries: frozenset[str]
    present_be_forms: frozenset[str]
    pair_determiners: frozenset[str]
    occasion_compounds: frozenset[str]
    naming_preps: frozenset[str]
    occasion_preps: frozenset[str]
    title_determiners: tuple[str, ...]
    number_hedges: tuple[str, ...]
    number_scales: tuple[str, ...]
    scale_counts: tuple[str, ...]
    counted_scales: tuple[str, ...]
    said_at: SaidAt
    speech: SpeechVerbs


@lru_cache(maxsize=None)
def table() -> EventWords:
    t, speech, types = events_table(), speech_table(), typing.get_type_hints(EventWords)
    return EventWords(
        **{f.name: frozenset(getattr(t, f.name)) if types[f.name] == frozenset[str] else getattr(t, f.name)
           for f in fields(EventWords) if f.name not in ("said_at", "speech")},
        said_at=SaidAt(frozenset(t.said_at["kinds"]), frozenset(t.said_at["preps"])),
        speech=SpeechVerbs(frozenset(speech.verbs), frozenset(speech.say_verbs), speech.needs_complement))
