"""The word tables of the statements stage (data/speech.yml, the titles of data/actor_words.yml), read
once, and the reporting verbs' word forms."""
from __future__ import annotations

from functools import lru_cache

from ...data import load_table

SUBJECT_DEPS = ("nsubj", "nsubjpass")
ARG_DEPS = {"ccomp", "dobj", "xcomp", "prep", "attr", "oprd", "dative", "prt", "advmod", "npadvmod", "acomp",
            "agent"}
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}


@lru_cache(maxsize=None)
def _table() -> dict:
    t = dict(load_table("speech.yml"))
    for key in ("verbs", "say_verbs", "statement_nouns", "allegation_nouns", "institution_nouns",
                "frame_verbs", "relative_pronouns", "topic_preps", "addressee_verbs", "as_label_verbs",
                "posted_titles"):
        t[key] = frozenset(t.get(key) or ())
    t["forms"] = _verb_forms(t["verbs"])
    return t


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
    for irregular, lemma in load_table("speech.yml")["irregular_forms"].items():
        forms[irregular] = lemma
    return forms


def verb_lemma(word: str) -> str | None:
    """The reporting verb a word form is ("denied" -> "deny"), or None."""
    return _table()["forms"].get(word.lower())
