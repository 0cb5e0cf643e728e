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

from ..config import CuratedActor
from ..data import load_table
from ..model import slugify
from ..extract.actors import BROADCAST, INSTITUTION_WORD, PLACE
from ..world import capital_of, country_by_iso3, country_of, demonym_country, government_of, seat_country
from ..model import Actor, DroppedName, Mention, MentionRef, Ref, ReviewItem, Source, StatementRecord, name_key

KEEP_CONFIDENCE = 0.5  # below this an actor goes to the review page instead of the dossier
WEAK = 0.4  # one mention that neither acts nor carries a title: listed for review
DROPPED_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "other", "LOC": "other", "FAC": "other",
                 "NORP": "group", "GROUP": "group", "COLLECTIVE": "group", "ACRONYM": "organization", "SURNAME": "person",
                 "OUTLET": "organization", "AUTHOR": "person", "UNIT": "organization"}
REASON_KINDS = {PLACE: "other", INSTITUTION_WORD: "organization", BROADCAST: "organization"}


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
        # a person's full name outweighs NER's guesses at the surname alone ("Tygart" as ORG twice)
        votes["person"] += 2 * sum(m.kind == "person" and m.label == "PERSON" and len(m.text.split()) > 1
                                   for m in self.mentions)
        votes = +votes
        if self.country:
            votes["country"] += 100
        return votes


@dataclass(frozen=True)
class ActorIndex:
    """What later resolution needs: actors, and how to find the actor of a mention or a name."""

    actors: tuple[Actor, ...]
    by_ref: dict  # (source, sentence, start) -> actor id
    by_name: dict  # norm(name or alias) -> actor id
    hides: tuple = ()  # HideEffect: what each hidden name of the curation did, for the curation checks

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
    dropped = list(dropped)
    clusters = _cluster(mentions, sources)
    curated = list(curated)
    settled = set().union(*(_curated_keys(c) for c in curated))  # names the editor has decided on
    review: list[ReviewItem] = []
    body_refs = {(s.id, x.id) for s in sources for x in s.sentences if x.kind != "caption"}
    text_refs = {(s.id, x.id) for s in sources for x in s.sentences if x.kind == "body"}
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
            elif _only_a_place(cluster, role_orgs):
                actor, why = replace(actor, confidence=WEAK), "a country named only as a place (where something happened, where someone went or comes from), never acting and in no one's title"
            elif _only_in_headlines(cluster, actor.kind, text_refs):
                actor, why = replace(actor, confidence=WEAK), HEADLINE_ONLY
            elif _never_acts(cluster, role_orgs):
                actor, why = replace(actor, confidence=WEAK), "never acts, holds no title and employs no one: a place, an idea or a cause?"
        if actor.confidence < KEEP_CONFIDENCE:
            if settled & {norm(f) for f in cluster.forms()}:
                continue  # curation adds, merges or hides it: nothing left to propose
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
    actors, index_refs, hides = _apply_curation(actors, index_refs, curated, sources, dropped)
    actors = _affiliations(actors, clusters)
    by_name = {}
    for actor in actors:
        for form in (actor.name, *actor.aliases):
            by_name.setdefault(norm(form), actor.id)
    for actor in actors:  # forms that are not listed as aliases ("Russian") still find their actor
        for m in actor.mentions:
            by_name.setdefault(norm(m.text), actor.id)
    review += _dropped_review(dropped, set(by_name) | settled)
    return ActorIndex(tuple(sorted(actors, key=lambda a: a.id)), index_refs, by_name, tuple(hides)), review


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


HEADLINE_ONLY = ("named only in a headline, never in an article's text: a headline's words run together "
                 "('Kremlin Denies Blame') or its short name for a body the articles name otherwise")


