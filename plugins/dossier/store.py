"""Records on disk: the frozen dataclasses of model.py as JSON and back, for caches that outlive the
process. JSON, not pickle: a cache folder can be copied between machines, and reading it must never run
code. The round trip is exact (tuples stay tuples, dates stay dates), so a record read back compares and
digests equal to the one written.
"""
from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

from . import model

_TYPES = {name: cls for name, cls in vars(model).items() if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def dumps(value) -> str:
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str):
    return _decode(json.loads(text))


def read(path: Path, kind: type, problems: list[model.Problem], what: tuple[str, str] = ("extraction", "extracted")):
    """The record of type `kind` stored at path, or None when there is none. An entry that cannot be read
    back as one (damaged, or written by other code) is deleted with a warning naming the file, so that
    the caller makes the record again. `what`: the cache's name and what making the record again is, for
    the warning ("extraction", "extracted")."""
    if not path.is_file():
        return None
    try:
        found = loads(path.read_text(encoding="utf-8"))
    except Exception:  # any unreadable entry is rebuilt, whatever broke it
        found = None
    if isinstance(found, kind):
        return found
    problems.append(model.Problem(path.as_posix(), None, f"the {what[0]} cache entry is unreadable; {what[1]} again"))
    path.unlink(missing_ok=True)
    return None


def write(path: Path, record, problems: list[model.Problem], what: str = "extraction") -> None:
    """The record at path, atomically: a build killed mid-write leaves no half entry, and two processes
    writing one entry do not mix their bytes."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(dumps(record), encoding="utf-8")
        tmp.replace(path)
    except OSError as err:
        problems.append(model.Problem(path.as_posix(), None, f"could not write the {what} cache ({err})"))


def _encode(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise TypeError(f"{name} is not a record of model.py")
        return {"@": name, **{f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple):
        return {"@tuple": [_encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"@set": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"@dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, date):
        return {"@date": value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "@tuple" in value:
        return tuple(_decode(v) for v in value["@tuple"])
    if "@set" in value:
        return frozenset(_decode(v) for v in value["@set"])
    if "@dict" in value:
        return {_decode(k): _decode(v) for k, v in value["@dict"]}
    if "@date" in value:
        return date.fromisoformat(value["@date"])
    cls = _TYPES[value["@"]]  # KeyError on anything else: the caller treats the entry as corrupt
    return cls(**{k: _decode(v) for k, v in value.items() if k != "@"})
