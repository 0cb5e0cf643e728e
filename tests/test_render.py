"""Render stage: pages from a small hand-made Dossier full of hostile text. No spaCy, no mkdocs build."""
from __future__ import annotations

import csv
import html
import io
import re
from datetime import date
from pathlib import Path

import markdown
import pytest

from dossier.model import (Actor, Claim, DateSpan, Dossier, Event, MentionRef, Report, Response,
                           ReviewItem, Sentence, Source, Statement)
from dossier.render import ASSETS, render_csv, render_site
from dossier.render import dates
from dossier.render.escape import safe_url, text, text_fragment

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition"]
SCRIPT = "<script>alert(1)</script>"
JSLINK = "[x](javascript:alert(1))"

S1 = "Zakharova rebukes Western claims"
S2 = f"Maria Zakharova said the claims by John Kirby were {SCRIPT} unfounded."
S3 = f"Kirby said the DPRK had sent arms {JSLINK} to Russia."
S4 = "Lavrov visited Pyongyang on October 18-19 with {{ config }} and {% raw %} and --8<-- \"x\"."
S5 = "Photo: **bold** _under_ [[Name]] `code` | pipe # hash"
S6 = "'Kim visited Russia in September', the agency said."


def hostile_dossier() -> Dossier:
    a = Source(id="a", file="seeds/a.txt", title="Zakharova rebukes Western claims <b>now</b>",
               outlet="Al Mayadeen | English", url="https://example.com/a?x=1&y=2", published=date(2023, 11, 11),
               author="Staff *writer*", label="Russian state media",
               sentences=(Sentence("s1", S1, 0, "headline"), Sentence("s2", S2, 1), Sentence("s3", S3, 1),
                          Sentence("s4", S4, 2), Sentence("s5", S5, 3, "caption")),
               dropped=("Read more: <script>x()</script>",))
    b = Source(id="b", file="seeds/b.txt", title="Kim's trip", outlet="Wire", url="javascript:alert(1)",
               published=date(2023, 11, 20), sentences=(Sentence("s1", "Kim's trip", 0, "headline"),
                                                       Sentence("s2", S6, 1)))
    zakharova = Actor(id="maria-zakharova", name="Maria Zakharova", kind="person", aliases=("Zakharova",),
                      role="Foreign Ministry spokeswoman", affiliations=("russian-foreign-ministry",), curated=True,
                      mentions=(MentionRef("a", "s1", "Zakharova", 0, 9), MentionRef("a", "s2", "Maria Zakharova", 0, 15),
                                MentionRef("a", "s2", "Zakharova", 6, 15)))
    kirby = Actor(id="john-kirby", name="John Kirby", kind="person", role="White House <i>coordinator</i>",
                  mentions=(MentionRef("a", "s2", "John Kirby", S2.index("John"), S2.index("John") + 10), MentionRef("a", "s3", "Kirby", 0, 5)))
    ministry = Actor(id="russian-foreign-ministry", name="Russian Foreign Ministry", kind="organization")
    evil = Actor(id="evil", name=f"[[Name]] {SCRIPT} **bold**", kind="group",
                 mentions=(MentionRef("a", "s5", "[[Name]]", S5.index("[["), S5.index("[[") + 8),))
    russia = Actor(id="russia", name="Russia", kind="country",
                   mentions=(MentionRef("a", "s3", "Russia", S3.index("Russia"), S3.index("Russia") + 6),
                             MentionRef("b", "s2", "Russia", S6.index("Russia"), S6.index("Russia") + 6)))
    kim = Actor(id="kim-jong-un", name="Kim Jong Un", kind="person",
                mentions=(MentionRef("b", "s2", "Kim", 1, 4), MentionRef("b", "s1", "Kim", 0, 3)))
    visit = Event(id="lavrov-visit", title="Lavrov visits {{ Pyongyang }}", kind="visit",
                  date=DateSpan(date(2023, 10, 18), date(2023, 10, 19), "day"), place="Pyongyang",
                  participants=("russia", "maria-zakharova"),
                  reports=(Report("a", "s4", S4, "October 18-19", DateSpan(date(2023, 10, 18), date(2023, 10, 19))),),
                  conflicts=("Sources give <b>different</b> dates",))
    trip = Event(id="kim-trip", title="Kim visits Russia", kind="visit", date=DateSpan(date(2023, 9, 1), None, "month"),
                 participants=("kim-jong-un", "russia"), reports=(Report("b", "s2", S6, "in September"),))
    vague = Event(id="talks", title="Talks", kind="meeting", date=None, reports=(Report("a", "s3", S3),))
    statements = (
        Statement("st1", "john-kirby", "a", "s3", "the DPRK had sent arms [x](javascript:alert(1)) to Russia", False,
                  "said", DateSpan(date(2023, 10, 13))),
        Statement("st2", "maria-zakharova", "a", "s2", f"the claims were {SCRIPT} unfounded", False, "said",
                  DateSpan(date(2023, 11, 11))),
    )
    arms = Claim(id="dprk-arms", text="The DPRK sent arms to Russia `|` {{ x }}", claimants=("john-kirby",),
                 statements=("st1",), first_made=DateSpan(date(2023, 10, 13)),
                 responses=(Response("maria-zakharova", "rejects", "a", f"the claims were {SCRIPT} unfounded", "st2", "s2"),
                            Response("russia", "denies", "b", "=HYPERLINK(\"x\")", None, "s2")))
    counter = Claim(id="us-breaches", text="The US breaches resolutions", claimants=("maria-zakharova",),
                    counter_to="dprk-arms")
    review = (ReviewItem("unresolved-date", "Could not resolve “in the fall” **bold**", "a", "s4",
                         "- id: x\n  note: \"```` {{ y }} </pre> <script>\"\n\n  date: 2023-10"),
              ReviewItem("low-confidence-actor", f"Is {SCRIPT} an actor?", None, None, None))
    return Dossier(title="Test", sources=(a, b), actors=(evil, kim, kirby, zakharova, russia, ministry),
                   events=(visit, trip, vague), statements=statements, claims=(arms, counter), review=review)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(hostile_dossier())


