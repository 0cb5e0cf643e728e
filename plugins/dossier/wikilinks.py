"""Wikilinks in the editors' pages: `[[Name]]`, `[[Name|label]]`, `[[event:id]]` ... -> relative links.

Works on plain Markdown text and a NameIndex built from the Dossier; nothing here imports MkDocs.
markdown-it-py finds the blocks that hold inline text, so a wikilink inside a fenced or indented code
block, or inside inline code, stays as written. Admonition bodies (`!!! note` then an indented block)
are Markdown to the site's renderer but code to CommonMark, so they are scanned as Markdown too.

A target that names nothing, or more than one actor, becomes a visible span (class
"dossier-broken-link") and a Problem naming the file and line; it is never dropped.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from .model import Dossier, Problem
from .resolve.actors import norm  # the same comparison key the actors were resolved with

KINDS = {"actor": "actors", "event": "events", "source": "sources", "claim": "claims"}
WIKILINK = re.compile(r"(?<!\\)\[\[([^\[\]\n]+?)\]\]")
_BACKTICKS = re.compile(r"(?<!\\)`+")
_ANY_BACKTICKS = re.compile(r"`+")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s*[\w-]+")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_MD = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class Target:
    uri: str  # src_uri of the entity page, e.g. "actors/maria-zakharova.md"
    title: str


@dataclass
class NameIndex:
    """Names and aliases of actors (normalised), and ids of every entity, to their pages."""

    names: dict[str, set[Target]] = field(default_factory=dict)
    ids: dict[tuple[str, str], Target] = field(default_factory=dict)

    @classmethod
    def from_dossier(cls, dossier: Dossier) -> NameIndex:
        index = cls()
        for actor in dossier.actors:
            target = Target(f"actors/{actor.id}.md", actor.name)
            index.ids[("actor", actor.id)] = target
            for form in (actor.name, *actor.aliases):
                index.names.setdefault(norm(form), set()).add(target)
        for kind, items, title in (("event", dossier.events, lambda e: e.title),
                                   ("source", dossier.sources, lambda s: s.title),
                                   ("claim", dossier.claims, lambda c: c.text)):
            for item in items:
                index.ids[(kind, item.id)] = Target(f"{KINDS[kind]}/{item.id}.md", title(item))
        return index

    @classmethod
    def from_export(cls, data: dict) -> NameIndex:
        """The same index from dossier.json (its format dossier/1), for tools that only have the export."""
        index = cls()
        for actor in data.get("actors", []):
            target = Target(f"actors/{actor['id']}.md", actor["name"])
            index.ids[("actor", actor["id"])] = target
            for form in (actor["name"], *actor.get("aliases", [])):
                index.names.setdefault(norm(form), set()).add(target)
        for kind, key, title in (("event", "events", "title"), ("source", "sources", "title"),
                                 ("claim", "claims", "text")):
            for item in data.get(key, []):
                index.ids[(kind, item["id"])] = Target(f"{KINDS[kind]}/{item['id']}.md", item.get(title) or item["id"])
        return index

    def title_of(self, uri: str) -> str | None:
        """The title of the entity page at uri, if it is one."""
        kind, _, leaf = uri.partition("/")
        singular = {v: k for k, v in KINDS.items()}.get(kind)
        found = self.ids.get((singular, leaf[:-3])) if singular and leaf.endswith(".md") else None
        return found.title if found else None

    def find(self, text: str) -> Target | str:
        """The page a wikilink target names, or why it names none (a message)."""
        text = text.strip()
        kind, sep, ident = text.partition(":")
        if sep and kind.strip().lower() in KINDS:
            kind, ident = kind.strip().lower(), ident.strip()
            found = self.ids.get((kind, ident))
            return found or f"there is no {kind} with the id {ident!r}"
        matches = self.names.get(norm(text), set())
        if len(matches) == 1:
            return next(iter(matches))
        if len(matches) > 1:
            ids = ", ".join(sorted(t.uri.split("/", 1)[1][:-3] for t in matches))
            return f"it names more than one actor ({ids}); write [[actor:<id>]] for the one meant"
        return "no actor has this name or alias (for other pages write [[event:<id>]], [[source:<id>]] or [[claim:<id>]])"


@dataclass(frozen=True)
class Link:
    """One `[[...]]` in a text: where it is (character offsets, 1-based line) and what it says."""

    start: int
    end: int
    line: int
    target: str
    label: str | None


@dataclass(frozen=True)
class Rewritten:
    text: str
    problems: tuple[Problem, ...]
    targets: tuple[str, ...]  # uris of the pages linked, in order of first appearance


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, lines before the body): YAML front matter as MkDocs reads it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return "", text, 0
    head, body = text[:match.end()], text[match.end():]
    stripped = body.lstrip("\n")
    head += body[:len(body) - len(stripped)]
    return head, stripped, head.count("\n")


def page_title(text: str, src_uri: str, fallback: str | None = None) -> str:
    """What a reader would call the page: its front matter title, else its first heading, else fallback,
    else its file name."""
    head, body, _ = split_front_matter(text)
    match = _TITLE.search(head)
    if match:
        return match.group(1).strip("'\"")
    match = _H1.search(_without_code(body))
    if match:  # a heading may hold wikilinks: show their labels
        return WIKILINK.sub(lambda m: (m.group(1).split("|", 1) + [""])[1] or m.group(1), match.group(1))
    if fallback:
        return fallback
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    if stem == "index":
        stem = posixpath.basename(posixpath.dirname(src_uri)) or "Home"
    return stem.replace("-", " ").replace("_", " ").capitalize()


def find(text: str) -> list[Link]:
    """Every wikilink in Markdown text outside code, in order."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    out: dict[int, Link] = {}
    for view in _blocks(lines, [(i, 0) for i in range(len(lines))]):
        block = "".join(lines[i][col:] for i, col in view)
        offsets = []  # block offset -> original offset, per line
        at = 0
        for i, col in view:
            offsets.append((at, starts[i] + col, i))
            at += len(lines[i]) - col
        code = _code_spans(block)
        for match in WIKILINK.finditer(block):
            if any(s <= match.start() < e for s, e in code):
                continue
            base, orig, line = next(o for o in reversed(offsets) if o[0] <= match.start())
            start = orig + match.start() - base
            target, _, label = match.group(1).partition("|")
            out[start] = Link(start, start + len(match.group()), line + 1, target.strip(),
                              label.strip() or None)
    return [out[k] for k in sorted(out)]


