"""An actor from its cluster (name, kind, aliases, role, confidence) and the affiliations drawn from the
titles its mentions carry (a spokesman's ministry, the ministry's country)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ...data import actor_words_table
from ...model import Actor, Confidence, MentionRef, slugify
from ...world import country_by_iso3, country_of, demonym_country, demonym_for, seat_country
from .clusters import FUNCTION, _a_bare_ministry, known_bodies
from .index import Cluster, KEEP_CONFIDENCE, WEAK, norm


def _actor(c: Cluster, body_refs: set) -> Actor:
    votes = c.kind_votes()
    kind = votes.most_common(1)[0][0] if votes else "other"
    forms = c.forms()
    own = Counter(m.text for m in c.mentions if m.label != "UNIT")  # a body is named by its name, not its unit's
    name = c.country_name if c.country else _display_name(own or forms, kind)
    aliases = tuple(sorted({f for f in forms if norm(f) != norm(name) and name_like(f, name)
                            and not _adjective_of(f, name)}))
    # the role most often written with the organisation it names ("Canadian Prime Minister" over "Prime
    # Minister"), then the most often written
    roles = Counter(m.role for m in c.mentions if m.role)
    owned = Counter(m.role for m in c.mentions if m.role and m.role_org)
    body = [m for m in c.mentions if (m.ref.source, m.ref.sentence) in body_refs and m.confidence >= KEEP_CONFIDENCE]
    if not body:
        confidence = Confidence.FURNITURE  # named only in a photo caption or a byline: not part of the story
    elif kind == "country" or len(body) >= 2 or any(m.acts for m in body) or roles:
        confidence = Confidence.CERTAIN
    else:
        confidence = WEAK  # named once, in passing ("named after ...", "in the DPR, LPR ... regions")
    mentions = tuple(sorted({MentionRef(m.ref.source, m.ref.sentence, m.text, m.ref.start, m.ref.end)
                             for m in c.mentions}, key=_mention_order))
    return Actor(id=slugify(name, "actor"), name=name, kind=kind, aliases=aliases,
                 role=(owned or roles).most_common(1)[0][0] if roles else None, confidence=confidence,
                 mentions=mentions)


def name_like(form: str, name: str) -> bool:
    """A form listed as an alias names the actor: not an adjective of nationality ("Russian"), not a
    possessive, not a word or phrase shouted in capitals as datelines and headers write them ("UNITED
    NATIONS", "WASHINGTON"). Acronyms ("UNSC", "NATO", "UNICEF") are names. Such forms still link their
    mentions to the actor; they are only not listed."""
    text = form.strip()
    if not text or re.search(r"[’']s?$", text) or demonym_country(text) is not None:
        return False
    letters = re.sub(r"[^A-Za-z]", "", text)
    return not (text.isupper() and (" " in text or len(letters) > 6))


def _adjective_of(form: str, name: str) -> bool:
    """The form is the adjective of the name, not a name: "Western" of "West"."""
    a, b = norm(form), norm(name)
    return " " not in a and a.endswith("ern") and b.split()[-1:] == [a[:-3]]


def _display_name(forms: Counter, kind: str) -> str:
    # a form cut by an editor's bracket ("[Ukrainian President Volodymyr] Zelensky" read as "Volodymyr]
    # Zelensky") names the actor only where it has no other
    forms = Counter({f: n for f, n in forms.items() if "[" not in f and "]" not in f}) or forms
    if kind == "person":
        # the fullest name; a surname written whole over its initial ("Ahlam al-Bashir" over "Ahlam A.")
        return max(forms, key=lambda f: (len(f.split()), len(f.split()[-1].strip(".")) > 1, forms[f], f))
    if kind == "group":  # "US officials" over "US defense officials": the group, not one branch of it
        return max(forms, key=lambda f: (forms[f], -len(f), f))
    # a name as a name is written ("Chinese Foreign Ministry") over a description ("China's foreign ministry")
    return max(forms, key=lambda f: (forms[f], not re.search(r"[’']s\b", f), _written_as_name(f), len(f), f))


def _written_as_name(form: str) -> bool:
    """Every word capitalised but the small ones a name keeps in lowercase: "US House of Representatives"."""
    words = [w for w in form.split() if w.lower() not in FUNCTION]
    return bool(words) and all(w[:1].isupper() for w in words)


def _mention_order(m: MentionRef) -> tuple:
    return (m.source, int(m.sentence[1:]) if m.sentence[1:].isdigit() else 0, m.start)


def _unique_ids(actors: list[Actor]) -> list[Actor]:
    from dataclasses import replace

    seen: Counter = Counter()
    out = []
    for a in sorted(actors, key=lambda a: (a.id, a.name)):
        seen[a.id] += 1
        out.append(a if seen[a.id] == 1 else replace(a, id=f"{a.id}-{seen[a.id]}"))
    return out


def _affiliations(actors: list[Actor], clusters: list[Cluster]) -> list[Actor]:
    """What an actor belongs to, from the organisation named in its role or name, when that is an actor:
    "Kremlin spokesman" -> Kremlin, "U.S. Ambassador to Canada" -> United States, "White House National
    Security Council spokesperson" -> both bodies, "Russian Foreign Minister" -> the Russian Foreign
    Ministry if it is an actor, else Russia; "Russian Foreign Ministry" -> Russia."""
    by_name = {norm(f): a.id for a in actors for f in (a.name, *a.aliases)}
    kinds = {a.id: a.kind for a in actors}
    owners_of = {}
    for c in clusters:
        owners = Counter(m.role_org for m in c.mentions if m.role_org)
        for m in c.mentions:
            owners_of[(m.ref.source, m.ref.sentence, m.ref.start)] = owners
    out = []
    for a in actors:
        if a.curated and (a.affiliations or a.role):
            out.append(a)  # curated facts win: an editor who wrote the role wrote the affiliations too
            continue
        owners = Counter()
        for m in a.mentions:
            owners.update(owners_of.get((m.source, m.sentence, m.start), Counter()))
        found: list[str] = []
        for owner, _ in owners.most_common():
            found = [x for x in _owner_ids(owner, by_name) if x != a.id]
            if found:
                break
        if kinds.get(a.id) == "person" and a.role:
            found = [_ministry(a.role, x, actors, by_name) if kinds.get(x) == "country" else x for x in found]
        if not found and kinds.get(a.id) == "organization":
            seat = seat_country(a.name)  # "the Kremlin" acts for Russia
            if seat is not None and norm(seat.name) in by_name:
                found = [by_name[norm(seat.name)]]
        if not found and kinds.get(a.id) == "organization":
            known = next((known_bodies()[norm(f)] for f in (a.name, *a.aliases)
                          if norm(f) in known_bodies()), None)
            country = country_by_iso3(known[1]) if known and known[1] else None  # "Ministry of External Affairs": India's
            if country is not None and norm(country.name) in by_name:
                found = [by_name[norm(country.name)]]
        if not found and kinds.get(a.id) in {"group", "organization"}:
            country = _leading_country(a.name)  # "U.S. officials", "Iranian officials": that country's
            if country is not None and norm(country.name) in by_name:
                found = [by_name[norm(country.name)]]
        if not found and kinds.get(a.id) == "group":
            found = _whose_people(a, actors)  # "Navalny's team", "the Abu Akleh family": that person's
        if kinds.get(a.id) == "country":
            found = []
        out.append(replace(a, affiliations=tuple(dict.fromkeys(list(a.affiliations) + found))))
    return out


def _named_with_their_states(actors: list[Actor]) -> list[Actor]:
    """Bodies of different states the articles call by one name ("Afghanistan's Ministry of Foreign Affairs",
    "Pakistan's Ministry of Foreign Affairs") are each named with their state; a ministry of one state named
    only by its portfolio ("the Foreign Ministry") is shown with its state's adjective ("Saudi Foreign
    Ministry"), its bare name kept as an alias. So a reader, and a column of the matrix, tells them apart. A
    curated name stays."""
    kinds = {a.id: a.kind for a in actors}
    names = {a.id: a.name for a in actors}
    same = Counter(norm(a.name) for a in actors if a.kind == "organization")
    out = []
    for a in actors:
        states = [x for x in a.affiliations if kinds.get(x) == "country"]
        if a.kind != "organization" or len(states) != 1 or a.curated:
            out.append(a)
            continue
        country = country_of(names[states[0]])
        adjective = demonym_for(country) if country is not None and _a_bare_ministry(a.name) else None
        if same[norm(a.name)] > 1:
            a = replace(a, name=f"{names[states[0]]}'s {a.name}")
        elif adjective is not None:
            a = replace(a, name=f"{adjective} {a.name}", aliases=tuple(sorted({*a.aliases, a.name})))
        out.append(a)
    return out


def _whose_people(group: Actor, actors: list[Actor]) -> list[str]:
    """The one person whose team, family or supporters a group is, by the surname its name holds."""
    table = actor_words_table()
    nouns = {w.lower() for w in table.entourage_nouns}
    words = group.name.replace("’s", "").replace("'s", "").split()
    if len(words) < 2 or not ({words[-1].lower(), words[0].lower()} & nouns):
        return []
    names = {w for w in words if w[:1].isupper() and w.lower() not in nouns and w.lower() not in table.circle_links}
    people = [a.id for a in actors if a.kind == "person" and a.id != group.id and names
              and names <= set(a.name.split())]
    return people if len(people) == 1 else []


def _leading_country(name: str):
    """The country a name's first words name or qualify ("U.S. officials", "Iranian security sources")."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n:
            lead = " ".join(words[:n])
            found = country_of(lead) or demonym_country(lead)
            if found is not None:
                return found
    return None


def _owner_ids(owner: str, by_name: dict[str, str]) -> list[str]:
    """Actor ids an owner's name stands for: the name itself, its country, or a chain of names read from
    its start ("White House National Security Council")."""
    key = norm(owner)
    if key in by_name:
        return [by_name[key]]
    if key in known_bodies():
        # "EU Commission spokesman" of the European Commission: another name data/bodies.yml gives the body
        entry = known_bodies()[key][0]
        same = [by_name[k] for k, (n, _) in known_bodies().items() if n == entry and k in by_name]
        if same:
            return same[:1]
    country = country_of(owner) or demonym_country(owner)
    if country is not None:
        return [by_name[norm(country.name)]] if norm(country.name) in by_name else []
    words, found, i = key.split(), [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            if " ".join(words[i:j]) in by_name:
                found.append(by_name[" ".join(words[i:j])])
                i = j
                break
        else:
            return found if i else []
    return found


def _ministry(role: str, country_id: str, actors: list[Actor], by_name: dict[str, str]) -> str:
    """A minister belongs to the ministry of the same portfolio and country when that is an actor: "Russian
    Foreign Minister" -> "Russian Foreign Ministry"."""
    words = norm(role).split()
    if "minister" not in words:
        return country_id
    portfolio = set(words[:words.index("minister")])
    for a in actors:
        if a.kind != "organization":
            continue
        name = a.name.split()
        if "ministry" not in {w.lower() for w in name}:
            continue
        rest = [w for w in name if w.lower() != "ministry"]
        owners = _owner_ids(rest[0], by_name) if rest else []
        portfolio_words = {norm(w) for w in rest[1:]}
        if owners == [country_id] and portfolio_words and portfolio_words <= portfolio:
            return a.id
    return country_id
