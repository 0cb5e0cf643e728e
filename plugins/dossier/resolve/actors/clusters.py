"""Which mentions are one actor: countries by country knowledge, multi-word names by spelling variant,
short forms (a surname, an acronym, a newspaper's last word) joined to the one full name they fit, then
partial names, middle names, plurals, generic tails, a body's words in another order, acronyms and the
bodies data/bodies.yml knows."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from ...data import actor_words_table, bodies_table, seats_table, speech_table
from ...model import Mention, Source
from ...world import capital_of, country_of, demonym_country, government_of
from .index import Cluster, _fold_country, norm
from .names import _best_form, _close, _head_before_of, _initials, _kind_of, _mostly, _same_surname, _unowned, romanized


def _cluster(mentions: list[Mention], sources: Iterable[Source] = ()) -> list[Cluster]:
    """Which mentions are one actor: the most certain evidence first (country knowledge, spelling), then
    each of CLUSTER_PASSES in turn over the clusters so far."""
    sources = list(sources)
    clusters, singles = _countries_and_spellings(mentions)
    _short_forms(clusters, singles, _headline_refs(sources))
    for _name, rule in CLUSTER_PASSES:
        rule(clusters, sources)
    return [clusters[k] for k in sorted(clusters)]


def _countries_and_spellings(mentions: list[Mention]) -> tuple[dict[str, Cluster], list[Mention]]:
    """Countries by country knowledge; multi-word names by spelling variant. The one-word names left (a
    surname, a short name) are returned for _short_forms."""
    clusters: dict[str, Cluster] = {}
    rest = []
    seated = {norm(city): norm(body) for city, body in seats_table().body_seats.items()}
    for m in mentions:
        if norm(m.text) in seated and m.kind != "person":
            # "Brussels" acting is the European Union, not Belgium
            clusters.setdefault(seated[norm(m.text)], Cluster(seated[norm(m.text)])).mentions.append(m)
            continue
        country = _country(m)
        if country is not None:
            c = clusters.setdefault(f"country:{country.iso3}", Cluster(f"country:{country.iso3}"))
            c.country, c.country_name = country.iso3, country.name
            c.mentions.append(m)
        else:
            rest.append(m)
    singles = []
    for m in sorted(rest, key=lambda m: -len(m.text.split())):
        key = _group_key(m) if m.kind == "group" else _owned_key(m)
        if not key:
            continue
        if len(_name_words(key)) == 1 and not m.text.isupper():
            singles.append(m)
            continue
        target = _variant_of(key, clusters)
        clusters.setdefault(target or key, Cluster(target or key)).mentions.append(m)
    return clusters, singles


def _headline_refs(sources: list[Source]) -> frozenset[tuple[str, str]]:
    """Lines that are no running text (headlines, captions), where Title Case runs words into names."""
    return frozenset((s.id, x.id) for s in sources for x in s.sentences if x.kind in ("headline", "caption"))


def _short_forms(clusters: dict[str, Cluster], singles: list[Mention],
                 headlines: frozenset[tuple[str, str]] = frozenset()) -> None:
    """A surname or a short name joins the one longer name it fits; else it is a cluster of its own."""
    for m in singles:
        key = _group_key(m) if m.kind == "group" else norm(m.text)
        # each mention is fitted for itself: a surname two people share stays a name of its own where its
        # article names both in full (or neither), and is the one person its article names in full elsewhere
        fits = _headline_runs_dropped(_short_form_fits(clusters, m, key), key, headlines)
        if len(fits) == 1:
            fits[0].mentions.append(m)
        else:
            clusters.setdefault(key, Cluster(key)).mentions.append(m)


def _headline_runs_dropped(fits: list[Cluster], key: str, headlines: frozenset[tuple[str, str]]) -> list[Cluster]:
    """A headline's Title Case runs words into names ("Kremlin Calls Navalny", "Yulia Navalnaya Putin"): a
    name read only in headlines and captions is a full name the short form fits only by its last word, and only where
    no name of the running text fits it too."""
    def headline_only(c: Cluster) -> bool:
        return all((x.ref.source, x.ref.sentence) in headlines for x in c.mentions)

    fits = [c for c in fits if not headline_only(c) or romanized(norm(_best_form(c)).split()[-1]) == romanized(key)]
    return [c for c in fits if not headline_only(c)] or fits


def _short_form_fits(clusters: dict[str, Cluster], m: Mention, key: str) -> list[Cluster]:
    # the words of every form of the name: once its surname alone is its commonest form, the given name
    # ("Alexei" of "Alexei Navalny") is only in the full forms
    fits = [c for c in clusters.values() if not c.country and c.key != key and _mostly(c, "person")
            and romanized(key) in {romanized(w) for f in c.forms() for w in norm(f).split()}]
    if len(fits) > 1:
        # one name and the same name run on into the next words ("Tedros Adhanom Ghebreyesus World" of
        # a caption): the name itself
        fits = [c for c in fits if not any(o is not c and c.key.startswith(o.key + " ") for o in fits)]
    if len(fits) > 1:
        # "Thawadi" of "Hassan Al Thawadi" and "Al Thawadi": the surname with its particle is that full name's
        # (_partial_names joins it there)
        fits = [c for c in fits if not (_particle_surname(c.key)
                                        and any(o is not c and o.key.endswith(" " + c.key) for o in fits))]
    if len(fits) > 1:
        # two people share the surname ("Wang Yi", "Wang Wenbin"): "Wang" in an article is the one
        # that article names in full
        fits = [c for c in fits if any(x.ref.source == m.ref.source for x in c.mentions)] or fits
    if not fits and m.kind == "organization":
        # "Wagner" <- "Wagner Group": the proper name of exactly one body named with a generic head noun
        fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                and len(k.split()) == 2 and k.split()[0] == key and k.split()[1] in _generic_heads()]
    if not fits and m.kind in {"organization", "group"}:
        # "Taliban" <- "Afghan Taliban": a group's name, the one body named with a nationality before it
        fits = [c for k, c in clusters.items() if not c.country and not _mostly(c, "person")
                and len(k.split()) == 2 and k.split()[1] == norm(m.text) and demonym_country(k.split()[0].title()) is not None]
    if not fits and m.kind == "organization" and key in _press_heads():
        # "the Journal" <- "The Wall Street Journal": a newspaper called by its last word
        fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                and len(k.split()) > 1 and k.split()[-1] == key]
    if not fits and m.kind == "organization":
        # "the House" <- "the US House of Representatives": a body called by the head noun its full
        # name opens with, before "of"
        fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                and _head_before_of(_best_form(c)) == key]
    if not fits and m.kind == "organization" and key in _org_heads():
        # "The Network demands" <- "Al Jazeera Media Network" in the same article: a body called back by the
        # head noun its full name ends with
        fits = [c for k, c in clusters.items() if not c.country and _mostly(c, "organization")
                and len(k.split()) > 1 and k.split()[-1] == key and any(x.ref.source == m.ref.source for x in c.mentions)]
    return fits


def _partial_names(clusters: dict[str, Cluster], _sources=()) -> None:
    """"Security Council" <- "UN Security Council", "Kumar Rai" <- "Pavan Kumar Rai"; a short name a country
    owns ("the US Anti-Doping Agency") only joins a long one of that country."""
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


COMPLEMENT_WORDS = ("of", "for")  # a body's name goes on after its head with what it is of or for


def _heads_of_long_names(clusters: dict[str, Cluster], _sources=()) -> None:
    """"the Supreme Committee" <- "Supreme Committee for Delivery and Legacy", "the Investigative Committee" <-
    "Investigative Committee of Russia": a body called by the words its full name opens with, before "of" or
    "for", where exactly one body's name opens so."""
    bodies = [(k, c) for k, c in clusters.items() if not c.country and _mostly(c, "organization")]
    for key, c in bodies:
        # "Supreme Committee for Delivery" of "... for Delivery and Legacy": the tagger cut the name at its "and"
        if not set(key.split()) & set(COMPLEMENT_WORDS):
            continue  # (only a name with its complement: "Russia and China" are two)
        longer = [o for k, o in bodies if o is not c and _plain(k).startswith(_plain(key) + " and ")]
        if len(longer) == 1 and key in clusters and longer[0].key in clusters:
            longer[0].mentions.extend(c.mentions)
            del clusters[key]
    heads: dict[str, list[Cluster]] = {}
    for k, c in clusters.items():
        if c.country or not _mostly(c, "organization"):
            continue
        for form in {norm(f) for f in c.forms()}:
            words = form.split()
            cut = next((i for i, w in enumerate(words) if w in COMPLEMENT_WORDS), None)
            if cut is not None and cut >= 2 and len(words) > cut + 1:
                group = heads.setdefault(" ".join(words[:cut]), [])
                if c not in group:
                    group.append(c)
    for key, c in sorted(clusters.items(), key=lambda kv: len(kv[0])):
        if key not in clusters or c.country or not _mostly(c, "organization"):
            continue
        fits = [o for o in heads.get(key, ()) if o is not c and o.key in clusters]
        if len(fits) == 1:
            fits[0].mentions.extend(c.mentions)
            del clusters[key]


