"""Resolve actors: mentions -> one actor per real-world actor, then curation on top.

Clustering goes from the most certain evidence to the least: countries by country knowledge, full names
by spelling variants, then short forms (surnames, acronyms) attached to the one full name they fit.
An actor's kind is voted by all its mentions, not taken from one NER label.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from ..config import CuratedActor, slugify
from ..extract.countries import capital_of, country_of, demonym_country, government_of, seat_country
from ..model import Actor, DroppedName, Mention, MentionRef, Ref, ReviewItem, Source, StatementRecord, name_key

KEEP_CONFIDENCE = 0.5  # below this an actor goes to the review page instead of the dossier
WEAK = 0.4  # one mention that neither acts nor carries a title: listed for review
DROPPED_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "other", "LOC": "other", "FAC": "other",
                 "NORP": "group", "GROUP": "group", "COLLECTIVE": "group", "ACRONYM": "organization", "SURNAME": "person"}
ORG_WORDS = {"ministry", "council", "agency", "office", "house", "department", "committee", "party",
             "army", "forces", "government", "parliament", "assembly", "commission", "court", "bank",
             "union", "organization", "organisation", "news", "service", "press", "media", "command"}


norm = lru_cache(maxsize=1 << 16)(name_key)  # one comparison key for names, shared with curation and wikilinks


@dataclass
class Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO3 when the cluster is a country
    country_name: str | None = None
    # counts recomputed only when mentions were added (they are only appended or extended): clustering asks
    # them of every cluster for every short form
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def _memo(self, name: str, compute) -> Counter:
        version = (id(self.mentions), len(self.mentions), self.country)
        held = self._derived.get(name)
        if held is None or held[0] != version:
            held = self._derived[name] = (version, compute())
        return Counter(held[1])

    def forms(self) -> Counter:
        return self._memo("forms", lambda: Counter(m.text for m in self.mentions))

    def kind_votes(self) -> Counter:
        return self._memo("kind_votes", self._kind_votes)

    def _kind_votes(self) -> Counter:
        votes = Counter(m.kind for m in self.mentions if m.kind)
        if self.country:
            votes["country"] += 100
        return votes


@dataclass(frozen=True)
class ActorIndex:
    """What later resolution needs: actors, and how to find the actor of a mention or a name."""

    actors: tuple[Actor, ...]
    by_ref: dict  # (source, sentence, start) -> actor id
    by_name: dict  # norm(name or alias) -> actor id

    def of_ref(self, ref: Ref | None) -> str | None:
        return self.by_ref.get((ref.source, ref.sentence, ref.start)) if ref else None

    def of_name(self, name: str | None) -> str | None:
        if not name:
            return None
        key = norm(name)
        if key in self.by_name:
            return self.by_name[key]
        country = country_of(name)
        if country is not None:
            return self.by_name.get(norm(country.name))
        return self._of_surname(name) or self._of_folded(key)

    def _of_surname(self, name: str) -> str | None:
        """A single capitalised word that is a word of exactly one person's name ("Choe" -> Choe Son Hui)."""
        word = name.strip()
        if " " in word or not word[:1].isupper():
            return None
        key = norm(word)
        fits = {a.id for a in self.actors if a.kind == "person"
                and any(key in norm(form).split() for form in (a.name, *a.aliases))}
        return fits.pop() if len(fits) == 1 else None

    def _of_folded(self, key: str) -> str | None:
        """A name that differs from exactly one actor's name only in how it names a country ("North Korean
        Foreign Ministry" -> DPRK Foreign Ministry): the country words folded to the country on both sides."""
        folded = _fold_country(key)
        if folded == key:
            return None
        fits = {ident for name, ident in self.by_name.items() if _fold_country(name) == folded}
        return fits.pop() if len(fits) == 1 else None


def _fold_country(key: str) -> str:
    """A normalised name with its leading country words (name, acronym or demonym) as '@ISO3'."""
    words = key.split()
    for n in (3, 2, 1):
        if len(words) > n:
            head = " ".join(words[:n])
            found = next((c for form in (head.title(), head.upper()) if len(form) > 2 or n > 1
                          for c in (country_of(form), demonym_country(form)) if c is not None), None)
            if found is not None:
                return " ".join(["@" + found.iso3, *words[n:]])
    return key