def _only_in_headlines(c: Cluster, kind: str, text_refs: set) -> bool:
    """No article's text names it: what a headline in Title Case makes NER run together ("Beijing Slams US",
    "Kremlin Denies Blame"), or a headline's short form ("Russian intelligence") of a body the text names
    in full. A country or a person is always named in the text as well, and kept; so is an outlet whose
    own piece it is ("...: Global Times editorial"), which its own text does not name."""
    return kind not in {"country", "person"} and not any((m.ref.source, m.ref.sentence) in text_refs
                                                        or m.label == "OUTLET" for m in c.mentions)


def _only_a_place(c: Cluster, role_orgs: set[str]) -> bool:
    """A country that no sentence has act, speak, own an act or give a title ("athletes from Kenya", "held
    in Qatar"): where the story happens, not a party to it. "President of Belarus X" keeps Belarus."""
    if not c.country or any(m.acts for m in c.mentions):
        return False
    forms = {norm(c.country_name or "")} | {norm(m.text) for m in c.mentions}
    return not (forms & role_orgs)


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
        # the kind follows the reason it was dropped: a place NER called a PERSON is not proposed as a person
        kind = REASON_KINDS.get(reason) or DROPPED_KINDS.get(first.mention.label, "other")
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
        key = _group_key(m) if m.kind == "group" else _owned_key(m)
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
        fits = [c for c in clusters.values() if not c.country and _mostly(c, "person")
                and romanized(key) in {romanized(w) for w in norm(_best_form(c)).split()}]
        if len(fits) > 1:
            # one name and the same name run on into the next words ("Tedros Adhanom Ghebreyesus World" of
            # a caption): the name itself
            fits = [c for c in fits if not any(o is not c and c.key.startswith(o.key + " ") for o in fits)]
        if len(fits) > 1:
            # two people share the surname ("Wang Yi", "Wang Wenbin"): "Wang" in an article is the one
            # that article names in full
            fits = [c for c in fits if any(x.ref.source == m.ref.source for x in c.mentions)] or fits
        if not fits and m.kind == "organization":
            # "Wagner" <- "Wagner Group": the proper name of exactly one body named with a generic head noun
            fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                    and len(k.split()) == 2 and k.split()[0] == key and k.split()[1] in _generic_heads()]
        if not fits and m.kind == "organization" and key in _press_heads():
            # "the Journal" <- "The Wall Street Journal": a newspaper called by its last word
            fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                    and len(k.split()) > 1 and k.split()[-1] == key]
        if not fits and m.kind == "organization":
            # "the House" <- "the US House of Representatives": a body called by the head noun its full
            # name opens with, before "of"
            fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                    and _head_before_of(_best_form(c)) == key]
        if len(fits) == 1:
            fits[0].mentions.append(m)
        else:
            clusters.setdefault(key, Cluster(key)).mentions.append(m)
    # partial names: "Security Council" <- "UN Security Council", "Kumar Rai" <- "Pavan Kumar Rai"; a short
    # name a country owns ("the US Anti-Doping Agency") only joins a long one of that country
    for key, c in sorted(clusters.items(), key=lambda kv: len(kv[0])):
        if c.country or len(key.split()) < 2 or key not in clusters:
            continue
        fits = [o for k, o in clusters.items() if o is not c and not o.country
                and len(k.split()) > len(key.split()) and _ends_with_name(k, key)
                and (_kind_of(o) == _kind_of(c) or _particle_surname(key) and _mostly(o, "person"))
                and _owners(c) <= _owners(o) and _one_owner(None, c, None, o)]
        if len(fits) == 1:
            fits[0].mentions.extend(c.mentions)
            del clusters[key]
    _middle_names(clusters)
    _generic_tails(clusters)
    _plural_names(clusters)
    # one body's words in another order: "Federal Air Transport Agency" <- "Federal Agency for Air Transport"
    for key, c in sorted(clusters.items(), key=lambda kv: kv[0]):
        if c.country or len(key.split()) < 3 or key not in clusters or _kind_of(c) != "organization":
            continue
        owner, bag = _content_bag(key)
        fits = [k for k, o in clusters.items() if o is not c and not o.country and _kind_of(o) == "organization"
                and (_content_bag(k)[1] == bag and _one_owner(owner, c, _content_bag(k)[0], o)
                     or _same_portfolio(bag, c, _content_bag(k)[1], o))]
        if len(fits) == 1:
            clusters[fits[0]].mentions.extend(c.mentions)
            del clusters[key]
    # acronyms: KCNA <- Korean Central News Agency, UNSC <- UN Security Council
    for key, c in list(clusters.items()):
        form = _best_form(c)
        if form.replace(".", "").isupper() and 2 <= len(form) <= 6:
            form = form.replace(".", "")
            fits = [o for o in clusters.values() if o is not c and not o.country
                    and form.lower() in {_initials(_best_form(o)), _initials(_best_form(o), expand=True),
                                         _initials(_unowned(_best_form(o)))}]
            if len(fits) == 1:
                fits[0].mentions.extend(c.mentions)
                del clusters[key]
    _defined_acronyms(clusters, sources)
    _known_bodies(clusters)
    _units_to_bodies(clusters)
    return [clusters[k] for k in sorted(clusters)]


