"""The curation files in dossier/: their schemas, and the records they become.

Validation collects every problem (file, line, key) instead of stopping at the first, so an editor fixes
a file in one pass. Nothing here imports MkDocs; the plugin turns problems into errors and warnings.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import yamlfile
from .model import ACTOR_KINDS, PRECISIONS, STANCES, DateSpan, name_key, parse_iso, slugify  # noqa: F401 (slugify re-exported)
from .yamlfile import Map, Problem, Seq

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class SourceMeta:
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None
    title: str | None = None
    label: str | None = None
    line: int = 0


@dataclass(frozen=True)
class CuratedActor:
    id: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliations: tuple[str, ...] = ()
    hidden: bool = False
    line: int = 0
    at: tuple[tuple[str, str, int], ...] = ()  # (key, value, line) of each value written: see line_of


@dataclass(frozen=True)
class CuratedReport:
    source: str
    sentence: str
    date_text: str = ""
    line: int = 0


@dataclass(frozen=True)
class CuratedEvent:
    id: str
    title: str | None = None
    kind: str | None = None
    date: DateSpan | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    reports: tuple[CuratedReport, ...] = ()
    merge: tuple[str, ...] = ()  # machine event ids folded into this one
    hidden: bool = False
    line: int = 0
    at: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class CuratedResponse:
    actor: str
    stance: str
    source: str | None = None
    sentence: str | None = None
    statement: str | None = None
    quote: str | None = None
    line: int = 0


@dataclass(frozen=True)
class CuratedClaim:
    id: str
    text: str | None = None
    claimants: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    responses: tuple[CuratedResponse, ...] = ()
    merge: tuple[str, ...] = ()  # machine claim ids folded into this one
    counter_to: str | None = None
    hidden: bool = False
    line: int = 0
    at: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class Curation:
    sources: dict[str, SourceMeta] = field(default_factory=dict)
    actors: tuple[CuratedActor, ...] = ()
    events: tuple[CuratedEvent, ...] = ()
    claims: tuple[CuratedClaim, ...] = ()
    problems: tuple[Problem, ...] = ()  # errors: the build stops on them
    files: dict[str, str] = field(default_factory=dict)  # curation kind -> label of its file


def line_of(entry, key: str, value: str) -> int:
    """The line that writes `value` under `key` of a curated entry (one item of a list, for lists), so a
    warning about one reference points at it; the entry's first line when it is not found."""
    return next((line for k, v, line in entry.at if k == key and v == value), entry.line)


# ---------------------------------------------------------------- small value checkers


class Invalid(ValueError):
    pass



def text_value(value: object) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (Map, Seq, list, dict)):
        raise Invalid("must be text")
    text = str(value).strip()
    if not text:
        raise Invalid("must not be empty")
    return text


def slug_value(value: object) -> str:
    text = text_value(value)
    if not SLUG_RE.match(text):
        raise Invalid(f"must be a lowercase slug such as {slugify(text)!r}")
    return text


def text_list(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (text_value(value),)
    if not isinstance(value, list):
        raise Invalid("must be a list of texts")
    return tuple(text_value(v) for v in value)


URL_RE = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)


def url_value(value: object) -> str:
    """An http(s) URL: anything else (javascript:, data:, a relative path) would never be linked."""
    text = text_value(value)
    if not URL_RE.match(text) or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise Invalid(f"is {text[:60]!r}; expected an http:// or https:// address")
    return text


def bool_value(value: object) -> bool:
    if not isinstance(value, bool):
        raise Invalid("must be true or false")
    return value


def choice(options: tuple[str, ...]) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = text_value(value)
        if text not in options:
            raise Invalid(f"is {text!r}; expected one of {', '.join(options)}")
        return text

    return check


def date_value(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(text_value(value))
    except ValueError:
        raise Invalid(f"is {str(value)!r}; expected a date such as 2023-11-11") from None


def parse_date_text(text: str) -> DateSpan:
    """A curated date: 2023, 2023-07, 2023-10-18, or a range 2023-10-18/2023-10-19 (model.parse_iso)."""
    try:
        return parse_iso(text.strip())
    except ValueError as err:
        reason = str(err).split(": ", 1)[-1] if "range" in str(err) or "precision" in str(err) else \
            "expected 2023, 2023-07, 2023-10-18 or 2023-10-18/2023-10-19"
        raise Invalid(f"is {text.strip()!r}; {reason}") from None


def date_span_value(value: object) -> DateSpan:
    if isinstance(value, dt.date):
        return DateSpan(value if not isinstance(value, dt.datetime) else value.date(), None, "day")
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, dict):
        unknown = set(value) - {"start", "end", "precision"}
        if unknown:
            raise Invalid(f"has unknown keys {sorted(unknown)}; expected start, end, precision")
        if "start" not in value:
            raise Invalid("needs a start")
        start = parse_date_text(str(value["start"]))
        precision = choice(PRECISIONS)(value.get("precision", start.precision))
        end = parse_date_text(str(value["end"])).start if value.get("end") else None
        if end and end < start.start:
            raise Invalid("ends before it starts")
        return DateSpan(start.start, end, precision)
    return parse_date_text(text_value(value))


