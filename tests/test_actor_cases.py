"""Which names are actors, on short articles: cases as data in tests/cases/actors/*.yml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from test_actors import _actors

CASES = sorted((Path(__file__).parent / "cases" / "actors").glob("*.yml"))


def _cases():
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_actor_case(nlp, case):
    headline, *lines = case["text"].strip().splitlines()
    actors, _, _, _ = _actors(nlp, headline, *lines)
    assert set(case["actors"]) <= set(actors), sorted(actors)
    assert not set(case["not_actors"]) & set(actors), sorted(actors)
