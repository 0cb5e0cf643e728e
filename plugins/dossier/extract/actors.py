"""Actor mentions: spaCy's named entities, repaired, plus what NER misses in news copy.

For each candidate this stage records what the sentence says about it, and nothing more:
- the name as written, without determiner, possessive, honorific or a title NER swallowed
  ("White House Coordinator for Strategic Communications" -> "White House");
- a kind hint from its label and from country knowledge (countries, capitals, "the Indian government");
- whether it acts here (subject, speaker, possessor of an act, "according to") or only sits in a place
  phrase ("in Tokyo") or modifies a noun: Mention.acts;
- the title written before a person ("Kremlin spokesman Dmitry Peskov") or in an apposition after it
  ("Mukhbir Singh, a director for the World Sikh Organization"), and the organisation in that title.

Places that do not act, named happenings ("G20 Summit"), credits (the article's author, its outlet in
a dateline) and page furniture are not yielded. resolve/actors.py decides which mentions are one actor,
its kind and how sure we are.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator

from ..data import load_table
from ..model import ArticleMentions, DroppedName, Mention, Ref, Source
from ..parse import Parsed
from ..world import capital_of, country_of, demonym_country, government_of, is_place, seat_country

# NER labels that can name an actor, and the kind each suggests. DATE, CARDINAL, WORK_OF_ART, LAW,
# EVENT and the like name things that do not act; LOC and FAC act only as seats of power ("the White
# House said").
LABEL_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group",
               "LOC": None, "FAC": None}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent"}
AGENT, PARTICIPANT, NONE = 2, 1, 0


@lru_cache(maxsize=1)
def words() -> dict[str, set[str]]:
    table = load_table("actor_words.yml")
    return {key: {str(w).lower() for w in value} for key, value in table.items()}


def find_mentions(parsed: Iterable[Parsed], dropped: list[DroppedName] | None = None) -> Iterator[Mention]:
    """Actor mentions of all articles, in reading order. Names found and judged not to be actors are
    appended to dropped (when given) with the reason, so the review page can list them."""
    parsed = list(parsed)
    things = _defined_things(parsed)
    yield from judge_mentions([article_mentions(item, things) for item in parsed], dropped)


def _units(found: list[list[Mention]], docs) -> list[list[Mention]]:
    """A body's unit named in the article ("The digital analysis SANAD team") where the article gives the unit
    as one body's ("Al Jazeera's digital investigation team"): the name is that body's, so its mentions are
    marked (label UNIT, the body as role_org) and resolve joins them to it. Only where exactly one body owns
    a unit of that kind in the article."""
    unit_nouns = words()["unit_nouns"]
    owners: dict[str, set[str]] = {}
    named: set[tuple[str, str]] = set()
    for ms, doc in zip(found, docs):
        at = {m.ref.start: m for m in ms}
        for t in doc:
            if t.lower_ not in unit_nouns or not t.is_lower:
                continue
            for c in t.children:
                m = at.get(c.left_edge.idx) if c.dep_ == "poss" else None
                if m is not None and m.kind == "organization":
                    owners.setdefault(t.lower_, set()).add(m.text)
                if c.dep_ == "compound" and c.idx in at and at[c.idx].kind == "organization" and c.i == t.i - 1:
                    named.add((at[c.idx].text, t.lower_))
    units = {name: next(iter(owners[noun])) for name, noun in named
             if len(owners.get(noun, ())) == 1 and name not in owners[noun]}
    if not units:
        return found
    return [[replace(m, label="UNIT", role_org=units[m.text]) if m.text in units else m for m in ms] for ms in found]


def article_definitions(item: Parsed) -> dict[str, str]:
    """The acronyms one article defines as no actor. A definition holds for the whole dossier: extract/
    merges every article's, the first article's reason winning, as _defined_things does over all."""
    return _defined_things([item])


def article_mentions(item: Parsed, things: dict[str, str]) -> ArticleMentions:
    """One article's mentions, with what judge_mentions needs to know of each (so it never reads a doc):
    the article-level half of find_mentions, cached per article."""
    drops: list[DroppedName] = []
    describes: dict[str, bool] = {}  # name -> every use here only describes a noun
    credits = _credits(item.source)
    found = [list(_sentence_mentions(item.source.id, sentence, doc, credits, drops, things))
             for sentence, doc in zip(item.source.sentences, item.docs)]
    found = _units(found, item.docs)
    found = _called_by_surname(found, item.docs)
    # a person's short name: the surname, or the first word where names put the family name first or
    # go by a given name ("Tedros" of "Tedros Adhanom Ghebreyesus", "Xi" of "Xi Jinping")
    full = [m.text.split() for ms in found for m in ms if m.kind == "person" and len(m.text.split()) > 1]
    surnames = {words_[-1] for words_ in full} | {words_[0] for words_ in full if len(words_[0]) >= 2}
    out: list[tuple[Mention, object]] = []
    for sentence, doc, ms in zip(item.source.sentences, item.docs, found):
        for m in ms:
            if sentence.kind == "body" and m.confidence >= 1.0:
                key = m.text.lower()
                describes[key] = describes.get(key, True) and bool(_describes(doc, sentence.text, m))
        out.extend((m, doc) for m in ms)
        out.extend((m, doc) for m in _surnames(item.source.id, sentence, doc, ms, surnames))
    return ArticleMentions(tuple(m for m, _ in out), tuple(_adjectival(doc, m) for m, doc in out),
                           tuple(" " in m.text and m.kind != "country" and _qualifies(doc, m) for m, doc in out),
                           tuple(describes.items()), tuple(drops))


def judge_mentions(articles: Iterable[ArticleMentions], dropped: list[DroppedName] | None = None
                   ) -> Iterator[Mention]:
    """The dossier-wide half of find_mentions: which names are only adjectives of identity, judged on every
    article's uses at once."""
    articles = list(articles)
    drops = [d for a in articles for d in a.dropped]
    descriptors: dict[str, bool] = {}  # name -> every use in the dossier only describes a noun
    for a in articles:
        for key, describes in a.describes:
            descriptors[key] = descriptors.get(key, True) and describes
    out = [(m, adjectival, qualifies) for a in articles
           for m, adjectival, qualifies in zip(a.mentions, a.adjectival, a.qualifies)]
    # a one-word name used only to qualify nouns, across all articles, is an adjective of identity
    # ("Sikh leader", "Sikh community", "UN principle"), not an actor; so is a longer name ending in one
    # and qualifying a noun ("B.C. Sikh leader"), and a group's adjective when the group itself is never
    # named ("Western allied officials" with no "the West")
    nouns = {_group_noun(m.text) for m, adjectival, _ in out if m.kind == "group" and not adjectival}
    for m, adjectival, qualifies in out:
        last = m.text.split()[-1].lower()
        if descriptors.get(m.text.lower()) or (descriptors.get(last) and qualifies):
            drops.append(DroppedName(m, DESCRIPTOR))
        elif m.kind == "group" and adjectival and _group_noun(m.text) not in nouns:
            drops.append(DroppedName(m, DESCRIPTOR))
        else:
            yield m
    if dropped is not None:
        dropped.extend(drops)


DESCRIPTOR = "only qualifies a noun (an adjective of identity, not an actor)"


def _token_at(doc, m: Mention):
    return next((t for t in doc if t.idx == m.ref.start), None)


def _qualifies(doc, m: Mention) -> bool:
    """The name (its last word) modifies a common noun after it: "B.C. Sikh leader"."""
    tokens = [t for t in doc if m.ref.start <= t.idx < m.ref.end]
    if not tokens:
        return False
    t = tokens[-1]
    return t.dep_ in {"amod", "compound", "nmod"} and t.head.i > t.i and t.head.is_lower and t.head.pos_ == "NOUN"


