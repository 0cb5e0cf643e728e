"""Whether a name is an actor here, and of which kind, from its label, the world's knowledge and what the
sentence says about it; or why not, for review/."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...data import bodies_table
from ...world import capital_of, country_of, demonym_country, government_of, held_place, is_place, seat_country
from .agency import _agency, _does, _news_agency, _owns_an_act, _reported, body_it_names
from .candidates import _defined_by_acronym
from .vocab import (
    AGENT, DESCRIPTOR, INSTITUTION_WORD, INSTRUMENT, JOB_WORD, LABEL_KINDS, LEADERS_GOVERNMENT, NONE, PARTICIPANT, PLACE,
    ActorWordSets, _job_word, words,
)


Verdict = tuple[str | None, str | None]


@dataclass(frozen=True)
class _Name:
    """A candidate name as the rules judge it: its text, NER's label, its span and how much it acts."""
    text: str
    label: str
    span: object
    agency: int
    lower: tuple[str, ...]

    @property
    def head(self) -> str:
        return self.lower[-1] if self.lower else ""


def _judge(text: str, label: str, span, agency: int) -> Verdict:
    """(kind, None), or (None, why) when the mention names no actor here; why is None when it is not
    worth an editor's look (a demonym, a named happening, part of a title). The first rule with a verdict
    decides; a name no rule judges is the kind its label gives."""
    name = _Name(text, label, span, agency, tuple(x.lower().strip(".,") for x in text.split()))
    w = words()
    for _rule_name, rule in _RULES:
        verdict = rule(name, w)
        if verdict is not None:
            return verdict
    return LABEL_KINDS.get(label), None


def _a_country(n: _Name, w: ActorWordSets) -> Verdict | None:
    if country_of(n.text) is not None or government_of(n.text) is not None:
        return "country", None
    return None


def _prefixed_place(n: _Name, w: ActorWordSets) -> Verdict | None:
    if len(n.lower) > 1 and n.lower[0] in w.place_prefixes and n.head not in w.org_heads:
        return None, PLACE  # "Kibbutz Netiv Haasara", "Fort Detrick": a settlement or a natural place
    return None


def _a_job(n: _Name, w: ActorWordSets) -> Verdict | None:
    if len(n.lower) == 1 and n.label in {"PERSON", "ORG", "ACRONYM", "NORP"} and _job_word(n.lower[0]):
        return None, JOB_WORD  # "Blogger says ...", "ATHLETES": what people do, not who they are
    return None


def _a_known_body(n: _Name, w: ActorWordSets) -> Verdict | None:
    """A body data/bodies.yml names ("Islamic State", which NER may tag a person's name): never a person."""
    return ("organization", None) if n.label == "PERSON" and n.text.lower() in _known_body_names() else None


@lru_cache(maxsize=1)
def _known_body_names() -> frozenset[str]:
    return frozenset(name.lower() for body in bodies_table().bodies for name in body.names)


def _a_seat_of_power(n: _Name, w: ActorWordSets) -> Verdict | None:
    if seat_country(n.text) is None:
        return None
    # "Downing Street said": a seat of power acting for its country
    return ("organization", None) if n.agency >= PARTICIPANT or n.label == "ORG" else (None, PLACE)


def _a_qualifier(n: _Name, w: ActorWordSets) -> Verdict | None:
    return (None, DESCRIPTOR) if n.label == "QUALIFIER" else None


def _a_gathering(n: _Name, w: ActorWordSets) -> Verdict | None:
    root = n.span.root
    if n.label != "GPE" and root.dep_ == "compound" and root.head.lemma_.lower() in w.gathering_nouns \
            and n.agency < AGENT:
        return None, None  # "at the G20 meeting in Bali": the name of a happening, where something was said
    return None


def _an_acronym(n: _Name, w: ActorWordSets) -> Verdict | None:
    return ("organization", None) if n.label == "ACRONYM" else None


def _an_instrument(n: _Name, w: ActorWordSets) -> Verdict | None:
    if len(n.lower) > 1 and n.head in w.instrument_nouns:
        return None, INSTRUMENT  # "a violation of the Chemical Weapons Convention": what was broken, not who
    return None


def _a_group(n: _Name, w: ActorWordSets) -> Verdict | None:
    return ("group", None) if n.label == "GROUP" or n.text.lower() in w.groups else None


def _a_collective(n: _Name, w: ActorWordSets) -> Verdict | None:
    """"British security sources claimed": a group when it speaks or acts itself, not when someone else's
    words say what it did ("executed by Indian intelligence, she said")."""
    if n.label != "COLLECTIVE":
        return None
    agency, root = n.agency, n.span.root
    if root.dep_ == "compound" and root.head.lower_ in w.press_titles:
        # "a senior US intelligence official says": the official speaks for the collective
        agency = _agency(n.span.doc[root.head.i:root.head.i + 1])
    return ("group", None) if agency >= AGENT and not _reported(root) else (None, None)


def _a_demonym(n: _Name, w: ActorWordSets) -> Verdict | None:
    if n.label != "NORP":
        return None
    if n.head in w.collectives and n.agency >= PARTICIPANT:
        return "group", None
    return None, None  # demonyms ("Russian") describe, they do not act; named groups do


