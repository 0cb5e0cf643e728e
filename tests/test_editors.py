"""The editors' workflow: their own pages in docs/, notes merged into entity pages, wikilinks, backlinks,
curated marks. One site is built for the module; wikilink rules are also checked on plain text."""
from __future__ import annotations

from html import unescape
import re
import shutil
from dataclasses import replace

import pytest

from conftest import MINIMAL_CONFIG, build_site
from dossier import wikilinks
from dossier.render import NOTE_CLOSE, NOTE_OPEN, render_site
from sitecheck import broken_links
from test_render import hostile_dossier

SEED = ("Moscow denies arms deal\n\nMaria Zakharova, the Russian Foreign Ministry spokeswoman, said on Monday that "
        "the reports were baseless. John Kirby said North Korea had shipped arms to Russia.\n")
DOSSIER = {
    "sources.yml": "a:\n  outlet: Example News\n  published: 2023-10-16\n",
    "actors.yml": "- name: Maria Zakharova\n  kind: person\n  aliases: [Zakharova]\n  role: spokeswoman\n",
    "events.yml": "- id: talks\n  title: Talks in Moscow\n  kind: meeting\n  date: 2023-10-16\n"
                  "  reports:\n    - {source: a, sentence: s2}\n",
    "claims.yml": "- id: arms\n  text: North Korea shipped arms to Russia\n  responses:\n"
                  "    - {actor: maria-zakharova, stance: dismisses, source: a, sentence: s2}\n",
}
NOTE = ("---\ntitle: Maria Zakharova, spokeswoman\n---\n\n"
        "EDITOR-NOTE: she *speaks* for the ministry; see [[source:a]].\n\n"
        "A [[Vladimir Nobody]] here.\n")
NOTES_PAGE = """\
---
title: Working notes
---

[[Maria Zakharova]] spoke; so did [[zakharova|the spokeswoman]].
See [[source:a]], [[event:talks]] and [[claim:arms]].
Unknown: [[Nobody Here]] and [[event:nope]].

```
[[Maria Zakharova]] in a fence
```

Inline `[[Zakharova]]` stays, and so does \\[[Zakharova]].

!!! note "Inside an admonition"

    Links work here too: [[Zakharova|in the box]].
"""
DOCS = {
    "actors/maria-zakharova.md": NOTE,
    "claims/index.md": "A MATRIX-NOTE: see [[Maria Zakharova]].\n",
    "actors/ghost.md": "# Ghost\n\nGHOST-NOTE on [[Zakharova]].\n",
    "notes.md": NOTES_PAGE,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory, parse_cache):
    root = tmp_path_factory.mktemp("editors")
    for folder, files in (("seeds", {"a.txt": SEED}), ("dossier", DOSSIER), ("docs", {"index.md": "# Home\n", **DOCS})):
        for name, text in files.items():
            path = root / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MINIMAL_CONFIG % {"cache": parse_cache}, encoding="utf-8")
    build = build_site(root)
    yield build
    shutil.rmtree(root, ignore_errors=True)


