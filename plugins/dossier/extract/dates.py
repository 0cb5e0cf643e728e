"""The date stage: find temporal expressions in an article's sentences and normalise them.

Finding is separate from deciding. `find_candidates` reads one sentence with regular expressions built
from data/date_words.yml and says what kind of expression each match is; `resolve` turns a candidate
into a DateSpan from what the article has established so far: its publication date, the day in focus
and the latest date given. Neither needs spaCy: both work on plain strings and dates, in microseconds.

Public interface: `find_times`, `parse_iso` (curation files), `format_span` (pages).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from dateutil.relativedelta import relativedelta

from ..data import date_words_table
from ..model import DateSpan, Ref, Sentence, TimeExpr, cut, format_span, last_day  # noqa: F401 (re-exported)

NO_PUBLICATION_DATE = "no publication date"
NO_YEAR = "no year given and no publication date to infer it from"
YEAR = r"(?:18|19|20)\d\d(?!\d|,\d|\.\d)"  # 1800-2099; "1,000" and "2023.5" are numbers
DASH = r"\s*[-–—]\s*"


# ---------------------------------------------------------------- the public interface


def find_times(sentences: Sequence[Sentence], source_id: str, published: date | None) -> list[TimeExpr]:
    """Every temporal expression in the article's sentences, in reading order, normalised."""
    return list(iter_times(sentences, source_id, published))


def iter_times(sentences: Sequence[Sentence], source_id: str, published: date | None) -> Iterator[TimeExpr]:
    """find_times as a generator: each expression is resolved against what came before it."""
    focus = Focus(published)
    for index, sentence in enumerate(sentences):
        for candidate in find_candidates(sentence.text):
            reading = resolve(candidate, sentence.text, index, focus)
            focus = focus.after(reading, index)
            yield TimeExpr(ref=Ref(source_id, sentence.id, candidate.start, candidate.end),
                           text=sentence.text[candidate.start:candidate.end],
                           span=reading.span, relative=reading.relative, reason=reading.reason)


# ---------------------------------------------------------------- the tables


@cache
def month_numbers() -> dict[str, int]:
    """Every spelling of a month, full or abbreviated, to its number."""
    return {name: number for number, names in enumerate(date_words_table().months, start=1) for name in names}


def month_number(written: str) -> int:
    return month_numbers()[written.rstrip(".")]


def count(written: str) -> int:
    """A count as written: "two", "a", "3"; "the" in "the day after" is one."""
    written = written.lower()
    if written.isdigit():
        return int(written)
    return 1 if written == "the" else date_words_table().numbers[written]


def phrase_key(written: str) -> str:
    """A matched phrase as the tables spell it: lower case, single spaces."""
    return " ".join(written.lower().split())


# ---------------------------------------------------------------- finding


@dataclass(frozen=True)
class Candidate:
    """A match before it is resolved: what kind of expression, where, and its named parts."""

    kind: str
    start: int
    end: int
    core: int  # where the expression proper starts, after any lead-in ("on", "Back in")
    parts: dict

    def without_lead(self) -> Candidate:
        return replace(self, start=self.core, parts={**self.parts, "lead": None})


def find_candidates(text: str) -> list[Candidate]:
    """The temporal expressions of one sentence, longest first where they overlap, in reading order."""
    masked = not_date_spans(text)
    found = [with_lead(to_candidate(kind, match), text) for kind, pattern in patterns()
             for match in pattern.finditer(text) if not overlaps_any(match.start(), match.end(), masked)]
    return sorted(without_overlaps([c for c in found if plausible(c, text)]), key=lambda c: c.start)


def to_candidate(kind: str, match: re.Match) -> Candidate:
    core = match.end("lead") if "lead" in match.re.groupindex and match.group("lead") else match.start()
    parts = {name: value for name, value in match.groupdict().items() if value is not None}
    return Candidate(kind, match.start(), match.end(), core, parts)


def with_lead(candidate: Candidate, text: str) -> Candidate:
    """The candidate grown backwards over the lead-ins right before it ("Back in" September).

    Looking back from each match is several times faster than an optional lead-in group at the front
    of every pattern, which the regex engine would try at every position of the sentence."""
    if candidate.kind not in LEADABLE:
        return candidate
    lead = lead_pattern().search(text, max(0, candidate.start - LEAD_REACH), candidate.start)
    if not lead:
        return candidate
    return replace(candidate, start=lead.start(), parts={**candidate.parts, "lead": lead.group()})