def rewrite(text: str, page_uri: str, index: NameIndex, label: str, first_line: int = 1,
            href: Callable[[str], str] | None = None) -> Rewritten:
    """Text with every wikilink replaced by a relative Markdown link (or a visible broken-link span).

    page_uri is the src_uri of the page the text is on; label names its file in problems; first_line is
    the line number of the text's first line in that file (front matter that was cut off before it).
    href, when given, makes the link of a target page's uri (a builder that does not rewrite .md links).
    """
    pieces, problems, targets, at = [], [], [], 0
    for link in find(text):
        pieces.append(text[at:link.start])
        at = link.end
        found = index.find(link.target)
        raw = text[link.start:link.end]
        if isinstance(found, Target):
            if found.uri not in targets:
                targets.append(found.uri)
            shown = _markdown_label(link.label) if link.label else (
                _markdown_label(link.target) if ":" not in link.target else _inert(found.title))
            rel = href(found.uri) if href else posixpath.relpath(found.uri, posixpath.dirname(page_uri) or ".")
            pieces.append(f"[{shown}]({rel})")
        else:
            problems.append(Problem(label, first_line + link.line - 1, f"the wikilink {raw} links nowhere: {found}"))
            why = "Broken link: " + found.split(" (", 1)[0]
            pieces.append(f'<span class="dossier-broken-link" title="{_inert(why)}">'
                          f"{_inert(link.label or link.target)}</span>")
    pieces.append(text[at:])
    return Rewritten("".join(pieces), tuple(problems), tuple(targets))


