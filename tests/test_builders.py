"""The same dossier three ways: `mkdocs build` (the reference), `properdocs build`, and `dossier generate` then
`zensical build`. What a reader gets must not depend on the builder: the same pages, the same text."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_example
from dossier import cli
from test_hostile import _hostile_inputs, make_root, tree_digest

PYTHON = Path(sys.executable)
BIN = PYTHON.parent
PROPERDOCS = shutil.which("properdocs", path=str(BIN))
ZENSICAL = shutil.which("zensical", path=str(BIN))
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "NO_MKDOCS_2_WARNING": "1"}


def generate(root: Path, *args: str) -> int:
    return cli.main(["generate", "-f", str(root / "mkdocs.yml"), *args])


def files_digest(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under folder: sha256 and modification time (a rewrite with the same bytes shows too)."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def page_urls(site: Path) -> set[str]:
    """Every page of a built site as its URL ('', 'actors/', 'actors/russia/')."""
    return {p.parent.relative_to(site).as_posix().removeprefix(".") + "/" if p.parent != site else ""
            for p in site.rglob("index.html")}


def url_of(uri: str) -> str:
    """The URL MkDocs gives a page file (use_directory_urls): actors/index.md -> actors/, actors/x.md -> actors/x/."""
    stem = uri[:-3]
    return "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def front_matter(text: str) -> dict:
    assert text.startswith("---\n"), text[:80]
    return yaml.safe_load(text[4:text.index("\n---\n", 3)])


class _Article(HTMLParser):
    """The text of a page's <article> (the page's own content), without permalink signs and scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = self.skip = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self.depth += 1
        elif self.depth and (tag in ("script", "style") or "headerlink" in classes):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.depth and self.skip and tag in ("script", "style", "a"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def article_text(page: Path) -> str:
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join("".join(parser.text).split())


def title_element(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<title>"):html.index("</title>") + len("</title>")]


# ---------------------------------------------------------------- the core alone


def test_importing_the_core_loads_no_mkdocs():
    code = ("import sys, dossier.core, dossier.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs')))")
    done = subprocess.run([PYTHON, "-c", code], env=ENV, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def generated(tmp_path_factory, parse_cache):
    """The example, generated twice into .dossier/docs (the inputs' digests taken before and after)."""
    root = copy_example(tmp_path_factory.mktemp("generate"), parse_cache)
    (root / "zensical.yml").write_bytes((ROOT / "zensical.yml").read_bytes())
    before = tree_digest(root)
    assert generate(root, "--strict") == 0
    first = files_digest(root / ".dossier" / "docs")
    assert generate(root, "--strict") == 0
    return root, before, first


def test_generate_writes_the_pages_mkdocs_builds(generated, example_site):
    root, _, files = generated
    pages = {url_of(uri) for uri in files if uri.endswith(".md")}
    assert pages == page_urls(example_site.site)
    assert len(pages) > 50
    for name in ("dossier.json", "claims/claims.csv", "assets/dossier/dossier.css"):
        assert name in files, name
    assert (root / ".dossier/docs/dossier.json").read_bytes() == (example_site.site / "dossier.json").read_bytes()


def test_generate_is_idempotent_and_leaves_the_inputs_alone(generated):
    root, before, first = generated
    assert files_digest(root / ".dossier" / "docs") == first  # same bytes, not even rewritten
    assert tree_digest(root) == before  # docs/, seeds/, dossier/ and mkdocs.yml untouched
    assert (root / ".dossier/docs/.gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_generated_front_matter_says_what_the_page_hooks_do(generated):
    docs = generated[0] / ".dossier" / "docs"
    matrix = front_matter((docs / "claims/index.md").read_text(encoding="utf-8"))
    assert matrix == {"title": "Claims and responses", "hide": ["navigation", "toc"]}
    actor = front_matter((docs / "actors/russia.md").read_text(encoding="utf-8"))
    assert actor == {"title": "Russia", "search": {"boost": 3}}
    assert "search" not in front_matter((docs / "actors/index.md").read_text(encoding="utf-8"))


def test_generate_refuses_the_inputs_and_foreign_folders(generated, tmp_path):
    root, before, _ = generated
    for out in ("docs", "seeds", "dossier/sub", ".", ".."):
        assert generate(root, "-o", out) == 2, out
    (root / "mine").mkdir()
    (root / "mine" / "keep.txt").write_text("not generated\n", encoding="utf-8")
    assert generate(root, "-o", "mine") == 2
    assert (root / "mine" / "keep.txt").read_text(encoding="utf-8") == "not generated\n"
    assert tree_digest(root) == before


def test_generate_removes_what_it_no_longer_writes(generated):
    root, _, first = generated
    stale = root / ".dossier" / "docs" / "actors" / "gone.md"
    stale.write_text("# Gone\n", encoding="utf-8")
    assert generate(root) == 0
    assert not stale.exists()
    assert set(files_digest(root / ".dossier" / "docs")) == set(first)


# ---------------------------------------------------------------- notes, wikilinks, hostile titles


@pytest.fixture(scope="module")
def hostile_generated(tmp_path_factory, parse_cache):
    seeds, dossier, docs = _hostile_inputs()
    docs["notes.md"] = "# Notes\n\nSee [[actor:quote-man|the quoted man]] and [[Nobody Here]].\n"
    root = make_root(tmp_path_factory.mktemp("hostile-generate") / "src", seeds, dossier, docs, cache=parse_cache)
    (root / "zensical.yml").write_text("INHERIT: mkdocs.yml\ndocs_dir: .dossier/docs\n"
                                       "extra_css: [assets/dossier/dossier.css]\n", encoding="utf-8")
    return root, generate(root, "--strict")


def test_generated_titles_are_escaped_in_front_matter(hostile_generated):
    root, status = hostile_generated
    assert status == 1  # --strict: the hostile input has warnings (an unsafe URL, a broken wikilink)
    docs = root / ".dossier" / "docs"
    second = front_matter((docs / "sources/second.md").read_text(encoding="utf-8"))
    assert second["title"] == "&lt;/title&gt;&lt;script&gt;alert(19)&lt;/script&gt; &amp; more"
    event = front_matter((docs / "events/hostile-event.md").read_text(encoding="utf-8"))
    assert event["title"].startswith("&lt;/title&gt;&lt;script&gt;alert(40)")


def test_generated_pages_merge_notes_and_resolve_wikilinks(hostile_generated):
    docs = hostile_generated[0] / ".dossier" / "docs"
    actor = (docs / "actors/quote-man.md").read_text(encoding="utf-8")
    assert "Editors\u2019 note" in actor and "The editor's note on <b>this</b> actor, kept as written." in actor
    assert "## Linked from editors' pages" in actor and "(../notes.md)" in actor
    notes = (docs / "notes.md").read_text(encoding="utf-8")
    assert "[the quoted man](actors/quote-man.md)" in notes
    assert 'class="dossier-broken-link"' in notes


# ---------------------------------------------------------------- other builders


@pytest.mark.skipif(PROPERDOCS is None, reason="properdocs is not installed (pip install properdocs)")
def test_properdocs_builds_the_reference_pages(example_site, tmp_path):
    site = tmp_path / "site"
    done = subprocess.run([PROPERDOCS, "build", "--strict", "-f", str(example_site.root / "mkdocs.yml"),
                           "-d", str(site)], env=ENV, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    reference = sorted(p.relative_to(example_site.site) for p in example_site.site.rglob("*.html"))
    assert sorted(p.relative_to(site) for p in site.rglob("*.html")) == reference
    differ = []
    for rel in reference:
        ours, theirs = ((s / rel).read_text(encoding="utf-8").splitlines() for s in (example_site.site, site))
        kept = [(a, b) for a, b in zip(ours, theirs) if 'name="generator"' not in a]
        if len(ours) != len(theirs) or any(a != b for a, b in kept):
            differ.append(str(rel))
    assert differ == []


def zensical_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ZENSICAL, "build", "-f", "zensical.yml"], cwd=root, env=ENV, capture_output=True,
                          text=True)


@pytest.mark.skipif(ZENSICAL is None, reason="zensical is not installed (pip install zensical==0.0.73)")
def test_zensical_builds_every_generated_page(generated, example_site):
    root = generated[0]
    done = zensical_build(root)
    assert done.returncode == 0, done.stderr[-3000:]
    log = done.stdout + done.stderr
    assert "does not exist" not in log, log
    site = root / "site"
    assert page_urls(site) == page_urls(example_site.site)
    differ = [url for url in sorted(page_urls(site))
              if article_text(site / url / "index.html") != article_text(example_site.site / url / "index.html")]
    assert differ == []
    assert article_text(site / "actors/russia/index.html")  # the comparison compared text
    assert (site / "dossier.json").read_bytes() == (example_site.site / "dossier.json").read_bytes()


@pytest.mark.skipif(ZENSICAL is None, reason="zensical is not installed (pip install zensical==0.0.73)")
def test_zensical_titles_cannot_be_closed(hostile_generated):
    root = hostile_generated[0]
    done = zensical_build(root)
    assert done.returncode == 0, done.stderr[-3000:]
    for url in ("sources/second/", "events/hostile-event/", "sources/hostile/", "actors/quote-man/"):
        head = title_element(root / "site" / url / "index.html")
        assert "<script" not in head.lower(), head
    assert "alert(19)" in title_element(root / "site/sources/second/index.html")


# ---------------------------------------------------------------- wikilinks as a Markdown extension


def test_wikilinks_extension_resolves_against_the_export(generated):
    import markdown

    export = generated[0] / ".dossier" / "docs" / "dossier.json"
    text = "See [[Russia]], [[Moscow|the capital]] and [[Nobody Here]].\n\n    [[Russia]] in code\n"
    html = markdown.markdown(text, extensions=["dossier.mdx"],
                             extension_configs={"dossier.mdx": {"export": str(export), "base_url": "/dossier/"}})
    assert '<a href="/dossier/actors/russia/">Russia</a>' in html
    assert '<a href="/dossier/actors/russia/">the capital</a>' in html
    assert '<span class="dossier-broken-link"' in html and "Nobody Here</span>" in html
    assert "<code>[[Russia]] in code" in html
