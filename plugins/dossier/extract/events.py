"""Event reports: a date expression attached in the parse to a trigger word is a report of a happening.

One sentence may report several happenings ("following Kim's trip to Russia in September and Shoigu's
visit to Pyongyang in July"): each date expression takes the trigger nearest to it in the dependency
tree, and the trigger's own arguments (subject, object, "with"/"by"/"of" phrases, possessor) are its
participants, never every name in the sentence. A light verb hands its kind to the noun it governs
("paid a visit", "delivers a statement"); verbs coordinated with a dated trigger share its date ("visited
Russia and met with Putin"). Each report carries a chronology-style title pattern built from the trigger,
its doers, object and place. Merging reports across articles is resolve's work.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from ..data import load_table
from ..model import EventReport, Mention, Ref, TimeExpr
from ..parse import Parsed

NUMBER_RE = re.compile(r"\b(?:about|over|more than|nearly|almost|around|some|at least)?\s*"
                       r"\d[\d,.]*(?:\s*(?:thousand|million|billion|hundred))?\b|\b(?:a|one|several) "
                       r"(?:thousand|hundred|million)\b", re.IGNORECASE)
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_KINDS = {"person", "organization", "country", "group"}
MAX_TREE_DISTANCE = 4  # edges between a date and its trigger; further off, the date is not the trigger's
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "mark"}
OBJECT_WORDS = 7  # words of an object phrase kept in a title


@lru_cache(maxsize=None)
def _tables() -> dict:
    t = load_table("events.yml")
    return {"triggers": t["triggers"], "light": set(t.get("light_verbs") or ()),
            "relative": set(t.get("relative_pronouns") or ()),
            "part_preps": set(t.get("participant_preps") or ()), "place_preps": set(t.get("place_preps") or ()),
            "noun_verbs": t.get("noun_verbs") or {}, "kind_nouns": t.get("kind_nouns") or {},
            "verb_only": set(t.get("verb_only") or ())}


def find_events(parsed: Iterable[Parsed], times: Iterable[TimeExpr],
                mentions: Iterable[Mention]) -> Iterator[EventReport]:
    by_sentence_times: dict[tuple[str, str], list[TimeExpr]] = {}
    for t in times:
        if t.span is not None:
            by_sentence_times.setdefault((t.ref.source, t.ref.sentence), []).append(t)
    by_sentence_mentions: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        by_sentence_mentions.setdefault((m.ref.source, m.ref.sentence), []).append(m)
    for item in parsed:
        for sentence, doc in zip(item.source.sentences, item.docs):
            key = (item.source.id, sentence.id)
            found = by_sentence_times.get(key)
            if not found or sentence.kind == "headline":
                continue
            yield from sentence_events(sentence, doc, found, by_sentence_mentions.get(key, []))


# ---------------------------------------------------------------- triggers


def trigger_kind(token) -> str | None:
    """The event kind a token names, reading two-word triggers ("press conference") first."""
    if token.pos_ not in {"VERB", "NOUN", "PROPN"}:
        return None
    triggers = _tables()["triggers"]
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
            kind = triggers.get(f"{child.lower_} {lemma}") or triggers.get(f"{child.lower_} {token.lower_}")
            if kind:
                return kind
    if token.pos_ == "PROPN" and token.ent_type_:
        return None  # part of a name ("Victory Day Parade" is a name, "Summit" in "G20 Summit" is not ours)
    kind = triggers.get(lemma) or triggers.get(token.lower_)
    if kind and token.pos_ != "VERB" and lemma in _tables()["verb_only"]:
        return None
    return kind


def _light_noun(verb):
    """The trigger noun a light verb governs ("paid a visit" -> visit), or None."""
    if verb.lemma_.lower() not in _tables()["light"]:
        return None
    for child in verb.children:
        if child.dep_ in {"dobj", "attr"} and trigger_kind(child):
            return child
    for child in verb.children:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and trigger_kind(obj):
                    return obj
    return None


def _resolve_trigger(token):
    """A light verb gives way to its noun; a verb otherwise stands."""
    noun = _light_noun(token)
    return noun if noun is not None else token


def _tree_distance(a, b) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in index_b:
            return n + index_b[t.i]
    return 99


def _time_tokens(doc, time: TimeExpr) -> list:
    return [t for t in doc if time.ref.start <= t.idx < time.ref.end]


def _anchor(tokens):
    """The token of a date expression that hangs on the rest of the sentence."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head is t:
            return t
    return tokens[0]


