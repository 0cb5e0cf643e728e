"""Resolve events: reports of the same happening merge into one event; disagreements are kept.

Two reports are the same happening when their kinds agree (a statement, a press conference and an
interview may be one), they share a participant (or, with no participants on either side, a place), and
their dates are compatible at the coarser precision, or are single days at most one day apart with at
least two participants in common (one source's "on Thursday" against another's "a day after"): those
differences are kept in the event's conflicts. A report that could join several events joins the one
it shares most participants with. The most precise, most often given date wins.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, timedelta

from ..config import CuratedEvent
from ..data import events_table
from ..model import Confidence, DateSpan, Event, EventReport, Report, Source, cut, last_day, slugify
from ..extract.topics import content_words
from ..world import capital_of, country_of, demonym_country
from .actors import ActorIndex

# Which kinds resolve may join into one event (data/events.yml `speech_kinds`, `speech_occasions`,
# `kind_relations`, where each is explained): kinds of one group may name one happening.
_KINDS = events_table()
# acts of speech and the occasions they are made at (a press conference, an interview): what resolve joins as
# one saying; the extract stage's SPEECH_KINDS are the acts alone
SAID_KINDS = frozenset(_KINDS.speech_kinds) | frozenset(_KINDS.speech_occasions)
DAMAGE_KINDS = frozenset(_KINDS.kind_relations["damage"])
RELATED_KINDS = {k: SAID_KINDS - {k} for k in SAID_KINDS} | {k: DAMAGE_KINDS - {k} for k in DAMAGE_KINDS}
ONCE_A_DAY_KINDS = frozenset(_KINDS.kind_relations["once_a_day"])
VIOLENT_KINDS = frozenset(_KINDS.kind_relations["violent"])
GATHERING_KINDS = frozenset(_KINDS.kind_relations["gathering"])
PUBLISHED_KINDS = frozenset(_KINDS.kind_relations["published"])
CAPTION_CONFIDENCE = Confidence.CAPTION  # reports below this (photo captions) join events but never make one alone
NEAR_DAYS = 1  # single-day reports this far apart may be one happening, reported with a disagreement
NEAR_SHARED = 2  # ... when they share at least this many participants
PLACEHOLDER = re.compile(r"\{(\d+)\}")


@dataclass
class _Group:
    reports: list[tuple[EventReport, tuple[str, ...]]] = field(default_factory=list)
    # answers recomputed only when reports were added (they are only appended): every report placed asks
    # them of every candidate group, and a widely reported event has hundreds of reports
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def _memo(self, name: str, compute):
        version = (id(self.reports), len(self.reports))
        held = self._derived.get(name)
        if held is None or held[0] != version:
            held = self._derived[name] = (version, compute())
        return held[1]

    def participants(self) -> set[str]:
        return set(self._memo("participants", lambda: frozenset(p for _, ps in self.reports for p in ps)))

    def kinds(self) -> set[str]:
        return set(self._memo("kinds", lambda: frozenset(r.kind for r, _ in self.reports)))

    def places(self) -> set[str]:
        return set(self._memo("places", lambda: frozenset(r.place for r, _ in self.reports if r.place)))

    def best(self) -> EventReport:
        return self._memo("best", self._best)

    def _best(self) -> EventReport:
        """The report whose date the event takes: the most precise, one the text gives over one taken from the
        article's day, then the most often given."""
        dates = Counter(r.date for r, _ in self.reports if r.date)
        return min((r for r, _ in self.reports),
                   key=lambda r: (_precision_rank(r.date), _width(r.date), not r.date_text, -dates[r.date], -r.confidence,
                                  r.date.sort_key() if r.date else ()))


def _precision_rank(span: DateSpan | None) -> int:
    return {"day": 0, "month": 1, "year": 2}[span.precision] if span else 3


def _width(span: DateSpan | None) -> int:
    if span is None:
        return 1 << 20
    a, b = _bounds(span)
    return (b - a).days


