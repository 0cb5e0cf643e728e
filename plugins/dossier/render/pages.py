"""Page contexts: one function per page kind gathers what the page shows; templates lay it out.

Templates get `p` (the link helpers of that page, see links.Page), `L` (the cross-references) and the
records. Anything that is not Markup is escaped by the environment (escape.text), so article text can
only ever appear as literal text.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..model import ACTOR_KINDS, STANCES, Actor, Claim, Dossier, Event, Source
from ..relations import RELATIONS, TOGETHER, coverage, network as read_network, side_name
from . import dates, escape, network, outlets, timeline
from .links import STANCE_HELP, STANCE_LABELS, Page, entity_uri
from .lookup import Lookup, sentence_number

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
KIND_TITLES = {"person": "People", "organization": "Organizations", "country": "Countries", "group": "Groups",
               "other": "Other"}


def _finalize(value: object) -> object:
    """Every `{{ }}` output: Markup passes (it was built from ids and escaped text), the rest is escaped."""
    if value is None:
        return Markup("")
    if hasattr(value, "__html__"):
        return value
    return escape.text(value)


def short(text: str, words: int = 24) -> str:
    """The first words of a long text, for table cells; the full text is one click away."""
    parts = str(text).split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, finalize=_finalize,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      undefined=StrictUndefined)
    env.filters["e"] = env.filters["escape"] = escape.text
    env.filters["block"] = escape.block
    env.filters["ident"] = escape.ident
    env.filters["short"] = short
    env.globals.update(STANCES=STANCES, STANCE_LABELS=STANCE_LABELS, STANCE_HELP=STANCE_HELP,
                       KIND_TITLES=KIND_TITLES, human=dates.human)
    return env


class Renderer:
    def __init__(self, dossier: Dossier, backlinks=None, directory_urls: bool = True):
        self.d = dossier
        self.directory_urls = directory_urls  # how raw HTML links (the timelines' SVG) are written
        self.L = Lookup(dossier)
        self.env = environment()
        self.backlinks = backlinks or {}  # entity src_uri -> [(title, editor page src_uri)]
        self.net = read_network(dossier)
        self.net_shared = network.prepare(self.net)
        self.claim_text = {c.id: c.text for c in dossier.claims}

    def render(self, template: str, uri: str, **context) -> str:
        page = Page(self.L, uri, self.directory_urls)
        text = self.env.get_template(template).render(p=page, L=self.L, d=self.d,
                                                      backlinks=self.backlinks.get(uri, ()), **context)
        return text.rstrip("\n") + "\n"

    def pages(self) -> dict[str, str]:
        out = {
            "sources/index.md": self.sources_index(),
            "actors/index.md": self.actors_index(),
            "events/index.md": self.events_index(),
            "claims/index.md": self.matrix(),
            "network/index.md": self.network(),
            "outlets/index.md": self.outlets(),
            "chronology/index.md": self.chronology(),
            "review/index.md": self.review(),
        }
        for source in self.d.sources:
            out[entity_uri("sources", source.id)] = self.source(source)
        for actor in self.d.actors:
            out[entity_uri("actors", actor.id)] = self.actor(actor)
        for event in self.d.events:
            out[entity_uri("events", event.id)] = self.event(event)
        for claim in self.d.claims:
            out[entity_uri("claims", claim.id)] = self.claim(claim)
        return dict(sorted(out.items()))

    # ---------------------------------------------------------------- sources

    def sources_index(self) -> str:
        sources = sorted(self.d.sources, key=lambda s: (s.published or dates.FAR, s.id))
        return self.render("sources_index.md.j2", "sources/index.md", sources=sources)

    def source(self, source: Source) -> str:
        uri = entity_uri("sources", source.id)
        page = Page(self.L, uri, self.directory_urls)
        paragraphs = []
        for number, group in groupby(sorted(source.sentences, key=lambda s: (s.paragraph, sentence_number(s.id))),
                                     key=lambda s: s.paragraph):
            group = list(group)
            kind = "headline" if group[0].kind == "headline" else "caption" if all(
                s.kind == "caption" for s in group) else "body"
            paragraphs.append({"kind": kind, "number": number,
                               "html": Markup(" ").join(self.sentence_html(page, source, s) for s in group)})
        events = []
        for event in self.L.events_by_source.get(source.id, []):
            events.append((event, [r for r in event.reports if r.source == source.id]))
        made, answered = [], []
        for claim in self.L.claims_by_source.get(source.id, []):
            here = [self.L.statements[s] for s in claim.statements
                    if s in self.L.statements and self.L.statements[s].source == source.id]
            if here:
                made.append((claim, here))
            responses = [r for r in claim.responses if r.source == source.id]
            if responses:
                answered.append((claim, responses))
        present = Counter()
        for (src, _sid), spans in self.L.spans.items():
            if src == source.id:
                present.update(span.actor for span in spans)
        actors = sorted(present.items(), key=lambda kv: (-kv[1], kv[0]))
        return self.render("source.md.j2", uri, source=source, paragraphs=paragraphs, events=events,
                           statements=self.L.statements_by_source.get(source.id, []),
                           made=made, answered=answered, actors=actors)

    def sentence_html(self, page: Page, source: Source, sentence) -> Markup:
        """One sentence with its anchor, every actor mention linked to the actor's page."""
        text = sentence.text
        pieces, at = [], 0
        for span in self.L.spans.get((source.id, sentence.id), []):
            surface = text[span.start:span.end]
            if not surface.strip():
                continue
            pieces.append(escape.inline(text[at:span.start]))
            pieces.append(page.actor(span.actor, label=surface))
            at = span.end
        pieces.append(escape.inline(text[at:]))
        classes = "dossier-sentence" + ("" if sentence.kind == "body" else f" dossier-{sentence.kind}-text")
        return Markup(f'<span id="{escape.ident(sentence.id)}" class="{classes}">') + Markup("").join(
            pieces) + Markup("</span>")

    def highlight(self, source_id: str, sid: str, actor_id: str) -> Markup:
        """A sentence as a snippet, the actor's own mentions marked."""
        sentence = self.L.sentences.get((source_id, sid))
        if sentence is None:
            return Markup("")
        pieces, at = [], 0
        for span in self.L.spans.get((source_id, sid), []):
            if span.actor != actor_id:
                continue
            pieces += [escape.inline(sentence.text[at:span.start]),
                       Markup("<mark>") + escape.inline(sentence.text[span.start:span.end]) + Markup("</mark>")]
            at = span.end
        pieces.append(escape.inline(sentence.text[at:]))
        joined = Markup("").join(pieces).strip()
        return escape.text(" ") if not joined else Markup(joined)

    # ---------------------------------------------------------------- actors

    def actors_index(self) -> str:
        groups = defaultdict(list)
        for actor in self.d.actors:
            groups[actor.kind].append(actor)
        order = [k for k in ACTOR_KINDS if k in groups] + sorted(k for k in groups if k not in ACTOR_KINDS)
        kinds = [(kind, sorted(groups[kind], key=lambda a: (-self.L.mention_count[a.id], a.name.lower(), a.id)))
                 for kind in order]
        return self.render("actors_index.md.j2", "actors/index.md", kinds=kinds)

    def actor(self, actor: Actor) -> str:
        uri = entity_uri("actors", actor.id)
        page = Page(self.L, uri, self.directory_urls)
        events = self.L.events_by_actor.get(actor.id, [])
        marks = [timeline.Mark(e.id, e.title, e.date, page.url("events", e.id)) for e in events if e.date]
        answered = []
        for claim in self.L.claims_by_responder.get(actor.id, []):
            answered.append((claim, [r for r in claim.responses if r.actor == actor.id]))
        mentions = [(src, [(sid, self.highlight(src, sid, actor.id)) for sid in sids])
                    for src, sids in self.L.mentions_by_source(actor)]
        return self.render("actor.md.j2", uri, actor=actor, events=events,
                           timeline=timeline.svg(marks, f"Timeline of {actor.name}") if len(marks) > 1 else "",
                           members=self.L.members.get(actor.id, []),
                           statements=self.L.statements_by_speaker.get(actor.id, []),
                           made=self.L.claims_by_claimant.get(actor.id, []), answered=answered,
                           mentions=mentions, together=self.L.co_mentions.get(actor.id, [])[:10],
                           picture=network.NetworkView(self.net, page, self.claim_text, self.net_shared).around(actor.id))

    # ---------------------------------------------------------------- events

    def events_index(self) -> str:
        events = sorted(self.d.events, key=self.L.event_key)
        return self.render("events_index.md.j2", "events/index.md", events=events)

    def event(self, event: Event) -> str:
        reports = sorted(event.reports, key=lambda r: (r.source, sentence_number(r.sentence), r.text))
        return self.render("event.md.j2", entity_uri("events", event.id), event=event, reports=reports,
                           related=self.L.related_events(event))

    def chronology(self) -> str:
        page = Page(self.L, "chronology/index.md", self.directory_urls)
        ordered = sorted(self.d.events, key=self.L.event_key)
        dated = [e for e in ordered if e.date]
        months = [(dates.month_label(key), list(group))
                  for key, group in groupby(dated, key=lambda e: dates.month_key(e.date))]
        marks = [timeline.Mark(e.id, e.title, e.date, page.url("events", e.id)) for e in dated]
        return self.render("chronology.md.j2", "chronology/index.md", months=months,
                           undated=[e for e in ordered if not e.date], timeline=timeline.svg(marks))

    # ---------------------------------------------------------------- claims

    def matrix(self) -> str:
        """Answered claims are the rows; a cell holds one badge per stance, numbered links for repeats."""
        claims = sorted(self.d.claims, key=self.claim_key)
        columns = self.L.responders()
        sides = [self.L.side(actor) for actor in columns]
        rows = []
        # contested claims first: the most answerers first, then the most answers
        answered = sorted((c for c in claims if c.responses),
                          key=lambda c: (-len({r.actor for r in c.responses}), -len(c.responses)))
        for claim in answered:
            cells = []
            for actor in columns:
                by_stance: dict[str, list] = defaultdict(list)
                for r in claim.responses:
                    if r.actor == actor:
                        by_stance[r.stance].append(r)
                cells.append([(stance, by_stance[stance]) for stance in STANCES if stance in by_stance])
            rows.append((claim, cells))
        unanswered = [c for c in claims if not c.responses]
        return self.render("matrix.md.j2", "claims/index.md", columns=list(zip(columns, sides)), rows=rows,
                           unanswered=unanswered)

    def network(self) -> str:
        """Who accuses and answers whom: the picture, then every edge as text (relations.network)."""
        uri = "network/index.md"
        view = network.NetworkView(self.net, Page(self.L, uri), self.claim_text, self.net_shared)
        picture, drawn, rest, together = view.whole()
        edges = [e for e in self.net.edges if e.relation != TOGETHER]
        edges.sort(key=lambda e: (self.L.actors[e.source].name.lower(), RELATIONS.index(e.relation),
                                  self.L.actors[e.target].name.lower(), e.key()))
        return self.render("network.md.j2", uri, picture=picture, drawn=drawn, rest=rest, edges=edges,
                           together=together, sides=self.net.members(), side_name=side_name,
                           RELATION_LABELS=network.netdraw.LABELS)

    def outlets(self) -> str:
        """How each outlet told the story: one column per outlet, one row per claim (relations.coverage)."""
        covered, rest = outlets.widest(coverage(self.d, self.net.sides))
        reported = {c.claim for o in covered for c in o.claims}
        # every claim is a row; when outlets are left out, only the claims the shown ones reported
        claims = sorted((c for c in self.d.claims if c.id in reported or not rest), key=self.claim_key)
        rows = outlets.table(covered, claims, self.net.sides, self.L.actors)
        return self.render("outlets.md.j2", "outlets/index.md", outlets=covered, rows=rows, rest=rest,
                           shares={o.id: outlets.shares(o, self.L.actors) for o in covered + rest},
                           side_name=side_name, sides=self.net.sides)

    def claim_key(self, claim: Claim) -> tuple:
        return (0, *claim.first_made.sort_key(), claim.id) if claim.first_made else (1, claim.id)

    def claim(self, claim: Claim) -> str:
        thread = []
        for sid in claim.statements:
            st = self.L.statements.get(sid)
            if st is not None:
                thread.append((self.when(st.date, st.source), st.source, sentence_number(st.sentence), 0, sid,
                               "made", st))
        for n, response in enumerate(claim.responses):
            st = self.L.statements.get(response.statement or "")
            sentence = self.L.response_sentence(response)
            thread.append((self.when(st.date if st else None, response.source), response.source,
                           sentence_number(sentence or ""), 1, f"{response.actor}/{n:04d}", "response", response))
        thread.sort(key=lambda t: t[:5])
        counters = self.L.counters.get(claim.id, [])
        return self.render("claim.md.j2", entity_uri("claims", claim.id), claim=claim,
                           thread=[(t[5], t[6]) for t in thread], counters=counters)

    def when(self, span, source_id: str):
        """Sort key of a thread entry: its own date, else its source's publication date."""
        if span is not None:
            return span.start
        source = self.L.sources.get(source_id)
        return source.published if source and source.published else dates.FAR

    # ---------------------------------------------------------------- review

    def review(self) -> str:
        groups = defaultdict(list)
        for item in self.d.review:
            groups[item.kind].append(item)
        kinds = [(kind, sorted(items, key=lambda i: (i.source or "", sentence_number(i.sentence or ""),
                                                      i.message, i.fix or "")))
                 for kind, items in sorted(groups.items())]
        dropped = [s for s in sorted(self.d.sources, key=lambda s: s.id) if s.dropped]
        return self.render("review.md.j2", "review/index.md", kinds=kinds, dropped=dropped)
