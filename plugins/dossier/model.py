"""The records that flow between stages: frozen dataclasses, nothing else.

Every fact carries its provenance (source id, sentence id, character span within the sentence) from the
clean stage on, so "every fact links to its sentence" holds by construction. This module imports nothing
of ours; every stage imports it.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date

def name_key(name: str) -> str:
    """The comparison key of a name: case, accents, dots, hyphens, a leading 'the' and a possessive 's
    ignored, so "the U.S." and "US", "Kim Jong-un" and "Kim Jong Un" compare equal. Names in other
    scripts keep their letters (ASCII folding would leave nothing of "Мария Захарова")."""
    text = name.replace("\u2019", "'")  # before the folding, which would drop it: "Zakharova’s"
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    if not re.search(r"[a-z0-9]", folded):
        folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.replace("-", " ").replace(".", "")
    folded = re.sub(r"'s\b", "", folded)
    folded = re.sub(r"^the\s+", "", folded.strip())
    return re.sub(r"\s+", " ", folded).strip()


def slugify(text: str, fallback: str = "item") -> str:
    """Lowercase ASCII slug (the ids of actors, events and claims); a name mostly in another script keeps
    a stable hex tail of its text (a fallback word and eight hex digits), so ids stay unique and safe."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    if not slug or len(ascii_text.strip()) < len(text.strip()) / 2:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug}-{digest}".strip("-") if slug else f"{fallback}-{digest}"
    return slug


