"""Wikilinks as a Python-Markdown extension, for site builders that run Markdown extensions but not MkDocs
plugins (Zensical reads `markdown_extensions` from its config):

    markdown_extensions:
      - dossier_wikilinks:
          export: .dossier/docs/dossier.json   # written by `dossier generate`
          base_url: /                          # where the site is served

`dossier generate` already writes the editors' pages with their wikilinks made links; this is for pages it
does not write (another docs folder, a builder's own includes). Python-Markdown does not say which page it
is converting, so links are absolute from base_url (`/actors/<id>/`), not relative. A wikilink that names
nothing is shown marked, as on an MkDocs site, and logged as a warning on the "dossier" logger.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from .wikilinks import NameIndex, rewrite

log = logging.getLogger("dossier")


def page_url(uri: str, base_url: str = "/", directory_urls: bool = True) -> str:
    """actors/x.md -> /actors/x/ (or /actors/x.html), as MkDocs and Zensical publish it."""
    stem = uri[:-3]
    path = (stem + "/" if directory_urls else stem + ".html") if not stem.endswith("index") else stem[:-5]
    return base_url.rstrip("/") + "/" + path


class WikilinksPreprocessor(Preprocessor):
    def __init__(self, md, index: NameIndex, base_url: str, directory_urls: bool):
        super().__init__(md)
        self.index, self.base_url, self.directory_urls = index, base_url, directory_urls

    def run(self, lines: list[str]) -> list[str]:
        done = rewrite("\n".join(lines), "index.md", self.index, "a page", 1,
                       href=lambda uri: page_url(uri, self.base_url, self.directory_urls))
        for problem in done.problems:
            log.warning(str(problem))
        return done.text.split("\n")


class DossierWikilinksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "export": [".dossier/docs/dossier.json", "dossier.json written by `dossier generate`"],
            "base_url": ["/", "the URL path the site is served under"],
            "directory_urls": [True, "pages at folder URLs (actors/<id>/), as use_directory_urls"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        path = Path(self.getConfig("export"))
        try:
            index = NameIndex.from_export(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as err:
            log.warning(f"dossier_wikilinks: cannot read {path} ({err}); run `dossier generate` first")
            index = NameIndex()
        # before Python-Markdown reads [links]: priority above its reference-link handling
        md.preprocessors.register(WikilinksPreprocessor(md, index, self.getConfig("base_url"),
                                                        bool(self.getConfig("directory_urls"))),
                                  "dossier_wikilinks", 25)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return DossierWikilinksExtension(**kwargs)
