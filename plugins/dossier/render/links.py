"""Links and inline pieces for one page, built only from ids and the fixed page structure.

Targets inside the site are relative Markdown links to `.md` files, so mkdocs validates and rewrites them.
A target that does not exist (an id the dossier does not hold) renders as plain text, never a dead link.
Outside URLs pass `escape.safe_url` (http and https only) and go in raw `<a>` tags, attribute-escaped.
"""
from __future__ import annotations

import posixpath

from markupsafe import Markup

from ..model import PRECISIONS, DateSpan
from . import dates, escape
from .lookup import Lookup

STANCE_LABELS = {
    "supports": "Supports",
    "denies": "Denies",
    "rejects": "Rejects",
    "dismisses": "Dismisses",
    "declines-comment": "Declines comment",
    "counter-accuses": "Counter-accuses",
}
QUOTE_MARKS = "\"'“”‘’«»„"
STANCE_HELP = {
    "supports": "agrees with the claim or repeats it",
    "denies": "says the claim is false",
    "rejects": "refuses the claim as illegitimate or baseless without answering its facts",
    "dismisses": "waves the claim away as not worth answering",
    "declines-comment": "was asked and would not say",
    "counter-accuses": "answers by accusing the claimants of the same or worse",
}


def entity_uri(kind: str, id: str) -> str:
    """The src_uri of an entity page: kind is sources, actors, events or claims."""
    return f"{kind}/{id}.md"


