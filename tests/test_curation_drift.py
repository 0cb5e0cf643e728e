"""Curation that stays true when the articles change: the shipped example grown by one made-up wire
report, and small curations, rebuilt against the new machine output.

The wire report says "Tokyo was deeply concerned": extraction takes that "Tokyo" for Japan acting, and
the example's curation hides the name Tokyo (the city, named in passing elsewhere).
"""
from __future__ import annotations

import json

import pytest

from conftest import build_site, copy_example
from dossier.model import Mention, Ref, Sentence, Source
from dossier.config import CuratedActor
from dossier.resolve.actors import resolve_actors

WIRE = """\
Japan says it is deeply concerned by North Korean arms shipments to Russia

TOKYO (Reuters) – Japan said on Wednesday that North Korea had sent about ten shipments of artillery shells to Russia in October, adding to the allegations made by the United States.

Tokyo was deeply concerned about the growing military cooperation between Pyongyang and Moscow, Chief Cabinet Secretary Hirokazu Matsuno told reporters.

North Korea denied the claim, calling it a fabrication.
"""
WIRE_SOURCE = "\n005_tokyo_wire:\n  outlet: Reuters\n  published: 2023-11-01\n"


@pytest.fixture(scope="module")
def grown(tmp_path_factory, parse_cache):
    """The example plus the wire report, built (not strict: its warnings are what is checked)."""
    root = copy_example(tmp_path_factory.mktemp("grown"), parse_cache)
    (root / "seeds" / "005_tokyo_wire.txt").write_text(WIRE, encoding="utf-8")
    with open(root / "dossier" / "sources.yml", "a", encoding="utf-8") as f:
        f.write(WIRE_SOURCE)
    build = build_site(root)
    assert build.error is None, build.error
    return build


def export(build) -> dict:
    return json.loads((build.site / "dossier.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- a hidden name hides mentions, not actors


def test_a_hidden_name_that_became_an_alias_keeps_the_curated_actor(grown):
    data = export(grown)
    actors = {a["id"]: a for a in data["actors"]}
    assert "japan" in actors and (grown.site / "actors" / "japan" / "index.html").is_file()
    assert actors["japan"]["curated"] is True
    # the hide still hides the name's mentions: none of Japan's mentions is written "Tokyo"
    assert {m["text"].lower() for m in actors["japan"]["mentions"]} == {"japan"}
    assert any(m["source"] == "005_tokyo_wire" for m in actors["japan"]["mentions"])
    claims = {c["id"]: c for c in data["claims"]}
    assert "japan" in claims["dprk-arms-to-russia"]["claimants"]
    assert "Japan" in grown.page("claims/")  # the matrix names the claimant, linked


def _mention(source, sentence, text, start, label="GPE", kind="country", acts=True):
    return Mention(Ref(source, sentence, start, start + len(text)), text, label, kind, acts=acts)


def test_hidden_name_hides_a_machine_actor_of_that_name_whole_and_only_mentions_elsewhere():
    texts = ["Tokyo was deeply concerned, Japan said.", "Ilhan Omar spoke. Omar left.", "Kirby spoke in Tokyo."]
    src = Source("a", "seeds/a.txt", "t", tuple(Sentence(f"s{i + 1}", t, i + 1) for i, t in enumerate(texts)))
    mentions = [_mention("a", "s1", "Tokyo", 0), _mention("a", "s1", "Japan", 28),
                _mention("a", "s2", "Ilhan Omar", 0, "PERSON", "person"),
                _mention("a", "s2", "Omar", 18, "PERSON", "person")]
    curated = [CuratedActor("japan", "Japan", "country", line=1),
               CuratedActor("tokyo", "Tokyo", hidden=True, line=5),
               CuratedActor("ilhan-omar", "Ilhan Omar", hidden=True, line=6)]
    index, _ = resolve_actors(mentions, [src], curated)
    assert [a.id for a in index.actors] == ["japan"]
    assert [m.text for m in index.actors[0].mentions] == ["Japan"]
    assert index.of_ref(Ref("a", "s1", 0)) is None  # "Tokyo" links nowhere: the editor hid the name
    effects = {(e.name, e.hidden_actor, e.kept_actor, len(e.mentions)) for e in index.hides}
    assert effects == {("Tokyo", None, "japan", 1), ("Ilhan Omar", "ilhan-omar", None, 2)}


def test_an_alias_for_a_name_extraction_dropped_links_its_mentions():
    from dossier.model import DroppedName

    src = Source("a", "seeds/a.txt", "t", (Sentence("s1", "North Korea fired. The North denied it.", 1),))
    north = Mention(Ref("a", "s1", 19, 28), "The North", "LOC")
    mentions = [_mention("a", "s1", "North Korea", 0)]
    curated = [CuratedActor("north-korea", "North Korea", "country", aliases=("The North",), line=1)]
    index, review = resolve_actors(mentions, [src], curated, [DroppedName(north, "a place that does not act here")])
    assert index.of_ref(Ref("a", "s1", 19)) == "north-korea"
    assert [r for r in review if r.kind == "dropped-name"] == []


def test_review_proposes_no_actor_curation_settled_and_kinds_agree_with_reasons():
    from dossier.model import DroppedName

    src = Source("a", "seeds/a.txt", "t", (Sentence("s1", "Talks in Kherson. Nordland was named in passing.", 1),))
    kherson = Mention(Ref("a", "s1", 9, 16), "Kherson", "PERSON", None)
    nordland = Mention(Ref("a", "s1", 18, 26), "Nordland", "ORG", "organization")
    _, review = resolve_actors([nordland], [src], [], [DroppedName(kherson, "a place that does not act here")])
    fixes = {r.kind: r.fix for r in review}
    assert fixes["dropped-name"].endswith("- name: Kherson\n  kind: other")  # not "person": it is a place
    assert "- name: Nordland" in fixes["low-confidence-actor"]
    _, review = resolve_actors([nordland], [src], [CuratedActor("nordland", "Nordland", hidden=True, line=3)],
                               [DroppedName(kherson, "a place that does not act here")])
    assert [r.kind for r in review] == ["dropped-name"]  # the hidden Nordland is settled