def sentence_events(sentence, doc, times: list[TimeExpr], mentions: list[Mention]) -> Iterator[EventReport]:
    candidates = [t for t in doc if trigger_kind(t) or _light_noun(t) is not None]
    if not candidates:
        return
    chosen: dict[int, tuple[int, int, TimeExpr]] = {}  # trigger index -> (distance, char distance, time)
    time_anchor = {}
    for time in sorted(times, key=lambda t: t.ref.start):
        tokens = _time_tokens(doc, time)
        if not tokens:
            continue
        anchor = _anchor(tokens)
        time_anchor[id(time)] = anchor
        inside = {t.i for t in tokens}
        best = None
        for cand in candidates:
            if cand.i in inside or not _may_date(anchor, cand):
                continue
            # a clause opened by a relative word ("during which he met") hangs on the happening before it
            score = (_tree_distance(anchor, cand) + _in_relative_clause(cand), abs(cand.idx - anchor.idx))
            if best is None or score < best[0]:
                best = (score, cand)
        if best is None or best[0][0] > MAX_TREE_DISTANCE:
            continue
        trigger = _resolve_trigger(best[1])
        old = chosen.get(trigger.i)
        if old is None or best[0] < old[:2]:
            chosen[trigger.i] = (*best[0], time)
    dated = set(chosen)
    emitted = []
    for index, (_, _, time) in sorted(chosen.items()):
        trigger = doc[index]
        emitted.append((trigger, time))
        # verbs coordinated with the dated one share its date unless they carry their own
        verb = _governing_verb(trigger) if trigger.pos_ != "VERB" else trigger
        for conj in _sharing(verb) if verb is not None else ():
            other = _resolve_trigger(conj)
            if other.i in dated or not trigger_kind(other):
                continue
            if any(t.i in {x.i for x in other.subtree} for t in _time_tokens(doc, time)):
                continue
            if other not in verb.conjuncts and trigger_kind(other) in _tables()["kind_nouns"]:
                continue  # what was said during a visit or an interview is its content, not a new event
            dated.add(other.i)
            emitted.append((other, time))
    for trigger, time in emitted:
        yield _report(sentence, doc, trigger, time, mentions)


def _path(a, b) -> list:
    """The tokens from a up to the lowest common ancestor and down to b."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = [t.i for t in up_b]
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return up_a[: n + 1] + list(reversed(up_b[: ids_b.index(t.i)]))
    return []


def _may_date(anchor, trigger) -> bool:
    """Whether a date hanging at `anchor` can be the date of `trigger`. Not across a clausal complement
    ("said that in 2016 ..." dates what was said, not the saying; "said on Monday that X was provided"
    dates the saying, not X); and a trigger noun that is the object of some other, meaningful verb is
    not dated by that verb's date ("brought up the slaying last week")."""
    path = _path(anchor, trigger)
    if not path:
        return False
    top = max(path, key=lambda t: -len(list(t.ancestors)))
    for t in path:
        if t is not top and (t.dep_ in {"ccomp", "csubj"} or
                             t.dep_ == "acl" and any(c.dep_ == "mark" for c in t.children)):
            # a date before the clause's own subject ("said on Saturday it was ...") is the saying's,
            # however the parser attached it
            opens = [c.i for c in t.children if c.dep_ in {"nsubj", "nsubjpass", "mark", "expl"}]
            if not (opens and anchor.i < min(opens)):
                return False
    if trigger.pos_ != "VERB" and trigger_kind(top) is None and top.pos_ == "VERB" \
            and top.lemma_.lower() not in _tables()["light"] and top is not trigger \
            and trigger in top.subtree and anchor not in trigger.subtree:
        return False
    return True


