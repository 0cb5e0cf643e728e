"""The title written with a person (before the name, in an apposition, or heading it) and the
organisation that title names; what an organisation belongs to."""
from __future__ import annotations

import re

from ...data import speech_table
from ...world import country_of, demonym_country
from .candidates import _defined_by_acronym
from .vocab import _clean_name, words


def _role_before(doc, start: int) -> tuple[str | None, str | None]:
    """Title words right before a name ("Kremlin spokesman Dmitry Peskov") -> (role, organisation)."""
    w = words()
    titles = w.titles
    i = start
    while i > 0 and (_in_a_hyphened_word(doc, i - 1) or doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].lower_ in titles
                     or doc[i - 1].lower_ in w.portfolios  # "Bolivian presidential adviser"
                     or doc[i - 1].lower_ in w.grade_words | w.official_ranks  # "Peru's top security official"
                     # "Peru's security service chief", "its defence ministry spokesman": the body the title is of
                     or doc[i - 1].lower_ in w.body_nouns | w.service_words | frozenset(w.body_heads)
                     or doc[i - 1].lower_ in w.title_preps | {"-"}
                     or (doc[i - 1].lower_ == "the" and i >= 2 and doc[i - 2].lower_ in w.title_preps)
                     or (doc[i - 1].text in {"'s", "’s"} and i > 1 and doc[i - 2].is_title)) \
            and not (doc[i - 1].is_punct and doc[i - 1].text != "-"):
        if doc[i - 1].lower_ in w.title_articles and not (i >= 2 and doc[i - 2].lower_ in w.title_preps):
            break  # "Representative to the UN" keeps its article
        if doc[i - 1].lower_ == "to" and doc[start - 1].lower_ in titles \
                and not any(t.lower_ in w.title_articles for t in doc[i:start]):
            break  # "an advisor to Iranian President Ebrahim Raisi": Raisi is the president; the advisor is another
        i -= 1
        if _acronym_in_brackets(doc, i):
            i -= 3  # "Syrian Democratic Forces (SDF) Commander-in-Chief": the body's short name is no stop
    while i < start and doc[i].lower_ in w.title_preps | {"-", "'s", "’s"}:
        i += 1
    if i == start:
        return None, None
    tokens = list(doc[i:start])
    if not any(t.lower_ in titles for t in tokens):
        return None, None
    # drop leading words that are not part of the title (sentence-initial verbs, place names)
    while tokens and (tokens[0].pos_ in {"VERB", "SCONJ", "CCONJ", "ADV"} and tokens[0].lower_ not in titles):
        tokens.pop(0)  # "Although Cuban Foreign Minister ...": the sentence's first word is no title
    role = doc[tokens[0].i:start].text if tokens else None
    return role, _role_org(tokens)


def _in_a_hyphened_word(doc, i: int) -> bool:
    """The token is a piece of a capitalised word written with hyphens ("in" of "Commander-in-Chief"), not
    of "well-known"."""
    def joined(k: int) -> bool:  # token k is glued to a hyphen glued to token k + 2
        return k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_
    first = i if doc[i].text != "-" else i - 1
    if not (joined(first) or (first >= 2 and joined(first - 2))):
        return False
    while first >= 2 and joined(first - 2):
        first -= 2
    return doc[first].is_title


def _acronym_in_brackets(doc, i: int) -> bool:
    """Tokens i-3..i-1 are "( SDF )", an acronym in brackets after the name it abbreviates."""
    return i >= 4 and doc[i - 1].text == ")" and doc[i - 3].text == "(" and doc[i - 2].is_upper \
        and doc[i - 4].is_title


