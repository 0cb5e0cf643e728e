"""Which names are actors, on short articles: cases as data in tests/cases/actors/*.yml."""
from __future__ import annotations

import pytest

from casefiles import case_params
from test_actors import _actors


@pytest.mark.parametrize("case", case_params("actors", but="clusters.yml"))
def test_actor_case(nlp, case):
    headline, *lines = case["text"].strip().splitlines()
    actors, _, _, _ = _actors(nlp, headline, *lines)
    assert set(case["actors"]) <= set(actors), sorted(actors)
    assert not set(case["not_actors"]) & set(actors), sorted(actors)
    for name, kind in (case.get("kinds") or {}).items():
        assert actors[name].kind == kind, (name, actors[name].kind)


@pytest.mark.parametrize("case", case_params("actors", "clusters.yml"))
def test_cluster_case(case):
    from dossier.model import Mention, Ref, Sentence, Source
    from dossier.resolve.actors import _cluster

    rows = [(row + ["body"])[:5] for row in case["mentions"]]  # a fifth field: the line's kind (headline, caption)
    mentions = [Mention(Ref(source, f"s{n}", 0, len(text)), text, label, kind, acts=True)
                for n, (text, label, kind, source, _line) in enumerate(rows, start=1)]
    lines: dict[str, list[Sentence]] = {}
    for n, (text, _label, _kind, source, line) in enumerate(rows, start=1):
        lines.setdefault(source, []).append(Sentence(f"s{n}", text, n, line))
    sources = [Source(sid, f"{sid}.txt", sid, tuple(sentences)) for sid, sentences in lines.items()]
    found = sorted(sorted(m.text for m in c.mentions) for c in _cluster(mentions, sources))
    assert found == sorted(sorted(group) for group in case["clusters"])
