"""Turning hostile article text into Markdown-inert, HTML-safe text, and checking outside URLs.

Everything that came from an article (sentences, names, titles, quotes, roles, outlets) passes through
`text()` before it reaches a page: HTML's five specials become entities, and so does every character
Python-Markdown (or a Markdown-level plugin: snippets, macros, wikilinks) could read as syntax. The
browser shows the entities as the literal characters, so a reader sees exactly what the article said.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup

# HTML specials by name; Markdown (and Jinja, snippets, wikilinks, attr_list, tables) specials by number.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MARKDOWN = "\\`*_{}[]()#+-.!|~:=^$%@"
_TABLE = {ord(c): v for c, v in _ENTITIES.items()}
_TABLE.update({ord(c): f"&#{ord(c)};" for c in _MARKDOWN})
_SPACE = re.compile(r"\s+")


def text(value: object) -> Markup:
    """Inline text: one line (whitespace runs become one space), every significant character an entity.

    A line of a page may start with the text, so its first character is an entity too unless it is a
    letter, a digit or a space (one space cannot start a code block).
    """
    flat = _SPACE.sub(" ", str(value))
    escaped = flat.translate(_TABLE)
    if flat and not (flat[0].isalnum() or flat[0] == " ") and escaped[:1] != "&":
        escaped = f"&#{ord(flat[0])};{escaped[1:]}"
    return Markup(escaped)


def inline(value: object) -> Markup:
    """A piece of a longer line (kept spaces at its ends, no line-start rule): for splicing links in."""
    return Markup(_SPACE.sub(" ", str(value)).translate(_TABLE))


_IDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")


def ident(value: object) -> Markup:
    """An id (a slug) for id="..." or a URL path: as is when it is a slug, percent-encoded otherwise."""
    value = str(value)
    return Markup(value if _IDENT.match(value) else quote(value, safe="").replace("%", "_"))


def block(value: object) -> Markup:
    """Text for a raw `<pre>` block: lines and spaces kept, every significant character an entity."""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("\n".join(line.translate(_TABLE) for line in lines))


def attr(value: object) -> Markup:
    """A value for an HTML attribute (title="..."): same as `text`, which is attribute-safe."""
    return text(value)


_SAFE_URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)
_URL_KEEP = ":/?#@!$&'()*+,;=%~-._"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL, or None. Anything else (javascript:, data:, relative, with spaces) is refused."""
    if not url:
        return None
    url = url.strip()
    if not _SAFE_URL.match(url) or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    return url


def url_attr(url: str) -> Markup:
    """A checked URL for href="...": non-URL characters percent-encoded, the rest made Markdown-inert."""
    encoded = quote(url, safe=_URL_KEEP)
    return Markup(encoded.translate(_HREF_TABLE))


# In an href, keep what a URL needs (: / . - ~ # %) readable; entity the rest that Markdown reads.
_HREF_TABLE = {ord(c): v for c, v in _ENTITIES.items()}
_HREF_TABLE.update({ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()|!+$@"})


def text_fragment(url: str, quote_text: str, words: int = 8) -> str | None:
    """`url#:~:text=<start of quote>`, so the browser scrolls to and marks the words in the original."""
    base = safe_url(url)
    if not base:
        return None
    start = " ".join(quote_text.strip().strip("\"'“”‘’").split()[:words])
    if not start:
        return None
    # Text directives use - , & as syntax; quote() keeps - . _ ~ so encode those by hand.
    encoded = quote(start, safe="").replace("-", "%2D").replace(".", "%2E").replace("_", "%5F").replace("~", "%7E")
    return f"{base.split('#', 1)[0]}#:~:text={encoded}"


def fence(value: str) -> str:
    """A backtick fence longer than any backtick run in the value."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    return "`" * max(3, longest + 1)
