"""The event stage's resolution: reports merged into events, on hand-built reports (no model), so each
merge rule is tested in milliseconds. Finding reports in sentences is tests/test_events.py.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dossier.model import Actor, DateSpan, EventReport, Ref, Source
from dossier.resolve.actors import ActorIndex
from dossier.resolve.events import resolve_events


def _report(source: str, day, kind: str, who: tuple[str, ...], *, precision: str = "day", text: str = "",
            date_text: str = "", agents: int = 1, title: str = "{0} acts") -> EventReport:
    span = DateSpan(day, None, precision)
    return EventReport(ref=Ref(source, "s2", 0, len(text or "x")), trigger=kind, kind=kind, date=span,
                       date_text=date_text or day.isoformat(), participants=who,
                       participant_refs=tuple(Ref(source, "s2", 100 + n) for n in range(len(who))),
                       text=text or "x", title=title, agents=agents)


@pytest.fixture
def actors():
    names = ["United States", "South Korea", "Japan", "Kim Jong Un", "Sergei Shoigu", "North Korea"]
    acts = tuple(Actor(id=n.lower().replace(" ", "-"), name=n, kind="country") for n in names)
    return ActorIndex(acts, {}, {n.lower(): n.lower().replace(" ", "-") for n in names})


def _sources():
    return {s: Source(s, f"seeds/{s}.txt", s, (), outlet=s.upper()) for s in ("a", "b", "c")}


def test_a_day_apart_with_the_same_participants_is_one_event_with_a_conflict(actors):
    trio = ("United States", "South Korea", "Japan")
    found = resolve_events([_report("a", date(2023, 10, 26), "condemnation", trio, date_text="on Thursday"),
                            _report("b", date(2023, 10, 25), "condemnation", trio[1:], date_text="a day after")],
                           actors, _sources(), [])
    assert len(found) == 1
    [event] = found
    assert len(event.reports) == 2
    assert event.conflicts and "2023-10-25" in event.conflicts[0] and "2023-10-26" in event.conflicts[0]


def test_a_visit_and_a_later_meeting_of_the_same_people_stay_apart(actors):
    pair = ("Sergei Shoigu", "Kim Jong Un")
    found = resolve_events([_report("a", date(2023, 7, 1), "visit", pair, precision="month"),
                            _report("b", date(2023, 9, 1), "meeting", pair[::-1], precision="month")],
                           actors, _sources(), [])
    assert len(found) == 2


def test_statements_on_different_days_stay_apart(actors):
    found = resolve_events([_report("a", date(2023, 10, 28), "statement", ("North Korea",)),
                            _report("b", date(2023, 11, 11), "statement", ("North Korea",))],
                           actors, _sources(), [])
    assert len(found) == 2


def test_a_month_report_joins_the_day_and_the_day_wins(actors):
    pair = ("Kim Jong Un", "Sergei Shoigu")
    found = resolve_events([_report("a", date(2023, 9, 1), "meeting", pair, precision="month"),
                            _report("b", date(2023, 9, 13), "meeting", pair)], actors, _sources(), [])
    [event] = found
    assert event.date.start == date(2023, 9, 13) and event.date.precision == "day"
    assert not event.conflicts


def test_title_names_resolved_actors(actors):
    [event] = resolve_events([_report("a", date(2023, 7, 1), "visit", ("Sergei Shoigu", "North Korea"),
                                      title="{0} visits Pyongyang")], actors, _sources(), [])
    assert event.title == "Sergei Shoigu visits Pyongyang"


def test_an_event_id_is_made_of_its_first_participants_actor_id_not_its_name():
    # a curated actor's name may be edited; its id, and the ids of its events, stay
    acts = (Actor(id="kim", name="Kim Jong Un", kind="person"),)
    index = ActorIndex(acts, {}, {"kim jong un": "kim"})
    [event] = resolve_events([_report("a", date(2023, 9, 13), "visit", ("Kim Jong Un",), title="{0} visits Russia")],
                             index, _sources(), [])
    assert event.id == "2023-09-13-visit-kim" and event.title == "Kim Jong Un visits Russia"


def test_reports_naming_nobody_on_one_day_are_one_happening(actors):
    day = date(2023, 6, 6)
    found = resolve_events([_report("a", day, "destruction", (), agents=0, title="Dam destroyed"),
                            _report("b", day, "destruction", (), agents=0, title="Kakhovka dam destroyed"),
                            _report("c", day, "incident", (), agents=0, title="Dam breached"),
                            _report("c", date(2023, 6, 9), "destruction", (), agents=0, title="Bridge destroyed")],
                           actors, _sources(), [])
    assert sorted(len(e.reports) for e in found) == [1, 3]


def test_a_speech_to_a_body_on_the_day_it_meets_joins_the_meeting():
    names = {"un-security-council": "UN Security Council", "vasily-nebenzya": "Vasily Nebenzya",
             "dmitry-peskov": "Dmitry Peskov"}
    acts = tuple(Actor(id=i, name=n, kind="person" if " " in n[3:] else "organization") for i, n in names.items())
    index = ActorIndex(acts, {}, {n.lower(): i for i, n in names.items()})
    day = date(2023, 6, 6)
    meeting = _report("a", day, "meeting", ("UN Security Council",), agents=0, title="Emergency meeting of the {0}")
    speech = _report("b", day, "statement", ("Vasily Nebenzya", "UN Security Council"), title="{0} says it was sabotage")
    other = _report("c", day, "statement", ("Dmitry Peskov",), title="{0} says it was sabotage")
    found = resolve_events([meeting, speech, other], index, _sources(), [])
    [session] = [e for e in found if e.kind == "meeting"]
    assert session.title == "Emergency meeting of the UN Security Council" and len(session.reports) == 2
    assert len(found) == 2


def test_a_title_is_never_built_on_a_doer_that_is_no_actor(actors):
    day = date(2023, 6, 6)
    [event] = resolve_events([_report("a", day, "statement", ("Kakhovka", "Japan"), agents=1,
                                      title="{0} says the attack was sabotage", text="he told Japan it was sabotage")],
                             actors, _sources(), [])
    assert not event.title.startswith("Kakhovka")


def test_crashes_of_one_day_are_one_crash(actors):
    """Two sources name different people with one crash (the plane's owner, a passenger)."""
    day = date(2023, 8, 23)
    found = resolve_events([_report("a", day, "crash", ("Japan",)), _report("b", day, "crash", ("South Korea",)),
                            _report("c", day, "crash", ())], actors, _sources(), [])
    assert len(found) == 1


def _voices():
    acts = (Actor(id="ukraine", name="Ukraine", kind="country"),
            Actor(id="russia", name="Russia", kind="country"),
            Actor(id="foreign-ministry", name="Foreign Ministry", kind="organization", affiliations=("ukraine",)),
            Actor(id="white-house", name="White House", kind="organization"),
            Actor(id="john-kirby", name="John Kirby", kind="person", role="spokesman", affiliations=("white-house",)),
            Actor(id="kremlin", name="Kremlin", kind="organization", affiliations=("russia",)))
    return ActorIndex(acts, {}, {a.name.lower(): a.id for a in acts})


def test_a_spokesman_and_his_body_or_a_state_and_its_ministry_on_one_day_are_one_statement():
    day = date(2023, 6, 6)
    found = resolve_events([_report("a", day, "statement", ("John Kirby",)),
                            _report("b", day, "statement", ("White House",)),
                            _report("a", day, "statement", ("Ukraine",)),
                            _report("c", day, "statement", ("Foreign Ministry",)),
                            _report("c", day, "statement", ("Kremlin",))], _voices(), _sources(), [])
    assert sorted(sorted(r.source for r in e.reports) for e in found) == [["a", "b"], ["a", "c"], ["c"]]


def test_words_dated_only_by_the_article_join_the_same_words_dated_the_day_before():
    from dataclasses import replace
    told = replace(_report("b", date(2023, 6, 7), "statement", ("John Kirby",)), date_text="")
    found = resolve_events([_report("a", date(2023, 6, 6), "statement", ("John Kirby",), date_text="on Tuesday"),
                            told], _voices(), _sources(), [])
    [event] = found
    assert event.date.start == date(2023, 6, 6)


def test_one_sentence_telling_several_days_is_several_events(actors):
    from dataclasses import replace
    days = [date(2023, 2, 10), date(2023, 2, 11), date(2023, 2, 12)]
    found = resolve_events([replace(_report("a", d, "attack", (), agents=0, title="Objects shot down"), text="shot down")
                            for d in days], actors, _sources(), [])
    assert sorted(e.date.start for e in found) == days


def test_a_file_photos_dated_occasion_is_an_event_a_caption_of_the_storys_day_only_joins(actors):
    """'FILE - ... in Pyongyang, Thursday, Oct 13, 2022' under a 2023 story: an occasion only the caption
    records. A caption dated to the story's own days shows what the text tells: it makes no event alone."""
    sources = {s: replace(src, published=date(2023, 11, 11)) for s, src in _sources().items()}
    old = replace(_report("a", date(2022, 10, 13), "press-conference", ("Kim Jong Un",),
                          date_text="Thursday, Oct 13, 2022"), confidence=0.5)
    recent = replace(_report("b", date(2023, 11, 10), "attack", ("Japan",), date_text="Nov. 10, 2023"),
                     confidence=0.5)
    weekday = replace(_report("c", date(2022, 9, 1), "visit", ("Japan",), date_text="Thursday"), confidence=0.5)
    found = resolve_events([old, recent, weekday], actors, sources, [])
    assert [(e.kind, e.date.start) for e in found] == [("press-conference", date(2022, 10, 13))]


def test_a_counted_group_and_that_many_speakers_named_next_are_one_act(actors):
    """"Two lawmakers demanded Monday ..." then "..., wrote Kim Jong Un and Sergei Shoigu": one act of speech;
    three named speakers, or the same two a sentence further on, are not (other people, another act)."""
    day = date(2023, 10, 30)
    counted = EventReport(ref=Ref("a", "s4", 0, 40), trigger="demanded", kind="statement", date=DateSpan(day, None, "day"),
                          date_text="Monday", participants=("Japan",), participant_refs=(Ref("a", "s4", 4, 10),),
                          text="Two lawmakers demanded Monday documents.", agents=1)
    named = _report("a", day, "statement", ("Kim Jong Un", "Sergei Shoigu"), agents=2, date_text="")
    named = replace(named, ref=Ref("a", "s5", 0, 1))
    assert len(resolve_events([counted, named], actors, _sources(), [])) == 1
    later = replace(named, ref=Ref("a", "s6", 0, 1))
    assert len(resolve_events([counted, later], actors, _sources(), [])) == 2
    three = replace(named, participants=("Kim Jong Un", "Sergei Shoigu", "South Korea"), agents=3,
                    participant_refs=tuple(Ref("a", "s5", 100 + n) for n in range(3)))
    assert len(resolve_events([counted, three], actors, _sources(), [])) == 2


def test_one_speakers_different_words_on_consecutive_days_are_two_events():
    """A spokesman's words on Tuesday and, in Wednesday's paper with no date of their own, other words:
    two acts of speech, not one the second paper dates a day late."""
    from dataclasses import replace
    tuesday = _report("a", date(2023, 6, 6), "statement", ("John Kirby",), date_text="on Tuesday",
                      text="The investigation is continuing and the ferry's cargo is being examined, John Kirby said.")
    wednesday = replace(_report("b", date(2023, 6, 7), "statement", ("John Kirby",),
                                text="The ship was launched from the north harbour, John Kirby told reporters."),
                        date_text="")
    found = resolve_events([tuesday, wednesday], _voices(), _sources(), [])
    assert sorted(e.date.start for e in found) == [date(2023, 6, 6), date(2023, 6, 7)]


def test_a_report_naming_nobody_joins_the_one_same_day_event_whose_participant_its_words_name():
    """Two killings reported on one day; 'Nasser was killed on Saturday night' names no participant the
    parse found, but its words name one event's victim by surname: it is that killing."""
    people = {"Karim Nasser": "karim-nasser", "Ana Costa": "ana-costa"}
    acts = tuple(Actor(id=i, name=n, kind="person") for n, i in people.items())
    index = ActorIndex(acts, {}, {n.lower(): i for n, i in people.items()})
    day = date(2023, 6, 3)
    found = resolve_events([_report("a", day, "attack", ("Karim Nasser",), agents=0, title="{0} killed"),
                            _report("b", day, "attack", ("Ana Costa",), agents=0, title="{0} killed"),
                            replace(_report("c", day, "attack", (), agents=0, title="Killing"),
                                    text="Nasser was killed on Saturday night")],
                           index, _sources(), [])
    assert sorted(len(e.reports) for e in found) == [1, 2]
    assert [e.participants for e in found if len(e.reports) == 2] == [("karim-nasser",)]


def test_two_speakers_of_different_sides_speaking_of_one_side_on_one_day_are_two_statements(actors):
    # "North Korea blamed Japan on Monday", "South Korea accused North Korea the same day": whom they
    # spoke of is shared, who spoke is not
    day = date(2023, 6, 6)
    found = resolve_events([_report("a", day, "statement", ("North Korea", "Japan")),
                            _report("b", day, "statement", ("South Korea", "North Korea")),
                            _report("c", day, "statement", ("North Korea", "United States"))], actors, _sources(), [])
    assert sorted(sorted(r.source for r in e.reports) for e in found) == [["a", "c"], ["b"]]


def test_a_report_naming_nobody_that_fits_two_such_groups_makes_them_one(actors):
    """'the terrorist attack' dated a day late by a later speech, 'many others injured' on the day, then
    'Thursday's attack': the last is the same day as the second and shares a title word with the first, so
    all three tell one happening."""
    found = resolve_events([_report("a", date(2023, 6, 2), "attack", (), agents=0, title="Terrorist attack"),
                            _report("b", date(2023, 6, 1), "attack", (), agents=0, title="Many others injured"),
                            _report("c", date(2023, 6, 1), "attack", (), agents=0, title="Attack")],
                           actors, _sources(), [])
    assert len(found) == 1


def test_one_attack_told_with_different_doers_in_one_place_or_with_one_toll_is_one_event(actors):
    """The accounts dispute who did it: "Japan's attack in Kabul", "a North Korean attack in Kabul" on one day
    are one happening; so are "killed 26 tourists" and "26 tourists were gunned down" with no place read."""
    day = date(2023, 6, 1)
    placed = [replace(_report("a", day, "attack", ("Japan",), title="{0} attacks"), place="Kabul"),
              replace(_report("b", day, "attack", ("North Korea",), title="{0} attacks"), place="Kabul")]
    assert len(resolve_events(placed, actors, _sources(), [])) == 1
    counted = [_report("a", day, "attack", ("Japan",), text="an attack that killed 26 tourists"),
               _report("b", day, "attack", ("North Korea",), text="26 tourists were gunned down")]
    assert len(resolve_events(counted, actors, _sources(), [])) == 1
    other_toll = [_report("a", day, "attack", ("Japan",), text="an attack that killed 26 tourists"),
                  _report("b", day, "attack", ("North Korea",), text="12 soldiers were shot")]
    assert len(resolve_events(other_toll, actors, _sources(), [])) == 2


def test_a_killing_told_as_one_sides_account_joins_the_killing_its_words_name_and_takes_its_plain_title():
    """'Ana Costa killed' and 'Peru said Japan was behind the murder of Ana Costa, the daughter of Karim
    Nasser' on one day: the account names the victim, so it is that killing; the event is titled as the
    texts tell it, not by the doer one side names."""
    people = {"Karim Nasser": "karim-nasser", "Ana Costa": "ana-costa"}
    acts = tuple(Actor(id=i, name=n, kind="person") for n, i in people.items()) + (Actor("japan", "Japan", "country"),)
    index = ActorIndex(acts, {}, {**{n.lower(): i for n, i in people.items()}, "japan": "japan"})
    day = date(2023, 6, 3)
    told = replace(_report("b", day, "attack", ("Japan", "Karim Nasser"), title="Murder of the daughter by {0} "
                           "(according to Peru)", text="the murder of Ana Costa, the daughter of Karim Nasser"),
                   account=True)
    found = resolve_events([told, _report("a", day, "attack", ("Ana Costa",), agents=0, title="{0} killed",
                                          text="a bomb that killed Ana Costa")], index, _sources(), [])
    assert len(found) == 1
    assert found[0].title == "Ana Costa killed"


def test_what_a_publisher_says_on_the_day_it_publishes_joins_the_publication_and_others_words_stay_apart(actors):
    found = resolve_events([_report("a", date(2023, 8, 21), "publication", ("United States",)),
                            _report("b", date(2023, 8, 21), "statement", ("United States",)),
                            _report("c", date(2023, 8, 21), "statement", ("Japan",)),
                            _report("c", date(2023, 8, 22), "statement", ("United States",))],
                           actors, _sources(), [])
    assert sorted(len(e.reports) for e in found) == [1, 1, 2]
    [joined] = [e for e in found if len(e.reports) == 2]
    assert joined.kind == "publication" and {r.source for r in joined.reports} == {"a", "b"}


def test_an_act_of_speech_is_made_by_its_speakers_not_by_whom_it_names(actors):
    # "North Korea said the United States and Japan were lying": North Korea spoke; the others are what it
    # spoke of (their pages list the sentence among their mentions, not as an event they took part in)
    spoke = _report("a", date(2023, 10, 28), "statement", ("North Korea", "United States", "Japan"))
    struck = _report("b", date(2023, 10, 29), "attack", ("North Korea", "Japan"), agents=1)
    by_kind = {e.kind: e for e in resolve_events([spoke, struck], actors, _sources(), [])}
    assert by_kind["statement"].participants == ("north-korea",)
    assert set(by_kind["attack"].participants) == {"north-korea", "japan"}


def test_words_of_an_unresolved_speaker_join_the_act_of_speech_told_beside_them():
    # "Iran provided the weapons, the coalition said Tuesday" (no actor) next to "coalition spokesman X told
    # reporters": one act; words told far from any other act of that day stay apart
    day = date(2023, 6, 6)

    def at(report: EventReport, sentence: str) -> EventReport:
        return replace(report, ref=replace(report.ref, sentence=sentence))

    found = resolve_events([at(_report("a", day, "statement", ("Ukraine",)), "s2"),
                            at(_report("a", day, "statement", ("Kremlin",)), "s9"),
                            at(_report("a", day, "statement", ()), "s3"),
                            at(_report("a", day, "statement", ()), "s20")], _voices(), _sources(), [])
    by_sentences = sorted(sorted(r.sentence for r in e.reports) for e in found)
    assert by_sentences == [["s2", "s3"], ["s20"], ["s9"]]
