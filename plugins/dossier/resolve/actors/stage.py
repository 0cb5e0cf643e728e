"""The actor stage: mentions clustered into actors, each kept or sent to review/ with the YAML that keeps
it, curation applied, affiliations drawn."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ...config import CuratedActor
from ...model import DroppedName, Mention, ReviewItem, Source, StatementRecord
from .clusters import _cluster
from .curation import _apply_curation, _curated_keys
from .index import ActorIndex, KEEP_CONFIDENCE, WEAK, norm
from .profiles import _actor, _affiliations, _named_with_their_states, _unique_ids
from .review import (
    HEADLINE_ONLY, ONLY_REPORTS, _defined_as_a_place, _dropped_review, _never_acts, _only_a_place, _only_carries_news, _only_in_a_title,
    _only_in_headlines, _only_quoted, _quoted_spans, _titled_countries,
)


def resolve_actors(mentions: Iterable[Mention], sources: Iterable[Source], curated: Iterable[CuratedActor],
                   dropped: Iterable[DroppedName] = (), statements: Iterable[StatementRecord] = (),
                   contested: frozenset[int] = frozenset()) -> tuple[ActorIndex, list[ReviewItem]]:
    """`contested`: the indexes of the statements whose words are a claim that charges a side or that
    others answer (an outlet saying them is a party to the story, not only carrying it)."""
    mentions = list(mentions)
    sources = list(sources)
    dropped = list(dropped)
    clusters = _cluster(mentions, sources)
    curated = list(curated)
    settled = set().union(*(_curated_keys(c) for c in curated))  # names the editor has decided on
    review: list[ReviewItem] = []
    body_refs = {(s.id, x.id) for s in sources for x in s.sentences if x.kind != "caption"}
    text_refs = {(s.id, x.id) for s in sources for x in s.sentences if x.kind == "body" and not _repeats_headline(s, x)}
    actors, index_refs = [], {}
    statements = list(statements)
    quoted = _quoted_spans(statements)
    speakers = {(st.speaker_ref.source, st.speaker_ref.sentence, st.speaker_ref.start)
                for st in statements if st.speaker_ref is not None}
    contested_by = {(st.speaker_ref.source, st.speaker_ref.sentence, st.speaker_ref.start)
                    for k, st in enumerate(statements) if k in contested and st.speaker_ref is not None}
    role_orgs = {norm(m.role_org) for m in mentions if m.role_org}
    titled = _titled_countries(mentions)
    texts = [x.text for s in sources for x in s.sentences]
    for cluster in clusters:
        actor = _actor(cluster, body_refs)
        why = f"confidence {actor.confidence:.2f}"
        if actor.confidence >= KEEP_CONFIDENCE:
            if _only_quoted(cluster, quoted):
                actor, why = replace(actor, confidence=WEAK), "named only inside someone else's words, never acting in the story"
            elif _only_in_a_title(cluster, titled, body_refs):
                actor, why = replace(actor, confidence=WEAK), "named once, only in someone's title ('Finland's President X'), never acting in the story"
            elif _defined_as_a_place(cluster, texts):
                actor, why = replace(actor, confidence=WEAK), "an acronym the text defines as a place"
            elif _only_a_place(cluster, role_orgs):
                actor, why = replace(actor, confidence=WEAK), "a country named only as a place (where something happened, where someone went or comes from), never acting and in no one's title"
            elif _only_in_headlines(cluster, actor.kind, text_refs, speakers):
                actor, why = replace(actor, confidence=WEAK), HEADLINE_ONLY
            elif _only_carries_news(cluster, contested_by, role_orgs):
                actor, why = replace(actor, confidence=WEAK), ONLY_REPORTS
            elif _never_acts(cluster, role_orgs):
                actor, why = replace(actor, confidence=WEAK), "never acts, holds no title and employs no one: a place, an idea or a cause?"
        if actor.confidence < KEEP_CONFIDENCE:
            if settled & {norm(f) for f in cluster.forms()}:
                continue  # curation adds, merges or hides it: nothing left to propose
            first = cluster.mentions[0].ref
            review.append(ReviewItem("low-confidence-actor",
                                     f"{actor.name!r} ({actor.kind}) was not kept as an actor: {why}",
                                     first.source, first.sentence,
                                     f"# dossier/actors.yml\n- name: {actor.name}\n  kind: {actor.kind}"))
            continue
        actors.append(actor)
        for m in cluster.mentions:
            index_refs[(m.ref.source, m.ref.sentence, m.ref.start)] = actor.id
    actors = _unique_ids(actors)
    actors, index_refs, hides = _apply_curation(actors, index_refs, curated, sources, dropped)
    actors = _named_with_their_states(_affiliations(actors, clusters))
    by_name = {}
    for actor in actors:
        for form in (actor.name, *actor.aliases):
            by_name.setdefault(norm(form), actor.id)
    for actor in actors:  # forms that are not listed as aliases ("Russian") still find their actor
        for m in actor.mentions:
            by_name.setdefault(norm(m.text), actor.id)
    review += _dropped_review(dropped, set(by_name) | settled)
    return ActorIndex(tuple(sorted(actors, key=lambda a: a.id)), index_refs, by_name, tuple(hides)), review


def _repeats_headline(source, sentence) -> bool:
    """A body line that is the headline again (a page's title printed above the story) is no running text:
    its Title Case runs words into names as the headline's does."""
    return any(x.kind == "headline" and x.text.strip() == sentence.text.strip() for x in source.sentences)
