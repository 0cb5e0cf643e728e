"""The articles' mentions: each article's sentences read one by one, then judged across the dossier
(a demonym that only qualifies, a surname that stands for a full name, a unit of a body)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator

from ...data import actor_words_table, speech_table
from ...model import ArticleMentions, Confidence, DroppedName, Mention, Ref, Source
from ...parse import Parsed
from ...world import country_of, demonym_country
from .agency import _agency, body_it_names
from .roles import _role_org
from .sentence import _defined_things, _sentence_mentions
from ..who import officially, words as who_words
from .vocab import DESCRIPTOR, PARTICIPANT, _key, words


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
    unit_nouns = words().unit_nouns
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


def _owned_by_the_country_word(found: list[list[Mention]], docs) -> list[list[Mention]]:
    """"The Kingdom's Foreign Ministry said": a body whose owner is written as a form of state is the body of
    the one country of the article that is officially of that form (the Kingdom of Saudi Arabia), named
    before or after; with none or several, its owner stays unread."""
    forms = who_words().state_forms
    owned: list[tuple[int, int, str]] = []  # (sentence, mention, form)
    for n, (ms, doc) in enumerate(zip(found, docs)):
        for k, m in enumerate(ms):
            at = next((t.i for t in doc if t.idx == m.ref.start), None) \
                if m.kind == "organization" and not m.role_org else None
            if at is not None and at >= 3 and doc[at - 1].text in {"'s", "’s"} \
                    and doc[at - 2].lower_ in forms and doc[at - 3].lower_ == "the":
                owned.append((n, k, doc[at - 2].lower_))
    if not owned:
        return found
    named = {m.text for ms in found for m in ms if m.kind == "country"}
    found = [list(ms) for ms in found]
    for n, k, form in owned:
        states = {country_of(name).name for name in named if officially(name, form) and country_of(name)}
        if len(states) == 1:
            found[n][k] = replace(found[n][k], role_org=states.pop())
    return found


BODY_OF_A_TITLE = re.compile(r"\b(?:of|for|from|at|with) the ([a-z]+)$")


def _titles_of_a_body_named_before(found: list[list[Mention]]) -> list[list[Mention]]:
    """"Zhao Lijian, a spokesperson from the ministry", "ministry spokesman Najib Danish": a title whose body
    is written as a common noun is held in the body of that noun the article named last before it (the
    Chinese Foreign Ministry); with none named, the title's body stays unread. A bare "spokesman" is the
    voice of the one body the sentence before named."""
    nouns = set(speech_table().institution_nouns)
    voices = set(speech_table().voice_titles)
    bodies: list[Mention] = []  # the article's organisations so far, in reading order
    out = []
    before: list[Mention] = []  # the sentence before's mentions
    for ms in found:
        row = []
        for m in ms:
            noun = _body_noun_of_title(m, nouns)
            if noun is not None:
                body = next((b for b in reversed(bodies) if noun in b.text.lower().split()), None)
                if body is not None:
                    m = replace(m, role_org=body.text)
            elif m.kind == "person" and not m.role_org and (m.role or "").lower() in voices:
                # "The European Commission said ... '...,' spokesman Peter Stano told reporters": a bare
                # spokesman speaks for the one body, and nobody else, the sentence before named
                named = {b.text for b in before if b.kind == "organization"}
                if len(named) == 1 and not any(b.kind == "person" for b in before):
                    m = replace(m, role_org=named.pop())
            if m.kind == "organization":
                bodies.append(m)
            row.append(m)
        out.append(row)
        before = ms
    return out


def _body_noun_of_title(m: Mention, nouns: set[str]) -> str | None:
    """The institution noun a person's title names its body by ("ministry" spokesman, spokesperson "from the
    ministry"), or None."""
    if m.kind != "person" or not m.role:
        return None
    if m.role_org and m.role_org in nouns:
        return m.role_org
    found = BODY_OF_A_TITLE.search(m.role) if not m.role_org else None
    return found.group(1) if found and found.group(1) in nouns else None


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
    outlets: set[str] = set()  # names the article has called outlets so far
    found = [list(_sentence_mentions(item.source.id, sentence, doc, credits, drops, things, outlets))
             for sentence, doc in zip(item.source.sentences, item.docs)]
    found = _units(found, item.docs)
    found = _owned_by_the_country_word(found, item.docs)
    found = _titles_of_a_body_named_before(found)
    found = _called_by_surname(found, item.docs)
    found = _without_title_case_lead(found, item.docs)
    found = _named_after_their_title(found, item.source.sentences, item.docs)
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
    """The noun of a group's name: "Western" and "the collective West" -> "west" (data/actor_words.yml
    `group_qualifiers`, `compass_points`)."""
    w = words()
    qualifiers = {x for q in w.group_qualifiers for x in q.split()}  # "so-called" is keyed as "so called"
    words_ = [x for x in _key(text).split() if x not in qualifiers]
    return " ".join(x[:-3] if x.endswith("ern") and x[:-3] in w.compass_points else x for x in words_)


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
    if m.label not in {"NORP", "QUALIFIER"} and body_it_names(t, w) is not None:
        return False  # a name, not a nationality ("official Emirati agencies" is described by "Emirati")
    return (t.dep_ in {"amod", "compound", "nmod"} and head.i > t.i and head.is_lower
            and (head.pos_ == "NOUN" or (hyphened and head.pos_ == "ADJ"))
            and head.lower_ not in w.org_heads and head.lemma_.lower() not in w.act_nouns
            and head.lower_ not in w.act_nouns
            and not (m.text.isupper() and head.lower_ in w.titles  # "the IMF chief": the body's officer;
                     and not any(c.lower_ in w.former_words for c in head.children)))  # a former one speaks for himself


