"""Claims and responses: which statements assert a proposition, and which answer one, with a stance.

A statement whose cue accuses or alleges is a claim; one whose cue or words deny, reject, dismiss or
decline to comment is a response. A response is linked to the claim whose words it shares most.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..data import load_table
from ..model import ClaimRecord, ResponseRecord, StatementRecord

WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]+")


def _stances() -> dict:
    return load_table("stances.yml")


def find_claims(statements: Sequence[StatementRecord]) -> tuple[list[ClaimRecord], list[ResponseRecord]]:
    table = _stances()
    claims: list[ClaimRecord] = []
    responses_pending: list[tuple[int, str]] = []
    for i, st in enumerate(statements):
        stance = _stance(st, table)
        if stance:
            responses_pending.append((i, stance))
        elif _is_claim(st, table):
            claims.append(ClaimRecord(f"c{i}", st.text, (i,), (st.speaker_text,) if st.speaker_text else ()))
    claims = _merge_similar(claims, statements)
    responses = []
    for i, stance in responses_pending:
        best = _best_claim(statements[i], claims, statements)
        if best is not None:
            responses.append(ResponseRecord(i, stance, best.key, statements[i].text))
    return claims, responses


def _stance(st: StatementRecord, table: dict) -> str | None:
    text = (st.cue + " " + st.text).lower()
    for stance, cues in table["cues"].items():
        if any(re.search(rf"\b{re.escape(c)}\b", text) for c in cues):
            return stance
    return None


def _is_claim(st: StatementRecord, table: dict) -> bool:
    cue = st.cue.split()[0].lower()
    return cue in table["claim_cues"] or any(w in st.text.lower() for w in table["claim_words"])


def content_words(text: str) -> set[str]:
    stop = set(load_table("stances.yml")["stopwords"])
    return {w.lower().rstrip("s") for w in WORD_RE.findall(text) if w.lower() not in stop and len(w) > 2}


def _merge_similar(claims: list[ClaimRecord], statements) -> list[ClaimRecord]:
    merged: list[ClaimRecord] = []
    for claim in claims:
        words = content_words(claim.text)
        for j, other in enumerate(merged):
            if _overlap(words, content_words(other.text)) >= 0.4:
                merged[j] = ClaimRecord(other.key, other.text, other.statement_indexes + claim.statement_indexes,
                                        tuple(dict.fromkeys(other.claimant_texts + claim.claimant_texts)))
                break
        else:
            merged.append(claim)
    return merged


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _best_claim(st: StatementRecord, claims: list[ClaimRecord], statements) -> ClaimRecord | None:
    words = content_words(st.text)
    scored = [(_overlap(words, content_words(" ".join(statements[i].text for i in c.statement_indexes))), c)
              for c in claims]
    scored = [s for s in scored if s[0] > 0.1]
    return max(scored, key=lambda s: s[0])[1] if scored else (claims[0] if len(claims) == 1 else None)