def _a_happening(n: _Name, w: ActorWordSets) -> Verdict | None:
    """A named happening ("G20 Summit", "Victory Day"); a body's name the article defines by its acronym may
    end in one ("Institute for the Study of War (ISW)"), and one that opens with an institution's head noun
    is a body ("Department of Foreign Relations")."""
    lower = n.lower
    if n.head in w.events and not (n.label == "ORG" and len(lower) > 1 and lower[-2] in w.standing_body_words) \
            and not (any(x in w.org_heads for x in lower[:-1]) and _defined_by_acronym(n.span)) \
            and not (len(lower) > 2 and lower[0] in w.org_heads and lower[1] in w.head_links):
        return None, None
    return None


def _a_capital(n: _Name, w: ActorWordSets) -> Verdict | None:
    if capital_of(n.text) is None:
        return None
    return ("country", None) if n.agency >= PARTICIPANT else (None, PLACE)  # "Moscow said" vs "in Moscow"


def _a_place(n: _Name, w: ActorWordSets) -> Verdict | None:
    if n.label not in {"GPE", "LOC"}:
        return None
    if re.fullmatch(r"[A-Z][A-Z0-9-]{1,6}", n.text) and "." not in n.text:
        return "organization", None  # an acronym NER took for a place ("G7", "NATO")
    if not is_place(n.text) and demonym_country(n.text) is None and body_it_names(n.span.root, w) is not None:
        return "organization", None  # "Energoatom state nuclear power company": a body's name NER took for a place
    return None, PLACE  # a place that is not a country: a city, a region



def _a_facility_as_place(n: _Name, w: ActorWordSets) -> Verdict | None:
    if n.head in w.facilities and (n.agency < AGENT or not _does(n.span)):
        return None, PLACE  # "the Kakhovka HPP has been under Russian control": a place even as subject
    if n.label in {"ORG", "FAC"} and n.head not in w.org_heads and (is_place(n.text) or held_place(n.text)) \
            and not _does(n.span):
        return None, PLACE  # a city or region NER took for a body ("the mayor of Nova Kakhovka")
    return None


def _a_facility(n: _Name, w: ActorWordSets) -> Verdict | None:
    if n.label != "FAC":
        return None
    if n.agency >= AGENT or n.head in w.org_heads and n.agency >= PARTICIPANT:
        return "organization", None
    return None, PLACE


def _a_person(n: _Name, w: ActorWordSets) -> Verdict | None:
    if n.label != "PERSON":
        return None
    root = n.span.root
    if len(n.lower) == 1 and root.dep_ in {"compound", "nmod", "amod"} \
            and root.head.lower_ in w.government_words and root.head.i == n.span.end:
        return None, LEADERS_GOVERNMENT  # "the Biden administration": a government, not the person
    if len(n.lower) == 1 and is_place(n.text) and (n.agency == NONE or not (_does(n.span) or _owns_an_act(n.span))):
        return None, PLACE  # a town or region NER took for a surname ("Kherson regions", "water to Crimea")
    if n.head in w.org_heads and len(n.lower) > 1:
        return "organization", None
    if _news_agency(n.text, n.span.doc, n.span.start, n.span.end):
        return "organization", None  # "Iran's semi-official Tasnim news agency said": the agency
    if any(x.isdigit() for x in n.lower):
        return None, NUMBERED_THING  # "Nord Stream 2": a person's name holds no number
    return "person", None


NUMBERED_THING = "a numbered thing (a pipeline, a model, a mission), not a person's name"


def _a_body(n: _Name, w: ActorWordSets) -> Verdict | None:
    if n.label != "ORG":
        return None
    if _named_for_a_title(n.span, w.titles):
        return "person", None  # "Washington's envoy, Nikki Haley": NER's body is the envoy's name
    if all(x in w.portfolios or demonym_country(x.title()) is not None for x in n.lower) \
            and not _a_body_of_its_own(n, w):
        return None, None  # "Defense" of "Russian Defense Minister": part of a title
    plural = n.head.endswith("s") and (n.head[:-1] in w.org_heads or n.head[:-2] in w.org_heads)
    if len(n.lower) == 1 and (plural or (n.head in w.org_heads and n.agency < AGENT)):
        return None, INSTITUTION_WORD  # "Consulates", "told Parliament": which one is unsaid
    return "organization", None


def _a_body_of_its_own(n: _Name, w: ActorWordSets) -> bool:
    """"Bolivian military intelligence said": a portfolio word that heads a state body, with no title after
    it ("Bolivian Military Intelligence Chief" is the chief's title)."""
    doc, end = n.span.doc, n.span.end
    return n.lower[-1] in w.body_heads and not (end < len(doc) and doc[end].lower_ in w.titles)


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


# In order: the first rule with a verdict decides (a country's name is a country before anything else).
_RULES = [
    ("country", _a_country),
    ("prefixed place", _prefixed_place),
    ("job word", _a_job),
    ("known body", _a_known_body),
    ("seat of power", _a_seat_of_power),
    ("qualifier", _a_qualifier),
    ("gathering", _a_gathering),
    ("acronym", _an_acronym),
    ("instrument", _an_instrument),
    ("group", _a_group),
    ("collective", _a_collective),
    ("demonym", _a_demonym),
    ("happening", _a_happening),
    ("capital", _a_capital),
    ("place", _a_place),
    ("facility as place", _a_facility_as_place),
    ("facility", _a_facility),
    ("person", _a_person),
    ("body", _a_body),
]
