"""Dates to triggers: each date expression in a sentence takes the trigger nearest to it in the dependency
tree (not across a reported clause, not into a comment on the date itself); verbs coordinated with a
dated trigger share its date, dates coordinated with its date make one happening each, and an act of
speech at a dated occasion takes the occasion's date."""
from __future__ import annotations

from typing import Iterator

from ...model import EventReport, Mention, TimeExpr
from .arguments import _governing_verb
from .report import _report
from .tables import table
from .triggers import SPEECH_KINDS, _in_complement, _light_noun, _resolve_trigger, phrase_start, trigger_kind

MAX_TREE_DISTANCE = 4  # edges between a date and its trigger; further off, the date is not the trigger's


def sentence_events(sentence, doc, times: list[TimeExpr], mentions: list[Mention],
                    memory: list[Mention] | None = None) -> Iterator[EventReport]:
    """The reports of a sentence's date expressions: each date's own trigger, then the happenings that
    share its date (coordinated verbs, coordinated dates, speech at a dated occasion)."""
    candidates = [t for t in doc if trigger_kind(t) or _light_noun(t) is not None]
    if not candidates:
        return
    chosen, anchors = _triggers_of_dates(doc, times, candidates)
    _drop_states(doc, chosen)
    dated = set(chosen)
    emitted = _with_sharing_verbs(doc, chosen, dated)
    emitted += _coordinated_dates(doc, times, anchors, emitted)
    emitted += _said_at(doc, emitted, dated)
    for trigger, time in emitted:
        yield _report(sentence, doc, trigger, time, mentions, memory or [])


def _triggers_of_dates(doc, times: list[TimeExpr], candidates: list) -> tuple[dict, dict]:
    """{trigger index: (tree distance, char distance, time)}: each date's nearest trigger, a trigger
    keeping its nearest date; and {id(time): the token its expression hangs on}."""
    chosen: dict[int, tuple[int, int, TimeExpr]] = {}
    anchors = {}
    for time in sorted(times, key=lambda t: t.ref.start):
        tokens = _time_tokens(doc, time)
        if not tokens:
            continue
        anchor = _anchor(tokens)
        anchors[id(time)] = anchor
        best = _nearest_trigger(anchor, {t.i for t in tokens}, candidates)
        if best is None:
            continue
        trigger = _resolve_trigger(best[1])
        old = chosen.get(trigger.i)
        if old is None or best[0] < old[:2]:
            chosen[trigger.i] = (*best[0], time)
    return chosen, anchors


def _nearest_trigger(anchor, inside: set[int], candidates: list):
    """((tree distance, char distance), token) of the trigger a date at `anchor` dates, or None."""
    best = None
    for cand in candidates:
        if cand.i in inside or not _may_date(anchor, cand) or _on_the_date(cand, inside):
            continue
        # a clause opened by a relative word ("during which he met") hangs on the happening before it
        score = (_tree_distance(anchor, cand) + _in_relative_clause(cand), abs(cand.idx - anchor.idx))
        if best is None or score < best[0]:
            best = (score, cand)
    if best is None or best[0][0] > MAX_TREE_DISTANCE:
        return None
    speech = _speech_over(best[1], anchor, candidates)
    if speech is not None:
        # "On 6 June, X reported that Y had blown up Z": the date is the report's; what was reported
        # is its content, not a happening the article vouches for
        best = ((_tree_distance(anchor, speech), abs(speech.idx - anchor.idx)), speech)
    return best


def _drop_states(doc, chosen: dict) -> None:
    """"under Russian control in May" is a state, not the happening that began it ("since May" is)."""
    for index, (_, _, time) in list(chosen.items()):
        if doc[index].lemma_.lower() in table().under_nouns and trigger_kind(doc[index]) \
                and doc[index].pos_ == "NOUN" and phrase_start(time.text) not in table().start_leads:
            del chosen[index]


def _with_sharing_verbs(doc, chosen: dict, dated: set[int]) -> list:
    """(trigger, time) of each dated trigger, each followed by the verbs coordinated with it, which share
    its date unless they carry their own; `dated` takes in the sharers."""
    emitted = []
    for index, (_, _, time) in sorted(chosen.items()):
        trigger = doc[index]
        emitted.append((trigger, time))
        verb = _governing_verb(trigger) if trigger.pos_ != "VERB" else trigger
        for conj in _sharing(verb) if verb is not None else ():
            other = _resolve_trigger(conj)
            if other.i in dated or not trigger_kind(other):
                continue
            if any(t.i in {x.i for x in other.subtree} for t in _time_tokens(doc, time)):
                continue
            if other not in verb.conjuncts and trigger_kind(other) in table().kind_nouns:
                continue  # what was said during a visit or an interview is its content, not a new event
            dated.add(other.i)
            emitted.append((other, time))
    return emitted


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
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