def _adjectival(doc, m: Mention) -> bool:
    """A group named by its adjective before a noun ("Western governments"), not as a noun ("the West")."""
    t = _token_at(doc, m)
    return t is not None and len(m.text.split()) == 1 and (t.pos_ == "ADJ" or t.dep_ == "amod") and t.head.i > t.i


def _group_noun(text: str) -> str:
    """The noun of a group's name: "Western" and "the collective West" -> "west"."""
    words_ = [x for x in _key(text).split() if x not in {"collective", "so", "called", "entire", "whole"}]
    return " ".join(x[:-3] if x.endswith("ern") and x[:-3] in {"west", "east", "north", "south"} else x
                    for x in words_)


def _describes(doc, text: str, m: Mention) -> bool:
    """The mention is one word qualifying a common noun that is neither an institution nor an act."""
    w = words()
    if m.kind == "country" or " " in m.text:
        return False
    tokens = [t for t in doc if t.idx == m.ref.start]
    if not tokens:
        return False
    t = tokens[0]
    head = t.head
    hyphened = t.i + 1 < len(doc) and doc[t.i + 1].text == "-"
    return (t.dep_ in {"amod", "compound", "nmod"} and head.i > t.i and head.is_lower
            and (head.pos_ == "NOUN" or (hyphened and head.pos_ == "ADJ"))
            and head.lower_ not in w["org_heads"] and head.lemma_.lower() not in w["act_nouns"]
            and head.lower_ not in w["act_nouns"]
            and not (m.text.isupper() and head.lower_ in w["titles"]  # "the IMF chief": the body's officer;
                     and not any(c.lower_ in {"former", "ex", "late"} for c in head.children)))  # a former one speaks for himself


def _called_by_surname(found: list[list[Mention]], docs) -> list[list[Mention]]:
    """A name NER took for a body ("Oleksiy Danilov" as ORG) is a person's where the article also calls it
    by its last word alone ("Danilov said"): a body is not named by the last word of its name, save with an
    article ("the Council", "the Post"). Only plain names qualify: two or three capitalised words,
    none a word of institutions, titles, portfolios, happenings, places or countries."""
    w = words()
    banned = w["org_heads"] | w["titles"] | w["portfolios"] | w["events"] | w["facilities"]
    alone = {t.text for ms, doc in zip(found, docs) for t in doc
             if t.pos_ == "PROPN" and t.is_title and not _in_mention(ms, t)
             and not (t.i and doc[t.i - 1].pos_ == "DET")}  # "the Post reported": an outlet's short name
    def plain_name(m: Mention) -> bool:
        parts = m.text.split()
        return 2 <= len(parts) <= 3 and all(x.istitle() and x.isalpha() and x.lower() not in banned
                                            and country_of(x) is None and demonym_country(x) is None for x in parts)
    return [[replace(m, kind="person", label="PERSON") if m.kind == "organization" and m.label == "ORG"
             and plain_name(m) and m.text.split()[-1] in alone else m for m in ms] for ms in found]


def _in_mention(mentions: list[Mention], t) -> bool:
    return any(m.ref.start <= t.idx < m.ref.end for m in mentions)


def _surnames(source_id, sentence, doc, mentions, surnames) -> Iterator[Mention]:
    """A person's surname that NER labelled a place or missed ("... drones to Shoigu"), in a source that
    names the person in full."""
    taken = {(m.ref.start, m.ref.end) for m in mentions}
    starts = {m.ref.start for m in mentions}
    for t in doc:
        if t.text in surnames and t.idx not in starts and (t.idx, t.idx + len(t)) not in taken \
                and (t.ent_type_ in {"", "GPE", "LOC", "ORG", "NORP"}) and t.pos_ == "PROPN" \
                and not any(m.ref.start <= t.idx < m.ref.end for m in mentions):
            yield Mention(Ref(source_id, sentence.id, t.idx, t.idx + len(t)), t.text, "SURNAME", "person",
                          confidence=0.6 if sentence.kind == "caption" else 1.0,
                          acts=_agency(doc[t.i:t.i + 1]) >= PARTICIPANT)


def _credits(source: Source) -> tuple[set[str], set[str]]:
    """Names that credit the article rather than act in it: its author, and the words of its outlet."""
    author = {_key(a) for a in re.split(r",| and ", source.author or "") if a.strip()}
    outlet = set()
    for part in re.split(r"[()|,]", source.outlet or ""):
        part = re.sub(r"\b(republished|by|feed|wire|via)\b", " ", part, flags=re.IGNORECASE)
        if part.strip():
            outlet.add(_key(part))
            names = part.split()
            # its leading words name it too ("Al Jazeera" of "Al Jazeera English")
            outlet.update(_key(" ".join(names[:n])) for n in range(2, len(names)))
            outlet.update(_key(w) for w in part.split() if len(w) > 3 and w[0].isupper()
                          and country_of(w) is None)  # "The Japan News": Japan is no credit
    return author, outlet


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"^the\s+", "", text.strip().lower())).strip()


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
                          if x.lower_ not in {"of", "and", "for", "the", "on", "-"}]
                phrase = phrase[-len(letters):]
                if len(phrase) != len(letters) or "".join(x.lower_[0] for x in phrase) != letters:
                    continue
                head = phrase[-1].lower_
                if all(x.is_lower for x in phrase) or head in w["equipment"]:
                    found.setdefault(t.text, THING)
                elif head in w["facilities"] or head in w["broadcasts"]:
                    found.setdefault(t.text, PLACE)
    return found


THING = "an abbreviation of a thing (a weapon, a system, a common noun), not a name"


def _abbreviates(letters: str, word: str) -> bool:
    """The acronym's letters, in order, from one word starting with its first: "tmz" of "trimetazidine"."""
    if not word.startswith(letters[0]) or len(word) < 2 * len(letters):
        return False
    rest = iter(word)
    return all(c in rest for c in letters)


