"""The dossier that opens from disk: the example built as `make offline` builds it (Material's offline
plugin, which turns use_directory_urls off), opened from file:// in Chromium: every link of the index leads to a
page, raw links (timelines) too, and search works with no server."""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ROOT, build_site, copy_example

pytestmark = pytest.mark.browser
OFFLINE_ENV = {"DOSSIER_OFFLINE": "true"}  # what `make offline` sets


def test_make_offline_sets_what_this_test_sets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("\noffline:"):].split("\n\n", 1)[0]
    assert all(f"{k}={v}" in target for k, v in OFFLINE_ENV.items()) and "--strict" in target


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory, parse_cache):
    root = copy_example(tmp_path_factory.mktemp("offline"), parse_cache)
    saved = {k: os.environ.get(k) for k in OFFLINE_ENV}
    os.environ.update(OFFLINE_ENV)  # mkdocs.yml reads them with !ENV when the config loads
    try:
        build = build_site(root, strict=True)
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    assert build.error is None, build.error
    return build.site


def test_the_offline_build_has_page_files_and_an_inlined_search_index(offline_site):
    assert (offline_site / "actors" / "maria-zakharova.html").is_file()
    assert not (offline_site / "actors" / "maria-zakharova").exists()
    assert (offline_site / "search" / "search_index.js").is_file()


def test_raw_links_point_at_page_files(offline_site):
    """The timelines are SVG, whose links mkdocs does not rewrite: they are written for page files."""
    for page in ("chronology/index.html", "actors/north-korea.html"):
        html = (offline_site / page).read_text(encoding="utf-8")
        hrefs = re.findall(r'<a href="([^"#]+)"[^>]*>\s*<(?:circle|rect|g|title)', html)
        hrefs += re.findall(r'xlink:href="([^"#]+)"', html)
        svg = html[html.index("<svg"):html.rindex("</svg>")] if "<svg" in html else ""
        hrefs += re.findall(r'href="([^"#]+)"', svg)
        assert hrefs, page
        for href in hrefs:
            assert (offline_site / page).parent.joinpath(href).resolve().is_file(), (page, href)


@pytest.fixture(scope="module")
def chromium():
    from test_browser import ARGS, CHROMIUM, sync_api

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(chromium):
    from test_browser import VIEWPORTS, Watch

    context = chromium.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.watch = Watch(page)
    yield page
    context.close()


def test_every_link_of_the_index_opened_from_disk_leads_to_a_page(tab, offline_site):
    index = (offline_site / "index.html").as_uri()
    tab.goto(index)
    links = tab.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
    pages = sorted({link.split("#", 1)[0] for link in links if link.startswith("file:")})
    assert len(pages) >= 6, pages  # the nav: sources, actors, events, claims, chronology, review
    for url in pages:
        if not url.endswith(".html"):  # a download (dossier.json, the CSV): a file, not a folder
            path = Path(unquote(urlparse(url).path))
            assert path.is_file(), f"{url} is no file"
            continue
        tab.goto(url)
        assert tab.locator("article h1").count() >= 1, f"{url} opens no page"
        assert not tab.url.endswith("/"), f"{url} lands on a folder"
    assert [u for u in tab.watch.requests if u.startswith(("http:", "https:"))] == []


def test_search_works_from_disk(tab, offline_site):
    from test_browser import open_search

    tab.goto((offline_site / "index.html").as_uri())
    open_search(tab)
    tab.locator("input.md-search__input").press_sequentially("Zakharova", delay=20)
    results = tab.locator(".md-search-result__item a.md-search-result__link, .md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(min(results.count(), 5))]
    wanted = [i for i, h in enumerate(hrefs) if "actors/maria-zakharova.html" in h]
    assert wanted, hrefs
    results.nth(wanted[0]).click()
    tab.wait_for_load_state()
    assert tab.url.split("?", 1)[0].endswith("actors/maria-zakharova.html")
    assert [u for u in tab.watch.requests if u.startswith(("http:", "https:"))] == []  # the shim is ours
    assert "Maria Zakharova" in tab.locator("article h1").first.inner_text()