def _said_at(doc, emitted: list, dated: set[int]) -> list:
    """An act of speech at a dated occasion takes its date: "X rejected the claims at a news conference on
    Monday", "X said in a tweet on Sunday" (the date hangs on the occasion, which the parse puts nearer)."""
    kinds, preps = table().said_at.kinds, table().said_at.preps
    extra = []
    for trigger, time in list(emitted):
        if trigger.pos_ != "NOUN" or trigger_kind(trigger) not in kinds:
            continue
        prep = trigger.head
        verb = prep.head
        if trigger.dep_ != "pobj" or prep.lower_ not in preps or verb.pos_ != "VERB" or verb.i in dated:
            continue
        kind = trigger_kind(verb)
        if kind in SPEECH_KINDS:
            dated.add(verb.i)
            extra.append((verb, time))
    return extra


def _coordinated_dates(doc, times: list[TimeExpr], anchors: dict, emitted: list) -> list:
    """Dates coordinated with a dated trigger's date ("shot down on Friday, Saturday and Sunday") are as
    many happenings of that kind, one on each day: the trigger once more for each date that dates nothing
    else."""
    used = {id(time) for _, time in emitted}
    by_token = {tok.i: t for t in times if id(t) in anchors for tok in _time_tokens(doc, t)}
    extra = []
    for trigger, time in list(emitted):
        if id(time) not in anchors:
            continue
        for other in (c for tok in _time_tokens(doc, time) for c in tok.conjuncts):
            found = by_token.get(other.i)
            if found is not None and id(found) not in used and found.span is not None:
                used.add(id(found))
                extra.append((trigger, found))
    return extra


def _speech_over(trigger, anchor, candidates):
    """The speech verb whose complement holds `trigger`, when the date at `anchor` may date it too."""
    for up in trigger.ancestors:
        if up in candidates and up.pos_ == "VERB" and trigger_kind(up) in SPEECH_KINDS \
                and _in_complement(trigger, up) and _may_date(anchor, up) \
                and _tree_distance(anchor, up) <= MAX_TREE_DISTANCE:
            return up
    return None


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
    occasion = table().said_at
    if trigger.dep_ == "pobj" and trigger.head.lower_ in occasion.preps and trigger_kind(trigger) in occasion.kinds:
        return True  # "raised in a phone call ... on Thursday": the occasion is of the verb's date
    if trigger.pos_ != "VERB" and trigger_kind(top) is None and top.pos_ == "VERB" \
            and top.lemma_.lower() not in table().light_verbs and top is not trigger \
            and trigger in top.subtree and anchor not in trigger.subtree:
        return False
    return True


def _on_the_date(token, inside: set[int]) -> bool:
    """Whether `token` lies in a relative clause hanging on the date expression itself and opened by
    a pronoun ("on June 23-24, which Putin said could have tipped ..."): the pronoun stands for the
    happening dated, and the clause is a comment on it made at some other time. A clause opened by
    "when" or "during which" is of that date, and is kept."""
    for t in [token, *token.ancestors]:
        if t.dep_ == "relcl":
            lead = [x for x in t.subtree if x.i < t.i][:2]
            return t.head.i in inside and any(x.lower_ in table().relative_pronouns and x.dep_ != "pobj"
                                              for x in lead)
    return False


def _in_relative_clause(token) -> int:
    relative = table().relative_pronouns | table().relative_adverbs
    for t in [token, *token.ancestors]:
        if t.dep_ in {"relcl", "advcl"}:
            return int(any(x.lower_ in relative for x in t.subtree if x.i < t.i))
    return 0


def _sharing(verb) -> list:
    """Verbs that happen at the time of `verb`: its conjuncts ("visited Russia and met Putin") and
    clauses opened by a relative word ("was in Pyongyang on a visit, during which he met Kim")."""
    relative = table().relative_pronouns | table().relative_adverbs
    out = list(verb.conjuncts)
    for c in verb.subtree:
        if c.dep_ in {"relcl", "advcl"} and c.i != verb.i and c.pos_ == "VERB":
            lead = [t for t in c.subtree if t.i < c.i][:3]
            # "during which he met", "where he met": a relative word standing for the time or place;
            # "the crash that killed ..." names what the clause is about, not a happening of that time
            if any(t.lower_ in relative and (t.dep_ == "pobj" or t.lower_ in table().relative_adverbs)
                   for t in lead):
                out.append(c)
    return out
