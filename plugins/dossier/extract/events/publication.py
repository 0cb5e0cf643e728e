"""Undated happenings dated by the article's publication day: news leads in the present perfect or
progressive, what is going on as the article is written, and acts of speech told in the simple past
with no date of their own (TimeML's document creation time)."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ...model import Confidence, DateSpan, EventReport, Mention, Ref, TimeExpr
from .arguments import SUBJECTS, _free_participle
from .report import _report
from .tables import table
from .triggers import SPEECH_KINDS, _resolve_trigger, trigger_kind


def _lead_events(sentence, doc, source, mentions: list[Mention], memory: list[Mention], rank: int,
                 taken: set[str]) -> Iterator[EventReport]:
    """A news lead with no date of its own, in the present perfect or progressive ("India has expelled
    ...", "The Indian government is protesting ..."), reports what happened on the day it was published:
    the report takes the publication date, with a lower confidence. Only the first body paragraphs, only
    the main verb (and participles hanging on it), only these tenses: a simple past may be days old."""
    rule = table().publication_day
    if sentence.kind != "body" or rank > rule.paragraphs:
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
            yield replace(report, confidence=rule.confidence)


def _ongoing_events(sentence, doc, source, mentions: list[Mention], memory: list[Mention],
                    taken: set[str]) -> Iterator[EventReport]:
    """What the article says is going on as it is written ("People are being evacuated from ...",
    "X reported that civilians are being evacuated"): a present progressive anywhere in running text
    (outside quotation marks) is ongoing on the publication day. The report takes that date with the
    lower confidence of news leads; it names its doer, or (passive) what undergoes it."""
    rule = table().publication_day
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
            yield replace(report, confidence=rule.confidence - Confidence.STEP)


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
    rule = table().publication_day
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
            yield replace(report, confidence=rule.confidence - Confidence.STEP)


def _said_that_day(sentence, doc, source, mentions: list[Mention], memory: list[Mention],
                   taken: set[str]) -> Iterator[EventReport]:
    """An act of speech told in the simple past by a named speaker, with no date in its sentence or the one
    before ("Pentagon spokesperson Pat Ryder said press reports ... were inaccurate", "as Putin expressed
    his condolences", "This was stated by X ..., reports BelTA"), anywhere in the article's running text:
    a statement made on the day the article was published (the document creation time that reporting
    events with no time of their own are anchored to). Its speaker must be named (a pronoun's speaker
    is a guess); its verb not inside quotation marks, a relative clause or a modal or negated clause."""
    rule = table().publication_day
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
            yield replace(report, confidence=rule.confidence - Confidence.STEP)


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
    return verb.tag_ == "VBN" and {c.lower_ for c in aux} & table().past_be_forms \
        and not {c.lower_ for c in aux} & table().perfect_auxiliaries \
        and any(c.dep_ == "agent" for c in verb.children)


def _quoted(token) -> bool:
    before = token.doc[:token.i].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _news_present(verb) -> str | None:
    """"present perfect" ("has expelled") or "present progressive" ("is protesting"), or None. A
    perfect progressive ("have been investigating") is a stretch of time, not a happening."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {c.lower_ for c in aux}
    if any(c.tag_ == "MD" for c in aux) or "been" in words or any(c.dep_ == "neg" for c in verb.children):
        return None
    if verb.tag_ == "VBN" and words & table().present_perfect_auxiliaries:
        return "present perfect"
    if verb.tag_ == "VBG" and words & table().present_be_forms:
        return "present progressive"
    if verb.tag_ == "VBN" and words >= {"being"} and words & table().present_be_forms:
        return "present progressive"  # passive: "are being evacuated"
    return None
