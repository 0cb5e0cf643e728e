"""Resolve stage: extraction + curation -> Dossier, plus what needs a human (review) and what is broken
in the curation files (problems naming file and line)."""
from __future__ import annotations

from dataclasses import dataclass

from ..config import Curation
from ..model import Dossier, Extraction, ReviewItem, Source
from ..yamlfile import Problem
from .actors import ActorIndex, norm, resolve_actors
from .claims import apply_curation, resolve_claims, resolve_statements
from .events import resolve_events

REVIEW_CONFIDENCE = 0.6  # answers placed less surely than this are listed on review/


@dataclass(frozen=True)
class Resolved:
    dossier: Dossier
    problems: tuple[Problem, ...]


def resolve(title: str, sources: list[Source], extraction: Extraction, curation: Curation) -> Resolved:
    problems = _check_references(sources, curation)
    actors, review = resolve_actors(extraction.mentions, sources, curation.actors, extraction.dropped,
                                    extraction.statements)
    by_id = {s.id: s for s in sources}
    events = resolve_events(list(extraction.events), actors, by_id, list(curation.events))
    statements = resolve_statements(extraction.statements, actors)
    machine = resolve_claims(extraction.claims, extraction.responses, statements, actors, [])
    claims = apply_curation(machine, list(curation.claims), statements)
    problems += _check_machine_claims(machine, curation)
    problems += _check_actor_references(actors, curation)
    problems += _check_claim_references(statements, claims, curation)
    review += _review(extraction, statements, claims, actors)
    dossier = Dossier(title=title, sources=tuple(sorted(sources, key=lambda s: s.id)), actors=actors.actors,
                      events=tuple(events), statements=tuple(sorted(statements, key=lambda s: s.id)),
                      claims=tuple(claims), review=tuple(review))
    return Resolved(dossier, tuple(problems))


def _check_references(sources: list[Source], curation: Curation) -> list[Problem]:
    """Curated reports and responses must point at sources and sentences that exist."""
    sentences = {s.id: {x.id for x in s.sentences} for s in sources}
    problems = []
    label = curation.files.get("events", "dossier/events.yml")
    for event in curation.events:
        for rep in event.reports:
            problems += _sentence_problem(label, event.line, f"event {event.id!r}", rep.source, rep.sentence, sentences)
    label = curation.files.get("claims", "dossier/claims.yml")
    for claim in curation.claims:
        for resp in claim.responses:
            if resp.source:
                problems += _sentence_problem(label, resp.line, f"claim {claim.id!r}", resp.source,
                                              resp.sentence, sentences)
    return problems


def _sentence_problem(label, line, what, source, sentence, sentences) -> list[Problem]:
    if source not in sentences:
        return [Problem(label, line, f"{what} names the source {source!r}, which does not exist")]
    if sentence and sentence not in sentences[source]:
        return [Problem(label, line, f"{what} names the sentence {sentence!r} of {source!r}, which does not exist")]
    return []


def _check_claim_references(statements, claims, curation: Curation) -> list[Problem]:
    """Curated claims must name statements and claims that exist (statement ids are on source pages)."""
    known_statements = {s.id for s in statements}
    known_claims = {c.id for c in claims}
    label = curation.files.get("claims", "dossier/claims.yml")
    problems = []
    for c in curation.claims:
        for sid in c.statements:
            if sid not in known_statements:
                problems.append(Problem(label, c.line, f"claim {c.id!r} names the statement {sid!r}, which does not exist"))
        for r in c.responses:
            if r.statement and r.statement not in known_statements:
                problems.append(Problem(label, r.line, f"claim {c.id!r} names the statement {r.statement!r}, "
                                                       "which does not exist"))
        if c.counter_to and c.counter_to not in known_claims:
            problems.append(Problem(label, c.line, f"claim {c.id!r} turns back the claim {c.counter_to!r}, "
                                                   "which does not exist"))
    return problems


def _check_machine_claims(machine, curation: Curation) -> list[Problem]:
    """Curated claims that hide or merge machine claims must name claims the machine found: machine ids
    come from claim texts, so they change when extraction does, and a stale id silently does nothing."""
    known = {c.id for c in machine}
    label = curation.files.get("claims", "dossier/claims.yml")
    problems = []
    for c in curation.claims:
        if c.hidden and c.id not in known:
            problems.append(Problem(label, c.line, f"claim {c.id!r} is hidden, but no claim has that id "
                                                   "(extraction may have renamed it: see the claims pages)"))
        for mid in c.merge:
            if mid not in known:
                problems.append(Problem(label, c.line, f"claim {c.id!r} merges the claim {mid!r}, which does not "
                                                       "exist (extraction may have renamed it)"))
    return problems


def _check_actor_references(actors: ActorIndex, curation: Curation) -> list[Problem]:
    known = {a.id for a in actors.actors} | {c.id for c in curation.actors}
    problems = []

    def check(label: str, line: int, what: str, refs) -> None:
        for ref in refs:
            if ref not in known and actors.of_name(ref) is None:
                problems.append(Problem(label, line, f"{what} names the actor {ref!r}, which does not exist"))

    for a in curation.actors:
        check(curation.files.get("actors", "dossier/actors.yml"), a.line, f"actor {a.id!r}", a.affiliations)
    for e in curation.events:
        check(curation.files.get("events", "dossier/events.yml"), e.line, f"event {e.id!r}", e.participants)
    for c in curation.claims:
        label = curation.files.get("claims", "dossier/claims.yml")
        check(label, c.line, f"claim {c.id!r}", c.claimants)
        for r in c.responses:
            check(label, r.line, f"claim {c.id!r}", [r.actor])
    return problems


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