def _surnamed_bodies(clusters: dict[str, Cluster], _sources=()) -> None:
    """"(Ukraine) Natalia Vovk" that NER took for a body, where the articles call a person "Vovk": a two-word name with
    no word of a body's name, ending in the surname of exactly one person known by the surname alone, is
    that person named in full."""
    heads = _generic_heads() | _body_words() | _press_heads() | \
        {w.lower() for w in actor_words_table().org_heads}
    surnames = {romanized(k): c for k, c in clusters.items() if len(k.split()) == 1 and not c.country
                and _mostly(c, "person")}
    for key, c in list(clusters.items()):
        parts = key.split()
        if len(parts) == 3 and country_of(parts[0]) is not None:
            parts = parts[1:]  # "citizen of Ukraine Natalia Vovk": NER ran the country into the name
        if c.country or len(parts) != 2 or not _mostly(c, "organization") or heads & set(parts):
            continue
        person = surnames.get(romanized(parts[1]))
        if person is not None and not any(o is not c and o is not person and _mostly(o, "person")
                                          and k.split()[-1:] == parts[1:] for k, o in clusters.items()):
            person.mentions.extend(c.mentions)
            del clusters[key]


def _initialled_surnames(clusters: dict[str, Cluster], _sources=()) -> None:
    """"Ahlam A." of "Ahlam al-Bashir": a person named by a first name and the initial of the surname (as
    some presses name suspects) is the one person of that first name whose surname starts with it."""
    for key in sorted(clusters):
        c = clusters.get(key)
        words = key.split()
        if c is None or c.country or len(words) != 2 or len(words[1]) != 1 or not _mostly(c, "person"):
            continue
        fits = [o for k, o in clusters.items() if o is not c and not o.country and _mostly(o, "person")
                and len(k.split()) >= 2 and _close(k.split()[0], words[0]) and k.split()[1][0] == words[1]
                and len(k.split()[-1]) > 1]
        if len(fits) == 1:
            fits[0].mentions.extend(clusters.pop(key).mentions)


