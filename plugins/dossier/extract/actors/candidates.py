"""The spans of a sentence that may name an actor: spaCy's entities, trimmed and split where NER ran
names together, and what NER misses in news copy (named groups, collectives, a country's bodies,
names defined by their acronym)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Span

from ...data import bodies_table, date_words_table, speech_table
from ...world import capital_of, country_of, demonym_country, is_place, seat_country
from .vocab import LABEL_KINDS, NAME_LINKS, ActorWordSets, words

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})  # "China's", "the United States' defense department"
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})


def _candidates(doc) -> Iterator[tuple[int, int, str]]:
    """Token ranges that may name an actor, longest evidence first: repaired entities, then acronyms
    and group words NER missed. Each pass reads what the passes before it found."""
    found: list[tuple[int, int, str]] = []
    for _name, find in _PASSES:
        found = find(doc, found)
    return iter(sorted(found, key=lambda x: (x[0], -x[1])))


def _entities(doc, found: list) -> list:
    """spaCy's entities of actor labels, trimmed and split where NER ran names together."""
    for ent in doc.ents:
        if ent.label_ == "DATE" and _name_read_as_a_date(ent):
            ent = Span(doc, ent.start, ent.end, label="ORG")
        if _is_actor_entity(ent):
            found.extend(_repaired_entity(doc, ent))
    return found


def _name_read_as_a_date(ent) -> bool:
    """"the terror group Jaish-e-Mohammad" tagged a date: a span with no digit and no word of a date
    (data/date_words.yml, holidays included), of two or more words all capitalised names, is a name."""
    words = [t for t in ent if t.is_alpha and len(t.text) > 1]
    return len(words) > 1 and not any(c.isdigit() for c in ent.text) and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) and not any(
        t.lower_ in _date_words() for t in ent)


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    table = date_words_table()
    return frozenset(w.lower() for w in (*(m for names in table.months for m in names), *table.weekdays,
                                         *table.parts_of_day, *table.relative, *table.seasons, *table.numbers,
                                         *table.units, *table.relative_years, *table.holidays))


def _is_actor_entity(ent) -> bool:
    w = words()
    if ent.label_ not in LABEL_KINDS:
        return False
    if not any(c.isupper() for c in ent.text):
        return False  # "a fox smells its own lair": a name is capitalised in running text; NER guessed from context
    # "Rear Adm." of "spokesperson Rear Adm. Daniel Hagari": a rank, no one's name
    return not all(t.lower_ in w.titles | w.title_abbreviations or t.lower_.strip(".") in w.honorifics
                   for t in ent)


def _repaired_entity(doc, ent) -> Iterator[tuple[int, int, str]]:
    """One entity as the names it holds: a country's official name whole, else each part of it split at
    titles, chains, owners and pairs, repaired at its edges."""
    whole = (ent.start + (ent[0].lower_ == "the"), ent.end)
    if ent.label_ in {"ORG", "GPE"} and whole[1] - whole[0] > 2 and country_of(doc[whole[0]:whole[1]].text) is not None:
        # "the Democratic People's Republic of Korea": a country's official name, whatever it holds
        # ("People's" owns nothing there)
        yield (*whole, "GPE")
        return
    for start, end in (one for span in _split_title(doc, *_trim(ent)) for part in _split_chain(doc, *span)
                       for owned in _split_owner(doc, *part) for one in _split_pair(doc, *owned, ent.label_)):
        yield from _repaired_part(doc, start, end, ent.label_)


def _repaired_part(doc, start: int, end: int, label: str) -> Iterator[tuple[int, int, str]]:
    """A part of an entity, its edges moved where NER drew them wrong, or split in two where NER ran a
    body or country into a person's name."""
    w = words()
    if label in {"ORG", "GPE", "FAC"} and end < len(doc) and doc[end].lower_ in w.titles:
        end = _portfolio_cut(doc, start, end)
    if label == "ORG" and end - start >= 2 and demonym_country(doc[start].text) is not None \
            and re.fullmatch(r"[A-Z]{2,6}", doc[start + 1].text):
        start += 1  # "Canadian CTV News" -> "CTV News"
    if label == "ORG" and _acronym_then_person(doc, start, end):
        yield start, start + 1, "ORG"  # "to the UN Vasily Nebenzya": a body, then a person
        yield start + 1, end, "PERSON"
        return
    if label in {"ORG", "NORP"} and _country_then_person(doc, start, end):
        yield start, start + 1, "GPE"  # "President of Ukraine Volodymyr Zelensky", as an ORG or NORP
        yield start + 1, end, "PERSON"
        return
    if label == "PERSON" and end - start >= 3 and country_of(doc[start].text) is not None:
        # "President of Belarus Alexander Lukashenko": NER ran the title's country into the name
        yield start, start + 1, "GPE"
        start += 1
    if label == "ORG" and end - start >= 2:
        end = _name_of(doc, start, end)
    if label == "ORG":
        start, end = _to_defined_acronym(doc, start, end)
    if start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in w.name_articles \
            and doc[start - 1].whitespace_:
        start -= 1  # "Die Zeit", "Le Monde": NER leaves a foreign article out of the name it opens
    if start < end:
        if label == "PERSON":
            start, end = _extend_person(doc, start, end)
        yield start, end, label


