"""The word tables of the events stage (data/events.yml, data/speech.yml), read once."""
from __future__ import annotations

from functools import lru_cache

from ...data import load_table


@lru_cache(maxsize=None)
def _tables() -> dict:
    t = load_table("events.yml")
    speech = load_table("speech.yml")
    return {"triggers": t["triggers"], "light": set(t.get("light_verbs") or ()),
            "relative": set(t.get("relative_pronouns") or ()),
            "part_preps": set(t.get("participant_preps") or ()), "place_preps": set(t.get("place_preps") or ()),
            "noun_verbs": t.get("noun_verbs") or {}, "kind_nouns": t.get("kind_nouns") or {},
            "kind_phrases": t.get("kind_phrases") or {},
            "verb_only": set(t.get("verb_only") or ()), "noun_only": set(t.get("noun_only") or ()),
            "speech": set(speech.get("verbs") or ()), "say": set(speech.get("say_verbs") or ()),
            "needs_complement": speech.get("needs_complement") or {},
            "flow_preps": t.get("flow_preps") or {},
            "verb_nouns": t.get("verb_nouns") or {}, "hedges": set(t.get("hedges") or ()),
            "perfect_leads": t.get("publication_day") or {}, "under_nouns": t.get("under_nouns") or {},
            "starts": set(t.get("start_leads") or ()), "addressed": set(t.get("addressee_verbs") or ()),
            "participles": t.get("participles") or {}, "present_forms": t.get("present_forms") or {},
            "gist_trailing": frozenset(t.get("gist_trailing_words") or ()),
            "gist_own_verbs": frozenset(t.get("gist_own_verbs") or ())}


def _lead_paragraphs() -> int:
    return int(_tables()["perfect_leads"].get("paragraphs", 3))
