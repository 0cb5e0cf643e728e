"""Read stage: seeds/ plus dossier/sources.yml -> Articles.

Broken files are repaired where the repair is safe (a BOM, CR line endings, a few undecodable bytes)
and reported; files with nothing to read are skipped and reported. Nothing is ever written back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlfile
from .config import Invalid, SourceMeta, url_value
from .model import Article, Problem, slugify

SEED_SUFFIXES = (".txt", ".md")
MAX_CHARS = 200_000  # ~33,000 words, several times the longest news feature; spaCy takes ~20 s for this much
FRONT_MATTER_KEYS = ("outlet", "url", "published", "author", "title", "label")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class Seed:
    """A seed file's bytes, before decoding; its digest keys the parse cache."""

    path: Path
    label: str  # path relative to the folder of mkdocs.yml
    data: bytes


def list_seeds(seeds_dir: Path, root: Path) -> tuple[list[Seed], list[Problem]]:
    problems: list[Problem] = []
    if not seeds_dir.is_dir():
        return [], [Problem(_label(seeds_dir, root), None, "seeds folder not found")]
    seeds = []
    for path in sorted(seeds_dir.rglob("*")):
        if not path.is_file():
            continue
        label = _label(path, root)
        if any(part.startswith(".") for part in path.relative_to(seeds_dir).parts):
            if path.suffix.lower() in SEED_SUFFIXES and not path.parent.name.startswith("."):
                problems.append(Problem(label, None, "skipped: a hidden file (its name starts with a dot)"))
            continue
        if path.suffix.lower() not in SEED_SUFFIXES:
            problems.append(Problem(label, None, "skipped: a seed must be a .txt or .md file"))
            continue
        seeds.append(Seed(path, label, path.read_bytes()))
    return seeds, problems


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def source_id(path: Path) -> str:
    """The seed's file name without extension, kept as is when it is already a safe lowercase id."""
    stem = path.stem.lower()
    return stem if ID_RE.match(stem) and len(stem) <= 80 else slugify(path.stem, "source")


def decode(seed: Seed) -> tuple[str | None, list[Problem]]:
    """Bytes -> text with normalised line endings, or None when the file holds nothing readable."""
    data = seed.data
    if b"\x00" in data[:8192]:
        return None, [Problem(seed.label, None, "skipped: binary file, not text")]
    problems = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(Problem(seed.label, line, "is not valid UTF-8; undecodable bytes shown as \ufffd"))
        text = data.decode("utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, problems + [Problem(seed.label, None, "skipped: the file is empty")]
    if len(text) > MAX_CHARS:
        # cut at a paragraph (else a word) so the last sentence kept is whole
        cut = text.rfind("\n", 0, MAX_CHARS)
        if cut < MAX_CHARS // 2:
            cut = text.rfind(" ", 0, MAX_CHARS)
        cut = cut if cut > 0 else MAX_CHARS
        problems.append(Problem(seed.label, text.count("\n", 0, cut) + 1,
                                f"is {len(text):,} characters long; only the first {cut:,} are read "
                                f"(the limit is {MAX_CHARS:,}: split a longer document into several seeds)"))
        text = text[:cut]
    return text, problems


def split_front_matter(text: str, label: str) -> tuple[dict, str, list[Problem]]:
    """`---` YAML `---` at the top of a .md seed -> (metadata, body)."""
    if not text.startswith("---\n"):
        return {}, text, []
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text, [Problem(label, 1, "front matter is not closed with ---")]
    raw, body = text[4:end], text[end + 4:].lstrip("-").lstrip("\n")
    try:
        data = yamlfile.loads(raw, label)
    except yamlfile.YamlError as err:
        return {}, body, [Problem(label, (err.problem.line or 0) + 1, err.problem.message)]
    if data is None:
        return {}, body, []
    if not isinstance(data, dict):
        return {}, body, [Problem(label, 2, "front matter must be a mapping")]
    problems = [Problem(label, data.line_of(k) + 1, f"unknown front matter key {k!r}; expected "
                        f"{', '.join(FRONT_MATTER_KEYS)}") for k in data if k not in FRONT_MATTER_KEYS]
    meta = {k: v for k, v in data.items() if k in FRONT_MATTER_KEYS}
    if meta.get("url") is not None:
        try:
            url_value(meta["url"])
        except Invalid as err:
            problems.append(Problem(label, data.line_of("url") + 1, f"'url' {err}; it is left out"))
            del meta["url"]
    return meta, body, problems


def split_headline(body: str) -> tuple[str, str]:
    """The first non-empty line is the headline; a Markdown `# ` heading marker is dropped."""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip().lstrip("#").strip(), "\n".join(lines[i + 1:])
    return "", ""


def read_articles(seeds: list[Seed], sources: dict[str, SourceMeta],
                  sources_label: str) -> tuple[list[Article], list[Problem]]:
    articles, problems, seen = [], [], {}
    for seed in seeds:
        text, found = decode(seed)
        problems += found
        if text is None:
            continue
        meta: dict = {}
        if seed.path.suffix.lower() == ".md":
            meta, text, found = split_front_matter(text, seed.label)
            problems += found
        headline, body = split_headline(text)
        ident = source_id(seed.path)
        if ident in seen:
            problems.append(Problem(seed.label, None, f"skipped: its id {ident!r} is taken by {seen[ident]}"))
            continue
        seen[ident] = seed.label
        curated = sources.get(seed.path.stem)
        if curated is None and not meta.get("published"):
            problems.append(Problem(seed.label, None, f"has no entry in {sources_label}: "
                                    "its relative dates (\"on Saturday\") cannot resolve"))
        articles.append(_article(ident, seed.label, headline, body, meta, curated))
    for name, meta in sources.items():
        if name not in {s.path.stem for s in seeds}:
            problems.append(Problem(sources_label, meta.line, f"names {name!r}, which is not a file in seeds/"))
    return articles, problems


def _article(ident: str, label: str, headline: str, body: str, meta: dict,
             curated: SourceMeta | None) -> Article:
    import datetime as dt

    def pick(key: str):
        value = getattr(curated, key, None) if curated else None
        return value if value is not None else meta.get(key)

    published = pick("published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            published = None
    title = pick("title")
    return Article(id=ident, file=label, headline=headline, title=_text(title), body=body,
                   outlet=_text(pick("outlet")), url=_text(pick("url")),
                   published=published if isinstance(published, dt.date) else None,
                   author=_text(pick("author")), label=_text(pick("label")))


def _text(value: object) -> str | None:
    return None if value is None else str(value)