def resolve_actors(mentions: Iterable[Mention], sources: Iterable[Source], curated: Iterable[CuratedActor],
                   dropped: Iterable[DroppedName] = (), statements: Iterable[StatementRecord] = ()
                   ) -> tuple[ActorIndex, list[ReviewItem]]:
    mentions = list(mentions)
    sources = list(sources)
    clusters = _cluster(mentions, sources)
    curated = list(curated)
    review: list[ReviewItem] = []
    body_refs = {(s.id, x.id) for s in sources for x in s.sentences if x.kind != "caption"}
    actors, index_refs = [], {}
    quoted = _quoted_spans(statements)
    role_orgs = {norm(m.role_org) for m in mentions if m.role_org}
    titled = _titled_countries(mentions)
    for cluster in clusters:
        actor = _actor(cluster, body_refs)
        why = f"confidence {actor.confidence:.2f}"
        if actor.confidence >= KEEP_CONFIDENCE:
            if _only_quoted(cluster, quoted):
                actor, why = replace(actor, confidence=WEAK), "named only inside someone else's words, never acting in the story"
            elif _only_in_a_title(cluster, titled, body_refs):
                actor, why = replace(actor, confidence=WEAK), "named once, only in someone's title ('Finland's President X'), never acting in the story"
            elif _never_acts(cluster, role_orgs):
                actor, why = replace(actor, confidence=WEAK), "never acts, holds no title and employs no one: a place, an idea or a cause?"
        if actor.confidence < KEEP_CONFIDENCE:
            first = cluster.mentions[0].ref
            review.append(ReviewItem("low-confidence-actor",
                                     f"{actor.name!r} ({actor.kind}) was not kept as an actor: {why}",
                                     first.source, first.sentence,
                                     f"# dossier/actors.yml\n- name: {actor.name}\n  kind: {actor.kind}"))
            continue
        actors.append(actor)
        for m in cluster.mentions:
            index_refs[(m.ref.source, m.ref.sentence, m.ref.start)] = actor.id
    actors = _unique_ids(actors)
    actors, index_refs = _apply_curation(actors, index_refs, curated, sources)
    actors = _affiliations(actors, clusters)
    by_name = {}
    for actor in actors:
        for form in (actor.name, *actor.aliases):
            by_name.setdefault(norm(form), actor.id)
    for actor in actors:  # forms that are not listed as aliases ("Russian") still find their actor
        for m in actor.mentions:
            by_name.setdefault(norm(m.text), actor.id)
    review += _dropped_review(dropped, set(by_name) | {norm(c.name) for c in curated}
                              | {norm(a) for c in curated for a in c.aliases})
    return ActorIndex(tuple(sorted(actors, key=lambda a: a.id)), index_refs, by_name), review


