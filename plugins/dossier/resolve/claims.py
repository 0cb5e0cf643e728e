"""Resolve statements and claims: speakers become actor ids, claims get ids, curation wins."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..config import CuratedClaim, slugify
from ..model import Claim, ClaimRecord, Ref, Response, ResponseRecord, Statement, StatementRecord
from ..world import demonym_country
from .actors import ActorIndex

TITLE_WORDS = 8


def resolve_statements(records: tuple[StatementRecord, ...], actors: ActorIndex) -> list[Statement]:
    counts: Counter = Counter()
    out = []
    for r in records:
        counts[(r.ref.source, r.ref.sentence)] += 1
        n = counts[(r.ref.source, r.ref.sentence)]
        speaker = _actor_of(actors, r.speaker_ref, r.speaker_text)
        if r.speaker_title and speaker is not None:
            # "Ukraine's foreign minister said", the article naming nobody: whom the dossier titles so
            speaker = actors.holder_of(r.speaker_title, speaker) or speaker
        out.append(Statement(id=f"{r.ref.source}-{r.ref.sentence}-{n}", speaker=speaker, source=r.ref.source,
                             sentence=r.ref.sentence, text=r.text, direct=r.direct, cue=r.cue, date=r.date,
                             start=r.ref.start, end=r.ref.end))
    return out


def _actor_of(actors: ActorIndex, ref: Ref | None, name: str | None) -> str | None:
    """The actor a speaker or answerer stands for: the actor of its mention where extraction gave one (the
    same name may be another actor's, or no actor's, in that sentence), else of its name as written. A
    nationality standing alone as the speaker is its country ("Saudi denounces 'misleading' report")."""
    found = actors.of_ref(ref) if ref is not None else actors.of_name(name)
    if found is None and name and demonym_country(name.strip()) is not None:
        found = actors.of_maker(name)
    return found


def resolve_claims(records: tuple[ClaimRecord, ...], responses: tuple[ResponseRecord, ...],
                   statements: list[Statement], actors: ActorIndex) -> list[Claim]:
    ids: dict[str, str] = {}
    claims: dict[str, Claim] = {}
    for rec in records:
        ident = _claim_id(rec.identity or rec.text, set(claims))
        ids[rec.key] = ident
        members = [statements[i] for i in rec.statement_indexes]
        claimants = [s.speaker for s in members if s.speaker]
        claimants += [a for a in (actors.of_maker(t) for t in rec.claimant_texts) if a]
        dates = [s.date for s in members if s.date]
        claims[ident] = Claim(id=ident, text=rec.text, claimants=tuple(dict.fromkeys(claimants)),
                              statements=tuple(s.id for s in members),
                              first_made=min(dates, key=lambda d: d.sort_key()) if dates else None,
                              confidence=rec.confidence)
    for resp in responses:
        ident = ids.get(resp.claim_key)
        st = statements[resp.statement_index]
        actor = _actor_of(actors, resp.actor_ref, resp.actor_text) if resp.actor_text else st.speaker
        if ident is None or actor is None:
            continue
        claim = claims[ident]
        response = Response(actor=actor, stance=resp.stance, source=st.source, quote=resp.quote,
                            statement=st.id, sentence=st.sentence, confidence=resp.confidence)
        if response not in claim.responses:
            claims[ident] = replace(claim, responses=claim.responses + (response,))
    for rec in records:
        if rec.counter_to and rec.counter_to in ids:
            claims[ids[rec.key]] = replace(claims[ids[rec.key]], counter_to=ids[rec.counter_to])
    return sorted(claims.values(), key=lambda c: c.id)


def _claim_id(text: str, taken: set[str]) -> str:
    base = slugify(" ".join(text.split()[:TITLE_WORDS]), "claim")[:60].strip("-") or "claim"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return ident


def apply_curation(machine: list[Claim], curated: list[CuratedClaim], statements: list[Statement],
                   actor_id: Callable[[str], str | None]) -> list[Claim]:
    """The machine's claims with dossier/claims.yml applied (merged, hidden, corrected, added). A curated
    answer replaces the machine's answer of the same actor (to the same statement, or to any where it names
    none): the actor it names is read by `actor_id` (checks.curated_actor_id), so an alias written for an id
    still finds the machine's answer."""
    claims = {c.id: c for c in machine}
    by_statement = {s.id: s for s in statements}
    for cur in curated:
        merged = [claims.pop(i) for i in (cur.id, *cur.merge) if i in claims]
        if cur.hidden:
            continue
        base = merged[0] if merged else Claim(id=cur.id, text=cur.text or cur.id)
        responses = [r for c in merged for r in c.responses]
        for r in cur.responses:
            st = by_statement.get(r.statement) if r.statement else None
            actor = actor_id(r.actor)
            responses = [x for x in responses if not (x.actor == actor and (x.statement == r.statement or not r.statement))]
            responses.append(Response(actor=r.actor, stance=r.stance,
                                      source=r.source or (st.source if st else ""),
                                      quote=r.quote or (st.text if st else ""), statement=r.statement,
                                      sentence=r.sentence or (st.sentence if st else None), curated=True))
        statements_ids = tuple(dict.fromkeys([*(s for c in merged for s in c.statements), *cur.statements]))
        claimants = cur.claimants or tuple(dict.fromkeys(a for c in merged for a in c.claimants))
        claims[cur.id] = replace(base, id=cur.id, text=cur.text or base.text, claimants=tuple(claimants),
                                 statements=statements_ids, responses=tuple(responses),
                                 counter_to=cur.counter_to or base.counter_to, curated=True)
    return sorted(claims.values(), key=lambda c: c.id)
