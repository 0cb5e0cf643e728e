"""Issue 11, actors and events on stories nobody tuned on: a small made-up story built as a real site, and
what a reader of its pages meets. Each rule is tested on its own in tests/test_actors.py, test_events.py
and tests/cases/events/; here they work together in a build."""
from __future__ import annotations

import json
from html import unescape

SEEDS = {
    "one.txt": "Jordan condemns hospital blast\n\n"
               "Jordanian Prime Minister Omar al-Fayez condemned the blast at the hospital on Tuesday.\n"
               "In a briefing with reporters, army spokesperson Rear Adm. John Marsh said the blast occurred "
               "on Tuesday.\n"
               "Footage taken from Kibbutz Nahal Oz appeared to show the launch.\n"
               "Chile, another country that recognised Palestine in 2011, also condemned the raid.\n",
    "two.txt": "Broadcaster disputes the army's account\n\n"
               "Meridian Television’s digital investigation team has disputed the army's claims about the blast.\n"
               "The digital analysis VERIDA team examined the footage frame by frame.\n"
               "VERIDA’s experts said the rocket came from the north.\n"
               "Israel’s Foreign Ministry said on Wednesday the claims were false.\n"
               "Russian Foreign Ministry spokeswoman Maria Zakharova said on Wednesday that the blast was a crime.\n",
}
SOURCES = "one:\n  published: 2023-10-18\ntwo:\n  published: 2023-10-19\n"


def test_a_new_story_gets_one_actor_per_real_thing_and_its_dated_happenings(make_site):
    build = make_site(SEEDS, {"sources.yml": SOURCES})
    assert build.error is None, build.error
    export = json.loads((build.site / "dossier.json").read_text(encoding="utf-8"))
    names = {a["name"]: a for a in export["actors"]}
    # a name past its particle, a rank that is no one, a body's named unit joined to the body
    assert {"Omar al-Fayez", "John Marsh", "Meridian Television"} <= set(names)
    assert not {"Rear", "Rear Adm", "Omar", "VERIDA", "Kibbutz Nahal Oz"} & set(names)
    assert "VERIDA" in names["Meridian Television"]["aliases"]
    # two countries' foreign ministries are two actors
    ministries = [a for a in export["actors"] if "Foreign Ministry" in " ".join([a["name"], *a["aliases"]])]
    assert len(ministries) == 2
    # a settlement is a place: listed on review/ with the YAML that restores it
    review = unescape(build.page("review/"))
    assert "“Kibbutz Nahal Oz” was not taken for an actor: a place" in review
    assert "- name: Kibbutz Nahal Oz" in review
    # the briefing's speech is of its article's day; a date in a relative clause dates its own act
    events = {(e["kind"], e["date"]["start"]) for e in export["events"]}
    assert ("statement", "2023-10-18") in events
    assert ("recognition", "2011") in events
    assert "Chile recognises Palestine" in unescape(build.page("chronology/"))
