"""The matrix as the reference scorer judges it, row by row: `python tests/matrix_report.py nijjar`.

For each row (a claim with answers): the gold claim it is about (or STRAY), and each answer with its
actor, stance and verdict (ok: the gold lists that actor answering that claim; WRONG otherwise), then the
gold answers no row about their claim holds. Development corpora only: a corpus with a HELD_OUT file is
refused, so that its errors are never read.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

from score_corpus import build_uncurated, corpora, scorer


def keyword_hits(score, claim: dict, golds: list, statements: dict) -> str:
    """Which gold claims' keywords the row's text and wordings hold: what files the row under one."""
    text = score.norm(claim.get("text", "") + " " + " ".join(statements.get(s, "") for s in claim.get("statements") or []))
    hits = {g["id"]: [k for k in g.get("keywords") or [] if score.norm(k) in text] for g in golds}
    ranked = sorted(((len(v), k, v) for k, v in hits.items() if v), reverse=True)[:3]
    return "; ".join(f"{k} {n} ({', '.join(v)})" for n, k, v in ranked) or "none"


def report(name: str) -> None:
    folder, gold_path = corpora()[name]
    if (folder / "HELD_OUT").exists():
        raise SystemExit(f"{name} is held out: score it with score_corpus.py, never read its errors")
    score = scorer()
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        export = build_uncurated(folder, Path(tmp))
    pmap = score.match_actors(export, gold)
    statements = {s["id"]: s.get("text", "") for s in export.get("statements", [])}
    names = {a["id"]: a["name"] for a in export.get("actors", [])}
    golds = gold.get("claims") or []
    print(f"== {name}")
    for c in export.get("claims", []):
        if not c.get("responses"):
            continue
        g = score._row_claim(c, golds, pmap, statements)
        responders = {r["actor"] for r in (g or {}).get("responses") or []}
        print(f"\n[{g['id'] if g else 'STRAY'}] {c['id']}: {c.get('text', '')[:110]}")
        print(f"   claimants: {', '.join(names.get(a, a) for a in c.get('claimants') or [])}")
        print(f"   keywords: {keyword_hits(score, c, golds, statements)}")
        for r in c["responses"]:
            ok = bool(responders & pmap.get(r.get("actor"), set()))
            quote = statements.get(r.get("statement"), "")[:90]
            print(f"   {'ok   ' if ok else 'WRONG'} {names.get(r.get('actor'), r.get('actor'))} "
                  f"{r.get('stance')}: {quote}")
    print("\nmissed:", "; ".join(score.matrix_scores(export, gold)["missed"]) or "none")


if __name__ == "__main__":
    for corpus in sys.argv[1:] or ["seeds"]:
        report(corpus)