def _titled_persons(doc, found: list) -> list:
    """A title word followed by capitalised names is a person whatever NER thought ("spokeswoman Ana
    Costa"): it replaces what overlapped it."""
    w = words()
    for t in doc:
        if t.lower_ not in w.titles or t.i + 1 >= len(doc):
            continue
        if t.i > 0 and re.fullmatch(r"\d{1,2}(?:[:.]\d{2})?", doc[t.i - 1].text):
            continue  # "01:52 PM Apr 26": a clock's PM, no prime minister
        first = _past_portfolio(doc, t.i + 1, w)
        while first < len(doc) and (doc[first].lower_ in w.title_abbreviations
                                    or doc[first].lower_.strip(".") in w.honorifics):
            first += 1  # "spokesperson Gen. Pat Ryder", "spokesperson Dr. ...": a rank or honorific, no name
        end = first
        while end < len(doc) and end - first <= 3 and (_name_token(doc[end]) or (end > first and _particle_at(doc, end))):
            end = _particle_at(doc, end) if not _name_token(doc[end]) else end + 1
        if end > first and doc[end - 1].lower_ not in w.org_heads | w.events | w.facilities:
            found = [f for f in found if f[1] <= first or f[0] >= end or f[2] == "PERSON"]
            if not any(f[0] <= first < f[1] and f[2] == "PERSON" for f in found):
                found.append((first, end, "PERSON"))
    return found


def _past_portfolio(doc, i: int, w: ActorWordSets) -> int:
    """Where the name starts after a title's portfolio or posting ("Minister of Transport Maxim Sokolov",
    "Secretary of State Ana Costa", "ambassador to the United States Ana Costa"): past "of" and the
    capitalised portfolio words (data/actor_words.yml portfolios), or past "to" and the country named; i
    itself when neither follows."""
    if i < len(doc) and doc[i].lower_ == "to":
        return _past_posting(doc, i, w)
    if i >= len(doc) or doc[i].lower_ != "of":
        return i
    j = i + 1
    while j < len(doc) and doc[j].text[:1].isupper() and (doc[j].lower_ in w.portfolios or doc[j].lower_ == "and"):
        j += 1
    return j if j > i + 1 else i


def _past_posting(doc, i: int, w: ActorWordSets) -> int:
    """After "to": the country an envoy is posted to, the longest run of capitalised words that names one,
    when capitalised words follow it (the envoy's name); else i."""
    j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    end = j
    while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_punct:
        end += 1
    for stop in range(end - 1, j, -1):  # leave at least one word for the name
        if country_of(doc[j:stop].text) is not None:
            return stop
    return i


def _entourages(doc, found: list) -> list:
    """A person's name, possessive or not, and a noun of the people around them ("Navalny's team said", "the
    Ortiz family", "the family of Carlos Ortiz"): the group speaks, not the person; it replaces the person's name it holds (which NER often
    takes for a body's: "Navalny" as ORG)."""
    nouns = words().entourage_nouns
    for start, end, label in list(found):
        if label not in {"PERSON", "ORG"} or end >= len(doc) or doc[start:end].text.isupper():
            continue  # (a body's acronym is no surname NER mistook: "NATO allies" are its members)
        possessive = doc[end].text in {"'s", "’s"}
        after = end + 1 if possessive else end
        while possessive and after + 1 < len(doc) and after - end <= 2 and doc[after].tag_ in {"JJ", "VBN"} \
                and doc[after].is_lower:
            after += 1  # "Navalny's exiled team": a word describing the group
        noun = doc[after] if after < len(doc) else doc[end]
        if noun.lower_ not in nouns or not (noun.is_lower or noun.is_title) or noun.tag_ not in {"NN", "NNS"}:
            continue
        if possessive or doc[end - 1].head.i == noun.i:  # "Navalny's team", "the Abu Akleh family"
            found = [f for f in found if f != (start, end, label)]
            found.append((start, noun.i + 1, "GROUP"))
    for start, end, label in list(found):
        # "the family of Maria Vega": the noun, "of", then the person
        if label == "PERSON" and start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in nouns \
                and doc[start - 2].is_lower and doc[start - 2].tag_ in {"NN", "NNS"}:
            found = [f for f in found if f != (start, end, label)]
            found.append((start - 2, end, "GROUP"))
    return found


