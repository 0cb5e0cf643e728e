"""Export: the Dossier as dossier.json (CONTRACT.md), deterministic: same input, same bytes."""
from __future__ import annotations

import json
from importlib import resources

from . import relations
from .model import Dossier

FORMAT = "dossier/1"


def page(kind: str, ident: str) -> str:
    return f"{kind}/{ident}/"


def to_data(d: Dossier) -> dict:
    return {
        "format": FORMAT,
        "title": d.title,
        "sources": [{
            "id": s.id, "file": s.file, "title": s.title, "outlet": s.outlet, "url": s.url,
            "published": s.published.isoformat() if s.published else None, "author": s.author,
            "label": s.label, "page": page("sources", s.id),
            "sentences": [{"id": x.id, "text": x.text, "kind": x.kind} for x in s.sentences],
        } for s in sorted(d.sources, key=lambda s: s.id)],
        "actors": [{
            "id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "role": a.role,
            "affiliations": list(a.affiliations), "curated": a.curated, "confidence": round(a.confidence, 3),
            "page": page("actors", a.id),
            "mentions": [{"source": m.source, "sentence": m.sentence, "text": m.text,
                          "start": m.start, "end": m.end} for m in a.mentions],
        } for a in sorted(d.actors, key=lambda a: a.id)],
        "events": [{
            "id": e.id, "title": e.title, "kind": e.kind, "date": e.date.iso() if e.date else None,
            "place": e.place, "participants": list(e.participants), "curated": e.curated,
            "page": page("events", e.id),
            "reports": [{"source": r.source, "sentence": r.sentence, "text": r.text, "date_text": r.date_text,
                         "date": r.date.iso() if r.date else None} for r in e.reports],
            "conflicts": list(e.conflicts),
        } for e in sorted(d.events, key=lambda e: e.id)],
        "statements": [{
            "id": s.id, "speaker": s.speaker, "source": s.source, "sentence": s.sentence, "text": s.text,
            "direct": s.direct, "cue": s.cue, "date": s.date.iso() if s.date else None,
        } for s in sorted(d.statements, key=lambda s: s.id)],
        "claims": [{
            "id": c.id, "text": c.text, "claimants": list(c.claimants), "statements": list(c.statements),
            "page": page("claims", c.id), "curated": c.curated, "counter_to": c.counter_to,
            "first_made": c.first_made.iso() if c.first_made else None, "confidence": round(c.confidence, 3),
            "responses": [{"actor": r.actor, "stance": r.stance, "statement": r.statement, "source": r.source,
                           "sentence": r.sentence, "quote": r.quote, "curated": r.curated,
                           "confidence": round(r.confidence, 3)}
                          for r in sorted(c.responses, key=lambda r: (r.actor, r.stance, r.source, r.statement or ""))],
        } for c in sorted(d.claims, key=lambda c: c.id)],
        **views(d),
    }


def views(d: Dossier) -> dict:
    """The network (sides and edges) and each outlet's coverage, as relations.py reads them."""
    net = relations.network(d)
    return {
        "network": {
            "sides": [{"id": side, "actors": members} for side, members in net.members().items()],
            "edges": [{"from": e.source, "to": e.target, "relation": e.relation, "claim": e.claim,
                       "count": e.count, "sentences": [{"source": s, "sentence": x} for s, x in e.refs]}
                      for e in net.edges],
        },
        "outlets": [{
            "id": o.id, "name": o.name, "label": o.label, "sources": list(o.sources),
            "claims": [{"claim": c.claim, "sentences": [{"source": s, "sentence": x} for s, x in c.made],
                        "quoted": [{"actor": q.actor, "side": net.sides.get(q.actor), "stance": q.stance,
                                    "source": q.source, "sentence": q.sentence} for q in c.quoted],
                        "left_out": [{"actor": a, "side": net.sides.get(a)} for a in c.left_out]}
                       for c in o.claims],
            "words": [{"side": side, "words": n, "share": round(n / o.total_words, 3)} for side, n in o.words],
            "only_named": [{"actor": a, "source": s, "sentence": x} for a, s, x in o.only_named],
        } for o in relations.coverage(d, net.sides)],
    }


def to_json(d: Dossier) -> str:
    return json.dumps(to_data(d), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema() -> dict:
    """The JSON Schema of dossier.json, shipped in the package."""
    return json.loads(resources.files(__package__).joinpath("schema/dossier.schema.json").read_text("utf-8"))


def dangling(data: dict) -> list[str]:
    """Every id dossier.json names that it does not hold (an actor, source, sentence, statement or claim),
    as "<where>: <kind> <id>". The JSON Schema checks shapes; this checks that the references are whole."""
    actors = {a["id"] for a in data["actors"]}
    sources = {s["id"] for s in data["sources"]}
    sentences = {(s["id"], x["id"]) for s in data["sources"] for x in s["sentences"]}
    statements = {s["id"] for s in data["statements"]}
    claims = {c["id"] for c in data["claims"]}
    out: list[str] = []

    def need(where: str, kind: str, ident, known) -> None:
        if ident not in known:
            out.append(f"{where}: {kind} {ident!r}")

    def sentence(where: str, source, sid) -> None:
        need(where, "source", source, sources)
        if sid is not None and source in sources:
            need(where, "sentence", (source, sid), sentences)

    for a in data["actors"]:
        for x in a["affiliations"]:
            need(f"actor {a['id']} affiliations", "actor", x, actors)
        for m in a["mentions"]:
            sentence(f"actor {a['id']} mention", m["source"], m["sentence"])
    for e in data["events"]:
        for x in e["participants"]:
            need(f"event {e['id']} participants", "actor", x, actors)
        for r in e["reports"]:
            sentence(f"event {e['id']} report", r["source"], r["sentence"])
    for s in data["statements"]:
        if s["speaker"] is not None:
            need(f"statement {s['id']} speaker", "actor", s["speaker"], actors)
        sentence(f"statement {s['id']}", s["source"], s["sentence"])
    for c in data["claims"]:
        for x in c["claimants"]:
            need(f"claim {c['id']} claimants", "actor", x, actors)
        for x in c["statements"]:
            need(f"claim {c['id']} statements", "statement", x, statements)
        if c.get("counter_to") is not None:
            need(f"claim {c['id']} counter_to", "claim", c["counter_to"], claims)
        for r in c["responses"]:
            need(f"claim {c['id']} response", "actor", r["actor"], actors)
            if r["statement"] is not None:
                need(f"claim {c['id']} response", "statement", r["statement"], statements)
            sentence(f"claim {c['id']} response", r["source"], r.get("sentence"))
    return out
