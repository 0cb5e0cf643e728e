"""Render stage: Dossier -> Markdown pages (from Jinja2 templates), the claims matrix as CSV, the CSS.

Nothing imports this package but the plugin. It reads only `model`; it never touches files or MkDocs.

    render_site(dossier, notes)  {src_uri: Markdown} for every generated page
    render_csv(dossier)          the claims-and-responses matrix, one row per response
    ASSETS                       {site path: text} files to add to the site (CSS: add to extra_css)
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

from ..model import Dossier
from .pages import Renderer

__all__ = ["ASSETS", "render_csv", "render_site"]

ASSETS: dict[str, str] = {
    f"assets/dossier/{name}": (Path(__file__).parent.parent / "assets" / name).read_text(encoding="utf-8")
    for name in ("dossier.css", "network.css")
}

_H1 = re.compile(r"^#[ \t]", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE | re.DOTALL)
_FENCED = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.MULTILINE | re.DOTALL)


def _has_title(note: str) -> bool:
    """Whether the editor's Markdown has its own level-one heading (front matter and code aside)."""
    body = _FENCED.sub("", _FRONT_MATTER.sub("", note, count=1))
    return bool(_H1.search(body))


def render_site(dossier: Dossier, notes: Mapping[str, str] | None = None, site_url_hint: str = "",
                backlinks: Mapping[str, list[tuple[str, str]]] | None = None) -> dict[str, str]:
    """Every generated page: src_uri -> Markdown text, sorted by src_uri.

    notes maps an entity page's src_uri ("actors/maria-zakharova.md") to the editor's own Markdown, which
    goes first, exactly as written, before the generated sections. When the notes have their own title
    (a level-one heading) the generated one is left out, so the page has one title.
    site_url_hint is accepted for the plugin's convenience and not used: links are relative.
    backlinks maps an entity page's src_uri to the editors' pages that link to it, as (title, src_uri);
    the page lists them under "Linked from editors' pages".
    """
    pages = Renderer(dossier, backlinks).pages()
    for uri, note in sorted((notes or {}).items()):
        if uri not in pages or not note.strip():
            continue
        generated = pages[uri]
        if _has_title(note) and generated.startswith("# "):
            generated = generated.split("\n", 1)[1].lstrip("\n")
        pages[uri] = note.rstrip("\n") + "\n\n" + generated
    return pages


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
