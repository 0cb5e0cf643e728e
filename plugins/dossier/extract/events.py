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
from dataclasses import replace
from typing import Iterable, Iterator

from ..data import load_table
from ..model import DateSpan, EventReport, Mention, Ref, TimeExpr
from ..parse import Parsed
from .countries import capital_of, country_of, demonym_country

NUMBER_RE = re.compile(r"\b(?:about|over|more than|nearly|almost|around|some|at least)?\s*"
                       r"\d[\d,.]*(?:\s*(?:thousand|million|billion|hundred))?\b|\b(?:a|one|several) "
                       r"(?:thousand|hundred|million)\b", re.IGNORECASE)
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_KINDS = {"person", "organization", "country", "group"}
MAX_TREE_DISTANCE = 4  # edges between a date and its trigger; further off, the date is not the trigger's
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "mark"}
OBJECT_WORDS = 7  # words of an object phrase kept in a title
SPEECH_KINDS = {"statement", "allegation", "denial", "condemnation"}
AFTER_NEWS_CONFIDENCE = 0.5  # an undated report after the article's first: joins an event, never makes one
PROSE_WORDS = 8  # a body sentence this long is running text; shorter ones are credits and page furniture


@lru_cache(maxsize=None)
def _tables() -> dict:
    t = load_table("events.yml")
    speech = load_table("speech.yml")
    pronouns = t.get("pronouns") or {}
    return {"triggers": t["triggers"], "light": set(t.get("light_verbs") or ()),
            "relative": set(t.get("relative_pronouns") or ()),
            "part_preps": set(t.get("participant_preps") or ()), "place_preps": set(t.get("place_preps") or ()),
            "noun_verbs": t.get("noun_verbs") or {}, "kind_nouns": t.get("kind_nouns") or {},
            "kind_phrases": t.get("kind_phrases") or {},
            "verb_only": set(t.get("verb_only") or ()), "noun_only": set(t.get("noun_only") or ()),
            "speech": set(speech.get("verbs") or ()), "say": set(speech.get("say_verbs") or ()),
            "needs_complement": speech.get("needs_complement") or {},
            "person_pronouns": set(pronouns.get("person") or ()), "thing_pronouns": set(pronouns.get("thing") or ()),
            "pair_nouns": set(t.get("pair_nouns") or ()), "state_nouns": set(t.get("state_nouns") or ()), "flow_preps": t.get("flow_preps") or {},
            "verb_nouns": t.get("verb_nouns") or {}, "hedges": set(t.get("hedges") or ()),
            "perfect_leads": t.get("publication_day") or {}, "under_nouns": t.get("under_nouns") or {},
            "starts": set(t.get("start_leads") or ()), "addressed": set(t.get("addressee_verbs") or ()),
            "participles": t.get("participles") or {}}


def find_events(parsed: Iterable[Parsed], times: Iterable[TimeExpr],
                mentions: Iterable[Mention]) -> Iterator[EventReport]:
    by_sentence_times: dict[tuple[str, str], list[TimeExpr]] = {}
    timed: set[tuple[str, str]] = set()  # sentences with a time expression, placed or not
    today: set[str] = set()  # sources that name their publication day for some happening
    times = list(times)
    for t in times:
        timed.add((t.ref.source, t.ref.sentence))
    for t in times:
        if t.span is not None:
            by_sentence_times.setdefault((t.ref.source, t.ref.sentence), []).append(t)
    by_sentence_mentions: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        by_sentence_mentions.setdefault((m.ref.source, m.ref.sentence), []).append(m)
    for item in parsed:
        body = {s.id for s in item.source.sentences if s.kind == "body"}  # captions date the photo
        if any(t.span is not None and t.span.precision == "day" and t.span.start == item.source.published
               and t.ref.source == item.source.id and t.ref.sentence in body for t in times):
            today.add(item.source.id)
        memory: list[Mention] = []  # the article's actors so far, most recent last: pronouns point back
        prose: set[int] = set()  # paragraphs of running text so far (not captions, credits, page furniture)
        previous: list[TimeExpr] = []  # the dates of the sentence before
        told = False  # whether the article has told an undated report of its day
        for sentence, doc in zip(item.source.sentences, item.docs):
            key = (item.source.id, sentence.id)
            here = sorted(by_sentence_mentions.get(key, []), key=lambda m: m.ref.start)
            found = by_sentence_times.get(key)
            if sentence.kind == "body" and len(sentence.text.split()) >= PROSE_WORDS:
                prose.add(sentence.paragraph)
            if sentence.kind != "headline":
                dated = list(sentence_events(sentence, doc, found, here, memory)) if found else []
                yield from dated
                if item.source.published is not None and sentence.paragraph in prose:
                    leads = list(_lead_events(sentence, doc, item.source, here, memory, len(prose),
                                              {r.trigger for r in dated}))
                    yield from leads
                    yield from _ongoing_events(sentence, doc, item.source, here, memory,
                                               {r.trigger for r in dated + leads})
                    said = []
                    if key not in timed and not _elsewhere(previous, item.source.published):
                        said = list(_said_that_day(sentence, doc, item.source, here, memory,
                                                   {r.trigger for r in dated + leads}))
                        yield from said
                    # like a news lead, the day's undated report stands near the top; further down is background
                    if key not in timed and item.source.id not in today and len(prose) <= _lead_paragraphs() \
                            and not _elsewhere(previous, item.source.published):
                        for report in _reported_today(sentence, doc, item.source, here, memory,
                                                      {r.trigger for r in leads + said}):
                            # the article's first undated report is its news; later ones tell more of
                            # it, and may join an event but not make one alone
                            yield report if not told else replace(report, confidence=AFTER_NEWS_CONFIDENCE)
                            told = True
                        told = told or bool(said)
            previous = found or []
            if sentence.kind != "caption":
                # "The Chinese government has not responded. ... it dismissed": a state's organ named with
                # its nationality is that country, for the pronouns after it
                states = [m for t in doc if t.pos_ == "NOUN" and _state_noun(t) and t.dep_ in SUBJECTS
                          for m in _Resolver(here, [], Ref(item.source.id, sentence.id, 0)).demonym(t)]
                memory.extend(sorted([m for m in here if m.kind in ACTOR_KINDS] + states, key=lambda m: m.ref.start))


