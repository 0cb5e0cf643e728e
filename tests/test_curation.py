"""Curation files (dossier/*.yml): every mistake an editor can make is named with file, line and key.

Errors in a file stop the build with one message listing every problem (and no traceback); references to
things that do not exist (actors, sources, sentences, statements) are warnings, so `--strict` fails on them.
"""
from __future__ import annotations

import pytest

SEEDS = {"a.txt": "Moscow denies arms deal\n\nMaria Zakharova, the Russian Foreign Ministry spokeswoman, said on "
                  "Monday that the reports were baseless. John Kirby said North Korea had shipped arms to Russia.\n"}
SOURCES = "a:\n  outlet: Example News\n  published: 2023-10-16\n"

BOMB = "".join(f"{x}: &{x} [{', '.join([f'*{p}'] * 9)}]\n" for p, x in zip("abcdefg", "bcdefgh"))
BOMB = 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + BOMB

ERRORS = {
    "unknown key": ("actors.yml", "- name: Maria Zakharova\n  knd: person\n",
                    "dossier/actors.yml:2: unknown key 'knd' in actor 'Maria Zakharova' (did you mean 'kind'?)"),
    "unknown key, far from any": ("events.yml", "- id: e\n  colour: red\n",
                                  "dossier/events.yml:2: unknown key 'colour' in event 'e'; expected id, title, kind, "
                                  "date, place, participants, reports, merge, hidden"),
    "bad kind": ("actors.yml", "- name: Maria Zakharova\n  kind: persn\n",
                 "dossier/actors.yml:2: 'kind' of actor 'Maria Zakharova' is 'persn'; expected one of person, "
                 "organization, country, group, other"),
    "bad stance": ("claims.yml", "- id: c\n  responses:\n    - actor: russia\n      stance: deny\n",
                   "dossier/claims.yml:4: 'stance' of response in claim 'c' is 'deny'; expected one of supports, "
                   "denies, rejects, dismisses, declines-comment, counter-accuses"),
    "duplicate actor id": ("actors.yml", "- name: A B\n- id: a-b\n  name: Other\n",
                           "dossier/actors.yml:2: duplicate actor id 'a-b' (first at line 1)"),
    "duplicate claim id": ("claims.yml", "- id: c\n- id: c\n",
                           "dossier/claims.yml:2: duplicate claim id 'c' (first at line 1)"),
    "one alias, two actors": ("actors.yml", "- name: Ivan Zakharov\n  aliases: [Zakharov]\n"
                                            "- name: Boris Zakharov\n  aliases: [Zakharov]\n",
                              "dossier/actors.yml:3: actor 'boris-zakharov': the name or alias 'Zakharov' already "
                              "names the actor 'ivan-zakharov' (line 1); one name cannot name two actors"),
    "invalid date": ("events.yml", "- id: e\n  date: 2023-13-45\n",
                     "dossier/events.yml:2: 'date' of event 'e' is '2023-13-45'; expected 2023, 2023-07, 2023-10-18 "
                     "or 2023-10-18/2023-10-19"),
    "date that is no day": ("sources.yml", "a:\n  published: 2023-02-30\n",
                            "dossier/sources.yml:2: 'published' of source 'a' is '2023-02-30'; expected a date such "
                            "as 2023-11-11"),
    "range backwards": ("events.yml", "- id: e\n  date: 2023-10-19/2023-10-18\n",
                        "dossier/events.yml:2: 'date' of event 'e' is '2023-10-19/2023-10-18'; the range ends before it starts"),
    "missing id": ("events.yml", "- title: A visit\n", "dossier/events.yml:1: event needs 'id'"),
    "not a slug": ("actors.yml", "- id: Maria Z\n  name: Maria Zakharova\n",
                   "dossier/actors.yml:1: 'id' of actor 'Maria Z' must be a lowercase slug such as 'maria-z'"),
    "not a list": ("actors.yml", "name: Maria Zakharova\n", "dossier/actors.yml:1: must be a list"),
    "repeated key": ("actors.yml", "- name: A\n  name: B\n", "dossier/actors.yml:2: repeats the key 'name'"),
    "malformed YAML": ("actors.yml", "- name: Maria Zakharova\n  aliases: [Zakharova\n",
                       "dossier/actors.yml:3: is not valid YAML: expected ',' or ']', but got '<stream end>'"),
    "tab indentation": ("actors.yml", "- name: A\n\tkind: person\n",
                        "dossier/actors.yml:2: is not valid YAML: found character '\\t' that cannot start any token"),
    "alias bomb": ("actors.yml", BOMB,
                   "dossier/actors.yml:1: expands to too many values (anchors and aliases nested too deep?)"),
    "python object tag": ("actors.yml", "- name: !!python/object/apply:os.system ['echo owned']\n",
                          "dossier/actors.yml:1: uses the tag 'tag:yaml.org,2002:python/object/apply:os.system'; "
                          "only plain values are allowed"),
    "not UTF-8": ("actors.yml", b"- name: \xff\xfe\n",
                  "dossier/actors.yml: is not UTF-8 text (invalid start byte at byte 8)"),
    "unknown curation file": ("actor.yml", "- name: A\n",
                              "dossier/actor.yml: is not a curation file Dossier reads (sources, actors, events, claims)"),
}


