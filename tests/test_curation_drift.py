"""Curation that stays true when the articles change: the shipped example grown by one made-up wire
report, and small curations, rebuilt against the new machine output.

The wire report says "Tokyo was deeply concerned": extraction takes that "Tokyo" for Japan acting, and
the example's curation hides the name Tokyo (the city, named in passing elsewhere).
"""
from __future__ import annotations

import json
import re

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


# ---------------------------------------------------------------- every decision checked on every build


def _line(build, file: str, text: str) -> int:
    """The line of dossier/<file> that contains text."""
    lines = (build.root / "dossier" / file).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def dossier_warnings(build) -> list[str]:
    return sorted(w.removeprefix("dossier: ") for w in build.warnings)


def test_decisions_that_changed_meaning_are_warnings_at_their_line(grown):
    warnings = dossier_warnings(grown)
    tokyo = _line(grown, "actors.yml", "{name: Tokyo, hidden: true}")
    assert warnings[0] == (
        f"dossier/actors.yml:{tokyo}: the hidden name 'Tokyo' now names 1 mention that extraction takes for the "
        "actor 'japan' (005_tokyo_wire#s3): they are hidden, the actor is kept. If 'Tokyo' stands for Japan there, "
        "remove the hide: extraction then links the name where it acts as Japan and leaves it unlinked where it "
        "names a place")
    # the new claim went to a machine claim the curation hides: the hide now swallows it
    swallowed = [w for w in warnings if "is hidden, but it now holds" in w]
    assert len(swallowed) == 1 and "005_tokyo_wire-s2-1" in swallowed[0]
    hidden_id = swallowed[0].split("claim '", 1)[1].split("'", 1)[0]
    assert swallowed[0].startswith(f"dossier/claims.yml:{_line(grown, 'claims.yml', '{id: ' + hidden_id + ',')}: ")
    # and nothing but curation checks, each at its file and line (machine claim ids may move with the article)
    assert all(re.match(r"dossier/(actors|events|claims)\.yml:\d+: ", w) for w in warnings), warnings


def test_review_lists_each_finding_with_the_yaml_that_settles_it(grown):
    from html import unescape

    html = unescape(grown.page("review/"))
    assert "Curation check (" in html
    assert "the hidden name 'Tokyo' now names 1 mention" in html
    assert "remove\n- {name: Tokyo, hidden: true}</code></pre>" in html
    assert "- id: <claim id>" in html and "statements: [005_tokyo_wire-s2-1" in html
    # nothing the curation settled is proposed: no "add this actor" for a hidden name
    assert "- name: Tokyo\n  kind:" not in html


def test_a_changed_decision_fails_strict_and_applying_the_fix_settles_it(grown):
    strict = build_site(grown.root, strict=True)
    assert strict.error is not None and "in strict mode" in strict.error
    actors = grown.root / "dossier" / "actors.yml"
    kept = actors.read_text(encoding="utf-8")
    try:
        actors.write_text(kept.replace("- {name: Tokyo, hidden: true}\n", ""), encoding="utf-8")
        fixed = build_site(grown.root)
        assert not any("Tokyo" in w for w in fixed.warnings), fixed.warnings
        japan = next(a for a in export(fixed)["actors"] if a["id"] == "japan")
        assert ("005_tokyo_wire", "s3", "Tokyo") in {(m["source"], m["sentence"], m["text"]) for m in japan["mentions"]}
    finally:
        actors.write_text(kept, encoding="utf-8")


SEED = ("Moscow denies arms deal\n\nMaria Zakharova, the Russian Foreign Ministry spokeswoman, said on Monday "
        "that the reports were baseless. John Kirby said North Korea had shipped arms to Russia.\n")
SOURCES = "a:\n  outlet: Example News\n  published: 2023-10-16\n"


def test_aliases_for_ids_and_decisions_whose_text_moved_are_warnings(make_site):
    actors = "- name: Maria Zakharova\n  aliases: [Zakharova]\n- name: Nobody Named\n  hidden: true\n"
    events = ("- id: talks\n  title: Talks\n  participants:\n    - john-kirby\n    - Zakharova\n"
              "  reports:\n    - {source: a, sentence: s2, date_text: on Tuesday}\n")
    claims = ("- id: arms\n  text: North Korea shipped arms to Russia\n  claimants: [John Kirby]\n  responses:\n"
              "    - {actor: maria-zakharova, stance: rejects, statement: a-s2-1, quote: \"were groundless\"}\n"
              "- {id: no-such-machine-claim, hidden: true}\n")
    build = make_site({"a.txt": SEED}, dossier={"sources.yml": SOURCES, "actors.yml": actors,
                                                "events.yml": events, "claims.yml": claims})
    assert dossier_warnings(build) == [
        "dossier/actors.yml:3: the hidden name 'Nobody Named' is written nowhere in the articles: the hide no "
        "longer applies",
        "dossier/claims.yml:3: claim 'arms' names the actor 'John Kirby' by a name, not its id: write 'john-kirby'",
        "dossier/claims.yml:5: claim 'arms': the statement 'a-s2-1' no longer says 'were groundless' (the article "
        "changed?): check the response",
        "dossier/claims.yml:6: claim 'no-such-machine-claim' is hidden, but no claim has that id (extraction may "
        "have renamed it: see the claims pages)",
        "dossier/events.yml:5: event 'talks' names the actor 'Zakharova' by a name, not its id: write "
        "'maria-zakharova'",
        "dossier/events.yml:7: event 'talks': the sentence 's2' of 'a' no longer says 'on Tuesday' (the article "
        "changed?): check the report",
    ]
    data = export(build)
    assert next(e for e in data["events"] if e["id"] == "talks")["participants"] == ["john-kirby", "maria-zakharova"]
    assert next(c for c in data["claims"] if c["id"] == "arms")["claimants"] == ["john-kirby"]
    from html import unescape

    review = unescape(build.page("review/"))
    assert "# dossier/events.yml, line 5\nparticipants: [john-kirby, maria-zakharova]" in review


# ---------------------------------------------------------------- the export stays whole


def test_export_stays_whole_when_curation_names_what_is_not_there(grown, make_site):
    from dossier.export import dangling

    assert dangling(export(grown)) == []
    events = ("- id: e1\n  participants: [ghost, Zakharova]\n  reports: [{source: nosuch, sentence: s9}]\n")
    claims = ("- id: c1\n  text: T\n  claimants: [ghost, tokyo]\n  counter_to: nothing\n  statements: [x-s1-1]\n"
              "  responses: [{actor: ghost2, stance: denies, source: a, sentence: s99},\n"
              "              {actor: Zakharova, stance: denies, source: a, sentence: s99}]\n")
    actors = "- name: Maria Zakharova\n  aliases: [Zakharova]\n  affiliations: [nobody]\n- {name: Tokyo, hidden: true}\n"
    build = make_site({"a.txt": SEED}, dossier={"sources.yml": SOURCES, "actors.yml": actors,
                                                "events.yml": events, "claims.yml": claims})
    data = export(build)
    assert dangling(data) == []
    claim = next(c for c in data["claims"] if c["id"] == "c1")
    assert claim["claimants"] == [] and claim["counter_to"] is None and claim["statements"] == []
    assert [(r["actor"], r["sentence"]) for r in claim["responses"]] == [("maria-zakharova", None)]
    assert "claim 'c1' names the actor 'tokyo', which the curation hides" in " ".join(build.warnings)