def _missions_by_seat(clusters: dict[str, Cluster], _sources=()) -> None:
    """"the U.S. Embassy" of "the U.S. Embassy in Turkey": a mission named with and without its seat is one
    body, where one mission of that name has a seat; a bare "the Embassy" is that mission, where it is the
    only one."""
    missions = _missions()
    seated = {}
    for key, c in clusters.items():
        words = key.split()
        if not c.country and "in" in words[1:-1] and words[words.index("in") - 1] in missions:
            seated.setdefault(" ".join(words[:words.index("in")]), []).append(key)
    for base, keys in sorted(seated.items()):
        if len(keys) == 1 and base in clusters and base != keys[0]:
            clusters[keys[0]].mentions.extend(clusters.pop(base).mentions)
    for noun in sorted(missions):
        holding = [k for k, c in clusters.items() if not c.country and k != noun and noun in k.split()]
        if noun in clusters and len(holding) == 1:
            clusters[holding[0]].mentions.extend(clusters.pop(noun).mentions)


@lru_cache(maxsize=1)
def _missions() -> frozenset[str]:
    return frozenset(w.lower() for w in actor_words_table().missions)


def _led_by_the_same(clusters: dict[str, Cluster], _sources=()) -> None:
    """"the Saudi-UAE-led coalition" and "the Saudi-led coalition": a coalition named by more of its leaders
    is the one named by fewer, where exactly one such fits."""
    def leaders(key: str) -> tuple[frozenset[str], str] | None:
        words = key.split()
        return (frozenset(words[:words.index("led")]), " ".join(words[words.index("led") + 1:])) \
            if "led" in words[1:-1] else None
    for key in sorted(clusters, key=len):
        c, mine = clusters.get(key), leaders(key)
        if c is None or c.country or mine is None:
            continue
        fits = [k for k in clusters if k != key and (lambda o: o is not None and o[1] == mine[1]
                                                     and mine[0] < o[0])(leaders(k))]
        if len(fits) == 1:
            clusters[fits[0]].mentions.extend(clusters.pop(key).mentions)


def _word_order(clusters: dict[str, Cluster], _sources=()) -> None:
    """One body's words in another order: "Federal Air Transport Agency" <- "Federal Agency for Air Transport"."""
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


def _a_bare_ministry(name: str) -> bool:
    """A ministry's name made only of its portfolio ("Foreign Ministry", "Ministry of Foreign Affairs"), no
    state's name or adjective in it."""
    table = actor_words_table()
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in FUNCTION]
    heads = {w.lower() for w in table.ministry_heads}
    return bool(heads & set(words)) and set(words) <= heads | {w.lower() for w in (*table.portfolios, *table.portfolio_heads)}


