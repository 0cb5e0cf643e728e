"""Hostile and broken input, built into real sites.

A dossier is built from text written by others, sometimes adversaries, and published on the open web.
Nothing in the inputs may run in a reader's browser, break the build obscurely, or touch what the
editor wrote; the same input gives the same bytes. Cases are data: tests/cases/hostile/*.yml.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL_CONFIG, build_site
from sitecheck import page_text

CASES = Path(__file__).parent / "cases" / "hostile"
PAYLOADS = yaml.safe_load((CASES / "payloads.yml").read_text(encoding="utf-8"))
BROKEN = yaml.safe_load((CASES / "broken.yml").read_text(encoding="utf-8"))
INPUT_FOLDERS = ("seeds", "dossier", "docs")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


# ---------------------------------------------------------------- helpers


def write_tree(root: Path, folder: str, files: dict) -> None:
    for name, content in files.items():
        path = root / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            content = content["latin1"].encode("latin-1")
        elif isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)


def make_root(root: Path, seeds: dict, dossier: dict, docs: dict | None = None, cache: Path | None = None) -> Path:
    if root.exists():
        shutil.rmtree(root)
    for folder in INPUT_FOLDERS:
        (root / folder).mkdir(parents=True)
    write_tree(root, "seeds", seeds)
    write_tree(root, "dossier", dossier)
    write_tree(root, "docs", {"index.md": "# Test\n", **(docs or {})})
    (root / "mkdocs.yml").write_text(MINIMAL_CONFIG % {"cache": cache}, encoding="utf-8")
    return root


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under the input folders (and mkdocs.yml) by path -> sha256 of its bytes."""
    out = {}
    for folder in INPUT_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() or path.is_symlink():
                out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    out["mkdocs.yml"] = hashlib.sha256((root / "mkdocs.yml").read_bytes()).hexdigest()
    return out


def site_digest(site: Path, skip=("sitemap.xml.gz",)) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file() and p.name not in skip}


def squash(text: str) -> str:
    """Text without any whitespace: page_text puts spaces between text nodes a link splits."""
    return "".join(text.split())


def no_traceback(build) -> None:
    for record in build.records:
        assert record.exc_info is None, f"a traceback was logged: {record.getMessage()}"
        assert "Traceback" not in record.getMessage(), record.getMessage()
    assert "Traceback" not in (build.error or "")


# ---------------------------------------------------------------- what may run in a page

_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background",
              "data", "srcdoc", "ping", "cite"}
_BAD_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "base", "applet", "portal"}
_BAD_SCHEMES = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)


