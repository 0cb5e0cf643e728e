"""The network page and each actor's own small picture: what relations.network found, laid out by side.

The picture draws one line per pair of actors and direction (its relation the one read most often
between them, the others named in its label and tooltip); the table under it lists every edge, one per
claim, with the sentences it was read in. Large dossiers draw only the MAX_NODES most connected actors.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..relations import CLAIM_RELATIONS, TOGETHER, Edge, Network, side_name
from . import netdraw
from .links import Page

MAX_NODES = 24
MAX_TOGETHER = 12  # faint lines drawn at most; the strongest first
MAX_AROUND = 16  # actors on either side of an actor's own picture
COLUMNS = 4


@dataclass(frozen=True)
class Pair:
    """The edges from one actor to another, drawn as one line."""

    source: str
    target: str
    edges: tuple[Edge, ...]

    @property
    def relation(self) -> str:
        counts = Counter()
        for e in self.edges:
            counts[e.relation] += e.count
        return min(counts, key=lambda r: (-counts[r], CLAIM_RELATIONS.index(r)))

    @property
    def relations(self) -> list[str]:
        main = self.relation
        return [main] + [r for r in CLAIM_RELATIONS if r != main and any(e.relation == r for e in self.edges)]

    @property
    def main_edge(self) -> Edge:
        return min((e for e in self.edges if e.relation == self.relation), key=lambda e: (-e.count, e.claim or ""))


def pairs(edges) -> list[Pair]:
    grouped: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for e in edges:
        if e.relation != TOGETHER:
            grouped[(e.source, e.target)].append(e)
    return [Pair(s, t, tuple(es)) for (s, t), es in sorted(grouped.items())]


def degrees(net: Network) -> Counter:
    """How connected each actor is: a pair of claim or answer counts three times a co-mention."""
    score: Counter = Counter()
    for p in pairs(net.edges):
        score[p.source] += 3
        score[p.target] += 3
    for e in net.edges:
        if e.relation == TOGETHER:
            score[e.source] += 1
            score[e.target] += 1
    return score


def prepare(net: Network) -> tuple:
    every = pairs(net.edges)
    by_actor: dict[str, list[Pair]] = defaultdict(list)
    for p in every:
        if p.source != p.target:
            by_actor[p.source].append(p)
            by_actor[p.target].append(p)
    return every, degrees(net), dict(by_actor)


class NetworkView:
    def __init__(self, net: Network, page: Page, claim_text, shared: tuple | None = None):
        self.net, self.page, self.L = net, page, page.L
        self.claim_text = claim_text  # claim id -> its text
        # (pairs, degrees, actor -> its pairs): computed once per render and shared by every actor's page
        self.pairs, self.score, self.by_actor = shared or prepare(net)

    def name(self, actor_id: str) -> str:
        actor = self.L.actors.get(actor_id)
        return actor.name if actor else actor_id

    def node(self, key: str, actor_id: str) -> netdraw.Node:
        side = self.net.sides.get(actor_id)
        title = self.name(actor_id) + (f" ({side_name(self.L.actors, side)})" if side and side != actor_id else "")
        return netdraw.Node(key, self.name(actor_id), self.page.url("actors", actor_id), title)

    def link(self, pair: Pair, source_key: str, target_key: str) -> netdraw.Link:
        words = ", ".join(netdraw.LABELS[r] for r in pair.relations)
        claims = sorted({e.claim for e in pair.edges if e.claim}, key=lambda c: (c != pair.main_edge.claim, c))
        about = "; ".join(self.claim_text.get(c, c) for c in claims)
        label = netdraw.LABELS[pair.relation] + (f" +{len(pair.relations) - 1}" if len(pair.relations) > 1 else "")
        return netdraw.Link(source_key, target_key, pair.relation, self.page.url("claims", pair.main_edge.claim),
                            f"{self.name(pair.source)} {words} {self.name(pair.target)}: {about}", label)

    def blocks(self, actors: list[str], score: Counter, key=lambda a: a) -> list[netdraw.Block]:
        by_side: dict[str | None, list[str]] = defaultdict(list)
        for a in actors:
            by_side[self.net.sides.get(a)].append(a)
        ordered = sorted(by_side.items(), key=lambda kv: (kv[0] is None, -sum(score[a] for a in kv[1]),
                                                           side_name(self.L.actors, kv[0]).lower()))
        out = []
        for side, members in ordered:
            members.sort(key=lambda a: (a != side, -score[a], self.name(a).lower(), a))
            out.append(netdraw.Block(side_name(self.L.actors, side), tuple(self.node(key(a), a) for a in members)))
        return out

    # ---------------------------------------------------------------- the whole network

    def whole(self):
        """(svg, drawn actor ids, actors left out with their scores, co-mention edges drawn)."""
        score = self.score
        ranked = sorted((a for a in score if a in self.L.actors and score[a] > 0),
                        key=lambda a: (-score[a], self.name(a).lower(), a))
        drawn, rest = ranked[:MAX_NODES], ranked[MAX_NODES:]
        shown = set(drawn)
        links = [self.link(p, p.source, p.target) for p in self.pairs if p.source in shown and p.target in shown]
        joined = {frozenset((p.source, p.target)) for p in self.pairs}
        together = [e for e in self.net.edges if e.relation == TOGETHER and e.source in shown and e.target in shown
                    and frozenset((e.source, e.target)) not in joined]
        together = sorted(together, key=lambda e: (-e.count, e.source, e.target))[:MAX_TOGETHER]
        for e in together:
            src, sid = e.refs[0]
            links.append(netdraw.Link(e.source, e.target, TOGETHER, f"{self.page.site_root}sources/{src}/#{sid}",
                                      f"{self.name(e.source)} and {self.name(e.target)}: named together in "
                                      f"{e.count} sentences"))
        if not links:
            return "", drawn, [], []
        columns = netdraw.columns_of(self.blocks(drawn, score), COLUMNS, links)
        picture, _ = netdraw.svg(columns, links, "Who accuses and answers whom", "net")
        return picture, drawn, [(a, score[a]) for a in rest], together

    # ---------------------------------------------------------------- one actor's picture

    def around(self, actor_id: str):
        """The actor in the middle, who accuses or answers it on the left, whom it accuses or answers on
        the right. "" when it has no such edge."""
        mine = self.by_actor.get(actor_id, [])
        if not mine:
            return ""
        score = self.score
        incoming = sorted({p.source for p in mine if p.target == actor_id}, key=lambda a: (-score[a], a))[:MAX_AROUND]
        outgoing = sorted({p.target for p in mine if p.source == actor_id}, key=lambda a: (-score[a], a))[:MAX_AROUND]
        columns = []
        if incoming:
            columns.append(self.blocks(incoming, score, key=lambda a: "in:" + a))
        side = self.net.sides.get(actor_id)
        columns.append([netdraw.Block(side_name(self.L.actors, side), (self.node("me", actor_id),))])
        if outgoing:
            columns.append(self.blocks(outgoing, score, key=lambda a: "out:" + a))
        links = []
        for p in mine:
            if p.target == actor_id and p.source in incoming:
                links.append(self.link(p, "in:" + p.source, "me"))
            elif p.source == actor_id and p.target in outgoing:
                links.append(self.link(p, "me", "out:" + p.target))
        picture, _ = netdraw.svg(columns, links, f"Whom {self.name(actor_id)} accuses and answers, and who "
                                 f"accuses and answers it", "own")
        return picture