class Page:
    """Link helpers for the page at `uri` (a src_uri such as "actors/maria-zakharova.md")."""

    def __init__(self, lookup: Lookup, uri: str, directory_urls: bool = True):
        self.L = lookup
        self.uri = uri
        self.dir = posixpath.dirname(uri)
        self.directory_urls = directory_urls
        depth = uri.count("/")
        # The final URL of this page's folder, for raw HTML (SVG): use_directory_urls puts x.md at x/,
        # without it (a site opened from disk) x.md is x.html beside its folder's index.html.
        leaf = posixpath.basename(uri)
        self.site_root = "../" * (depth + (0 if leaf == "index.md" or not directory_urls else 1))

    # ---------------------------------------------------------------- paths

    def rel(self, target: str, anchor: str | None = None) -> str:
        if target == self.uri:
            path = ""
        else:
            path = posixpath.relpath(target, self.dir or ".")
        return path + (f"#{anchor}" if anchor else "")

    def url(self, kind: str, id: str) -> str:
        """The final URL of an entity page relative to this page, for raw HTML where mkdocs won't rewrite."""
        return f"{self.site_root}{kind}/{id}/" if self.directory_urls else f"{self.site_root}{kind}/{id}.html"

    def _link(self, label: object, target: str, anchor: str | None = None, title: object = None,
              classes: str = "") -> Markup:
        href = self.rel(target, anchor)
        title_part = f' "{escape.attr(title)}"' if title else ""
        attrs = "{: " + " ".join("." + c for c in classes.split()) + " }" if classes else ""
        return Markup(f"[{escape.text(label)}]({href}{title_part}){attrs}")

    # ---------------------------------------------------------------- entities

    def actor(self, id: str | None, label: object = None) -> Markup:
        actor = self.L.actors.get(id or "")
        if actor is None:
            return escape.text(label or id or "unknown")
        return self._link(label or actor.name, entity_uri("actors", actor.id))

    def actors(self, ids, sep: str = ", ") -> Markup:
        return Markup(sep).join(self.actor(i) for i in ids)

    def source(self, id: str, label: object = None) -> Markup:
        source = self.L.sources.get(id)
        if source is None:
            return escape.text(label or id)
        return self._link(label or source.title, entity_uri("sources", id))

    def event(self, id: str, label: object = None) -> Markup:
        event = self.L.events.get(id)
        if event is None:
            return escape.text(label or id)
        return self._link(label or event.title, entity_uri("events", id))

    def claim(self, id: str | None, label: object = None) -> Markup:
        claim = self.L.claims.get(id or "")
        if claim is None:
            return escape.text(label or id or "")
        return self._link(label or claim.text, entity_uri("claims", claim.id))

    def matrix_row(self, id: str, label: object = "in the matrix") -> Markup:
        return self._link(label, "claims/index.md", f"claim-{id}")

    # ---------------------------------------------------------------- sentences and quotes

    def outlet(self, source_id: str) -> Markup:
        """The outlet that published a source, with its label: "RT (Russian state media)"."""
        source = self.L.sources.get(source_id)
        if source is None:
            return escape.text(source_id)
        name = escape.text(source.outlet or source.title)
        if source.label:
            return Markup(f'{name} <span class="dossier-label">{escape.text(source.label)}</span>')
        return name

    def outlet_plain(self, source_id: str) -> str:
        source = self.L.sources.get(source_id)
        if source is None:
            return source_id
        name = source.outlet or source.title
        return f"{name} ({source.label})" if source.label else name

    def sentence(self, source_id: str, sid: str | None, label: object = None, title: object = None,
                 classes: str = "dossier-cite") -> Markup:
        """A link to one sentence of a source page; plain text when the sentence is unknown."""
        if not sid or (source_id, sid) not in self.L.sentences:
            if source_id in self.L.sources:
                return self.source(source_id, label or self.outlet_plain(source_id))
            return escape.text(label or source_id)
        return self._link(label or sid, entity_uri("sources", source_id), sid, title=title, classes=classes)

    def cite(self, source_id: str, sid: str | None) -> Markup:
        """"Outlet, s7": the outlet named, the sentence linked."""
        return Markup(f"{self.outlet(source_id)}, {self.sentence(source_id, sid)}")

    def original(self, source_id: str, quote: str | None = None, label: str = "original") -> Markup:
        """A link to the article itself, to the quoted words when a quote is given (URL text fragment)."""
        source = self.L.sources.get(source_id)
        if source is None or not escape.safe_url(source.url):
            return Markup("")
        url = (escape.text_fragment(source.url, quote) if quote else None) or escape.safe_url(source.url)
        return Markup(f'<a class="dossier-original" href="{escape.url_attr(url)}" rel="noopener nofollow" '
                      f'title="{escape.attr("In the original article" + (": " + quote if quote else ""))}">'
                      f"{escape.text(label)}</a>")

    def quote(self, source_id: str, sid: str | None, text: str) -> Markup:
        """“words” — Outlet (label), s7 · original: a quote never appears without its outlet and sentence."""
        bare = text.strip().strip(QUOTE_MARKS).strip() or text  # <q> adds its own marks
        parts = [f'<q class="dossier-quote">{escape.text(bare)}</q> &#8212; {self.cite(source_id, sid)}']
        original = self.original(source_id, text)
        if original:
            parts.append(f" &#183; {original}")
        return Markup("".join(parts))

    def snippet(self, source_id: str, sid: str) -> Markup:
        sentence = self.L.sentences.get((source_id, sid))
        return escape.text(sentence.text) if sentence else Markup("")

    def badge(self, stance: str, source_id: str | None = None, sid: str | None = None,
              quote: str | None = None) -> Markup:
        """A stance badge with its text label, linked to the sentence it was read in when known."""
        label = STANCE_LABELS.get(stance, stance)
        classes = f"dossier-stance dossier-stance-{stance if stance in STANCE_LABELS else 'other'}"
        if source_id and sid and (source_id, sid) in self.L.sentences:
            title = f"{quote} — {self.outlet_plain(source_id)}" if quote else self.outlet_plain(source_id)
            return self.sentence(source_id, sid, label=label, title=title, classes=classes)
        return Markup(f'<span class="{classes}">{escape.text(label)}</span>')

    @staticmethod
    def curated() -> Markup:
        return Markup('<span class="dossier-curated" title="Set or corrected by an editor">curated</span>')

    # ---------------------------------------------------------------- dates

    def date(self, span: DateSpan | None, undated: str = "undated") -> Markup:
        return escape.text(dates.human(span) or undated)

    def day(self, d) -> Markup:
        return escape.text(dates.day(d)) if d else Markup("")

    @staticmethod
    def precision(span: DateSpan | None) -> str:
        return span.precision if span and span.precision in PRECISIONS else ""