def _bare_ministries(clusters: dict[str, Cluster], _sources=()) -> None:
    """"the Ministry of Foreign Affairs" (no state named) <- "the Chinese Foreign Ministry": a ministry named only
    by its portfolio is the one ministry of that portfolio the dossier names with its state, where every
    article naming it names that state too. With two states' ministries of the portfolio, it stays apart."""
    heads = frozenset(actor_words_table().portfolio_heads)
    owned: dict[frozenset[str], list[tuple[str, Cluster]]] = {}  # a portfolio's words -> its ministries named with a state
    for k, o in clusters.items():
        if not o.country and _kind_of(o) == "organization" and len(_owners(o)) == 1:
            owned.setdefault(_content_bag(k)[1] - heads, []).append((k, o))
    for key, c in sorted(clusters.items()):
        if c.country or key not in clusters or _owners(c) or not _a_bare_ministry(_best_form(c)):
            continue
        fits = [(k, o) for k, o in owned.get(_content_bag(key)[1] - heads, ()) if k in clusters]
        if len(fits) != 1:
            continue
        state = clusters.get(f"country:{next(iter(_owners(fits[0][1])))}")
        named_in = {m.ref.source for m in state.mentions} if state is not None else set()
        if {m.ref.source for m in c.mentions} <= named_in:
            fits[0][1].mentions.extend(c.mentions)
            del clusters[key]


def _acronyms(clusters: dict[str, Cluster], _sources=()) -> None:
    """KCNA <- Korean Central News Agency, UNSC <- UN Security Council: an acronym that is the initials of
    exactly one longer name, a body's (a person is not called by initials: "AA" is no "Ahlam A.")."""
    for key, c in list(clusters.items()):
        form = _best_form(c)
        if _acronym(form.replace(".", "")) and 2 <= len(form) <= 6:
            form = form.replace(".", "")
            fits = [o for o in clusters.values() if o is not c and not o.country and not _mostly(o, "person")
                    and form.lower() in {_initials(_best_form(o)), _initials(_best_form(o), expand=True),
                                         _initials(_unowned(_best_form(o))), *_small_word_initials(form, o),
                                         *_seated_body_initials(o)}]
            if len(fits) > 1 and _spelling_variants([_best_form(o) for o in fits]):
                _join_clusters(clusters, fits)  # "Baloch Liberation Army", "Balochistan Liberation Army" (BLA)
                fits = fits[:1]
            if len(fits) == 1:
                fits[0].mentions.extend(c.mentions)
                del clusters[key]


def _national_armed_forces(clusters: dict[str, Cluster], _sources=()) -> None:
    """"the Rwandan army", "Rwanda's military" <- "Rwanda Defence Force": a country's army named by its
    common noun is the one armed force of that country the dossier names in full (speech.yml's
    armed_force_nouns and armed_force_name_words), where it names exactly one."""
    common: dict[str, list[str]] = defaultdict(list)
    named: dict[str, list[str]] = defaultdict(list)
    nouns = frozenset(speech_table().armed_force_nouns)
    for key, c in clusters.items():
        found = None if c.country or _kind_of(c) != "organization" else _armed_force(key)
        if found is not None:
            (common if found[1] <= nouns else named)[found[0]].append(key)
    for owner, keys in common.items():
        if len(named.get(owner, ())) == 1:
            _join_clusters(clusters, [clusters[named[owner][0]], *(clusters[k] for k in keys)])


def _armed_force(key: str) -> tuple[str, frozenset[str]] | None:
    """(ISO3 of its country, its other words) of a name made of a country and words of an armed force only
    ("rwanda defence force", "armed forces of ukraine", "the congolese army"); else None."""
    owner, bag = _content_bag(key)
    if owner is None:
        found = re.match(r"^(.+?) of (?:the )?(.+)$", key)
        country = country_of(found.group(2).title()) if found else None
        if country is None:
            return None
        owner, bag = country.iso3, _content_bag(found.group(1))[1]
    words = frozenset(SPELLINGS.get(w, w) for w in speech_table().armed_force_name_words)
    return (owner, bag) if bag and bag <= words else None


def _spelling_variants(names: list[str]) -> bool:
    """Are the names one name spelt several ways, word for word, each word the other's or its stem
    ("Baloch Liberation Army", "Balochistan Liberation Army")?"""
    split = [n.lower().split() for n in names]
    if len({len(w) for w in split}) != 1:
        return False
    for words in zip(*split):
        stem = min(words, key=len)
        if not all(w.startswith(stem) for w in words) or (len(set(words)) > 1 and len(stem) < 4):
            return False
    return True


