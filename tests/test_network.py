"""The network and outlets pages: relations read off a dossier, the SVG itself, and built sites.

The SVG is checked as a reader's browser gets it: every drawn actor a link to its page, every line a
link to its claim, no two label boxes overlapping, the same bytes from the same input.
"""
from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import replace
from datetime import date

import pytest

from dossier import relations
from dossier.model import Actor, Claim, Dossier, MentionRef, Response, Sentence, Source, Statement
from dossier.render import netdraw, render_site
from dossier.render.network import MAX_NODES
from sitecheck import broken_links, read_page
from test_render import hostile_dossier

BOX = re.compile(r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"')


def svg_of(page: str) -> str:
    found = re.search(r'<svg class="dossier-network-svg".*?</svg>', page, re.S)
    assert found, "no network picture on the page"
    return found.group(0)


def label_boxes(svg: str) -> list[tuple[str, tuple[float, ...]]]:
    """The boxes of every actor pill and edge label, read back from the SVG."""
    out = []
    for kind, body in re.findall(r'<a class="dossier-net-(node|elabel)[^"]*"[^>]*>(.*?)</a>', svg, re.S):
        x, y, w, h = map(float, BOX.search(body).groups())
        out.append((kind, (x, y, w, h)))
    return out


def overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def assert_no_overlap(boxes) -> None:
    for (ka, a), (kb, b) in itertools.combinations(boxes, 2):
        assert not overlap(a, b), f"{ka} {a} overlaps {kb} {b}"


# ---------------------------------------------------------------- relations, on a hand-made dossier


def test_sides_follow_affiliations():
    d = hostile_dossier()
    side = relations.sides(d)
    assert side["maria-zakharova"] == "russian-foreign-ministry"  # the ministry has no country here
    assert side["russia"] == "russia"
    assert side["john-kirby"] is None  # a person with no affiliation has no side
    with_country = replace(d, actors=tuple(replace(a, affiliations=("russia",)) if a.id == "russian-foreign-ministry"
                                           else a for a in d.actors))
    assert relations.sides(with_country)["maria-zakharova"] == "russia"


def test_network_edges_answers_and_accusations():
    net = relations.network(hostile_dossier())
    claim_edges = {(e.source, e.relation, e.target, e.claim) for e in net.edges if e.claim}
    assert ("maria-zakharova", "rejects", "john-kirby", "dprk-arms") in claim_edges
    assert ("russia", "denies", "john-kirby", "dprk-arms") in claim_edges
    # Kirby's words name Russia, which answered: an accusation; nothing accuses an actor that never answered
    assert ("john-kirby", "accuses", "russia", "dprk-arms") in claim_edges
    assert all(e.target in {"russia", "john-kirby"} for e in net.edges if e.claim)
    refs = next(e.refs for e in net.edges if e.relation == "rejects")
    assert refs == (("a", "s2"),)


def test_answers_go_to_the_claimant_not_to_those_behind_it():
    actors = {a.id: a for a in (Actor("kirby", "Kirby", "person", affiliations=("wh",)),
                                Actor("wh", "White House", "organization", affiliations=("us",)),
                                Actor("us", "United States", "country"), Actor("jp", "Japan", "country"))}
    claim = Claim("c", "x", claimants=("kirby", "wh", "us", "jp"))
    assert relations.targets(claim, actors) == ["kirby", "jp"]


def test_coverage_per_outlet():
    d = hostile_dossier()
    covered = {o.name: o for o in relations.coverage(d)}
    assert set(covered) == {"Al Mayadeen | English", "Wire"}
    mayadeen, wire = covered["Al Mayadeen | English"], covered["Wire"]
    assert mayadeen.label == "Russian state media"
    arms = next(c for c in mayadeen.claims if c.claim == "dprk-arms")
    assert arms.made == (("a", "s3"),)
    assert [q.actor for q in arms.quoted] == ["maria-zakharova"] and arms.left_out == ("russia",)
    arms_wire = next(c for c in wire.claims if c.claim == "dprk-arms")
    assert arms_wire.made == () and [q.actor for q in arms_wire.quoted] == ["russia"]
    assert arms_wire.left_out == ("maria-zakharova",)
    assert dict(mayadeen.words) == {None: 8, "russian-foreign-ministry": 5}  # Kirby has no side
    assert {a for a, _, _ in mayadeen.only_named} >= {"maria-zakharova", "john-kirby"}
    assert {a for a, _, _ in wire.only_named} == {"kim-jong-un"}


# ---------------------------------------------------------------- the SVG


@pytest.fixture(scope="module")
def pages():
    return render_site(hostile_dossier())


def test_network_svg_links_every_node_and_edge(pages):
    md = pages["network/index.md"]
    svg = svg_of(md)
    assert "<script" not in svg and "{{" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    nodes = set(re.findall(r'<a class="dossier-net-node" href="\.\./actors/([^/"]+)/"', svg))
    assert nodes == {"maria-zakharova", "john-kirby", "russia"}
    edges = re.findall(r'<a class="dossier-net-edge dossier-net-([a-z-]+)" href="\.\./claims/([^/"]+)/"', svg)
    assert sorted(edges) == [("accuses", "dprk-arms"), ("denies", "dprk-arms"), ("rejects", "dprk-arms")]
    for relation in ("accuses", "denies", "rejects"):
        assert f'marker-end="url(#net-{relation})"' in svg and f'<marker id="net-{relation}"' in svg
    assert_no_overlap(label_boxes(svg))
    # the table under the picture lists the same edges, each with its claim and sentence
    table = md.split("## Claims and answers between actors", 1)[1]
    assert table.count("(../claims/dprk-arms.md)") == 3 and "../sources/a.md#s2" in table


def test_actor_page_has_its_own_picture(pages):
    svg = svg_of(pages["actors/john-kirby.md"])
    assert re.findall(r'href="\.\./\.\./actors/([^/"]+)/"', svg).count("john-kirby") == 1
    assert 'href="../../claims/dprk-arms/"' in svg
    assert "dossier-network-svg" not in pages["actors/kim-jong-un.md"]  # no claim, no picture


def test_same_input_same_bytes():
    assert render_site(hostile_dossier())["network/index.md"] == render_site(hostile_dossier())["network/index.md"]


def big_dossier(sides: int = 9, per_side: int = 6) -> Dossier:
    """Many actors in many sides, everyone answering the claims of the next side: more than can be drawn."""
    sentences = tuple(Sentence(f"s{i}", f"Sentence {i}.", 1) for i in range(1, 400))
    source = Source("src", "seeds/src.txt", "T", sentences, outlet="Wire")
    actors, claims, statements = [], [], []
    for s in range(sides):
        actors.append(Actor(f"c{s}", f"Country with a rather long name number {s}", "country",
                            mentions=(MentionRef("src", f"s{s + 1}", "x"), MentionRef("src", f"s{s + 2}", "x"))))
        for p in range(per_side):
            actors.append(Actor(f"p{s}-{p}", f"Person {s}-{p} W", "person", affiliations=(f"c{s}",),
                                mentions=(MentionRef("src", f"s{s + 1}", "y"),)))
    n = 0
    for s in range(sides):
        for p in range(per_side):
            n += 1
            statements.append(Statement(f"st{n}", f"p{s}-{p}", "src", f"s{n}", "words", False, "said"))
            answers = tuple(Response(f"p{(s + 1) % sides}-{q}", ("denies", "rejects", "dismisses")[q % 3], "src",
                                     "no", sentence=f"s{n + 1}") for q in range(per_side) if (p + q) % 2 == 0)
            claims.append(Claim(f"claim-{s}-{p}", f"Claim {s} {p}", (f"p{s}-{p}",), (f"st{n}",), answers))
    return Dossier("Big", (source,), tuple(actors), (), tuple(statements), tuple(claims))


def test_large_dossier_draws_the_most_connected_and_lists_the_rest():
    md = render_site(big_dossier())["network/index.md"]
    svg = svg_of(md)
    drawn = re.findall(r'<a class="dossier-net-node" href="\.\./actors/([^/"]+)/"', svg)
    assert len(drawn) == MAX_NODES == len(set(drawn))
    rest = md.split("Not drawn:", 1)[1].split("\n", 1)[0]
    listed = re.findall(r"\]\(\.\./actors/([^)]+)\.md\)", rest)
    assert listed and not set(listed) & set(drawn)
    assert_no_overlap(label_boxes(svg))
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    assert width < 1300  # a few columns, not one per side


def test_layout_boxes_never_overlap_including_headings_and_legend():
    blocks = [netdraw.Block(f"Side {i} " + "long " * (i % 4), tuple(
        netdraw.Node(f"n{i}-{j}", "Name " * (j % 5) + f"{i}-{j}", "../x/", "t") for j in range(1 + i % 5)))
        for i in range(11)]
    links = [netdraw.Link(f"n{i}-0", f"n{(i * 7) % 11}-0", relation, "../c/", "t", relation)
             for i, relation in zip(range(11), itertools.cycle(relations.CLAIM_RELATIONS))]
    drawn, lay = netdraw.svg(netdraw.columns_of(blocks, 4), links, "test")
    assert_no_overlap([(b.kind, (b.x, b.y, b.w, b.h)) for b in lay.boxes])
    assert all(b.x >= 0 and b.x + b.w <= lay.width and b.y + b.h <= lay.height for b in lay.boxes)
    assert netdraw.svg(netdraw.columns_of(blocks, 4), links, "test")[0] == drawn


# ---------------------------------------------------------------- built sites


def test_example_network_and_outlets(example_site):
    assert example_site.error is None, example_site.error
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    page = example_site.page("network/")
    svg = svg_of(page)
    actors = {a["id"] for a in data["actors"]}
    claim_edges = [e for e in data["network"]["edges"] if e["claim"]]
    assert claim_edges
    drawn = set(re.findall(r'href="\.\./actors/([^/"]+)/"', svg))
    assert drawn <= actors and {e["from"] for e in claim_edges} | {e["to"] for e in claim_edges} <= drawn
    pairs = {(e["from"], e["to"]) for e in claim_edges}
    lines = re.findall(r'<a class="dossier-net-edge dossier-net-(?!co-mention)[a-z-]+" href="\.\./claims/([^/"]+)/"', svg)
    assert len(lines) == len(pairs) and set(lines) <= {e["claim"] for e in claim_edges}
    assert_no_overlap(label_boxes(svg))
    # every picture on an actor page links its actor and claims that exist
    for actor in data["actors"]:
        own = example_site.page(actor["page"])
        if "dossier-network-svg" in own:
            assert_no_overlap(label_boxes(svg_of(own)))
    assert not [b for b in broken_links(example_site.site) if "/network/" in b or "/outlets/" in b]


def test_example_outlets_table_matches_claims_and_statements(example_site):
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    statements = {s["id"]: s for s in data["statements"]}
    page = example_site.page("outlets/")
    header = re.search(r"<thead>.*?</thead>", page, re.S).group(0)
    names = [html.unescape(re.sub(r"<[^>]+>", " ", th)).split("  ")[0].strip()
             for th in re.findall(r"<th[^>]*>(.*?)</th>", header, re.S)][1:]
    assert names == [o["name"] for o in data["outlets"]]
    rows = {re.search(r'id="claim-([^"]+)"', tr).group(1): re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)[1:]
            for tr in re.findall(r"<tr>(.*?)</tr>", page, re.S) if 'id="claim-' in tr}
    assert set(rows) == {c["id"] for c in data["claims"]}
    for claim in data["claims"]:
        for outlet, cell in zip(data["outlets"], rows[claim["id"]]):
            mine = set(outlet["sources"])
            made = {(statements[s]["source"], statements[s]["sentence"]) for s in claim["statements"]
                    if statements[s]["source"] in mine}
            answered = {r["actor"] for r in claim["responses"] if r["source"] in mine}
            reported = bool(made or answered)
            assert ("not reported" in cell) == (not reported), (claim["id"], outlet["name"])
            links = set(re.findall(r'href="\.\./sources/([^/]+)/#(s\d+)"', cell))
            assert made <= links and all(src in mine for src, _ in links)
            quoted = set(re.findall(r'href="\.\./actors/([^/"]+)/"', cell.split("Left out", 1)[0]))
            assert answered <= quoted
            if reported and "Left out" in cell:
                left = set(re.findall(r'href="\.\./actors/([^/"]+)/"', cell.split("Left out", 1)[1]))
                assert left == {r["actor"] for r in claim["responses"]} - answered
    for outlet in data["outlets"]:
        if outlet["words"]:
            assert abs(sum(w["share"] for w in outlet["words"]) - 1) < 0.01
        said = sum(len(s["text"].split()) for s in data["statements"]
                   if s["source"] in outlet["sources"] and s["speaker"])
        assert sum(w["words"] for w in outlet["words"]) == said


