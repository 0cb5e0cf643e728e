"""One sentence's mentions: its credits and furniture set aside, each candidate span judged by what the
sentence says about it and given the title written with it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...data import bodies_table, speech_table
from ...model import Confidence, DroppedName, Mention, Ref
from ...world import country_of
from .agency import _acted_upon, _agency, _news_agency, _relays
from .candidates import _candidates
from .judge import _judge
from .roles import _owner, _role_after, _role_before, _role_headed
from .vocab import AGENT, BROADCAST, PARTICIPANT, PLACE, RELAY, THING, _clean_name, _key, speech_verbs, words

# ---------------------------------------------------------------- one sentence


def _defined_things(parsed) -> dict[str, str]:
    """Acronyms the articles define after a phrase that is no name or names a place or a thing ("multiple
    launch rocket system (MLRS)", "Kakhovka Hydroelectric Power Plant (HPP)"): acronym -> why it is no
    actor. A definition holds for the whole dossier."""
    w = words()
    found: dict[str, str] = {}
    for item in parsed:
        for doc in item.docs:
            for t in doc[2:-1]:
                if not (doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"
                        and re.fullmatch(r"[A-Z]{2,6}", t.text)):
                    continue
                letters = t.text.lower()
                before = doc[t.i - 2]
                if before.is_lower and before.pos_ in {"NOUN", "ADJ", "PROPN"} and _abbreviates(letters, before.lower_):
                    found.setdefault(t.text, THING)  # "trimetazidine (TMZ)": a substance, not a body
                    continue
                phrase = [x for x in doc[max(0, t.i - 1 - 2 * len(letters)):t.i - 1]
                          if x.lower_ not in w.acronym_links | {"-"}]
                phrase = phrase[-len(letters):]
                if len(phrase) != len(letters) or "".join(x.lower_[0] for x in phrase) != letters:
                    continue
                head = phrase[-1].lower_
                if all(x.is_lower for x in phrase) or head in w.equipment:
                    found.setdefault(t.text, THING)
                elif head in w.facilities or head in w.broadcasts:
                    found.setdefault(t.text, PLACE)
            for ent in doc.ents:
                root = ent.root
                if root.dep_ == "compound" and root.head.lemma_.lower() in w.structure_nouns and root.head.i >= ent.end:
                    found.setdefault(_clean_name(ent.text), PLACE)  # "the Nord Stream pipelines": a structure's name
                elif _names_a_vehicle(ent, w.vehicle_nouns, w.vessel_prefixes):  # "the Jaffar Express, a passenger train"
                    name = re.sub(r"^[Tt]he\s+", "", _clean_name(ent.text))
                    found.setdefault(name, THING)
                    if ent[0].is_upper and ent[0].lower_ in w.vessel_prefixes and len(ent) > 1:
                        # "MT Front Altair": "Front Altair" too, and its prefix where it was read apart
                        found.setdefault(_clean_name(ent[1:].text), THING)
                        found.setdefault(ent[0].text, THING)
                elif ent.text.split()[-1].lower() in w.condition_nouns:
                    found.setdefault(_clean_name(ent.text), THING)  # "Havana Syndrome": an illness's name
                elif _names_a_program(ent, w.software_nouns):
                    found.setdefault(_clean_name(ent.text), THING)  # "the WannaCry ransomware": a program's name
                elif root.dep_ == "compound" and root.head.lemma_.lower() in w.weapon_heads and root.head.i >= ent.end \
                        and ent.label_ not in {"ORG", "NORP"} and ent.text.lower() not in _body_names() \
                        and country_of(ent.text) is None:
                    # "a Buk launcher": a weapon's name; "an Andean Front rocket" is the body's rocket
                    found.setdefault(_clean_name(ent.text), THING)
    return found


# a flight's or a model's designation: letters and a number ("MH17", "Su-25", "S-300", "A321"), not a group
# of states named by its size ("G7", "G20": one letter and at most two digits)
DESIGNATION = re.compile(r"[A-Z][A-Za-z]{1,2}\d{1,4}[A-Z]{0,3}|[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Z]{0,3}|[A-Z]\d{3,4}[A-Z]{0,3}")


@lru_cache(maxsize=1)
def _body_names() -> frozenset[str]:
    return frozenset(n.lower() for b in bodies_table().bodies for n in b.names)


def _names_a_vehicle(ent, nouns: frozenset[str], prefixes: frozenset[str] = frozenset()) -> bool:
    """Is the name a craft's, standing beside its noun as one thing: "the Jaffar Express, a passenger train",
    "the oil tanker Front Altair", "two tankers — the Front Altair and the Kokuka Courageous", or written with
    a ship's prefix ("MT Front Altair")?"""
    root, doc = ent.root, ent.doc
    first = doc[ent.start - 1] if ent.start > 0 and not (ent[0].is_upper and ent[0].lower_ in prefixes) else ent[0]
    if first.is_upper and first.lower_ in prefixes:
        return True
    beside = [c for c in root.children if c.dep_ == "appos" and c.i >= ent.end]
    listed = root
    while listed.dep_ == "conj" and listed.head.i != listed.i:
        listed = listed.head  # one of several names in apposition to the noun
    if listed.dep_ == "appos" and listed.head.i < ent.start:
        beside.append(listed.head)
    if ent.start > 0 and doc[ent.start - 1].is_lower:
        beside.append(doc[ent.start - 1])
    return any(t.lemma_.lower() in nouns for t in beside)


def _names_a_program(ent, kinds) -> bool:
    """Is the name written before a kind of program ("the WannaCry ransomware", "the 'WannaCry' ransomware
    attack", "WannaCry cyber worm"), with at most its quotation marks and one more word between?"""
    after = [t for t in ent.doc[ent.end:ent.end + 4] if not t.is_quote]
    return any(t.lower_ in kinds for t in after[:2])


def _speaks(span) -> bool:
    """Is the name the subject of a verb of saying ("Gazprom said")? A structure's owner named like it speaks."""
    root = span.root
    # (a passive's subject is what is said: "the tankers were reported attacked")
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in speech_verbs()


def _abbreviates(letters: str, word: str) -> bool:
    """The acronym's letters, in order, from one word starting with its first: "tmz" of "trimetazidine"."""
    if not word.startswith(letters[0]) or len(word) < 2 * len(letters):
        return False
    rest = iter(word)
    return all(c in rest for c in letters)


def _sentence_mentions(source_id: str, sentence, doc, credits=(set(), set()),
                       dropped: list[DroppedName] | None = None,
                       things: dict[str, str] | None = None, outlets: set[str] | None = None) -> Iterator[Mention]:
    """The sentence's actor mentions; names judged not to be actors (places, bare institution words) go
    to dropped, with why, when the sentence is article text."""
    author, outlet = credits
    furniture = _is_furniture(sentence, doc)
    taken: set[int] = set()
    signed = _signed_headline(sentence, doc, author)
    for start, end, label in sorted([*signed, *_candidates(doc)], key=lambda x: (x[0], -x[1])):
        if taken & set(range(start, end)):
            continue
        span = doc[start:end]
        text = _clean_name(span.text)
        if label == "COLLECTIVE" and text.islower():
            text = text[:1].upper() + text[1:]  # "activists say": the group is named "Activists"
        if _photo_credit(doc, start, end) and country_of(text) is None:  # "the Israel/Palestine conflict" names two
            continue  # "Russian Foreign Ministry Press Service/TASS": who took or supplied a picture
        if label == "AUTHOR":  # a column's author, in their own voice: the name as a name is written
            taken.update(range(start, end))
            yield Mention(Ref(source_id, sentence.id, span.start_char, span.end_char),
                          text.title() if text.isupper() else text, label, "person", confidence=Confidence.CERTAIN,
                          acts=True)
            continue
        if not _name_like(text):
            continue
        agency = _agency(span)
        kind, why = _judged_here(text, label, span, agency, things or {})
        # (an outlet told something, even by an official, carries the story: "told Reuters" is its credit)
        own_interview = False
        # "...: Global Times editorial": the outlet speaks in its own voice, it is no credit
        if kind is not None and _key(text) in outlet and end < len(doc) and doc[end].lower_ in words().opinion_genres:
            own_interview, label, kind, agency = True, "OUTLET", "organization", AGENT
        outlets = outlets if outlets is not None else set()
        kind, why = _not_acting(text, span, kind, why, agency, own_interview, outlets)
        if kind is None:
            if why and dropped is not None and sentence.kind != "caption" and not furniture:
                dropped.append(DroppedName(Mention(Ref(source_id, sentence.id, span.start_char,
                                                       span.start_char + len(text)), text, label), why))
            continue
        if _is_credit(text, span, sentence, credits, own_interview):
            continue  # byline or credit ("LISBON, May 3 (Globonews) --")
        if _key(text) in outlet and kind == "person":
            kind = "organization"  # the outlet itself ("Nordpress reported")
        taken.update(range(start, end))
        role, role_org = _role_of(doc, start, end, kind, text)
        if kind == "organization" and _a_persons_title(role, text):
            kind = "person"  # "TS Tirumurti, India's Permanent Representative to the UN": the tagger's ORG holds an office
        yield Mention(Ref(source_id, sentence.id, span.start_char, span.start_char + len(text)), text,
                      label, kind, role, role_org, _mention_confidence(sentence, furniture), agency >= PARTICIPANT,
                      _at_newsroom_work(text, span, outlets, own_interview))


def _a_persons_title(role: str | None, name: str) -> bool:
    """Is the role one a person holds (a title word and no body's head word in it, "Permanent Representative
    to the UN" aside) of a name that is no body's (no head word of its own)?"""
    w = words()
    if not role or any(x.lower() in w.org_heads for x in name.split()):
        return False
    lowered = re.findall(r"[a-z]+", role.lower().split(" to ")[0])
    return any(x in w.titles for x in lowered) and not any(x in w.org_heads for x in lowered)


def _name_like(text: str) -> bool:
    """Could the text be a name at all: not a listed non-name or disease, has letters, is no plural acronym
    ("ICBMs" names things, not an actor)."""
    w = words()
    return bool(text) and text.lower() not in w.not_names | w.disease_names \
        and any(c.isalpha() for c in text) and not re.fullmatch(r"[A-Z]{2,}s", text)


def _judged_here(text: str, label: str, span, agency: int, things: dict[str, str]) -> tuple[str | None, str | None]:
    """The name's kind as judged, unless the story calls it a thing or it names a programme."""
    doc, end = span.doc, span.end
    kind, why = _judge(text, label, span, agency)
    last = text.split()[-1]
    if things and kind is not None and kind != "country" and last in things and re.fullmatch(r"[A-Z]{2,6}", last):
        kind, why = None, things[last]  # "HPP", "Kakhovka HPP" where HPP is a power plant
    elif things and kind is not None and kind != "country" and text in things and not _speaks(span):
        kind, why = None, things[text]  # "Nord Stream", named elsewhere as "the Nord Stream pipelines"
    if kind is not None and end < len(doc) and doc[end].lower_ in words().broadcasts and kind != "country":
        kind, why = None, BROADCAST  # "on the United Morning telethon": the programme, not an actor
    if kind is not None and DESIGNATION.fullmatch(text):
        kind, why = None, THING  # "MH17", "Su-25", "S-300": a flight's or a model's designation
    if kind is not None and len(text.split()) > 1 and text.split()[0].lower() in words().code_name_heads:
        kind, why = None, THING  # "Operation Green Bolan": an operation's code name
    return kind, why


def _not_acting(text: str, span, kind: str | None, why: str | None, agency: int,
                own_interview: bool, outlets: set[str]) -> tuple[str | None, str | None]:
    """A body's building or a wire relaying others' words is named, but does not act here. `outlets` holds
    the names the article has called outlets so far ("the ERR state broadcaster", then "told ERR")."""
    if kind == "organization" and text.split()[-1].lower() in words().missions and agency < AGENT:
        return None, PLACE  # "inside the Saudi consulate": the building; "the consulate said" acts
    outlet = _key(text) in outlets or _news_agency(text, span.doc, span.start, span.end)
    if outlet:
        outlets.add(_key(text))
    if kind is not None and not own_interview and outlet and _relays(span.root):
        return None, RELAY  # "reported state-run Anadolu Agency": a wire carrying others' words
    return kind, why


def _at_newsroom_work(text: str, span, outlets: set[str], own_interview: bool) -> bool:
    """An outlet reporting ("The Daily Post reported that ...", "state broadcaster IRIB said") or carrying
    others' words, not one acted upon ("Moscow banned Nordpress"), interviewing an official for its own
    article, taking a stand, or employing someone ("a Daily Post contributor")."""
    t, w = span.root, words()
    if _key(text) not in outlets or own_interview or _acted_upon(t) or _takes_a_stand(t):
        return False
    return not (t.dep_ in {"compound", "poss", "nmod"} and t.head.lower_ in w.titles | w.commentator_titles)


def _is_credit(text: str, span, sentence, credits, own_interview: bool) -> bool:
    """The byline's author, the outlet carrying the story (unless it is acted upon or interviews), or a
    parenthesised name in a wire dateline."""
    author, outlet = credits
    doc, start, end = span.doc, span.start, span.end
    parenthesised = start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"
    return _key(text) in author \
        or (_key(text) in outlet and ((not own_interview and not _acted_upon(span.root)
                                       and not _takes_a_stand(span.root)) or parenthesised)) \
        or (parenthesised and start < 10 and doc[0].is_upper and sentence.kind != "headline")


def _takes_a_stand(t) -> bool:
    """The outlet is the subject of a verb that is no newsroom work ("Al Jazeera Media Network denounces the
    findings", in its own press release): a party to the story speaking, not the outlet carrying it."""
    verb = t.head
    return t.dep_ in {"nsubj"} and verb.pos_ == "VERB" and verb.lemma_.lower() in speech_verbs() \
        and verb.lemma_.lower() not in set(speech_table().say_verbs) | words().newsroom_verbs


def _role_of(doc, start: int, end: int, kind: str, text: str) -> tuple[str | None, str | None]:
    """A person's title (before, after or heading the name), or the owner a body is named with."""
    if kind == "person":
        found = _role_before(doc, start)
        if found[0] is not None and found[1] is None:
            # "Prince Khalid bin Salman, Saudi Arabia's ambassador to the US": a rank before the name, the
            # office and whose it is in the apposition after it
            after = _role_after(doc, start, end)
            return after if after[1] is not None else found
        for find in (_role_after, _role_headed):
            if found[0] is not None:
                break
            found = find(doc, start, end)
        return found
    if kind == "organization":
        return _owner(doc, start, end, text)
    return None, None


def _mention_confidence(sentence, furniture: bool) -> float:
    if furniture:
        return Confidence.FURNITURE
    return Confidence.CAPTION_MENTION if sentence.kind == "caption" else Confidence.CERTAIN


def _photo_credit(doc, start: int, end: int) -> bool:
    """A name joined by a slash, without spaces, to another name: the credit line of a picture ("AP
    Photo/Hasan Jamali", "Press Service/TASS", "Liu Rui/GT"), never an actor."""
    def slash(i: int) -> bool:
        return 0 < i < len(doc) - 1 and doc[i].text == "/" and not doc[i - 1].whitespace_ \
            and not doc[i].whitespace_ and doc[i + 1].text[:1].isupper() and doc[i - 1].text[:1].isupper()
    return any(slash(i) for i in range(start, min(end + 1, len(doc)))) or slash(start - 1)


def _signed_headline(sentence, doc, author: set[str]) -> list[tuple[int, int, str]]:
    """The article's author named in its headline ("Khashoggi dying in a 'fistfight' - YASIN AKTAY"): a
    column signed in its title, whose text is its author's own voice. A byline is a credit; a signed
    headline makes the author an actor."""
    if sentence.kind != "headline":
        return []
    found = []
    for name in author:
        n = len(name.split())
        found += [(i, i + n, "AUTHOR") for i in range(len(doc) - n + 1) if n > 1 and _key(doc[i:i + n].text) == name
                  and not (i > 0 and doc[i - 1].lower_ == "by")]  # "... by Jane Roe": a byline run into it
    return found


def _is_furniture(sentence, doc) -> bool:
    """Bylines, credits and link lists that cleaning kept: no verb, or page separators."""
    if sentence.kind == "headline":
        return False
    if re.search(r"\s[|/]\s|©|@\w", sentence.text):
        return True
    return len(doc) <= 8 and not any(t.pos_ in {"VERB", "AUX"} for t in doc)