def _sentence_mentions(source_id: str, sentence, doc, credits=(set(), set()),
                       dropped: list[DroppedName] | None = None,
                       things: dict[str, str] | None = None) -> Iterator[Mention]:
    """The sentence's actor mentions; names judged not to be actors (places, bare institution words) go
    to dropped, with why, when the sentence is article text."""
    w = words()
    author, outlet = credits
    furniture = _is_furniture(sentence, doc)
    taken: set[int] = set()
    signed = _signed_headline(sentence, doc, author)
    for start, end, label in sorted([*signed, *_candidates(doc)], key=lambda x: (x[0], -x[1])):
        if taken & set(range(start, end)):
            continue
        span = doc[start:end]
        text = _clean_name(span.text)
        if _photo_credit(doc, start, end) and country_of(text) is None:  # "the Israel/Palestine conflict" names two
            continue  # "Russian Foreign Ministry Press Service/TASS": who took or supplied a picture
        if label == "AUTHOR":  # a column's author, in their own voice: the name as a name is written
            taken.update(range(start, end))
            yield Mention(Ref(source_id, sentence.id, span.start_char, span.end_char),
                          text.title() if text.isupper() else text, label, "person", confidence=1.0, acts=True)
            continue
        if not text or text.lower() in w["not_names"] | w["disease_names"] or not any(c.isalpha() for c in text):
            continue
        if re.fullmatch(r"[A-Z]{2,}s", text):
            continue  # a plural acronym names things ("ICBMs"), not an actor
        agency = _agency(span)
        kind, why = _judge(text, label, span, agency)
        if things and kind is not None and kind != "country" and text.split()[-1] in things:
            kind, why = None, things[text.split()[-1]]  # "HPP", "Kakhovka HPP" where HPP is a power plant
        if kind is not None and end < len(doc) and doc[end].lower_ in w["broadcasts"] and kind != "country":
            kind, why = None, BROADCAST  # "on the United Morning telethon": the programme, not an actor
        own_interview = _key(text) in outlet and _speech_recipient(span.root) and _titled_teller(span.root)
        # "...: Global Times editorial": the outlet speaks in its own voice, it is no credit
        own_voice = kind is not None and _key(text) in outlet and end < len(doc) and doc[end].lower_ in w["opinion_genres"]
        if own_voice:
            own_interview, label, kind, agency = True, "OUTLET", "organization", AGENT
        if own_interview and kind in {None, "person"}:
            kind = "organization"  # the outlet itself, told something by an official ("told Sputnik")
        if kind == "organization" and text.split()[-1].lower() in words()["missions"] and agency < AGENT:
            kind, why = None, PLACE  # "inside the Saudi consulate": the building; "the consulate said" acts
        if kind is not None and not own_interview and _news_agency(text, doc, start, end) and _relays(span.root):
            kind, why = None, RELAY  # "reported state-run Anadolu Agency": a wire carrying others' words
        if kind is None:
            if why and dropped is not None and sentence.kind != "caption" and not furniture:
                dropped.append(DroppedName(Mention(Ref(source_id, sentence.id, span.start_char,
                                                       span.start_char + len(text)), text, label), why))
            continue
        parenthesised = start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"
        if _key(text) in author or (_key(text) in outlet and ((not own_interview and not _acted_upon(span.root))
                                                             or parenthesised)) \
                or (parenthesised and start < 10 and doc[0].is_upper and sentence.kind != "headline"):
            continue  # byline or credit ("LISBON, May 3 (Globonews) --")
        if _key(text) in outlet and kind == "person":
            kind = "organization"  # the outlet itself ("Nordpress reported")
        taken.update(range(start, end))
        role, role_org = (None, None)
        if kind == "person":
            role, role_org = _role_before(doc, start)
            if role is None:
                role, role_org = _role_after(doc, start, end)
            if role is None:
                role, role_org = _role_headed(doc, start, end)
        elif kind == "organization":
            role, role_org = _owner(doc, start, end, text)
        confidence = 1.0
        if sentence.kind == "caption":
            confidence = 0.6
        if furniture:
            confidence = 0.3
        yield Mention(Ref(source_id, sentence.id, span.start_char, span.start_char + len(text)), text,
                      label, kind, role, role_org, confidence, agency >= PARTICIPANT)


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


def _candidates(doc) -> Iterator[tuple[int, int, str]]:
    """Token ranges that may name an actor, longest evidence first: repaired entities, then acronyms
    and group words NER missed."""
    w = words()
    found = []
    for ent in doc.ents:
        if ent.label_ not in LABEL_KINDS:
            continue
        if all(t.lower_ in w["titles"] | w["title_abbreviations"] or t.lower_.strip(".") in w["honorifics"]
               for t in ent):
            continue  # "Rear Adm." of "spokesperson Rear Adm. Daniel Hagari": a rank, no one's name
        for start, end in (owned for span in _split_title(doc, *_trim(ent)) for part in _split_chain(doc, *span)
                           for owned in _split_owner(doc, *part)):
            if ent.label_ in {"ORG", "GPE", "FAC"} and end < len(doc) and doc[end].lower_ in w["titles"]:
                end = _portfolio_cut(doc, start, end)
            if ent.label_ == "ORG" and end - start >= 2 and demonym_country(doc[start].text) is not None \
                    and re.fullmatch(r"[A-Z]{2,6}", doc[start + 1].text):
                start += 1  # "Canadian CTV News" -> "CTV News"
            if ent.label_ == "ORG" and _acronym_then_person(doc, start, end):
                found.append((start, start + 1, "ORG"))  # "to the UN Vasily Nebenzya": a body, then a person
                found.append((start + 1, end, "PERSON"))
                continue
            if ent.label_ == "PERSON" and end - start >= 3 and country_of(doc[start].text) is not None:
                # "President of Belarus Alexander Lukashenko": NER ran the title's country into the name
                found.append((start, start + 1, "GPE"))
                start += 1
            if ent.label_ == "ORG" and end - start >= 2:
                end = _name_of(doc, start, end)
            if ent.label_ == "ORG":
                start, end = _to_defined_acronym(doc, start, end)
            if start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in w["name_articles"] \
                    and doc[start - 1].whitespace_:
                start -= 1  # "Die Zeit", "Le Monde": NER leaves a foreign article out of the name it opens
            if start < end:
                label = ent.label_
                if label == "PERSON":
                    start, end = _extend_person(doc, start, end)
                found.append((start, end, label))
    for t in doc:
        # a title word followed by capitalised names is a person whatever NER thought ("spokeswoman Ana Costa")
        if t.lower_ in w["titles"] and t.i + 1 < len(doc):
            first = t.i + 1
            while first < len(doc) and (doc[first].lower_ in w["title_abbreviations"]
                                        or doc[first].lower_.strip(".") in w["honorifics"]):
                first += 1  # "spokesperson Gen. Pat Ryder", "spokesperson Dr. ...": a rank or honorific, no name
            end = first
            while end < len(doc) and end - first <= 3 and (_name_token(doc[end]) or (end > first and _particle_at(doc, end))):
                end = _particle_at(doc, end) if not _name_token(doc[end]) else end + 1
            if end > first and doc[end - 1].lower_ not in w["org_heads"] | w["events"] | w["facilities"]:
                found = [f for f in found if f[1] <= first or f[0] >= end or f[2] == "PERSON"]
                if not any(f[0] <= first < f[1] and f[2] == "PERSON" for f in found):
                    found.append((first, end, "PERSON"))
    found.extend(_collectives(doc))
    found.extend(_defined_names(doc, found))
    found.extend(_country_bodies(doc, found))
    found.extend(_named_by_head(doc, found))
    covered = {i for s, e, _ in found for i in range(s, e)}
    for t in doc:  # seats of power NER missed ("Downing Street said")
        for n in (3, 2, 1):
            span = doc[t.i:t.i + n]
            if len(span) == n and all(x.is_title and x.i not in covered for x in span) \
                    and seat_country(span.text) is not None:
                found.append((t.i, t.i + n, "ORG"))
                covered.update(range(t.i, t.i + n))
                break
    for t in doc:
        if t.i in covered:
            continue
        text = t.text.strip(".")
        if (re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", t.text) and t.pos_ in {"PROPN", "NOUN", "X"}
                and text.lower() not in w["titles"]):
            found.append((t.i, t.i + 1, "QUALIFIER" if _grades_a_name(t, found) else "ACRONYM"))
        elif t.is_title and t.lower_ in w["groups"] and (t.i == 0 or doc[t.i - 1].lower_ in {"the", "collective"}
                                                            or t.dep_ in {"nsubj", "amod"}):
            start = t.i - 1 if t.i and doc[t.i - 1].lower_ == "collective" else t.i
            found.append((start, t.i + 1, "GROUP"))
    found.extend(_named_groups(doc))
    return iter(sorted(found, key=lambda x: (x[0], -x[1])))


