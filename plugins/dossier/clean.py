"""Clean stage: Article -> Source. Page furniture out, captions marked, sentences split with stable ids.

Sentence ids are positional ("s1" is the headline), so the same text always gives the same anchors.
A quotation that runs over several sentences stays one sentence unit, so a quote and its attribution
("..., Zakharova was quoted as saying") are read together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache

from .data import boilerplate_table, date_words_table, load_lines, speech_table
from .model import Article, Sentence, Source

OPENERS = "“"
CLOSERS = "”"
TERMINALS = ".!?"
MAX_SENTENCE = 2_000  # characters; the longest real news sentences, quotes included, are well under this
LONG_PARAGRAPH_WORDS = 20  # the first paragraph this long is where the story starts
DATELINE_PARAGRAPHS = 3  # a dateline opens one of the story's first paragraphs (after a subhead, say)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern]]:
    table = boilerplate_table()
    # the agencies' names, longest first, fill the {agency} slot of the dateline patterns
    agencies = "|".join(re.escape(a) for a in sorted(table.wire_agencies, key=len, reverse=True))
    whole = ("furniture", "credit", "contributors", "bio", "story_end", "list_headers", "promo_headers")
    return {name: [re.compile(f"(?:{p})\\Z" if name in whole else p.replace("{agency}", agencies),
                              re.IGNORECASE if name != "dateline" else 0)
                   for p in getattr(table, name)]
            for name in (f.name for f in fields(table)) if name != "wire_agencies"}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_lines("abbreviations.txt"))


def clean(article: Article) -> Source:
    headline = _without_label(_squash(article.headline))
    paragraphs, dropped = _paragraphs(article.body, headline)
    sentences = [Sentence("s1", headline, 0, "headline")] if headline else []
    for number, (kind, text) in enumerate(paragraphs, start=1):
        for piece in split_sentences(text):
            sentences.append(Sentence(f"s{len(sentences) + 1}", piece, number, kind))
    return Source(id=article.id, file=article.file, title=article.title or article.headline or article.id,
                  sentences=tuple(sentences), outlet=article.outlet, url=article.url,
                  published=article.published, author=article.author, label=article.label,
                  dropped=tuple(dropped))


def _without_label(headline: str) -> str:
    """The headline without a desk's label in front ("Exclusive-US says ..."): the label would read as a
    word of the first name."""
    for pattern in _patterns().get("headline_label", ()):
        cut = pattern.sub("", headline, count=1)
        if cut != headline:
            return cut
    return headline


def _same_words(a: str, b: str) -> bool:
    """The same words, whatever the case, spacing and punctuation."""
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _squash(text: str) -> str:
    """Runs of white space as one space; a possessive typed twice ("North Korea’s ’s Foreign Ministry", a
    slip of the page's editing) as one, so that the parser reads the body as the country's; a reporting verb
    glued to its "that" ("Yun Suk-yeol statedthat if ...", a space lost at a tag's edge) apart again."""
    text = _DOUBLE_POSSESSIVE.sub(r"\1", re.sub(r"\s+", " ", text)).strip()
    return _glued_that().sub(r"\1 \2", text)


_DOUBLE_POSSESSIVE = re.compile(r"(['’]s) \1(?!\w)")


@lru_cache(maxsize=1)
def _glued_that() -> re.Pattern:
    """A reporting verb's past or present form (data/speech.yml `verbs`) run into "that"."""
    table = speech_table()
    forms = set(table.irregular_forms)
    for verb in table.verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {stem + "ed", verb + "s", verb + "es"} | ({verb[:-1] + "ied", verb[:-1] + "ies"} if verb.endswith("y") else set())
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"\b({alternatives})(that)\b", re.IGNORECASE)


@dataclass
class _Page:
    """What the line rules know of a page as they read it top to bottom."""
    patterns: dict
    headline: str
    kept: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    story_started: bool = False
    after_credit: bool = False  # a credit line alone: the caption is the next line
    ended: bool = False
    promo_links: bool = False  # under a bare "READ MORE:": the lines that follow are links to other stories
    dateline_open: int = DATELINE_PARAGRAPHS  # body paragraphs left that may open with a dateline

    def matches(self, name: str, line: str) -> bool:
        return any(p.match(line) for p in self.patterns.get(name, ()))


def _paragraphs(body: str, headline: str = "") -> tuple[list[tuple[str, str]], list[str]]:
    """Non-empty lines as paragraphs, each marked body or caption; furniture and credits dropped, and the
    headline where the page repeats it above the story (its title case would read as names). Each line
    goes through the rules in order until one places it (keeps or drops it); a rule may also cut it."""
    page = _Page(_patterns(), headline)
    for raw in body.split("\n"):
        for placeholder in page.patterns.get("inline", ()):
            raw = placeholder.sub("", raw)  # "al-Assiri.{mosads}": the page's template token, not its text
        line: str | None = _squash(raw)
        if not line:
            continue
        for _name, rule in _LINE_RULES:
            line = rule(page, line)
            if line is None:
                break
    return page.kept, page.dropped


def _repeated_headline(page: _Page, line: str) -> str | None:
    if not page.story_started and page.headline and _same_words(line, page.headline):
        page.dropped.append(line)  # the page's title printed again above the story
        return None
    return line


def _trailing_credit(page: _Page, line: str) -> str | None:
    line, carried_by = _cut_at_end(line, page.patterns.get("trailing_credit", ()))
    if carried_by:
        page.dropped.append(carried_by)  # "... futile comments”.— AP": the wire that carried it
    return line


def _caption_credit(page: _Page, line: str) -> str | None:
    line, credit = _cut_at_end(line, page.patterns.get("caption_credit", ()))
    if not credit:
        return line
    page.dropped.append(credit)  # "... REUTERS/Jane Doe": the photo credit goes, its caption stays
    if line:
        page.kept.append(("caption", line))
    page.after_credit = not line
    return None


def _story_end(page: _Page, line: str) -> str | None:
    if page.ended or page.matches("story_end", line) or page.story_started and page.matches("list_headers", line):
        page.ended = True  # the story is over: what follows is other stories' headlines
        page.dropped.append(line)
        return None
    return line


def _author_bio(page: _Page, line: str) -> str | None:
    if not (page.story_started and page.matches("bio", line)):
        return line
    if page.kept and page.kept[-1][0] == "body" and _is_name_line(page.kept[-1][1]):
        page.dropped.append(page.kept.pop()[1])  # the author's name above the bio
    page.dropped.append(line)
    return None


def _promo_link(page: _Page, line: str) -> str | None:
    if page.promo_links and _headline_like(line):
        page.dropped.append(line)  # a link under "READ MORE:": another story's headline
        return None
    return line


def _furniture(page: _Page, line: str) -> str | None:
    page.promo_links = page.matches("promo_headers", line)
    if page.promo_links or page.matches("furniture", line):
        page.dropped.append(line)
        return None
    return line


def _credit_line(page: _Page, line: str) -> str | None:
    if (len(line.split()) <= 15 and page.matches("credit", line)) or page.matches("contributors", line):
        page.dropped.append(line)
        page.after_credit = True
        return None
    return line


def _opening_dateline(page: _Page, line: str) -> str | None:
    """A wire story's first paragraph opens with its dateline, however short the paragraph is."""
    if page.story_started or not page.dateline_open:
        return line
    line, dateline = _strip_dateline(line, page.patterns)
    if not dateline:
        return line
    page.dropped.append(dateline)
    page.story_started, page.dateline_open, page.after_credit = True, 0, False
    page.kept.append(("body", line))
    return None


def _caption_before_story(page: _Page, line: str) -> str | None:
    if not page.story_started and _looks_like_caption(line, page.after_credit, page.patterns):
        page.kept.append(("caption", line))
        page.after_credit = False
        return None
    return line


def _body(page: _Page, line: str) -> None:
    """The story's own paragraphs: the first long one starts it; a marked caption inside it stays a
    caption; a dateline may still open one of its first paragraphs."""
    page.after_credit = False
    if not page.story_started and len(line.split()) >= LONG_PARAGRAPH_WORDS:
        page.story_started = True
    elif page.story_started and any(p.search(line) for p in page.patterns["caption_marker"]):
        page.kept.append(("caption", line))
        return None
    if page.story_started and page.dateline_open:
        page.dateline_open -= 1
        line, dateline = _strip_dateline(line, page.patterns)
        if dateline:
            page.dropped.append(dateline)
            page.dateline_open = 0
    page.kept.append(("body", line))
    return None


_LINE_RULES = [
    ("repeated headline", _repeated_headline),
    ("trailing credit", _trailing_credit),
    ("caption credit", _caption_credit),
    ("story end", _story_end),
    ("author bio", _author_bio),
    ("promo link", _promo_link),
    ("furniture", _furniture),
    ("credit line", _credit_line),
    ("opening dateline", _opening_dateline),
    ("caption before story", _caption_before_story),
    ("body", _body),
]


PROMO_WORDS = 20  # a link's headline is shorter than this


def _headline_like(line: str) -> bool:
    """A headline, not a sentence: words, no sentence's end, short."""
    return any(c.isalpha() for c in line) and line.rstrip()[-1] not in TERMINALS + "\"”’" \
        and len(line.split()) < PROMO_WORDS


def _is_name_line(line: str) -> bool:
    """A bare name on its own line ("Allan Woods"): two to four capitalised words, no sentence."""
    words = line.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and line[-1] not in TERMINALS


def _looks_like_caption(line: str, after_credit: bool, patterns: dict) -> bool:
    """Before the story starts: a line under a credit, a line with a photo marker, or a bare name line."""
    if after_credit or any(p.search(line) for p in patterns["caption_marker"]):
        return True
    words = line.split()
    return len(words) <= 8 and line[-1] not in TERMINALS + "\"”’"


def _cut_at_end(line: str, patterns: list[re.Pattern]) -> tuple[str, str]:
    """(the line before it, the credit) when the line ends with a credit one of the patterns finds, else
    (line, ""): a photo credit after a caption (caption_credit), a wire credit after a paragraph's last
    sentence (trailing_credit)."""
    for pattern in patterns:
        match = pattern.search(line)
        if match:
            return line[:match.start()].strip(), match.group(0).strip()
    return line, ""


def _strip_dateline(line: str, patterns: dict) -> tuple[str, str]:
    for pattern in patterns["dateline"]:
        match = pattern.match(line)
        if match and len(line) - match.end() > 40:
            return line[match.end():], match.group(0).strip()
    return line, ""


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; falls back to ignoring quotes when a quote never closes."""
    pieces = _split(text, respect_quotes=True)
    if pieces is None:
        pieces = _split(text, respect_quotes=False)
    return [p for piece in pieces for p in _bounded(piece.strip()) if p]


def _bounded(piece: str) -> list[str]:
    """A "sentence" longer than any real one (text with no full stops) is cut at spaces, so parsing and
    extraction stay linear in the article's length instead of working on one enormous sentence."""
    out = []
    while len(piece) > MAX_SENTENCE:
        cut = piece.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        out.append(piece[:cut].strip())
        piece = piece[cut:].strip()
    return out + [piece]


def _split(text: str, respect_quotes: bool) -> list[str] | None:
    """One pass with a quote state; None when respecting quotes and a quote never closes."""
    pieces, start, in_quote, i = [], 0, False, 0
    while i < len(text):
        c = text[i]
        if c in OPENERS or c in CLOSERS:
            in_quote = c in OPENERS
        elif c == '"':
            in_quote = not in_quote
            if in_quote and i > 0 and text[i - 1] in TERMINALS and _starts_sentence(text, i + 1):
                pieces.append(text[start:i])  # `Ukraine."The accusations`: a glued opening quote
                start = i
        elif c in TERMINALS:
            end, in_quote_after = _end_of_terminal(text, i, in_quote)
            if ((not in_quote_after or not respect_quotes) and not _is_abbreviation(text, i)
                    and _boundary_follows(text, end)):
                pieces.append(text[start:end])
                start = end
            in_quote, i = in_quote_after, end
            continue
        i += 1
    if in_quote and respect_quotes:
        return None
    pieces.append(text[start:])
    return pieces


def _end_of_terminal(text: str, i: int, in_quote: bool) -> tuple[int, bool]:
    """Past a run of stops and closing marks; a straight quote there closes only an open quote."""
    end = i + 1
    while end < len(text):
        c = text[end]
        if c in TERMINALS or c in ")]’'":
            end += 1
        elif c in CLOSERS or (c == '"' and in_quote):
            in_quote = False
            end += 1
        else:
            break
    return end, in_quote


def _starts_sentence(text: str, j: int) -> bool:
    return j < len(text) and (text[j].isupper() or text[j].isdigit())


def _boundary_follows(text: str, end: int) -> bool:
    """Whitespace then a capital, digit or opening quote; or a glued capitalised word (`resolutions.Earlier`)."""
    if end >= len(text):
        return False
    if text[end].isspace():
        j = end
        while j < len(text) and text[j].isspace():
            j += 1
        return j < len(text) and (text[j].isupper() or text[j].isdigit() or text[j] in OPENERS + '"‘(')
    if text[end] in OPENERS:
        return _starts_sentence(text, end + 1)
    return text[end].isupper() and end + 1 < len(text) and text[end + 1].islower()


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """Weekday and month names: after a clock time ("1 a.m. Saturday") they go on the sentence."""
    table = date_words_table()
    return frozenset([*table.weekdays, *(m for names in table.months for m in names)])


def _is_abbreviation(text: str, i: int) -> bool:
    if text[i] != ".":
        return False
    match = re.search(r"([A-Za-z.]+)$", text[max(0, i - 12):i])
    if not match:
        return False
    word = match.group(1)
    if word.lower() in date_words_table().clock_abbreviations:
        after = re.match(r"\s+([A-Z][a-z]+)", text[i + 1:])
        return bool(after) and after.group(1) in _day_words()  # "around 1 a.m. Saturday in Riyadh"
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isupper():
        return True  # an initial, or the last letter of U.S. / U.N.
    return word.lower().rstrip(".") in _abbreviations() or last.lower() in _abbreviations()
