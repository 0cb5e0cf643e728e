"""Language knowledge as data: tables read once, with where each list comes from in its header. The YAML
tables are read as typed records (tables.py): `speech_table().verbs`."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .tables import (TABLES, ActorWords, Bodies, Body, Boilerplate, DateWords, Demonyms, Events, Pronouns,
                     PublicationDay, Regions, Seats, Speech, Stances, TableError, Who, actor_words_table,
                     bodies_table, boilerplate_table, date_words_table, demonyms_table, events_table,
                     regions_table, seats_table, speech_table, stances_table, who_table)

__all__ = ["TABLES", "ActorWords", "Bodies", "Body", "Boilerplate", "DateWords", "Demonyms", "Events", "Pronouns",
           "PublicationDay", "Regions", "Seats", "Speech", "Stances", "TableError", "Who", "actor_words_table",
           "bodies_table", "boilerplate_table", "date_words_table", "demonyms_table", "events_table",
           "load_lines", "regions_table", "seats_table", "speech_table", "stances_table", "who_table"]


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """A one-item-per-line list shipped in this folder; # starts a comment."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(line.split("#", 1)[0].strip() for line in text.splitlines()
                 if line.split("#", 1)[0].strip())