def backlinks(pages: Iterable[tuple[str, str, Iterable[str]]]) -> dict[str, list[tuple[str, str]]]:
    """{entity uri: [(title, page uri)]} from (page uri, title, linked uris); a page never lists itself."""
    out: dict[str, set[tuple[str, str]]] = {}
    for uri, title, linked in pages:
        for target in linked:
            if target != uri:
                out.setdefault(target, set()).add((title, uri))
    return {target: sorted(found, key=lambda t: (t[0].lower(), t[1])) for target, found in sorted(out.items())}


# ---------------------------------------------------------------- scanning


@dataclass(frozen=True)
class EditorsPages:
    """The editors' pages made ready for a build: notes rewritten, their problems, and the backlinks."""

    notes: dict[str, str]  # entity page uri -> the note's text with its wikilinks resolved
    problems: dict[str, list]  # entity page uri -> that note's wikilink problems
    backlinks: dict[str, list[tuple[str, str]]]


def prepare(notes: dict[str, tuple[str, str]], pages: dict[str, str], index: NameIndex) -> EditorsPages:
    """notes: {entity uri: (text, file label)}, pages: {uri: text} of the other editors' pages.

    Notes get their wikilinks here because they become part of generated pages; every editor's page is
    scanned for what it links to, so entity pages can list the pages that link to them."""
    linked, texts, problems = [], {}, {}
    for uri, (text, label) in notes.items():
        head, body, skip = split_front_matter(text)
        done = rewrite(body, uri, index, label, skip + 1)
        texts[uri], problems[uri] = head + done.text, done.problems
        linked.append((uri, page_title(text, uri, index.title_of(uri)), done.targets))
    for uri, text in pages.items():
        _, body, _ = split_front_matter(text)
        targets = {index.find(link.target) for link in find(body)}
        linked.append((uri, page_title(text, uri), [t.uri for t in targets if isinstance(t, Target)]))
    return EditorsPages(texts, problems, backlinks(linked))


def _blocks(lines: list[str], view: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs of lines (as (line index, column) views) that hold inline Markdown, outside code."""
    text = "".join(lines[i][col:] for i, col in view)
    tokens = _MD.parse(text)
    seen, out = set(), []
    for k, tok in enumerate(tokens):
        if tok.map is None:
            continue
        a, b = tok.map
        if tok.type == "inline" or (tok.type == "html_block" and "markdown" in tok.content.split("\n", 1)[0]):
            if (a, b) not in seen:
                seen.add((a, b))
                out.append(view[a:b])
        elif tok.type == "code_block" and k >= 2 and tokens[k - 2].type == "inline" \
                and _ADMONITION.match(tokens[k - 2].content.rsplit("\n", 1)[-1]):
            inner = [(i, col + _indent(lines[i][col:])) for i, col in view[a:b]]
            out += _blocks(lines, inner)
    return out


def _indent(line: str) -> int:
    """Characters of one level of indentation (four spaces or a tab) at the start of line."""
    if line.startswith("    "):
        return 4
    if line.startswith("\t"):
        return 1
    return len(line) - len(line.lstrip(" "))  # a blank line


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of CommonMark code spans: a run of n backticks up to the next run of exactly n."""
    spans, at = [], 0
    while (opening := _BACKTICKS.search(text, at)) is not None:
        n, at = len(opening.group()), opening.end()
        probe = at
        while (closing := _ANY_BACKTICKS.search(text, probe)) is not None:
            if len(closing.group()) == n:
                spans.append((opening.start(), closing.end()))
                at = closing.end()
                break
            probe = closing.end()
    return spans


def _without_code(text: str) -> str:
    """Text with fenced and indented code blocks blanked, for finding the title heading."""
    lines = text.splitlines(keepends=True)
    for tok in _MD.parse(text):
        if tok.type in ("fence", "code_block") and tok.map:
            for i in range(*tok.map):
                lines[i] = "\n"
    return "".join(lines)


def _markdown_label(text: str) -> str:
    """An editor's label: kept as written (emphasis works), but brackets cannot end the link early."""
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _inert(text: str) -> str:
    """Text from the dossier (titles from articles): shown literally, never read as Markdown or HTML."""
    return " ".join(text.split()).translate(_INERT)


_INERT = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~:=^$%@"}
_INERT.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"})
