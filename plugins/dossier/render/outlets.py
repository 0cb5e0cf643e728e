"""The outlets page: one column per outlet, one row per claim, from relations.coverage.

A cell says whether the outlet reported the claim (the sentences that make it, linked), whose answers it
quoted, grouped by side (each a stance badge linked to its sentence), and which answerers it left out.
Under the table, per outlet: the share of attributed words each side got, and the actors only it named.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..relations import OutletCoverage, side_name


MAX_OUTLETS = 12  # columns a reader can compare; dossier.json keeps every outlet


def widest(covered: list[OutletCoverage]) -> tuple[list[OutletCoverage], list[OutletCoverage]]:
    """The MAX_OUTLETS outlets that reported the most claims, in their own order, and the rest."""
    ranked = sorted(covered, key=lambda o: (-len(o.claims), o.id))
    shown = {o.id for o in ranked[:MAX_OUTLETS]}
    return [o for o in covered if o.id in shown], [o for o in covered if o.id not in shown]


@dataclass(frozen=True)
class Cell:
    made: tuple[tuple[str, str], ...]
    quoted: tuple[tuple[str, list], ...]  # (side name, [(actor, [Quoted])]) in side order
    left_out: tuple[tuple[str, list[str]], ...]  # (side name, [actor ids])

    @property
    def reported(self) -> bool:
        return bool(self.made or self.quoted)


@dataclass(frozen=True)
class Share:
    side: str  # its name
    words: int
    percent: int


def table(outlets: list[OutletCoverage], claims, sides: dict, actors: dict) -> list[tuple[object, list[Cell | None]]]:
    """Rows of (claim, [cell per outlet]); None where the outlet did not report the claim."""
    index = [{c.claim: c for c in o.claims} for o in outlets]
    rows = []
    for claim in claims:
        cells = []
        for found in index:
            cov = found.get(claim.id)
            if cov is None:
                cells.append(None)
                continue
            quoted = tuple((side, _by_actor(items)) for side, items in _by_side(cov.quoted, lambda q: q.actor, sides, actors))
            cells.append(Cell(cov.made, quoted,
                              _by_side(cov.left_out, lambda a: a, sides, actors)))
        rows.append((claim, cells))
    return rows


def _by_actor(quoted) -> list[tuple[str, list]]:
    """[(actor, [its answers])], the actor named once however many answers it gave."""
    grouped: dict[str, list] = defaultdict(list)
    for q in quoted:
        grouped[q.actor].append(q)
    return list(grouped.items())


def _by_side(items, actor_of, sides, actors) -> tuple:
    grouped: dict[str | None, list] = defaultdict(list)
    for item in items:
        grouped[sides.get(actor_of(item))].append(item)
    return tuple((side_name(actors, side), grouped[side])
                 for side in sorted(grouped, key=lambda s: (s is None, side_name(actors, s).lower())))


def shares(outlet: OutletCoverage, actors: dict) -> list[Share]:
    total = outlet.total_words
    if not total:
        return []
    return [Share(side_name(actors, side), words, round(100 * words / total)) for side, words in outlet.words]