class ActiveContent(HTMLParser):
    """Everything in a page that could run or load something: scripts, handlers, URLs, frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.problems: list[str] = []
        self._script: dict | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag == "script":
            self._script, self._buffer = dict(attrs), []

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in _URL_ATTRS and value is not None:
                flat = re.sub(r"[\x00-\x20]+", "", value)
                if _BAD_SCHEMES.match(flat):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in _BAD_ELEMENTS:
            self.problems.append(f"<{tag}>")
        if tag == "form" and (dict(attrs).get("action") or dict(attrs).get("method")):
            self.problems.append("<form> that submits")  # Material's search form never does
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "style":
            self.problems.append("<style> element")  # Material has none; the theme's CSS is linked

    def handle_data(self, data):
        if self._script is not None:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._buffer)))
            self._script = None


def _normal_script(text: str) -> str:
    return re.sub(r'"(?:(?:\.\./)*\.{1,2}|/)"', '"."', text.strip())


def material_scripts(site: Path) -> set[str]:
    """Material's inline scripts, read from the editor's home page (no article text on it)."""
    scan = ActiveContent()
    scan.feed((site / "index.html").read_text(encoding="utf-8"))
    return {_normal_script(text) for attrs, text in scan.scripts if "src" not in attrs}


def active_content(path: Path, allowed_inline: set[str]) -> list[str]:
    scan = ActiveContent()
    scan.feed(path.read_text(encoding="utf-8"))
    problems = list(scan.problems)
    for attrs, text in scan.scripts:
        src = attrs.get("src")
        if src is not None:
            if not re.fullmatch(r"(/|(\.\./)*)assets/javascripts/[a-z0-9._-]+\.min\.js", src):
                problems.append(f"<script src={src!r}>")
        elif attrs.get("id") == "__config" and attrs.get("type") == "application/json":
            json.loads(text)  # data, not code
        elif _normal_script(text) not in allowed_inline:
            problems.append(f"<script>{text[:80]}")
    return problems


# ---------------------------------------------------------------- the hostile site


def _hostile_inputs() -> tuple[dict, dict, dict]:
    lead = ("WASHINGTON (Reuters) - Russian Foreign Ministry spokeswoman Maria Zakharova said on Monday that "
            "the talks with North Korea would go on for many weeks, according to a long statement.")
    lines = ['He said "><script>alert(1)</script>', "", lead, "Read more: <script>alert(20)</script> elsewhere"]
    for p in PAYLOADS:
        if p.get("alone"):
            lines.append(p["text"])
        else:
            lines.append(f"Maria Zakharova said on Tuesday that {p['text']} was false.")
    seeds = {
        "hostile.txt": "\n".join(lines) + "\n",
        "second.txt": "Second headline\n\nKim Jong Un said on Wednesday that the talks with Russia were a success "
                      "and that the visit to Moscow would happen in the coming weeks.\n",
        "third.md": "---\npublished: 2023-11-13\nurl: javascript:alert(16)\noutlet: <b>Outlet</b>\n---\n"
                    "# Third <script>alert(22)</script>\n\nJoe Biden said on Monday that the talks would go on.\n",
    }
    dossier = {
        "sources.yml": (
            "hostile:\n"
            "  outlet: <script>alert(15)</script> News\n"
            "  published: 2023-11-11\n"
            "  author: '[x](javascript:alert(21)) {{ config }}'\n"
            "  label: '\"><b onmouseover=alert(17)>state</b>'\n"
            "second:\n"
            "  outlet: Wire\n"
            "  published: 2023-11-12\n"
            "  title: '</title><script>alert(19)</script> & more'\n"),
        "actors.yml": (
            "- id: quote-man\n"
            "  name: Tom \"Quote\" O'Brien\"><script>alert(30)</script>\n"
            "  kind: person\n"
            "  aliases: ['[[Q]]', '{{ q }}']\n"
            "  role: <img src=x onerror=alert(31)>\n"
            "- id: second-actor\n"
            "  name: '\"><svg onload=alert(32)> [link](javascript:alert(33))'\n"
            "  kind: organization\n"),
        "events.yml": (
            "- id: hostile-event\n"
            "  title: '</title><script>alert(40)</script> {% raw %} --8<-- \"x\"'\n"
            "  kind: meeting\n"
            "  date: 2023-11-06\n"
            "  place: <iframe src=javascript:alert(41)>\n"
            "  participants: [quote-man, second-actor]\n"
            "  reports: [{source: hostile, sentence: s3, date_text: '<b>Monday</b>'}]\n"),
        "claims.yml": (
            "- id: hostile-claim\n"
            "  text: '<script>alert(50)</script> [[Maria Zakharova]] ![x](data:image/png;base64,AAAA)'\n"
            "  claimants: [quote-man]\n"
            "  responses:\n"
            "    - actor: second-actor\n"
            "      stance: denies\n"
            "      source: hostile\n"
            "      sentence: s3\n"
            "      quote: 'x\"><img src=x onerror=alert(51)>'\n"),
    }
    docs = {"actors/quote-man.md": "The editor's note on <b>this</b> actor, kept as written.\n"}
    return seeds, dossier, docs


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, parse_cache):
    root = make_root(tmp_path_factory.mktemp("hostile") / "site-src", *_hostile_inputs(), cache=parse_cache)
    before = tree_digest(root)
    build = build_site(root)
    build.inputs_before = before
    return build


@pytest.fixture(scope="module")
def hostile_data(hostile) -> dict:
    assert hostile.error is None, hostile.error
    return json.loads((hostile.site / "dossier.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile_pages(hostile) -> list[Path]:
    assert hostile.error is None, hostile.error
    return sorted(p for p in hostile.site.rglob("*.html") if not p.relative_to(hostile.site).parts[0] == "assets")


def test_hostile_site_builds(hostile):
    assert hostile.error is None, hostile.error
    no_traceback(hostile)


def test_unsafe_urls_are_reported(hostile):
    """A javascript: or data: URL in sources.yml is never linked, and the editor is told where it is."""
    # (the curated report's date_text is markup the sentence does not say: the curation check says so too)
    assert [w.removeprefix("dossier: ") for w in hostile.warnings] == [
        "seeds/third.md:3: 'url' is 'javascript:alert(16)'; expected an http:// or https:// address; it is left out",
        "dossier/events.yml:7: event 'hostile-event': the sentence 's3' of 'hostile' no longer says '<b>Monday</b>' "
        "(the article changed?): check the report"]
    assert "javascript:alert(16)" not in hostile.page("sources/third/").replace("&#58;", ":").split("</h1>")[1]


def test_every_page_kind_was_built(hostile):
    for url in ("sources/hostile/", "sources/second/", "actors/quote-man/", "actors/second-actor/",
                "events/hostile-event/", "claims/hostile-claim/", "claims/", "chronology/", "review/"):
        assert (hostile.site / url / "index.html").is_file(), url


def test_no_active_content_from_input(hostile, hostile_pages):
    """No script but Material's, no on* handler, no javascript:/data: URL, no frame, form or style."""
    allowed = material_scripts(hostile.site)
    assert allowed, "Material's inline scripts not found on the home page"
    found = {p.relative_to(hostile.site).as_posix(): active_content(p, allowed) for p in hostile_pages}
    assert {k: v for k, v in found.items() if v} == {}