def _proxies(doc) -> Iterator[tuple[int, int, str]]:
    """"the pro-Russia separatists", "Russian-backed rebels": an armed group named by the state it sides with
    (data/actor_words.yml proxy_nouns, backing_words); the group acts, not the state."""
    w = words()
    for t in doc:
        if t.lower_ not in w.proxy_nouns or t.pos_ != "NOUN":
            continue
        left = [c for c in t.children if c.i < t.i and c.dep_ in {"amod", "compound", "npadvmod", "nmod"}]
        states = [x for c in left for x in c.subtree if x.i < t.i and (country_of(x.text) or demonym_country(x.text))]
        if not states:
            continue
        start = min(x.i for c in left for x in c.subtree)
        if any(x.i < t.i and x.pos_ == "PROPN" and x not in states for c in left for x in c.subtree):
            continue  # "Iran-allied Houthi rebels": a group with a name of its own
        pro = any(x.lower_ == "pro" for c in left for x in c.subtree)
        backed = any(x.lower_ in w.backing_words for c in left for x in c.subtree)
        if pro or backed:
            yield start, t.i + 1, "GROUP"


def _missed_seats(doc, found: list) -> list:
    """Seats of power NER missed ("Downing Street said"), where nothing found covers them."""
    covered = {i for s, e, _ in found for i in range(s, e)}
    for t in doc:
        for n in (3, 2, 1):
            span = doc[t.i:t.i + n]
            if len(span) == n and all(x.is_title and x.i not in covered for x in span) \
                    and seat_country(span.text) is not None:
                found.append((t.i, t.i + n, "ORG"))
                covered.update(range(t.i, t.i + n))
                break
    return found


def _known_bodies_cut(doc, found: list) -> list:
    """A body data/bodies.yml names in several words, written so in the text, of which NER kept a part or
    nothing ("The Islamic State militant group": "Islamic" alone, a nationality): the whole name, in place
    of the parts found inside it."""
    names = _known_body_words()
    for t in doc:
        for words_ in names.get(t.text, ()):
            end = t.i + len(words_)
            if end > len(doc) or [x.text for x in doc[t.i:end]] != list(words_) or \
                    any(s <= t.i and e >= end for s, e, _ in found):
                continue
            if any(s < end and e > t.i and not (t.i <= s and e <= end) for s, e, _ in found):
                continue  # a name running over its edges: NER's reading of a longer name stands
            found[:] = [x for x in found if not (t.i <= x[0] and x[1] <= end)]
            found.append((t.i, end, "ORG"))
    return found


@lru_cache(maxsize=1)
def _known_body_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the names of data/bodies.yml of two words or more, as words, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for body in bodies_table().bodies:
        for name in body.names:
            words_ = tuple(name.split())
            if len(words_) > 1 and words_[-1][:1].isupper():  # ("Islamic State group": the name is "Islamic State")
                out.setdefault(words_[0], []).append(words_)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _acronyms_and_group_words(doc, found: list) -> list:
    """Uncovered acronyms ("IRGC"; a grade of a name found beside it is a qualifier) and group words
    ("the Houthis", "Collective Rebels") NER missed."""
    w = words()
    covered = {i for s, e, _ in found for i in range(s, e)}
    for t in doc:
        if t.i in covered:
            continue
        text = t.text.strip(".")
        if (re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", t.text) and t.pos_ in {"PROPN", "NOUN", "X"}
                and text.lower() not in w.titles):
            found.append((t.i, t.i + 1, "QUALIFIER" if _grades_a_name(t, found) else "ACRONYM"))
        elif t.is_title and len(t.text) >= 4 and t.text.upper() in _known_acronyms() and t.pos_ in {"PROPN", "NOUN"}:
            found.append((t.i, t.i + 1, "ACRONYM"))  # "Isis", "Nato": a known body's acronym in a house style
        elif t.is_title and t.lower_ in w.groups and (t.i == 0 or doc[t.i - 1].lower_ in w.group_openers
                                                            or t.dep_ in {"nsubj", "amod"}):
            start = t.i - 1 if t.i and doc[t.i - 1].lower_ == "collective" else t.i
            found.append((start, t.i + 1, "GROUP"))
    return found