def without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping matches; one that only collides through its lead-in keeps its
    core ("a day after" and "after Thursday" share "after": both are kept, the second as "Thursday")."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        taken = [(c.start, c.end) for c in kept]
        if not overlaps_any(candidate.start, candidate.end, taken):
            kept.append(candidate)
        elif candidate.core > candidate.start and not overlaps_any(candidate.core, candidate.end, taken):
            kept.append(candidate.without_lead())
    return kept


def overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def not_date_spans(text: str) -> list[tuple[int, int]]:
    """Where names such as "Good Friday" or "Russia Today" stand: no date is read inside them."""
    return [match.span() for match in not_dates_pattern().finditer(text)]


def plausible(candidate: Candidate, text: str) -> bool:
    """Reject month words that are more likely something else: "May" or "March" without a lead-in,
    "Theresa May 2019", a bare "June Smith"."""
    month = candidate.parts.get("m1")
    if month is None:
        return True
    lead = candidate.parts.get("lead")
    ambiguous = month.rstrip(".") in date_words_table().ambiguous_months
    # a weekday before it, or a day and a year with it, make the month a month: "in Beijing, Thursday, May
    # 14, 2020" (a caption's dateline) follows a name but is no one's name
    dated = bool(candidate.parts.get("wd")) or bool(candidate.parts.get("d1") and candidate.parts.get("year"))
    if ambiguous and not lead and not dated and follows_a_name(text, candidate.start):
        return False
    if candidate.kind == "month" and not lead:
        return not ambiguous and not re.match(r"\s+[A-Z]", text[candidate.end:])
    return True


