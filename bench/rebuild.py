"""How fast is the editors' live preview? `make bench` (not part of the test suite: timings vary by machine).

Builds a corpus of a few hundred articles (paragraphs of the example seeds and of the Nijjar development
corpus, recombined and perturbed so every article is different), then times, in one process with one
mkdocs config (so one plugin instance, as `mkdocs serve` keeps it):

  cold            empty parse cache, spaCy loaded on first use
  warm            nothing changed (a serve rebuild after saving a page that changed nothing)
  one article     one seed edited: only it goes through spaCy again
  curation        dossier/actors.yml edited: nothing goes through spaCy
  from disk       a new Parser on the same cache folder (as a new `mkdocs build` process finds it)

Prints the figures with the plugin's own stage timings and writes them to bench/results.md.
Usage: python bench/rebuild.py [--articles 300] [--keep DIR]
"""
from __future__ import annotations

import argparse
import logging
import platform
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- rebuild:start -->", "<!-- rebuild:end -->"
SEED_DIRS = [ROOT / "seeds", ROOT / "tests" / "corpora" / "nijjar" / "seeds"]
CONFIG = """\
site_name: Benchmark dossier
theme: {name: material, font: false}
plugins:
  - search
  - dossier:
      cache_dir: .cache/dossier
validation:
  links: {not_found: warn, anchors: warn}
"""
OUTLETS = ["Example Wire", "Daily Example", "Example Times", "The Example Post", "Example Radio"]
LINKS = ["Officials said on Tuesday that talks would continue.",
         "A spokesman declined to comment on the report.",
         "The ministry said the claims were baseless.",
         "Analysts said the dispute could last for months."]


def paragraphs() -> list[list[str]]:
    """Each seed's body paragraphs (headline dropped), from the example and the Nijjar corpus."""
    out = []
    for folder in SEED_DIRS:
        for path in sorted(folder.glob("*.txt")):
            blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if b.strip()]
            body = [b for b in blocks[1:] if len(b.split()) >= 12]
            if body:
                out.append((blocks[0].splitlines()[0], body))
    return out


def make_corpus(root: Path, n: int) -> None:
    rng = random.Random(20231116)
    pool = paragraphs()
    (root / "seeds").mkdir(parents=True)
    (root / "dossier").mkdir()
    (root / "docs").mkdir()
    sources = []
    for i in range(n):
        headline, body = rng.choice(pool)
        _, other = rng.choice(pool)
        picked = rng.sample(body, min(len(body), rng.randint(3, 6))) + rng.sample(other, min(len(other), 2))
        picked.insert(rng.randrange(len(picked) + 1), f"{rng.choice(LINKS)} The agency counted {i + 3} such reports.")
        name = f"{i:04d}_bench"
        (root / "seeds" / f"{name}.txt").write_text(f"{headline} ({i})\n\n" + "\n\n".join(picked) + "\n",
                                                    encoding="utf-8")
        sources.append(f"{name}:\n  outlet: {rng.choice(OUTLETS)}\n  published: 2023-{9 + i % 3:02d}-{1 + i % 28:02d}\n")
    (root / "dossier" / "sources.yml").write_text("".join(sources), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Benchmark\n\nSee [[Justin Trudeau]].\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    root = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    if root.exists() and any(root.iterdir()):
        shutil.rmtree(root)
    make_corpus(root, args.articles)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in (root / "seeds").glob("*.txt"))
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    plugin = config.plugins["dossier"]
    rows = []

    def timed(label: str) -> None:
        started = time.perf_counter()
        build(config)
        total = time.perf_counter() - started
        stats = plugin.parser.stats
        stages = dict(plugin.built.timings)
        extracted = plugin.built.extraction.extracted
        rows.append((label, total, stats.parsed, stats.from_disk, stats.from_memory, extracted, stages))
        print(f"{label:<14} {total:6.2f}s  parsed {stats.parsed:>3}, from disk {stats.from_disk:>3}, "
              f"from memory {stats.from_memory:>3}, extracted {extracted:>3}  ("
              + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items()) + ")", flush=True)

    print(f"{args.articles} articles, {words} words, in {root}")
    timed("cold")
    timed("warm")
    seed = root / "seeds" / "0007_bench.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("(7)", "(7, updated)") +
                    "\nThe spokesman said on Wednesday that the talks had ended.\n", encoding="utf-8")
    timed("one article")
    (root / "dossier" / "actors.yml").write_text("- name: Justin Trudeau\n  kind: person\n  aliases: [Trudeau]\n",
                                                 encoding="utf-8")
    timed("curation")
    plugin.parser = None  # on_config makes a new Parser: memory empty, the cache folder full
    timed("from disk")
    write_results(rows, args.articles, words)
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


def write_results(rows, articles: int, words: int) -> None:
    cold = rows[0][1]
    stage_names = list(rows[0][-1])
    lines = [
        START,
        "# Rebuild benchmark",
        "",
        f"`make bench` (bench/rebuild.py): {articles} articles ({words} words) recombined from the example and the "
        "Nijjar seeds, built in one process with one mkdocs config, as `mkdocs serve` rebuilds. "
        f"Python {platform.python_version()}, {platform.machine()}, {time.strftime('%Y-%m-%d')}.",
        "",
        "| build | total | vs cold | parsed | from disk | from memory | extracted | " + " | ".join(stage_names) + " |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in stage_names) + " |",
    ]
    for label, total, parsed, disk, memory, extracted, stages in rows:
        lines.append(f"| {label} | {total:.2f}s | {total / cold:.0%} | {parsed} | {disk} | {memory} | {extracted} | "
                     + " | ".join(f"{stages.get(k, 0):.2f}s" for k in stage_names) + " |")
    lines += ["", "Total is the whole `mkdocs build` (Markdown to HTML, the theme, search index included); "
                  "the stage columns are the plugin's own timings from the build log; extracted counts the "
                  "articles extraction read afresh (0 when the whole extraction was reused).", END]
    out = ROOT / "bench" / "results.md"
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    block = "\n".join(lines)
    if START in text and END in text:  # the rest of the file (the scaling table, readings) is kept
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = block + "\n\n" + text
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
