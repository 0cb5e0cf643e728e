"""The stages in order, without MkDocs: read -> clean -> parse -> extract -> resolve -> export.

Rendering is left to the plugin (nothing else imports render). Each stage is timed for the build log.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import export, store
from .clean import clean
from .config import Curation, load_curation
from .extract import ExtractStats, extract
from .model import ArticleExtraction, Dossier, Extraction, Problem, RenderedPages, Resolved, Source
from .parse import Parsed, Parser, ParseStats
from .read import list_seeds, read_articles
from .resolve import resolve

ENTITY_FOLDERS = ("sources", "actors", "events", "claims")
PROGRESS_EVERY = 50  # articles between progress lines on long runs


class CurationError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


@dataclass
class Result:
    dossier: Dossier
    json: str
    warnings: list[Problem]
    timings: dict[str, float] = field(default_factory=dict)
    key: str = ""  # digest of everything the dossier was built from
    extraction: ExtractStats = field(default_factory=ExtractStats)  # what extraction did (all zero: reused whole)

    def counts(self) -> str:
        d = self.dossier
        return (f"{len(d.sources)} sources, {len(d.actors)} actors, {len(d.events)} events, "
                f"{len(d.statements)} statements, {len(d.claims)} claims")

    def report(self) -> "BuildReport":
        return BuildReport(dict(self.timings), self.extraction, self.counts())


@dataclass(frozen=True)
class BuildReport:
    """What a build did, without the dossier it made: the figures a log line or a benchmark reads after
    the build, which need not keep every record of a large corpus in memory."""

    timings: dict[str, float]
    extraction: ExtractStats
    counts: str


@dataclass
class Memo:
    """The last build's extraction and resolution, each with a digest of its inputs. `mkdocs serve` keeps
    one across rebuilds: editing a note re-extracts nothing, editing curation only re-resolves, editing
    an article re-extracts that article (its record in `articles`) and reruns the dossier-wide passes."""

    extraction: tuple[str, object] | None = None
    resolved: tuple[str, object] | None = None
    articles: dict[str, ArticleExtraction] = field(default_factory=dict)  # per article, by ArticleCache.key

    def get(self, slot: str, key: str):
        held = getattr(self, slot)
        return held[1] if held and held[0] == key else None

    def put(self, slot: str, key: str, value):
        setattr(self, slot, (key, value))
        return value


def digest(*parts: object) -> str:
    """A digest of frozen records by their repr, which lists every field in a fixed order."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def code_version() -> str:
    """A digest of the extraction code and its language tables: a cached extraction made by other code
    is never read back."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        package = Path(__file__).resolve().parent
        h = hashlib.sha256()
        for path in versioned_files(package):
            if path.is_file():
                h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _CODE_VERSION = h.hexdigest()
    return _CODE_VERSION


def versioned_files(package: Path) -> list[Path]:
    """The files whose bytes make the code version. extract/ holds packages (events/, statements/):
    every module below it counts, named by its path (two are called __init__.py)."""
    return sorted([*package.glob("extract/**/*.py"), *package.glob("data/*"), package / "model.py",
                   package / "world.py", package / "clean.py", package / "parse.py"])


_CODE_VERSION: str | None = None


@lru_cache(maxsize=None)
def stage_version(stage: str) -> str:
    """A digest of a later stage's own code (resolve/, render/ with templates/) over the extraction's:
    what it stored is read back only by the code that made it."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(code_version().encode())
    for path in sorted(package.glob(f"{stage}/**/*")) + sorted(package.glob("templates/*")) * (stage == "render"):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class LatestOnDisk:
    """One record of a kind on disk (JSON, store.py) under a digest of its inputs, in its own folder of the
    cache: the latest only, so the disk stays bounded. A new `mkdocs build` process on an unchanged corpus
    reads it instead of making it again; an unreadable entry is made again, with a warning naming its file."""

    def __init__(self, cache_dir: Path | None, name: str, kind: type, remade: str):
        self.folder = cache_dir / name if cache_dir else None
        self.kind, self.what = kind, (name, remade)

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if self.folder else None

    def get(self, key: str, problems: list[Problem]):
        path = self._path(key)
        return store.read(path, self.kind, problems, self.what) if path else None

    def put(self, key: str, record, problems: list[Problem]) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            for old in path.parent.glob("*.json"):
                old.unlink(missing_ok=True)  # one corpus per cache folder: keep the disk bounded
        except OSError:
            pass  # a folder we cannot clean is one we cannot write: store.write says so
        store.write(path, record, problems, self.what[0])


def extraction_store(cache_dir: Path | None) -> LatestOnDisk:
    """The extraction of a corpus, by a digest of the model, the extraction code and the cleaned sources."""
    return LatestOnDisk(cache_dir, "extraction", Extraction, "extracted")


def pages_store(cache_dir: Path | None) -> LatestOnDisk:
    """The generated pages, by a digest of the dossier's inputs, the editors' notes and the render code."""
    return LatestOnDisk(cache_dir, "pages", RenderedPages, "rendered")


def resolved_store(cache_dir: Path | None) -> LatestOnDisk:
    """The resolved dossier, by a digest of the extraction, the title, the curation and the resolve code."""
    return LatestOnDisk(cache_dir, "resolution", Resolved, "resolved")