def _called_by_surname(found: list[list[Mention]], docs) -> list[list[Mention]]:
    """A name NER took for a body ("Oleksiy Danilov" as ORG) is a person's where the article also calls it
    by its last word alone ("Danilov said"): a body is not named by the last word of its name, save with an
    article ("the Council", "the Post"). Only plain names qualify: two or three capitalised words,
    none a word of institutions, titles, portfolios, happenings, places or countries."""
    w = words()
    banned = w.org_heads | w.titles | w.portfolios | w.events | w.facilities
    alone = {t.text for ms, doc in zip(found, docs) for t in doc
             if t.pos_ == "PROPN" and t.is_title and not _in_mention(ms, t)
             and not (t.i and doc[t.i - 1].pos_ == "DET")}  # "the Post reported": an outlet's short name
    def plain_name(m: Mention, doc) -> bool:
        parts = m.text.split()
        plural = any(t.tag_ == "NNPS" for t in doc if m.ref.start <= t.idx < m.ref.end)  # "Human Rights Watch"
        return 2 <= len(parts) <= 3 and not plural and all(
            x.istitle() and x.isalpha() and x.lower() not in banned
            and country_of(x) is None and demonym_country(x) is None for x in parts)
    return [[replace(m, kind="person", label="PERSON") if m.kind == "organization" and m.label == "ORG"
             and plain_name(m, doc) and m.text.split()[-1] in alone else m for m in ms] for ms, doc in zip(found, docs)]


def _without_title_case_lead(found: list[list[Mention]], docs) -> list[list[Mention]]:
    """In a title-case line (a headline, a repeated headline) NER runs a capitalised word into the name after
    it ("Investigation Finding Abu Akleh Was Likely Killed": "Finding Abu Akleh"): where the rest is a
    person's name the article's running text gives, and the running text never writes the leading words
    inside a name, the mention is that name."""
    running = [not _title_case(doc) for doc in docs]
    people = {m.text for ms, plain in zip(found, running) if plain for m in ms if m.kind == "person"}
    named_words = {x for ms, plain in zip(found, running) if plain for m in ms for x in m.text.split()}

    def trimmed(m: Mention) -> Mention:
        parts = m.text.split()
        for k in range(1, len(parts) - 1):
            rest = " ".join(parts[k:])
            if rest in people and not set(parts[:k]) & named_words:
                cut = m.text.index(rest)
                return replace(m, text=rest, ref=replace(m.ref, start=m.ref.start + cut))
        return m
    return [ms if plain else [trimmed(m) if m.kind == "person" else m for m in ms]
            for ms, plain in zip(found, running)]