def _owned_key(m: Mention) -> str:
    """The clustering key of a name: a body whose owner the sentence gives outside its name ("Israel's
    Foreign Ministry", "the Russian" Foreign Ministry where NER left the demonym out) is keyed with that
    country, so that two countries' foreign ministries are never one actor."""
    key = norm(m.text)
    if m.kind != "organization" or not m.role_org or m.role or len(key.split()) < 2 \
            or _content_bag(key)[0] is not None:
        return key
    country = country_of(m.role_org)
    return norm(f"{country.name} {m.text}") if country is not None else key


@lru_cache(maxsize=1)
def known_bodies() -> dict[str, tuple[int, str | None]]:
    """norm(name) -> (entry, ISO3 or None) for the bodies of data/bodies.yml."""
    from ..data import load_table

    out = {}
    for number, entry in enumerate(load_table("bodies.yml").get("bodies", ())):
        for name in entry.get("names", ()):
            out[norm(str(name))] = (number, entry.get("country"))
    return out


def _known_body(c: Cluster) -> tuple[int, str | None] | None:
    table = known_bodies()
    return next((table[k] for k in [c.key, *(norm(f) for f in c.forms())] if k in table), None)


def _known_bodies(clusters: dict[str, Cluster]) -> None:
    """Names of one body that data/bodies.yml lists together ("the Pentagon", "the Department of Defense",
    "DoD"): one cluster, unless a name says it is another country's ("Canada's defence department")."""
    entries: dict[int, list[str]] = defaultdict(list)
    for key, c in clusters.items():
        if c.country or _kind_of(c) not in {"organization", "group", None}:
            continue
        found = _known_body(c)
        if found is not None:
            owner = _content_bag(key)[0]
            if owner is None or owner == found[1]:
                entries[found[0]].append(key)
    for keys in entries.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: (-len(clusters[k].mentions), k))
        for k in keys[1:]:
            clusters[keys[0]].mentions.extend(clusters.pop(k).mentions)


def _units_to_bodies(clusters: dict[str, Cluster]) -> None:
    """A body's unit named in its article ("the SANAD team" where the article says "Al Jazeera's ... team",
    extract/actors/ marks it UNIT): one actor with the body, when the body is an actor of its own."""
    for key, c in list(clusters.items()):
        owners = {m.role_org for m in c.mentions if m.label == "UNIT"}
        if c.country or len(owners) != 1 or any(m.label != "UNIT" for m in c.mentions):
            continue
        owner = norm(owners.pop())
        target = next((o for k, o in clusters.items() if o is not c and not o.country
                       and (k == owner or owner in {norm(f) for f in o.forms()})), None)
        if target is not None:
            target.mentions.extend(clusters.pop(key).mentions)


