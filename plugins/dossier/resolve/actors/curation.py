"""dossier/actors.yml on top of what resolution found: actors added, merged, renamed and hidden, and what
each hide took away."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from ...config import CuratedActor
from ...model import Actor, Confidence, DroppedName, MentionRef, Source
from .index import norm
from .profiles import _mention_order, name_like


@dataclass(frozen=True)
class HideEffect:
    """What a hidden name of dossier/actors.yml did in this build: hid a whole machine actor (`actor` is
    None then), or only some mentions of an actor that curation or another name identifies."""

    name: str
    line: int
    hidden_actor: str | None = None  # the machine actor hidden whole, by its name
    kept_actor: str | None = None  # the actor kept, from which only the name's mentions were taken
    mentions: tuple[MentionRef, ...] = ()


def _apply_curation(actors: list[Actor], refs: dict, curated: list[CuratedActor], sources: list[Source],
                    dropped: Iterable[DroppedName] = ()) -> tuple[list[Actor], dict, list[HideEffect]]:
    """Curated actors add, merge (by name or alias) and correct; curated facts win. Hidden names go last
    and hide only what they name: a machine actor known by that name, or that name's mentions of an actor
    that curation or another of its names identifies ("Tokyo" hidden, then taken for Japan: Japan stays)."""
    dropped = list(dropped)
    for cur in (c for c in curated if not c.hidden):
        keys = _curated_keys(cur)
        matched = [a for a in actors if a.id in keys or norm(a.name) in keys
                   or any(norm(x) in keys for x in a.aliases)]
        mentions = {m for a in matched for m in a.mentions}
        if not matched:
            mentions |= set(_find_by_text(cur, sources))
        mentions |= _dropped_mentions(dropped, keys, refs)  # an alias for a name extraction set aside
        aliases = {x for a in matched for x in (a.name, *a.aliases) if name_like(x, cur.name)} | set(cur.aliases)
        actors = [a for a in actors if a not in matched]
        for m in mentions:
            refs[(m.source, m.sentence, m.start)] = cur.id
        base = matched[0] if matched else None
        actors.append(Actor(
            id=cur.id, name=cur.name, kind=cur.kind or (base.kind if base else "other"),
            aliases=tuple(sorted(x for x in aliases if norm(x) != norm(cur.name))),
            role=cur.role or (base.role if base else None), affiliations=cur.affiliations,
            curated=True, confidence=Confidence.CERTAIN,
            mentions=tuple(sorted(mentions, key=_mention_order))))
    effects = []
    for cur in (c for c in curated if c.hidden):
        actors, found = _hide(actors, refs, cur)
        effects += found
    ids = {a.id for a in actors}
    refs = {k: v for k, v in refs.items() if v in ids}
    return actors, refs, effects


def _curated_keys(cur: CuratedActor) -> set[str]:
    # a name of no Latin letters (Мария, 金正恩, "...") normalises to "": it must not match every other such name
    return {norm(cur.name), *(norm(a) for a in cur.aliases), cur.id} - {""}


def _dropped_mentions(dropped: list[DroppedName], keys: set[str], refs: dict) -> set[MentionRef]:
    """Mentions of a curated name or alias that extraction set aside ("the North"), where no actor holds
    that span: the curation says they name this actor, so they link to it."""
    return {MentionRef(d.mention.ref.source, d.mention.ref.sentence, d.mention.text, d.mention.ref.start,
                       d.mention.ref.end)
            for d in dropped if norm(d.mention.text) in keys
            and (d.mention.ref.source, d.mention.ref.sentence, d.mention.ref.start) not in refs}


def _hide(actors: list[Actor], refs: dict, cur: CuratedActor) -> tuple[list[Actor], list[HideEffect]]:
    """One hidden name applied: a machine actor named by it goes whole; from any other actor (curated, or
    known by another name) only the mentions written with that name go, with the alias."""
    keys = _curated_keys(cur)
    out, effects = [], []
    for a in actors:
        if not a.curated and (a.id in keys or norm(a.name) in keys):
            for m in a.mentions:
                refs.pop((m.source, m.sentence, m.start), None)
            effects.append(HideEffect(cur.name, cur.line, hidden_actor=a.id, mentions=a.mentions))
            continue
        gone = tuple(m for m in a.mentions if norm(m.text) in keys)
        if gone or any(norm(x) in keys for x in a.aliases):
            for m in gone:
                refs.pop((m.source, m.sentence, m.start), None)
            a = replace(a, aliases=tuple(x for x in a.aliases if norm(x) not in keys),
                        mentions=tuple(m for m in a.mentions if m not in gone))
            if gone:
                effects.append(HideEffect(cur.name, cur.line, kept_actor=a.id, mentions=gone))
        out.append(a)
    return out, effects


def _find_by_text(cur: CuratedActor, sources: list[Source]) -> Iterable[MentionRef]:
    """Mentions of a curated actor that extraction missed: its name and aliases as whole words."""
    forms = sorted({cur.name, *cur.aliases}, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b")
    for s in sources:
        for sentence in s.sentences:
            for match in pattern.finditer(sentence.text):
                yield MentionRef(s.id, sentence.id, match.group(0), match.start(), match.end())