def _join_clusters(clusters: dict[str, Cluster], group: list[Cluster]) -> None:
    """Join the clusters of a group into its first."""
    for o in group[1:]:
        group[0].mentions.extend(o.mentions)
        for k, v in list(clusters.items()):
            if v is o:
                del clusters[k]


def _seated_body_initials(o: Cluster) -> set[str]:
    """"EU" of "Brussels" (seats.yml body_seats): a body named only by its seat is known by its own initials."""
    seated = {norm(body) for body in seats_table().body_seats.values()}
    return {_initials(o.key)} if o.key in seated else set()


def _small_word_initials(form: str, o: Cluster) -> set[str]:
    """"MoI" of "Ministry of Interior", "MoFA" of "Ministry of Foreign Affairs": an acronym written with small
    letters keeps the initials of the small words too."""
    if form.isupper():
        return set()
    return {"".join(w[0].lower() for w in _best_form(o).replace("-", " ").split())}


def _acronym(form: str) -> bool:
    """"KCNA", and "JeM" of "Jaish-e-Mohammed": capitals, with no two small letters together (the small
    one is a particle's initial)."""
    return form.isupper() or (form.isalpha() and sum(ch.isupper() for ch in form) >= 2
                              and re.search("[a-z]{2}", form) is None)


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

    out = {}
    for number, body in enumerate(bodies_table().bodies):
        for name in body.names:
            out[norm(name)] = (number, body.country)
    return out


def _known_body(c: Cluster) -> tuple[int, str | None] | None:
    table = known_bodies()
    return next((table[k] for k in [c.key, *(norm(f) for f in c.forms())] if k in table), None)


def _known_bodies(clusters: dict[str, Cluster], _sources=()) -> None:
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


def _units_to_bodies(clusters: dict[str, Cluster], _sources=()) -> None:
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


def _middle_names(clusters: dict[str, Cluster], _sources=()) -> None:
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


def _transliterations(clusters: dict[str, Cluster], _sources=()) -> None:
    """A person's full name in two romanizations ("Abdel Fattah el-Sissi" / "Abdul Fattah al-Sisi"): the same
    words, each written with other vowels or doubled letters, particles aside (al/el). Joined only when
    exactly one other name fits."""
    people = {k: c for k, c in clusters.items() if not c.country and _mostly(c, "person")}
    for key, c in list(people.items()):
        if key not in clusters:
            continue
        skeleton = _name_skeleton(key)
        if skeleton is None:
            continue
        fits = [k for k, o in people.items() if o is not c and k in clusters and k != key
                and _name_skeleton(k) == skeleton]
        if len(fits) == 1:
            clusters[key].mentions.extend(clusters.pop(fits[0]).mentions)


def _name_skeleton(key: str) -> tuple[str, ...] | None:
    """A full name's words without particles, each as its first and last letters with the consonants between,
    doubled ones once ("abdel fattah el-sissi" and "abdul fattah al-sisi" -> ("abdl", "fth", "ssi")); None for
    a name of fewer than two such words or of words too short to tell apart."""
    words = [w for w in re.split(r"[\s-]+", key.lower()) if w and w not in _name_particles()]
    if len(words) < 2:
        return None
    out = []
    for w in words:
        if len(w) < 4:
            return None
        # (the last letter kept: Petrov is not Petrova, Soto not Sota)
        out.append(re.sub(r"(.)\1+", r"\1", w[0] + re.sub(r"[aeiouy]", "", w[1:-1]) + w[-1]))
    return tuple(out)


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
    return frozenset(w.lower() for w in actor_words_table().name_particles)


def _plural_names(clusters: dict[str, Cluster], _sources=()) -> None:
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


def _members_of_a_named_body(clusters: dict[str, Cluster], _sources=()) -> None:
    """"UN experts", "the experts" <- "UN Group of Experts": a group named by a plural noun alone is the one
    body the dossier names as a body "of" that noun ("Group of Experts", "Panel of Experts"), where it
    names exactly one and neither has a country."""
    for key in sorted(clusters):
        c = clusters.get(key)
        noun = key.removeprefix("group:")
        if c is None or c.country or " " in noun or not noun.endswith("s") or _kind_of(c) not in {"group", None}:
            continue
        bodies = [o for k, o in clusters.items() if o is not c and not o.country and _kind_of(o) == "organization"
                  and re.search(rf"\bof (?:the )?{re.escape(noun)}$", k)]
        if len(bodies) == 1:
            bodies[0].mentions.extend(clusters.pop(key).mentions)