def _in_relative_clause(token) -> int:
    relative = _tables()["relative"] | {"where", "when", "whereupon"}
    for t in [token, *token.ancestors]:
        if t.dep_ in {"relcl", "advcl"}:
            return int(any(x.lower_ in relative for x in t.subtree if x.i < t.i))
    return 0


def _sharing(verb) -> list:
    """Verbs that happen at the time of `verb`: its conjuncts ("visited Russia and met Putin") and
    clauses opened by a relative word ("was in Pyongyang on a visit, during which he met Kim")."""
    relative = _tables()["relative"] | {"where", "when", "whereupon"}
    out = list(verb.conjuncts)
    for c in verb.subtree:
        if c.dep_ in {"relcl", "advcl"} and c is not verb and c.pos_ == "VERB":
            lead = [t for t in c.subtree if t.i < c.i][:3]
            if any(t.lower_ in relative for t in lead):
                out.append(c)
    return out


# ---------------------------------------------------------------- arguments


def _governing_verb(noun):
    """The verb a trigger noun is the object of, directly or through a preposition."""
    head = noun
    for _ in range(3):
        if head.dep_ in {"dobj", "attr", "nsubj", "nsubjpass", "pobj", "prep", "conj", "appos"} and head.head is not head:
            head = head.head
            if head.pos_ in {"VERB", "AUX"}:
                return head
        else:
            break
    return None


def _subjects(verb) -> list:
    """Subjects of a verb, borrowed from the verb it is coordinated with or the noun a relative clause
    describes when it has none of its own; a passive's "by" agent counts as its subject."""
    relative = _tables()["relative"]
    for _ in range(4):
        subs = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        subs += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subs and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        if subs and subs[0].lower_ in relative:
            if verb.dep_ == "relcl":
                return [verb.head]
            before = [t for t in subs[0].doc[:subs[0].i] if t.pos_ in {"NOUN", "PROPN"}]
            return before[-1:]
        if subs:
            return subs
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
            verb = verb.head
            continue
        if verb.dep_ in {"relcl", "acl"} and verb.head is not verb:
            return [verb.head]
        return []
    return []


def _expand(tokens) -> list:
    """Each argument with its conjuncts and appositions ("the US and its allies South Korea and Japan")."""
    out, seen = [], set()
    stack = list(tokens)
    while stack:
        t = stack.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        stack += [c for c in t.children if c.dep_ in {"conj", "appos"}]
    return out


def _is_place(token) -> bool:
    return token.ent_type_ in PLACE_LABELS


