"""The language tables in plugins/dossier/data read as written: YAML 1.1 reads a bare on, no, yes or off
as a boolean, so a word list holding one silently loses that word."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from dossier.data import load_table
from dossier.extract.statements.cues import _is_speech
from dossier.extract.statements.tables import _table
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
    assert list(booleans(load_table(name), name)) == []


def test_called_on_is_speech_and_norwegian_names_norway():
    # both were lost to YAML: needs_complement.call held true for "on", irregular.Norwegian false for NO
    doc = Doc(spacy.blank("en").vocab, words=["She", "called", "on", "Oslo"], heads=[1, 1, 1, 2],
              deps=["nsubj", "ROOT", "prt", "pobj"])
    assert _is_speech(doc[1], "call", _table())
    assert demonym_country("Norwegian").name == "Norway"