def _quoted_spans(statements: Iterable[StatementRecord]) -> dict[tuple[str, str], list[tuple[int, int, int | None]]]:
    """(source, sentence) -> spans of attributed words, with where their speaker is written."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    for st in statements:
        speaker = st.speaker_ref.start if st.speaker_ref and st.speaker_ref.sentence == st.ref.sentence else None
        out[(st.ref.source, st.ref.sentence)].append((st.ref.start, st.ref.end, speaker))
    return out


def _only_quoted(c: Cluster, quoted: dict) -> bool:
    """A person named only inside the words someone else is reported to have said ("..., she said, adding
    that ... Commander X confessed"): part of a statement, not an actor of the story."""
    if c.country or _kind_of(c) != "person":
        return False
    return all(any(a <= m.ref.start and m.ref.end <= b and speaker != m.ref.start
                   for a, b, speaker in quoted.get((m.ref.source, m.ref.sentence), ()))
               for m in c.mentions)


def _titled_countries(mentions: list[Mention]) -> set[tuple[str, str, str]]:
    """(source, sentence, ISO3) of the countries named in a person's title there ("Finland's President")."""
    out = set()
    for m in mentions:
        if m.kind == "person" and m.role_org:
            country = country_of(m.role_org) or demonym_country(m.role_org)
            if country is not None:
                out.add((m.ref.source, m.ref.sentence, country.iso3))
    return out


def _only_in_a_title(c: Cluster, titled: set, body_refs: set) -> bool:
    """A country named once in the story, in the title of the person it names ("during a news conference
    with Finland's President Sauli Niinisto"): that person's office, not a party to the story."""
    if not c.country:
        return False
    body = [m for m in c.mentions if (m.ref.source, m.ref.sentence) in body_refs]
    return len(body) == 1 and (body[0].ref.source, body[0].ref.sentence, c.country) in titled


def _never_acts(c: Cluster, role_orgs: set[str]) -> bool:
    """An organisation or person that does nothing in any sentence, holds no title and is no one's
    employer ("a homeland known as Khalistan", "supporters of Khalistan"): not kept without an editor."""
    if c.country or any(m.acts or m.role for m in c.mentions):
        return False
    return not any(norm(m.text) in role_orgs for m in c.mentions)


def _dropped_review(dropped: Iterable[DroppedName], known: set[str]) -> list[ReviewItem]:
    """One review item per name extraction set aside (not per mention), unless it names a kept actor."""
    by_name: dict[str, list[DroppedName]] = {}
    for d in dropped:
        key = norm(d.mention.text)
        if key and key not in known:
            by_name.setdefault(key, []).append(d)
    items = []
    for key in sorted(by_name):
        found = by_name[key]
        first = found[0]
        reason = Counter(d.reason for d in found).most_common(1)[0][0]
        kind = DROPPED_KINDS.get(first.mention.label, "other")
        times = f", {len(found)} mentions" if len(found) > 1 else ""
        items.append(ReviewItem("dropped-name", f"“{first.mention.text}” was not taken for an actor: {reason}{times}",
                                first.mention.ref.source, first.mention.ref.sentence,
                                f"# dossier/actors.yml\n- name: {first.mention.text}\n  kind: {kind}"))
    return items


def _cluster(mentions: list[Mention], sources: Iterable[Source] = ()) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    # 1. countries, by country knowledge
    rest = []
    for m in mentions:
        country = _country(m)
        if country is not None:
            c = clusters.setdefault(f"country:{country.iso3}", Cluster(f"country:{country.iso3}"))
            c.country, c.country_name = country.iso3, country.name
            c.mentions.append(m)
        else:
            rest.append(m)
    # 2. multi-word names by spelling variant
    singles = []
    for m in sorted(rest, key=lambda m: -len(m.text.split())):
        key = _group_key(m) if m.kind == "group" else norm(m.text)
        if not key:
            continue
        if len(key.split()) == 1 and not m.text.isupper():
            singles.append(m)
            continue
        target = _variant_of(key, clusters)
        clusters.setdefault(target or key, Cluster(target or key)).mentions.append(m)
    # 3. short forms: a surname or an acronym that fits exactly one longer name
    for m in singles:
        key = _group_key(m) if m.kind == "group" else norm(m.text)
        if key in clusters:
            clusters[key].mentions.append(m)
            continue
        fits = [c for c in clusters.values() if not c.country and key in norm(_best_form(c)).split()
                and _mostly(c, "person")]
        if not fits and m.kind == "organization":
            # "Wagner" <- "Wagner Group": the proper name of exactly one body named with a generic head noun
            fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                    and len(k.split()) == 2 and k.split()[0] == key and k.split()[1] in _generic_heads()]
        if len(fits) == 1:
            fits[0].mentions.append(m)
        else:
            clusters.setdefault(key, Cluster(key)).mentions.append(m)
    # partial names: "Security Council" <- "UN Security Council", "Kumar Rai" <- "Pavan Kumar Rai"
    for key, c in sorted(clusters.items(), key=lambda kv: len(kv[0])):
        if c.country or len(key.split()) < 2 or key not in clusters:
            continue
        fits = [o for k, o in clusters.items() if o is not c and not o.country
                and len(k.split()) > len(key.split()) and k.endswith(" " + key)
                and _kind_of(o) == _kind_of(c)]
        if len(fits) == 1:
            fits[0].mentions.extend(c.mentions)
            del clusters[key]
    # one body's words in another order: "Federal Air Transport Agency" <- "Federal Agency for Air Transport"
    for key, c in sorted(clusters.items(), key=lambda kv: kv[0]):
        if c.country or len(key.split()) < 3 or key not in clusters or _kind_of(c) != "organization":
            continue
        owner, bag = _content_bag(key)
        fits = [k for k, o in clusters.items() if o is not c and not o.country and _kind_of(o) == "organization"
                and _content_bag(k)[1] == bag and None in {owner, _content_bag(k)[0]}]  # no two countries
        if len(fits) == 1:
            clusters[fits[0]].mentions.extend(c.mentions)
            del clusters[key]
    # acronyms: KCNA <- Korean Central News Agency, UNSC <- UN Security Council
    for key, c in list(clusters.items()):
        form = _best_form(c)
        if form.replace(".", "").isupper() and 2 <= len(form) <= 6:
            form = form.replace(".", "")
            fits = [o for o in clusters.values() if o is not c and not o.country
                    and form.lower() in {_initials(_best_form(o)), _initials(_best_form(o), expand=True)}]
            if len(fits) == 1:
                fits[0].mentions.extend(c.mentions)
                del clusters[key]
    _defined_acronyms(clusters, sources)
    return [clusters[k] for k in sorted(clusters)]