def _lead_paragraphs() -> int:
    return int(_tables()["perfect_leads"].get("paragraphs", 3))


def _lead_events(sentence, doc, source, mentions: list[Mention], memory: list[Mention], rank: int,
                 taken: set[str]) -> Iterator[EventReport]:
    """A news lead with no date of its own, in the present perfect or progressive ("India has expelled
    ...", "The Indian government is protesting ..."), reports what happened on the day it was published:
    the report takes the publication date, with a lower confidence. Only the first body paragraphs, only
    the main verb (and participles hanging on it), only these tenses: a simple past may be days old."""
    rule = _tables()["perfect_leads"]
    if sentence.kind != "body" or rank > int(rule.get("paragraphs", 1)):
        return
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
    if not roots:
        return
    root = roots[0]
    if not _news_present(root):
        return
    # the main verb, verbs coordinated with it, and free participles that share its subject
    # (", expelling a senior Canadian diplomat"), wherever the parser hung them
    verbs = [root] + [c for c in root.subtree if _free_participle(c)]
    verbs += [c for c in root.conjuncts if c.pos_ == "VERB" and c.tag_ == root.tag_ and c not in verbs]
    for verb in verbs:
        trigger = _resolve_trigger(verb)
        if not trigger_kind(trigger) or trigger.text in taken or verb.text in taken:
            continue
        time = _publication_day(source, sentence, verb, f"a news lead in the {_news_present(root)}")
        report = _report(sentence, doc, trigger, time, mentions, memory)
        if report.agents:  # a lead names who acted; otherwise it is background
            yield replace(report, confidence=float(rule.get("confidence", 0.7)))


def _ongoing_events(sentence, doc, source, mentions: list[Mention], memory: list[Mention],
                    taken: set[str]) -> Iterator[EventReport]:
    """What the article says is going on as it is written ("People are being evacuated from ...",
    "X reported that civilians are being evacuated"): a present progressive anywhere in running text
    (outside quotation marks) is ongoing on the publication day. The report takes that date with the
    lower confidence of news leads; it names its doer, or (passive) what undergoes it."""
    rule = _tables()["perfect_leads"]
    if sentence.kind != "body":
        return
    for verb in doc:
        if verb.pos_ != "VERB" or verb.dep_ not in {"ROOT", "ccomp", "conj"} or _quoted(verb):
            continue
        if _news_present(verb) != "present progressive" or verb.text in taken:
            continue
        kind = trigger_kind(verb)
        if not kind or kind in SPEECH_KINDS:
            continue
        time = _publication_day(source, sentence, verb, "going on as the article was written")
        report = _report(sentence, doc, verb, time, mentions, memory)
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        if report.agents or passive and report.title:
            yield replace(report, confidence=float(rule.get("confidence", 0.7)) - 0.1)


def _publication_day(source, sentence, verb, why: str) -> TimeExpr:
    """The publication date as the date of an undated happening at `verb`, saying why it was taken."""
    return TimeExpr(ref=Ref(source.id, sentence.id, verb.idx, verb.idx), text="",
                    span=DateSpan(source.published, None, "day"), relative=True,
                    reason=f"{why}: the publication date ({source.published.isoformat()})")


def _elsewhere(times: list[TimeExpr], published) -> bool:
    """Whether the sentence before named a time other than the publication day or the day before: the
    story has moved back (or on) in time, and an undated sentence after it may go on telling of then."""
    for t in times:
        if t.span is None:
            continue
        lo, hi = t.span.start, t.span.end or t.span.start
        if t.span.precision != "day" or (published - hi).days > 1 or lo > published:
            return True
    return False


