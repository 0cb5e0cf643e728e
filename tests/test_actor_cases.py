"""Which names are actors, on short articles: cases as data in tests/cases/actors/*.yml."""
from __future__ import annotations

import pytest

from casefiles import case_params
from test_actors import _actors


@pytest.mark.parametrize("case", case_params("actors"))
def test_actor_case(nlp, case):
    headline, *lines = case["text"].strip().splitlines()
    actors, _, _, _ = _actors(nlp, headline, *lines)
    assert set(case["actors"]) <= set(actors), sorted(actors)
    assert not set(case["not_actors"]) & set(actors), sorted(actors)