def _middle_names(clusters: dict[str, Cluster]) -> None:
    """A person named with and without a middle name, initial or patronymic ("John F. Kirby", "Dalerdzhon
    Barotovich Mirzoyev" / "Dalerdzhon Mirzoyev"): the same first and last name, the longer form having
    words in between. Joined only when exactly one longer name fits."""
    people = {k: c for k, c in clusters.items() if not c.country and _mostly(c, "person") and len(k.split()) == 2}
    for key, c in people.items():
        first, last = key.split()
        fits = [k for k, o in clusters.items() if o is not c and not o.country and _mostly(o, "person")
                and len(k.split()) > 2 and _close(k.split()[0], first) and _same_surname(k.split()[-1], last)]
        if len(fits) == 1 and key in clusters:
            clusters[fits[0]].mentions.extend(clusters.pop(key).mentions)


def _ends_with_name(longer: str, key: str) -> bool:
    """Does the longer name end with the words of `key`, its last word perhaps in another transliteration
    ("turki al maliki" ends with "al malki")?"""
    words, tail = longer.split(), key.split()
    end = words[-len(tail):]
    return end[:-1] == tail[:-1] and _same_surname(end[-1], tail[-1])


def _particle_surname(key: str) -> bool:
    """A surname with its particle ("al-Arouri", "bin Salman", "van der Berg"): a person's, however the
    tagger labelled it alone."""
    words = key.split()
    return len(words) >= 2 and words[0] in _name_particles() and words[-1] not in _name_particles()


@lru_cache(maxsize=1)
def _name_particles() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_table("actor_words.yml").get("name_particles", ()))


def _plural_names(clusters: dict[str, Cluster]) -> None:
    """A group named in the singular and in the plural ("the Houthi movement said", "the Houthis"): the one
    word, with and without its plural -s, is one group when no country claims either."""
    for key in sorted(clusters):
        c = clusters.get(key)
        if c is None or c.country or len(key.split()) != 1 or _kind_of(c) not in {"organization", "group", None}:
            continue
        for plural in (f"group:{key}s", f"{key}s"):
            o = clusters.get(plural)
            if o is not None and o is not c and not o.country:  # (the tagger often takes "the Houthis" for a person)
                o.mentions.extend(clusters.pop(key).mentions)
                break


def _generic_tails(clusters: dict[str, Cluster]) -> None:
    """A body's name with and without a generic head noun ("Islamic State group", "Islamic State"; "Wagner
    Group", "Wagner" is joined with the short forms): one body when exactly one name fits."""
    generic = _generic_heads()
    for key in sorted(clusters, key=len, reverse=True):
        words = key.split()
        c = clusters.get(key)
        if c is None or c.country or len(words) < 3 or words[-1] not in generic or not _mostly(c, "organization"):
            continue
        short = " ".join(words[:-1])
        o = clusters.get(short)
        if o is not None and not o.country and _kind_of(o) in {"organization", None} and _one_owner(None, c, None, o):
            o.mentions.extend(clusters.pop(key).mentions)


DEFINITION = r"\s*(?:\(\s*(?:the\s+)?{a}\s*\)|,\s*(?:or|also known as|known as|also called)\s+(?:the\s+)?{a}\b)"


def _defined_acronyms(clusters: dict[str, Cluster], sources: Iterable[Source]) -> None:
    """An acronym the text defines for a name that its letters do not spell ("the Federal Security Service,
    or the FSB", "Inter-Services Intelligence (ISI)"): one body. A definition holds for the whole dossier."""
    acronyms = {k: c for k, c in clusters.items() if not c.country and _best_form(c).replace(".", "").isupper()
                and 2 <= len(_best_form(c).replace(".", "")) <= 8}  # a defined acronym may be long (CHINADA)
    if not acronyms:
        return
    texts = [x.text for src in sources for x in src.sentences]
    for key, c in list(acronyms.items()):
        acronym = re.escape(_best_form(c))
        # a definition holds the acronym and the name as written: only sentences holding both are searched
        holding = [t for t in texts if _best_form(c) in t]
        fits: dict[str, set[tuple[int, int]]] = {}
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
            found = {(n, m.start()) for n, t in enumerate(holding) for m in pattern.finditer(t)}
            if found:
                fits[other_key] = found
        # "the China Anti-Doping Agency, known as CHINADA" also ends in "Anti-Doping Agency": the longest name
        # defined at a place wins there
        fits = {k: v for k, v in fits.items()
                if not any(o != k and any(n == n2 and s2 < s1 for n, s1 in v for n2, s2 in w) for o, w in fits.items())}
        if len(fits) == 1:
            clusters[next(iter(fits))].mentions.extend(c.mentions)
            del clusters[key]


