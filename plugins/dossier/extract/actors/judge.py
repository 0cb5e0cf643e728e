"""Whether a name is an actor here, and of which kind, from its label, the world's knowledge and what the
sentence says about it; or why not, for review/."""
from __future__ import annotations

import re

from ...world import capital_of, country_of, demonym_country, government_of, is_place, seat_country
from .agency import _agency, _does, _owns_an_act, _reported
from .candidates import _defined_by_acronym
from .vocab import (
    AGENT, DESCRIPTOR, INSTITUTION_WORD, INSTRUMENT, JOB_WORD, LABEL_KINDS, LEADERS_GOVERNMENT, NONE, PARTICIPANT, PLACE,
    _job_word, words,
)


def _judge(text: str, label: str, span, agency: int) -> tuple[str | None, str | None]:
    """(kind, None), or (None, why) when the mention names no actor here; why is None when it is not
    worth an editor's look (a demonym, a named happening, part of a title)."""
    w = words()
    lower = [x.lower().strip(".,") for x in text.split()]
    head = lower[-1] if lower else ""
    if country_of(text) is not None or government_of(text) is not None:
        return "country", None
    if len(lower) > 1 and lower[0] in w["place_prefixes"] and head not in w["org_heads"]:
        return None, PLACE  # "Kibbutz Netiv Haasara", "Fort Detrick": a settlement or a natural place
    if len(lower) == 1 and label in {"PERSON", "ORG", "ACRONYM", "NORP"} and _job_word(lower[0]):
        return None, JOB_WORD  # "Blogger says ...", "ATHLETES": what people do, not who they are
    if seat_country(text) is not None:  # "Downing Street said": a seat of power acting for its country
        return ("organization", None) if agency >= PARTICIPANT or label == "ORG" else (None, PLACE)
    if label == "QUALIFIER":
        return None, DESCRIPTOR
    if label != "GPE" and span.root.dep_ == "compound" and span.root.head.lemma_.lower() in w["gathering_nouns"] \
            and agency < AGENT:
        return None, None  # "at the G20 meeting in Bali": the name of a happening, where something was said
    if label == "ACRONYM":
        return "organization", None
    if len(lower) > 1 and head in w["instrument_nouns"]:
        return None, INSTRUMENT  # "a violation of the Chemical Weapons Convention": what was broken, not who
    if label == "GROUP" or text.lower() in w["groups"]:
        return "group", None
    if label == "COLLECTIVE":  # "British security sources claimed": a group when it speaks or acts itself,
        # not when someone else's words say what it did ("executed by Indian intelligence, she said")
        if span.root.dep_ == "compound" and span.root.head.lower_ in w["press_titles"]:
            # "a senior US intelligence official says": the official speaks for the collective
            agency = _agency(span.doc[span.root.head.i:span.root.head.i + 1])
        return ("group", None) if agency >= AGENT and not _reported(span.root) else (None, None)
    if label == "NORP":
        if head in w["collectives"] and agency >= PARTICIPANT:
            return "group", None
        return None, None  # demonyms ("Russian") describe, they do not act; named groups do
    if head in w["events"] and not (label == "ORG" and len(lower) > 1 and lower[-2] in {"security", "general"}) \
            and not (any(x in w["org_heads"] for x in lower[:-1]) and _defined_by_acronym(span)) \
            and not (len(lower) > 2 and lower[0] in w["org_heads"] and lower[1] in {"of", "for", "on"}):
        return None, None  # a named happening ("G20 Summit", "Victory Day"); a body's name the article
        # defines by its acronym may end in one ("Institute for the Study of War (ISW)"), and one that opens
        # with an institution's head noun is a body ("Department of Foreign Relations")
    if capital_of(text) is not None:
        return ("country", None) if agency >= PARTICIPANT else (None, PLACE)  # "Moscow said" vs "in Moscow"
    if label in {"GPE", "LOC"}:
        if re.fullmatch(r"[A-Z][A-Z0-9-]{1,6}", text) and "." not in text:
            return "organization", None  # an acronym NER took for a place ("G7", "NATO")
        return None, PLACE  # a place that is not a country: a city, a region
    if head in w["facilities"] and (agency < AGENT or not _does(span)):
        return None, PLACE  # "the Kakhovka HPP has been under Russian control": a place even as subject
    if label in {"ORG", "FAC"} and head not in w["org_heads"] and is_place(text) and not _does(span):
        return None, PLACE  # a city or region NER took for a body ("the mayor of Nova Kakhovka")
    if label == "FAC":
        if agency >= AGENT or head in w["org_heads"] and agency >= PARTICIPANT:
            return "organization", None
        return None, PLACE
    if label == "PERSON":
        if len(lower) == 1 and span.root.dep_ in {"compound", "nmod", "amod"} \
                and span.root.head.lower_ in w["government_words"] and span.root.head.i == span.end:
            return None, LEADERS_GOVERNMENT  # "the Biden administration": a government, not the person
        if len(lower) == 1 and is_place(text) and (agency == NONE or not (_does(span) or _owns_an_act(span))):
            return None, PLACE  # a town or region NER took for a surname ("Kherson regions", "water to Crimea")
        if head in w["org_heads"] and len(lower) > 1:
            return "organization", None
        return "person", None
    if label == "ORG" and _named_for_a_title(span, w["titles"]):
        return "person", None  # "Washington's envoy, Nikki Haley": NER's body is the envoy's name
    if label == "ORG":
        if all(x in w["portfolios"] or demonym_country(x.title()) is not None for x in lower):
            return None, None  # "Defense" of "Russian Defense Minister": part of a title
        plural = head.endswith("s") and (head[:-1] in w["org_heads"] or head[:-2] in w["org_heads"])
        if len(lower) == 1 and (plural or (head in w["org_heads"] and agency < AGENT)):
            return None, INSTITUTION_WORD  # "Consulates", "told Parliament": which one is unsaid
        return "organization", None
    return LABEL_KINDS.get(label), None


def _named_for_a_title(span, titles) -> bool:
    """Is a two- or three-word capitalised name in apposition to a person's title ("the envoy, Nikki Haley",
    "Nikki Haley, the ambassador")? Then it names the person, whatever NER labelled it."""
    words_ = [t for t in span if not t.is_punct]
    if not 2 <= len(words_) <= 3 or not all(t.is_title for t in words_):
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in titles:
        return True
    return any(c.dep_ == "appos" and c.lower_ in titles for c in root.children)