def _generic_tails(clusters: dict[str, Cluster], _sources=()) -> None:
    """A body's name with and without a generic head noun ("Islamic State group", "Islamic State"; "Wagner
    Group", "Wagner" is joined with the short forms): one body when exactly one name fits."""
    generic = _generic_heads()
    for key in sorted(clusters, key=len, reverse=True):
        words = key.split()
        c = clusters.get(key)
        if c is None or c.country or len(words) < 3 or words[-1] not in generic or not _mostly(c, "organization"):
            continue
        # "Al Jazeera Media Network": the name without its generic words, one or two ("media network")
        for short in (" ".join(words[:-1]), " ".join(words[:-2]) if words[-2] in _media_words() else None):
            o = clusters.get(short) if short else None
            if o is not None and not o.country and _kind_of(o) in {"organization", None} and _one_owner(None, c, None, o):
                o.mentions.extend(clusters.pop(key).mentions)
                break

@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in actor_words_table().org_heads)


@lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    """Words before a generic head that name a body's trade, not the body ("Media" of "X Media Network")."""
    table = actor_words_table()
    return frozenset(w.lower() for w in (*table.media_nouns, *table.trade_words))


@lru_cache(maxsize=1)
def _definition() -> str:
    """What defines an acronym {a} after a name: "(the FSB)", ", known as FSB" (data/actor_words.yml
    `alias_cues`)."""
    cues = "|".join(re.escape(c) for c in actor_words_table().alias_cues)
    # the name may go on with what it is of, past where the tagger cut it ("the Democratic Union Party of
    # Syrian Kurds (PYD)")
    complement = r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]*){{1,3}})?"
    return complement + r"\s*(?:\(\s*(?:the\s+)?{a}\s*\)|,\s*(?:" + cues + r")\s+(?:the\s+)?{a}\b)"


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
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")" + _definition().format(a=acronym))
            found = {(n, m.start()) for n, t in enumerate(holding) for m in pattern.finditer(t)}
            if found:
                fits[other_key] = found
        # "the China Anti-Doping Agency, known as CHINADA" also ends in "Anti-Doping Agency": the longest name
        # defined at a place wins there
        fits = {k: v for k, v in fits.items()
                if not any(o != k and any(n == n2 and s2 < s1 for n, s1 in v for n2, s2 in w) for o, w in fits.items())}
        if len(fits) > 1 and _spelling_variants([_best_form(clusters[k]) for k in fits]):
            _join_clusters(clusters, [clusters[k] for k in fits])  # one name spelt two ways, one acronym
            fits = {k: v for k, v in fits.items() if k in clusters}
        if len(fits) == 1:
            clusters[next(iter(fits))].mentions.extend(c.mentions)
            del clusters[key]

FUNCTION = frozenset(actor_words_table().name_links)  # a name's small words


def _same_portfolio(bag: frozenset[str], c: Cluster, other_bag: frozenset[str], o: Cluster) -> bool:
    """"China's Ministry of Foreign Affairs" and "the Chinese Foreign Ministry": a ministry "of X Affairs" is
    the X ministry, when both names say it is the same country's (unowned, they may be two countries')."""
    owners, heads = _owners(c), frozenset(actor_words_table().portfolio_heads)
    return bool(owners) and owners == _owners(o) and bool((bag ^ other_bag) & heads) \
        and bag - heads == other_bag - heads


def _one_owner(owner: str | None, c: Cluster, other_owner: str | None, o: Cluster) -> bool:
    """Two names of one body belong to one country: never two different ones. A body data/bodies.yml knows
    belongs to its country even where its name does not say so ("Department of Defense": the US one)."""
    return len(_owners(c) | _owners(o)) <= 1


def _owners(c: Cluster) -> set[str]:
    """The countries a cluster's names say it belongs to (ISO3), and the one data/bodies.yml knows."""
    found = {_content_bag(norm(f))[0] for f in c.forms()} | {(_known_body(c) or (None, None))[1]}
    for m in c.mentions:  # "the US Anti-Doping Agency": the owner extraction read before the name
        if m.kind == "organization" and m.role_org and (not m.role or _described_as_a_service(m.role)):
            country = country_of(m.role_org)
            found.add(country.iso3 if country is not None else None)
    return found - {None}


def _described_as_a_service(role: str) -> bool:
    """Is an organisation's apposition a description of a country's service ("Afghanistan's intelligence
    service", _services_described), whose owner is the body's?"""
    w = actor_words_table()
    bag = _content_bag(norm(role))[1]
    generic = {x.lower() for x in (*w.service_words, *w.body_nouns, *w.grade_words, *w.service_modifiers)}
    return bool(bag & {x.lower() for x in w.service_words}) and bag <= generic


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
    return frozenset(w.lower() for w in actor_words_table().press_heads)


