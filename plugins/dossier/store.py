"""Records on disk: the frozen dataclasses of model.py as JSON and back, for caches that outlive the
process. JSON, not pickle: a cache folder can be copied between machines, and reading it must never run
code. The round trip is exact (tuples stay tuples, dates stay dates), so a record read back compares and
digests equal to the one written.
"""
from __future__ import annotations

import dataclasses
import json
from datetime import date

from . import model

_TYPES = {name: cls for name, cls in vars(model).items() if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def dumps(value) -> str:
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str):
    return _decode(json.loads(text))


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
