"""The language tables in plugins/dossier/data read as written: YAML 1.1 reads a bare on, no, yes or off
as a boolean, so a word list holding one silently loses that word; and each is read into its typed record,
whose fields are the file's keys."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
import yaml
import spacy
from spacy.tokens import Doc

from dossier.data import TABLES, TableError, Speech, speech_table
from dossier.data.tables import raw_table, read_table
from dossier.extract.actors.vocab import words
from dossier.extract.statements.cues import _is_speech
from dossier.extract.statements.tables import speech_words
from dossier.world import demonym_country

DATA = Path(__file__).resolve().parent.parent / "plugins" / "dossier" / "data"


def booleans(value, path: str):
    if isinstance(value, bool):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, bool):
                yield f"{path} (key)"
            yield from booleans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from booleans(item, f"{path}[{n}]")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yml")))
def test_no_word_of_a_table_is_read_as_a_boolean(name):
    assert list(booleans(raw_table(name), name)) == []


def test_called_on_is_speech_and_norwegian_names_norway():
    # both were lost to YAML: needs_complement.call held true for "on", irregular.Norwegian false for NO
    doc = Doc(spacy.blank("en").vocab, words=["She", "called", "on", "Oslo"], heads=[1, 1, 1, 2],
              deps=["nsubj", "ROOT", "prt", "pobj"])
    assert _is_speech(doc[1], "call", speech_words())
    assert demonym_country("Norwegian").name == "Norway"


def test_every_table_file_has_a_record_and_loads():
    assert sorted(TABLES) == sorted(p.name for p in DATA.glob("*.yml"))
    for name, read in TABLES.items():
        table = read()
        assert sorted(raw_table(name)) == sorted(f.name for f in fields(table)), name
    assert "say" in speech_table().verbs and isinstance(speech_table().verbs, tuple)


def _read_text(monkeypatch, text: str):
    monkeypatch.setattr("dossier.data.tables.raw_table", lambda name: yaml.safe_load(text))
    return read_table("speech.yml", Speech)


def _speech_yaml(**changes) -> str:
    table = {**raw_table("speech.yml"), **changes}
    return yaml.safe_dump({k: v for k, v in table.items() if v is not None})


def test_an_unknown_key_is_named(monkeypatch):
    with pytest.raises(TableError, match=r"data/speech\.yml: unknown key 'verbz' \(did you mean 'verbs'\?\)"):
        _read_text(monkeypatch, _speech_yaml(verbz=["say"]))


def test_a_missing_key_is_named(monkeypatch):
    with pytest.raises(TableError, match=r"data/speech\.yml: key 'belief_words' is missing"):
        _read_text(monkeypatch, _speech_yaml(belief_words=None))


def test_a_word_read_as_a_boolean_is_named(monkeypatch):
    with pytest.raises(TableError, match=r"data/speech\.yml: topic_preps\[1\]: True is not str \(quote the word"):
        _read_text(monkeypatch, _speech_yaml(topic_preps=["about", True]))


def test_the_actor_stage_reads_its_words_by_field():
    # words() is typed: a misspelled list fails where it is read, not as a KeyError deep in a rule
    w = words()
    assert "minister" in w.titles and isinstance(w.titles, frozenset)
    assert all(x == x.lower() for f in fields(w) if isinstance(getattr(w, f.name), frozenset)
               for x in getattr(w, f.name))
    with pytest.raises(AttributeError):
        w.tittles
