"""Who accuses and answers whom, drawn as inline SVG at build time: no script, no outside host.

The layout is a grid, not a simulation, so it is deterministic and its labels cannot overlap: actors
sit in blocks, one block per side (the state or bloc they act for); blocks stack in a few columns; each
actor is a pill holding its name. Every box (pill, block heading, edge label, legend entry) is computed
here before anything is drawn; an edge label is only placed where its box is free, so no two boxes meet.

Edges run from the side of one pill to the side of another as curves, under the blocks (a block is
opaque, so a long edge passes behind the columns between). The relation shows in three ways, never in
colour alone: a dash pattern, an end marker and a text label (where it fits; always in the tooltip
and in the table below the picture). Being named together is a faint grey line with no marker.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import permutations

from markupsafe import Markup

from ..relations import ACCUSES, CLAIM_RELATIONS, TOGETHER
from . import escape

FONT = 12  # node labels
SMALL = 10  # edge labels, block headings, legend
PILL_H = 22
PILL_GAP = 6
PAD_X = 8  # inside a pill, left and right of its text
BLOCK_PAD = 6
HEAD_H = 18
BLOCK_GAP = 14
COLUMN_GAP = 124  # wide enough for an edge label such as "counter-accuses" between two columns
MARGIN = 12  # left and right of the columns (loops within a column bulge into a gap, never out here)
TOP = 8
MAX_LABEL = 168  # px: a longer name is cut (the full name is in the tooltip and on the actor's page)
MIN_PILL = 72
LEGEND_WIDTH = 300  # px: the legend wraps to stay on a phone's screen when the picture scrolls
END_GAP = 3
PORT_SPREAD = 7  # px either side of a pill's middle over which its edges' ends are spread

# How each relation is drawn: dash pattern (empty: solid), end marker, line width. The marker and the
# dash pattern each tell the relations apart on their own; the colour only helps.
STYLE = {
    ACCUSES: ("", "arrow", 2.0),
    "supports": ("", "dot", 1.6),
    "denies": ("7 4", "bar", 1.6),
    "rejects": ("10 3 2 3", "cross", 1.6),
    "dismisses": ("2 3", "chevron", 1.8),
    "declines-comment": ("1 5", "ring", 1.6),
    "counter-accuses": ("12 3 3 3", "double", 1.8),
    TOGETHER: ("", "", 1.0),
}
LABELS = {ACCUSES: "accuses", "supports": "supports", "denies": "denies", "rejects": "rejects",
          "dismisses": "dismisses", "declines-comment": "declines comment", "counter-accuses": "counter-accuses",
          TOGETHER: "named together"}


# ---------------------------------------------------------------- input


@dataclass(frozen=True)
class Node:
    key: str  # unique in the picture (an actor may appear twice in an actor's own picture)
    label: str
    href: str  # final URL relative to the page holding the SVG
    title: str  # tooltip: the full name, its side


@dataclass(frozen=True)
class Block:
    heading: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Link:
    source: str  # node keys
    target: str
    relation: str
    href: str
    title: str  # tooltip: who, how, over what
    label: str = ""  # the words on the line, "" for none


# ---------------------------------------------------------------- layout


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    kind: str  # node | heading | edge-label | legend
    text: str = ""

    def overlaps(self, other: "Box") -> bool:
        return (self.x < other.x + other.w and other.x < self.x + self.w
                and self.y < other.y + other.h and other.y < self.y + self.h)


@dataclass
class Layout:
    width: float = 0
    height: float = 0
    boxes: list[Box] = field(default_factory=list)  # every label's box: none overlaps another
    blocks: list[tuple[Box, Block]] = field(default_factory=list)
    pills: dict[str, tuple[Box, int]] = field(default_factory=dict)  # node key -> (box, column)
    paths: list[tuple[Link, str, "Box | None"]] = field(default_factory=list)  # link, path data, label box


def text_width(text: str, size: float = FONT) -> float:
    """A generous estimate of the text's width in a sans-serif font (no font metrics at build time; the
    browser test measures the real text against these boxes)."""
    width = 0.0
    for ch in text:
        if ch in "ijlt.,;:'!|Iíì ":
            width += 0.32
        elif ch in "frJ()-[]\"/":
            width += 0.4
        elif ch in "mwMW@%":
            width += 0.92
        elif ch.isupper():
            width += 0.72
        elif ch.isdigit():
            width += 0.58
        elif ord(ch) > 0x2E80:  # CJK and other wide scripts
            width += 1.0
        else:
            width += 0.58
    return width * size


def fit(text: str, limit: float = MAX_LABEL, size: float = FONT) -> str:
    """The text, cut with an ellipsis to fit `limit` px."""
    if text_width(text, size) <= limit:
        return text
    while text and text_width(text + "…", size) > limit:
        text = text[:-1]
    return text.rstrip() + "…"


def columns_of(blocks: list[Block], count: int, links: list[Link] = ()) -> list[list[Block]]:
    """Blocks dealt into `count` columns, biggest first, each to the shortest column so far (ties: the
    leftmost), so the columns come out about as tall as each other. Input order breaks ties. Then the
    columns are put in the order that keeps linked actors closest (every order is tried: a handful), so
    lines run between neighbouring columns rather than behind the ones between."""
    columns: list[list[Block]] = [[] for _ in range(max(1, min(count, len(blocks))))]
    heights = [0.0] * len(columns)
    for block in sorted(blocks, key=lambda b: -len(b.nodes)):
        i = min(range(len(columns)), key=lambda k: (heights[k], k))
        columns[i].append(block)
        heights[i] += _block_height(block) + BLOCK_GAP
    columns = [c for c in columns if c]
    where = {n.key: i for i, column in enumerate(columns) for b in column for n in b.nodes}
    pairs = [(where[lk.source], where[lk.target]) for lk in links if lk.source in where and lk.target in where]
    best = min(permutations(range(len(columns))),
               key=lambda order: (sum(abs(order.index(a) - order.index(b)) for a, b in pairs), order))
    return [columns[i] for i in best]


def _block_height(block: Block) -> float:
    return HEAD_H + BLOCK_PAD + len(block.nodes) * (PILL_H + PILL_GAP) - PILL_GAP + BLOCK_PAD


def layout(columns: list[list[Block]], links: list[Link], legend: list[str]) -> Layout:
    out = Layout()
    y0 = TOP + _legend(out, legend)
    x = float(MARGIN)
    bottom = y0
    for ci, column in enumerate(columns):
        pill_w = max((min(max(text_width(n.label) + 2 * PAD_X, MIN_PILL), MAX_LABEL + 2 * PAD_X)
                      for b in column for n in b.nodes), default=MIN_PILL)
        head_w = max(text_width(b.heading.upper(), SMALL * 1.1) for b in column)
        width = min(max(pill_w, head_w), MAX_LABEL + 2 * PAD_X) + 2 * BLOCK_PAD
        y = y0
        for block in column:
            box = Box(x, y, width, _block_height(block), "block", block.heading)
            out.blocks.append((box, block))
            out.boxes.append(Box(x + BLOCK_PAD, y + 3, width - 2 * BLOCK_PAD, HEAD_H - 4, "heading",
                                 fit(block.heading.upper(), width - 2 * BLOCK_PAD, SMALL * 1.1)))
            ny = y + HEAD_H + BLOCK_PAD
            for node in block.nodes:
                pill = Box(x + BLOCK_PAD, ny, width - 2 * BLOCK_PAD, PILL_H, "node",
                           fit(node.label, width - 2 * BLOCK_PAD - 2 * PAD_X))
                out.pills[node.key] = (pill, ci)
                out.boxes.append(pill)
                ny += PILL_H + PILL_GAP
            y += box.h + BLOCK_GAP
        bottom = max(bottom, y - BLOCK_GAP)
        x += width + COLUMN_GAP
    out.width = x - COLUMN_GAP + MARGIN + (64 if len(columns) == 1 else 0)  # one column: its loops bulge right
    out.height = bottom + TOP
    _route(out, links)
    return out


def _legend(out: Layout, legend: list[str]) -> float:
    """The legend as one or more rows at the top: a line sample then its words. Returns its height."""
    if not legend:
        return 0.0
    x, y, row_h, limit = float(MARGIN), float(TOP), 18.0, LEGEND_WIDTH
    for relation in legend:
        words = LABELS[relation]
        w = 34 + text_width(words, SMALL) + 4
        if x + w > MARGIN + limit and x > MARGIN:
            x, y = float(MARGIN), y + row_h
        out.boxes.append(Box(x, y, w, 14, "legend", relation))
        x += w + 16
    return y + row_h + 10 - TOP


def _route(out: Layout, links: list[Link]) -> None:
    """Each link as a cubic curve between the sides of two pills, its ends spread over the pills'
    heights (in the order of the other ends, to cross less), its label at the middle where it fits."""
    drawable = [lk for lk in links if lk.source in out.pills and lk.target in out.pills and lk.source != lk.target]
    ends: dict[tuple[str, str], list[tuple[float, int, str]]] = defaultdict(list)  # (node, side) -> (other y, i, role)
    sides = []
    for i, lk in enumerate(drawable):
        (a, ca), (b, cb) = out.pills[lk.source], out.pills[lk.target]
        if ca < cb:
            sa, sb = "right", "left"
        elif ca > cb:
            sa, sb = "left", "right"
        else:  # same column: bulge out on the right, except in the last column, where the left is nearer
            sa = sb = "left" if ca == max(c for _, c in out.pills.values()) and ca > 0 else "right"
        sides.append((sa, sb))
        ends[(lk.source, sa)].append((b.y, i, "s"))
        ends[(lk.target, sb)].append((a.y, i, "t"))
    port: dict[tuple[int, str], float] = {}
    for (key, _side), items in ends.items():
        box = out.pills[key][0]
        items.sort()
        for n, (_, i, role) in enumerate(items):
            offset = 0.0 if len(items) == 1 else -PORT_SPREAD + 2 * PORT_SPREAD * n / (len(items) - 1)
            port[(i, role)] = box.y + box.h / 2 + offset
    placed = list(out.boxes) + [b for b, _ in out.blocks]
    order = sorted(range(len(drawable)), key=lambda i: (drawable[i].relation == TOGETHER, i))
    labelled: dict[int, Box] = {}
    curves = {}
    for i in order:
        lk = drawable[i]
        (a, _), (b, _) = out.pills[lk.source], out.pills[lk.target]
        sa, sb = sides[i]
        x1 = a.x + a.w if sa == "right" else a.x
        # the end stops short of the pill so its end mark (drawn under the pills) stays visible
        x2 = b.x + b.w + END_GAP if sb == "right" else b.x - END_GAP
        y1, y2 = port[(i, "s")], port[(i, "t")]
        if sa == sb:  # a loop out of the column and back
            bulge = (28 + min(abs(y2 - y1), 240) / 10) * (1 if sa == "right" else -1)
            c1, c2 = (x1 + bulge, y1), (x2 + bulge, y2)
        else:
            reach = max(abs(x2 - x1) / 2.4, 36)
            c1 = (x1 + reach if sa == "right" else x1 - reach, y1)
            c2 = (x2 - reach if sb == "left" else x2 + reach, y2)
        curves[i] = ((x1, y1), c1, c2, (x2, y2))
        if lk.label and lk.relation != TOGETHER:
            mx, my = _bezier((x1, y1), c1, c2, (x2, y2), 0.5)
            w, h = text_width(lk.label, SMALL) + 6, SMALL + 4
            box = Box(mx - w / 2, my - h / 2, w, h, "edge-label", lk.label)
            if box.x >= 0 and box.x + box.w <= out.width and not any(box.overlaps(p) for p in placed):
                placed.append(box)
                out.boxes.append(box)
                labelled[i] = box
    for i, lk in enumerate(drawable):
        p0, c1, c2, p3 = curves[i]
        d = f"M{p0[0]:.1f} {p0[1]:.1f}C{c1[0]:.1f} {c1[1]:.1f} {c2[0]:.1f} {c2[1]:.1f} {p3[0]:.1f} {p3[1]:.1f}"
        out.paths.append((lk, d, labelled.get(i)))


def _bezier(p0, p1, p2, p3, t):
    u = 1 - t
    return tuple(u ** 3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t ** 3 * d for a, b, c, d in zip(p0, p1, p2, p3))


# ---------------------------------------------------------------- drawing


def svg(columns: list[list[Block]], links: list[Link], label: str, ident: str = "net") -> tuple[Markup, Layout]:
    """The picture as one `<svg>` on one line, and its layout (for tests). `ident` prefixes the marker
    ids, which must be unique on the page."""
    used = [r for r in (*CLAIM_RELATIONS, TOGETHER) if any(lk.relation == r for lk in links)]
    lay = layout(columns, links, used)
    parts = [f'<svg class="dossier-network-svg" width="{lay.width:.0f}" height="{lay.height:.0f}" '
             f'viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" role="img" aria-label="{escape.attr(label)}" '
             f'font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">', _markers(ident, used)]
    for box in lay.boxes:
        if box.kind == "legend":
            parts.append(_legend_entry(box, ident))
    for lk, d, _ in sorted(lay.paths, key=lambda p: p[0].relation != TOGETHER):  # faint lines first, under
        parts.append(_edge(lk, d, ident))
    for box, block in lay.blocks:
        parts.append(f'<rect class="dossier-net-block" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
                     f'height="{box.h:.1f}" rx="6"/>')
    for box in lay.boxes:
        if box.kind == "heading":
            parts.append(f'<text class="dossier-net-heading" x="{box.x:.1f}" y="{box.y + box.h - 3:.1f}" '
                         f'font-size="{SMALL}">{escape.text(box.text)}</text>')
    nodes = {n.key: n for _, block in lay.blocks for n in block.nodes}
    for key, (box, _) in lay.pills.items():
        node = nodes[key]
        parts.append(f'<a class="dossier-net-node" href="{escape.url_attr(node.href)}" data-key="{escape.attr(key)}">'
                     f'<title>{escape.text(node.title)}</title>'
                     f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="11"/>'
                     f'<text x="{box.x + PAD_X:.1f}" y="{box.y + box.h / 2 + FONT * 0.36:.1f}">'
                     f'{escape.text(box.text)}</text></a>')
    for lk, d, box in lay.paths:
        if box is None:
            continue
        at = (box.x + box.w / 2, box.y + box.h / 2)
        parts.append(f'<a class="dossier-net-elabel dossier-net-{lk.relation}" href="{escape.url_attr(lk.href)}">'
                     f'<title>{escape.text(lk.title)}</title>'
                     f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="3"/>'
                     f'<text x="{at[0]:.1f}" y="{at[1] + SMALL * 0.36:.1f}" text-anchor="middle" '
                     f'font-size="{SMALL}">{escape.text(lk.label)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts)), lay


def _edge(lk: Link, d: str, ident: str) -> str:
    dash, marker, width = STYLE[lk.relation]
    attrs = f' stroke-dasharray="{dash}"' if dash else ""
    attrs += f' marker-end="url(#{ident}-{lk.relation})"' if marker else ""
    return (f'<a class="dossier-net-edge dossier-net-{lk.relation}" href="{escape.url_attr(lk.href)}">'
            f'<title>{escape.text(lk.title)}</title>'
            f'<path class="dossier-net-hit" d="{d}"/>'
            f'<path class="dossier-net-line" d="{d}" stroke-width="{width}"{attrs}/></a>')


MARKERS = {  # drawn in a 10x10 box, the line arriving from the left at (10, 5)
    "arrow": '<path d="M0 0L10 5L0 10z"/>',
    "dot": '<circle cx="6" cy="5" r="4"/>',
    "bar": '<path d="M8 0V10" stroke-width="2.4" fill="none"/>',
    "cross": '<path d="M1 1L9 9M1 9L9 1" stroke-width="2" fill="none"/>',
    "chevron": '<path d="M1 0L9 5L1 10" stroke-width="2" fill="none"/>',
    "ring": '<circle cx="5.5" cy="5" r="3.6" stroke-width="1.6" fill="none"/>',
    "double": '<path d="M0 0L5 5L0 10zM5 0L10 5L5 10z"/>',
}


def _markers(ident: str, used: list[str]) -> str:
    out = []
    for relation in used:
        marker = STYLE[relation][1]
        if marker:
            out.append(f'<marker id="{ident}-{relation}" class="dossier-net-marker dossier-net-{relation}" '
                       f'viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" '
                       f'markerUnits="userSpaceOnUse" orient="auto">{MARKERS[marker]}</marker>')
    return "<defs>" + "".join(out) + "</defs>" if out else ""


def _legend_entry(box: Box, ident: str) -> str:
    relation = box.text
    dash, marker, width = STYLE[relation]
    y = box.y + box.h / 2
    attrs = f' stroke-dasharray="{dash}"' if dash else ""
    attrs += f' marker-end="url(#{ident}-{relation})"' if marker else ""
    return (f'<g class="dossier-net-legend dossier-net-{relation}">'
            f'<path class="dossier-net-line" d="M{box.x:.1f} {y:.1f}H{box.x + 28:.1f}" stroke-width="{width}"{attrs}/>'
            f'<text x="{box.x + 34:.1f}" y="{y + SMALL * 0.36:.1f}" font-size="{SMALL}">'
            f'{escape.text(LABELS[relation])}</text></g>')