def test_nav_puts_both_pages_beside_the_matrix(example_site):
    nav = re.findall(r'<a href="([a-z]+)/" class="md-nav__link', example_site.page(""))
    at = nav.index("claims")
    assert nav[at + 1: at + 3] == ["network", "outlets"]


def test_hidden_actor_and_claim_leave_both_pages(tmp_path, parse_cache):
    import shutil

    from conftest import ROOT, build_site

    root = tmp_path / "site-src"
    for name in ("seeds", "dossier", "docs"):
        shutil.copytree(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("cache_dir: .cache/dossier",
                                                                        f"cache_dir: {parse_cache}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    actors = (root / "dossier" / "actors.yml").read_text(encoding="utf-8")
    actors = actors.replace("  role: Kremlin spokesman\n", "  role: Kremlin spokesman\n  hidden: true\n")
    (root / "dossier" / "actors.yml").write_text(actors, encoding="utf-8")
    claims = (root / "dossier" / "claims.yml").read_text(encoding="utf-8")
    assert "- id: putin-kim-arms-talks-advancing\n" in claims
    claims = claims.replace("- id: putin-kim-arms-talks-advancing\n", "- id: putin-kim-arms-talks-advancing\n  hidden: true\n")
    (root / "dossier" / "claims.yml").write_text(claims, encoding="utf-8")
    build = build_site(root)
    assert build.error is None, build.error
    # the curation checks say what the hides leave dangling: a curated claim's id no machine claim has,
    # curated entries naming the hidden actor, statements only the hidden claim placed; nothing else
    expected = ("is hidden, but no claim has that id", "which the curation hides", "hidden with it")
    assert build.warnings and all(any(e in w for e in expected) for w in build.warnings), build.warnings
    data = json.loads((build.site / "dossier.json").read_text(encoding="utf-8"))
    text = json.dumps({"network": data["network"], "outlets": data["outlets"]})
    assert "dmitry-peskov" not in text and "putin-kim-arms-talks-advancing" not in text
    for url in ("network/", "outlets/"):
        page = build.page(url)
        assert "dmitry-peskov" not in page and "putin-kim-arms-talks-advancing" not in page
        assert "Dmitry Peskov" not in page
    assert any("kremlin" == e["from"] or "kremlin" == e["to"] for e in data["network"]["edges"])


def test_many_outlets_show_the_widest_and_list_the_rest():
    from dossier.render.outlets import MAX_OUTLETS

    d = big_dossier(5, 4)  # 20 claims, each made in one of 15 outlets: every outlet reported one
    source = d.sources[0]
    many = tuple(replace(source, id=f"src{i}", outlet=f"Outlet {i:02d}") for i in range(MAX_OUTLETS + 3))
    statements = tuple(replace(st, source=f"src{i % len(many)}") for i, st in enumerate(d.statements))
    md = render_site(replace(d, sources=many, statements=statements))["outlets/index.md"]
    header = md.split("\n| --- |", 1)[0].rsplit("\n", 1)[1]
    assert header.count("Outlet ") == MAX_OUTLETS
    # the five outlets with two claims are all shown; three of the ten with one are listed instead
    assert all(f"Outlet {i:02d}" in header for i in range(5))
    not_shown = md.split("Not shown:", 1)[1].split("\n", 1)[0]
    assert not_shown.count("Outlet ") == 3 and not any(f"Outlet {i:02d}" in not_shown for i in range(5))
