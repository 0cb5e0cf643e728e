"""Clean stage: Article -> Source. Page furniture out, captions marked, sentences split with stable ids.

Sentence ids are positional ("s1" is the headline), so the same text always gives the same anchors.
A quotation that runs over several sentences stays one sentence unit, so a quote and its attribution
("..., Zakharova was quoted as saying") are read together.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .data import load_lines, load_table
from .model import Article, Sentence, Source

OPENERS = "“"
CLOSERS = "”"
TERMINALS = ".!?"
MAX_SENTENCE = 2_000  # characters; the longest real news sentences, quotes included, are well under this
LONG_PARAGRAPH_WORDS = 20  # the first paragraph this long is where the story starts
DATELINE_PARAGRAPHS = 3  # a dateline opens one of the story's first paragraphs (after a subhead, say)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern]]:
    table = dict(load_table("boilerplate.yml"))
    # the agencies' names, longest first, fill the {agency} slot of the dateline patterns
    agencies = "|".join(re.escape(str(a)) for a in sorted(table.pop("wire_agencies", ()), key=len, reverse=True))
    whole = ("furniture", "credit", "bio", "story_end", "list_headers", "promo_headers")
    return {name: [re.compile(f"(?:{p})\\Z" if name in whole else p.replace("{agency}", agencies),
                              re.IGNORECASE if name != "dateline" else 0)
                   for p in patterns] for name, patterns in table.items()}


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
    return re.sub(r"\s+", " ", text).strip()


def _paragraphs(body: str, headline: str = "") -> tuple[list[tuple[str, str]], list[str]]:
    """Non-empty lines as paragraphs, each marked body or caption; furniture and credits dropped, and the
    headline where the page repeats it above the story (its title case would read as names)."""
    patterns = _patterns()
    kept: list[tuple[str, str]] = []
    dropped: list[str] = []
    story_started = False
    after_credit = False
    ended = False
    promo_links = False  # under a bare "READ MORE:": the lines that follow are links to other stories
    dateline_open = DATELINE_PARAGRAPHS  # body paragraphs left that may open with a dateline
    for raw in body.split("\n"):
        for placeholder in patterns.get("inline", ()):
            raw = placeholder.sub("", raw)  # "al-Assiri.{mosads}": the page's template token, not its text
        line = _squash(raw)
        if not line:
            continue
        if not story_started and headline and _same_words(line, headline):
            dropped.append(line)  # the page's title printed again above the story
            continue
        line, carried_by = _cut_at_end(line, patterns.get("trailing_credit", ()))
        if carried_by:
            dropped.append(carried_by)  # "... futile comments”.— AP": the wire that carried it
        line, credit = _cut_at_end(line, patterns.get("caption_credit", ()))
        if credit:
            dropped.append(credit)  # "... REUTERS/Jane Doe": the photo credit goes, its caption stays
            if line:
                kept.append(("caption", line))
            after_credit = not line  # a credit line alone: the caption is the next line
            continue
        if ended or any(p.match(line) for p in patterns["story_end"]) or \
                story_started and any(p.match(line) for p in patterns.get("list_headers", ())):
            ended = True  # the story is over: what follows is other stories' headlines
            dropped.append(line)
            continue
        if story_started and any(p.match(line) for p in patterns["bio"]):
            if kept and kept[-1][0] == "body" and _is_name_line(kept[-1][1]):
                dropped.append(kept.pop()[1])  # the author's name above the bio
            dropped.append(line)
            continue
        if promo_links and _headline_like(line):
            dropped.append(line)  # a link under "READ MORE:": another story's headline
            continue
        promo_links = any(p.match(line) for p in patterns.get("promo_headers", ()))
        if promo_links or any(p.match(line) for p in patterns["furniture"]):
            dropped.append(line)
            continue
        if len(line.split()) <= 15 and any(p.match(line) for p in patterns["credit"]):
            dropped.append(line)
            after_credit = True
            continue
        if not story_started and dateline_open:
            # a wire story's first paragraph opens with its dateline, however short the paragraph is
            line, dateline = _strip_dateline(line, patterns)
            if dateline:
                dropped.append(dateline)
                story_started, dateline_open, after_credit = True, 0, False
                kept.append(("body", line))
                continue
        if not story_started and _looks_like_caption(line, after_credit, patterns):
            kept.append(("caption", line))
            after_credit = False
            continue
        after_credit = False
        if not story_started and len(line.split()) >= LONG_PARAGRAPH_WORDS:
            story_started = True
        elif story_started and any(p.search(line) for p in patterns["caption_marker"]):
            kept.append(("caption", line))
            continue
        if story_started and dateline_open:
            dateline_open -= 1
            line, dateline = _strip_dateline(line, patterns)
            if dateline:
                dropped.append(dateline)
                dateline_open = 0
        kept.append(("body", line))
    return kept, dropped


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
    table = load_table("date_words.yml")
    return frozenset([*table["weekdays"], *(m for names in table["months"] for m in names)])


def _is_abbreviation(text: str, i: int) -> bool:
    if text[i] != ".":
        return False
    match = re.search(r"([A-Za-z.]+)$", text[max(0, i - 12):i])
    if not match:
        return False
    word = match.group(1)
    if word.lower() in {"a.m", "p.m"}:
        after = re.match(r"\s+([A-Z][a-z]+)", text[i + 1:])
        return bool(after) and after.group(1) in _day_words()  # "around 1 a.m. Saturday in Riyadh"
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isupper():
        return True  # an initial, or the last letter of U.S. / U.N.
    return word.lower().rstrip(".") in _abbreviations() or last.lower() in _abbreviations()
