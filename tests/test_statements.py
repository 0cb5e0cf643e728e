"""Statements on short snippets: cases as data in tests/cases/statements/*.yml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier.clean import clean
from dossier.extract.actors import find_mentions
from dossier.extract.statements import find_statements, quote_spans
from dossier.model import Article
from dossier.parse import Parsed

CASES = sorted((Path(__file__).parent / "cases" / "statements").glob("*.yml"))


def parse_text(nlp, text: str, ident: str = "a") -> Parsed:
    headline, _, body = text.strip().partition("\n")
    source = clean(Article(id=ident, file=f"seeds/{ident}.txt", headline=headline, body=body))
    return Parsed(source, tuple(nlp(s.text) for s in source.sentences))


def statements(nlp, text: str):
    parsed = [parse_text(nlp, text)]
    return list(find_statements(parsed, list(find_mentions(parsed))))


def _cases():
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(nlp, case):
    found = statements(nlp, case["text"])
    for exp in case["expect"]:
        hits = [s for s in found if s.text.startswith(exp["text"])]
        assert hits, f"no statement starting {exp['text']!r} in {[s.text for s in found]}"
        st = hits[0]
        assert st.speaker_text == exp["speaker"], (st.text, st.speaker_text)
        assert st.direct == exp["direct"], st.text
        if "co_speakers" in exp:
            assert list(st.co_speakers) == exp["co_speakers"]
    for bad in case.get("not", []):
        assert not any(s.text.startswith(bad) for s in found), bad


def test_quote_spans_ignore_apostrophes():
    text = "India’s envoy said the ‘collective West’ and its “satellite states” lied."
    assert [text[a:b] for a, b in quote_spans(text)] == ["collective West", "satellite states"]


def test_unclosed_quote_runs_to_end():
    text = "“We will not be silenced. And we will go on"
    assert [text[a:b] for a, b in quote_spans(text)] == ["We will not be silenced. And we will go on"]