def follows_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word other than the first of the sentence comes right before `start`."""
    before = re.search(r"(\S+)\s+$", text[:start])
    return bool(before) and before.group(1)[:1].isupper() and text[:before.start(1)].strip() != ""


# ---------------------------------------------------------------- the patterns, built from the tables


# The kinds of expression a lead-in may open, and how far back one can reach (the longest, twice).
LEADABLE = {"iso", "month_day", "day_month", "day_month_range", "month_year", "month", "decade", "weekday",
            "relative", "same_day", "season_rel", "season_year"}
LEAD_REACH = 48


@cache
def patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, pattern) for every form of expression this stage reads. Lead-ins are attached after
    finding (with_lead), except for a bare year, which is only a date after one."""
    w = date_words_table()
    year_lead = leads(w.year_lead_ins)
    weekday = alternation(w.weekdays, ignore_case=False)
    year_part = years_after_month(w.relative_years)
    number = rf"(?:\d+|{alternation(w.numbers)})"
    units = rf"(?P<unit>{alternation(w.units)})s?"
    ordinal = r"(?:st|nd|rd|th)?(?![\d:])"
    day1, day2 = rf"(?<![\d,.])(?P<d1>[0-3]?\d){ordinal}", rf"(?P<d2>[0-3]?\d){ordinal}"
    on_weekday = rf"(?:(?P<wd>{weekday}),?\s+)?"
    forms = {
        "iso": rf"(?<![\d-])(?P<iso>\d{{4}}-\d\d-\d\d)(?![\d-])",
        "month_day": rf"{on_weekday}{months('m1')}\s+{day1}"
                     rf"(?:{DASH}(?:{months('m2')}\s+)?{day2})?{year_part}?",
        "day_month": rf"{on_weekday}(?:the\s+)?{day1}(?:{DASH}{day2})?\s+(?:of\s+)?{months('m1')}"
                     rf"{year_part}?",
        "day_month_range": rf"{day1}\s+{months('m1')}{DASH}{day2}\s+{months('m2')}{year_part}?",
        "month_year": rf"{months('m1')}(?:{DASH}{months('m2')})?{year_part}",
        "month": rf"{months('m1', full_only=True)}",
        "year": rf"{year_lead}(?P<year>{YEAR})"
                rf"(?:(?:{DASH}|\s+{alternation(w.year_range_links, ignore_case=False)}\s+)(?P<year2>{YEAR}))?",
        "year_range": rf"(?<![\d,.-])(?P<year>{YEAR}){DASH}(?P<year2>{YEAR})",
        # a year that dates the noun after it, after "the" or a possessive ("Iran's 2015 nuclear deal",
        # "the 2018 poisoning"); a lower-case word must follow, so "the 2015 figure" is a year too but
        # "Iran's 2015" alone is not read
        "year_attributive": rf"(?:(?<=\bthe\s)|(?<=['’]s\s))(?P<year>{YEAR})(?=\s+[a-z])",
        "decade": rf"\bthe\s+(?P<decade>(?:18|19|20)\d0)s\b",
        "weekday": rf"(?:\b(?P<mod>{alternation(w.weekday_modifiers)})\s+)?"
                   rf"\b(?P<wd>{weekday})\b(?:\s+(?P<pod>{alternation(w.parts_of_day)})\b)?",
        "relative": rf"\b(?P<rel>{alternation(w.relative)})\b",
        "ago": rf"\b(?P<n>{number})\s+{units}\s+(?:{alternation(w.ago)})\b",
        "span_back": rf"\b(?:{alternation(w.span_back)})\s+(?:(?P<n>{number})\s+)?{units}\b",
        "span_ahead": rf"\b(?:{alternation(w.span_ahead)})\s+(?:(?P<n>{number})\s+)?{units}\b",
        "same_day": rf"\b(?:{alternation(w.same_day)})\b",
        # "later that year", "the same month": the year or month of the latest date given
        "same_period": rf"\b(?:{alternation(w.same_period_leads, ignore_case=False)}\s+(?:in\s+)?)?"
                       rf"{alternation(w.same_period_openers, ignore_case=False)}\s+"
                       rf"(?P<period>{alternation(w.same_periods, ignore_case=False)})\b(?![’']s)",
        "that_time": rf"\b(?:{alternation(w.that_time)})\b(?!\s+(?:{alternation(w.that_time_blockers)})\b)",
        "season_rel": rf"\b(?P<smod>{alternation(w.season_modifiers)})\s+(?P<season>{alternation(w.seasons)})\b",
        "season_year": rf"\b(?:the\s+)?(?P<season>{alternation(w.seasons)})\s+(?:of\s+)?(?P<year>{YEAR})",
        "offset": rf"\b(?:(?P<hedge>{alternation(w.offset_hedges)})\s+)?"
                  rf"(?P<n>{number}|the)\s+(?P<unit>{alternation(w.offset_units)})s?\s+"
                  rf"(?P<dir>{alternation(w.offset_directions)})\b",
        "offset_phrase": rf"\b(?P<phrase>{alternation(w.offset_phrases)})\b",
    }
    return tuple((kind, re.compile(form)) for kind, form in forms.items())