@dataclass(frozen=True)
class Problem:
    """A message about an input file, with where to look: every stage reports bad input as these."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


ACTOR_KINDS = ("person", "organization", "country", "group", "other")
STANCES = ("supports", "denies", "rejects", "dismisses", "declines-comment", "counter-accuses")
PRECISIONS = ("day", "month", "year")


class Confidence:
    """One scale (0 to 1) for how sure the machine is of a record, each level named by what earns it.
    Resolve reads the same scale: a report below CAPTION joins an event but never makes one, an answer
    below REVIEW is listed on review/. Levels a language table sets (data/events.yml
    `publication_day.confidence`) default to the level named here."""

    CERTAIN = 1.0  # a direct quote whose cue names its speaker
    DATED = 0.9  # an event report in running text with a date of its own; a held quotation whose
    #              closing sentence names its speaker
    REPORTED = 0.8  # reported (not quoted) words with a named speaker
    NEWS_LEAD = 0.7  # an undated news lead dated by the publication day
    STEP = 0.1  # one step below a level: undated speech, or what is going on, below a news lead
    REVIEW = 0.6  # below this, an answer placed under a claim is listed on review/
    CAPTION = 0.5  # a report in a photo caption, or after the article's news: joins, never makes alone
    CONTINUED_QUOTE = 0.5  # a quotation standing alone, taken as the last speaker's words
    NO_SPEAKER = 0.4  # words whose speaker was not found
    # claims and the answers placed on them (extract/claims/)
    NAMED_ANSWER = 0.9  # an answer that names the allegation or its makers
    OWN_SIDE = 0.8  # an answer to the charge against its own side (or the side its words speak for)
    ALLEGATION = 0.8  # a claim some wording of which charges a side or accuses
    BY_WORDS = 0.6  # an answer placed by its words or by a rule of thumb (the main charge, a contrast)
    BY_CONTEXT = 0.5  # an answer placed by the sentences around it, or on a charge read from its denial
    PLAIN_CLAIM = 0.5  # a contested assertion that charges nobody, or a charge read from its denial
    # actor mentions and the actors made of them (extract/actors/, resolve/actors/)
    CAPTION_MENTION = 0.6  # a name in a photo caption: kept for the reader, trusted less
    KEEP = 0.5  # an actor below this goes to review/, not into the dossier; a mention below it is no evidence
    WEAK = 0.4  # an actor named once in passing, neither acting nor titled: listed on review/
    FURNITURE = 0.3  # a name in a byline or page furniture, or an actor named only there: not in the story


# ---------------------------------------------------------------- read / clean


@dataclass(frozen=True)
class Article:
    """One seed file with its metadata, as read; the text is not cleaned yet."""

    id: str  # the seed's file name without extension, slugged
    file: str  # path relative to the folder of mkdocs.yml, with forward slashes
    headline: str
    body: str
    title: str | None = None  # curated title; the headline stays the article's first sentence
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Sentence:
    id: str  # "s1", "s2", ... in reading order; s1 is the headline
    text: str
    paragraph: int  # 0 is the headline
    kind: str = "body"  # headline | body | caption (a photo caption kept for the reader, trusted less)

    @property
    def headline(self) -> bool:
        return self.kind == "headline"


@dataclass(frozen=True)
class Source:
    """A cleaned article: metadata plus its sentences. What was dropped is kept for the review page."""

    id: str
    file: str
    title: str
    sentences: tuple[Sentence, ...]
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    label: str | None = None
    dropped: tuple[str, ...] = ()  # lines cleaning removed (captions, promos, page furniture)

    def sentence(self, sid: str) -> Sentence:
        for s in self.sentences:
            if s.id == sid:
                return s
        raise KeyError(sid)


@dataclass(frozen=True)
class Ref:
    """Where a fact was read: a span of one sentence of one source."""

    source: str
    sentence: str
    start: int = 0
    end: int = 0


# ---------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateSpan:
    """A date or range at a precision. For month and year precision, start is the first day."""

    start: date
    end: date | None = None
    precision: str = "day"

    def iso(self) -> dict:
        return {"start": cut(self.start, self.precision),
                "end": cut(self.end, self.precision) if self.end else None,
                "precision": self.precision}

    def sort_key(self) -> tuple:
        return (self.start, PRECISIONS.index(self.precision), self.end or self.start)


def last_day(span: DateSpan) -> date:
    """The last calendar day a span covers, at its precision (31 July 2023 for "July 2023")."""
    end = span.end or span.start
    if span.precision == "year":
        return date(end.year, 12, 31)
    if span.precision == "month":
        return date(end.year, end.month, monthrange(end.year, end.month)[1])
    return max(end, span.start)


def cut(d: date, precision: str) -> str:
    """ISO string cut to its precision: 2023-07 for July 2023."""
    return d.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def parse_iso(value: str | date | int) -> DateSpan:
    """A curated date: "2023", "2023-07", "2023-10-18" or a range of two of these joined by "/".

    YAML reads an unquoted 2023-10-18 as a date and 2023 as an int; both are accepted as such.
    """
    if isinstance(value, date):
        return DateSpan(value, None, "day")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date: {ISO_FORMS}")
    ends = value.strip().split("/")
    if len(ends) > 2:
        raise ValueError(f"{value!r} is not a date: a range has two ends; {ISO_FORMS}")
    (start, precision), *rest = [parse_iso_end(end, value) for end in ends]
    if not rest:
        return DateSpan(start, None, precision)
    end, end_precision = rest[0]
    if end_precision != precision:
        raise ValueError(f"{value!r}: both ends of a range need the same precision "
                         f"(here {precision} and {end_precision})")
    if end < start:
        raise ValueError(f"{value!r}: the range ends before it starts")
    return DateSpan(start, end if end != start else None, precision)


ISO_FORMS = "expected 2023, 2023-07, 2023-10-18 or a range like 2023-10-18/2023-10-19"
ISO_END = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_iso_end(text: str, whole: str) -> tuple[date, str]:
    """One end of a curated date, with the precision its length gives."""
    found = ISO_END.fullmatch(text.strip())
    if not found:
        raise ValueError(f"{whole!r} is not a date: {ISO_FORMS}")
    year, month, day = found.groups()
    precision = "day" if day else "month" if month else "year"
    try:
        return date(int(year), int(month or 1), int(day or 1)), precision
    except ValueError as error:  # 2023-13 or 2023-02-30
        raise ValueError(f"{whole!r} is not a date: {error}") from None


def format_span(span: DateSpan) -> str:
    """The human form: "13 September 2023", "18–19 October 2023", "30 September – 2 October 2023",
    "July 2023", "August–October 2023", "2023", "2019–2023"."""
    start = span.start
    end = span.end if span.end and cut(span.end, span.precision) != cut(start, span.precision) else None
    if span.precision == "year":
        return f"{start.year}–{end.year}" if end else f"{start.year}"
    if span.precision == "month":
        if not end:
            return f"{MONTHS[start.month - 1]} {start.year}"
        if end.year == start.year:
            return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
        return f"{MONTHS[start.month - 1]} {start.year} – {MONTHS[end.month - 1]} {end.year}"
    if not end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    if end.year == start.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{start.day} {MONTHS[start.month - 1]} {start.year} – {end.day} {MONTHS[end.month - 1]} {end.year}"


@dataclass(frozen=True)
class TimeExpr:
    """A temporal expression found in a sentence, normalised against the publication date."""

    ref: Ref
    text: str
    span: DateSpan | None  # None: found but could not be resolved (see reason)
    relative: bool = False  # depended on the publication date or an earlier date in the text
    reason: str | None = None  # why span is None, or a note on how it was resolved


# ---------------------------------------------------------------- extraction records


@dataclass(frozen=True)
class Mention:
    """A surface form that names an actor (or may: confidence says how sure)."""

    ref: Ref
    text: str  # the name as written, without title or determiner
    label: str  # NER label or the rule that found it (PERSON, ORG, GPE, NORP, TITLE, ACRONYM, ...)
    kind: str | None = None  # evidence for the actor's kind from this mention
    role: str | None = None  # a title or apposition attached to this mention ("Kremlin spokesman")
    role_org: str | None = None  # the organisation named in that role ("Kremlin"), if any
    confidence: float = 1.0
    acts: bool = False  # grammatically an agent here (subject, speaker, possessor of an act), not a place
    # a news outlet at its newsroom work here ("X reported that ...", "told X"), not acted upon nor
    # interviewing: whether it is a party to the story is decided dossier-wide (does anyone answer it?)
    reporting: bool = False


@dataclass(frozen=True)
class DroppedName:
    """A name extraction found and did not take for an actor, with why: listed for review, not lost."""

    mention: Mention
    reason: str  # "only qualifies a noun", "a place that does not act", ...


@dataclass(frozen=True)
class EventReport:
    """One sentence reporting a happening."""

    ref: Ref
    trigger: str  # the word that makes it a happening ("visited", "summit")
    kind: str  # visit, meeting, statement, ...
    date: DateSpan | None
    date_text: str
    participants: tuple[str, ...] = ()  # mention texts, resolved to actor ids later
    participant_refs: tuple[Ref, ...] = ()  # their spans, same order
    place: str | None = None
    text: str = ""  # the sentence (or clause) reporting it
    numbers: tuple[str, ...] = ()  # quantities given, compared across reports for conflicts
    confidence: float = 1.0
    title: str = ""  # a chronology-style title; {0}, {1}, ... stand for participants, named when resolved
    agents: int = 0  # the first `agents` participants are the doers (subjects); the rest are others
    account: bool = False  # told inside someone's words: their account of it, titled as such


@dataclass(frozen=True)
class StatementRecord:
    """Attributed words: a quote or reported speech, with its speaker as written."""

    ref: Ref  # span of the quoted or reported words within the sentence
    speaker_text: str | None
    speaker_ref: Ref | None
    cue: str  # said, denied, according to, ...
    text: str
    direct: bool
    date: DateSpan | None = None
    confidence: float = 1.0
    # further speakers of the same words ("Russia and North Korea have denied ..."), as written
    co_speakers: tuple[str, ...] = ()
    co_speaker_refs: tuple[Ref | None, ...] = ()
    # the title an unnamed speaker is written with ("foreign minister" of "Ukraine's foreign minister said"),
    # where the speaker found is the state it serves: the dossier may know who holds it
    speaker_title: str | None = None


@dataclass(frozen=True)
class ResponseRecord:
    """A statement answering a claim, before actor ids are known."""

    statement_index: int  # index into the statement records
    stance: str
    claim_key: str  # key of the ClaimRecord it answers
    quote: str
    actor_text: str | None = None  # for responses with several actors ("Russia and North Korea denied")
    confidence: float = 1.0
    actor_ref: Ref | None = None  # where that actor is named, so resolve links the mention, not the name


@dataclass(frozen=True)
class ClaimRecord:
    """A proposition asserted by one or more statements."""

    key: str
    text: str
    statement_indexes: tuple[int, ...]
    claimant_texts: tuple[str, ...] = ()
    counter_to: str | None = None  # key of the claim this one turns back on its makers
    confidence: float = 1.0
    charged: tuple[str, ...] = ()  # the sides it charges ('@ISO3')
    # what the claim is, in words that do not change with its wording: the charged side's name and the
    # claim's heaviest topic words (its id is made from them, so that an edited number keeps the id)
    identity: str = ""


@dataclass(frozen=True)
class UnplacedAnswer:
    """An answer the claims stage could not place on a claim with confidence: for review/, not a guess."""

    statement_index: int
    stance: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    """Everything the extract stage found, per dossier, before curation."""

    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[EventReport, ...] = ()
    statements: tuple[StatementRecord, ...] = ()
    claims: tuple[ClaimRecord, ...] = ()
    responses: tuple[ResponseRecord, ...] = ()
    dropped: tuple[DroppedName, ...] = ()  # names not taken for actors, for the review page
    unplaced: tuple["UnplacedAnswer", ...] = ()  # answers no claim clearly takes, for the review page


@dataclass(frozen=True)
class ArticleMentions:
    """One article's actor mentions before the dossier-wide judgement of which names are only adjectives
    of identity (extract/actors/): each mention with how it stands in its sentence, and what the article
    says of each name's use. Cached per article; the judgement reads these, never the parsed docs."""

    mentions: tuple[Mention, ...] = ()
    adjectival: tuple[bool, ...] = ()  # per mention: a group named by its adjective ("Western governments")
    qualifies: tuple[bool, ...] = ()  # per mention: its last word qualifies a noun after it ("B.C. Sikh leader")
    describes: tuple[tuple[str, bool], ...] = ()  # name (lower case) -> every body use here only qualifies a noun
    dropped: tuple[DroppedName, ...] = ()  # names this article's sentences do not take for actors