# ---------------------------------------------------------------- schema machinery


@dataclass(frozen=True)
class Key:
    check: Callable[[object], object]
    required: bool = False


class Checker:
    """Validates mappings against a key table, collecting problems with lines."""

    def __init__(self, label: str):
        self.label = label
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.label, line, message))

    def fields(self, item: object, keys: dict[str, Key], what: str, line: int) -> dict | None:
        if not isinstance(item, Map):
            self.problem(getattr(item, "line", line) or line, f"{what} must be a mapping of keys")
            return None
        out = {}
        for key, value in item.items():
            if key not in keys:
                hint = _closest(key, keys)
                self.problem(item.line_of(key), f"unknown key {key!r} in {what}" +
                             (f" (did you mean {hint!r}?)" if hint else f"; expected {', '.join(keys)}"))
                continue
            if value is None and not keys[key].required:
                continue
            try:
                out[key] = keys[key].check(value)
            except Invalid as err:
                self.problem(item.line_of(key), f"{key!r} of {what} {err}")
        for key, spec in keys.items():
            if spec.required and key not in out and key not in item:
                self.problem(item.line, f"{what} needs {key!r}")
        return out


def _closest(key: str, keys: dict) -> str | None:
    import difflib

    found = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
    return found[0] if found else None


# ---------------------------------------------------------------- the four files


SOURCE_KEYS = {
    "outlet": Key(text_value), "url": Key(url_value), "published": Key(date_value),
    "author": Key(text_value), "title": Key(text_value), "label": Key(text_value),
}
ACTOR_KEYS = {
    "id": Key(slug_value), "name": Key(text_value, required=True), "kind": Key(choice(ACTOR_KINDS)),
    "aliases": Key(text_list), "role": Key(text_value), "affiliations": Key(text_list),
    "hidden": Key(bool_value),
}
EVENT_KEYS = {
    "id": Key(slug_value, required=True), "title": Key(text_value), "kind": Key(text_value),
    "date": Key(date_span_value), "place": Key(text_value), "participants": Key(text_list),
    "reports": Key(lambda v: v), "merge": Key(text_list), "hidden": Key(bool_value),
}
REPORT_KEYS = {"source": Key(text_value, required=True), "sentence": Key(text_value, required=True),
               "date_text": Key(text_value)}
CLAIM_KEYS = {
    "id": Key(slug_value, required=True), "text": Key(text_value), "claimants": Key(text_list),
    "statements": Key(text_list), "responses": Key(lambda v: v), "merge": Key(text_list),
    "counter_to": Key(slug_value), "hidden": Key(bool_value),
}
RESPONSE_KEYS = {
    "actor": Key(text_value, required=True), "stance": Key(choice(STANCES), required=True),
    "source": Key(text_value), "sentence": Key(text_value), "statement": Key(text_value),
    "quote": Key(text_value),
}


def load_curation(folder: Path, label_prefix: str) -> Curation:
    """Read dossier/*.yml. Missing files are fine; every problem found is returned, none raised."""
    problems: list[Problem] = []
    files: dict[str, str] = {}

    def read(name: str, expect: type) -> tuple[object, str]:
        label = f"{label_prefix}/{name}.yml"
        path = folder / f"{name}.yml"
        if not path.is_file():
            return None, label
        files[name] = label
        try:
            data = yamlfile.load(path, label)
        except yamlfile.YamlError as err:
            problems.append(err.problem)
            return None, label
        if data is not None and not isinstance(data, expect):
            kind = "a mapping keyed by seed name" if expect is Map else "a list"
            problems.append(Problem(label, getattr(data, "line", 1), f"must be {kind}"))
            return None, label
        return data, label

    sources_data, sources_label = read("sources", Map)
    actors_data, actors_label = read("actors", Seq)
    events_data, events_label = read("events", Seq)
    claims_data, claims_label = read("claims", Seq)
    known = {".yml", ".yaml"}
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix in known and path.stem not in {"sources", "actors", "events", "claims"}:
            problems.append(Problem(f"{label_prefix}/{path.name}", None,
                                    "is not a curation file Dossier reads (sources, actors, events, claims)"))
        elif path.suffix == ".yaml":
            problems.append(Problem(f"{label_prefix}/{path.name}", None, "must be named with .yml"))

    checker = Checker(sources_label)
    sources = _sources(sources_data or Map(), checker)
    problems += checker.problems
    checker = Checker(actors_label)
    actors = _actors(actors_data or [], checker)
    problems += checker.problems
    checker = Checker(events_label)
    events = _events(events_data or [], checker)
    problems += checker.problems
    checker = Checker(claims_label)
    claims = _claims(claims_data or [], checker)
    problems += checker.problems
    return Curation(sources, actors, events, claims, tuple(problems), files)