def test_title_element_cannot_be_closed(hostile):
    """Material prints `page.title | striptags` into <title> unescaped: a `</title>` headline must stay text."""
    for url in ("sources/second/", "events/hostile-event/", "sources/hostile/"):
        html = hostile.page(url)
        head = html[html.index("<title>"):html.index("</title>") + 8]
        assert "<script" not in head.lower(), head
    assert "&lt;/title&gt;&lt;script&gt;alert(19)&lt;/script&gt; &amp;amp; more" not in hostile.page("sources/second/")


@pytest.mark.parametrize("payload", PAYLOADS, ids=[p["id"] for p in PAYLOADS])
def test_payload_is_literal_text_on_source_page(hostile, payload):
    text = squash(page_text(hostile.site / "sources" / "hostile" / "index.html"))
    assert squash(payload["text"]) in text


@pytest.mark.parametrize("payload", PAYLOADS, ids=[p["id"] for p in PAYLOADS])
def test_payload_is_data_in_export(hostile_data, payload):
    source = next(s for s in hostile_data["sources"] if s["id"] == "hostile")
    assert any(payload["text"] in s["text"] for s in source["sentences"]), payload["text"]


LITERAL = [
    ("sources/hostile/", 'He said "><script>alert(1)</script>'),
    ("sources/hostile/", "<script>alert(15)</script> News"),
    ("sources/hostile/", '"><b onmouseover=alert(17)>state</b>'),
    ("sources/hostile/", "[x](javascript:alert(21)) {{ config }}"),
    ("sources/second/", "</title><script>alert(19)</script> & more"),
    ("sources/", 'He said "><script>alert(1)</script>'),
    ("actors/quote-man/", "Tom \"Quote\" O'Brien\"><script>alert(30)</script>"),
    ("actors/quote-man/", "<img src=x onerror=alert(31)>"),
    ("actors/quote-man/", "[[Q]], {{ q }}"),
    ("actors/quote-man/", "The editor's note on this actor, kept as written."),
    ("actors/second-actor/", '"><svg onload=alert(32)> [link](javascript:alert(33))'),
    ("actors/", "Tom \"Quote\" O'Brien\"><script>alert(30)</script>"),
    ("events/hostile-event/", '</title><script>alert(40)</script> {% raw %} --8<-- "x"'),
    ("events/hostile-event/", "<iframe src=javascript:alert(41)>"),
    ("events/hostile-event/", "Tom \"Quote\" O'Brien\"><script>alert(30)</script>"),
    ("events/", '</title><script>alert(40)</script> {% raw %} --8<-- "x"'),
    ("chronology/", '</title><script>alert(40)</script> {% raw %} --8<-- "x"'),
    ("claims/hostile-claim/", "<script>alert(50)</script> [[Maria Zakharova]] ![x](data:image/png;base64,AAAA)"),
    ("claims/hostile-claim/", 'x"><img src=x onerror=alert(51)>'),
    ("claims/", "<script>alert(50)</script> [[Maria Zakharova]] ![x](data:image/png;base64,AAAA)"),
    ("claims/", '"><svg onload=alert(32)> [link](javascript:alert(33))'),
    ("review/", "Read more: <script>alert(20)</script> elsewhere"),
]