@dataclass(frozen=True)
class StatementReading:
    """What the claims stage reads in one statement from its own article (extract/claims/
    read_statement): kept with the article, so that a build reads again only the statements of the
    articles that changed. The sides of the people it names come from the whole dossier (a name's title
    may be given in another article): `people` keeps each name it looked up with the side it had then,
    and the reading is made again when one of them has another."""

    accused: frozenset[str] = frozenset()  # the sides its words charge (its speakers' own not yet taken out)
    cleared: frozenset[str] = frozenset()  # the sides its words say did not do the act
    stance: str | None = None  # from its verb and words (the claims stage may still turn it)
    shifts_blame: bool = False  # "trying to pin it on X"
    neither_confirms: bool = False  # "would not confirm or deny"
    named: tuple[str | None, tuple[str, ...]] | None = None  # an allegation it names: (content, makers)
    words: tuple[tuple[str, float], ...] = ()  # its weighted content words, in order
    context: tuple[tuple[str, float], ...] = ()  # those of the sentences before it
    people: tuple[tuple[str, str | None], ...] = ()  # names looked up as people -> the side each had


@dataclass(frozen=True)
class ArticleExtraction:
    """What extraction found in one article, stored by the article's content key (extract/__init__.py).
    The parts that read dossier-wide knowledge carry a digest of the slice they read: `candidates` of the
    acronyms the corpus defines that occur here, `events` and `statements` of the article's mentions
    after the dossier-wide judgement. A part whose digest no longer matches is made again; `readings`
    (one per statement, made with them) say themselves which dossier-wide sides they read."""

    source: str
    defined: tuple[tuple[str, str], ...] = ()  # acronyms this article defines as no actor -> why
    times: tuple[TimeExpr, ...] = ()
    things_key: str = ""
    candidates: ArticleMentions = ArticleMentions()
    mentions_key: str = ""
    events: tuple[EventReport, ...] = ()
    statements: tuple[StatementRecord, ...] = ()
    readings: tuple[StatementReading, ...] | None = None  # the claims stage's, per statement; None: not made