FUNCTION = {"of", "for", "and", "on", "the", "in"}


def _same_portfolio(bag: frozenset[str], c: Cluster, other_bag: frozenset[str], o: Cluster) -> bool:
    """"China's Ministry of Foreign Affairs" and "the Chinese Foreign Ministry": a ministry "of X Affairs" is
    the X ministry, when both names say it is the same country's (unowned, they may be two countries')."""
    owners = _owners(c)
    return bool(owners) and owners == _owners(o) and "affairs" in bag ^ other_bag \
        and bag - {"affairs"} == other_bag - {"affairs"}


def _one_owner(owner: str | None, c: Cluster, other_owner: str | None, o: Cluster) -> bool:
    """Two names of one body belong to one country: never two different ones. A body data/bodies.yml knows
    belongs to its country even where its name does not say so ("Department of Defense": the US one)."""
    return len(_owners(c) | _owners(o)) <= 1


def _owners(c: Cluster) -> set[str]:
    """The countries a cluster's names say it belongs to (ISO3), and the one data/bodies.yml knows."""
    found = {_content_bag(norm(f))[0] for f in c.forms()} | {(_known_body(c) or (None, None))[1]}
    for m in c.mentions:  # "the US Anti-Doping Agency": the owner extraction read before the name
        if m.kind == "organization" and m.role_org and not m.role:
            country = country_of(m.role_org)
            found.add(country.iso3 if country is not None else None)
    return found - {None}


def _content_bag(key: str) -> tuple[str | None, frozenset[str]]:
    """The leading country of a name (ISO3 or None) and its other content words, order and "of"/"for"
    ignored: "russian federal air transport agency" -> (RUS, {federal, air, transport, agency})."""
    words = _fold_country(key).split()
    owner = words[0][1:] if words and words[0].startswith("@") else None
    return owner, frozenset(SPELLINGS.get(w, w) for w in words
                            if w not in FUNCTION and not w.startswith("@"))


# British and American spellings of one word ("Canada's defence department", "the Canadian defense
# department"). Words such as "affairs" are not dropped: "Ministry of Foreign Affairs" in one article and
# "Foreign Ministry" in another may be two countries' ministries.
SPELLINGS = {"defence": "defense", "organisation": "organization", "labour": "labor"}


@lru_cache(maxsize=1)
def _press_heads() -> frozenset[str]:
    from ..data import load_table

    return frozenset(str(w).lower() for w in load_table("actor_words.yml").get("press_heads", ()))


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
        first = m.text.split()[0]
        country = country_of(first) or demonym_country(first)  # "US" as written: "us" alone is a pronoun
        if country is not None and not (folded and folded[0].startswith("@")):
            folded = ["@" + country.iso3, *norm(m.text).split()[1:]]
        if folded and folded[0].startswith("@"):
            noun = folded[-1]
            return "group:" + folded[0] + " " + str(load_table("actor_words.yml").get("collective_forms", {}).get(noun, noun))
    words = [w for w in norm(m.text).split() if w not in {"collective", "so called", "entire", "whole"}]
    words = [w[:-3] if w.endswith("ern") and w[:-3] in {"west", "east", "north", "south"} else w for w in words]
    return "group:" + " ".join(words)


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    return frozenset(load_table("actor_words.yml")["body_words"])


