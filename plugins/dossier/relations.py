"""Who accuses and answers whom, and how each outlet told the story: views of a resolved Dossier.

Both are read off the dossier alone (no new extraction), in one place, so that the network and outlets
pages and dossier.json can never disagree. Everything is sorted; the same dossier gives the same views.

    sides(dossier)      actor id -> the state or bloc it acts for (its own id for a country), or None
    network(dossier)    the edges between actors: claims, answers, and being named together
    coverage(dossier)   per outlet: the claims it reported, whose answers it quoted and whose it left out,
                        the words it gave each side, the actors only it named
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import STANCES, Actor, Claim, Dossier, slugify

ACCUSES = "accuses"
TOGETHER = "co-mention"
CLAIM_RELATIONS = (ACCUSES, *STANCES)  # the order of the legend and of edges between the same two actors
RELATIONS = (*CLAIM_RELATIONS, TOGETHER)
MIN_TOGETHER = 2  # sentences two actors must share to count as named together: once is chance
MAX_REFS = 5  # sentences kept per co-mention edge; the count says how many there were
BLOC_KINDS = ("organization", "group")  # an unaffiliated body of these kinds is a bloc of its own (NATO, G7)
DEFENSIVE = frozenset(STANCES) - {"supports"}  # answers that show the claim was made against the answerer


@dataclass(frozen=True)
class Edge:
    """One relation between two actors: `source` accuses or answers `target` (over `claim`), or both
    are named in the same sentences (co-mention, no claim). refs are the sentences it was read in."""

    source: str
    target: str
    relation: str
    claim: str | None
    refs: tuple[tuple[str, str], ...]
    count: int

    def key(self) -> tuple:
        return (self.source, self.target, RELATIONS.index(self.relation), self.claim or "")


@dataclass(frozen=True)
class Network:
    sides: dict[str, str | None]  # actor id -> side id (an actor id), None when no side is known
    edges: tuple[Edge, ...]

    def members(self) -> dict[str, list[str]]:
        """side id -> its actors, sorted by id; actors with no side are left out."""
        out: dict[str, list[str]] = defaultdict(list)
        for actor, side in sorted(self.sides.items()):
            if side is not None:
                out[side].append(actor)
        return dict(sorted(out.items()))


# ---------------------------------------------------------------- sides


def sides(dossier: Dossier) -> dict[str, str | None]:
    """The state or bloc each actor acts for, following affiliations: a country is its own side; a
    person or body takes the first country its affiliations lead to ("Zakharova" -> Russian Foreign
    Ministry -> Russia), else the outermost bloc they lead to (an alliance with no affiliation of its
    own); an unaffiliated organisation or group is its own bloc; an unaffiliated person has no side."""
    actors = {a.id: a for a in dossier.actors}
    return {a.id: _side(a, actors) for a in sorted(dossier.actors, key=lambda a: a.id)}


def _side(actor: Actor, actors: dict[str, Actor]) -> str | None:
    if actor.kind == "country":
        return actor.id
    seen, queue, roots = {actor.id}, [actor.id], []
    while queue:
        current = actors[queue.pop(0)]
        parents = [p for p in current.affiliations if p in actors]
        if current.id != actor.id and not parents:
            roots.append(current.id)
        for parent in parents:
            if parent in seen:
                continue
            if actors[parent].kind == "country":
                return parent
            seen.add(parent)
            queue.append(parent)
    if roots:
        return roots[0]
    return actor.id if actor.kind in BLOC_KINDS else None


def side_name(dossier_actors: dict[str, Actor], side: str | None) -> str:
    if side is None:
        return "Side unknown"
    actor = dossier_actors.get(side)
    return actor.name if actor else side


# ---------------------------------------------------------------- the network


def network(dossier: Dossier) -> Network:
    actors = {a.id: a for a in dossier.actors}
    side = sides(dossier)
    statements = {st.id: st for st in dossier.statements}
    claims = {c.id: c for c in dossier.claims}
    named = _names_in_words(dossier, statements)
    edges: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for claim in dossier.claims:
        countered = claims.get(claim.counter_to or "")
        for (source, target, relation), refs in _claim_edges(claim, countered, statements, named, actors, side).items():
            edges[(source, target, relation, claim.id)].extend(refs)
    out = [Edge(s, t, r, c, tuple(sorted(set(refs))), len(set(refs))) for (s, t, r, c), refs in edges.items()]
    out += _together(dossier)
    return Network(side, tuple(sorted(out, key=Edge.key)))


def targets(claim: Claim, actors: dict[str, Actor]) -> list[str]:
    """Whom an answer to the claim answers: its claimants, less those that only stand behind another
    claimant of it (Kirby, the White House and the United States all made it: the answer goes to Kirby)."""
    claimants = [c for c in dict.fromkeys(claim.claimants) if c in actors]
    behind = {a for c in claimants for a in _ancestors(c, actors)}
    return [c for c in claimants if c not in behind]


def _ancestors(actor_id: str, actors: dict[str, Actor]) -> set[str]:
    seen, queue = set(), [actor_id]
    while queue:
        for parent in actors[queue.pop()].affiliations:
            if parent in actors and parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return seen


def _claim_edges(claim: Claim, countered: Claim | None, statements, named, actors: dict[str, Actor],
                 side: dict[str, str | None]) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    edges: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    answered_to = targets(claim, actors)
    for r in claim.responses:
        if r.actor not in actors or r.stance not in STANCES:
            continue
        sentence = r.sentence or _sentence_of(statements, r.statement)
        for target in answered_to:
            if target != r.actor:
                edges[(r.actor, target, r.stance)] += [(r.source, sentence)] if sentence else []
    for speaker, accused, ref in _accusations(claim, countered, statements, named, actors, side):
        edges[(speaker, accused, ACCUSES)].append(ref)
    return edges


def _accusations(claim: Claim, countered: Claim | None, statements, named, actors: dict[str, Actor],
                 side: dict[str, str | None]):
    """Whom the words making a claim accuse: an actor named in those words who answered it in defence,
    or whose side did (or, for a counter-accusation, who made the claim it turns back). Naming alone is
    not accusing ("breaches UN Security Council resolutions" does not accuse the Council): an accused
    who never answered and whose side never answered is left out, since a wrong edge is worse than none."""
    defending = {r.actor for r in claim.responses if r.stance in DEFENSIVE and r.actor in actors}
    if countered is not None:
        defending |= {c for c in countered.claimants if c in actors}
    defending_sides = {side.get(a) for a in defending} - {None}
    for sid in claim.statements:
        st = statements.get(sid)
        if st is None or st.speaker not in actors:
            continue
        for accused in named.get(sid, []):
            if accused == st.speaker or (side.get(accused) is not None and side.get(accused) == side.get(st.speaker)):
                continue
            if accused in defending or side.get(accused) in defending_sides:
                yield st.speaker, accused, (st.source, st.sentence)


def _names_in_words(dossier: Dossier, statements) -> dict[str, list[str]]:
    """statement id -> the actors named inside its words (their mention spans fall in its span)."""
    wanted: dict[tuple[str, str], list] = defaultdict(list)
    for st in statements.values():
        wanted[(st.source, st.sentence)].append(st)
    named: dict[str, list[str]] = defaultdict(list)
    for actor in sorted(dossier.actors, key=lambda a: a.id):
        for m in actor.mentions:
            for st in wanted.get((m.source, m.sentence), []):
                whole = st.end <= st.start  # no span kept: the words are the whole sentence
                if (whole or (st.start <= m.start and m.end <= st.end)) and actor.id not in named[st.id]:
                    named[st.id].append(actor.id)
    return named


def _together(dossier: Dossier) -> list[Edge]:
    """Pairs of actors named in the same sentences, at least MIN_TOGETHER times; one edge per pair, the
    pair in id order (being named together has no direction)."""
    present: dict[tuple[str, str], set[str]] = defaultdict(set)
    for actor in dossier.actors:
        for m in actor.mentions:
            present[(m.source, m.sentence)].add(actor.id)
    shared: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for where in sorted(present):
        names = sorted(present[where])
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                shared[(a, b)].append(where)
    return [Edge(a, b, TOGETHER, None, tuple(refs[:MAX_REFS]), len(refs))
            for (a, b), refs in shared.items() if len(refs) >= MIN_TOGETHER]


# ---------------------------------------------------------------- outlets


@dataclass(frozen=True)
class Quoted:
    """An answer an outlet quoted: who, how, where."""

    actor: str
    stance: str
    source: str
    sentence: str | None


@dataclass(frozen=True)
class ClaimCoverage:
    claim: str
    made: tuple[tuple[str, str], ...]  # the outlet's sentences that make the claim
    quoted: tuple[Quoted, ...]  # the answers to it the outlet quoted
    left_out: tuple[str, ...]  # actors who answered it in other outlets, not in this one


@dataclass(frozen=True)
class OutletCoverage:
    id: str
    name: str
    label: str | None
    sources: tuple[str, ...]
    claims: tuple[ClaimCoverage, ...]  # the claims it reported, by claim id
    words: tuple[tuple[str | None, int], ...]  # (side, words attributed to that side), most words first
    only_named: tuple[tuple[str, str, str], ...]  # (actor, source, sentence): actors no other outlet named

    @property
    def total_words(self) -> int:
        return sum(n for _, n in self.words)


def outlets(dossier: Dossier) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    """(id, name, label, source ids) per outlet: the sources sharing an outlet name; a source with no
    outlet given is an outlet of its own (two unknown publishers are not one)."""
    groups: dict[str, list] = defaultdict(list)
    for s in sorted(dossier.sources, key=lambda s: s.id):
        name = s.outlet.strip() if s.outlet and s.outlet.strip() else None
        groups[name.casefold() if name else f"\0{s.id}"].append(s)
    out, used = [], set()
    for key in sorted(groups, key=lambda k: (k.startswith("\0"), k)):
        members = groups[key]
        name = (members[0].outlet or "").strip() or f"Outlet not given ({members[0].id})"
        labels = sorted({s.label for s in members if s.label})
        ident = slugify(name, "outlet")
        while ident in used:
            ident += "-2"
        used.add(ident)
        out.append((ident, name, "; ".join(labels) or None, tuple(s.id for s in members)))
    return out


def coverage(dossier: Dossier, side: dict[str, str | None] | None = None) -> list[OutletCoverage]:
    side = sides(dossier) if side is None else side
    actors = {a.id: a for a in dossier.actors}
    statements = {st.id: st for st in dossier.statements}
    groups = outlets(dossier)
    outlet_of = {src: ident for ident, _, _, srcs in groups for src in srcs}
    named_in: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # actor -> outlet -> first sentence
    for actor in sorted(dossier.actors, key=lambda a: a.id):
        for m in sorted(actor.mentions, key=lambda m: (m.source, _number(m.sentence))):
            if m.source in outlet_of:
                named_in[actor.id].setdefault(outlet_of[m.source], (m.source, m.sentence))
    out = []
    for ident, name, label, srcs in groups:
        mine = set(srcs)
        claims = []
        for claim in sorted(dossier.claims, key=lambda c: c.id):
            made = sorted({(statements[s].source, statements[s].sentence) for s in claim.statements
                           if s in statements and statements[s].source in mine}, key=_ref_key)
            quoted = sorted({Quoted(r.actor, r.stance, r.source, r.sentence or _sentence_of(statements, r.statement))
                             for r in claim.responses if r.source in mine and r.actor in actors},
                            key=lambda q: (q.actor, STANCES.index(q.stance) if q.stance in STANCES else 99,
                                           q.source, _number(q.sentence or "")))
            if not made and not quoted:
                continue
            here = {q.actor for q in quoted}
            left_out = sorted({r.actor for r in claim.responses if r.actor in actors and r.actor not in here})
            claims.append(ClaimCoverage(claim.id, tuple(made), tuple(quoted), tuple(left_out)))
        words: Counter = Counter()
        for st in dossier.statements:  # words the outlet attributes to someone; its own voice is no side's
            if st.source in mine and st.speaker in actors:
                words[side.get(st.speaker)] += len(st.text.split())
        only = sorted((a, *where[ident]) for a, where in named_in.items() if set(where) == {ident})
        out.append(OutletCoverage(ident, name, label, srcs, tuple(claims),
                                  tuple(sorted(words.items(), key=lambda kv: (-kv[1], kv[0] or "\uffff"))),
                                  tuple(only)))
    return out


def _sentence_of(statements, statement_id: str | None) -> str | None:
    st = statements.get(statement_id or "")
    return st.sentence if st else None


def _number(sid: str) -> int:
    return int(sid[1:]) if sid[:1] == "s" and sid[1:].isdigit() else 1 << 30


def _ref_key(ref: tuple[str, str]) -> tuple:
    return (ref[0], _number(ref[1]))
