"""Read a built site as a browser would: pages, their ids, and where their links go."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in {"script", "img", "iframe"} and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def page_text(path: Path) -> str:
    return " ".join(" ".join(read_page(path).text).split())


def broken_links(site: Path) -> list[str]:
    """Every internal link whose page or anchor does not exist, as 'from -> href'."""
    pages = {p: read_page(p) for p in site.rglob("*.html")}
    broken = []
    for path, page in sorted(pages.items()):
        base = "/" + path.relative_to(site).as_posix()
        for href in page.links:
            parsed = urlparse(href)
            if parsed.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            target = urlparse(urljoin(base, href))
            file = site / unquote(target.path).lstrip("/")
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{base} -> {href}")
                continue
            fragment = unquote(target.fragment)
            if fragment and file.suffix == ".html" and not fragment.startswith(":~:"):
                ids = pages[file].ids if file in pages else read_page(file).ids
                if fragment not in ids:
                    broken.append(f"{base} -> {href} (no #{fragment})")
    return broken


def external_assets(site: Path) -> list[str]:
    """Scripts, styles, images and frames loaded from another host."""
    found = []
    for path in site.rglob("*.html"):
        for src in read_page(path).assets:
            if urlparse(src).scheme in {"http", "https"} or src.startswith("//"):
                found.append(f"{path.relative_to(site)}: {src}")
    return found