@lru_cache(maxsize=1)
def _known_acronyms() -> frozenset[str]:
    """The acronyms data/bodies.yml gives bodies, which some outlets write in title case ("Isis", "Nato")."""
    return frozenset(n for b in bodies_table().bodies for n in b.names if re.fullmatch(r"[A-Z]{4,6}", n))


def _adding(finder):
    """A pass from a finder that only adds spans, given the spans found so far."""
    def add(doc, found: list) -> list:
        found.extend(finder(doc, found))
        return found
    return add


def _led_coalitions(doc, found) -> Iterator[tuple[int, int, str]]:
    """"the Saudi-led coalition", "a US-led alliance": a coalition named by the states that lead it (the
    spelling news uses for them), which NER leaves out or keeps only the demonym of."""
    nouns = words().coalition_nouns
    for t in doc:
        if t.lower_ != "led" or t.i < 2 or doc[t.i - 1].text not in {"-", "–"} or t.head.lower_ not in nouns \
                or t.head.i <= t.i:
            continue
        first = t.i - 2
        while first >= 2 and doc[first - 1].text in {"-", "–"} and (country_of(doc[first - 2].text)
                                                                    or demonym_country(doc[first - 2].text)):
            first -= 2  # "Saudi-UAE-led"
        if not (country_of(doc[first].text) or demonym_country(doc[first].text)):
            continue
        if not all(x.is_lower for x in doc[t.i + 1:t.head.i]):
            continue  # "the US-led NATO military alliance": the alliance has a name of its own
        yield first, t.head.i + 1, "GROUP"