def _country(m: Mention):
    """The country a mention stands for: its name or official name, an acronym, its government, or its
    capital acting ("Moscow said": extraction only marks a capital as a country when it acts)."""
    if m.kind == "person":
        return None
    words = set(norm(m.text).split())
    if m.label in {"GPE", "ORG", "NORP", "ACRONYM"} and not (words & _body_words()):
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
        folded = _fold_country(key)
        if folded != key and folded == _fold_country(other):
            return other  # "china's foreign ministry" <- "chinese foreign ministry": one country, one body
        a, b = key.split(), other.split()
        if "@" in key or "@" in other:
            continue  # a country's group is no spelling variant of another's ("@UKR", "@USA")
        if len(a) == len(b) >= 2 and _same_surname(a[-1], b[-1]) and all(_close(x, y) for x, y in zip(a, b)):
            return other
    return None


def romanized(word: str) -> str:
    """A name word with the endings that romanizations of one Cyrillic name write differently folded to
    one (BGN/PCGN, ISO 9, the passport and the press spellings): Zelensky, Zelenskyy, Zelenskiy ->
    zelensky; Dmitriy, Dmitrii -> dmitry. Feminine endings (-a, -aya) are kept: Petrov is not Petrova."""
    word = word.lower()
    word = re.sub(r"(?:yy|iy|ii|yi)$", "y", word)
    return re.sub(r"ski$", "sky", word)


def _same_surname(a: str, b: str) -> bool:
    """One surname in two transliterations: the same length, one letter apart (Nebenzya/Nebenzia), a vowel
    written or left out inside it (al-Maliki/al-Malki, al-Arouri/al-Aruri), or endings romanized differently
    (Zelensky/Zelenskyy); not Petrov/Petrova, who may be two people."""
    return a == b or romanized(a) == romanized(b) or _one_vowel_apart(a, b) or \
        (len(a) == len(b) >= 5 and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) == 1)


def _one_vowel_apart(a: str, b: str) -> bool:
    """Does one word have a vowel more than the other, inside it (not first, not last: -a and -i endings
    mark gender or number)? Arabic and Persian names are romanized with and without their short vowels."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) - len(shorter) != 1 or len(shorter) < 4:
        return False
    return any(longer[i] in "aeiouy" and longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer) - 1))


def _close(a: str, b: str) -> bool:
    if a == b or romanized(a) == romanized(b):
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _unowned(name: str) -> str:
    """A body's name without the country written before it ("US Federal Bureau of Investigation" ->
    "Federal Bureau of Investigation"): its acronym (FBI) leaves the country out."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n + 1 and (country_of(" ".join(words[:n])) or demonym_country(" ".join(words[:n]))):
            return " ".join(words[n:])
    return name


def _head_before_of(name: str) -> str | None:
    """The head noun a body's name opens with when "of" follows it, its country left out: "US House of
    Representatives" -> "house"; None for other names."""
    words = norm(_unowned(name)).split()
    return words[0] if len(words) >= 3 and words[1] == "of" else None


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
        if kinds.get(a.id) == "country":
            found = []
        out.append(replace(a, affiliations=tuple(dict.fromkeys(list(a.affiliations) + found))))
    return out


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


@dataclass(frozen=True)
class HideEffect:
    """What a hidden name of dossier/actors.yml did in this build: hid a whole machine actor (`actor` is
    None then), or only some mentions of an actor that curation or another name identifies."""

    name: str
    line: int
    hidden_actor: str | None = None  # the machine actor hidden whole, by its name
    kept_actor: str | None = None  # the actor kept, from which only the name's mentions were taken
    mentions: tuple[MentionRef, ...] = ()