@pytest.mark.parametrize("url,literal", LITERAL, ids=[f"{u}:{t[:24]}" for u, t in LITERAL])
def test_literal_text_on_every_page_kind(hostile, url, literal):
    assert squash(literal) in squash(page_text(hostile.site / url / "index.html"))


def test_matrix_cell_quote_is_literal(hostile):
    """The matrix shows the stance in the cell and the quote as its tooltip: the literal words, as an attribute."""
    class Titles(HTMLParser):
        titles: list = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if "dossier-stance" in (attrs.get("class") or ""):
                self.titles.append(attrs.get("title") or "")

    parser = Titles()
    parser.titles = []
    parser.feed(hostile.page("claims/"))
    assert any(t.startswith('x"><img src=x onerror=alert(51)>') for t in parser.titles), parser.titles


def test_curated_text_is_data_in_export(hostile_data):
    actors = {a["id"]: a for a in hostile_data["actors"]}
    assert actors["quote-man"]["name"] == "Tom \"Quote\" O'Brien\"><script>alert(30)</script>"
    assert actors["quote-man"]["role"] == "<img src=x onerror=alert(31)>"
    event = next(e for e in hostile_data["events"] if e["id"] == "hostile-event")
    assert event["title"] == '</title><script>alert(40)</script> {% raw %} --8<-- "x"'
    claim = next(c for c in hostile_data["claims"] if c["id"] == "hostile-claim")
    assert claim["text"].startswith("<script>alert(50)</script>")
    assert claim["responses"][0]["quote"] == 'x"><img src=x onerror=alert(51)>'
    sources = {s["id"]: s for s in hostile_data["sources"]}
    assert sources["third"]["url"] is None


def test_inputs_untouched_by_hostile_build(hostile):
    assert tree_digest(hostile.root) == hostile.inputs_before