def _generic_heads() -> set[str]:
    return {w.lower() for w in actor_words_table().generic_heads}


def _group_key(m: Mention) -> str:
    """Collective actors under one key: "the West", "the collective West", "Western" -> west; a country's
    unnamed sources, officials or intelligence under the country and the noun, whatever branch words
    stand between ("British security sources", "UK defense sources" -> @GBR sources)."""
    if m.label == "COLLECTIVE":
        folded = _fold_country(norm(m.text)).split()
        first = m.text.split()[0]
        country = country_of(first) or demonym_country(first)  # "US" as written: "us" alone is a pronoun
        if country is not None and not (folded and folded[0].startswith("@")):
            folded = ["@" + country.iso3, *norm(m.text).split()[1:]]
        if folded and folded[0].startswith("@"):
            noun = folded[-1]
            return "group:" + folded[0] + " " + actor_words_table().collective_forms.get(noun, noun)
    table = actor_words_table()  # group_qualifiers, compass_points, entourage_nouns
    proxies = _proxy_key(m.text, table)
    if proxies:
        return proxies
    words = [w for w in norm(m.text).split() if w not in table.group_qualifiers]
    if len(words) > 2 and words[0] in table.entourage_nouns and words[1] == "of":
        words = words[-1:] + words[:1]  # "the family of Carlos Ortiz": the Ortiz family
    elif len(words) > 2 and words[-1] in table.entourage_nouns:
        # "Carlos Ortiz's family", "Ortiz's grieving family", "the Ortiz family": the surname's family
        owner = re.split(r"[’']s\b", m.text)[0] if re.search(r"[’']s\b", m.text) else " ".join(m.text.split()[:-1])
        words = (norm(owner).split() or words)[-1:] + words[-1:]
    words = [w[:-3] if w.endswith("ern") and w[:-3] in table.compass_points else w for w in words]
    return "group:" + " ".join(words)


def _proxy_key(name: str, table) -> str | None:
    """"pro-Russian separatists", "the pro-Russia rebels", "Russian-backed rebels": one key, the proxies of the
    state named, whatever the noun."""
    words = re.split(r"[\s-]+", name)
    if not words or words[-1].lower() not in {w.lower() for w in table.proxy_nouns}:
        return None
    prefixes = {w.lower() for w in table.backing_prefixes}
    backing = prefixes | {w.lower() for w in table.backing_words}
    if not {w.lower() for w in words} & backing:
        return None
    # the state after "pro" or before "backed" ("Ukrainian pro-Russian rebels": Russia's), else the first named
    near = [words[k + 1] for k, w in enumerate(words[:-1]) if w.lower() in prefixes] + \
        [words[k - 1] for k, w in enumerate(words) if k and w.lower() in backing - prefixes]
    state = next((c for w in [*near, *words] for c in (country_of(w) or demonym_country(w),) if c is not None), None)
    return f"group:proxies of @{state.iso3}" if state is not None else None


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    return frozenset(actor_words_table().body_words)


def _country(m: Mention):
    """The country a mention stands for: its name or official name, an acronym, its government, or its
    capital acting ("Moscow said": extraction only marks a capital as a country when it acts)."""
    if m.kind == "person":
        return None
    if m.kind == "group":
        return _state_voice(m.text)
    words = set(norm(m.text).split())
    if m.label in {"GPE", "ORG", "NORP", "ACRONYM"} and not (words & _body_words()):
        found = country_of(m.text)
        if found is not None:
            return found
    if m.kind == "country":
        return country_of(m.text) or government_of(m.text) or capital_of(m.text)
    if m.label in {"GPE", "ORG"} and len(words) <= 2:
        # a capital taken for a body (not a place) is its government named for its seat ("blame Tel
        # Aviv for the bombing", "pressure mounted on Tel Aviv")
        return capital_of(m.text)
    return None


def _state_voice(text: str):
    """The country whose unnamed officials a group is ("U.S. officials", "senior Iranian officials", "US
    defense officials"): they speak for its government, as its government does, whatever branch they are of."""
    table = actor_words_table()
    ranks = {w.lower() for w in table.official_ranks}
    words = [w for w in text.split() if w.lower() not in ranks | {"the"}]
    if len(words) < 2 or words[-1].lower() not in {w.lower() for w in table.state_voices}:
        return None
    units = {w.lower() for w in table.unit_words}
    if any(w.lower() not in units for w in words[1:-1]):
        return None
    return country_of(words[0]) or demonym_country(words[0])