# ---------------------------------------------------------------- resolved dossier


@dataclass(frozen=True)
class MentionRef:
    source: str
    sentence: str
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliations: tuple[str, ...] = ()
    curated: bool = False
    confidence: float = 1.0
    mentions: tuple[MentionRef, ...] = ()


@dataclass(frozen=True)
class Report:
    source: str
    sentence: str
    text: str
    date_text: str = ""
    date: DateSpan | None = None


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    kind: str
    date: DateSpan | None
    place: str | None = None
    participants: tuple[str, ...] = ()
    reports: tuple[Report, ...] = ()
    conflicts: tuple[str, ...] = ()
    curated: bool = False


@dataclass(frozen=True)
class Statement:
    id: str
    speaker: str | None
    source: str
    sentence: str
    text: str
    direct: bool
    cue: str
    date: DateSpan | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Response:
    actor: str
    stance: str
    source: str
    quote: str
    statement: str | None = None
    sentence: str | None = None
    curated: bool = False
    confidence: float = 1.0  # how sure the machine is that this answer belongs under this claim


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    claimants: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    responses: tuple[Response, ...] = ()
    counter_to: str | None = None
    first_made: DateSpan | None = None
    curated: bool = False
    confidence: float = 1.0  # how sure the machine is that this is an allegation or contested assertion


@dataclass(frozen=True)
class ReviewItem:
    """Something the machine is unsure of, with what would settle it."""

    kind: str  # low-confidence-actor, unattributed-quote, unresolved-date, ...
    message: str
    source: str | None = None
    sentence: str | None = None
    fix: str | None = None  # the YAML that would settle it


@dataclass(frozen=True)
class Dossier:
    title: str
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    claims: tuple[Claim, ...]
    review: tuple[ReviewItem, ...] = ()
    timings: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Resolved:
    """The resolve stage's output: the dossier, and what is broken in the curation files."""

    dossier: Dossier
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class RenderedPages:
    """The generated pages of a dossier (src_uri -> Markdown), as stored between builds."""

    pages: dict
