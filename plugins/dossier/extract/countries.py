"""Country knowledge from a maintained package: country_converter's table of names and name patterns.

We read its data file directly (country_data.tsv: short name, official name, a regular expression for
the name variants, ISO codes) rather than importing the package, which would pull pandas into every build.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    official: str
    pattern: re.Pattern


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        return ()
    path = Path(list(spec.submodule_search_locations)[0]) / "country_data.tsv"
    out = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("obsolete") or not row.get("ISO3"):
                continue
            out.append(Country(row["ISO3"], row["ISO2"], row["name_short"], row["name_official"],
                               re.compile(row["regex"], re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=4096)
def country_of(name: str) -> Country | None:
    """The country a name denotes (its name, official name, a variant, or an ISO code), else None."""
    text = name.strip()
    if not text or len(text) > 60:
        return None
    letters = re.sub(r"[^A-Za-z]", "", text)
    if text.isupper() and len(letters) <= 3:
        # short acronyms: only exact ISO codes (US, UK...), because the patterns match loosely ("DPR")
        for c in countries():
            if letters in {c.iso2, c.iso3} and letters not in {"IN", "IT", "AT", "BE", "TO", "ME", "NO", "AS"}:
                return c
        return None
    hits = [c for c in countries() if c.pattern.search(text)]
    if len(hits) == 1:
        return hits[0]
    return None
