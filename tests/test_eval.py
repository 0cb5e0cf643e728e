"""`make eval` as a test: every corpus built with no curation and scored against its gold, each figure at
or above its floor in tests/eval_minimums.yml (no timing is measured or asserted)."""
from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

import score_corpus

FLOORS = yaml.safe_load((Path(__file__).parent / "eval_minimums.yml").read_text(encoding="utf-8"))
CASES = [(corpus, part, figure, floor) for corpus, parts in FLOORS.items()
         for part, figures in parts.items() for figure, floor in figures.items()]


@lru_cache(maxsize=None)
def figures(corpus: str) -> dict:
    """The reference scorer's figures for one corpus (built once per session)."""
    found = score_corpus.corpora()
    if corpus not in found:
        pytest.fail(f"eval_minimums.yml names {corpus!r}, which has no seeds and gold")
    if not (score_corpus.SHARED / "eval" / "score.py").is_file():
        pytest.skip("the reference scorer (../shared/eval/score.py) is not beside this checkout")
    folder, gold_path = found[corpus]
    score = score_corpus.scorer()
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        export = score_corpus.build_uncurated(folder, Path(tmp))
    return {"actors": score.actor_scores(export, gold), "events": score.event_scores(export, gold),
            "statements": score.statement_scores(export, gold, score.source_ids(export)),
            "claims": score.claim_scores(export, gold), "matrix": score.matrix_scores(export, gold)}


def test_the_floors_name_every_scored_corpus_but_the_held_out_one():
    scored = {name for name, (folder, _) in score_corpus.corpora().items() if not (folder / "HELD_OUT").exists()}
    assert set(FLOORS) == scored


@pytest.mark.parametrize("corpus, part, figure, floor", CASES, ids=[f"{c}-{p}-{f}" for c, p, f, _ in CASES])
def test_figure_is_at_least_its_floor(corpus, part, figure, floor):
    got = figures(corpus)[part][figure]
    assert got >= floor, f"{corpus} {part} {figure} = {got:.3f}, below its floor {floor} (tests/eval_minimums.yml)"