def reader(build, url: str) -> str:
    """The text of the page's article (no nav, no table of contents) as a reader sees it."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", article(build, url))).split())


def article(build, url: str) -> str:
    html = build.page(url)
    return html[html.index("<article"):html.index("</article>")]


def test_warnings_name_file_and_line(site):
    assert site.error is None, site.error
    hint = "(for other pages write [[event:<id>]], [[source:<id>]] or [[claim:<id>]])"
    assert sorted(site.warnings) == sorted([
        f"dossier: docs/actors/maria-zakharova.md:7: the wikilink [[Vladimir Nobody]] links nowhere: no actor has "
        f"this name or alias {hint}",
        "dossier: docs/actors/ghost.md: an editor's page for an entity that does not exist (actors 'ghost'); "
        "it is shown as written",
        f"dossier: docs/notes.md:7: the wikilink [[Nobody Here]] links nowhere: no actor has this name or alias {hint}",
        "dossier: docs/notes.md:7: the wikilink [[event:nope]] links nowhere: there is no event with the id 'nope'",
    ])


def test_wikilinks_become_links(site):
    html = article(site, "notes/")
    assert '<a href="../actors/maria-zakharova/">Maria Zakharova</a>' in html
    assert '<a href="../actors/maria-zakharova/">the spokeswoman</a>' in html
    assert '<a href="../sources/a/">Moscow denies arms deal</a>' in html
    assert '<a href="../events/talks/">Talks in Moscow</a>' in html
    assert '<a href="../claims/arms/">North Korea shipped arms to Russia</a>' in html
    assert '<a href="../actors/maria-zakharova/">in the box</a>' in html  # admonition bodies are Markdown
    assert broken_links(site.site) == []


def test_broken_wikilinks_are_shown_not_dropped(site):
    html = article(site, "notes/")
    broken = re.findall(r'<span class="dossier-broken-link" title="([^"]*)">([^<]*)</span>', html)
    assert [text for _, text in broken] == ["Nobody Here", "event&#58;nope"]
    assert "Unknown: Nobody Here and event:nope." in reader(site, "notes/")


def test_code_is_left_alone(site):
    html = article(site, "notes/")
    assert "<pre><code>[[Maria Zakharova]] in a fence\n</code></pre>" in html
    assert "<code>[[Zakharova]]</code>" in html
    assert "and so does [[Zakharova]]." in html  # an escaped wikilink is text


def test_note_sits_under_the_title_marked_as_the_editors_text(site):
    text = reader(site, "actors/maria-zakharova/")
    note = text.index("EDITOR-NOTE: she speaks for the ministry; see Moscow denies arms deal.")
    assert text.index("Maria Zakharova") < text.index("Editors’ note") < note
    assert note < text.index("Kind: person") < text.index("Linked from editors' pages")
    html = article(site, "actors/maria-zakharova/")
    assert html.index("<h1") < html.index('<div class="dossier-note">') < html.index("EDITOR-NOTE")
    box = html[html.index('<div class="dossier-note">'):]
    assert box.index("EDITOR-NOTE") < box.index("</div>") < box.index("Kind:")  # the machine's text is outside
    assert "<em>speaks</em>" in html  # the editor's Markdown is Markdown
    assert '<a href="../../sources/a/">Moscow denies arms deal</a>' in html
    assert "<title>Maria Zakharova, spokeswoman" in site.page("actors/maria-zakharova/")


def test_note_on_an_index_page(site):
    text = reader(site, "claims/")
    assert text.index("Claims and responses") < text.index("Editors’ note A MATRIX-NOTE: see Maria Zakharova.")


def test_note_for_a_missing_entity_is_shown_as_written(site):
    html = article(site, "actors/ghost/")
    assert 'GHOST-NOTE on <a href="../maria-zakharova/">Zakharova</a>.' in html


def test_backlinks_list_the_editors_pages(site):
    html = article(site, "actors/maria-zakharova/")
    section = html[html.index("Linked from editors"):]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', section) == [
        ("../../claims/", "Claims"), ("../ghost/", "Ghost"), ("../../notes/", "Working notes")]
    for url in ("sources/a/", "events/talks/", "claims/arms/"):
        assert '<a href="../../notes/">Working notes</a>' in article(site, url), url
    assert "Linked from editors" not in article(site, "actors/john-kirby/")


def test_curated_entities_are_marked(site):
    for url, file in (("actors/maria-zakharova/", "actors"), ("events/talks/", "events"), ("claims/arms/", "claims")):
        text = reader(site, url)
        assert f"curated set or corrected by an editor in dossier/{file}.yml" in text, url
    assert 'class="dossier-curated"' not in article(site, "actors/john-kirby/")
    thread = article(site, "claims/arms/")
    assert re.search(r'Dismisses</a> <span class="dossier-curated"[^>]*>curated</span>', thread)


# ---------------------------------------------------------------- on plain text


def test_ambiguous_name_is_a_problem_naming_the_actors():
    dossier = hostile_dossier()
    other = replace(dossier.actors[2], id="zakharova-junior", name="Ivan Zakharova", aliases=("Zakharova",))
    index = wikilinks.NameIndex.from_dossier(replace(dossier, actors=(*dossier.actors, other)))
    done = wikilinks.rewrite("x\n\nSee [[Zakharova]] and [[Maria Zakharova]].\n", "notes.md", index, "docs/notes.md")
    assert [str(p) for p in done.problems] == [
        "docs/notes.md:3: the wikilink [[Zakharova]] links nowhere: it names more than one actor "
        "(maria-zakharova, zakharova-junior); write [[actor:<id>]] for the one meant"]
    assert done.text == ('x\n\nSee <span class="dossier-broken-link" title="Broken link&#58; it names more than one '
                         'actor">Zakharova</span> and [Maria Zakharova](actors/maria-zakharova.md).\n')
    assert wikilinks.rewrite("[[actor:zakharova-junior]]", "actors/x.md", index, "f").text == \
        "[Ivan Zakharova](zakharova-junior.md)"


def test_names_match_as_actors_are_resolved():
    index = wikilinks.NameIndex.from_dossier(hostile_dossier())
    for form in ("maria zakharova", "MARIA  ZAKHAROVA", "Maria Zakharova's", "the Russian Foreign-Ministry"):
        assert isinstance(index.find(form), wikilinks.Target), form


def test_machine_titles_are_inert_and_labels_keep_markdown():
    index = wikilinks.NameIndex.from_dossier(hostile_dossier())
    done = wikilinks.rewrite("[[event:lavrov-visit]] [[John Kirby|*the* coordinator]]", "notes.md", index, "f")
    assert done.text == ("[Lavrov visits &#123;&#123; Pyongyang &#125;&#125;](events/lavrov-visit.md) "
                         "[*the* coordinator](actors/john-kirby.md)")
    assert done.problems == ()


def test_lines_count_from_the_file_with_front_matter():
    head, body, skipped = wikilinks.split_front_matter("---\ntitle: x\n---\n\n\nText [[nobody]]\n")
    assert (head, body, skipped) == ("---\ntitle: x\n---\n\n\n", "Text [[nobody]]\n", 5)
    done = wikilinks.rewrite(body, "a.md", wikilinks.NameIndex(), "docs/a.md", skipped + 1)
    assert [p.line for p in done.problems] == [6]


def test_note_text_is_kept_byte_for_byte():
    note = "Editor’s *own* text,\r\n  with   spacing | and {{ braces }} kept.\n\n<div>raw</div>\n"
    page = render_site(hostile_dossier(), {"actors/john-kirby.md": note})["actors/john-kirby.md"]
    assert page.startswith("# John Kirby\n\n" + NOTE_OPEN + note.rstrip("\n") + NOTE_CLOSE)


def test_a_note_with_its_own_title_and_front_matter_keeps_them_first():
    note = "---\ntitle: T\n---\n\n# Kirby, the coordinator\n\nText *here*.\n"
    page = render_site(hostile_dossier(), {"actors/john-kirby.md": note})["actors/john-kirby.md"]
    assert page.startswith("---\ntitle: T\n---\n# Kirby, the coordinator\n\n" + NOTE_OPEN + "Text *here*." + NOTE_CLOSE)
    assert "# John Kirby" not in page