def _named_groups(doc) -> Iterator[tuple[int, int, str]]:
    """A group the table names in several words ("Arab states", "Gulf states", "Western allies"), written
    capitalised and acting as a subject: NER leaves it out or keeps only its adjective."""
    for name in words()["groups"]:
        parts = name.split()
        if len(parts) < 2 or parts[0] == "the":
            continue
        for t in doc[:len(doc) - len(parts) + 1]:
            span = doc[t.i:t.i + len(parts)]
            if t.is_title and [x.lower_ for x in span] == parts and span.root.dep_ in {"nsubj", "nsubjpass"}:
                yield t.i, t.i + len(parts), "GROUP"


def _grades_a_name(t, found) -> bool:
    """An abbreviation right before a body's name, modifying it, and read as a common word or holding a
    digit: it grades or classes that body ("the P4 Wuhan Institute of Virology": P4 is a biosafety
    level), it is not a second body ("the UN Human Rights Council" keeps both)."""
    named = next(((s, e) for s, e, label in found if s == t.i + 1 and label in {"ORG", "FAC"}), None)
    return (named is not None and t.dep_ == "compound" and named[0] <= t.head.i < named[1]
            and (t.pos_ == "NOUN" or any(c.isdigit() for c in t.text)))


def _collectives(doc) -> Iterator[tuple[int, int, str]]:
    """A country or its demonym, branch words and a collective noun: "British security sources", "U.S.
    intelligence", "US defense officials". The unnamed people or bodies of one country that speak."""
    w = words()
    for t in doc:
        if not (t.is_title or t.is_upper) or (country_of(t.text) is None and demonym_country(t.text) is None):
            continue
        end, last = t.i + 1, None
        while end < len(doc) and end - t.i <= 3 and doc[end].is_lower \
                and (doc[end].lower_ in w["unit_words"] or doc[end].lower_ in w["collectives"]):
            if doc[end].lower_ in w["collectives"]:
                last = end
            end += 1
        if last is not None and doc[last].dep_ not in {"compound", "amod", "nmod"}:  # not "intelligence agency"
            yield t.i, last + 1, "COLLECTIVE"


def _named_by_head(doc, found) -> Iterator[tuple[int, int, str]]:
    """A proper name NER missed that a lowercase institution noun after it says is a body: "its Amaq news
    agency", "the Baza news service" (a capitalised word, not opening the sentence, then up to two lowercase
    words ending in an institution's head noun)."""
    w = words()
    covered = {i for s, e, _ in found for i in range(s, e)}
    for t in doc[1:]:
        if t.i in covered or not t.is_title or t.pos_ != "PROPN" or t.ent_type_ in {"GPE", "LOC", "DATE", "TIME"}:
            continue
        if doc[t.i - 1].is_title or country_of(t.text) or demonym_country(t.text) or capital_of(t.text) \
                or t.lower_ in w["titles"] | w["not_names"]:
            continue
        rest = doc[t.i + 1:t.i + 3]
        heads = [k for k, x in enumerate(rest) if x.is_lower and x.lower_ in w["org_heads"] and x.pos_ == "NOUN"]
        if heads and all(x.is_lower for x in rest[:heads[0] + 1]) and t.dep_ in {"compound", "nmod", "amod"}:
            yield t.i, t.i + 1, "ORG"
    yield from _named_before_group_word(doc, found)


def _named_before_group_word(doc, found) -> Iterator[tuple[int, int, str]]:
    """A name of two or three capitalised words NER broke up ("Islamic" as a nationality, "State" missed)
    that a lowercase group word right after it says is a body: "the Islamic State group", "the Shining
    Path movement". Only where no name of a person, place or body covers its words."""
    w = words()
    kept = {i for s, e, label in found if label not in {"NORP"} for i in range(s, e)}
    for t in doc:
        if t.lower_ not in w["name_group_heads"] or not t.is_lower or t.pos_ != "NOUN":
            continue
        start = t.i
        while start > 0 and t.i - start < 3 and doc[start - 1].is_title and doc[start - 1].dep_ in {"compound", "amod"} \
                and doc[start - 1].head.i in range(start, t.i + 1) and doc[start - 1].i not in kept:
            start -= 1
        if t.i - start >= 2 and country_of(doc[start:t.i].text) is None:
            yield start, t.i, "ORG"


def _country_bodies(doc, found) -> Iterator[tuple[int, int, str]]:
    """A country's body named in common words: "China's foreign ministry", "the Chinese foreign ministry",
    "Canada's defense department". The body speaks, not the country (a country name or demonym, perhaps a
    possessive, lowercase portfolio words, then the head noun of a state body)."""
    w = words()
    heads = set(w["body_heads"]) | w["national_bodies"]
    for t in doc:
        if not ((t.is_lower or t.is_title) and t.lower_ in heads) or t.i < 1:
            continue
        i = t.i
        # "foreign ministry", or "Foreign Ministry" where NER saw only the demonym ("North Korean") and no
        # body (where it saw "Defence Ministry" after "Russia's", that body stands, its owner read later)
        while i > 0 and doc[i - 1].is_lower == t.is_lower and doc[i - 1].lower_ in w["portfolios"]:
            i -= 1
        if (i == t.i and t.lower_ not in w["missions"] | w["national_bodies"]) or i == 0:
            continue  # "the ministry": which country's is unsaid; "the Chinese embassy" is one
        owner = i - 1
        if doc[owner].text in {"'s", "’s"} and owner > 0:
            owner -= 1
            ok = country_of(doc[owner].text) is not None or capital_of(doc[owner].text) is not None
        else:
            ok = demonym_country(doc[owner].text) is not None or country_of(doc[owner].text) is not None
        while not ok and owner > 0 and doc[owner - 1].is_title and doc[owner].is_title:
            owner -= 1  # "South Korea's", "the United States'"
            name = doc[owner:i - (1 if doc[i - 1].text in {"'s", "’s"} else 0)].text
            ok = country_of(name) is not None or demonym_country(name) is not None
        described = t.dep_ == "appos" or (owner > 0 and doc[owner - 1].text == ",")  # "RAW, India's ... agency"
        named = t.is_title and any(s <= t.i < e for s, e, label in found if label == "ORG")
        if ok and not described and not named \
                and not any(s < t.i + 1 and e > owner and label == "PERSON" for s, e, label in found):
            yield owner, t.i + 1, "ORG"