def alternation(phrases, ignore_case: bool = True) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between words."""
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def leads(phrases: Iterable[str]) -> str:
    """One or two lead-ins ("since early"), each followed by space unless it ends in a hyphen ("mid-")."""
    ordered = sorted(phrases, key=len, reverse=True)
    pieces = [r"\s+".join(re.escape(part) for part in phrase.split()) + ("" if phrase.endswith("-") else r"\s+")
              for phrase in ordered]
    return rf"(?P<lead>(?:\b(?i:{'|'.join(pieces)})){{1,2}})"


@cache
def lead_pattern() -> re.Pattern:
    """Lead-ins ending where a match starts; searched with endpos at the match, so \\Z anchors there."""
    return re.compile(leads(date_words_table().lead_ins) + r"\Z")


def months(group: str, full_only: bool = False) -> str:
    """A month name, case-sensitive so "may" and "march" stay verbs; abbreviations take a dot."""
    names = [names[0] for names in date_words_table().months] if full_only else list(month_numbers())
    spelled = [re.escape(name) + (r"\.?" if name not in full_month_names() else "")
               for name in sorted(names, key=len, reverse=True)]
    return rf"\b(?P<{group}>{'|'.join(spelled)})(?![A-Za-z])"


def full_month_names() -> set[str]:
    return {names[0] for names in date_words_table().months}


def years_after_month(relative_years: Iterable[str]) -> str:
    """What may follow a month as its year: ", 2023", " of 2023", " last year"."""
    return (rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR})"
            rf"|\s+(?:of\s+)?(?P<yrel>{alternation(relative_years)})\b)")


@cache
def not_dates_pattern() -> re.Pattern:
    return re.compile(rf"\b{alternation(date_words_table().not_dates, ignore_case=False)}\b")


# ---------------------------------------------------------------- deciding


@dataclass(frozen=True)
class Reading:
    """What a candidate resolved to, and how."""

    span: DateSpan | None
    relative: bool = False
    reason: str | None = None
    window: bool = False  # a stretch ("this week", "over the past two days") rather than named days
    counted: bool = False  # counted back from some day ("two days ago"), not a day the text names


@dataclass(frozen=True)
class Focus:
    """What the article has established so far, in reading order."""

    published: date | None
    day: DateSpan | None = None  # the latest day-precision date: "earlier in the day" means it
    day_sentence: int = -1  # the index of the sentence that gave it
    latest: DateSpan | None = None  # the latest date of any precision: "at the time" means it
    counted: bool = False  # the day in focus was counted back ("two days ago"), not named

    def after(self, reading: Reading, sentence: int) -> Focus:
        span = reading.span
        if span is None:
            return self
        if span.precision == "day" and not reading.window:
            return replace(self, day=span, day_sentence=sentence, latest=span, counted=reading.counted)
        return replace(self, latest=span)


def resolve(candidate: Candidate, text: str, sentence: int, focus: Focus) -> Reading:
    """A candidate normalised against the publication date and what the article said before it."""
    resolver = RESOLVERS[candidate.kind]
    try:
        return resolver(candidate, Context(text, candidate, sentence, focus))
    except ValueError as error:  # "February 30": found, but names no day
        return Reading(None, reason=f"not a calendar date: {error}")


@dataclass(frozen=True)
class Context:
    text: str
    candidate: Candidate
    sentence: int
    focus: Focus

    @property
    def published(self) -> date | None:
        return self.focus.published

    def looks_ahead(self) -> bool:
        return looks_ahead(self.text, self.candidate.start, self.candidate.end)


def no_publication_date() -> Reading:
    return Reading(None, relative=True, reason=NO_PUBLICATION_DATE)


# -------- calendar dates: "October 19, 2023", "On October 18-19", "in July", "February last year"


def resolve_calendar(candidate: Candidate, context: Context) -> Reading:
    parts = candidate.parts
    make = calendar_maker(parts)
    if "year" in parts:
        return Reading(make(int(parts["year"])))
    if context.published is None:
        return Reading(None, reason=NO_PUBLICATION_DATE if "yrel" in parts else NO_YEAR)
    if "yrel" in parts:
        offset = date_words_table().relative_years[phrase_key(parts["yrel"])]
        return Reading(make(context.published.year + offset), relative=True,
                       reason=f"year from publication ({context.published.isoformat()})")
    return place_in_year(make, context.published, context.looks_ahead())


def calendar_maker(parts: dict) -> Callable[[int], DateSpan]:
    """A function from a year to the span the parts name in it; a range running past December ends
    in the next year ("December 30 – January 2")."""
    first = month_number(parts["m1"])
    last = month_number(parts["m2"]) if "m2" in parts else first
    rolls_over = last < first
    if "d1" not in parts:
        return lambda year: DateSpan(date(year, first, 1),
                                     date(year + rolls_over, last, 1) if last != first else None, "month")
    start_day = int(parts["d1"])
    end_day = int(parts["d2"]) if "d2" in parts else None

    def make(year: int) -> DateSpan:
        start = date(year, first, start_day)
        if end_day is None:
            return DateSpan(start, None, "day")
        end = date(year + rolls_over, last, end_day)
        if end <= start:
            raise ValueError(f"the range {parts['d1']}–{parts['d2']} runs backwards")
        return DateSpan(start, end, "day")

    return make


def place_in_year(make: Callable[[int], DateSpan], published: date, ahead: bool) -> Reading:
    """The year that makes a yearless date the latest on or before publication, or, when the sentence
    looks ahead, the earliest on or after it. Years a day does not exist in (29 February) are skipped."""
    spans = [span for year in range(published.year - 8, published.year + 9)
             if (span := span_or_none(make, year)) is not None]
    if ahead:
        chosen = next((s for s in spans if last_day(s) >= published), None)
        how = "looks ahead: the first on or after publication"
    else:
        chosen = next((s for s in reversed(spans) if s.start <= published), None)
        how = "the latest on or before publication"
    if chosen is None:
        raise ValueError("no year has this day")
    return Reading(chosen, relative=True, reason=f"year inferred, {how} ({published.isoformat()})")


def span_or_none(make: Callable[[int], DateSpan], year: int) -> DateSpan | None:
    try:
        return make(year)
    except ValueError:
        return None



def resolve_iso(candidate: Candidate, context: Context) -> Reading:
    return Reading(DateSpan(date.fromisoformat(candidate.parts["iso"]), None, "day"))


# -------- years: "in 2019", "since 2014", "2014-2016", "the 1990s"


def resolve_year(candidate: Candidate, context: Context) -> Reading:
    first = int(candidate.parts["year"])
    last = int(candidate.parts.get("year2", first))
    if last < first:
        raise ValueError(f"the range {first}–{last} runs backwards")
    return Reading(DateSpan(date(first, 1, 1), date(last, 1, 1) if last != first else None, "year"))


def resolve_decade(candidate: Candidate, context: Context) -> Reading:
    first = int(candidate.parts["decade"])
    return Reading(DateSpan(date(first, 1, 1), date(first + 9, 1, 1), "year"))


# -------- weekdays: "on Saturday", "Thursday", "last Friday", "next Monday"


def resolve_weekday(candidate: Candidate, context: Context) -> Reading:
    """A weekday is the latest such day on or before publication (publication day itself if it is
    that weekday), unless a modifier or the sentence points elsewhere."""
    published = context.published
    if published is None:
        return no_publication_date()
    weekday = date_words_table().weekdays.index(candidate.parts["wd"])
    focus = context.focus
    if not candidate.parts.get("mod") and focus.day is not None and not focus.counted \
            and context.sentence - focus.day_sentence <= 1 and focus.day.start.weekday() == weekday:
        # "... in Beijing, Thursday, May 14, 2020. China reported three new cases Thursday": the weekday
        # of the day just named is that day, however long before publication
        return Reading(focus.day, relative=True, reason=f"the {candidate.parts['wd']} just named")
    direction = date_words_table().weekday_modifiers.get(phrase_key(candidate.parts.get("mod", "")), "cue")
    if direction == "cue":
        direction = "after" if context.looks_ahead() else "before"
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    day = {"before": published - timedelta(back),
           "strictly_before": published - timedelta(back or 7),
           "after": published + timedelta(ahead),
           "strictly_after": published + timedelta(ahead or 7)}[direction]
    return Reading(DateSpan(day, None, "day"), relative=True,
                   reason=f"{direction.replace('_', ' ')} publication ({published.isoformat()})")


# -------- words relative to publication: "this month", "last year", "two days ago", "over the past two months"


def resolve_relative(candidate: Candidate, context: Context) -> Reading:
    if context.published is None:
        return no_publication_date()
    unit, offset = date_words_table().relative[phrase_key(candidate.parts["rel"])]
    focus = context.focus
    if unit == "day" and focus.day is not None and focus.day_sentence >= context.sentence - 1 \
            and focus.day.end is None and in_quotation(context.text, candidate.start):
        # "today" in quoted words is the day they were said: the day in focus of this or the previous
        # sentence ("... earlier today," Watson said in a statement), not the day of publication
        return Reading(unit_span(focus.day.start, unit, offset), relative=True,
                       reason=f"quoted: from the day in focus ({cut(focus.day.start, 'day')})")
    span = unit_span(context.published, unit, offset)
    return Reading(span, relative=True, reason=f"from publication ({context.published.isoformat()})",
                   window=unit == "week")


def unit_span(anchor: date, unit: str, offset: int) -> DateSpan:
    """The day, week (Monday to Sunday), month or year `offset` units from the one holding `anchor`."""
    if unit == "day":
        return DateSpan(anchor + timedelta(offset), None, "day")
    if unit == "week":
        monday = anchor - timedelta(anchor.weekday()) + timedelta(weeks=offset)
        return DateSpan(monday, monday + timedelta(6), "day")
    if unit == "month":
        return DateSpan(anchor.replace(day=1) + relativedelta(months=offset), None, "month")
    return DateSpan(date(anchor.year + offset, 1, 1), None, "year")


def in_quotation(text: str, start: int) -> bool:
    """Whether `start` lies inside quoted words: more opening than closing curly quotes before it, or
    an odd number of straight ones."""
    before = text[:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def resolve_ago(candidate: Candidate, context: Context) -> Reading:
    if context.published is None:
        return no_publication_date()
    unit, n = unit_of(candidate), count(candidate.parts["n"])
    anchor, how = context.published, f"from publication ({context.published.isoformat()})"
    day = context.focus.day
    if day is not None and day.end is None and not context.focus.counted and in_quotation(context.text, candidate.start) \
            and timedelta(0) <= context.published - day.start <= timedelta(date_words_table().quote_reach_days):
        # "two days ago" in quoted words counts from the day they were said: the article's day in focus,
        # when it is a recent single day (a quote in the news is news of those days)
        anchor, how = day.start, f"quoted: from the day in focus ({cut(day.start, 'day')})"
    moved = anchor - relativedelta(**{f"{unit}s": n})
    return Reading(cut_span(moved, None, precision_of(unit)), relative=True, reason=how, counted=True)


# -------- seasons: "last fall", "the summer of 2022"


def resolve_season(candidate: Candidate, context: Context) -> Reading:
    first, last = date_words_table().seasons[candidate.parts["season"].lower()]

    def span(year: int) -> DateSpan:
        return DateSpan(date(year, first, 1), date(year + (last < first), last, 1), "month")

    if "year" in candidate.parts:
        return Reading(span(int(candidate.parts["year"])))
    if context.published is None:
        return no_publication_date()
    published = context.published
    mode = date_words_table().season_modifiers[phrase_key(candidate.parts["smod"])]
    years = range(published.year - 2, published.year + 2)
    if mode == "last":
        chosen = [span(y) for y in years if last_day(span(y)) < published][-1]
    elif mode == "next":
        chosen = next(span(y) for y in years if span(y).start > published)
    else:
        chosen = span(published.year)
    return Reading(chosen, relative=True, reason=f"{mode} {candidate.parts['season'].lower()} from publication "
                                                f"({published.isoformat()})")


def resolve_window(candidate: Candidate, context: Context) -> Reading:
    """"over the past two months": from publication back (or forward) that many units, at the unit's
    precision ("over the past week" is seven days to publication)."""
    if context.published is None:
        return no_publication_date()
    unit = unit_of(candidate)
    plural = context.text[candidate.start:candidate.end].lower().endswith("s")
    n = count(candidate.parts["n"]) if "n" in candidate.parts else date_words_table().vague_count if plural else 1
    sign = -1 if candidate.kind == "span_back" else 1
    other_end = context.published + sign * relativedelta(**{f"{unit}s": n})
    start, end = sorted((context.published, other_end))
    return Reading(cut_span(start, end, precision_of(unit)), relative=True,
                   reason=f"from publication ({context.published.isoformat()})", window=True)


def unit_of(candidate: Candidate) -> str:
    return candidate.parts["unit"].lower()


def precision_of(unit: str) -> str:
    return date_words_table().units[unit]


def cut_span(start: date, end: date | None, precision: str) -> DateSpan:
    """A span with its ends moved to the first day of their month or year, as DateSpan keeps them."""
    def first_day(day: date) -> date:
        return {"day": day, "month": day.replace(day=1), "year": date(day.year, 1, 1)}[precision]
    start = first_day(start)
    end = first_day(end) if end else None
    return DateSpan(start, end if end != start else None, precision)


# -------- words relative to the text: "earlier in the day", "a day after", "at the time"


def resolve_same_day(candidate: Candidate, context: Context) -> Reading:
    """The day in focus: the latest day named earlier in the article, else the publication date."""
    focus = context.focus
    if focus.day is not None:
        return Reading(focus.day, relative=True, reason=f"the day in focus ({cut(focus.day.start, 'day')})")
    if focus.published is None:
        return no_publication_date()
    return Reading(DateSpan(focus.published, None, "day"), relative=True,
                   reason=f"no earlier day named: the publication date ({focus.published.isoformat()})")


def resolve_same_period(candidate: Candidate, context: Context) -> Reading:
    """"later that year", "the same month": the year or month of the latest date given before, if that
    date is at least as precise."""
    latest, period = context.focus.latest, date_words_table().same_periods[candidate.parts["period"].lower()]
    if latest is None or (period == "month" and latest.precision == "year"):
        return Reading(None, relative=True, reason=f"no earlier {period} in the article to refer to")
    first = latest.start.replace(day=1) if period == "month" else latest.start.replace(month=1, day=1)
    return Reading(DateSpan(first, None, period), relative=True,
                   reason=f"the {period} of the latest date given before ({format_span(latest)})")


def resolve_that_time(candidate: Candidate, context: Context) -> Reading:
    latest = context.focus.latest
    if latest is None:
        return Reading(None, relative=True, reason="no earlier date in the article to refer to")
    return Reading(latest, relative=True, reason=f"the latest date given before ({format_span(latest)})")


def resolve_offset(candidate: Candidate, context: Context) -> Reading:
    """"just a day after": counted from the day in focus of this sentence or the one before; further
    back, the link is too loose to follow. See offset_directions in the tables for which way."""
    days, sign = offset_of(candidate, context.text)
    focus = context.focus
    if focus.day is None or focus.day_sentence < context.sentence - 1:
        return Reading(None, relative=True, reason="no day named in this or the previous sentence to count from")
    anchor = (focus.day.end or focus.day.start) if sign > 0 else focus.day.start
    return Reading(DateSpan(anchor + timedelta(days * sign), None, "day"), relative=True,
                   reason=f"{days} day(s) {'after' if sign > 0 else 'before'} the day in focus "
                          f"({anchor.isoformat()})")


def offset_of(candidate: Candidate, text: str) -> tuple[int, int]:
    """(days, sign) an offset expression moves from the day in focus."""
    parts = candidate.parts
    if "phrase" in parts:
        days, sign = date_words_table().offset_phrases[phrase_key(parts["phrase"])]
        return days, sign
    days = count(parts["n"]) * date_words_table().offset_units[unit_of(candidate)]
    senses = date_words_table().offset_directions[parts["dir"].lower()]
    governs = bool(re.match(r"\s+\w", text[candidate.end:])) and "governing" in senses
    return days, senses["governing" if governs else "alone"]


RESOLVERS: dict[str, Callable[[Candidate, Context], Reading]] = {
    "iso": resolve_iso,
    "month_day": resolve_calendar,
    "day_month": resolve_calendar,
    "day_month_range": resolve_calendar,
    "month_year": resolve_calendar,
    "month": resolve_calendar,
    "year": resolve_year,
    "year_range": resolve_year,
    "year_attributive": resolve_year,
    "decade": resolve_decade,
    "weekday": resolve_weekday,
    "relative": resolve_relative,
    "ago": resolve_ago,
    "span_back": resolve_window,
    "span_ahead": resolve_window,
    "same_day": resolve_same_day,
    "same_period": resolve_same_period,
    "that_time": resolve_that_time,
    "season_rel": resolve_season,
    "season_year": resolve_season,
    "offset": resolve_offset,
    "offset_phrase": resolve_offset,
}


# ---------------------------------------------------------------- looking ahead


def looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the words around an expression point to the future ("in December, when the summit will
    be held"). An expression right beside a reporting verb dates the speaking, which is past ("said on
    Thursday that ... will"); past a barrier word the tense belongs to another clause."""
    before, after = word_list(text[:start]), word_list(text[end:])
    barriers = set(date_words_table().cue_barriers)
    if (before and before[-1] in barriers) or (after and after[0] in barriers):
        return False
    window = date_words_table().cue_window
    before = cut_after_last(before[-window:], barriers)
    after = cut_before_first(after[:window], barriers)
    return bool(lookahead_pattern().search(" ".join(before + ["|"] + after)))


def word_list(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("’", "'"))


def cut_after_last(tokens: list[str], barriers: set[str]) -> list[str]:
    hits = [i for i, token in enumerate(tokens) if token in barriers]
    return tokens[hits[-1] + 1:] if hits else tokens


def cut_before_first(tokens: list[str], barriers: set[str]) -> list[str]:
    hits = [i for i, token in enumerate(tokens) if token in barriers]
    return tokens[:hits[0]] if hits else tokens


@cache
def lookahead_pattern() -> re.Pattern:
    # "'ll" sits inside a word ("we'll"); every other cue is a whole word or phrase
    cues = [re.escape(cue) if cue.startswith("'") else rf"\b{re.escape(cue)}\b".replace(r"\ ", " ")
            for cue in date_words_table().lookahead_cues]
    return re.compile("|".join(cues))
