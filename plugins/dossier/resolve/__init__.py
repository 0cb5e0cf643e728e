"""Resolve stage: extraction + curation -> Dossier, plus what needs a human (review) and what is broken
in the curation files (problems naming file and line)."""
from __future__ import annotations

from dataclasses import replace

from ..config import Curation
from ..model import Actor, Claim, Confidence, Dossier, Event, Extraction, Problem, Resolved, ReviewItem, Source
from .actors import ActorIndex, norm, resolve_actors
from .checks import Checks, curated_actor_id
from .claims import apply_curation, resolve_claims, resolve_statements
from .events import apply_curation as apply_event_curation, resolve_events

REVIEW_CONFIDENCE = Confidence.REVIEW  # answers placed less surely than this are listed on review/


def resolve(title: str, sources: list[Source], extraction: Extraction, curation: Curation) -> Resolved:
    actors, review = resolve_actors(extraction.mentions, sources, curation.actors, extraction.dropped,
                                    extraction.statements, contested_statements(extraction))
    by_id = {s.id: s for s in sources}
    machine_events = resolve_events(list(extraction.events), actors, by_id, [])
    events = apply_event_curation(machine_events, list(curation.events), by_id)
    statements = resolve_statements(extraction.statements, actors)
    machine = resolve_claims(extraction.claims, extraction.responses, statements, actors)
    claims = apply_curation(machine, list(curation.claims), statements, curated_actor_id(actors, curation))
    checks = Checks(curation, actors, sources, statements, machine_events, machine, claims)
    findings = checks.run()
    review = [f.review() for f in findings] + review
    review += _review(extraction, statements, claims, actors)
    whole = Whole(checks.actor_id, sources, statements)
    events = [whole.event(e) for e in events]
    claims = [whole.claim(c, {c.id for c in claims}) for c in claims]
    dossier = Dossier(title=title, sources=tuple(sorted(sources, key=lambda s: s.id)),
                      actors=tuple(whole.actor(a) for a in actors.actors),
                      events=tuple(events), statements=tuple(sorted(statements, key=lambda s: s.id)),
                      claims=tuple(claims), review=tuple(review))
    return Resolved(dossier, tuple(f.problem for f in findings))


class Whole:
    """Every id the dossier names made to exist, so the export is referentially whole: a curated actor
    written by an alias becomes its id, and a reference to nothing (an actor, statement, sentence or
    claim that is not there) is left out. The curation checks have reported each of them."""

    def __init__(self, actor_id, sources: list[Source], statements):
        self.actor_id = actor_id
        self.sentences = {(s.id, x.id) for s in sources for x in s.sentences}
        self.sources = {s.id for s in sources}
        self.statements = {s.id for s in statements}

    def actors(self, refs, own: str | None = None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for x in map(self.actor_id, refs) if x and x != own))

    def actor(self, a: Actor) -> Actor:
        return replace(a, affiliations=self.actors(a.affiliations, a.id))

    def event(self, e: Event) -> Event:
        return replace(e, participants=self.actors(e.participants),
                       reports=tuple(r for r in e.reports if (r.source, r.sentence) in self.sentences))

    def claim(self, c: Claim, claims: set[str]) -> Claim:
        responses = []
        for r in c.responses:
            actor = self.actor_id(r.actor)
            if actor is None or r.source not in self.sources:
                continue
            responses.append(replace(r, actor=actor, statement=r.statement if r.statement in self.statements else None,
                                     sentence=r.sentence if (r.source, r.sentence) in self.sentences else None))
        return replace(c, claimants=self.actors(c.claimants), responses=tuple(dict.fromkeys(responses)),
                       statements=tuple(s for s in c.statements if s in self.statements),
                       counter_to=c.counter_to if c.counter_to in claims else None)


def contested_statements(extraction: Extraction) -> frozenset[int]:
    """The statements whose words are a claim that charges a side or that some answer takes up."""
    answered = {r.claim_key for r in extraction.responses}
    return frozenset(k for c in extraction.claims if c.charged or c.key in answered for k in c.statement_indexes)


def _review(extraction: Extraction, statements, claims, actors: ActorIndex) -> list[ReviewItem]:
    items = []
    for t in extraction.times:
        if t.span is None:
            items.append(ReviewItem("unresolved-date", f"“{t.text}”: {t.reason or 'could not be resolved'}",
                                    t.ref.source, t.ref.sentence,
                                    "# dossier/sources.yml\n" + f"{t.ref.source}:\n  published: YYYY-MM-DD"))
    in_claims = {s for c in claims for s in c.statements} | {r.statement for c in claims for r in c.responses}
    for s in statements:
        if s.speaker is None:
            items.append(ReviewItem("unattributed-statement", f"No speaker found for “{_short(s.text)}”",
                                    s.source, s.sentence,
                                    f"# dossier/claims.yml\n- id: <claim id>\n  responses:\n"
                                    f"    - actor: <actor id>\n      stance: denies\n      statement: {s.id}"))
        elif s.id not in in_claims:
            items.append(ReviewItem("statement-without-claim", f"“{_short(s.text)}” belongs to no claim",
                                    s.source, s.sentence,
                                    f"# dossier/claims.yml\n- id: <claim id>\n  statements: [{s.id}]"))
    items += _review_answers(extraction, statements, claims)
    seen: dict[str, str] = {}
    for a in actors.actors:
        for form in (a.name, *a.aliases):
            key = norm(form)
            if key in seen and seen[key] != a.id:
                items.append(ReviewItem("alias-collision", f"“{form}” names both {seen[key]} and {a.id}",
                                        fix=f"# dossier/actors.yml\n- id: {a.id}\n  name: {a.name}\n"
                                            f"  aliases: [...]   # without {form}"))
            seen.setdefault(key, a.id)
    return items


def _review_answers(extraction: Extraction, statements, claims) -> list[ReviewItem]:
    """Answers the machine could not place on a claim, and answers placed with low confidence, each with
    the claims.yml entry that places (or moves) it."""
    items = []
    for u in extraction.unplaced:
        s = statements[u.statement_index]
        if s.speaker is None:
            continue  # listed as unattributed already
        items.append(ReviewItem("unplaced-answer", f"“{_short(s.text)}” {u.stance} a claim, but which? ({u.reason})",
                                s.source, s.sentence, _placing_fix("<claim id>", s.speaker, u.stance, s.id)))
    for c in claims:
        for r in c.responses:
            if not r.curated and r.confidence < REVIEW_CONFIDENCE:
                items.append(ReviewItem("low-confidence-answer",
                                        f"“{_short(r.quote)}” placed under “{_short(c.text, 60)}” "
                                        f"with confidence {r.confidence:.2f}", r.source, r.sentence,
                                        _placing_fix(c.id, r.actor, r.stance, r.statement)))
    return items


def _placing_fix(claim_id: str, actor: str, stance: str, statement: str | None) -> str:
    return (f"# dossier/claims.yml\n- id: {claim_id}\n  responses:\n    - actor: {actor}\n"
            f"      stance: {stance}\n      statement: {statement}")


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"
