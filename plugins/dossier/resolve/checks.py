"""Every curated decision checked against this build's machine output.

Curation is the one part of a dossier the machine cannot redo, and the machine's output moves under it
when articles are added or edited. So each decision in dossier/*.yml is checked on every build, and
stays quiet only while it still does what it was written to do. A decision that no longer applies (it
names a claim, event or sentence that is gone), that now applies to something else (a hidden name that
now names mentions of a kept actor, a hidden claim that took in statements no curated claim places, a
report whose sentence no longer gives its date), or that names an actor by an alias where its id belongs,
is a Finding: a warning naming the file and the line that writes it (so `--strict` fails), and an item
on the review page with the YAML that settles it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..config import CuratedActor, Curation, line_of
from ..model import Claim, Event, Problem, ReviewItem, Source, Statement
from .actors import ActorIndex, norm

SHOWN_REFS = 3  # sentences listed in a message before "and N more"


@dataclass(frozen=True)
class Finding:
    problem: Problem
    fix: str | None = None  # the YAML that settles it
    source: str | None = None  # a sentence the review page links to
    sentence: str | None = None

    def review(self) -> ReviewItem:
        return ReviewItem("curation-check", str(self.problem), self.source, self.sentence, self.fix)


def curated_actor_id(actors: ActorIndex, curation: Curation) -> Callable[[str], str | None]:
    """How a curated reference is read: as the id it stands for, itself when it is an actor id, else the
    actor one of whose names it is (an alias written where the id belongs), else None (a hidden actor is
    no one)."""
    ids = {a.id for a in actors.actors}
    hidden = {a.id for a in curation.actors if a.hidden}

    def actor_id(ref: str) -> str | None:
        if ref in ids:
            return ref
        if ref in hidden:
            return None
        return actors.of_name(ref)

    return actor_id


class Checks:
    """The checks of one build: curation, the actors as resolved, the sources, statements and the
    machine's own events and claims (before curation), and the final ones."""

    def __init__(self, curation: Curation, actors: ActorIndex, sources: list[Source], statements: list[Statement],
                 machine_events: list[Event], machine_claims: list[Claim], claims: list[Claim]):
        self.c = curation
        self.actors = actors
        self.sources = {s.id: s for s in sources}
        self.sentences = {(s.id, x.id): x.text for s in sources for x in s.sentences}
        self.statements = {s.id: s for s in statements}
        self.machine_events = machine_events
        self.machine_claims = machine_claims
        self.claims = claims
        self.actor_ids = {a.id for a in actors.actors}
        self.hidden_actors = {a.id for a in curation.actors if a.hidden}
        self.actor_id = curated_actor_id(actors, curation)
        self.found: list[Finding] = []

    def label(self, kind: str) -> str:
        return self.c.files.get(kind, f"dossier/{kind}.yml")

    def add(self, kind: str, line: int, message: str, fix: str | None = None, where: tuple | None = None) -> None:
        source, sentence = where or (None, None)
        self.found.append(Finding(Problem(self.label(kind), line or None, message), fix, source, sentence))

    def run(self) -> list[Finding]:
        self.actor_references()
        self.hidden_names()
        self.event_decisions()
        self.claim_decisions()
        return self.found

    # ---------------------------------------------------------------- actors named by id

    def actor_references(self) -> None:
        for a in self.c.actors:
            self._refs("actors", a, "affiliations", a.affiliations, f"actor {a.id!r}")
        for e in self.c.events:
            self._refs("events", e, "participants", e.participants, f"event {e.id!r}")
        for cl in self.c.claims:
            self._refs("claims", cl, "claimants", cl.claimants, f"claim {cl.id!r}")
            for r in cl.responses:
                self._ref("claims", r.line, r.actor, f"claim {cl.id!r}",
                          lambda right: f"- {{actor: {right}, stance: {r.stance}"
                                        f"{', statement: ' + r.statement if r.statement else ''}}}")

    def _refs(self, kind: str, entry, key: str, refs: tuple[str, ...], what: str) -> None:
        for ref in refs:
            fixed = [x for x in (self.actor_id(r) for r in refs) if x]
            self._ref(kind, line_of(entry, key, ref), ref, what,
                      lambda _: f"{key}: [{', '.join(dict.fromkeys(fixed))}]")

    def _ref(self, kind: str, line: int, ref: str, what: str, fix) -> None:
        if ref in self.actor_ids:
            return
        ident = self.actor_id(ref)
        header = f"# {self.label(kind)}, line {line}\n"
        if ident is not None:
            self.add(kind, line, f"{what} names the actor {ref!r} by a name, not its id: write {ident!r}",
                     header + fix(ident))
        elif ref in self.hidden_actors:
            self.add(kind, line, f"{what} names the actor {ref!r}, which the curation hides", header + fix("<actor id>"))
        else:
            self.add(kind, line, f"{what} names the actor {ref!r}, which does not exist", header + fix("<actor id>"))

    # ---------------------------------------------------------------- hidden names

    def hidden_names(self) -> None:
        for effect in self.actors.hides:
            if effect.kept_actor is None:
                continue
            actor = next(a for a in self.actors.actors if a.id == effect.kept_actor)
            where = ", ".join(f"{m.source}#{m.sentence}" for m in effect.mentions[:SHOWN_REFS])
            more = f" and {len(effect.mentions) - SHOWN_REFS} more" if len(effect.mentions) > SHOWN_REFS else ""
            n = len(effect.mentions)
            self.add("actors", effect.line,
                     f"the hidden name {effect.name!r} now names {n} mention{'s' * (n != 1)} that extraction takes "
                     f"for the actor {actor.id!r} ({where}{more}): they are hidden, the actor is kept. If "
                     f"{effect.name!r} stands for {actor.name} there, remove the hide: extraction then links the "
                     f"name where it acts as {actor.name} and leaves it unlinked where it names a place",
                     f"# {self.label('actors')}, line {effect.line}: remove\n- {{name: {effect.name}, hidden: true}}",
                     (effect.mentions[0].source, effect.mentions[0].sentence))
        for cur in (a for a in self.c.actors if a.hidden):
            if not any(e.line == cur.line for e in self.actors.hides) and not self._written(cur):
                self.add("actors", cur.line, f"the hidden name {cur.name!r} is written nowhere in the articles: "
                                             "the hide no longer applies",
                         f"# {self.label('actors')}, line {cur.line}: remove\n- {{name: {cur.name}, hidden: true}}")

    def _written(self, cur: CuratedActor) -> bool:
        forms = [f for f in (cur.name, *cur.aliases) if norm(f)]
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.IGNORECASE)
        return not forms or any(pattern.search(text) for text in self.sentences.values())

    # ---------------------------------------------------------------- events

    def event_decisions(self) -> None:
        machine = {e.id for e in self.machine_events}
        for e in self.c.events:
            what = f"event {e.id!r}"
            for rep in e.reports:
                line = rep.line or e.line
                if self._sentence(line, what, rep.source, rep.sentence, "events") and rep.date_text:
                    text = self.sentences[(rep.source, rep.sentence)]
                    if rep.date_text.lower() not in text.lower():
                        self.add("events", line, f"{what}: the sentence {rep.sentence!r} of {rep.source!r} no longer "
                                                 f"says {rep.date_text!r} (the article changed?): check the report",
                                 f"# {self.label('events')}, line {line}\n"
                                 f"- {{source: {rep.source}, sentence: <the sentence that says it>, "
                                 f"date_text: {rep.date_text}}}", (rep.source, rep.sentence))
            for mid in e.merge:
                if mid not in machine:
                    line = line_of(e, "merge", mid)
                    self.add("events", line, f"{what} merges the event {mid!r}, which does not exist (extraction "
                                             "may have renamed it: see the events pages)",
                             f"# {self.label('events')}, line {line}: merge by a report instead\n"
                             f"reports:\n  - {{source: <source id>, sentence: <sentence id>}}")
            if e.hidden and e.id not in machine and not e.reports:
                self.add("events", e.line, f"{what} is hidden, but no event has that id (extraction may have "
                                           "renamed it: see the events pages)",
                         f"# {self.label('events')}, line {e.line}: hide it by a sentence that reports it\n"
                         f"- id: {e.id}\n  hidden: true\n  reports:\n    - {{source: <source id>, sentence: <sentence id>}}")

    def _sentence(self, line: int, what: str, source: str | None, sentence: str | None, kind: str) -> bool:
        """Whether a curated source (and sentence) exists; a finding when not."""
        if source not in self.sources:
            self.add(kind, line, f"{what} names the source {source!r}, which does not exist")
            return False
        if sentence and (source, sentence) not in self.sentences:
            self.add(kind, line, f"{what} names the sentence {sentence!r} of {source!r}, which does not exist")
            return False
        return bool(sentence)

    # ---------------------------------------------------------------- claims

    def claim_decisions(self) -> None:
        machine = {c.id: c for c in self.machine_claims}
        known = {c.id for c in self.claims}
        label = self.label("claims")
        placed = {s for c in self.c.claims if not c.hidden for s in c.statements}
        placed |= {r.statement for c in self.c.claims if not c.hidden for r in c.responses if r.statement}
        merged_into = {m for c in self.c.claims if not c.hidden for m in (c.id, *c.merge)}
        for c in self.c.claims:
            what = f"claim {c.id!r}"
            for sid in c.statements:
                if sid not in self.statements:
                    line = line_of(c, "statements", sid)
                    self.add("claims", line, f"{what} names the statement {sid!r}, which does not exist",
                             f"# {label}, line {line}: statement ids are on the source pages (“statement” anchors)")
            for r in c.responses:
                if r.source:
                    self._sentence(r.line, what, r.source, r.sentence, "claims")
                if r.statement and r.statement not in self.statements:
                    self.add("claims", r.line, f"{what} names the statement {r.statement!r}, which does not exist",
                             f"# {label}, line {r.line}: statement ids are on the source pages (“statement” anchors)")
                elif r.statement and r.quote and not self._says(r.statement, r.quote):
                    st = self.statements[r.statement]
                    self.add("claims", r.line, f"{what}: the statement {r.statement!r} no longer says {r.quote!r} "
                                               "(the article changed?): check the response",
                             f"# {label}, line {r.line}\n- {{actor: {r.actor}, stance: {r.stance}, "
                             f"statement: <the statement that says it>, quote: \"{r.quote}\"}}", (st.source, st.sentence))
            if c.counter_to and c.counter_to not in known:
                line = line_of(c, "counter_to", c.counter_to)
                self.add("claims", line, f"{what} turns back the claim {c.counter_to!r}, which does not exist")
            if c.hidden and c.id not in machine:
                self.add("claims", c.line, f"{what} is hidden, but no claim has that id (extraction may have renamed "
                                           "it: see the claims pages)",
                         f"# {label}, line {c.line}: remove\n- {{id: {c.id}, hidden: true}}")
            for mid in c.merge:
                if mid not in machine:
                    line = line_of(c, "merge", mid)
                    self.add("claims", line, f"{what} merges the claim {mid!r}, which does not exist (extraction "
                                             "may have renamed it)",
                             f"# {label}, line {line}: list the statements instead\nstatements: [<statement id>, ...]")
            if c.hidden and c.id in machine and c.id not in merged_into:
                self._swallowed(c, machine[c.id], placed)

    def _swallowed(self, cur, claim: Claim, placed: set[str]) -> None:
        """A hidden machine claim retires statements the editor placed in curated claims; what it holds
        beyond those (an article added since) would vanish with it."""
        lost = [s for s in claim.statements if s not in placed]
        answers = [r for r in claim.responses if r.statement not in placed]
        if not lost and not answers:
            return
        label = self.label("claims")
        n = len(lost) + len(answers)
        # in reading order, wordings and answers alike: the editor finds them in the article as listed
        shown = sorted(dict.fromkeys([*lost, *(r.statement for r in answers if r.statement)]), key=self._reading_order)
        first = self.statements.get(shown[0] if shown else "")
        fix = [f"# {label}, line {cur.line}: give them a claim (a curated one they belong to, or a new one)",
               "- id: <claim id>", f"  text: {claim.text}"]
        if lost:
            fix.append(f"  statements: [{', '.join(lost)}]")
        if answers:
            fix.append("  responses:")
            fix += [f"    - {{actor: {r.actor}, stance: {r.stance}, statement: {r.statement}}}" for r in answers]
        self.add("claims", cur.line,
                 f"claim {cur.id!r} is hidden, but it now holds {n} statement{'s' * (n != 1)} or response"
                 f"{'s' * (n != 1)} no curated claim places ({', '.join(shown[:SHOWN_REFS])}"
                 f"{' …' if n > SHOWN_REFS else ''}): hidden with it, they reach no page but the sources",
                 "\n".join(fix), (first.source, first.sentence) if first else None)

    def _reading_order(self, statement_id: str) -> tuple:
        st = self.statements.get(statement_id)
        if st is None:
            return ("", 0, statement_id)
        number = re.sub(r"\D", "", st.sentence)
        return (st.source, int(number) if number else 0, statement_id)

    def _says(self, statement_id: str, quote: str) -> bool:
        """Whether a quote is (still) in the statement or its sentence, quote marks and spacing aside."""
        st = self.statements[statement_id]
        def plain(text: str) -> str:
            return " ".join(re.sub(r"[\"'“”‘’«»„]", "", text).lower().split()).strip(" .,;:!?…")
        wanted = plain(quote)
        return wanted in plain(st.text) or wanted in plain(self.sentences.get((st.source, st.sentence), ""))
