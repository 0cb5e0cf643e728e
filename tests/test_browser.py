"""The built site in a real browser: Debian's Chromium driven by Playwright, served from 127.0.0.1.

A reader's path through the example (chronology -> event -> source sentence -> actor -> matrix -> quote),
search by alias, no request leaving the machine, no console error, and screenshots of the five page kinds
at desktop and phone widths in tests/artifacts/ (gitignored). The hostile site is loaded page by page to
prove nothing in it runs. Skipped only when `chromium` is not on PATH (`make browser` installs it).
"""
from __future__ import annotations

import functools
import itertools
import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

if CHROMIUM is None:
    pytest.skip("chromium is not on PATH (Debian: apt-get install chromium, or `make browser` as root)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e 'plugins[test]')")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def example_url(example_site):
    assert example_site.error is None, example_site.error
    server, url = serve(example_site.site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class Watch:
    """Every request, console error, uncaught exception and dialog of one page."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def outside(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).hostname != "127.0.0.1" and not u.startswith(("data:", "blob:"))]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.watch = Watch(page)
    yield page
    context.close()


def _target_and_plain_backgrounds(page) -> tuple[str, str]:
    return page.evaluate("""() => {
        const target = document.querySelector('.dossier-sentence:target');
        const plain = [...document.querySelectorAll('.dossier-sentence')].find(e => !e.matches(':target'));
        const bg = e => e ? getComputedStyle(e).backgroundColor : null;
        return [bg(target), bg(plain)];
    }""")


def open_search(page) -> None:
    """Focus Material's search box once its index is loaded (typing earlier is lost)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && !/Initializing/i.test(m.textContent); }", timeout=15000)


def _in_view(page, selector: str) -> bool:
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
                                   return r.bottom > 0 && r.top < window.innerHeight; }""", selector)


def test_reader_path_chronology_event_sentence_actor_matrix_quote(page, example_url):
    page.goto(example_url + "chronology/")
    page.locator("article a[href*='events/']").first.click()
    page.wait_for_load_state()
    assert "/events/" in page.url

    page.locator("article a[href*='sources/'][href*='#s']").first.click()
    page.wait_for_load_state()
    assert "/sources/" in page.url and "#s" in page.url
    target, plain = _target_and_plain_backgrounds(page)
    assert target is not None and plain is not None
    assert target != plain, "the linked sentence is not highlighted"
    assert _in_view(page, ".dossier-sentence:target"), "the linked sentence was not scrolled to"

    page.locator("article a[href*='actors/']").first.click()
    page.wait_for_load_state()
    assert "/actors/" in page.url
    assert page.locator("article h1").first.inner_text().strip()

    page.goto(example_url + "claims/")
    cell = page.locator("article a.dossier-stance").first
    assert cell.get_attribute("title"), "a matrix cell carries its quote"
    cell.click()
    page.wait_for_load_state()
    assert "/sources/" in page.url and "#s" in page.url
    target, plain = _target_and_plain_backgrounds(page)
    assert target != plain

    assert page.watch.outside() == []
    assert page.watch.errors == []


def test_search_by_alias_lands_on_actor(page, example_url, example_site):
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    with_aliases = [a for a in data["actors"] if a["aliases"]]
    actor = next((a for a in with_aliases if a["id"] == "maria-zakharova"), with_aliases[0])
    alias = actor["aliases"][0]
    page.goto(example_url)
    open_search(page)
    page.locator("input.md-search__input").press_sequentially(alias, delay=20)
    results = page.locator(".md-search-result__item a.md-search-result__link, .md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 5))]
    wanted = [i for i, h in enumerate(hrefs) if f"actors/{actor['id']}/" in (h or "")]
    assert wanted, f"no result for {alias!r} leads to actors/{actor['id']}/: {hrefs}"
    results.nth(wanted[0]).click()
    page.wait_for_load_state()
    assert f"/actors/{actor['id']}/" in page.url
    assert actor["name"] in page.locator("article h1").first.inner_text()
    assert page.watch.outside() == []
    assert page.watch.errors == []


KINDS = {"source": None, "actor": None, "event": None, "matrix": "claims/", "chronology": "chronology/",
         "network": "network/", "outlets": "outlets/"}


def _kind_urls(site: Path) -> dict[str, str]:
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    richest = lambda items, key: max(items, key=lambda x: (len(x[key]), x["id"]))["page"]  # noqa: E731
    return {"source": richest(data["sources"], "sentences"), "actor": richest(data["actors"], "mentions"),
            "event": richest(data["events"], "reports"), "matrix": "claims/", "chronology": "chronology/",
            "network": "network/", "outlets": "outlets/"}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(KINDS))
def test_screenshots_and_no_overflow(browser, example_url, example_site, kind, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    watch = Watch(page)
    try:
        page.goto(example_url + _kind_urls(example_site.site)[kind])
        page.wait_for_load_state("networkidle")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{kind}-{viewport}.png"), full_page=True)
        # nothing makes the whole page scroll sideways; wide tables scroll inside their own box
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{kind} at {viewport} is {overflow}px wider than the screen"
        assert watch.outside() == [] and watch.errors == []
    finally:
        context.close()


_TEXT_BOXES = """() => [...document.querySelectorAll('.dossier-network-svg')].map(svg => {
    const texts = [...svg.querySelectorAll('.dossier-net-node text, .dossier-net-elabel text, .dossier-net-heading, .dossier-net-legend text')];
    return texts.map(t => { const b = t.getBBox(); const r = t.parentNode.querySelector('rect');
        const rb = r && t.parentNode.tagName.toLowerCase() === 'a' ? r.getBBox() : null;
        return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height,
                box: rb ? {x: rb.x, y: rb.y, w: rb.width, h: rb.height} : null}; });
})"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_network_labels_fit_their_boxes_and_never_meet(browser, example_url, example_site, viewport):
    """The layout estimates text widths without font metrics; the browser measures the real text."""
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    pictured = ["network/"] + [a["page"] for a in data["actors"]
                               if any(e["claim"] and a["id"] in (e["from"], e["to"]) for e in data["network"]["edges"])]
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    try:
        for url in pictured:
            page.goto(example_url + url)
            page.wait_for_load_state()
            pictures = page.evaluate(_TEXT_BOXES)
            assert pictures, f"no network picture on {url}"
            for texts in pictures:
                for t in texts:
                    if t["box"]:
                        b = t["box"]
                        assert b["x"] <= t["x"] and t["x"] + t["w"] <= b["x"] + b["w"] + 0.5, (url, t)
                for a, b in itertools.combinations(texts, 2):
                    apart = (a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"]
                             or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"])
                    assert apart, (url, a["text"], b["text"])
            if url == "network/" and viewport == "phone":  # the picture scrolls in its own box
                box = page.evaluate("() => { const d = document.querySelector('.dossier-network');"
                                    " return [d.scrollWidth, d.clientWidth]; }")
                assert box[0] > box[1]
    finally:
        context.close()


# ---------------------------------------------------------------- the hostile site, in the browser


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory, parse_cache):
    from conftest import build_site
    from test_hostile import _hostile_inputs, make_root

    root = make_root(tmp_path_factory.mktemp("hostile-browser") / "site-src", *_hostile_inputs(), cache=parse_cache)
    build = build_site(root)
    assert build.error is None, build.error
    server, url = serve(build.site)
    pages = sorted(p.relative_to(build.site).parent.as_posix() + "/" for p in build.site.rglob("index.html")
                   if not p.relative_to(build.site).parts[0] == "assets")
    yield url, [p.removeprefix("./") for p in pages]
    server.shutdown()
    server.server_close()


def test_nothing_in_the_hostile_site_runs(browser, hostile_url):
    url, pages = hostile_url
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    context.add_init_script("window.__ran = []; for (const f of ['alert', 'confirm', 'prompt'])"
                            " window[f] = (...a) => { window.__ran.push(f + ':' + a.join(',')); };")
    page = context.new_page()
    watch = Watch(page)
    try:
        for path in pages:
            page.goto(url + path)
            page.wait_for_load_state()
            # hover and click nothing: handlers need no help; but make every element's handlers visible
            ran = page.evaluate("() => window.__ran")
            handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
                [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
            frames = page.evaluate("() => document.querySelectorAll('iframe, object, embed').length")
            assert ran == [] and handlers == [] and frames == 0, (path, ran, handlers, frames)
        # search renders result titles and text: type what the payloads share
        page.goto(url)
        open_search(page)
        page.locator("input.md-search__input").press_sequentially("alert", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.__ran") == []
        assert page.evaluate("() => document.querySelectorAll('.md-search-result img, .md-search-result svg[onload], "
                             ".md-search-result iframe').length") == 0
        assert watch.dialogs == [] and watch.outside() == []
        assert watch.errors == []
    finally:
        context.close()