def _trim(ent) -> tuple[int, int]:
    """Token range of the entity without a leading determiner or honorific and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    w = words()
    while start < end and (doc[start].lower_ in {"the", "a", "an", "'s", "’s"}
                           or doc[start].lower_.strip(".") in w["honorifics"]):
        start += 1  # "The country’s Investigative Committee": NER began the name at the possessive
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’", "-", "–", "—"}:
        end -= 1
    if ent.label_ in {"ORG", "PERSON"}:
        # leading common words NER swallowed ("Allegations of Government of India")
        while start < end - 1 and doc[start].pos_ in {"NOUN", "VERB", "ADJ"} and doc[start].is_title \
                and doc[start].lower_ not in w["titles"] | w["government_words"] | w["portfolios"] \
                and demonym_country(doc[start].text) is None:
            start += 1
            while start < end - 1 and doc[start].lower_ in {"of", "for", "the"}:
                start += 1
    if ent.label_ == "ORG" and end < len(doc) and doc[end - 1].lower_ in {"of", "for"} \
            and doc[end].ent_type_ == "GPE":
        # "Government of" + "India's": NER stopped at the possessive
        end += 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    if ent.label_ in {"ORG", "GPE", "FAC"}:
        for i in range(end - 1, start, -1):
            if doc[i].text in {"'s", "’s"} and i + 1 < end:
                start = i + 1  # "the North's KCNA news agency": the owner is a separate mention
                break
        while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].lower_ not in {"of", "and", "for"}:
            end -= 1  # "KCNA news agency" -> "KCNA"
        if end < len(doc) and doc[end].lower_ in w["titles"]:
            # "White House Strategic Communications" Coordinator: the portfolio belongs to the title
            end = _portfolio_cut(doc, start, end)
    if ent.label_ in {"ORG", "FAC"} and end + 1 < len(doc) and doc[end - 1].lower_ in w["missions"] \
            and doc[end].lower_ == "in" and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B":
        # a diplomatic mission is named with its seat: "the Indian Embassy in Ottawa"
        end += 2
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    if ent.label_ == "PERSON":
        # titles NER swallowed at the front ("Commander Kulbhushan Yadav", "President Vladimir Putin")
        while start < end - 1 and (doc[start].lower_.strip(".") in w["titles"]
                                   or doc[start].lower_ in w["title_abbreviations"]):
            start += 1
    while start < end - 1 and not doc[start].is_alpha and not doc[start].text[:1].isalnum():
        start += 1  # "• Darya Dugina": a list's bullet
    for i in range(start + 1, end):
        if doc[i].text in {"-", "–", "—"} and doc[i - 1].whitespace_ and doc[i].whitespace_:
            end = i  # "Alexander Dugin - Daria": a spaced dash sets words apart; a name joins with none
            break
        if ent.label_ in {"PERSON", "ORG"} and doc[i].is_title and _reporting_form(doc[i].lower_):
            end = i  # a headline's verb in title case: "Putin Blames 'Anglo-Saxons'", "Carlson Accuses"
            break
    return start, end


def _reporting_form(word: str) -> bool:
    """A third-person present form of a reporting verb ("says", "blames", "accuses", "denies") that is no
    plural noun of names ("United States", "Court of Appeals")."""
    return word in _reporting_forms() and word not in words()["name_plurals"]


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    verbs = load_table("speech.yml")["verbs"]
    return frozenset(f for v in verbs for f in (v + "s", v + "es", v[:-1] + "ies" if v.endswith("y") else v + "s"))


def _name_of(doc, start: int, end: int) -> int:
    """A body's name NER cut at "of" or "for" ("Federal Agency" for "Air Transport"): an ORG ending in an
    institution's head noun, then "for"/"of" and capitalised words that are no place or person."""
    w = words()
    if doc[end - 1].lower_ not in w["org_heads"] or end + 1 >= len(doc) or doc[end].lower_ not in {"for", "of"}:
        return end
    stop = end + 1
    while stop < len(doc) and stop - end <= 4 and doc[stop].is_title and doc[stop].ent_type_ in {"", "ORG"} \
            and country_of(doc[stop].text) is None and demonym_country(doc[stop].text) is None:
        stop += 1
    return stop if stop > end + 1 else end


def _portfolio_cut(doc, start: int, end: int) -> int:
    """The end of a body's name before a title word, without the portfolio words that belong to the title
    ("White House Strategic Communications" Coordinator -> "White House"); portfolio words after "of" are
    the body's own ("Ministry of Foreign Affairs" spokesperson)."""
    w = words()
    cut = end
    while cut - 1 > start and doc[cut - 1].lower_ in w["portfolios"] and doc[cut - 1].lower_ not in w["org_heads"]:
        cut -= 1
    return end if doc[cut - 1].lower_ in {"of", "for", "and", "on"} else cut


NAME_LINKS = {"of", "for", "the", "and", "on", "in"}  # small words inside a body's name, left out of its initials


def _to_defined_acronym(doc, start: int, end: int) -> tuple[int, int]:
    """A body whose name the next words and a bracketed acronym complete: "the US Institute for the Study of
    War (ISW)", which NER cut at "US Institute", is the Institute for the Study of War: the words whose
    initials are the acronym (a leading country word outside them is where it is, not its name)."""
    k = end
    while k < len(doc) and k - end <= 6 and doc[k].text != "(" and (doc[k].is_title or doc[k].lower_ in NAME_LINKS):
        k += 1
    if k == end or not (k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")"
                        and re.fullmatch(r"[A-Z]{2,6}", doc[k + 1].text)):
        return start, end
    letters = doc[k + 1].text.lower()
    for first in (start, start + 1):
        initials = "".join(x.lower_[0] for x in doc[first:k] if x.lower_ not in NAME_LINKS)
        if initials == letters:
            return first, k
    return start, end


def _defined_by_acronym(span) -> bool:
    """Is the span followed by a bracketed acronym of its initials ("Institute for the Study of War (ISW)")?"""
    doc, end = span.doc, span.end
    if not (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"):
        return False
    return "".join(x.lower_[0] for x in span if x.lower_ not in NAME_LINKS) == doc[end + 1].lower_


def _defined_names(doc, found) -> Iterator[tuple[int, int, str]]:
    """A name defined by the bracketed acronym after it, which NER missed: "said the US Institute for the
    Study of War (ISW)" names the Institute for the Study of War (its capitalised words, small words between,
    whose initials are the acronym)."""
    for t in doc[2:-1]:
        if not (doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")" and re.fullmatch(r"[A-Z]{2,6}", t.text)):
            continue
        k = t.i - 1
        if any(s <= k - 1 < e and e == k and label in {"ORG", "FAC"} for s, e, label in found):
            continue  # NER named it whole
        first = k
        while first > 0 and k - first < 2 * len(t.text) + 2 and (doc[first - 1].is_title or doc[first - 1].lower_ in NAME_LINKS):
            first -= 1
        for s in range(first, k - 1):
            words_ = [x for x in doc[s:k] if x.lower_ not in NAME_LINKS]
            if doc[s].is_title and doc[s].lower_ not in NAME_LINKS and len(words_) >= 2 \
                    and "".join(x.lower_[0] for x in words_) == t.lower_:
                yield s, k, "ORG"
                break


def _acronym_then_person(doc, start: int, end: int) -> bool:
    """An ORG that is an acronym followed by a person's name, which NER ran together after a title ("Permanent
    Representative to the UN Vasily Nebenzya"): two or three capitalised name words, none of them a word
    of institutions, titles, places or happenings."""
    w = words()
    if end - start not in (3, 4) or not re.fullmatch(r"(?:[A-Z]\.?){2,6}", doc[start].text):
        return False
    rest = doc[start + 1:end]
    banned = w["org_heads"] | w["titles"] | w["portfolios"] | w["events"] | w["facilities"]
    return all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in banned and country_of(t.text) is None
               and demonym_country(t.text) is None for t in rest)


def _split_title(doc, start: int, end: int) -> list[tuple[int, int]]:
    """An ORG that runs into a title ("White House Coordinator for Strategic Communications") is the
    part before the title word; the title itself names no organisation."""
    w = words()
    if doc[end - 1].lower_ in w["org_heads"]:
        return [(start, end)]  # "UN General Assembly": the title word is part of the institution's name
    for i in range(start, end):
        if doc[i].lower_ in w["titles"] and doc[i].lower_ not in w["org_heads"] and i > start \
                and not (doc[i].lower_ == "general" and doc[i - 1].lower_ in w["org_heads"]):  # "Consulate General"
            return [(start, i)]
        if doc[i].lower_ in w["titles"] and i == start and doc[i].ent_type_ == "ORG":
            return []
    return [(start, end)]