DEFINITION = r"\s*(?:\(\s*(?:the\s+)?{a}\s*\)|,\s*(?:or|also known as|known as|also called)\s+(?:the\s+)?{a}\b)"


def _defined_acronyms(clusters: dict[str, Cluster], sources: Iterable[Source]) -> None:
    """An acronym the text defines for a name that its letters do not spell ("the Federal Security Service,
    or the FSB", "Inter-Services Intelligence (ISI)"): one body. A definition holds for the whole dossier."""
    acronyms = {k: c for k, c in clusters.items() if not c.country and _best_form(c).replace(".", "").isupper()
                and 2 <= len(_best_form(c).replace(".", "")) <= 6}
    if not acronyms:
        return
    texts = [x.text for src in sources for x in src.sentences]
    for key, c in list(acronyms.items()):
        acronym = re.escape(_best_form(c))
        # a definition holds the acronym and the name as written: only sentences holding both are searched
        holding = [t for t in texts if _best_form(c) in t]
        fits = set()
        for other_key, o in clusters.items():
            if not holding:
                break
            if o is c or o.country or key not in clusters or len(other_key.split()) < 2:
                continue
            forms = sorted({m.text for m in o.mentions}, key=len, reverse=True)
            named = [t for t in holding if any(f in t for f in forms)]
            if not named:
                continue
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")" + DEFINITION.format(a=acronym))
            if any(pattern.search(t) for t in named):
                fits.add(other_key)
        if len(fits) == 1:
            clusters[fits.pop()].mentions.extend(c.mentions)
            del clusters[key]


FUNCTION = {"of", "for", "and", "on", "the", "in"}


def _content_bag(key: str) -> tuple[str | None, frozenset[str]]:
    """The leading country of a name (ISO3 or None) and its other content words, order and "of"/"for"
    ignored: "russian federal air transport agency" -> (RUS, {federal, air, transport, agency})."""
    words = _fold_country(key).split()
    owner = words[0][1:] if words and words[0].startswith("@") else None
    return owner, frozenset(w for w in words if w not in FUNCTION and not w.startswith("@"))


def _generic_heads() -> set[str]:
    from ..data import load_table

    return {str(w).lower() for w in load_table("actor_words.yml").get("generic_heads", ())}


def _group_key(m: Mention) -> str:
    """Collective actors under one key: "the West", "the collective West", "Western" -> west; a country's
    unnamed sources, officials or intelligence under the country and the noun, whatever branch words
    stand between ("British security sources", "UK defense sources" -> @GBR sources)."""
    if m.label == "COLLECTIVE":
        from ..data import load_table

        folded = _fold_country(norm(m.text)).split()
        if folded and folded[0].startswith("@"):
            noun = folded[-1]
            return "group:" + folded[0] + " " + str(load_table("actor_words.yml").get("collective_forms", {}).get(noun, noun))
    words = [w for w in norm(m.text).split() if w not in {"collective", "so called", "entire", "whole"}]
    words = [w[:-3] if w.endswith("ern") and w[:-3] in {"west", "east", "north", "south"} else w for w in words]
    return "group:" + " ".join(words)


def _country(m: Mention):
    """The country a mention stands for: its name or official name, an acronym, its government, or its
    capital acting ("Moscow said": extraction only marks a capital as a country when it acts)."""
    if m.kind == "person":
        return None
    words = set(norm(m.text).split())
    if m.label in {"GPE", "ORG", "NORP", "ACRONYM"} and not (words & ORG_WORDS):
        found = country_of(m.text)
        if found is not None:
            return found
    if m.kind == "country":
        return country_of(m.text) or government_of(m.text) or capital_of(m.text)
    return None


def _variant_of(key: str, clusters: dict[str, Cluster]) -> str | None:
    """An existing cluster whose key differs by spelling only (Sergei/Sergey, Kim Jong-un/Kim Jong Un)."""
    squashed = key.replace(" ", "")
    for other in clusters:
        if other.startswith("country:"):
            continue
        if other.replace(" ", "") == squashed:
            return other
        a, b = key.split(), other.split()
        if len(a) == len(b) >= 2 and _same_surname(a[-1], b[-1]) and all(_close(x, y) for x, y in zip(a, b)):
            return other
    return None


def _same_surname(a: str, b: str) -> bool:
    """One surname in two transliterations: the same length, one letter apart (Nebenzya/Nebenzia); not
    Petrov/Petrova, who may be two people."""
    return a == b or (len(a) == len(b) >= 5 and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) == 1)


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _initials(name: str, expand: bool = False) -> str:
    """Initials of a name; with expand, an acronym inside it counts whole ("UN Security Council": unsc)."""
    out = []
    for word in name.replace("-", " ").split():
        if word.lower() in {"of", "and", "for", "the", "on", "in"}:
            continue
        out.append(word.lower() if expand and word.isupper() and len(word) <= 4 else word[0].lower())
    return "".join(out)


