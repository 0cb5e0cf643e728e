"""Resolve actors: mentions -> one actor per real-world actor, then curation on top.

Clustering goes from the most certain evidence to the least: countries by country knowledge, full names
by spelling variants, then short forms (surnames, acronyms) attached to the one full name they fit.
An actor's kind is voted by all its mentions, not taken from one NER label.

One module per concern, read in this order:
- stage:     resolve_actors, the stage: cluster, keep or send to review/, curate, affiliate;
- clusters:  which mentions are one actor, pass by pass (countries, spelling variants, short forms,
             partial names, plurals, known bodies, acronyms);
- names:     how two names compare (transliterations, initials, a name without its country);
- review:    the actors not kept without an editor (only quoted, only a place, only in a headline, never
             acting) and the names extraction set aside;
- profiles:  an actor from its cluster (name, kind, aliases, role) and its affiliations;
- curation:  dossier/actors.yml on top: added, merged, renamed and hidden actors;
- index:     the cluster and the actor index every later stage looks names up in."""
from __future__ import annotations

from .clusters import _cluster, known_bodies
from .index import KEEP_CONFIDENCE, ActorIndex, Cluster, norm
from .profiles import name_like
from .stage import resolve_actors

__all__ = ["KEEP_CONFIDENCE", "ActorIndex", "Cluster", "known_bodies", "name_like", "norm", "resolve_actors"]