def _sources(data: Map, checker: Checker) -> dict[str, SourceMeta]:
    out = {}
    for name, item in data.items():
        values = checker.fields(item, SOURCE_KEYS, f"source {name!r}", data.line_of(name))
        if values is not None:
            out[name] = SourceMeta(**values, line=data.line_of(name))
    return out


def _items(data: list, checker: Checker, keys: dict, what: str, named_by: tuple[str, ...] = ()):
    """Each item's checked values and line; problems name the item by its first key in named_by."""
    lines = getattr(data, "item_lines", [0] * len(data))
    for item, line in zip(data, lines):
        name = next((item[k] for k in named_by if isinstance(item, Map) and isinstance(item.get(k), str)), None)
        values = checker.fields(item, keys, f"{what} {name!r}" if name else what, line)
        if values is not None:
            yield values, line, _value_lines(item)


def _value_lines(item: Map) -> tuple[tuple[str, str, int], ...]:
    """(key, value, line) of every plain value of an entry, list items one by one."""
    out = []
    for key, value in item.items():
        if isinstance(value, Seq):
            out += [(key, str(v), n) for v, n in zip(value, value.item_lines) if not isinstance(v, (Map, Seq))]
        elif not isinstance(value, Map):
            out.append((key, str(value), item.line_of(key)))
    return tuple(out)


def _unique(checker: Checker, seen: dict, ident: str, line: int, what: str) -> bool:
    if ident in seen:
        checker.problem(line, f"duplicate {what} id {ident!r} (first at line {seen[ident]})")
        return False
    seen[ident] = line
    return True


def _actors(data: list, checker: Checker) -> tuple[CuratedActor, ...]:
    out, seen = [], {}
    names: dict[str, tuple[str, int]] = {}  # name key -> (actor id, line)
    for values, line, at in _items(data, checker, ACTOR_KEYS, "actor", ("id", "name")):
        if "name" not in values:
            continue
        ident = values.pop("id", None) or slugify(values["name"], "actor")
        if not _unique(checker, seen, ident, line, "actor"):
            continue
        out.append(CuratedActor(id=ident, line=line, at=at, **values))
        for form in dict.fromkeys((values["name"], *values.get("aliases", ()))):
            key = name_key(form)
            if not key:  # only punctuation ("..."): the key is empty, not shared
                continue
            other = names.setdefault(key, (ident, line))
            if other[0] != ident:
                checker.problem(line, f"actor {ident!r}: the name or alias {form!r} already names the actor "
                                      f"{other[0]!r} (line {other[1]}); one name cannot name two actors")
    return tuple(out)



def _nested(checker: Checker, values: dict, key: str, keys: dict, owner: str, noun: str, line: int):
    """The list under `key` of an item (an event's reports, a claim's responses), each item checked."""
    raw = values.pop(key, None) or []
    if not isinstance(raw, list):
        checker.problem(line, f"{key!r} of {owner} must be a list")
        return []
    return [(values, line) for values, line, _ in _items(raw, checker, keys, f"{noun} {owner}")]


def _events(data: list, checker: Checker) -> tuple[CuratedEvent, ...]:
    out, seen = [], {}
    for values, line, at in _items(data, checker, EVENT_KEYS, "event", ("id",)):
        if "id" not in values or not _unique(checker, seen, values["id"], line, "event"):
            continue
        reports = [CuratedReport(line=rline, **report) for report, rline in
                   _nested(checker, values, "reports", REPORT_KEYS, f"event {values['id']!r}", "report of", line)
                   if "source" in report and "sentence" in report]
        out.append(CuratedEvent(reports=tuple(reports), line=line, at=at, **values))
    return tuple(out)


def _claims(data: list, checker: Checker) -> tuple[CuratedClaim, ...]:
    out, seen = [], {}
    for values, line, at in _items(data, checker, CLAIM_KEYS, "claim", ("id",)):
        if "id" not in values or not _unique(checker, seen, values["id"], line, "claim"):
            continue
        responses = [CuratedResponse(line=rline, **response) for response, rline in
                     _nested(checker, values, "responses", RESPONSE_KEYS, f"claim {values['id']!r}", "response in", line)
                     if "actor" in response and "stance" in response]
        out.append(CuratedClaim(responses=tuple(responses), line=line, at=at, **values))
    return tuple(out)
