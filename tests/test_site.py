"""The example site end to end: every page kind, every link and anchor, the export, the log."""
from __future__ import annotations

import json

import jsonschema
import pytest

from dossier.export import schema
from sitecheck import broken_links, external_assets, page_text


def test_example_builds_strict(example_site):
    assert example_site.error is None, example_site.error
    assert example_site.warnings == []


@pytest.mark.parametrize("url", ["sources/", "actors/", "events/", "claims/", "chronology/", "review/"])
def test_index_pages_exist(example_site, url):
    assert (example_site.site / url / "index.html").is_file()


def test_every_entity_has_its_page(example_site):
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    for kind in ("sources", "actors", "events", "claims"):
        assert data[kind], f"no {kind} extracted from the example"
        for item in data[kind]:
            assert (example_site.site / item["page"] / "index.html").is_file(), item["page"]


def test_every_link_and_anchor_resolves(example_site):
    assert broken_links(example_site.site) == []


def test_export_validates_against_schema(example_site):
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    assert data["format"] == "dossier/1"
    for kind in ("sources", "actors", "events", "statements", "claims"):
        ids = [x["id"] for x in data[kind]]
        assert ids == sorted(ids), f"{kind} not sorted by id"
        assert len(ids) == len(set(ids)), f"{kind} ids not unique"


def test_every_fact_points_at_an_existing_sentence(example_site):
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    sentences = {(s["id"], x["id"]) for s in data["sources"] for x in s["sentences"]}
    refs = [(m["source"], m["sentence"]) for a in data["actors"] for m in a["mentions"]]
    refs += [(r["source"], r["sentence"]) for e in data["events"] for r in e["reports"]]
    refs += [(s["source"], s["sentence"]) for s in data["statements"]]
    assert refs and set(refs) <= sentences


def test_source_page_shows_clean_article_with_sentence_anchors(example_site):
    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    source = next(s for s in data["sources"] if s["id"].startswith("003"))
    html = example_site.page(source["page"])
    for sentence in source["sentences"]:
        assert f'id="{sentence["id"]}"' in html
    text = page_text(example_site.site / source["page"] / "index.html")
    assert "SHARE THIS ARTICLE" not in text  # page furniture is not the article
    assert "alternate addresses" not in text


def test_nothing_loads_from_other_hosts(example_site):
    assert external_assets(example_site.site) == []


def test_build_log_sums_up_the_work(example_site):
    summary = [r.getMessage() for r in example_site.records if "sources," in r.getMessage()]
    assert summary and "actors" in summary[0] and "parse" in summary[0]


def test_same_input_same_bytes(make_site):
    seeds = {"a.txt": "Headline here\n\nPresident Joe Biden said on Monday that talks would go on.\n"}
    first = make_site(seeds)
    data = (first.site / "dossier.json").read_bytes()
    second = make_site(seeds)
    assert (second.site / "dossier.json").read_bytes() == data


def test_unknown_plugin_option_is_an_error(make_site, parse_cache):
    config = ("site_name: T\nplugins:\n  - dossier:\n      seed_dir: seeds\n"
              f"      cache_dir: {parse_cache}\n")
    build = make_site({"a.txt": "Title\n\nBody text here.\n"}, config=config)
    assert build.error is not None
    errors = [r.getMessage() for r in build.records if r.levelname == "ERROR"]
    assert any("unknown option" in e and "'seed_dir'" in e for e in errors), errors


def test_export_false_writes_no_json(make_site, parse_cache):
    config = f"site_name: T\nplugins:\n  - dossier:\n      export: false\n      cache_dir: {parse_cache}\n"
    build = make_site({"a.txt": "Title\n\nBody text here.\n"}, config=config)
    assert build.error is None
    assert not (build.site / "dossier.json").exists()


def test_export_is_referentially_whole(example_site):
    """Beyond the schema: every actor, source, sentence, statement and claim id the export names exists."""
    from dossier.export import dangling

    data = json.loads((example_site.site / "dossier.json").read_text(encoding="utf-8"))
    assert dangling(data) == []
    broken = json.loads(json.dumps(data))
    broken["claims"][0]["claimants"].append("kcna")
    broken["events"][0]["reports"][0]["sentence"] = "s999"
    assert dangling(broken) == [f"event {data['events'][0]['id']} report: sentence "
                                f"('{data['events'][0]['reports'][0]['source']}', 's999')",
                                f"claim {data['claims'][0]['id']} claimants: actor 'kcna'"]