class ArticleCache:
    """Each article's extraction (model.ArticleExtraction) by the digest of its source record, the model
    and the extraction code, in memory (the memo, across `mkdocs serve` rebuilds) and on disk (JSON
    records, store.py), so that editing one article re-extracts that article alone, in this process or
    the next. An unreadable entry is made again, with a warning naming its file."""

    def __init__(self, cache_dir: Path | None, memo: Memo, model: tuple[str, str], problems: list[Problem]):
        self.folder = cache_dir / "articles" if cache_dir else None
        self.memo, self.model, self.problems = memo, model, problems
        self.found: dict[str, ArticleExtraction] = {}  # this build's records, by key: the memo's next content
        self._keys: dict[str, str] = {}  # source id -> key, so each source is digested once

    def key(self, source: Source) -> str:
        if source.id not in self._keys:
            self._keys[source.id] = digest(*self.model, code_version(), source)
        return self._keys[source.id]

    def _path(self, key: str) -> Path | None:
        return self.folder / key[:2] / f"{key}.json" if self.folder else None

    def get(self, source: Source) -> ArticleExtraction | None:
        key = self.key(source)
        held = self.memo.articles.get(key) or self._from_disk(key)
        if held is not None:
            self.found[key] = held
        return held

    def _from_disk(self, key: str) -> ArticleExtraction | None:
        path = self._path(key)
        return store.read(path, ArticleExtraction, self.problems) if path else None

    def put(self, source: Source, record: ArticleExtraction) -> None:
        key = self.key(source)
        path = self._path(key)
        if path is not None and self.found.get(key) is not record:  # new or redone: the others are on disk
            store.write(path, record, self.problems)
        self.found[key] = record

    def keep_in_memory(self) -> None:
        """This build's records become the memo's: edited articles' old records go, memory stays bounded."""
        self.memo.articles = self.found


def load_checked_curation(dossier_dir: Path, root: Path) -> Curation:
    """dossier/*.yml read and validated; CurationError when any has errors. Cheap (no seeds, no spaCy),
    so the plugin calls it before mkdocs empties the site dir: a broken file leaves the last site as it was."""
    curation = load_curation(dossier_dir, _label(dossier_dir, root))
    if curation.problems:
        raise CurationError(list(curation.problems))
    return curation


def empty_curation() -> Curation:
    """No curation at all: what a preview builds with when the files are broken from the start."""
    return Curation()


def run(title: str, root: Path, seeds_dir: Path, dossier_dir: Path, parser: Parser,
        progress: Callable[[str], None] = lambda _: None, curation: Curation | None = None,
        memo: Memo | None = None) -> Result:
    memo = memo or Memo()
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    if curation is None:
        curation = load_checked_curation(dossier_dir, root)
    seeds, warnings = list_seeds(seeds_dir, root)
    articles, found = read_articles(seeds, curation.sources, curation.files.get("sources", _label(dossier_dir, root) + "/sources.yml"))
    warnings += found
    lap("read")
    sources = [clean(a) for a in articles]
    lap("clean")
    timings["parse"] = 0.0  # stays 0 when the whole extraction is reused: no article's parse is needed
    parser.stats = ParseStats()

    def parse() -> list[Parsed]:
        if len(sources) > PROGRESS_EVERY:
            progress(f"dossier: parsing {len(sources)} articles")
        parsed, found = parser.parse_all(sources, progress)
        warnings.extend(found)
        lap("parse")
        return parsed

    extraction, extraction_key, stats = extract_cached(parser, sources, parse, memo, warnings)
    lap("extract")
    resolve_key = digest(extraction_key, title, curation, stage_version("resolve"))
    resolved = memo.get("resolved", resolve_key) or memo.put(
        "resolved", resolve_key, resolve_cached(resolve_key, title, sources, extraction, curation,
                                                parser.cache_dir, warnings))
    warnings += resolved.problems
    lap("resolve")
    text = export.to_json(resolved.dossier)
    lap("export")
    return Result(resolved.dossier, text, warnings, timings, key=resolve_key, extraction=stats)


def resolve_cached(key: str, title: str, sources: list[Source], extraction: Extraction, curation: Curation,
                   cache_dir: Path | None, problems: list[Problem]) -> Resolved:
    """The resolved dossier from disk when nothing it is made from changed (a new process on an unchanged
    corpus), else resolved and stored."""
    disk = resolved_store(cache_dir)
    resolved = disk.get(key, problems)
    if resolved is None:
        resolved = resolve(title, sources, extraction, curation)
        disk.put(key, resolved, problems)
    return resolved


def extract_cached(parser: Parser, sources: list[Source], parse: Callable[[], list[Parsed]], memo: Memo,
                   problems: list[Problem]) -> tuple[Extraction, str, ExtractStats]:
    """The corpus's extraction, its key and what making it took: the whole of it from memory or disk when
    no article changed (then nothing is parsed, not even read from the parse cache: spaCy is not even
    loaded), else made from the stored per-article records, extracting only the articles none holds. The
    claims pass reads every article's parse, so `parse` runs whenever anything is extracted. `dossier
    prepare` calls this too, so that the build after it reads everything."""
    key = digest(parser.model_name, parser.model_version(), code_version(), sources)
    extraction = memo.get("extraction", key)
    if extraction is None:
        disk = extraction_store(parser.cache_dir)
        extraction = disk.get(key, problems)
        if extraction is None:
            articles = ArticleCache(parser.cache_dir, memo, (parser.model_name, parser.model_version()), problems)
            stats = ExtractStats()
            extraction = extract(parse(), articles, stats, workers=parser.workers)
            articles.keep_in_memory()
            disk.put(key, extraction, problems)
            return memo.put("extraction", key, extraction), key, stats
        memo.put("extraction", key, extraction)
    return extraction, key, ExtractStats(len(sources), from_store=len(sources))  # reused whole


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