def _named_groups(doc) -> Iterator[tuple[int, int, str]]:
    """A group the table names in several words ("Arab states", "Gulf states", "Western allies"), written
    capitalised and acting as a subject: NER leaves it out or keeps only its adjective."""
    for name in words().groups:
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
        if not (t.is_title or t.is_upper):
            continue
        # the country's name may run over several words ("United States intelligence agencies")
        named = next((n for n in (3, 2, 1) if t.i + n <= len(doc) and all(x.is_title or x.is_upper for x in doc[t.i:t.i + n])
                      and (country_of(doc[t.i:t.i + n].text) is not None
                           or (n == 1 and demonym_country(t.text) is not None))), None)
        if named is None:
            continue
        end, last = t.i + named, None
        while end < len(doc) and end - t.i <= 3 and doc[end].is_lower \
                and (doc[end].lower_ in w.unit_words or doc[end].lower_ in w.collectives):
            if doc[end].lower_ in w.collectives:
                last = end
            end += 1
        if last is not None and last > t.i + named and doc[last].lower_ in w.body_heads \
                and doc[last - 1].lower_ in w.portfolios:
            continue  # "Bolivian military intelligence": one body of the country (_country_bodies), not its people
        if last is not None and doc[last].dep_ not in {"compound", "amod", "nmod"}:  # not "intelligence agency"
            yield t.i, last + 1, "COLLECTIVE"
        elif last is not None and doc[last].head.lower_ in w.press_titles and doc[last].head.i == last + 1:
            yield t.i, last + 1, "COLLECTIVE"  # "a senior US intelligence official says": US intelligence speaks
        elif last is not None and doc[last].head.i == last + 1 and doc[last].head.tag_ == "NNS" \
                and doc[last].head.lemma_.lower() in w.body_nouns:
            yield t.i, last + 2, "COLLECTIVE"  # "US intelligence agencies conclude": the country's agencies


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
                or t.lower_ in w.titles | w.not_names:
            continue
        rest = doc[t.i + 1:t.i + 3]
        heads = [k for k, x in enumerate(rest) if x.is_lower and x.lower_ in w.org_heads and x.pos_ == "NOUN"]
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
        if t.lower_ not in w.name_group_heads or not t.is_lower or t.pos_ != "NOUN":
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
    heads = set(w.body_heads) | w.national_bodies | w.service_words
    for t in doc:
        if not ((t.is_lower or t.is_title) and t.lower_ in heads) or t.i < 1:
            continue
        service = t.lower_ in w.service_words and t.dep_ == "compound" and t.head.i == t.i + 1 \
            and t.head.lower_ in w.body_nouns  # "spy agency", "intelligence service"
        if t.lower_ in w.service_words and t.lower_ not in w.body_heads and not service:
            continue  # "an Indian spy": a person, no body
        if t.lower_ in w.national_bodies and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in w.titles:
            continue  # "Peru's army chief": an officer of it, titled, whose country speaks
        i = t.i
        # "foreign ministry", or "Foreign Ministry" where NER saw only the demonym ("North Korean") and no
        # body (where it saw "Defence Ministry" after "Russia's", that body stands, its owner read later)
        while i > 0 and doc[i - 1].is_lower == t.is_lower and doc[i - 1].lower_ in w.portfolios:
            i -= 1
        if (i == t.i and t.lower_ not in w.missions | w.national_bodies and not service) or i == 0:
            continue  # "the ministry": which country's is unsaid; "the Chinese embassy" is one
        owner = i - 1
        if doc[owner].text in POSSESSIVE and owner > 0:
            owner -= 1
            ok = country_of(doc[owner].text) is not None or capital_of(doc[owner].text) is not None \
                or (_governed_place(doc[owner]) and i < t.i)
        else:
            ok = demonym_country(doc[owner].text) is not None or country_of(doc[owner].text) is not None \
                or (_governed_place(doc[owner]) and i < t.i and doc[owner - 1].lower_ == "the")
        if ok and owner > 0 and doc[owner - 1].is_title and country_of(doc[owner - 1:owner + 1].text) is not None:
            owner -= 1  # "South Sudan's": the longer name, not "Sudan" inside it
        while not ok and owner > 0 and doc[owner - 1].is_title and doc[owner].is_title:
            owner -= 1  # "South Korea's", "the United States'"
            name = doc[owner:i - (1 if doc[i - 1].text in POSSESSIVE else 0)].text
            ok = country_of(name) is not None or demonym_country(name) is not None
        # "Bolivia's military intelligence agency": the head with the body noun it qualifies
        head = t.head if t.dep_ == "compound" and t.head.i == t.i + 1 and t.head.lower_ in w.body_nouns else t
        # "RAW, India's ... agency": a description of the name before; after an opening phrase ("In a
        # statement carried by state media, China's foreign ministry said") the body is the clause's subject
        before = owner - 1
        while before > 0 and doc[before].text in CLOSING_QUOTES:
            before -= 1  # 'the Mossad," Israel's ... agency': a quotation closed before the description
        described = head.dep_ == "appos" or (before >= 0 and doc[before].text == "," and head.dep_ not in SUBJECTS)
        named = t.is_title and any(s <= t.i < e for s, e, label in found if label == "ORG")
        if ok and not described and not named \
                and not any(s < head.i + 1 and e > owner and label == "PERSON" for s, e, label in found):
            yield owner, head.i + 1, "ORG"


def _governed_place(token) -> bool:
    """A territory or city with a government of its own below a state's ("Gaza's health ministry", "the Texas
    health department"): a place name the tagger read as a place. Its body of a portfolio is named by it, as a
    country's is; a mission in it ("the Istanbul consulate") is another state's."""
    return token.ent_type_ == "GPE" and token.is_title and is_place(token.text)


def _country_then_person(doc, start: int, end: int) -> bool:
    """Is an entity after "of" a country's name run into a person's ("of Ukraine Volodymyr Zelensky"): the
    country, then two or three name words, none of them a body's head word?"""
    w = words()
    heads = w.org_heads | w.body_words | w.generic_heads
    return start > 0 and doc[start - 1].lower_ == "of" and 3 <= end - start <= 4 \
        and country_of(doc[start].text) is not None \
        and all(_name_token(doc[i]) and doc[i].lower_ not in heads for i in range(start + 1, end))


def _trim(ent) -> tuple[int, int]:
    """Token range of the entity without a leading determiner or honorific and a trailing possessive: each
    edge rule in turn moves the edges NER drew, for the labels it applies to."""
    span = (ent.start, ent.end)
    w = words()
    for labels, _name, rule in _EDGE_RULES:
        if labels is None or ent.label_ in labels:
            span = rule(ent.doc, *span, w)
    return span