def _split_owner(doc, start: int, end: int) -> list[tuple[int, int]]:
    """A body named with the body it belongs to ("the Department of Foreign Relations of the Autonomous
    Administration of North and East Syria"): two names, each holding an institution's head noun, joined by
    "of the". A country after "of the" is no body ("Ministry of Foreign Affairs of the Russian Federation")."""
    heads = words()["org_heads"]
    for i in range(start + 2, end - 2):
        if doc[i].lower_ == "of" and doc[i + 1].lower_ == "the" \
                and any(t.lower_ in heads for t in doc[start:i]) and any(t.lower_ in heads for t in doc[i + 2:end]) \
                and all(t.is_title or t.lower_ in NAME_LINKS for t in doc[i + 2:end]):
            return [(start, i), (i + 2, end)]
    return [(start, end)]


def _split_chain(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Two institutions written one after the other ("White House National Security Council"): each a
    name of two words or more ending in an institution's head noun, the second inside the first."""
    heads = words()["org_heads"]
    if end - start < 4 or doc[end - 1].lower_ not in heads:
        return [(start, end)]
    for i in range(start + 1, end - 2):
        if doc[i].lower_ in heads and all(t.is_title and t.lower_ not in heads for t in doc[i + 1:end - 1]):
            return [(start, i + 1), (i + 1, end)]
    return [(start, end)]


def _name_token(t) -> bool:
    w = words()
    return (t.is_title and t.pos_ == "PROPN" and t.lower_ not in w["titles"] and t.lower_ not in w["portfolios"]
            and t.lower_ not in w["title_abbreviations"]
            and t.lower_ not in w["not_names"] and t.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}
            and country_of(t.text) is None and demonym_country(t.text) is None and capital_of(t.text) is None)


def _extend_person(doc, start: int, end: int) -> tuple[int, int]:
    """NER often stops early or late inside names it has not seen: "Choe Son" Hui, "Pavan" Kumar Rai."""
    w = words()

    def name_like(t) -> bool:
        return (t.is_title and t.pos_ == "PROPN" and not t.is_punct and t.lower_ not in w["titles"]
                and not _reporting_form(t.lower_)
                and t.lower_ not in w["not_names"] and t.lower_ not in w["title_abbreviations"] and t.ent_type_ in {"", "PERSON", "GPE", "NORP"}
                and country_of(t.text) is None and demonym_country(t.text) is None)

    while end < len(doc) and end - start < 5:
        if name_like(doc[end]) and doc[end].dep_ not in {"ROOT"} and end - start < 4 and not _place_word(doc[end]):
            end += 1
        elif _particle_at(doc, end):
            end = _particle_at(doc, end)  # "Abdel Fattah" el Sisi, "Ashraf" al-Qudra
        else:
            break
    # an honorific, with its dot or without ("Mr. Khashoggi"), is not part of the name
    while start > 0 and name_like(doc[start - 1]) and doc[start - 1].i > 0 and end - start < 4 \
            and doc[start - 1].lower_.strip(".") not in w["honorifics"] and capital_of(doc[start - 1].text) is None:
        start -= 1
    return start, end


def _place_word(t) -> bool:
    """A word NER read as a place that the gazetteer knows as one: a headline's run of names ends before it
    ("Biden tells Netanyahu Gaza hospital hit ...": Netanyahu, then Gaza)."""
    return t.ent_type_ in {"GPE", "LOC"} and (is_place(t.text) or country_of(t.text) is not None
                                               or capital_of(t.text) is not None)


def _particle_at(doc, i: int) -> int:
    """The end of a name particle and the capitalised name word it joins ("el Sisi", "al-Qudra", "bin
    Salman"), starting at token i; 0 when there is none."""
    if i >= len(doc) or doc[i].text not in words()["name_particles"]:
        return 0
    j = i + 1
    if j < len(doc) and doc[j].text in {"-", "‑"} and not doc[i].whitespace_:
        j += 1
    if j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN" and doc[j].lower_ not in words()["titles"]:
        return j + 1
    return 0


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")]  # "World Health Organization (WHO" cut by NER: the name before it
    text = text.strip(" ,.;:\"“”‘’'()[]-–—")
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text):
        text += "."  # "U.S" cut by the sentence end -> "U.S."
    text = re.sub(r"[’']s$", "", text).strip()
    return re.sub(r"(?:\s+(?:of|for|and|the|in))+$", "", text)  # "Ministry of" cut short by NER


# ---------------------------------------------------------------- what the sentence says about it


def _agency(span) -> int:
    """AGENT when the name does something here (subject, possessor, "by", "according to"), PARTICIPANT
    when something is done with it or it qualifies an act or a title ("G7 summit", "Kremlin spokesman"),
    NONE when it only places or describes ("in Tokyo", "named after Yuri Gagarin")."""
    w = words()
    t = span.root
    seen = 0
    while t.dep_ in {"conj", "appos", "flat"} and t.head is not t and seen < 6:
        t = t.head
        seen += 1
    dep = t.dep_
    head = t.head
    if dep in SUBJECTS and _obliged(head):
        return NONE  # "If the administration won't act, Congress must": what someone says it must do
    if dep == "poss" and head.lemma_.lower() in w["facilities"] and (capital_of(span.text) or is_place(span.text)):
        return NONE  # "near Baghdad's airport", "Kyiv's central square": a city's place, where it happened
    if dep in SUBJECTS or dep == "poss":
        return AGENT
    if dep == "pobj":
        prep = head.lower_
        if prep == "by" or (prep == "to" and head.head.lower_ == "according"):
            return AGENT
        if head.head.lower_ in w["titles"] and head.head.i != t.i and prep not in w["place_preps"]:
            # "Ambassador at Large Oleg Burmistrov", "a director for the World Sikh Organization": the
            # name holds or gives the title, which does what the sentence says ("a commander in Syria" is
            # where the commander was)
            return max(PARTICIPANT, _agency(span.doc[head.head.i:head.head.i + 1]))
        if prep == "of" and (head.head.lemma_.lower() in w["act_nouns"] or head.head.lower_ in w["act_nouns"]):
            return PARTICIPANT  # "the policy of NATO", like "NATO's policy"
        if prep in {"on", "to", "via", "through"} and span.text.lower() in w["platforms"]:
            return NONE  # "blamed Iran for the attack on Twitter", "took to Telegram": where it was posted
        if _speech_recipient(t):
            return PARTICIPANT  # "said to Sputnik", "in an interview with CTV"
        if prep == "on" and (head.head.lemma_.lower() in w["media_cues"] or head.head.lower_ in w["media_cues"]):
            return NONE  # "said in a statement on Telegram", "posted on X": where it was said
        if prep == "from" and head.head.pos_ in {"NOUN", "PROPN"} and head.head.lemma_.lower() not in w["act_nouns"] \
                and head.head.lower_ not in w["act_nouns"]:
            return NONE  # "athletes from Kenya": where people come from, not a letter or a call from a state
        if prep in {"with", "between", "among", "against", "from", "on"} and head.head.lemma_.lower() not in w["place_verbs"]:
            return PARTICIPANT if prep != "on" or head.head.lemma_.lower() in w["act_nouns"] else NONE
        return NONE
    if dep in {"dobj", "dative", "iobj", "attr", "oprd"}:
        return NONE if head.lemma_.lower() in w["place_verbs"] else PARTICIPANT
    if dep in {"compound", "nmod"} and head.is_lower and head.lower_ in w["org_heads"] \
            and 0 <= head.i - span.end <= 1:
        return _agency(span.doc[head.i:head.i + 1])  # "the KCNA news agency said": the name is the agency
    if dep in {"compound", "nmod"} and head.lower_ in w["org_heads"] and head.i >= span.end:
        return PARTICIPANT  # "White House" of "White House National Security Council": it holds the body
    if dep in {"compound", "amod", "nmod", "npadvmod", "nummod"}:
        noun = head.lower_
        if noun in w["titles"] or noun in w["act_nouns"] or head.lemma_.lower() in w["act_nouns"]:
            return PARTICIPANT
        return NONE
    if dep == "ROOT" and span.root.pos_ == "PROPN" and len(span.doc) > len(span) + 2:
        return PARTICIPANT  # headline fragments: "Pyongyang slams Washington"
    return NONE