def _arguments(trigger, kind: str):
    """(doers, others, place token, object token) of a trigger."""
    tables = _tables()
    doers, others, place, obj = [], [], None, None
    heads = [trigger]
    if trigger.pos_ == "VERB":
        doers = _subjects(trigger)
        for c in trigger.children:
            if c.dep_ in {"dobj", "dative"}:
                obj = c
    else:
        doers = [c for c in trigger.children if c.dep_ == "poss"]
        doers += [c for c in trigger.children if c.dep_ == "compound" and c.ent_type_ and not _is_place(c)
                  and c.i < trigger.i and trigger_kind(c) is None and c.lower_ not in {"press", "joint"}]
        for acl in (c for c in trigger.children if c.dep_ == "acl"):
            doers += [g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        verb = _governing_verb(trigger)
        if verb is not None:
            heads.append(verb)
            if not doers:
                doers = _subjects(verb)
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            word = prep.lower_
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if word in tables["place_preps"] and _is_place(pobj) and (word != "to" or kind == "visit"):
                    if place is None:
                        place = pobj
                elif word in tables["part_preps"] and head is trigger:
                    if word == "by" and not doers:
                        doers = [pobj]
                    else:
                        others.append(pobj)
    if kind == "visit" and obj is not None and _is_place(obj) and place is None:
        place, obj = obj, None
    if kind == "statement":
        obj = None  # what was said is a statement's content, not a participant
    if obj is not None and kind not in {"statement"}:
        others.insert(0, obj)
    if kind == "visit" and place is not None:
        others.append(place)  # the host of a visit takes part in it
    return _expand(doers), _expand(others), place, obj


def _mention_at(token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.ref.start <= token.idx < m.ref.end and (m.kind in ACTOR_KINDS or m.kind is None):
            return m
    return None


def _actor_mentions(tokens, mentions: list[Mention]) -> list[Mention]:
    out = _actor_mentions_raw(tokens, mentions)
    # a title written as a name before a person ("White House Coordinator ... John Kirby") is the person's
    return [m for m in out if not any(o is not m and o.kind == "person" and 0 <= o.ref.start - m.ref.end <= 1
                                      for o in out)]


def _actor_mentions_raw(tokens, mentions: list[Mention]) -> list[Mention]:
    out = []
    for t in tokens:
        m = _mention_at(t, mentions)
        if m is None:
            # "the leader of the DPRK", "its allies South Korea": look one step down for a name
            for c in t.children:
                if c.dep_ in {"compound", "appos"} or (c.dep_ == "prep" and c.lower_ == "of"):
                    for g in ([c] if c.dep_ != "prep" else [x for x in c.children if x.dep_ == "pobj"]):
                        m = _mention_at(g, mentions)
                        if m:
                            break
                if m:
                    break
        if m is not None and m not in out:
            out.append(m)
    return out


# ---------------------------------------------------------------- the report


def _report(sentence, doc, trigger, time: TimeExpr, mentions: list[Mention]) -> EventReport:
    kind = trigger_kind(trigger) or "event"
    doers, others, place, obj = _arguments(trigger, kind)
    agent_mentions = _actor_mentions(doers, mentions)
    other_mentions = [m for m in _actor_mentions(others, mentions) if m not in agent_mentions]
    people = agent_mentions + other_mentions
    lo, hi = _clause_bounds(trigger, time, doc)
    text = sentence.text
    place_text = _place_text(place, doc)
    title = _title(trigger, kind, doers, agent_mentions, people, obj, place_text, doc)
    return EventReport(
        ref=Ref(time.ref.source, time.ref.sentence, lo, hi), trigger=trigger.text, kind=kind,
        date=time.span, date_text=time.text,
        participants=tuple(m.text for m in people), participant_refs=tuple(m.ref for m in people),
        place=place_text, text=text,
        numbers=tuple(n.group(0).strip() for n in NUMBER_RE.finditer(text[lo:hi]) if not _is_date_number(n.group(0))),
        confidence=0.9 if sentence.kind == "body" else 0.5, title=title, agents=len(agent_mentions))


def _place_text(token, doc) -> str | None:
    if token is None:
        return None
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _clause_bounds(token, time: TimeExpr, doc) -> tuple[int, int]:
    """The stretch of text the trigger governs, widened to take in the date expression."""
    head = token
    verb = _governing_verb(token) if token.pos_ != "VERB" else None
    if verb is not None:
        head = verb
    span = list(head.subtree)
    lo = min(min(t.idx for t in span), time.ref.start)
    hi = max(max(t.idx + len(t.text) for t in span), time.ref.end)
    if hi - lo > len(doc.text) * 0.9:
        return 0, len(doc.text)
    return lo, hi


# ---------------------------------------------------------------- titles


def _names(indexes: list[int]) -> str:
    parts = [f"{{{i}}}" for i in indexes]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def present(verb: str, plural: bool) -> str:
    """A lemma (or phrase headed by one) in the present tense: visit -> visits, hold talks -> holds talks."""
    words = verb.split(" ", 1)
    head = words[0]
    if not plural:
        if head == "be":
            head = "is"
        elif head == "have":
            head = "has"
        elif re.search(r"(s|sh|ch|x|z|o)$", head):
            head += "es"
        elif re.search(r"[^aeiou]y$", head):
            head = head[:-1] + "ies"
        else:
            head += "s"
    elif head == "be":
        head = "are"
    return " ".join([head, *words[1:]])


def _phrase(token, people: list[Mention], mentions_index: dict, limit: int = OBJECT_WORDS) -> str:
    """A short noun phrase for a title: modifiers and the head, an "of" phrase, names as placeholders."""
    m = mentions_index.get(token.i)
    if m is not None:
        return f"{{{m}}}"
    keep = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nummod", "poss", "quantmod", "nmod"}]
    words = []
    for c in keep:
        sub = [t for t in c.subtree if t.dep_ != "punct" and t.dep_ != "case"]
        words += [t for t in sub]
    words.append(token)
    for c in token.rights:
        if c.dep_ == "prep" and c.lower_ in {"of", "on", "against"}:
            words.append(c)
            words += [t for pobj in c.children if pobj.dep_ == "pobj" for t in _np_tokens(pobj)]
            break
    out, used = [], set()
    for t in sorted(words, key=lambda t: t.i):
        idx = mentions_index.get(t.i)
        if idx is not None:
            if idx not in used:
                out.append(f"{{{idx}}}")
                used.add(idx)
            continue
        out.append(t.text)
    return " ".join(out[:limit])


def _np_tokens(token) -> list:
    return [t for t in token.subtree if not any(a.dep_ in CLAUSES | {"prep"} and a.i != token.i and
                                                token in a.ancestors for a in [t, *t.ancestors][:3])]


def _title(trigger, kind: str, doers, agents: list[Mention], people: list[Mention], obj, place: str | None,
           doc) -> str:
    tables = _tables()
    index = {}
    for n, m in enumerate(people):
        for t in doc:
            if m.ref.start <= t.idx < m.ref.end:
                index.setdefault(t.i, n)
    agent_ids = list(range(len(agents)))
    who = _names(agent_ids)
    plural = len(agent_ids) > 1
    if not who and doers and doers[0].pos_ in {"NOUN", "PROPN"}:
        who = _phrase(doers[0], people, index, limit=5)
        who = re.sub(r"^(?:[Tt]he|[Aa]n?|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er) ", "", who)
        plural = doers[0].tag_ in {"NNS", "NNPS"}
    kind_noun = tables["kind_nouns"].get(kind)
    lemma = trigger.lemma_.lower()
    if kind_noun:
        noun = kind_noun
        for c in trigger.children:
            if c.dep_ == "amod" and c.lower_ == "joint":
                noun = "joint " + noun
        return _cap(f"{who} {noun}") if who else ""
    others = [i for i in range(len(agents), len(people))]
    place_part = f" in {place}" if place and kind != "visit" else ""
    if trigger.pos_ == "VERB":
        verb = present(lemma, plural)
        if not who:
            patient = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:
                return _cap(f"{_phrase(patient, people, index, limit=5)} {trigger.text}{place_part}")
            return ""  # resolve falls back to the words of the report
        rest = ""
        if kind == "visit" and place:
            rest = f" {place}"
        elif obj is not None:
            rest = " " + _phrase(obj, people, index)
        elif others:
            rest = " with " + _names(others)
        return _cap(f"{who} {verb}{rest}{place_part}")
    verb = tables["noun_verbs"].get(lemma)
    if verb and who:
        rest = ""
        if kind == "visit" and place:
            rest = f" {place}"
        elif others:
            rest = (" with " if verb.startswith("hold") else " ") + _names(others)
        return _cap(f"{who} {present(verb, plural)}{rest}{place_part}")
    phrase = _phrase(trigger, people, index)
    if not who and len(phrase.split()) < 2:
        return ""  # a bare noun ("Statement", "Charges") says nothing; resolve uses the report's words
    by = f" by {who}" if who and who not in phrase else ""
    return _cap(f"{phrase}{by}{place_part}")


def _cap(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:] if text else text


def _is_date_number(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return len(digits) == 4 and 1900 <= int(digits) <= 2100 or len(digits) <= 2
