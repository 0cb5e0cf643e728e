"""Claims and responses on short articles: cases as data in tests/cases/claims/*.yml."""
from __future__ import annotations

import pytest

from dossier.extract.actors import find_mentions
from dossier.extract.claims import find_claims
from dossier.extract.statements import find_statements

from casefiles import case_params
from test_statements import parse_text


@pytest.mark.parametrize("case", case_params("claims"))
def test_claim_case(nlp, case):
    # several articles are written one after another, a line "===" between them
    parsed = [parse_text(nlp, text, f"a{n}") for n, text in enumerate(case["text"].split("\n===\n"))]
    mentions = list(find_mentions(parsed))
    statements = list(find_statements(parsed, mentions))
    claims, responses, unplaced = find_claims(statements, parsed, mentions)

    def who(index: int, actor: str | None) -> str:
        return actor or statements[index].speaker_text

    rows = []
    for claim in claims:
        cells = sorted(f"{who(r.statement_index, r.actor_text)}: {r.stance}"
                       for r in responses if r.claim_key == claim.key)
        if cells:
            rows.append((set(claim.claimant_texts), cells))
    assert len(rows) == len(case["rows"]), rows
    for expected in case["rows"]:
        matching = [cells for makers, cells in rows if set(expected["makers"]) <= makers
                    and not set(expected.get("not_makers", ())) & makers]
        assert sorted(set(expected["cells"])) in [sorted(set(c)) for c in matching], (expected, rows)
    assert sorted(f"{statements[u.statement_index].speaker_text}: {u.stance}" for u in unplaced) == \
        sorted(case["unplaced"])
    if "unanswered" in case:  # the allegations listed below the matrix: claims no answer is a cell of
        answered = {r.claim_key for r in responses}
        assert sorted(c.text for c in claims if c.key not in answered) == sorted(case["unanswered"])