def _reported_today(sentence, doc, source, mentions: list[Mention], memory: list[Mention],
                    taken: set[str]) -> Iterator[EventReport]:
    """An undated report of speech or of a finding in the simple past ("Pentagon spokesperson Pat Ryder
    said ...", "A preliminary U.S. intelligence assessment concluded ...", "This was stated by X") tells
    what was said on the day the article was published: in news, reporting events with no time of their
    own are anchored to the document's creation time (TimeML's DCT; the TempEval event-DCT relation of
    reporting verbs). Only in articles that never name their publication day: one that dates its news of
    the day ("on Wednesday") dates each happening of that day, and leaves undated only what is older
    or background. Only main clauses, only named doers, outside quotation marks, not in a sentence with
    a time expression of its own (even one that could not be placed), and not right after a sentence
    dated some other time; such reports take a lower confidence than news leads."""
    rule = _tables()["perfect_leads"]
    if sentence.kind != "body":
        return
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ == "VERB"]
    if not roots:
        return
    root = roots[0]
    for verb in [root] + [c for c in root.children if c.dep_ in {"conj", "advcl"} and c.pos_ == "VERB"]:
        if _quoted(verb) or verb.text in taken or not _simple_past(verb):
            continue
        trigger = _resolve_trigger(verb)
        kind = trigger_kind(trigger)
        if kind not in {"statement", "finding"}:  # reporting proper; a charge or a denial may be days old
            continue
        time = _publication_day(source, sentence, verb, "a report of speech with no date of its own")
        if not any(c.dep_ in SUBJECTS | {"agent"} and c.pos_ != "PRON" for c in verb.children):
            continue  # "it said": who "it" is, is too loose a guess to date a happening on
        report = _report(sentence, doc, trigger, time, mentions, memory)
        if report.agents:
            yield replace(report, confidence=float(rule.get("confidence", 0.7)) - 0.1)


def _said_that_day(sentence, doc, source, mentions: list[Mention], memory: list[Mention],
                   taken: set[str]) -> Iterator[EventReport]:
    """An act of speech told in the simple past by a named speaker, with no date in its sentence or the one
    before ("Pentagon spokesperson Pat Ryder said press reports ... were inaccurate", "as Putin expressed
    his condolences", "This was stated by X ..., reports BelTA"), anywhere in the article's running text:
    a statement made on the day the article was published (the document creation time that reporting
    events with no time of their own are anchored to). Its speaker must be named (a pronoun's speaker
    is a guess); its verb not inside quotation marks, a relative clause or a modal or negated clause."""
    rule = _tables()["perfect_leads"]
    if sentence.kind != "body":
        return
    for verb in doc:
        if verb.pos_ != "VERB" or _quoted(verb) or verb.text in taken or not _simple_past(verb):
            continue
        if any(a.dep_ in {"relcl", "acl"} for a in [verb, *verb.ancestors]):
            continue  # "those who were reported to be aboard": a description, not a happening
        trigger = _resolve_trigger(verb)
        if trigger_kind(trigger) not in SPEECH_KINDS | {"finding"}:
            continue  # said, claimed, denied, condemned, concluded
        if not any((c.dep_ in SUBJECTS and c.pos_ in {"PROPN", "NOUN"})
                   or (c.dep_ == "agent" and any(g.pos_ in {"PROPN", "NOUN"} for g in c.children))
                   for c in verb.children):
            continue  # "it said", "this was stated": a named speaker, or "stated by" a named one
        time = _publication_day(source, sentence, verb, "an act of speech with no date of its own")
        report = _report(sentence, doc, trigger, time, mentions, memory)
        if any(c.dep_ == "nsubjpass" and c.pos_ == "PRON" for c in verb.children) and report.agents == 1:
            # "This was stated by X": what was said is the sentence before; the title says who spoke
            report = replace(report, title="{0} makes a statement")
        if report.agents:
            yield replace(report, confidence=float(rule.get("confidence", 0.7)) - 0.1)