def _bounds(span: DateSpan) -> tuple[date, date]:
    start = span.start
    if span.precision == "year":
        return date(start.year, 1, 1), last_day(span)
    if span.precision == "month":
        return date(start.year, start.month, 1), last_day(span)
    return start, last_day(span)


def compatible(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None:
        return False
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    return a0 <= b1 and b0 <= a1


def _day_before(dated: DateSpan | None, report: EventReport) -> bool:
    """The report was dated by its article's day alone, and `dated` is the single day before."""
    if report.date_text or report.date is None or dated is None or dated.precision != "day" or dated.end:
        return False
    return (report.date.start - dated.start).days == 1


def _near(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    return abs((b0 - a1).days) <= NEAR_DAYS or abs((a0 - b1).days) <= NEAR_DAYS


def _affinity(group: _Group, report: EventReport, participants: tuple[str, ...]) -> int:
    """How many participants a report shares with a group it may join; 0 when it may not."""
    kinds = group.kinds()
    if report.kind not in kinds and not (RELATED_KINDS.get(report.kind, set()) & kinds):
        return 0
    shared = len(group.participants() & set(participants))
    best = group.best()
    if report.kind in ONCE_A_DAY_KINDS and report.date and report.date.precision == "day" \
            and any(r.kind == report.kind and r.date == report.date for r, _ in group.reports):
        return max(shared, 1)
    if compatible(best.date, report.date):
        if shared and _other_speakers(group, report):
            return 0
        if shared:
            return shared
        if report.kind in SAID_KINDS and _speaks_for(_doers(group.reports)) & _speaks_for(_doers([(report, ())])):
            # "John Kirby says" and "the White House says", "Ukraine said" and "Ukraine's Foreign Ministry
            # said" on one day: what one side said that day, as articles report it by speaker or by state
            return 1
        if report.kind in SAID_KINDS and any(_counted_then_named(r, report) or _counted_then_named(report, r)
                                               for r, _ in group.reports):
            return 1  # "Two Republicans ... demanded Monday ..." then "..., wrote James Comer and Brad Wenstrup"
        if report.kind in SAID_KINDS and _unattached_spokesman(participants) \
                and any(r.ref.source == report.ref.source and r.ref.sentence == report.ref.sentence
                        and r.kind in SAID_KINDS for r, _ in group.reports):
            return 1  # "The White House said ..., but spokesman John Kirby said ...": the body's spokesman
        both_bare = not participants and not group.participants()
        if report.place and report.place in group.places() and (both_bare or _one_violent_day(group, report)):
            return 1
        if _one_violent_day(group, report, by_count=True):
            return 1
        return 0
    if report.kind in kinds and shared >= NEAR_SHARED and any(_near(r.date, report.date) for r, _ in group.reports):
        return shared
    if report.kind in kinds and report.kind in SAID_KINDS and shared and _day_before(best.date, report) \
            and _says_much_the_same(group, report):
        # words with no date of their own, dated by the article's day, that another article dates to the
        # day before ("said on Friday" in Saturday's paper): the same words; any event that fits the day
        # itself is preferred
        return shared - 0.5
    return 0


def _one_violent_day(group: _Group, report: EventReport, by_count: bool = False) -> bool:
    """An attack in one place on one day, told with different doers ("the Haqqani network", "Pakistan's spy
    agency", "TRF terrorists"): whom each account names is what the accounts dispute, not which happening
    it was. Reports of the very same day only, a report whose words name nobody doing it included. With
    `by_count`, the same toll ("killed 26 tourists", "26 tourists were gunned down") stands for the place."""
    if report.kind not in VIOLENT_KINDS or report.date is None or report.date.precision != "day":
        return False
    tolls = _tolls(report.text)
    return any(r.kind == report.kind and r.date == report.date
               and (tolls & _tolls(r.text) if by_count else r.place == report.place) for r, _ in group.reports)


@lru_cache(maxsize=1)
def _toll() -> re.Pattern:
    nouns = "|".join(re.escape(n) for n in events_table().casualty_nouns)
    return re.compile(rf"\b(\d{{2,}})\s+(?:[a-z-]+\s+){{0,2}}?(?:{nouns})\b")


def _tolls(text: str) -> set[str]:
    """The death or casualty counts a report gives ("killed 26 tourists", "at least 90 people":
    data/events.yml casualty_nouns)."""
    return set(_toll().findall(text))


def _other_speakers(group: _Group, report: EventReport) -> bool:
    """Acts of speech by speakers neither of whom speaks for the other or for the other's side ("Turkey
    blamed Kurdish militants", "the Kurdish administration accused Turkish intelligence"): two acts, however
    much whom they spoke of is shared."""
    if report.kind not in SAID_KINDS:
        return False
    doers = _doers([(report, ())])
    theirs = _doers([(r, p) for r, p in group.reports if r.kind in SAID_KINDS])
    return bool(doers and theirs) and not (_speaks_for(doers) & _speaks_for(theirs))


SAME_WORDS = 0.3  # share of the shorter report's content words another must hold to report the same words


def _says_much_the_same(group: _Group, report: EventReport) -> bool:
    """Does a report of speech say much what one of the group's says? Two days' different words by one
    speaker ("the investigation is continuing", then "the attack was launched from the north") are two acts."""
    words = _said(report)
    for r, _ in group.reports:
        other = _said(r)
        if not words or not other or len(words & other) >= SAME_WORDS * min(len(words), len(other)):
            return True  # (a report with no words of its own to compare may be the same)
    return False


def _said(report: EventReport) -> set[str]:
    """The content words of what a report says, without its participants' names or countries: the
    speaker's name is in every report of their words."""
    names = {w for p in report.participants for w in content_words(p)}
    return {w for w in content_words(report.text) - names if not w.startswith("@")}


COUNT_WORDS = {k.lower(): v for k, v in _KINDS.count_words.items()}


def _counted_then_named(counted: EventReport, named: EventReport) -> bool:
    """One article's act of speech by a counted group ("Two Republicans leading the House's probes
    demanded ...") and, in its next sentence, one by exactly that many named doers ("..., wrote James Comer
    and Brad Wenstrup"): the same people, the same act."""
    if counted.ref.source != named.ref.source or _sentence_no(named.ref.sentence) - _sentence_no(counted.ref.sentence) != 1:
        return False
    if counted.agents != 1 or not counted.participant_refs or named.agents < 2:
        return False
    ref = counted.participant_refs[0]
    before = counted.text[:max(0, ref.start - counted.ref.start)].split()
    return bool(before) and COUNT_WORDS.get(before[-1].lower()) == named.agents


def resolve_events(reports: list[EventReport], actors: ActorIndex, sources: dict[str, Source],
                   curated: list[CuratedEvent]) -> list[Event]:
    _ACTORS["index"] = actors
    groups: list[_Group] = []
    # a total order (two reports of one sentence by their place in it): the same articles make the same dossier
    order = sorted(reports, key=lambda r: (r.confidence < CAPTION_CONFIDENCE + 1e-9, _precision_rank(r.date),
                                           r.ref.source, _sentence_no(r.ref.sentence), r.ref.start, r.ref.end,
                                           r.kind, r.title))
    by_kind: dict[str, set[int]] = {}  # kind -> groups holding a report of it: only those may be joined
    by_date: dict[tuple, set[int]] = {}  # day, month or year -> groups with a report dated to it
    for report in order:
        participants = _participants(report, actors)
        near = set().union(*(by_kind.get(k, ()) for k in {report.kind, *RELATED_KINDS.get(report.kind, ())}))
        # a report joins only a group one of whose reports is dated near its own (_affinity): looked up by
        # date, not compared with every group of its kind
        near &= set().union(*(by_date.get(k, ()) for k in _date_keys(report.date, NEAR_DAYS + 1)))
        scored = [(_affinity(groups[n], report, participants), -n, groups[n]) for n in sorted(near)]
        scored = [x for x in scored if x[0] > 0]
        if scored:
            best = max(scored, key=lambda x: x[:2])
            best[2].reports.append((report, participants))
            placed = -best[1]
        elif report.confidence > CAPTION_CONFIDENCE or _file_photo(report, sources):
            groups.append(_Group([(report, participants)]))
            placed = len(groups) - 1
        else:
            continue
        by_kind.setdefault(report.kind, set()).add(placed)
        for k in _date_keys(report.date):
            by_date.setdefault(k, set()).add(placed)
    groups = _one_victims_day(groups)
    groups = _place_bare(groups)
    groups = _into_gatherings(groups)
    groups = _into_publications(groups)
    events = [_event(g, actors, sources) for g in groups]
    events = _unique_ids(events)
    return apply_curation(events, curated, sources)


def _date_keys(span: DateSpan | None, margin: int | None = None) -> list[tuple]:
    """Where a report is filed by date (margin None), or where to look for the groups it may join (margin
    in days): a day-precise report under its days, a coarser one under its month or year; looking, every
    key its bounds (widened by the margin) touch, coarser ones included. None for no date."""
    if span is None:
        return []
    a, b = _bounds(span)
    if margin is None:
        if span.precision == "year":
            return [("y", a.year)]
        if span.precision == "month":
            return [("m", a.year, a.month)]
        return [("d", a + timedelta(days=i)) for i in range((b - a).days + 1)]
    a, b = a - timedelta(days=margin), b + timedelta(days=margin)
    days = [("d", a + timedelta(days=i)) for i in range((b - a).days + 1)]
    months = sorted({("m", d.year, d.month) for _, d in days})
    return days + months + [("y", y) for y in range(a.year, b.year + 1)]


FULL_DATE = re.compile(r"\b(?:18|19|20)\d\d\b")
FILE_PHOTO_DAYS = 7  # a caption dated further back than this before its article shows an older occasion


def _file_photo(report: EventReport, sources: dict[str, Source]) -> bool:
    """A caption's report dated to the day, its year written, well before its article ("FILE - ... in
    Beijing, Thursday, Oct 13, 2022"): the occasion of a file photo, a happening of its own that only the
    caption records, so it makes an event alone. A caption of the story's own days shows what the text
    tells, and only joins that."""
    source = sources.get(report.ref.source)
    published = source.published if source is not None else None
    return (report.date is not None and report.date.precision == "day" and published is not None
            and bool(FULL_DATE.search(report.date_text))
            and (published - report.date.start).days > FILE_PHOTO_DAYS)


def _place_bare(groups: list[_Group]) -> list[_Group]:
    """A report naming nobody ("their leaders met in September") joins the one event of its kind and
    date it could be (the one of the very same date, where a wider one also fits); where there are
    several, or none, it stays on its own. Reports naming nobody that are left, of one kind (or related
    kinds) on the same day, are one happening told by several sources ("the dam was destroyed on
    Tuesday", "a torrent burst through the dam on Tuesday"); a day apart, when their titles share a word."""
    out = [g for g in groups if g.participants()]
    bare: list[_Group] = []
    for g in groups:
        if g.participants():
            continue
        best = g.best()
        fits = [o for o in out if o.participants() and best.kind in o.kinds() and compatible(o.best().date, best.date)]
        exact = [o for o in fits if o.best().date == best.date]
        named = [o for o in fits if _names_one_of(g, o)]
        if len(fits) == 1 or len(exact) == 1 or len(named) == 1:
            (fits[0] if len(fits) == 1 else exact[0] if len(exact) == 1 else named[0]).reports.extend(g.reports)
            continue
        beside = [o for o in exact if _said_beside(o, best)]
        if len(beside) == 1:
            beside[0].reports.extend(g.reports)
            continue
        # several events it could be: it stays apart, one with the other reports of that day naming nobody
        kinds = {best.kind} | RELATED_KINDS.get(best.kind, set())
        same = [b for b in bare if kinds & b.kinds() and _same_day(b, best)]
        if not same:
            bare.append(g)
            continue
        # it may tell the happening of two groups at once (the same day as one, a day apart with a word of
        # the other's title): those were one happening all along
        same[0].reports.extend(g.reports)
        for other in same[1:]:
            same[0].reports.extend(other.reports)
            bare.remove(other)
    return out + bare


SAID_BESIDE = 2  # sentences apart at most for words of no named speaker to be the named speaker's act


def _said_beside(group: _Group, report: EventReport) -> bool:
    """Words whose speaker resolved to no actor ("the Arab coalition said Tuesday"), told a sentence or two
    from one act of speech of the same day in the same article ("coalition spokesman X told reporters"): that
    act, as the article tells it."""
    return report.kind in SAID_KINDS and any(
        r.kind in SAID_KINDS and r.ref.source == report.ref.source and r.date == report.date
        and abs(_sentence_no(r.ref.sentence) - _sentence_no(report.ref.sentence)) <= SAID_BESIDE
        for r, _ in group.reports)


def _one_victims_day(groups: list[_Group]) -> list[_Group]:
    """Violent happenings of one kind on one day where one account names, in its words, a person another
    takes part in ("the murder of the daughter of Alexander Dugin by Ukraine", "Darya Dugina killed"): one
    happening, told with different doers and victims taken from the parse. Looked up by day."""
    by_day: dict[tuple, list[_Group]] = {}
    out = []
    for g in groups:
        best = g.best()
        if not g.kinds() <= VIOLENT_KINDS or best.date is None or best.date.precision != "day" or best.date.end:
            out.append(g)
            continue
        same = by_day.setdefault((best.date.start, best.kind), [])
        linked = [o for o in same if _names_a_person_of(g, o) or _names_a_person_of(o, g)]
        if not linked:
            same.append(g)
            out.append(g)
            continue
        # an account naming the people of two groups at once tells the happening of both
        into = linked[0]
        into.reports.extend(g.reports)
        for other in linked[1:]:
            into.reports.extend(other.reports)
            same.remove(other)
            out.remove(other)
    return out


def _names_a_person_of(one: _Group, other: _Group) -> bool:
    """Do one group's sentences name a person the other group takes part in?"""
    index = _ACTORS.get("index")
    if index is None:
        return False
    people = {a.id: a for a in index.actors if a.kind == "person"}
    return _names_one_of(one, other, {i: a for i, a in people.items() if i in other.participants()})


def _names_one_of(bare: _Group, group: _Group, by_id: dict | None = None) -> bool:
    """Do a bare group's sentences name one of the group's participants, by a name or alias the parse did
    not take for a participant ("Dugina was killed on Saturday", "a car bomb killed Dugina")?"""
    index = _ACTORS.get("index")
    if index is None:
        return False
    by_id = by_id if by_id is not None else {a.id: a for a in index.actors}
    names = set()
    for ident in group.participants():
        actor = by_id.get(ident)
        if actor is None:
            continue
        names |= {actor.name, *actor.aliases}
        if actor.kind == "person" and len(actor.name.split()) > 1:
            names.add(actor.name.split()[-1])  # the surname alone
    texts = " ".join(r.text for r, _ in bare.reports)
    return any(len(n) > 3 and re.search(rf"\b{re.escape(n)}\b", texts) for n in names)


def _same_day(group: _Group, report: EventReport) -> bool:
    """Whether a report naming nobody tells the happening of a group naming nobody: the same single
    day, or a day apart with a word of their titles in common."""
    def words(r: EventReport) -> set[str]:
        return {w for w in re.findall(r"[a-z]{4,}", PLACEHOLDER.sub("", r.title).lower())}
    if any((r.ref.source, r.ref.sentence) == (report.ref.source, report.ref.sentence) and r.date != report.date
           for r, _ in group.reports):
        return False  # "shot down on Friday, Saturday and Sunday": the sentence itself tells several days
    for r, _ in group.reports:
        if r.date and report.date and r.date.precision == report.date.precision == "day" \
                and r.date.end is None and report.date.end is None:
            if r.date == report.date or _near(r.date, report.date) and words(r) & words(report):
                return True
    return False


def _into_gatherings(groups: list[_Group]) -> list[_Group]:
    """What a speaker tells a body on the day that body meets ("he told the UN Security Council on
    Tuesday") was said at that meeting: the statement joins the meeting's event, so the chronology has
    one entry for the session and its speeches."""
    def addressed(g: _Group) -> set[str]:
        return {_actor_of(r, n) for r, _ in g.reports for n in range(r.agents, len(r.participants))} - {None}
    return _speech_joined(groups, GATHERING_KINDS, lambda g, m: bool(addressed(g) & m.participants()))


def _into_publications(groups: list[_Group]) -> list[_Group]:
    """What a body says on the day it publishes a report ("Human Rights Watch said on Monday", of the
    report it released Monday) is the report's content: the statement joins the publication's event."""
    return _speech_joined(groups, PUBLISHED_KINDS,
                          lambda g, p: bool(_doers(g.reports)) and _doers(g.reports) <= _doers(p.reports))


def _speech_joined(groups: list[_Group], host_kinds: frozenset[str], belongs) -> list[_Group]:
    """Each group of speech joins the first group of `host_kinds` it `belongs` to that has a report of the
    same day (a date to the day); the groups that join none stay as they are."""
    hosts = [g for g in groups if g.kinds() & host_kinds]
    out = []
    for g in groups:
        target = None
        if g.kinds() <= SAID_KINDS:
            target = next((h for h in hosts if h is not g and belongs(g, h)
                           and any(hr.date == r.date and hr.date and hr.date.precision == "day"
                                   for hr, _ in h.reports for r, _ in g.reports)), None)
        if target is not None:
            target.reports.extend(g.reports)
        else:
            out.append(g)
    return out


def _sentence_no(sid: str) -> int:
    return int(sid[1:]) if sid[1:].isdigit() else 0


def _doers(reports) -> set[str]:
    """The actor ids of the reports' doers (who spoke), not of whom they spoke about."""
    return {x for r, _ in reports for x in (_actor_of(r, n) for n in range(r.agents)) if x}


def _speaks_for(ids) -> set[str]:
    """Actor ids with every body and state they speak for (a spokesman's office, its country)."""
    index = _ACTORS.get("index")
    by_id = {x.id: x for x in index.actors} if index is not None else {}
    found, todo = set(), list(ids)
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(by_id[current].affiliations if current in by_id else ())
    return found


def _unattached_spokesman(ids) -> bool:
    """The only doer is a spokesman whose title names no body: he speaks for the body the sentence names."""
    index = _ACTORS.get("index")
    if index is None or len(ids) != 1:
        return False
    actor = next((a for a in index.actors if a.id == ids[0]), None)

    titles = set(events_table().spokesman_titles)
    role = (actor.role or "").lower().split() if actor is not None else []
    return actor is not None and not actor.affiliations and bool(role) \
        and (role[-1] in titles or " ".join(role[-2:]) in titles)


def _participants(report: EventReport, actors: ActorIndex) -> tuple[str, ...]:
    ids = []
    for text, ref in zip(report.participants, report.participant_refs):
        ident = _actor_id(actors, text, ref)
        if ident and ident not in ids:
            ids.append(ident)
    return tuple(ids)


def _actor_id(actors: ActorIndex, text: str, ref) -> str | None:
    """The actor a participant names; a capital standing as a doer or an end of a transfer ("from
    Pyongyang to Moscow") is its country, when the dossier has that country as an actor."""
    ident = actors.of_ref(ref) or actors.of_name(text)
    if ident is None:
        country = capital_of(text) or country_of(text) or demonym_country(text.split()[0] if text.split() else "")
        if country is not None:
            ident = actors.of_name(country.name)
    return ident


_ACTORS: dict = {}


def _actor_of(report: EventReport, n: int) -> str | None:
    """The actor id of a report's n-th participant."""
    index = _ACTORS.get("index")
    if index is None or n >= len(report.participants):
        return None
    return _actor_id(index, report.participants[n], report.participant_refs[n])


def _event(group: _Group, actors: ActorIndex, sources: dict[str, Source]) -> Event:
    best = group.best()
    names = {a.id: a.name for a in actors.actors}
    counts = Counter(p for _, ps in group.reports for p in ps)
    if best.kind in SAID_KINDS:
        # an act of speech is made by its speakers; whom they spoke of took no part in it (and an event
        # listing them would be every day's event of whoever is talked about)
        doers = Counter(x for r, _ in group.reports for x in (_actor_of(r, n) for n in range(r.agents)) if x)
        counts = doers or counts
    participants = tuple(sorted(counts, key=lambda p: (-counts[p], p)))
    title = _title(group, names)
    # each report once, in reading order: by source, sentence and where in the sentence it starts (two
    # reports of one sentence once swapped places with the hash seed, as a set ordered them)
    starts: dict[Report, int] = {}
    for r, _ in group.reports:
        report = Report(r.ref.source, r.ref.sentence, r.text[r.ref.start:r.ref.end] or r.text, r.date_text, r.date)
        starts[report] = min(starts.get(report, r.ref.start), r.ref.start)
    reports = tuple(sorted(starts, key=lambda x: (x.source, _sentence_no(x.sentence), starts[x], x.text)))
    places = Counter(r.place for r, _ in group.reports if r.place)
    ident = slugify(f"{cut(best.date.start, best.date.precision) if best.date else 'undated'} {best.kind} "
                    f"{participants[0] if participants else best.trigger}", "event")
    kind = best.kind if best.kind in group.kinds() & GATHERING_KINDS or not group.kinds() & GATHERING_KINDS \
        else sorted(group.kinds() & GATHERING_KINDS)[0]
    return Event(id=ident, title=title, kind=kind, date=best.date,
                 place=places.most_common(1)[0][0] if places else None, participants=participants,
                 reports=reports, conflicts=_conflicts(group, sources))


def _title(group: _Group, names: dict) -> str:
    """The title pattern of the report that says most (doers named, then most participants), filled in."""
    def fill(report: EventReport) -> str:
        # the pattern counts mention texts: each is written as its actor's name where it resolved
        def name(m: re.Match) -> str:
            n = int(m.group(1))
            text = report.participants[n] if n < len(report.participants) else ""
            actor = _actor_of(report, n)
            return names.get(actor, text) if actor else text
        return re.sub(r"\s+", " ", PLACEHOLDER.sub(name, report.title)).strip()

    def named(report: EventReport) -> bool:
        """Whether every doer the title names is an actor: a title never makes a stray word ("Kakhovka
        says ...") the doer."""
        return all(_actor_of(report, int(n)) for n in PLACEHOLDER.findall(report.title)
                   if int(n) < report.agents)

    gathering = group.kinds() & GATHERING_KINDS  # a session with its speeches is titled as the session
    # a violent happening is titled as the texts tell it, not as one side's account of who did it
    # ("Murder of the daughter by Ukraine (according to ...)", where others deny it)
    disputed = group.kinds() <= VIOLENT_KINDS
    ranked = sorted(group.reports, key=lambda x: (-(x[0].kind in gathering), disputed and x[0].account,
                                                   -(x[0].agents > 0 and named(x[0])),
                                                   -bool(x[0].title),
                                                   -named(x[0]), -len(x[1]),
                                                   _precision_rank(x[0].date), -x[0].confidence,
                                                   x[0].ref.source, _sentence_no(x[0].ref.sentence)))
    for report, _ in ranked:
        if report.title and named(report):
            return fill(report)
    report, _ = ranked[0]
    clause = report.text[report.ref.start:report.ref.end].strip(" ,.;") or report.text
    words = clause.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def _conflicts(group: _Group, sources: dict[str, Source]) -> tuple[str, ...]:
    out = []
    days = {}
    for r, _ in group.reports:
        if r.date and r.date.precision == "day":
            days.setdefault(r.date, []).append(r)
    # a day inside another report's range agrees with it; only dates that cannot both hold disagree
    disagree = any(not compatible(a, b) for a in days for b in days)
    if len(days) > 1 and disagree:
        versions = "; ".join(f"{_outlet(sources, rs[0].ref.source)} gives {cut(d.start, 'day')}"
                             f"{'–' + cut(d.end, 'day') if d.end else ''} (“{rs[0].date_text}”)"
                             for d, rs in sorted(days.items(), key=lambda x: x[0].sort_key()))
        out.append(f"Sources differ on the date: {versions}.")
    numbers = {}
    for r, _ in group.reports:
        if r.numbers:
            numbers.setdefault(tuple(sorted({_figure(n) for n in r.numbers})), (r.numbers, r))
    numbers = {v[0]: v[1] for v in numbers.values()}
    figures = [{_figure(n) for n in ns} for ns in numbers]
    # "over 1,000" and "more than 1,000" agree; only different figures disagree
    if len(numbers) > 1 and any(a != b for a in figures for b in figures):
        versions = "; ".join(f"{_outlet(sources, r.ref.source)}: {', '.join(ns)}" for ns, r in numbers.items())
        out.append(f"Sources give different figures: {versions}.")
    return tuple(out)


def _figure(text: str) -> str:
    return re.sub(r"[^\d.]|(?<=\d)[.,](?=\d{3}\b)", "", text.replace(",", "")) or text.lower()


def _outlet(sources: dict[str, Source], source_id: str) -> str:
    s = sources.get(source_id)
    return (s.outlet or s.title) if s else source_id


def _unique_ids(events: list[Event]) -> list[Event]:
    seen: Counter = Counter()
    out = []
    for e in sorted(events, key=lambda e: (e.id, e.reports[0].source if e.reports else "", e.title)):
        seen[e.id] += 1
        out.append(e if seen[e.id] == 1 else replace(e, id=f"{e.id}-{seen[e.id]}"))
    return out


def apply_curation(events: list[Event], curated: list[CuratedEvent], sources: dict[str, Source]) -> list[Event]:
    """The machine's events with dossier/events.yml applied (merged, hidden, corrected, added)."""
    by_id = {e.id: e for e in events}
    for cur in curated:
        merged = [by_id.pop(i) for i in (cur.id, *cur.merge) if i in by_id]
        # a curated report also claims the machine event that holds that sentence (of the curated kind
        # and date, where given), so curation survives changes to machine ids
        wanted = {(r.source, r.sentence) for r in cur.reports}
        for key, event in sorted(by_id.items()):
            if wanted & {(r.source, r.sentence) for r in event.reports} \
                    and (cur.kind is None or event.kind == cur.kind) \
                    and (cur.date is None or compatible(cur.date, event.date)):
                merged.append(by_id.pop(key))
        if cur.hidden:
            continue
        base = merged[0] if merged else Event(id=cur.id, title=cur.title or cur.id, kind=cur.kind or "other", date=None)
        reports = {r for e in merged for r in e.reports}
        have = {(r.source, r.sentence) for r in reports}
        for rep in cur.reports:
            if (rep.source, rep.sentence) in have:
                continue  # the machine's report of that sentence already stands, with its own span
            s = sources.get(rep.source)
            text = next((x.text for x in s.sentences if x.id == rep.sentence), "") if s else ""
            reports.add(Report(rep.source, rep.sentence, text, rep.date_text, cur.date))
        participants = cur.participants or tuple(dict.fromkeys(p for e in merged for p in e.participants))
        by_id[cur.id] = replace(
            base, id=cur.id, title=cur.title or base.title, kind=cur.kind or base.kind,
            date=cur.date or base.date, place=cur.place or base.place, participants=tuple(participants),
            reports=tuple(sorted(reports, key=lambda x: (x.source, _sentence_no(x.sentence)))),
            conflicts=tuple(dict.fromkeys(c for e in merged for c in e.conflicts)), curated=True)
    return sorted(by_id.values(), key=lambda e: e.id)