def _obliged(verb) -> bool:
    """The verb is an obligation put on its subject, not an act: a modal of obligation (data/actor_words.yml
    obligation_modals) standing alone ("Congress must.") or before it ("Congress must act")."""
    modals = words()["obligation_modals"]
    return verb.lower_ in modals or any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _reported(t) -> bool:
    """The token is inside a clause someone is said to have said ("he said U.S. officials had not ...")."""
    say = {str(v).lower() for key in ("verbs", "say_verbs") for v in load_table("speech.yml").get(key, ())}
    while t.head.i != t.i:
        if t.dep_ in {"ccomp", "parataxis"} and t.head.lemma_.lower() in say:
            return True
        t = t.head
    return False


def _does(span) -> bool:
    """The name itself is the subject of a verb that is an act, not of "be" or "have" or a passive."""
    t = span.root
    return t.dep_ == "nsubj" and t.head.lemma_.lower() not in {"be", "have", "remain", "become", "lie", "sit"}


def _owns_an_act(span) -> bool:
    """A possessive of an act, a title or a body ("Jackson's statement", "Lincoln's spokesman"), not of
    people or things that belong to a place ("Crimea's residents")."""
    w = words()
    t = span.root
    head = t.head
    return t.dep_ == "poss" and (head.lemma_.lower() in w["act_nouns"] or head.lower_ in w["act_nouns"]
                                 or head.lower_ in w["titles"] or head.lower_ in w["org_heads"])


def _speech_recipient(t) -> bool:
    """The token is told something: "told Sputnik", "said to reporters", "an interview with CTV"."""
    w = words()
    if t.dep_ in {"dobj", "dative", "iobj"}:
        return t.head.lemma_.lower() in w["recipient_cues"]
    if t.dep_ == "pobj" and t.head.lower_ in {"to", "with"}:
        return t.head.head.lemma_.lower() in w["recipient_cues"]
    return False


def _titled_teller(t) -> bool:
    """Who tells the outlet holds an office ("Ambassador ... Nowak told Nordpress"): an interview the outlet
    was given, which makes it part of the story. A passer-by or a commentator telling the article's own
    outlet ("Lidia Zubova, 67, told Reuters", "analyst Igor Eidman told The Messenger") is its reporting,
    not the outlet acting."""
    verb = t.head if t.dep_ in {"dobj", "dative", "iobj"} else t.head.head
    w = words()
    return any(tok.lower_ in w["titles"] and tok.lower_ not in w["commentator_titles"] | w["press_titles"]
               for c in verb.children if c.dep_ in SUBJECTS for tok in c.subtree)


def _news_agency(text: str, doc, start: int, end: int) -> bool:
    """A news outlet: a wire or broadcaster named in the table, a name ending in 'News/Press Agency' or in a
    newspaper's name word ("The Washington Post"), or one the words around it call an outlet ("the North's
    KCNA news agency", "the ERR state broadcaster", "the state news agency, Ria-Novosti", "state media
    publication Anadolu Agency")."""
    w = words()
    key = _key(text)
    if key in w["news_agencies"] | w["broadcasters"] or re.search(r"\b(?:news|press) agency$", key):
        return True
    if len(text.split()) > 1 and text.split()[-1].lower() in w["newspaper_words"]:
        return True
    if [t.lower_ for t in doc[end:end + 2]] == ["news", "agency"]:
        return True
    after = [t for t in doc[end:end + 3] if t.is_lower]
    if after and after[0].lemma_.lower() in w["media_nouns"] or \
            any(t.lemma_.lower() in w["media_nouns"] and t.i == doc[start].head.i for t in after):
        return True  # "the ERR state broadcaster"
    root = doc[start:end].root
    head = root.head
    return root.dep_ in {"appos", "compound"} and head.i < start and (
        head.lemma_.lower() in w["media_nouns"]
        or head.lower_ == "agency" and any(c.lower_ in {"news", "press"} for c in head.children))


def _relays(t) -> bool:
    """The agency carries someone else's words: it is told them ("a Turkish official told Reuters"), they
    are according to it or carried by it ("according to the Saudi Press Agency", "carried by KCNA"), or
    what it reports is another's speech ("X denied ..., Reuters reported", "X said ..., reported Anadolu").
    An agency that itself says a fact ("Tass news agency said the plane had caught fire") is a source
    others answer, and stays."""
    speech = load_table("speech.yml")
    while t.dep_ in {"compound", "appos"} and t.head.i != t.i:
        t = t.head  # "told Reuters news agency", "according to state media publication Anadolu Agency"
    if t.dep_ == "poss" and t.head.lower_ in words()["broadcasts"]:
        t = t.head  # "told CBS's 60 Minutes program": the network's programme is told
    if _speech_recipient(t):
        return True
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    if t.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in set(speech["frame_verbs"]) | {"carry"}:
        return True
    if t.dep_ in SUBJECTS and head.lemma_.lower() in set(speech["say_verbs"]) | set(speech["frame_verbs"]) and any(
            c.lower_ == "as" and any(g.lemma_.lower() in speech["say_verbs"] for g in c.children) for c in head.children):
        return True  # "Reuters quoted the minister as saying", "reported her as saying": another's words it carries
    if t.dep_ in SUBJECTS | {"dobj"} and head.lemma_.lower() in set(speech["say_verbs"]):
        if t.i > head.i:
            return True  # "..., reported state-run Anadolu Agency": the agency credited after the verb
        if any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in words()["citing_verbs"] for c in head.children):
            return True  # "the Anadolu Agency said, citing the minister": another's words it carries
        verbs = set(speech["verbs"]) | set(speech["say_verbs"])
        if head.dep_ in {"ccomp", "parataxis"} and head.i > head.head.i and head.head.lemma_.lower() in verbs:
            return True  # "X denied it and said ..., Reuters reported": a report tagged after the words
        return any(c.dep_ == "ccomp" and any(x.lemma_.lower() in verbs and x.pos_ == "VERB"
                                             and any(s.dep_ in SUBJECTS for s in x.children) for x in c.subtree)
                   for c in head.children)  # a speaker of its own inside the report
    return False


def _acted_upon(t) -> bool:
    """The name undergoes an act ("Moscow banned Nordpress", "Nordpress was fined"): an outlet that is part
    of the story. Reporting, confirming or being told things is the outlet at work, not acting in it."""
    if t.dep_ == "nsubjpass":
        return True
    return t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in words()["recipient_cues"]


PLACE = "a place that does not act here"
JOB_WORD = "a word for what people do or are (a job or a role), not a name"


def _job_word(word: str) -> bool:
    w = words()
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    return bool(forms & (w["job_nouns"] | w["titles"]))
BROADCAST = "names a programme, where something was said"
LEADERS_GOVERNMENT = "names a government by its leader ('the X administration'), not the person"
RELAY = "a news agency carrying the story (a credit), not an actor in it"
INSTITUTION_WORD = "a kind of institution, not the name of one"


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
    if label == "GROUP" or text.lower() in w["groups"]:
        return "group", None
    if label == "COLLECTIVE":  # "British security sources claimed": a group when it speaks or acts itself,
        # not when someone else's words say what it did ("executed by Indian intelligence, she said")
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
    if label == "ORG":
        if all(x in w["portfolios"] or demonym_country(x.title()) is not None for x in lower):
            return None, None  # "Defense" of "Russian Defense Minister": part of a title
        plural = head.endswith("s") and (head[:-1] in w["org_heads"] or head[:-2] in w["org_heads"])
        if len(lower) == 1 and (plural or (head in w["org_heads"] and agency < AGENT)):
            return None, INSTITUTION_WORD  # "Consulates", "told Parliament": which one is unsaid
        return "organization", None
    return LABEL_KINDS.get(label), None