def _simple_past(verb) -> bool:
    """"said", "concluded", or a past passive with its doer named ("was stated by X"); no modal, no
    negation, no perfect ("had said" is before some other time)."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.dep_ == "neg" for c in verb.children) or any(c.tag_ == "MD" for c in aux):
        return False
    if verb.tag_ == "VBD" and not aux:
        return True
    if verb.tag_ == "VBN" and not aux and any(c.dep_ == "nsubj" for c in verb.children):
        return True  # "Senator X, an ally of Y, tweeted:": a past the tagger read as a participle
    return verb.tag_ == "VBN" and {c.lower_ for c in aux} & {"was", "were"} \
        and not {c.lower_ for c in aux} & {"had", "has", "have", "been"} \
        and any(c.dep_ == "agent" for c in verb.children)


def _quoted(token) -> bool:
    before = token.doc[:token.i].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _free_participle(token) -> bool:
    """A participle clause after a comma with no subject or opening word of its own (", expelling
    ..."): its subject is the main clause's."""
    return (token.dep_ in {"advcl", "conj"} and token.tag_ == "VBG" and token.pos_ == "VERB"
            and token.i > 0 and token.doc[token.i - 1].text == ","
            and not any(x.dep_ in {"mark", "nsubj", "nsubjpass", "aux"} for x in token.children))


def _news_present(verb) -> str | None:
    """"present perfect" ("has expelled") or "present progressive" ("is protesting"), or None. A
    perfect progressive ("have been investigating") is a stretch of time, not a happening."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {c.lower_ for c in aux}
    if any(c.tag_ == "MD" for c in aux) or "been" in words or any(c.dep_ == "neg" for c in verb.children):
        return None
    if verb.tag_ == "VBN" and words & {"has", "have"}:
        return "present perfect"
    if verb.tag_ == "VBG" and words & {"is", "are"}:
        return "present progressive"
    if verb.tag_ == "VBN" and words >= {"being"} and words & {"is", "are"}:
        return "present progressive"  # passive: "are being evacuated"
    return None


# ---------------------------------------------------------------- triggers


def trigger_kind(token) -> str | None:
    """The event kind a token names, reading two-word triggers ("press conference") first."""
    if token.pos_ not in {"VERB", "NOUN", "PROPN"}:
        return None
    triggers = _tables()["triggers"]
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ == "prt" and f"{lemma} {child.lower_}" in triggers:
                return triggers[f"{lemma} {child.lower_}"]  # "blew up"
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
    if kind and token.pos_ == "VERB" and lemma in _tables()["noun_only"]:
        kind = None  # "reported": not the noun's kind, but maybe a speech act (below)
    if kind is None and token.pos_ == "NOUN" and lemma in _tables()["under_nouns"] \
            and token.dep_ == "pobj" and token.head.lower_ == "under":
        return _tables()["under_nouns"][lemma]  # "under Russian control" (dated by "since": see _report)
    if kind is None and token.pos_ == "VERB" and _speech_verb(token):
        return "statement"  # a dated speech act ("termed", "urged", "called on") is a statement
    return kind


def _speech_verb(token) -> bool:
    """A reporting verb (data/speech.yml) used as one: with the particle or complement some need
    ("called on", "pointed out"; "called a meeting" is no speech)."""
    tables = _tables()
    lemma = token.lemma_.lower()
    if lemma not in tables["speech"]:
        return False
    needs = tables["needs_complement"].get(lemma)
    if needs is None:
        return True
    return any(c.dep_ in needs or c.lower_ in needs for c in token.children)


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


def sentence_events(sentence, doc, times: list[TimeExpr], mentions: list[Mention],
                    memory: list[Mention] | None = None) -> Iterator[EventReport]:
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
            if cand.i in inside or not _may_date(anchor, cand) or _on_the_date(cand, inside):
                continue
            # a clause opened by a relative word ("during which he met") hangs on the happening before it
            score = (_tree_distance(anchor, cand) + _in_relative_clause(cand), abs(cand.idx - anchor.idx))
            if best is None or score < best[0]:
                best = (score, cand)
        if best is None or best[0][0] > MAX_TREE_DISTANCE:
            continue
        speech = _speech_over(best[1], anchor, candidates)
        if speech is not None:
            # "On 6 June, X reported that Y had blown up Z": the date is the report's; what was reported
            # is its content, not a happening the article vouches for
            best = ((_tree_distance(anchor, speech), abs(speech.idx - anchor.idx)), speech)
        trigger = _resolve_trigger(best[1])
        old = chosen.get(trigger.i)
        if old is None or best[0] < old[:2]:
            chosen[trigger.i] = (*best[0], time)
    for index, (_, _, time) in list(chosen.items()):
        if doc[index].lemma_.lower() in _tables()["under_nouns"] and trigger_kind(doc[index]) \
                and doc[index].pos_ == "NOUN" and phrase_start(time.text) not in _tables()["starts"]:
            del chosen[index]  # "under Russian control in May" is a state, not the happening that began it
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
    emitted += _coordinated_dates(doc, times, time_anchor, emitted)
    emitted += _said_at(doc, emitted, dated)
    for trigger, time in emitted:
        yield _report(sentence, doc, trigger, time, mentions, memory or [])


def _said_at(doc, emitted: list, dated: set[int]) -> list:
    """An act of speech at a dated occasion takes its date: "X rejected the claims at a news conference on
    Monday", "X said in a tweet on Sunday" (the date hangs on the occasion, which the parse puts nearer)."""
    rule = load_table("events.yml").get("said_at") or {}
    kinds, preps = set(rule.get("kinds") or ()), set(rule.get("preps") or ())
    extra = []
    for trigger, time in list(emitted):
        if trigger.pos_ != "NOUN" or trigger_kind(trigger) not in kinds:
            continue
        prep = trigger.head
        verb = prep.head
        if trigger.dep_ != "pobj" or prep.lower_ not in preps or verb.pos_ != "VERB" or verb.i in dated:
            continue
        kind = trigger_kind(verb)
        if kind in {"statement", "allegation", "denial", "condemnation"}:
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


def _in_complement(token, verb) -> bool:
    """Whether `token` lies in a clause `verb` reports (its ccomp, or a "that" clause under it)."""
    for t in [token, *token.ancestors]:
        if t.i == verb.i or t.dep_ in {"relcl", "acl"}:
            return False  # a relative clause on a noun ("Moscow, which launched ...") is the writer's
        if t.head.i == verb.i:
            return t.dep_ in {"ccomp", "xcomp", "parataxis"} or t.dep_ == "dobj" and t.pos_ == "VERB"
    return False


def _speaker_of(trigger):
    """The speech verb whose reported clause holds a trigger ("He said Russian troops planted ..."),
    or None: what is reported is someone's account."""
    speech = _tables()["speech"]
    for up in trigger.ancestors:
        if up.pos_ == "VERB" and up.lemma_.lower() in speech and _in_complement(trigger, up):
            return up
    return None


def phrase_start(text: str) -> str:
    return text.split()[0].lower() if text.split() else ""


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
    occasion = load_table("events.yml").get("said_at") or {}
    if trigger.dep_ == "pobj" and trigger.head.lower_ in set(occasion.get("preps") or ()) \
            and trigger_kind(trigger) in set(occasion.get("kinds") or ()):
        return True  # "raised in a phone call ... on Thursday": the occasion is of the verb's date
    if trigger.pos_ != "VERB" and trigger_kind(top) is None and top.pos_ == "VERB" \
            and top.lemma_.lower() not in _tables()["light"] and top is not trigger \
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
            return t.head.i in inside and any(x.lower_ in _tables()["relative"] and x.dep_ != "pobj"
                                              for x in lead)
    return False


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
            # "during which he met", "where he met": a relative word standing for the time or place;
            # "the crash that killed ..." names what the clause is about, not a happening of that time
            if any(t.lower_ in relative and (t.dep_ == "pobj" or t.lower_ in {"where", "when", "whereupon"})
                   for t in lead):
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
        if _free_participle(verb):
            root = next(t for t in [verb, *verb.ancestors] if t.dep_ == "ROOT")
            if root is not verb:
                verb = root
                continue
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
            verb = verb.head
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return []  # "containers being supplied": the noun underwent it, nobody named did it
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
    elif trigger.lemma_.lower() in tables["under_nouns"] and trigger.head.lower_ == "under":
        # "since March, the plant has been under Russian control": who holds it, and what
        doers = [c for c in trigger.children if c.dep_ in {"amod", "poss", "compound"}]
        verb = trigger.head.head
        obj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return _expand(doers), [], None, obj
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
    if kind == "visit" and obj is not None and place is None and (
            _is_place(obj) or obj.pos_ == "PROPN" and obj.ent_type_ not in {"PERSON", "NORP"}):
        place, obj = obj, None
    if kind == "statement":
        if obj is not None and trigger.lemma_.lower() in tables["addressed"] and obj.pos_ == "PROPN":
            others.append(obj)  # "told the UN Security Council": who was addressed takes part
        obj = None  # what was said is a statement's content, not a participant
    if obj is not None and kind not in {"statement"}:
        others.insert(0, obj)
    for _, pobj in _flow(trigger, kind):
        if pobj not in doers and pobj not in others:
            others.append(pobj)  # "supplied ... from Pyongyang to Moscow": both ends take part
    # the place of a visit is its place, not a participant: it takes part only where it acts
    return _expand(doers), _expand(others), place, obj


def _mention_at(token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.ref.start <= token.idx < m.ref.end and (m.kind in ACTOR_KINDS or m.kind is None):
            return m
    return None


class _Resolver:
    """Actor mentions for argument tokens: names in the sentence, and the article's memory for the
    words that point back to one ("he", "its", "the two countries"). Remembers which token stood for
    which mention, so a title can name it."""

    def __init__(self, mentions: list[Mention], memory: list[Mention], base: Ref):
        self.base = base  # the sentence read
        self.mentions = mentions
        self.memory = memory
        self.at: dict[int, Mention] = {}  # token index -> the mention it stands for

    def before(self, token, test) -> list[Mention]:
        """Mentions before `token` (this sentence's first, then the article's), most recent first."""
        here = [m for m in self.mentions if m.ref.end <= token.idx and m.kind in ACTOR_KINDS]
        return [m for m in reversed(self.memory + sorted(here, key=lambda m: m.ref.start)) if test(m)]

    def of(self, token) -> list[Mention]:
        tables = _tables()
        m = _mention_at(token, self.mentions)
        if m is not None:
            return [m]
        placed = next((m for m in self.mentions if m.ref.start <= token.idx < m.ref.end), None)
        if placed is None and token.ent_type_ == "GPE":
            ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
            placed = Mention(Ref(self.base.source, self.base.sentence, ent.start_char, ent.end_char), ent.text, "GPE")
        country = capital_of(placed.text) or country_of(placed.text) if placed is not None else None
        if country is not None:
            # a capital (or country) read as a place, standing here as the doer or an end of the
            # happening ("Moscow, which launched ...", "from Pyongyang to Moscow"): the country acts
            found = [Mention(placed.ref, country.name, placed.label, kind="country", acts=True)]
            self.at[token.i] = found[0]
            return found
        word = token.lower_
        if token.pos_ == "PRON" and word in tables["person_pronouns"]:
            found = self.before(token, lambda m: m.kind == "person")[:1]
        elif token.pos_ == "PRON" and word in tables["thing_pronouns"]:
            found = self.before(token, lambda m: m.kind in {"organization", "country", "group"})[:1]
        elif token.pos_ == "NOUN" and token.lemma_.lower() in tables["pair_nouns"] and token.tag_ == "NNS" \
                and any(c.lower_ in {"the", "both", "two"} for c in token.children):
            # "the two countries": the last two countries the article named
            found, seen = [], set()
            for m in self.before(token, lambda m: m.kind == "country"):
                country = country_of(m.text) or demonym_country(m.text) or capital_of(m.text)
                name = country.name if country else re.sub(r"[’']s$", "", m.text.lower())
                if name not in seen:
                    seen.add(name)
                    found.append(m)
                if len(found) == 2:
                    break
            found = found if len(found) == 2 else []
        elif token.pos_ == "NOUN" and _state_noun(token):
            found = self.demonym(token)
        elif token.dep_ == "amod" and demonym_country(token.text) is not None:
            # "under Russian control": the adjective stands for its country
            ref = Ref(self.base.source, self.base.sentence, token.idx, token.idx + len(token.text))
            found = [Mention(ref, demonym_country(token.text).name, "NORP", kind="country", acts=True)]
        else:
            found = []
        if found:
            self.at[token.i] = found[0]
        return found

    def demonym(self, token) -> list[Mention]:
        """"The Indian government", "Russian forces": the country its adjective of nationality names."""
        for c in token.children:
            country = demonym_country(c.text) if c.dep_ == "amod" else None
            if country is not None:
                ref = Ref(self.base.source, self.base.sentence, c.idx, c.idx + len(c.text))
                return [Mention(ref, country.name, "NORP", kind="country", acts=True)]
        return []

    def actors(self, tokens) -> list[Mention]:
        out = self._raw(tokens)
        # a title written as a name before a person ("White House Coordinator ... John Kirby") is the person's
        return [m for m in out if not any(o is not m and o.kind == "person" and o.ref.sentence == m.ref.sentence
                                          and 0 <= o.ref.start - m.ref.end <= 1 for o in out)]

    def _raw(self, tokens) -> list[Mention]:
        out = []
        for t in tokens:
            found = self.of(t)
            if not found:
                # "the leader of the DPRK", "its allies South Korea": look one step down for a name
                for c in t.children:
                    if c.dep_ in {"compound", "appos", "poss"} or (c.dep_ == "prep" and c.lower_ == "of"):
                        for g in ([c] if c.dep_ != "prep" else [x for x in c.children if x.dep_ == "pobj"]):
                            m = _mention_at(g, self.mentions)
                            if m:
                                found = [m]
                                break
                    if found:
                        break
            for m in found:
                if m not in out:
                    out.append(m)
        return out


# ---------------------------------------------------------------- the report


def _report(sentence, doc, trigger, time: TimeExpr, mentions: list[Mention],
            memory: list[Mention] | None = None) -> EventReport:
    kind = trigger_kind(trigger) or "event"
    doers, others, place, obj = _arguments(trigger, kind)
    resolver = _Resolver(mentions, memory or [], time.ref)
    agent_mentions = resolver.actors(doers)
    roles = []
    if len(agent_mentions) > 1 and any(m.kind == "person" for m in agent_mentions) \
            and not any(d.dep_ == "conj" or any(c.dep_ == "cc" for c in d.children) for d in doers):
        # "White House Coordinator ... John Kirby claimed": the person acts; the rest names the role
        roles = [m for m in agent_mentions if m.kind != "person"]
        agent_mentions = [m for m in agent_mentions if m.kind == "person"]
    other_mentions = [m for m in roles + resolver.actors(others) if m not in agent_mentions]
    people = agent_mentions + other_mentions
    lo, hi = _clause_bounds(trigger, time, doc)
    text = sentence.text
    place_text = _place_text(place, doc)
    index = {}
    for n, m in enumerate(people):
        if m.ref.sentence != sentence.id:
            continue
        for t in doc:
            if m.ref.start <= t.idx < m.ref.end:
                index.setdefault(t.i, n)
    for i, m in resolver.at.items():
        if m in people:
            index.setdefault(i, people.index(m))
    title = _title(trigger, kind, doers, agent_mentions, people, obj, place_text, doc, index, time)
    if title and kind not in SPEECH_KINDS and kind not in _tables()["kind_nouns"]:
        title = _attributed(title, trigger, resolver, agent_mentions)
    return EventReport(
        ref=Ref(time.ref.source, time.ref.sentence, lo, hi), trigger=trigger.text, kind=kind,
        date=time.span, date_text=time.text,
        participants=tuple(m.text for m in people), participant_refs=tuple(m.ref for m in people),
        place=place_text, text=text,
        numbers=tuple(n.group(0).strip() for n in NUMBER_RE.finditer(text[lo:hi]) if not _is_date_number(n.group(0))),
        confidence=0.9 if sentence.kind == "body" else 0.5, title=title, agents=len(agent_mentions))


def _attributed(title: str, trigger, resolver, agents: list[Mention]) -> str:
    """A happening told inside someone's words ("He said Russian troops planted explosives ...") is
    their account: the title says whose, so the chronology never states it as fact."""
    verb = _speaker_of(trigger)
    if verb is None:
        return title
    speakers = resolver.actors(_subjects(verb))
    if not speakers:
        return f"{title} (as reported)"
    if speakers[0] in agents or any(a.text == speakers[0].text for a in agents):
        return f"{title} (by {'their' if speakers[0].kind == 'person' else 'its'} own account)"
    return f"{title} (according to {re.sub(r'[{}]', '', speakers[0].text)})"


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


def _phrase(token, people: list[Mention], mentions_index: dict, limit: int = OBJECT_WORDS, rights: bool = True) -> str:
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
    for c in token.rights if rights else ():
        if c.dep_ == "prep" and c.lower_ in {"of", "on", "against"}:
            words.append(c)
            words += [t for pobj in c.children if pobj.dep_ == "pobj" for t in _np_tokens(pobj)
                      if t.dep_ != "punct" and not any(a.dep_ == "appos" and a.i != pobj.i for a in [t, *t.ancestors]
                                                       if pobj in a.ancestors or a is t and t is not pobj and t.dep_ == "appos")]
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
           doc, index: dict | None = None, time: TimeExpr | None = None) -> str:
    tables = _tables()
    index = index or {}
    lemma = trigger.lemma_.lower()
    agent_ids = list(range(len(agents)))
    who = _names(agent_ids)
    # "US officials say": one agent that is a group named by a plural noun
    plural = len(agent_ids) > 1 or (len(agents) == 1 and agents[0].kind == "group"
                                    and agents[0].text.split()[-1].lower().endswith("s")
                                    and not agents[0].text.split()[-1].lower().endswith("ss"))
    if not who and doers and _named_doer(doers[0], people, index):
        who = _phrase(doers[0], people, index, limit=5)
        who = re.sub(r"^(?:[Tt]he|[Aa]n?|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er) ", "", who)
        plural = doers[0].tag_ in {"NNS", "NNPS"}
    if lemma in tables["under_nouns"] and trigger.pos_ == "NOUN":
        if not who or obj is None:
            return ""
        return _cap(f"{who} {present('take', plural)} control of {_phrase(obj, people, index, limit=5)}")
    skip = {t.i for t in doc if time is not None and time.ref.start <= t.idx < time.ref.end and time.text}
    others = [i for i in range(len(agents), len(people))]
    place_part = f" in {place}" if place and kind != "visit" else ""
    # what a speaker said, in a few of its words: "X says <gist>"
    speaker_verb = trigger if trigger.pos_ == "VERB" else _governing_verb(trigger)
    if who and speaker_verb is not None and speaker_verb.lemma_.lower() in tables["speech"] \
            and (trigger is speaker_verb or kind in tables["kind_nouns"]):
        gist = _gist(speaker_verb, skip, trigger)
        if gist:
            say = "say" if speaker_verb.lemma_.lower() in tables["say"] - {"claim", "allege", "insist", "deny"} \
                else speaker_verb.lemma_.lower()
            return _cap(f"{who} {present(say, plural)} {gist}")
    kind_noun = tables["kind_nouns"].get(kind)
    if kind_noun:
        noun = kind_noun
        for c in trigger.children:
            if c.dep_ == "amod" and c.lower_ == "joint":
                noun = "joint " + noun
        if not who:
            return ""
        light = _governing_verb(trigger) if trigger.pos_ != "VERB" else None
        if light is not None and light.lemma_.lower() in tables["light"]:
            verb = present(light.lemma_.lower(), plural)
            article = "an" if noun[0] in "aeiou" else "a"
            rest = f" {verb} {article} {noun}"
        else:
            rest = " " + present(tables["kind_phrases"].get(kind, noun), plural) \
                if kind in tables["kind_phrases"] else f" {noun}"
        withs = [i for i in others if i not in agent_ids]
        if withs and kind != "statement":
            rest += " with " + _names(withs)
        return _cap(f"{who}{rest}{place_part}")
    if trigger.pos_ == "VERB":
        verb = present(_verb_phrase(trigger), plural)
        if not who:
            return _passive_title(trigger, kind, people, index, place_part, obj)
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
            rest = (" with " if verb.startswith("hold") or verb.endswith(" with") else " ") + _names(others)
        verb = verb.removesuffix(" with")  # "speak by phone with": "with" only before those spoken to
        return _cap(f"{who} {present(verb, plural)}{rest}{place_part}")
    phrase = _phrase(trigger, people, index)
    if not who and len(phrase.split()) < 2:
        return ""  # a bare noun ("Statement", "Charges") says nothing; resolve uses the report's words
    by = f" by {who}" if agents and who not in phrase else ""
    return _cap(f"{phrase}{by}{place_part}")


def _named_doer(token, people: list[Mention], index: dict) -> bool:
    """Whether a doer with no actor behind it may still name who acted in a title: a proper name, or a
    state's organ with its nationality ("Ukrainian armed forces"); never a common word ("the fact", "a
    torrent of water")."""
    if token.pos_ == "PROPN" and token.ent_type_ not in PLACE_LABELS:
        return True
    return token.pos_ == "NOUN" and _state_noun(token) and any(
        c.dep_ in {"amod", "compound", "poss"} and (c.pos_ == "PROPN" or demonym_country(c.text))
        for c in token.children)


def _state_noun(token) -> bool:
    """A noun for a state's organ ("forces", "troops", "government"), as written or as its lemma."""
    nouns = _tables()["state_nouns"]
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def _verb_phrase(trigger) -> str:
    """A verb's lemma with its particle ("blow up")."""
    prt = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
    return " ".join([trigger.lemma_.lower(), *prt])


def participle(trigger) -> str:
    """The past participle of a verb trigger, with its particle: "destroyed", "blown up"."""
    prt = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
    if trigger.tag_ == "VBN":
        return " ".join([trigger.lower_, *prt])
    phrase = _verb_phrase(trigger)
    table = _tables()["participles"]
    if phrase in table:
        return table[phrase]
    lemma = trigger.lemma_.lower()
    head = table.get(lemma) or (lemma + "d" if lemma.endswith("e") else
                                lemma[:-1] + "ied" if re.search(r"[^aeiou]y$", lemma) else lemma + "ed")
    return " ".join([head, *prt])


def _passive_title(trigger, kind: str, people: list[Mention], index: dict, place_part: str, obj=None) -> str:
    """A happening with no doer named: "Alleged supply of military assistance from {0} to {1}" where
    the verb has a noun and the flow is given, else what underwent it ("Places provided", "Dam blown
    up", an active verb's object with its participle)."""
    tables = _tables()
    patient = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    if patient is None and trigger.dep_ == "acl" and trigger.tag_ == "VBN" \
            and not any(c.lower_ == "having" for c in trigger.children):
        patient = trigger.head  # "containers allegedly being supplied"
    noun = tables["verb_nouns"].get(trigger.lemma_.lower())
    flow = _flow(trigger, kind)
    if noun and flow:
        what = next((g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj"), patient)
        hedge = any(c.lower_ in tables["hedges"] for c in [*trigger.children, *trigger.head.children]
                    if c.dep_ in {"advmod", "amod"})
        parts = [("Alleged " + noun) if hedge else noun.capitalize()]
        if what is not None:
            parts.append("of " + _phrase(what, people, index, limit=5, rights=False))
        for word, pobj in flow:
            n = index.get(pobj.i)
            parts.append(f"{word} " + (f"{{{n}}}" if n is not None else pobj.text))
        return _cap(" ".join(parts) + place_part)
    if patient is None and obj is not None and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children):
        patient = obj  # "having launched large-scale offensive operations": the operations were launched
    if patient is not None and patient.pos_ in {"NOUN", "PROPN"}:
        return _cap(f"{_phrase(patient, people, index, limit=5)} {participle(trigger)}{place_part}")
    return ""  # resolve falls back to the words of the report


def _flow(trigger, kind: str) -> list:
    """("from", token), ("to", token) of a transfer, found on the verb or on what it moves."""
    words = _tables()["flow_preps"].get(kind) or []
    out = []
    near = [trigger] + [g for c in trigger.children if c.dep_ in {"dobj", "prep"}
                        for g in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"])]
    for head in near:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in words):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if all(w != prep.lower_ for w, _ in out):
                    out.append((prep.lower_, pobj))
    return sorted(out, key=lambda x: words.index(x[0]))


GIST_WORDS = 14  # words of what was said kept in a title
GIST_STOP = {"advcl", "parataxis", "relcl"}  # clauses past the gist's own ("..., adding that ...")


def _gist(verb, skip: set[int], trigger) -> str:
    """What a speaker said, from the verb's complement: its words after the verb, without the date,
    the subject, the attribution ("in a statement") or trailing clauses, cut at a sensible length."""
    tables = _tables()
    keep = []
    say = verb.lemma_.lower() in tables["say"]
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    said = [c for c in verb.children if c.dep_ == "ccomp" and (say or c.i > verb.i and not has_object)]
    if said:  # the reported clause, before or after the verb ("“...,” Trudeau told reporters")
        lo, hi = min(c.left_edge.i for c in said), max(c.right_edge.i for c in said)
        keep = [t for t in verb.doc[lo:hi + 1] if t.i != verb.i and t not in verb.children
                or t in said or t.dep_ == "mark"]
        keep = [t for t in keep if not (t.dep_ == "prep" and any(g.i in skip for g in t.children))]
    if not said and say:  # "said in a statement that ...": the clause hangs on the statement noun
        said = [c for p in verb.children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj"
                for c in n.children if c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" and m.dep_ == "mark"
                                                                         for m in c.children)][:1]
        if said:
            keep = [t for t in said[0].subtree if t.i not in skip]
    for c in (verb.rights if not said else ()):
        if c.dep_ in {"punct", "cc", "conj"} or c.dep_ in GIST_STOP or c.dep_ == "npadvmod":
            if keep and (c.dep_ in {"cc", "conj"} | GIST_STOP or c.dep_ == "punct" and c.text != "“"):
                break
            continue
        sub = list(c.subtree)
        if any(t.i in skip for t in sub) or (trigger is not verb and trigger in sub):
            continue  # the date ("on Friday"), the statement noun ("in a statement")
        if c.dep_ == "prep" and c.lower_ in tables["place_preps"] | {"during", "at"}:
            continue
        keep += sub
    keep = [t for t in keep if t.i not in skip]
    if keep and keep[0].dep_ == "mark" and keep[0].lower_ == "that" and verb.lemma_.lower() in tables["say"]:
        keep = keep[1:]
    if not keep:
        return ""
    # stop at a clause break inside the complement ("..., saying ...", "; ...")
    words = []
    for n, t in enumerate(keep):
        if n and t.dep_ == "punct" and t.text in {";", ":", "—", "–"}:
            break
        if n and t.dep_ in GIST_STOP | {"parataxis"} and t.head in keep and t.text.endswith("ing") and t.tag_ == "VBG":
            break
        words.append(t)
    text = "".join(t.text_with_ws for t in words).strip().strip("“”\"‘’ ,")
    text = re.sub(r"[{}]", "", text)
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r"[“”\"]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    first = next((t for t in words if not t.is_punct), None)
    if first is not None and first.tag_ in {"DT", "PRP", "PRP$", "IN", "EX", "RB", "WDT", "CC", "TO", "MD"} \
            and first.text != "I":
        text = text[:1].lower() + text[1:]  # "says the U.S. is ...", not "says The U.S."
    tokens = text.split()
    if len(tokens) > GIST_WORDS:
        cut = tokens[:GIST_WORDS]
        while cut and cut[-1].lower().strip(",") in {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that",
                                                      "with", "for", "by", "its", "their", "his", "her", "as"}:
            cut.pop()
        text = " ".join(cut).rstrip(",;:") + " …"
        if text.count("“") > text.count("”"):
            text = text.replace("“", "")
    quoted = first is not None and first.i > 0 and first.nbor(-1).text in {"“", '"'} and "“" not in text
    return f"“{text}”" if quoted else text  # words of a direct quote stay quoted


def _cap(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:] if text else text


def _is_date_number(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return len(digits) == 4 and 1900 <= int(digits) <= 2100 or len(digits) <= 2