def test_search_index_holds_text_not_markup(hostile):
    index = json.loads((hostile.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            value = doc.get(field) or ""
            assert not re.search(r"<(script|img|iframe|svg|style)\b", value, re.IGNORECASE), (doc["location"], value)


# ---------------------------------------------------------------- names that would make paths


DANGEROUS_NAMES = ["../../etc", "/", ".", "..", "...", "?#%", "!!!", "x" * 300, "Мария Захарова", "金正恩",
                   "Маria Zakharova", "Maria Zakharova", "CON", "nul.txt", "a/b\\c", "\u202eevil\u202c",
                   "Zero\u200bWidth"]


@pytest.fixture(scope="module")
def names_site(tmp_path_factory, parse_cache):
    actors = "".join(f"- name: {json.dumps(name)}\n  kind: person\n" for name in DANGEROUS_NAMES)
    seeds = {
        "..evil.txt": "Evil\n\nKim Jong Un said the visit was a success for everyone involved.\n",
        "My Article NOW.txt": "Capitals and spaces\n\nKim Jong Un said on Monday that the visit was a success.\n",
        "статья.txt": "Non-Latin file name\n\nMaria Zakharova said on Monday that the talks would go on.\n",
        "金.md": "---\npublished: 2023-11-11\n---\n# Han file name\n\nJoe Biden said on Monday that talks would go on.\n",
    }
    sources = ('"My Article NOW": {published: 2023-11-11}\n'
               'статья: {published: 2023-11-11}\n')
    parent = tmp_path_factory.mktemp("names")
    root = make_root(parent / "site-src", seeds, {"actors.yml": actors, "sources.yml": sources}, cache=parse_cache)
    before = sorted(p.relative_to(parent).as_posix() for p in parent.rglob("*"))
    build = build_site(root)
    build.parent = parent
    build.outside_before = [p for p in before if not p.startswith("site-src/site")]
    return build


def test_names_build(names_site):
    assert names_site.error is None, names_site.error
    no_traceback(names_site)
    assert any("seeds/..evil.txt: skipped: a hidden file" in w for w in names_site.warnings)


def test_every_file_stays_in_the_site_dir(names_site):
    site = names_site.site.resolve()
    for path in names_site.site.rglob("*"):
        assert path.resolve().is_relative_to(site), path
        assert not path.is_symlink(), path
    after = sorted(p.relative_to(names_site.parent).as_posix() for p in names_site.parent.rglob("*"))
    assert [p for p in after if not p.startswith("site-src/site")] == names_site.outside_before


def test_ids_are_safe_unique_slugs(names_site):
    data = json.loads((names_site.site / "dossier.json").read_text(encoding="utf-8"))
    for kind in ("sources", "actors", "events", "claims"):
        ids = [x["id"] for x in data[kind]]
        assert len(ids) == len(set(ids)), kind
        for item in data[kind]:
            assert SLUG.match(item["id"]) and len(item["id"]) <= 100, item["id"]
            assert item["page"] == f"{kind}/{item['id']}/"
            assert (names_site.site / item["page"] / "index.html").is_file()


def test_every_dangerous_name_has_its_own_page(names_site):
    data = json.loads((names_site.site / "dossier.json").read_text(encoding="utf-8"))
    curated = {a["name"]: a["id"] for a in data["actors"] if a["curated"]}
    assert set(DANGEROUS_NAMES) <= set(curated), set(DANGEROUS_NAMES) - set(curated)
    assert len({curated[n] for n in DANGEROUS_NAMES}) == len(DANGEROUS_NAMES)
    # the homoglyph (Cyrillic М and а) is not the Latin name
    assert curated["Маria Zakharova"] != curated["Maria Zakharova"] == "maria-zakharova"
    for name in DANGEROUS_NAMES:
        text = squash(page_text(names_site.site / "actors" / curated[name] / "index.html"))
        assert squash(name) in text, name


def test_seed_file_names(names_site):
    data = json.loads((names_site.site / "dossier.json").read_text(encoding="utf-8"))
    files = {s["file"]: s["id"] for s in data["sources"]}
    assert files["seeds/My Article NOW.txt"] == "my-article-now"
    assert SLUG.match(files["seeds/статья.txt"]) and SLUG.match(files["seeds/金.md"])
    assert "seeds/..evil.txt" not in files
    published = {s["file"]: s["published"] for s in data["sources"]}
    assert published["seeds/My Article NOW.txt"] == published["seeds/статья.txt"] == "2023-11-11"


# ---------------------------------------------------------------- broken input

DEFAULT_SEEDS = {"a.txt": "Headline here\n\nPresident Joe Biden said on Monday that talks with Russia would go on.\n"}
DEFAULT_DOSSIER = {"sources.yml": "a:\n  published: 2023-11-11\n"}


@pytest.mark.parametrize("case", BROKEN, ids=[c["id"] for c in BROKEN])
def test_broken_input(case, tmp_path, parse_cache):
    seeds = case.get("seeds") or DEFAULT_SEEDS
    dossier = {**DEFAULT_DOSSIER, **(case.get("dossier") or {})}
    root = make_root(tmp_path / "site-src", seeds, dossier, cache=parse_cache)
    before = tree_digest(root)
    build = build_site(root)
    no_traceback(build)
    messages = [m.removeprefix("dossier: ") for m in build.warnings]
    log = "\n".join(messages)
    for expected in case.get("expect", []):
        assert expected in log, f"{expected!r} not in the log:\n{log}"
    if case.get("error"):
        assert build.error, "the build should have stopped"
        assert not (build.site / "index.html").exists()
    else:
        assert build.error is None, build.error
        if not case.get("expect"):
            assert messages == []
        data = json.loads((build.site / "dossier.json").read_text(encoding="utf-8"))
        for source in data["sources"]:
            for sentence in source["sentences"]:
                assert not set(sentence["text"]) & {"\r", "\ufeff", "\x00"}, sentence
        if "sentences" in case:
            source = next(s for s in data["sources"] if s["id"] == "a")
            assert [s["text"] for s in source["sentences"]] == case["sentences"]
    assert tree_digest(root) == before
    strict = build_site(root, strict=True)
    no_traceback(strict)
    assert bool(strict.error) == bool(messages), (strict.error, messages)
    assert tree_digest(root) == before


def test_huge_article_is_cut_with_a_warning(tmp_path, parse_cache):
    """5 MB with no sentence end in sight: read up to the limit, and said so."""
    from dossier.read import MAX_CHARS

    body = "the talks went on and on " * (5_000_000 // 25)
    root = make_root(tmp_path / "site-src", {"a.txt": "Headline here\n\n" + body + "\n"}, DEFAULT_DOSSIER,
                     cache=parse_cache)
    build = build_site(root)  # how long it takes is bench/'s business, not a test's
    assert build.error is None, build.error
    no_traceback(build)
    assert len(build.warnings) == 1 and "seeds/a.txt:" in build.warnings[0], build.warnings
    assert "5,000,0" in build.warnings[0] and f"the limit is {MAX_CHARS:,}" in build.warnings[0]
    data = json.loads((build.site / "dossier.json").read_text(encoding="utf-8"))
    kept = sum(len(s["text"]) for s in data["sources"][0]["sentences"])
    assert MAX_CHARS // 2 < kept <= MAX_CHARS


# ---------------------------------------------------------------- nothing lost


def test_failed_build_leaves_previous_site(tmp_path, parse_cache):
    root = make_root(tmp_path / "site-src", DEFAULT_SEEDS, DEFAULT_DOSSIER,
                     docs={"actors/joe-biden.md": "Editor's words.\n"}, cache=parse_cache)
    good = build_site(root)
    assert good.error is None, good.error
    site_before = site_digest(good.site)
    (root / "dossier" / "actors.yml").write_text("- name: [broken\n", encoding="utf-8")
    inputs_before = tree_digest(root)
    bad = build_site(root)
    assert bad.error
    assert any("dossier/actors.yml:" in w for w in bad.warnings)
    assert tree_digest(root) == inputs_before
    assert site_digest(good.site) == site_before


# ---------------------------------------------------------------- reproducible


def test_same_input_same_site(hostile, tmp_path, parse_cache):
    """A second build of the hostile input, in another folder: the same bytes for every page and the export."""
    root = make_root(tmp_path / "elsewhere", *_hostile_inputs(), cache=parse_cache)
    again = build_site(root)
    assert again.error is None, again.error
    first, second = site_digest(hostile.site), site_digest(again.site)
    assert first.keys() == second.keys()
    assert {k for k in first if first[k] != second[k]} == set()