def _apply_curation(actors: list[Actor], refs: dict, curated: list[CuratedActor], sources: list[Source],
                    dropped: Iterable[DroppedName] = ()) -> tuple[list[Actor], dict, list[HideEffect]]:
    """Curated actors add, merge (by name or alias) and correct; curated facts win. Hidden names go last
    and hide only what they name: a machine actor known by that name, or that name's mentions of an actor
    that curation or another of its names identifies ("Tokyo" hidden, then taken for Japan: Japan stays)."""
    dropped = list(dropped)
    for cur in (c for c in curated if not c.hidden):
        keys = _curated_keys(cur)
        matched = [a for a in actors if a.id in keys or norm(a.name) in keys
                   or any(norm(x) in keys for x in a.aliases)]
        mentions = {m for a in matched for m in a.mentions}
        if not matched:
            mentions |= set(_find_by_text(cur, sources))
        mentions |= _dropped_mentions(dropped, keys, refs)  # an alias for a name extraction set aside
        aliases = {x for a in matched for x in (a.name, *a.aliases) if name_like(x, cur.name)} | set(cur.aliases)
        actors = [a for a in actors if a not in matched]
        for m in mentions:
            refs[(m.source, m.sentence, m.start)] = cur.id
        base = matched[0] if matched else None
        actors.append(Actor(
            id=cur.id, name=cur.name, kind=cur.kind or (base.kind if base else "other"),
            aliases=tuple(sorted(x for x in aliases if norm(x) != norm(cur.name))),
            role=cur.role or (base.role if base else None), affiliations=cur.affiliations,
            curated=True, confidence=1.0,
            mentions=tuple(sorted(mentions, key=_mention_order))))
    effects = []
    for cur in (c for c in curated if c.hidden):
        actors, found = _hide(actors, refs, cur)
        effects += found
    ids = {a.id for a in actors}
    refs = {k: v for k, v in refs.items() if v in ids}
    return actors, refs, effects


def _curated_keys(cur: CuratedActor) -> set[str]:
    # a name of no Latin letters (Мария, 金正恩, "...") normalises to "": it must not match every other such name
    return {norm(cur.name), *(norm(a) for a in cur.aliases), cur.id} - {""}


def _dropped_mentions(dropped: list[DroppedName], keys: set[str], refs: dict) -> set[MentionRef]:
    """Mentions of a curated name or alias that extraction set aside ("the North"), where no actor holds
    that span: the curation says they name this actor, so they link to it."""
    return {MentionRef(d.mention.ref.source, d.mention.ref.sentence, d.mention.text, d.mention.ref.start,
                       d.mention.ref.end)
            for d in dropped if norm(d.mention.text) in keys
            and (d.mention.ref.source, d.mention.ref.sentence, d.mention.ref.start) not in refs}


def _hide(actors: list[Actor], refs: dict, cur: CuratedActor) -> tuple[list[Actor], list[HideEffect]]:
    """One hidden name applied: a machine actor named by it goes whole; from any other actor (curated, or
    known by another name) only the mentions written with that name go, with the alias."""
    keys = _curated_keys(cur)
    out, effects = [], []
    for a in actors:
        if not a.curated and (a.id in keys or norm(a.name) in keys):
            for m in a.mentions:
                refs.pop((m.source, m.sentence, m.start), None)
            effects.append(HideEffect(cur.name, cur.line, hidden_actor=a.id, mentions=a.mentions))
            continue
        gone = tuple(m for m in a.mentions if norm(m.text) in keys)
        if gone or any(norm(x) in keys for x in a.aliases):
            for m in gone:
                refs.pop((m.source, m.sentence, m.start), None)
            a = replace(a, aliases=tuple(x for x in a.aliases if norm(x) not in keys),
                        mentions=tuple(m for m in a.mentions if m not in gone))
            if gone:
                effects.append(HideEffect(cur.name, cur.line, kept_actor=a.id, mentions=gone))
        out.append(a)
    return out, effects


def _find_by_text(cur: CuratedActor, sources: list[Source]) -> Iterable[MentionRef]:
    """Mentions of a curated actor that extraction missed: its name and aliases as whole words."""
    forms = sorted({cur.name, *cur.aliases}, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b")
    for s in sources:
        for sentence in s.sentences:
            for match in pattern.finditer(sentence.text):
                yield MentionRef(s.id, sentence.id, match.group(0), match.start(), match.end())