def html_of(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


def visible(page_html: str) -> str:
    """What a browser shows: tags out, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page_html))


def test_every_page_is_there(pages):
    expected = {"sources/index.md", "actors/index.md", "events/index.md", "claims/index.md", "chronology/index.md",
                "review/index.md", "network/index.md", "outlets/index.md", "sources/a.md", "sources/b.md", "events/lavrov-visit.md", "events/kim-trip.md",
                "events/talks.md", "claims/dprk-arms.md", "claims/us-breaches.md"}
    expected |= {f"actors/{a}.md" for a in ("evil", "kim-jong-un", "john-kirby", "maria-zakharova", "russia",
                                              "russian-foreign-ministry")}
    assert set(pages) == expected
    assert "index.md" not in pages


def test_deterministic():
    assert render_site(hostile_dossier()) == render_site(hostile_dossier())
    assert list(render_site(hostile_dossier())) == sorted(render_site(hostile_dossier()))


@pytest.mark.parametrize("uri", ["sources/a.md", "sources/b.md", "actors/evil.md", "actors/maria-zakharova.md",
                                 "actors/index.md", "claims/index.md", "claims/dprk-arms.md", "events/lavrov-visit.md",
                                 "events/index.md", "chronology/index.md", "review/index.md", "sources/index.md",
                                 "network/index.md", "outlets/index.md"])
def test_hostile_text_is_inert(pages, uri):
    md = pages[uri]
    out = html_of(md)
    assert "<script" not in out.lower()
    assert "javascript:" not in re.sub(r"&#?\w+;", "", " ".join(re.findall(r'href="([^"]*)"', out))).lower()
    assert not re.search(r'href="\s*javascript', html.unescape(out), re.I)
    assert "<strong>bold" not in out and "<em>under" not in out
    assert "{{" not in md and "{%" not in md and "--8<--" not in md and "[[" not in md


def test_literal_text_visible_on_source_page(pages):
    shown = visible(html_of(pages["sources/a.md"]))
    for sentence in (S2, S3, S4, S5):
        assert " ".join(sentence.split()) in shown
    assert "Zakharova rebukes Western claims <b>now</b>" in shown
    assert "Al Mayadeen | English" in shown and "Russian state media" in shown and "Staff *writer*" in shown


def test_sentence_anchors_and_classes(pages):
    out = html_of(pages["sources/a.md"])
    for sid in ("s1", "s2", "s3", "s4", "s5"):
        assert f'<span id="{sid}" class="dossier-sentence' in out
    assert 'class="dossier-caption"' in out  # the caption paragraph is set apart
    assert 'class="dossier-headline"' in out


def test_every_mention_linked_longest_wins(pages):
    md = pages["sources/a.md"]
    out = html_of(md)
    # s2: "Maria Zakharova" (0-15) beats the overlapping "Zakharova" (6-15); John Kirby linked too
    s2 = re.search(r'<span id="s2".*?</span>', out).group(0)
    assert '<a href="../actors/maria-zakharova.md">Maria Zakharova</a>' in s2
    assert s2.count("maria-zakharova.md") == 1
    assert '<a href="../actors/john-kirby.md">John Kirby</a>' in s2
    s3 = re.search(r'<span id="s3".*?</span>', out).group(0)
    assert "../actors/john-kirby.md" in s3 and "../actors/russia.md" in s3
    s5 = re.search(r'<span id="s5".*?</span>', out).group(0)
    assert "../actors/evil.md" in s5 and "[[Name]]" in visible(s5)


def test_source_page_lists_what_it_reports(pages):
    md = pages["sources/a.md"]
    assert "[Lavrov visits &#123;&#123; Pyongyang &#125;&#125;](../events/lavrov-visit.md)" in md
    assert "(#s4)" in md  # the report links its sentence on the same page
    assert "../claims/dprk-arms.md" in md and "../claims/index.md#claim-dprk-arms" in md
    out = html_of(md)
    # quotes name their outlet and link the original with a text fragment
    assert 'href="https://example.com/a?x=1&amp;y=2#:~:text=the%20DPRK%20had%20sent%20arms' in out


def test_unsafe_source_url_never_linked(pages):
    out = html_of(pages["sources/b.md"])
    assert "javascript" not in out.lower()
    assert safe_url("javascript:alert(1)") is None and safe_url(" JaVaScRiPt:x") is None
    assert safe_url("https://x.org/a b") is None and safe_url("//x.org") is None
    assert safe_url("https://x.org/a") == "https://x.org/a"


def test_actor_page(pages):
    md = pages["actors/maria-zakharova.md"]
    out = html_of(md)
    shown = visible(out)
    assert "Foreign Ministry spokeswoman" in shown and "Zakharova" in shown
    assert "../actors/russian-foreign-ministry.md" not in md  # same folder: relative link is the bare file
    assert "](russian-foreign-ministry.md)" in md
    assert "../claims/dprk-arms.md" in md and "../claims/index.md#claim-dprk-arms" in md
    assert "../claims/us-breaches.md" in md
    assert "../sources/a.md#s2" in md and "../sources/a.md#s1" in md
    assert "../events/lavrov-visit.md" in md
    assert 'class="dossier-stance dossier-stance-rejects"' in out
    assert "<mark>" in out  # own mentions marked in the snippets
    assert "](john-kirby.md)" in md  # often mentioned together
    members = pages["actors/russian-foreign-ministry.md"]
    assert "](maria-zakharova.md)" in members
    evil = visible(html_of(pages["actors/evil.md"]))
    assert f"[[Name]] {SCRIPT} **bold**" in evil


def test_actors_index_grouped_with_counts(pages):
    md = pages["actors/index.md"]
    assert "## People (3)" in md and "## Organizations (1)" in md and "## Countries (1)" in md
    assert md.index("## People") < md.index("## Organizations") < md.index("## Countries")
    row = next(line for line in md.splitlines() if "maria-zakharova.md" in line)
    assert row.endswith("| 3 | 1 |")


def test_event_page(pages):
    md = pages["events/lavrov-visit.md"]
    shown = visible(html_of(md))
    assert "18–19 October 2023" in shown
    assert "October 18-19" in shown
    assert "../sources/a.md#s4" in md
    assert "Sources give <b>different</b> dates" in shown
    assert "../actors/russia.md" in md and "(kim-trip.md)" in md  # related through Russia
    assert 'class="admonition warning"' in html_of(md)


def test_human_dates():
    assert dates.human(DateSpan(date(2023, 10, 18), date(2023, 10, 19))) == "18–19 October 2023"
    assert dates.human(DateSpan(date(2023, 10, 18))) == "18 October 2023"
    assert dates.human(DateSpan(date(2023, 9, 30), date(2023, 10, 2))) == "30 September – 2 October 2023"
    assert dates.human(DateSpan(date(2023, 12, 30), date(2024, 1, 2))) == "30 December 2023 – 2 January 2024"
    assert dates.human(DateSpan(date(2023, 7, 1), None, "month")) == "July 2023"
    assert dates.human(DateSpan(date(2023, 7, 1), date(2023, 8, 1), "month")) == "July–August 2023"
    assert dates.human(DateSpan(date(2023, 1, 1), None, "year")) == "2023"
    assert dates.human(DateSpan(date(2022, 1, 1), date(2023, 1, 1), "year")) == "2022–2023"
    assert dates.human(None) == ""


def test_chronology(pages):
    md = pages["chronology/index.md"]
    assert md.index("## September 2023") < md.index("## October 2023") < md.index("## Undated")
    assert "<svg" in md and 'viewBox="0 0 ' in md and 'width="100%"' in md
    assert 'href="../events/lavrov-visit/"' in md  # raw SVG links use the final URLs
    assert "<script" not in md and "http" not in md.replace("http://www.w3.org/2000/svg", "")
    out = html_of(md)
    assert "<svg" in out and "../sources/a.md#s4" in out and "../sources/b.md#s2" in out
    assert "September 2023" in visible(out) and "“in September”" in visible(out)


def test_matrix(pages):
    md = pages["claims/index.md"]
    out = html_of(md)
    assert '<div class="dossier-matrix">' in out and "<table>" in out
    assert '<span id="claim-dprk-arms"></span>' in out
    header = re.search(r"<thead>.*?</thead>", out, re.S).group(0)
    assert "maria-zakharova.md" in header and "russia.md" in header and "john-kirby.md" not in header
    assert 'class="dossier-stance dossier-stance-rejects" href="../sources/a.md#s2"' in out
    assert 'class="dossier-stance dossier-stance-denies" href="../sources/b.md#s2"' in out
    title = re.search(r'dossier-stance-rejects" href="[^"]*" title="([^"]*)"', out).group(1)
    assert html.unescape(title) == f"the claims were {SCRIPT} unfounded — Al Mayadeen | English (Russian state media)"
    assert 'href="claims.csv"' in md
    for stance in ("Supports", "Denies", "Rejects", "Dismisses", "Declines comment", "Counter-accuses"):
        assert stance in visible(out)  # the legend names every stance
    rows = re.findall(r"<tr>", out)
    assert len(rows) == 2  # header and the one answered claim
    unanswered = visible(out).split("Claims with no answer found", 1)[1]
    assert "us-breaches.md" in md.split("Claims with no answer found", 1)[1] and unanswered.strip()


def test_matrix_columns_of_no_known_side_come_after_every_side():
    """Actors of no known side are no group: however many answers they give, the sided groups come first."""
    from dossier.render.lookup import Lookup

    peru = Actor(id="peru", name="Peru", kind="country")
    bolivia = Actor(id="bolivia", name="Bolivia", kind="country")
    soto = Actor(id="jorge-soto", name="Jorge Soto", kind="person")
    kral = Actor(id="ivan-kral", name="Ivan Kral", kind="person")
    claim = Claim(id="c", text="Bolivia bombed the pipeline", claimants=("peru",),
                  responses=(Response("bolivia", "denies", "a", "no"), Response("jorge-soto", "rejects", "a", "no"),
                             Response("ivan-kral", "dismisses", "a", "no"), Response("jorge-soto", "denies", "a", "no")))
    dossier = Dossier(title="t", sources=(), actors=(peru, bolivia, soto, kral), events=(), statements=(),
                      claims=(claim,))
    assert Lookup(dossier).responders() == ["bolivia", "jorge-soto", "ivan-kral"]


def test_claim_page(pages):
    md = pages["claims/dprk-arms.md"]
    shown = visible(html_of(md))
    assert "The DPRK sent arms to Russia `|` {{ x }}" in shown
    assert shown.index("said") < shown.index("Rejects") < shown.index("Denies")  # thread in date order
    assert "(us-breaches.md)" in md  # answered by a counter-accusation
    assert "(dprk-arms.md)" in pages["claims/us-breaches.md"]
    assert "../sources/a.md#s3" in md and "Al Mayadeen | English" in shown


def test_review_page(pages):
    md = pages["review/index.md"]
    out = html_of(md)
    assert "<script" not in out
    fix = re.search(r'<pre class="dossier-fix"><code>(.*?)</code></pre>', out, re.S).group(1)
    assert html.unescape(fix) == "- id: x\n  note: \"```` {{ y }} </pre> <script>\"\n\n  date: 2023-10"
    assert "../sources/a.md#s4" in md
    assert "Read more: <script>x()</script>" in visible(out)


def test_notes_go_under_the_title():
    from dossier.render import NOTE_CLOSE, NOTE_OPEN

    note = "Editor's note: *trust* [[Maria Zakharova]] {{ as written }}\n"
    pages = render_site(hostile_dossier(), notes={"actors/maria-zakharova.md": note, "actors/nobody.md": "x"})
    assert pages["actors/maria-zakharova.md"].startswith("# Maria Zakharova\n\n" + NOTE_OPEN + note.rstrip("\n") + NOTE_CLOSE)
    assert "actors/nobody.md" not in pages
    titled = render_site(hostile_dossier(), notes={"actors/maria-zakharova.md": "# Zakharova\n\nMine.\n"})
    assert titled["actors/maria-zakharova.md"].startswith("# Zakharova\n\n" + NOTE_OPEN + "Mine." + NOTE_CLOSE)
    assert titled["actors/maria-zakharova.md"].count("\n# ") == 0
    front = "---\n# a YAML comment\ntags: [x]\n---\n\nNote.\n\n```\n# not a title\n```\n"
    kept = render_site(hostile_dossier(), notes={"actors/maria-zakharova.md": front})
    assert kept["actors/maria-zakharova.md"].startswith(  # front matter first, where mkdocs reads it
        "---\n# a YAML comment\ntags: [x]\n---\n# Maria Zakharova\n\n" + NOTE_OPEN
        + "Note.\n\n```\n# not a title\n```" + NOTE_CLOSE)


def test_csv():
    rows = list(csv.reader(io.StringIO(render_csv(hostile_dossier()))))
    assert rows[0] == ["claim_id", "claim", "claimants", "actor", "stance", "source", "sentence", "quote"]
    assert rows[1] == ["dprk-arms", "The DPRK sent arms to Russia `|` {{ x }}", "John Kirby", "Maria Zakharova",
                       "rejects", "a", "s2", f"the claims were {SCRIPT} unfounded"]
    assert rows[2][3:] == ["Russia", "denies", "b", "s2", "'=HYPERLINK(\"x\")"]
    assert rows[3][:4] == ["us-breaches", "The US breaches resolutions", "Maria Zakharova", ""]


def test_escape_and_fragment():
    assert str(text("**x** [a](b)")) == "&#42;&#42;x&#42;&#42; &#91;a&#93;&#40;b&#41;"
    assert str(text("# title")) == "&#35; title"
    assert str(text("1. a\n\n- b")) == "1&#46; a &#45; b"
    assert text_fragment("https://e.org/p#old", "“A-b, c & d.”") == "https://e.org/p#:~:text=A%2Db%2C%20c%20%26%20d%2E"
    assert text_fragment("ftp://e.org", "x") is None


def test_assets():
    css = ASSETS["assets/dossier/dossier.css"]
    for selector in (".dossier-stance-denies", ".dossier-caption", ":target", ".dossier-matrix", "slate",
                     ".dossier-timeline"):
        assert selector in css
    assert "@import" not in css and "url(" not in css


def test_actor_timeline_links_final_urls(pages):
    md = pages["actors/russia.md"]
    assert '<div class="dossier-timeline"><svg' in md
    assert 'href="../../events/kim-trip/"' in md and 'href="../../events/lavrov-visit/"' in md
    out = html_of(md)
    assert "<svg" in out and "{{" not in out


def test_timeline_breaks_long_gaps_and_escapes():
    from dossier.render.timeline import Mark, svg
    marks = [Mark("old", "Old <script>x</script>", DateSpan(date(2019, 3, 8)), "../events/old/"),
             Mark("new", "New {{ x }} [[y]]", DateSpan(date(2023, 10, 18), date(2023, 10, 19)), "../events/new/"),
             Mark("year", "A year", DateSpan(date(2023, 1, 1), None, "year"), "../events/year/")]
    drawn = str(svg(marks))
    assert drawn.startswith("<svg") and drawn.endswith("</svg>") and "\n" not in drawn
    assert "dossier-tl-break" in drawn
    assert "<script" not in drawn and "{{" not in drawn and "[[" not in drawn
    height = float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', drawn).group(1))
    assert height < 400  # four years apart, yet compact
    assert str(svg([])) == ""
    assert svg(marks) == svg(list(reversed(marks)))


def test_quotes_lose_their_own_marks(pages):
    md = pages["claims/dprk-arms.md"]
    assert "<q class=\"dossier-quote\">&#61;HYPERLINK" in md


def test_render_imports_only_the_model():
    import ast
    root = Path(__import__("dossier.render", fromlist=["x"]).__file__).parent
    for module in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                # relations: views of the model that dossier.json shares, so page and export agree
                assert node.module in ("model", "relations"), f"{module.name} imports ..{node.module}"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.startswith(("mkdocs", "spacy", "dossier.")) and n not in ("dossier.model", "dossier.relations")
                               for n in names)
