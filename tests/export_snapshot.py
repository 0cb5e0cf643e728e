"""Exports of every corpus, kept and compared: a guard for behaviour-preserving refactors.

Builds every corpus as `make eval` does (the example seeds and each tests/corpora/<story>/, with no
curation but sources.yml) and writes each dossier.json to a folder; `compare` builds them again and
says which differ from a saved folder.

    python tests/export_snapshot.py save /tmp/base
    python tests/export_snapshot.py compare /tmp/base

A held-out corpus (HELD_OUT file) is only said to differ or not: what differs is never printed.
The builds run with PYTHONHASHSEED=0: some orders in the export still follow set iteration (two
reports of one sentence swap places between hash seeds), and a guard must compare like with like.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import tempfile
from pathlib import Path

from score_corpus import build_uncurated, corpora  # beside this script, which Python puts on the path


def exports() -> dict[str, tuple[Path, str]]:
    """Each corpus's folder and its dossier.json, as sorted, indented text."""
    found = {}
    for name, (folder, _gold) in corpora().items():
        with tempfile.TemporaryDirectory() as tmp:
            export = build_uncurated(folder, Path(tmp))
        found[name] = (folder, json.dumps(export, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return found


def save(target: Path) -> int:
    target.mkdir(parents=True, exist_ok=True)
    for name, (_folder, text) in exports().items():
        (target / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"saved {name}")
    return 0


def compare(base: Path) -> int:
    differing = 0
    for name, (folder, text) in exports().items():
        saved = base / f"{name}.json"
        if not saved.is_file():
            print(f"{name}: no saved export")
            differing += 1
            continue
        old = saved.read_text(encoding="utf-8")
        if old == text:
            print(f"{name}: identical")
            continue
        differing += 1
        if (folder / "HELD_OUT").exists():
            print(f"{name}: DIFFERS (held out: no detail)")
            continue
        diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), "saved", "now", lineterm="", n=2))
        print(f"{name}: DIFFERS ({len(diff)} diff lines)")
        print("\n".join(diff[:60]))
    return 1 if differing else 0


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":  # same set orders in every run: see the docstring
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    return save(args.folder) if args.action == "save" else compare(args.folder)


if __name__ == "__main__":
    raise SystemExit(main())