def _kind_of(c: Cluster) -> str | None:
    votes = c.kind_votes()
    return votes.most_common(1)[0][0] if votes else None


def _best_form(c: Cluster) -> str:
    forms = c.forms()
    return max(forms, key=lambda f: (forms[f] + len(f.split()), len(f), f))


def _mostly(c: Cluster, kind: str) -> bool:
    votes = c.kind_votes()
    return bool(votes) and votes.most_common(1)[0][0] == kind


def _actor(c: Cluster, body_refs: set) -> Actor:
    votes = c.kind_votes()
    kind = votes.most_common(1)[0][0] if votes else "other"
    forms = c.forms()
    name = c.country_name if c.country else _display_name(forms, kind)
    aliases = tuple(sorted({f for f in forms if norm(f) != norm(name) and name_like(f, name)
                            and not _adjective_of(f, name)}))
    # the role most often written with the organisation it names ("Canadian Prime Minister" over "Prime
    # Minister"), then the most often written
    roles = Counter(m.role for m in c.mentions if m.role)
    owned = Counter(m.role for m in c.mentions if m.role and m.role_org)
    body = [m for m in c.mentions if (m.ref.source, m.ref.sentence) in body_refs and m.confidence >= KEEP_CONFIDENCE]
    if not body:
        confidence = 0.3  # named only in a photo caption or a byline: not part of the story
    elif kind == "country" or len(body) >= 2 or any(m.acts for m in body) or roles:
        confidence = 1.0
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
    if kind == "person":
        return max(forms, key=lambda f: (len(f.split()), forms[f], f))
    return max(forms, key=lambda f: (forms[f], len(f), f))


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
        if kinds.get(a.id) == "country":
            found = []
        out.append(replace(a, affiliations=tuple(dict.fromkeys(list(a.affiliations) + found))))
    return out


def _owner_ids(owner: str, by_name: dict[str, str]) -> list[str]:
    """Actor ids an owner's name stands for: the name itself, its country, or a chain of names read from
    its start ("White House National Security Council")."""
    key = norm(owner)
    if key in by_name:
        return [by_name[key]]
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


def _apply_curation(actors: list[Actor], refs: dict, curated: list[CuratedActor],
                    sources: list[Source]) -> tuple[list[Actor], dict]:
    """Curated actors add, merge (by name or alias), correct or hide; curated facts win."""
    from dataclasses import replace

    for cur in curated:
        # a name of no Latin letters (Мария, 金正恩, "...") normalises to "": it must not match every other such name
        keys = {norm(cur.name), *(norm(a) for a in cur.aliases), cur.id} - {""}
        matched = [a for a in actors if a.id in keys or norm(a.name) in keys
                   or any(norm(x) in keys for x in a.aliases)]
        mentions = {m for a in matched for m in a.mentions}
        if not matched:
            mentions |= set(_find_by_text(cur, sources))
        aliases = {x for a in matched for x in (a.name, *a.aliases) if name_like(x, cur.name)} | set(cur.aliases)
        actors = [a for a in actors if a not in matched]
        for m in mentions:
            refs[(m.source, m.sentence, m.start)] = cur.id
        if cur.hidden:
            for m in mentions:
                refs.pop((m.source, m.sentence, m.start), None)
            continue
        base = matched[0] if matched else None
        actors.append(Actor(
            id=cur.id, name=cur.name, kind=cur.kind or (base.kind if base else "other"),
            aliases=tuple(sorted(x for x in aliases if norm(x) != norm(cur.name))),
            role=cur.role or (base.role if base else None), affiliations=cur.affiliations,
            curated=True, confidence=1.0,
            mentions=tuple(sorted(mentions, key=_mention_order))))
    ids = {a.id for a in actors}
    refs = {k: v for k, v in refs.items() if v in ids}
    return [replace(a) for a in actors], refs


def _find_by_text(cur: CuratedActor, sources: list[Source]) -> Iterable[MentionRef]:
    """Mentions of a curated actor that extraction missed: its name and aliases as whole words."""
    forms = sorted({cur.name, *cur.aliases}, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b")
    for s in sources:
        for sentence in s.sentences:
            for match in pattern.finditer(sentence.text):
                yield MentionRef(s.id, sentence.id, match.group(0), match.start(), match.end())
