"""Render stage: Dossier -> Markdown pages (from Jinja2 templates), the claims matrix as CSV, the CSS.

Nothing imports this package but the plugin. It reads only `model`; it never touches files or MkDocs.

    render_site(dossier, notes)  {src_uri: Markdown} for every generated page
    render_csv(dossier)          the claims-and-responses matrix, one row per response
    ASSETS                       {site path: text} files to add to the site (CSS: add to extra_css)
    with_error_banner(html, msg) a built page with the build's errors on top (live preview)
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

from markupsafe import escape as escape_html

from ..model import Dossier
from .pages import Renderer

__all__ = ["ASSETS", "OFFLINE_SHIM", "render_csv", "render_site", "with_error_banner"]

_ASSET_DIR = Path(__file__).parent.parent / "assets"
ASSETS: dict[str, str] = {
    f"assets/dossier/{name}": (_ASSET_DIR / name).read_text(encoding="utf-8")
    # iframe-worker-shim.js: for a site opened from disk (Material's offline plugin), search's worker
    # runs in an iframe
    for name in ("dossier.css", "network.css", "iframe-worker-shim.js")
}
OFFLINE_SHIM = "assets/dossier/iframe-worker-shim.js"

_H1 = re.compile(r"^#[ \t]", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE | re.DOTALL)
_FENCED = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.MULTILINE | re.DOTALL)


NOTE_OPEN = ('<div class="dossier-note" markdown="1">\n'
             '<p class="dossier-note-label">Editors\u2019 note</p>\n\n')
NOTE_CLOSE = "\n\n</div>\n\n"


def with_note(note: str, generated: str) -> str:
    """An entity or index page with the editor's note: the note's front matter first (mkdocs reads it
    only there), then the page title (the note's own, when it has one, else the generated one), then the
    note's text exactly as written in a box marked as the editors' text, then the generated sections."""
    front = _FRONT_MATTER.match(note)
    head, body = (note[:front.end()] + "\n", note[front.end():].lstrip("\n")) if front else ("", note)
    title, rest = generated.split("\n", 1) if generated.startswith("# ") else ("", generated)
    fences = [m.span() for m in _FENCED.finditer(body)]
    first = next((m for m in _H1.finditer(body) if not any(a <= m.start() < b for a, b in fences)), None)
    if first is not None:
        end = body.find("\n", first.start())
        end = len(body) if end < 0 else end + 1
        title, body = body[:end].rstrip("\n"), body[end:]
    parts = [head, title + "\n\n" if title else ""]
    if body.strip():
        parts += [NOTE_OPEN, body.strip("\n"), NOTE_CLOSE]
    parts.append(rest.lstrip("\n"))
    return "".join(parts)


def render_site(dossier: Dossier, notes: Mapping[str, str] | None = None,
                backlinks: Mapping[str, list[tuple[str, str]]] | None = None,
                directory_urls: bool = True) -> dict[str, str]:
    """Every generated page: src_uri -> Markdown text, sorted by src_uri.

    notes maps an entity page's src_uri ("actors/maria-zakharova.md") to the editor's own Markdown, which
    goes under the page title, exactly as written, in a box marked as the editors' note, before the
    generated sections. When the note has its own title (a level-one heading) that is the page's title.
    backlinks maps an entity page's src_uri to the editors' pages that link to it, as (title, src_uri);
    the page lists them under "Linked from editors' pages".
    directory_urls is mkdocs' use_directory_urls, for the few links written as raw HTML (timelines).
    """
    pages = Renderer(dossier, backlinks, directory_urls).pages()
    for uri, note in sorted((notes or {}).items()):
        if uri not in pages or not note.strip():
            continue
        pages[uri] = with_note(note, pages[uri])
    return pages


BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def with_error_banner(html: str, message: str) -> str:
    """A built page with the build's errors (file:line, escaped) as the first thing in its body: what a
    live preview shows on every page while the curation files are broken."""
    lines = [str(escape_html(line.strip())) for line in message.splitlines() if line.strip()]
    banner = ('<div class="dossier-build-error" role="alert" style="position:relative;z-index:10;'
              'padding:.8em 1.2em;background:#b71c1c;color:#fff;font:14px/1.5 monospace;white-space:pre-wrap">'
              f'<strong>{lines[0]}</strong>\n' + "\n".join(lines[1:]) +
              "\nThis preview shows the last good curation until the files are fixed.</div>")
    found = BODY_TAG.search(html)
    return html[:found.end()] + banner + html[found.end():] if found else banner + html


CSV_HEADER = ("claim_id", "claim", "claimants", "actor", "stance", "source", "sentence", "quote")


def render_csv(dossier: Dossier) -> str:
    """The matrix as CSV: one row per response (a claim nobody answered gets one row with no actor).

    Names, not ids, for claimants and actor (a spreadsheet is read by people); source and sentence ids
    locate the quote at sources/<source>/#<sentence>. Cells that a spreadsheet would run as a formula
    (starting with = + - @) get a leading apostrophe.
    """
    renderer = Renderer(dossier)
    L = renderer.L
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)

    def name(actor_id: str) -> str:
        actor = L.actors.get(actor_id)
        return actor.name if actor else actor_id

    for claim in sorted(dossier.claims, key=renderer.claim_key):
        claimants = "; ".join(name(a) for a in claim.claimants)
        responses = sorted(claim.responses, key=lambda r: (r.actor, r.source, r.stance, r.quote))
        if not responses:
            writer.writerow(_cells((claim.id, claim.text, claimants, "", "", "", "", "")))
        for r in responses:
            writer.writerow(_cells((claim.id, claim.text, claimants, name(r.actor), r.stance, r.source,
                                    L.response_sentence(r) or "", r.quote)))
    return out.getvalue()


def _cells(row: tuple[str, ...]) -> list[str]:
    return ["'" + c if c[:1] in ("=", "+", "-", "@", "\t", "\r") else c for c in row]