def _named_after_their_title(found: list[list[Mention]], sentences, docs) -> list[list[Mention]]:
    """Delayed identification, the news lede that titles a person and names them in the next paragraph ("The
    speaker of Russia's lower house has claimed ..." / "'...,' Vyacheslav Volodin wrote"): the one person
    the second sentence introduces, titled nowhere in the article, holds the lede subject's title."""
    body = [k for k, (sentence, doc) in enumerate(zip(sentences, docs))
            if sentence.kind == "body" and doc[:].root.pos_ in {"VERB", "AUX"}]
    if len(body) < 2:
        return found
    lede, after = body[0], body[1]
    title = _title_subject(docs[lede], found[lede])
    if title is None:
        return found
    earlier = {m.text for ms in found[:after] for m in ms}
    titled = {m.text for ms in found for m in ms if m.role}
    new = list(dict.fromkeys(m.text for m in found[after] if m.kind == "person" and len(m.text.split()) > 1
                             and m.text not in earlier and m.text not in titled))
    if len(new) != 1:
        return found
    role, org = title
    found = list(found)
    found[after] = [replace(m, role=role, role_org=org) if m.text == new[0] else m for m in found[after]]
    return found


def _title_subject(doc, mentions: list[Mention]) -> tuple[str, str | None] | None:
    """The title a sentence opens with in place of a name ("The speaker of Russia's lower house of
    parliament has claimed ..."): "the", a title word among the next three, and the words up to the verb, a
    comma or a clause, naming no person; with the organisation in them. Read by position, not by the
    parse: a possessive inside the phrase often breaks its subject arc."""
    titles = words().titles
    title = next((t for t in doc[1:4] if t.lower_ in titles), None)
    if title is None or doc[0].lower_ != "the":
        return None
    end = next((t.i for t in doc[1:] if t.pos_ in {"VERB", "AUX"} or t.is_punct and t.text not in "’'"
                or t.dep_ in {"acl", "relcl"}), len(doc))
    # the title heads the phrase ("the speaker of ...", "the foreign minister"), not "the minister's office"
    if title.i + 1 < end and doc[title.i + 1].lower_ not in words().title_complements:
        return None
    tokens = list(doc[1:end])
    if len(tokens) > 14:
        return None
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if any(m.kind == "person" and lo <= m.ref.start < hi for m in mentions):
        return None
    # "the speaker of Russia's lower house": no body named before the title, the country after it is whose
    org = _role_org(tokens) or next((country_of(t.text).name for t in tokens
                                     if t.pos_ == "PROPN" and country_of(t.text) is not None), None)
    return doc[tokens[0].i:tokens[-1].i + 1].text, org


TITLE_CASE_SHARE = 0.7  # of a line's longer words capitalised: a headline's title case, not running text


def _title_case(doc) -> bool:
    longer = [t for t in doc if t.is_alpha and len(t) > 3]
    return len(longer) >= 3 and sum(t.text[:1].isupper() for t in longer) >= TITLE_CASE_SHARE * len(longer)


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
                          confidence=Confidence.CAPTION_MENTION if sentence.kind == "caption" else Confidence.CERTAIN,
                          acts=_agency(doc[t.i:t.i + 1]) >= PARTICIPANT)


@lru_cache(maxsize=1)
def _credit_line_words() -> re.Pattern:
    """The words of an outlet line that are no part of an outlet's name (actor_words credit_line_words)."""
    found = "|".join(re.escape(w) for w in actor_words_table().credit_line_words)
    return re.compile(rf"\b({found})\b", re.IGNORECASE)


def _credits(source: Source) -> tuple[set[str], set[str]]:
    """Names that credit the article rather than act in it: its author, and the words of its outlet."""
    author = {_key(a) for a in re.split(r",| and ", source.author or "") if a.strip()}
    outlet = set()
    for part in re.split(r"[()|,]", source.outlet or ""):
        part = _credit_line_words().sub(" ", part)
        if part.strip():
            outlet.add(_key(part))
            names = part.split()
            # its leading words name it too ("Al Jazeera" of "Al Jazeera English")
            outlet.update(_key(" ".join(names[:n])) for n in range(2, len(names)))
            outlet.update(_key(w) for w in part.split() if len(w) > 3 and w[0].isupper()
                          and country_of(w) is None)  # "The Japan News": Japan is no credit
    return author, outlet