def _variant_of(key: str, clusters: dict[str, Cluster]) -> str | None:
    """An existing cluster whose key differs by spelling only (Sergei/Sergey, Kim Jong-un/Kim Jong Un, "&" and
    "and", a company's legal form, "UN" and "United Nations" opening a body's name)."""
    squashed = _plain(key).replace(" ", "")
    for other in clusters:
        if other.startswith("country:"):
            continue
        if _plain(other).replace(" ", "") == squashed:
            return other
        folded = _fold_country(key)
        if folded != key and folded == _fold_country(other):
            return other  # "china's foreign ministry" <- "chinese foreign ministry": one country, one body
        a, b = _name_words(key), _name_words(other)
        if "@" in key or "@" in other:
            continue  # a country's group is no spelling variant of another's ("@UKR", "@USA")
        if len(a) == len(b) >= 2 and _same_surname(a[-1], b[-1]) and all(_close(x, y) for x, y in zip(a, b)):
            return other
    return None


@lru_cache(maxsize=1 << 14)
def _plain(key: str) -> str:
    """A name's key written one way: "and" for "&", without a company's legal form after it ("kokuka sangyo
    co"), a union's name in full where its short form opens the name ("un human rights office")."""
    w = actor_words_table()
    words = key.replace("&", " and ").split()
    if len(words) > 2 and words[-1] in {x.lower() for x in w.company_suffixes}:
        words = words[:-1]
    if len(words) > 1 and words[0] in w.name_openings:
        words = [*w.name_openings[words[0]].split(), *words[1:]]
    return " ".join(words)


def _name_words(key: str) -> list[str]:
    """A name's words, those joined by hyphens too: "jaish-e-mohammad" and "jaish-e-mohammed" are one name in
    two transliterations, word for word."""
    return [w for w in re.split(r"[\s-]+", key) if w]


# The passes after countries, spellings and short forms, in order: each joins clusters that the evidence it
# reads says are one actor, and leaves the rest.
def _services_described(clusters: dict[str, Cluster], _sources=()) -> None:
    """"Pakistan's spy agency", "Pakistan's main intelligence agency": a country's intelligence service named
    in common words (actor_words service_words and body_nouns, and modifiers) is the one intelligence body of
    that country the dossier names ("Inter-Services Intelligence"); with none or several, the descriptions of
    one country's service are one actor among themselves."""
    w = actor_words_table()
    services = {x.lower() for x in w.service_words}
    generic_words = services | {x.lower() for x in (*w.body_nouns, *w.grade_words, *w.service_modifiers)}
    names = {x.lower() for x in w.service_name_words}
    by_owner: dict[str, list[str]] = defaultdict(list)
    for key, c in clusters.items():
        owners = _owners(c)
        bag = _content_bag(key)[1]
        if not c.country and len(owners) == 1 and bag & services and bag <= generic_words and not _mostly(c, "person"):
            by_owner[next(iter(owners))].append(key)
    for owner, keys in sorted(by_owner.items()):
        targets = [k for k, o in clusters.items() if k not in keys and not o.country and _owners(o) == {owner}
                   and _kind_of(o) == "organization"
                   and any(_content_bag(norm(f))[1] & names for f in o.forms())]
        into = targets[0] if len(targets) == 1 else keys[0]
        for key in keys:
            if key != into and key in clusters:
                clusters[into].mentions.extend(clusters[key].mentions)
                del clusters[key]


CLUSTER_PASSES = [
    ("partial names", _partial_names),
    ("bodies called by the head of their name", _heads_of_long_names),
    ("middle names", _middle_names),
    ("one name in two romanizations", _transliterations),
    ("generic tails", _generic_tails),
    ("singular and plural", _plural_names),
    ("members of a named body", _members_of_a_named_body),
    ("initialled surnames", _initialled_surnames),
    ("full names taken for bodies", _surnamed_bodies),
    ("missions with and without their seat", _missions_by_seat),
    ("coalitions led by the same", _led_by_the_same),
    ("words in another order", _word_order),
    ("ministries named by their portfolio alone", _bare_ministries),
    ("acronyms", _acronyms),
    # (an army's names joined before an acronym is matched to them: "the Congolese Army (FARDC)" defines the
    # acronym of the body also named "the Armed Forces of the Democratic Republic of the Congo")
    ("a country's army and its armed force's name", _national_armed_forces),
    ("acronyms the articles define", _defined_acronyms),
    ("bodies data/bodies.yml knows", _known_bodies),
    ("units of bodies", _units_to_bodies),
    ("intelligence services described", _services_described),
]
