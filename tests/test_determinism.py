"""The same articles make the same dossier: two builds in processes with different string hashing (set
and dict orders built from strings differ between them) write the same dossier.json."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BUILD = """
import json, tempfile
from pathlib import Path
from score_corpus import build_uncurated, corpora
folder, _ = corpora()["kakhovka"]
with tempfile.TemporaryDirectory() as tmp:
    export = build_uncurated(folder, Path(tmp))
export.pop("generated", None)
print(json.dumps(export, sort_keys=True))
"""


def _export(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT / "tests")])}
    done = subprocess.run([sys.executable, "-c", BUILD], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def test_two_processes_write_the_same_dossier():
    first, second = _export("1"), _export("2")
    assert first["events"] and first["claims"]
    for part in first:
        assert first[part] == second[part], part
