"""The word tables of the events stage, read once into frozen records whose fields are named as the keys
of data/events.yml (and, under `speech`, of data/speech.yml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...data import load_table
from ...model import Confidence


@dataclass(frozen=True)
class PublicationDay:
    """Undated news dated by the publication day (events.yml `publication_day`)."""

    paragraphs: int  # only the first this many paragraphs of running text
    confidence: float  # of such reports: Confidence.NEWS_LEAD unless the table says otherwise


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
    needs_complement: dict[str, list[str]]


@dataclass(frozen=True)
class EventWords:
    triggers: dict[str, str]
    light_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    participant_preps: frozenset[str]
    topic_preps: frozenset[str]
    charging_verbs: frozenset[str]
    place_preps: frozenset[str]
    noun_verbs: dict[str, str]
    kind_nouns: dict[str, str]
    kind_phrases: dict[str, str]
    verb_only: frozenset[str]
    noun_only: frozenset[str]
    flow_preps: dict[str, list[str]]
    verb_nouns: dict[str, str]
    hedges: frozenset[str]
    publication_day: PublicationDay
    under_nouns: dict[str, str]
    start_leads: frozenset[str]
    addressee_verbs: frozenset[str]
    participles: dict[str, str]
    present_forms: dict[str, dict[str, str]]
    gist_trailing_words: frozenset[str]
    gist_own_verbs: frozenset[str]
    said_at: SaidAt
    speech: SpeechVerbs


@lru_cache(maxsize=None)
def table() -> EventWords:
    t = load_table("events.yml")
    speech = load_table("speech.yml")

    def words(key: str) -> frozenset[str]:
        return frozenset(t.get(key) or ())

    day = t["publication_day"]
    return EventWords(
        triggers=t["triggers"], light_verbs=words("light_verbs"), relative_pronouns=words("relative_pronouns"),
        participant_preps=words("participant_preps"), topic_preps=words("topic_preps"), charging_verbs=words("charging_verbs"), place_preps=words("place_preps"),
        noun_verbs=t.get("noun_verbs") or {}, kind_nouns=t.get("kind_nouns") or {},
        kind_phrases=t.get("kind_phrases") or {}, verb_only=words("verb_only"), noun_only=words("noun_only"),
        flow_preps=t.get("flow_preps") or {}, verb_nouns=t.get("verb_nouns") or {}, hedges=words("hedges"),
        publication_day=PublicationDay(int(day["paragraphs"]), float(day.get("confidence", Confidence.NEWS_LEAD))),
        under_nouns=t.get("under_nouns") or {}, start_leads=words("start_leads"),
        addressee_verbs=words("addressee_verbs"), participles=t.get("participles") or {},
        present_forms=t.get("present_forms") or {}, gist_trailing_words=words("gist_trailing_words"),
        gist_own_verbs=words("gist_own_verbs"),
        said_at=SaidAt(frozenset(t["said_at"]["kinds"]), frozenset(t["said_at"]["preps"])),
        speech=SpeechVerbs(frozenset(speech.get("verbs") or ()), frozenset(speech.get("say_verbs") or ()),
                           speech.get("needs_complement") or {}))