def _role_before(doc, start: int) -> tuple[str | None, str | None]:
    """Title words right before a name ("Kremlin spokesman Dmitry Peskov") -> (role, organisation)."""
    w = words()
    titles = w["titles"]
    i = start
    while i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].lower_ in titles
                     or doc[i - 1].lower_ in w["portfolios"]  # "Bolivian presidential adviser"
                     or doc[i - 1].lower_ in {"of", "for", "at", "-", "to"}
                     or (doc[i - 1].lower_ == "the" and i >= 2 and doc[i - 2].lower_ in {"to", "of", "for", "at"})
                     or (doc[i - 1].text in {"'s", "’s"} and i > 1 and doc[i - 2].is_title)) \
            and not (doc[i - 1].is_punct and doc[i - 1].text != "-"):
        if doc[i - 1].lower_ in {"the", "a"} and not (i >= 2 and doc[i - 2].lower_ in {"to", "of", "for", "at"}):
            break  # "Representative to the UN" keeps its article
        i -= 1
    while i < start and doc[i].lower_ in {"of", "for", "at", "-", "to", "'s", "’s"}:
        i += 1
    if i == start:
        return None, None
    tokens = list(doc[i:start])
    if not any(t.lower_ in titles for t in tokens):
        return None, None
    # drop leading words that are not part of the title (sentence-initial verbs, place names)
    while tokens and tokens[0].pos_ == "VERB":
        tokens.pop(0)
    role = doc[tokens[0].i:start].text if tokens else None
    return role, _role_org(tokens)


def _role_headed(doc, start: int, end: int) -> tuple[str | None, str | None]:
    """A title the name stands in apposition to: "the official spokesperson of the Ministry of External
    Affairs, Arindam Bagchi said" -> ("official spokesperson of the Ministry of External Affairs", ...)."""
    titles = words()["titles"]
    root = doc[start:end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= start or head.lower_ not in titles:
        # the parser often misses that apposition: a title phrase that ends at a comma before the name
        head = next((t for t in reversed(doc[:max(0, start - 1)]) if t.lower_ in titles
                     and t.right_edge.i == start - 2 and doc[start - 1].text == ","), None)
        if head is None:
            return None, None
    sub = [t for t in head.subtree if t.i < start]
    while sub and (sub[0].lower_ in {"the", "a", "an"} or sub[0].is_punct):
        sub.pop(0)
    while sub and sub[-1].is_punct:
        sub.pop()
    if not sub or len(sub) > 14 or any(t.pos_ in {"VERB", "AUX"} for t in sub):
        # "Asked about the Russian ambassador being expelled, Jablonski ...": a clause about someone
        # else, not the name's title
        return None, None
    role = doc[sub[0].i:sub[-1].i + 1].text
    orgs = [e for e in doc.ents if e.start >= sub[0].i and e.end <= sub[-1].i + 1 and e.label_ in {"ORG", "GPE", "FAC"}]
    return role, (_clean_name(re.sub(r"^the\s+", "", orgs[0].text)) if orgs else _role_org(sub))


def _owner(doc, start: int, end: int, text: str) -> tuple[str | None, str | None]:
    """What an organisation belongs to, as written: an apposition with an owner ("the Research and Analysis
    Wing, India's foreign intelligence agency"), a country's possessive ("India's Ministry of External
    Affairs"), or a leading demonym or country name ("Russian Foreign Ministry", "DPRK Foreign Ministry")."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            sub = list(child.subtree)
            while sub and (sub[0].lower_ in {"the", "a", "an"} or sub[0].is_punct):
                sub.pop(0)
            owner = [t for t in sub if t.dep_ == "poss" and (country_of(t.text) or demonym_country(t.text))]
            if sub and len(sub) <= 8 and owner:
                country = country_of(owner[0].text) or demonym_country(owner[0].text)
                return doc[sub[0].i:sub[-1].i + 1].text, country.name
    if start >= 2 and doc[start - 1].text in {"'s", "’s"}:
        country = country_of(doc[start - 2].text)
        if country is not None:
            return None, country.name
    lead = text.split()[0]
    if len(text.split()) > 1:
        country = country_of(lead) or demonym_country(lead)
        if country is not None:
            return None, country.name
    if start >= 1 and len(text.split()) > 1 and (doc[start - 1].ent_type_ in {"GPE", "NORP"} or doc[start - 1].is_upper) \
            and not _defined_by_acronym(doc[start:end]):  # its acronym leaves the country word out of its name
        # "the US Anti-Doping Agency" where NER left the country out of the name
        country = country_of(doc[start - 1].text) or demonym_country(doc[start - 1].text)
        if country is not None:
            return None, country.name
    return None, None


def _role_after(doc, start: int, end: int) -> tuple[str | None, str | None]:
    """An apposition after the name that holds a title: "Mukhbir Singh, a director for the World Sikh
    Organization of Canada" -> ("director for the World Sikh Organization of Canada", ...)."""
    titles = words()["titles"]
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            sub = _before_a_clause(list(child.subtree))
            while sub and sub[0].lower_ in {"the", "a", "an", ","}:
                sub.pop(0)
            if not sub or len(sub) > 14 or not any(t.lower_ in titles for t in sub):
                continue
            role = doc[sub[0].i:sub[-1].i + 1].text.strip(" ,")
            orgs = [e for e in doc.ents if e.start >= sub[0].i and e.end <= sub[-1].i + 1
                    and e.label_ in {"ORG", "GPE", "FAC"}]
            org = _clean_name(orgs[0].text) if orgs else None
            return role, org
    return None, None


def _before_a_clause(tokens: list) -> list:
    """The title's words before a participle or relative clause that describes its holder ("a senior
    commander assassinated in Iraq in a 2020 drone strike"): where he died is no part of his title."""
    for k, t in enumerate(tokens):
        if t.dep_ in {"acl", "relcl"} and t.pos_ in {"VERB", "AUX"}:
            return tokens[:k]
    return tokens


def _role_org(tokens) -> str | None:
    """The organisation named in a title: the capitalised words before the first title word, up to an
    institution's head noun ("Russian Foreign Ministry" spokeswoman), else the country of a leading
    demonym or name ("Russian" Defense Minister -> Russia)."""
    w = words()
    words_before = []
    for t in tokens:
        if t.lower_ in w["titles"] and t.lower_ not in w["org_heads"]:
            break
        words_before.append(t)
    if not words_before:
        return None
    text = " ".join(t.text for t in words_before)
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)
    last_head = max((k for k, t in enumerate(words_before) if t.lower_ in w["org_heads"]), default=None)
    if last_head is not None:
        return _clean_name(" ".join(t.text for t in words_before[:last_head + 1]))
    names = [t for t in words_before if t.lower_ not in w["portfolios"]]
    if names:
        lead = _clean_name(" ".join(t.text for t in names))
        country = country_of(lead) or demonym_country(lead)
        if country is not None:
            return country.name
        if len(names) == len(words_before):
            return lead  # "Kremlin" spokesman
    return None
