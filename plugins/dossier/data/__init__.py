"""Language knowledge as data: tables read once, with where each list comes from in its header."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load_table(name: str) -> dict:
    """A YAML table shipped in this folder."""
    return yaml.safe_load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """A one-item-per-line list shipped in this folder; # starts a comment."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(line.split("#", 1)[0].strip() for line in text.splitlines()
                 if line.split("#", 1)[0].strip())