def _without_determiner(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in w.articles | {"'s", "’s"}
                           or doc[start].lower_.strip(".") in w.honorifics):
        start += 1  # "The country’s Investigative Committee": NER began the name at the possessive
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’", "-", "–", "—"}:
        end -= 1
    return start, end


def _without_common_words(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    """Leading common words NER swallowed ("Allegations of Government of India")."""
    while start < end - 1 and doc[start].pos_ in {"NOUN", "VERB", "ADJ"} and doc[start].is_title \
            and doc[start].lower_ not in w.titles | w.government_words | w.portfolios \
            and demonym_country(doc[start].text) is None:
        start += 1
        while start < end - 1 and doc[start].lower_ in w.swallowed_links:
            start += 1
    return start, end


def _through_country(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    if end < len(doc) and doc[end - 1].lower_ in w.body_preps and doc[end].ent_type_ == "GPE":
        end += 1  # "Government of" + "India's": NER stopped at the possessive
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return start, end


def _without_owner(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    for i in range(end - 1, start, -1):
        if doc[i].text in {"'s", "’s"} and i + 1 < end:
            return i + 1, end  # "the North's KCNA news agency", "Bolivia’s Ruiz": the owner is a separate mention
    return start, end


def _without_owner_or_kind(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    start, end = _without_owner(doc, start, end, w)
    while end - 1 > start and doc[end - 1].is_lower and doc[end - 1].lower_ not in w.tail_links:
        end -= 1  # "KCNA news agency" -> "KCNA"
    if end < len(doc) and doc[end].lower_ in w.titles:
        # "White House Strategic Communications" Coordinator: the portfolio belongs to the title
        end = _portfolio_cut(doc, start, end)
    return start, end


def _with_mission_seat(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    if end + 1 < len(doc) and doc[end - 1].lower_ in w.missions and doc[end].lower_ == "in" \
            and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B":
        end += 2  # a diplomatic mission is named with its seat: "the Indian Embassy in Ottawa"
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return start, end


def _without_title(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    # titles NER swallowed at the front ("Commander Kulbhushan Yadav", "President Vladimir Putin")
    while start < end - 1 and (doc[start].lower_.strip(".") in w.titles or doc[start].lower_ in w.title_abbreviations):
        start += 1
    return start, end


def _without_bullet(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    while start < end - 1 and not doc[start].is_alpha and not doc[start].text[:1].isalnum():
        start += 1  # "• Darya Dugina": a list's bullet
    return start, end


def _before_spaced_dash(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    for i in range(start + 1, end):
        if doc[i].text in {"-", "–", "—"} and doc[i - 1].whitespace_ and doc[i].whitespace_:
            return start, i  # "Alexander Dugin - Daria": a spaced dash sets words apart; a name joins with none
    return start, end


def _before_headline_verb(doc, start: int, end: int, w: ActorWordSets) -> tuple[int, int]:
    for i in range(start + 1, end):
        if doc[i].is_title and _reporting_form(doc[i].lower_):
            return start, i  # a headline's verb in title case: "Putin Blames 'Anglo-Saxons'", "Carlson Accuses"
    return start, end


def _reporting_form(word: str) -> bool:
    """A third-person present form of a reporting verb ("says", "blames", "accuses", "denies") that is no
    plural noun of names ("United States", "Court of Appeals")."""
    return word in _reporting_forms() and word not in words().name_plurals


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    verbs = speech_table().verbs
    return frozenset(f for v in verbs for f in (v + "s", v + "es", v[:-1] + "ies" if v.endswith("y") else v + "s"))


def _name_of(doc, start: int, end: int) -> int:
    """A body's name NER cut at "of" or "for" ("Federal Agency" for "Air Transport"): an ORG ending in an
    institution's head noun, then "for"/"of" and capitalised words that are no place or person."""
    w = words()
    if doc[end - 1].lower_ not in w.org_heads or end + 1 >= len(doc) or doc[end].lower_ not in w.body_preps:
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
    while cut - 1 > start and doc[cut - 1].lower_ in w.portfolios and doc[cut - 1].lower_ not in w.org_heads:
        cut -= 1
    return end if doc[cut - 1].lower_ in w.portfolio_links else cut


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
    banned = w.org_heads | w.titles | w.portfolios | w.events | w.facilities
    return all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in banned and country_of(t.text) is None
               and demonym_country(t.text) is None for t in rest)


def _split_title(doc, start: int, end: int) -> list[tuple[int, int]]:
    """An ORG that runs into a title ("White House Coordinator for Strategic Communications") is the
    part before the title word; the title itself names no organisation."""
    w = words()
    if doc[end - 1].lower_ in w.org_heads:
        return [(start, end)]  # "UN General Assembly": the title word is part of the institution's name
    for i in range(start, end):
        if doc[i].lower_ in w.titles and doc[i].lower_ not in w.org_heads and i > start \
                and not (doc[i].lower_ == "general" and doc[i - 1].lower_ in w.org_heads) \
                and not _office_of_a_title(doc, start, i) \
                and not _abbreviation_in_a_name(doc, start, i):  # "Consulate General", "Office of the President"
            return [(start, i)]
        if doc[i].lower_ in w.titles and i == start and doc[i].ent_type_ == "ORG":
            return []
    return [(start, end)]


def _abbreviation_in_a_name(doc, start: int, i: int) -> bool:
    """Is the title word at i an abbreviation in capitals after a name's own capitalised word ("RMF FM", a
    radio station; "Kommersant FM"), not a title ("Iranian FM", "deputy FM")?"""
    return doc[i].is_upper and i > start and (doc[i - 1].is_upper or doc[i - 1].pos_ == "PROPN") \
        and demonym_country(doc[i - 1].text) is None and country_of(doc[i - 1].text) is None


def _office_of_a_title(doc, start: int, i: int) -> bool:
    """Is the title word at i what a body is named after ("the Office of the President", "Office of the
    High Commissioner"): after "of" or "of the", itself after the body's head noun?"""
    w = words()
    k = i - 1
    while k > start and (doc[k].lower_ in w.title_articles or doc[k].lower_ in w.grade_words | w.portfolios
                         or doc[k].is_title and doc[k].lower_ not in {"of"} | w.org_heads):
        k -= 1
    return doc[k].lower_ == "of" and k > start and doc[k - 1].lower_ in w.org_heads


def _split_owner(doc, start: int, end: int) -> list[tuple[int, int]]:
    """A body named with the body it belongs to ("the Department of Foreign Relations of the Autonomous
    Administration of North and East Syria"): two names, each holding an institution's head noun, joined by
    "of the". A country after "of the" is no body ("Ministry of Foreign Affairs of the Russian Federation")."""
    heads = words().org_heads
    for i in range(start + 2, end - 2):
        if doc[i].lower_ == "of" and doc[i + 1].lower_ == "the" \
                and any(t.lower_ in heads for t in doc[start:i]) and any(t.lower_ in heads for t in doc[i + 2:end]) \
                and all(t.is_title or t.lower_ in NAME_LINKS for t in doc[i + 2:end]):
            return [(start, i), (i + 2, end)]
    return [(start, end)]


def _split_pair(doc, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """Two people NER took for one ("Tareq A. and Süleyman G."): a person's name holds no "and", so each
    side of it that begins with a capital is a name of its own."""
    if label != "PERSON":
        return [(start, end)]
    if end - start > 1 and doc[end - 1].lower_ == "and":
        return [(start, end - 1)]  # "Tareq A. and" of "Tareq A. and Süleyman G.": NER ends in the middle
    joins = [i for i in range(start + 1, end - 1) if doc[i].lower_ == "and"]
    if len(joins) != 1 or not doc[start].is_title or not doc[joins[0] + 1].is_title:
        return [(start, end)]
    return [(start, joins[0]), (joins[0] + 1, end)]


def _split_chain(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Two institutions written one after the other ("White House National Security Council"): each a
    name of two words or more ending in an institution's head noun, the second inside the first."""
    heads = words().org_heads
    if end - start < 4 or doc[end - 1].lower_ not in heads:
        return [(start, end)]
    for i in range(start + 1, end - 2):
        if doc[i].lower_ in heads and all(t.is_title and t.lower_ not in heads for t in doc[i + 1:end - 1]):
            return [(start, i + 1), (i + 1, end)]
    return [(start, end)]


def _name_token(t) -> bool:
    w = words()
    return (t.is_title and t.pos_ == "PROPN" and t.lower_ not in w.titles and t.lower_ not in w.portfolios
            and t.lower_ not in w.title_abbreviations
            and t.lower_ not in w.not_names and t.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}
            and country_of(t.text) is None and demonym_country(t.text) is None and capital_of(t.text) is None)


def _extend_person(doc, start: int, end: int) -> tuple[int, int]:
    """NER often stops early or late inside names it has not seen: "Choe Son" Hui, "Pavan" Kumar Rai."""
    w = words()

    def name_like(t) -> bool:
        return (t.is_title and t.pos_ == "PROPN" and not t.is_punct and t.lower_ not in w.titles
                and not _reporting_form(t.lower_)
                and t.lower_ not in w.not_names and t.lower_ not in w.title_abbreviations and t.ent_type_ in {"", "PERSON", "GPE", "NORP"}
                and country_of(t.text) is None and demonym_country(t.text) is None)

    while end < len(doc) and end - start < 5:
        if name_like(doc[end]) and doc[end].dep_ not in {"ROOT"} and end - start < 4 and not _place_word(doc[end]):
            end += 1
        elif _particle_at(doc, end):
            end = _particle_at(doc, end)  # "Abdel Fattah" el Sisi, "Ashraf" al-Qudra
        else:
            break
    # an honorific, with its dot or without ("Mr. Khashoggi"), is not part of the name, nor is the portfolio
    # of a title written before it ("Minister of Defense Benny Gantz")
    while start > 0 and name_like(doc[start - 1]) and doc[start - 1].i > 0 and end - start < 4 \
            and doc[start - 1].lower_.strip(".") not in w.honorifics and capital_of(doc[start - 1].text) is None \
            and doc[start - 1].lower_ not in w.portfolios:
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
    if i >= len(doc) or doc[i].text not in words().name_particles:
        return 0
    j = i + 1
    if j < len(doc) and doc[j].text in {"-", "‑"} and not doc[i].whitespace_:
        j += 1
    if j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN" and doc[j].lower_ not in words().titles:
        return j + 1
    return 0


def _speaking_collectives(doc) -> Iterator[tuple[int, int, str]]:
    """"human rights activists and witnesses say she was beaten", "activists claim ...": people of no state
    named by what they are, speaking as a group (the subject of a verb of saying)."""
    table = speech_table()
    nouns, verbs = set(table.speaking_collectives), set(table.verbs)
    for t in doc:
        if t.lower_ not in nouns or t.tag_ != "NNS" or not (t.is_lower or (t.is_title and t.is_sent_start)):
            continue
        verb = t.head
        while t.dep_ == "conj" and verb.dep_ != "ROOT" and verb.lower_ in nouns:
            verb = verb.head  # "activists and witnesses say": the second is the first's conjunct
        subject = t.dep_ in {"nsubj", "conj"} and verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in verbs
        if not subject or any(c.dep_ in {"amod", "compound"} and (country_of(c.text) or demonym_country(c.text))
                              for c in t.children):
            continue  # "Iranian activists": the country's (_collectives)
        yield t.i, t.i + 1, "COLLECTIVE"  # by the noun alone: "human rights activists" and "activists" are one group


# The passes in order: later ones only look where earlier ones found nothing, or repair what they found.
_PASSES = [
    ("entities", _entities),
    ("titled persons", _titled_persons),
    ("entourages", _entourages),
    ("proxies", _adding(lambda doc, found: _proxies(doc))),
    ("collectives", _adding(lambda doc, found: _collectives(doc))),
    ("speaking collectives", _adding(lambda doc, found: _speaking_collectives(doc))),
    ("defined names", _adding(_defined_names)),
    ("country bodies", _adding(_country_bodies)),
    ("named by head", _adding(_named_by_head)),
    ("seats of power", _missed_seats),
    ("known bodies", _known_bodies_cut),
    ("acronyms and group words", _acronyms_and_group_words),
    ("named groups", _adding(lambda doc, found: _named_groups(doc))),
    ("led coalitions", _adding(_led_coalitions)),
]

# (labels it applies to, or None for every label; name; rule), in order: each moves the edges the last left.
_EDGE_RULES = [
    (None, "determiner", _without_determiner),
    ({"ORG", "PERSON"}, "common words", _without_common_words),
    ({"ORG"}, "through a country", _through_country),
    ({"ORG", "GPE", "FAC"}, "owner or kind", _without_owner_or_kind),
    ({"ORG", "FAC"}, "mission's seat", _with_mission_seat),
    ({"PERSON"}, "title", _without_title),
    ({"PERSON"}, "owner", _without_owner),
    (None, "bullet", _without_bullet),
    (None, "spaced dash", _before_spaced_dash),
    ({"PERSON", "ORG"}, "headline verb", _before_headline_verb),
]