def errors(build) -> list[str]:
    """The error lines the build logged (mkdocs logs a PluginError, then aborts)."""
    assert build.error is not None
    return [line for r in build.records if r.levelname == "ERROR" for line in r.getMessage().splitlines()]


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_curation_error_stops_the_build_naming_file_and_line(make_site, case):
    name, text, expected = ERRORS[case]
    files = {"sources.yml": SOURCES, name: text} if name != "sources.yml" else {name: text}
    build = make_site(SEEDS, dossier=files)
    assert errors(build) == ["dossier: the curation files have errors:", f"  {expected}"]
    assert not any(r.exc_info or "Traceback" in r.getMessage() for r in build.records)


def test_every_problem_listed_at_once(make_site):
    build = make_site(SEEDS, dossier={"sources.yml": SOURCES,
                                      "actors.yml": "- name: A\n  kind: persn\n- name: B\n  rol: x\n",
                                      "claims.yml": "- id: c\n  responses:\n    - {actor: a, stance: deny}\n"})
    assert errors(build)[1:] == [
        "  dossier/actors.yml:2: 'kind' of actor 'A' is 'persn'; expected one of person, organization, country, "
        "group, other",
        "  dossier/actors.yml:4: unknown key 'rol' in actor 'B' (did you mean 'role'?)",
        "  dossier/claims.yml:3: 'stance' of response in claim 'c' is 'deny'; expected one of supports, denies, "
        "rejects, dismisses, declines-comment, counter-accuses",
    ]


def test_broken_references_are_warnings_with_file_and_line(make_site):
    events = ("- id: talks\n  title: Talks\n  participants: [nobody-at-all]\n  reports:\n"
              "    - {source: a, sentence: s99}\n    - {source: zz, sentence: s1}\n")
    claims = ("- id: arms\n  text: North Korea shipped arms to Russia\n  claimants: [john-kirby]\n"
              "  statements: [no-such-statement]\n  counter_to: no-such-claim\n  responses:\n"
              "    - {actor: ghost-ministry, stance: denies, source: a, sentence: s2}\n")
    actors = "- name: Maria Zakharova\n  affiliations: [ministry-of-nothing]\n"
    sources = SOURCES + "b:\n  outlet: Nowhere\n"
    build = make_site(SEEDS, dossier={"sources.yml": sources, "events.yml": events, "claims.yml": claims,
                                      "actors.yml": actors}, strict=True)
    assert build.error is not None  # --strict: warnings fail the build
    dossier_warnings = sorted(w.removeprefix("dossier: ") for w in build.warnings)
    # each at the line that writes the reference, not the entry's first line
    assert dossier_warnings == [
        "dossier/actors.yml:2: actor 'maria-zakharova' names the actor 'ministry-of-nothing', which does not exist",
        "dossier/claims.yml:4: claim 'arms' names the statement 'no-such-statement', which does not exist",
        "dossier/claims.yml:5: claim 'arms' turns back the claim 'no-such-claim', which does not exist",
        "dossier/claims.yml:7: claim 'arms' names the actor 'ghost-ministry', which does not exist",
        "dossier/events.yml:3: event 'talks' names the actor 'nobody-at-all', which does not exist",
        "dossier/events.yml:5: event 'talks' names the sentence 's99' of 'a', which does not exist",
        "dossier/events.yml:6: event 'talks' names the source 'zz', which does not exist",
        "dossier/sources.yml:4: names 'b', which is not a file in seeds/",
    ]
    assert not any(r.exc_info for r in build.records)