def _role_headed(doc, start: int, end: int) -> tuple[str | None, str | None]:
    """A title the name stands in apposition to: "the official spokesperson of the Ministry of External
    Affairs, Arindam Bagchi said" -> ("official spokesperson of the Ministry of External Affairs", ...)."""
    titles = words().titles
    root = doc[start:end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= start or head.lower_ not in titles:
        # the parser often misses that apposition: a title phrase that ends at a comma before the name
        head = next((t for t in reversed(doc[:max(0, start - 1)]) if t.lower_ in titles
                     and t.right_edge.i == start - 2 and doc[start - 1].text == ","), None)
        if head is None:
            return None, None
    sub = [t for t in head.subtree if t.i < start]
    while sub and (sub[0].lower_ in words().articles or sub[0].is_punct):
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


def _country_after_the_title(tokens) -> str | None:
    """"spokesman of the Pakistani military", "adviser to the Iranian president": a title that opens its
    description serves the country of the demonym or name in the phrase after "of", "for" or "to"."""
    tokens = list(tokens)
    for k, t in enumerate(tokens):
        if t.lower_ in {"of", "for", "to"}:
            for x in tokens[k + 1:k + 4]:
                country = demonym_country(x.text) or (country_of(x.text) if x.pos_ == "PROPN" else None)
                if country is not None:
                    return country.name
            return None
    return None


def _owner(doc, start: int, end: int, text: str) -> tuple[str | None, str | None]:
    """What an organisation belongs to, as written: an apposition with an owner ("the Research and Analysis
    Wing, India's foreign intelligence agency"), a country's possessive ("India's Ministry of External
    Affairs"), or a leading demonym or country name ("Russian Foreign Ministry", "DPRK Foreign Ministry")."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            sub = list(child.subtree)
            while sub and (sub[0].lower_ in words().articles or sub[0].is_punct):
                sub.pop(0)
            owner = [t for t in sub if t.dep_ == "poss" and (country_of(t.text) or demonym_country(t.text))]
            if sub and len(sub) <= 8 and owner:
                country = country_of(owner[0].text) or demonym_country(owner[0].text)
                return doc[sub[0].i:sub[-1].i + 1].text, country.name
    if root.dep_ == "appos" and root.head.i < start:
        # "Afghanistan's intelligence service, the National Directorate of Security": the description before
        # the name, with its owner
        head = root.head
        owner = [t for t in head.children if t.dep_ == "poss" and (country_of(t.text) or demonym_country(t.text))]
        if owner and head.i - head.left_edge.i < 8:
            country = country_of(owner[0].text) or demonym_country(owner[0].text)
            return doc[head.left_edge.i:head.i + 1].text, country.name
    if start >= 2 and doc[start - 1].text in {"'s", "’s"}:
        owner = doc[start - 2]  # with its name words before it: "North Korea's", not the Korea of the South
        country = country_of(" ".join(t.text for t in doc[owner.left_edge.i:owner.i + 1])) or country_of(owner.text)
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
    Organization of Canada" -> ("director for the World Sikh Organization of Canada", ...); or a kinship
    ("Amjad Amini, Mahsa's father"), by which the articles may name the person ("her father said")."""
    titles = words().titles | set(speech_table().kin_nouns)
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            sub = _before_a_clause(list(child.subtree))
            while sub and sub[0].lower_ in words().articles | {","}:
                sub.pop(0)
            if not sub or len(sub) > 14 or not any(t.lower_ in titles for t in sub):
                continue
            role = doc[sub[0].i:sub[-1].i + 1].text.strip(" ,")
            orgs = [e for e in doc.ents if e.start >= sub[0].i and e.end <= sub[-1].i + 1
                    and e.label_ in {"ORG", "GPE", "FAC"}]
            # ("a spokesman of the Pakistani military": the country the phrase after the title names)
            org = _clean_name(orgs[0].text) if orgs else _country_after_the_title(sub)
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
        if t.lower_ in w.titles and t.lower_ not in w.org_heads:
            break
        words_before.append(t)
    if not words_before:
        return _country_after_the_title(tokens)
    text = " ".join(t.text for t in words_before)
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)
    last_head = max((k for k, t in enumerate(words_before) if t.lower_ in w.org_heads), default=None)
    if last_head is not None:
        return _clean_name(" ".join(t.text for t in words_before[:last_head + 1]))
    names = [t for t in words_before if t.lower_ not in w.portfolios | w.grade_words | w.official_ranks]
    if names:
        lead = _clean_name(" ".join(t.text for t in names))
        country = country_of(lead) or demonym_country(lead)
        if country is not None:
            return country.name
        if len(names) == len(words_before):
            return lead  # "Kremlin" spokesman
    return None
