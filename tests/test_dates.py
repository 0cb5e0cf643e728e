"""The date stage: expressions found in sentences and normalised against the publication date.

Each case is an article in miniature (its sentences and publication date) and the expressions expected
in reading order, each as (text, span) with the span written as a curation file would write it
("2023-10", "2023-10-18/2023-10-19") or None when it cannot be resolved.
"""
from __future__ import annotations

from datetime import date

import pytest

from dossier.extract.dates import NO_PUBLICATION_DATE, NO_YEAR, find_candidates, find_times
from dossier.model import DateSpan, Sentence, format_span, parse_iso

SAT_11_NOV = date(2023, 11, 11)  # a Saturday
THU_26_OCT = date(2023, 10, 26)  # a Thursday
SAT_28_OCT = date(2023, 10, 28)  # a Saturday
FRI_20_OCT = date(2023, 10, 20)

CASES = [
    # ---- from the seed articles
    ("In October, White House Coordinator John Kirby claimed that the DPRK had provided Russia with arms.",
     SAT_11_NOV, [("In October", "2023-10")]),
    ("Russian Foreign Ministry spokeswoman Maria Zakharova on Saturday rejected Western allegations.",
     SAT_11_NOV, [("on Saturday", "2023-11-11")]),
    ("North Korea said on Saturday it was the “steadfast will” of Pyongyang to expand ties with Russia.",
     SAT_28_OCT, [("on Saturday", "2023-10-28")]),
    ("The United States, South Korea and Japan on Thursday strongly condemned the suspected supply of arms.",
     SAT_28_OCT, [("on Thursday", "2023-10-26")]),
    (["At a press conference on Thursday, Kremlin spokesman Dmitry Peskov said, “North Korea is our neighbor.”",
      "His comments came just a day after the US denounced what they alleged were weapons supplies from "
      "Pyongyang to Moscow, which launched an ongoing war on Ukraine in February last year."],
     THU_26_OCT, [("on Thursday", "2023-10-26"), ("just a day after", "2023-10-25"),
                  ("in February last year", "2022-02")]),
    ("Kim Jong Un welcomes Sergei Lavrov during a meeting in Pyongyang, North Korea, October 19, 2023.",
     SAT_28_OCT, [("October 19, 2023", "2023-10-19")]),
    ("On October 18-19, Lavrov was in Pyongyang on an official visit.",
     FRI_20_OCT, [("On October 18-19", "2023-10-18/2023-10-19")]),
    ("He held talks with Russian President Vladimir Putin at Vostochny on September 13.",
     FRI_20_OCT, [("on September 13", "2023-09-13")]),
    ("Earlier in September, North Korean leader Kim Jong Un paid a visit to Russia.",
     SAT_11_NOV, [("Earlier in September", "2023-09")]),
    ("Russian Foreign Minister Sergei Lavrov met North Korean leader Kim Jong Un this month.",
     SAT_28_OCT, [("this month", "2023-10")]),
    (["Zakharova on Saturday rejected Western allegations.",
      "Earlier in the day, the DPRK Foreign Ministry said in a statement that relations would grow stronger."],
     SAT_11_NOV, [("on Saturday", "2023-11-11"), ("Earlier in the day", "2023-11-11")]),
    ("In July, Russian Defense Minister Sergei Shoigu visited North Korea.",
     THU_26_OCT, [("In July", "2023-07")]),
    ("US Rep. Ilhan Omar talks with Nancy Pelosi before voting on H.R. 1, or the People Act, on the East "
     "Steps of the US Capitol on March 08, 2019 in Washington, DC.",
     THU_26_OCT, [("on March 08, 2019", "2019-03-08")]),
    ("Kirby reported about a thousand containers being supplied from Pyongyang to Moscow over the past two months.",
     FRI_20_OCT, [("over the past two months", "2023-08/2023-10")]),
    (["Back in September, North Korean leader Kim Jong-un visited Russia.",
      "Washington at the time claimed that it had intelligence data on a weapons deal."],
     THU_26_OCT, [("Back in September", "2023-09"), ("at the time", "2023-09")]),
    ("In October, Lavrov visited the DPRK, following Kim Jong Un's trip to Russia in September and "
     "Shoigu's visit to Pyongyang in July.",
     SAT_11_NOV, [("In October", "2023-10"), ("in September", "2023-09"), ("in July", "2023-07")]),
    ("During Kim's September visit, he toured the Komsomolsk-on-Amur aviation plant.",
     SAT_11_NOV, [("September", "2023-09")]),

    # ---- a month without a year: the latest on or before publication, unless the sentence looks ahead
    ("The talks began in January.", THU_26_OCT, [("in January", "2023-01")]),
    ("The talks began in December.", THU_26_OCT, [("in December", "2022-12")]),
    ("The leaders will meet again in December, when the summit will be held.",
     THU_26_OCT, [("in December", "2023-12")]),
    ("Kim will visit Russia in September.", THU_26_OCT, [("in September", "2024-09")]),
    ("The vote is scheduled for November 2.", THU_26_OCT, [("November 2", "2023-11-02")]),
    ("Kirby said in October that the DPRK will face consequences.",
     SAT_11_NOV, [("in October", "2023-10")]),
    ("The fair opened in May.", THU_26_OCT, [("in May", "2023-05")]),
    ("The ceasefire was agreed in October.", THU_26_OCT, [("in October", "2023-10")]),
    ("Fighting resumed on December 30 – January 2.", date(2024, 1, 10),
     [("on December 30 – January 2", "2023-12-30/2024-01-02")]),

    # ---- full dates in their written forms
    ("The meeting took place on 19 October 2023.", None, [("on 19 October 2023", "2023-10-19")]),
    ("The file is dated 2023-10-19.", None, [("2023-10-19", "2023-10-19")]),
    ("Talks were held Thursday, October 19, 2023, in Pyongyang.", None,
     [("Thursday, October 19, 2023", "2023-10-19")]),
    ("The summit ran from 30 September – 2 October 2023.", None,
     [("from 30 September – 2 October 2023", "2023-09-30/2023-10-02")]),
    ("Talks were held 18-19 October.", FRI_20_OCT, [("18-19 October", "2023-10-18/2023-10-19")]),
    ("The report came out on the 19th of October.", FRI_20_OCT, [("on the 19th of October", "2023-10-19")]),
    ("Shipments began Oct. 19 and ended in Sept. 2024.", SAT_28_OCT,
     [("Oct. 19", "2023-10-19"), ("in Sept. 2024", "2024-09")]),
    ("The deal was signed in February 2022.", None, [("in February 2022", "2022-02")]),
    ("Fighting flared in mid-October.", SAT_11_NOV, [("in mid-October", "2023-10")]),
    ("The visit was planned for October 19 last year.", THU_26_OCT,
     [("October 19 last year", "2022-10-19")]),

    # ---- years
    ("Sanctions have been in place since 2014.", None, [("since 2014", "2014")]),
    ("The programme was expanded in 2019.", None, [("in 2019", "2019")]),
    ("Trade grew from 2014 to 2016.", None, [("from 2014 to 2016", "2014/2016")]),
    ("The 2014-2016 talks failed.", None, [("2014-2016", "2014/2016")]),
    ("Ties were close in the 1990s.", None, [("in the 1990s", "1990/1999")]),

    # ---- relative to publication
    ("The war began last year.", THU_26_OCT, [("last year", "2022")]),
    ("Prices rose last month.", SAT_28_OCT, [("last month", "2023-09")]),
    ("Talks resume next month.", SAT_28_OCT, [("next month", "2023-11")]),
    ("Elections are due next year.", SAT_28_OCT, [("next year", "2024")]),
    ("Earlier this year the ministers met.", SAT_28_OCT, [("Earlier this year", "2023")]),
    ("The ministry said so yesterday.", SAT_28_OCT, [("yesterday", "2023-10-27")]),
    ("The convoy left two days ago.", SAT_28_OCT, [("two days ago", "2023-10-26")]),
    ("The plant closed three months ago.", SAT_28_OCT, [("three months ago", "2023-07")]),
    ("Officials met last week.", SAT_28_OCT, [("last week", "2023-10-16/2023-10-22")]),
    ("Officials meet next week.", SAT_28_OCT, [("next week", "2023-10-30/2023-11-05")]),
    ("Deliveries rose over the past week.", SAT_28_OCT, [("over the past week", "2023-10-21/2023-10-28")]),
    ("Deliveries will rise in the coming two years.", SAT_28_OCT, [("in the coming two years", "2023/2025")]),

    # ---- weekdays: the latest such day on or before publication, unless told otherwise
    ("The envoy arrived last Saturday.", SAT_28_OCT, [("last Saturday", "2023-10-21")]),
    ("The envoy arrives next Saturday.", SAT_28_OCT, [("next Saturday", "2023-11-04")]),
    ("The leaders will meet on Tuesday.", SAT_28_OCT, [("on Tuesday", "2023-10-31")]),
    ("Peskov said on Tuesday that Russia will continue to develop relations.", SAT_28_OCT,
     [("on Tuesday", "2023-10-24")]),
    ("Shelling continued on Friday night.", SAT_28_OCT, [("on Friday night", "2023-10-27")]),

    # ---- relative to the text
    (["On October 18, Lavrov arrived in Pyongyang.", "A day later, he met Kim Jong Un."],
     FRI_20_OCT, [("On October 18", "2023-10-18"), ("A day later", "2023-10-19")]),
    (["On October 18, Lavrov arrived in Pyongyang.", "The next day, he met Kim Jong Un."],
     FRI_20_OCT, [("On October 18", "2023-10-18"), ("The next day", "2023-10-19")]),
    (["Kim spoke on Thursday.", "He spoke two days after the tests were held."],
     SAT_28_OCT, [("on Thursday", "2023-10-26"), ("two days after", "2023-10-24")]),
    ("Earlier in the day, the ministry issued a statement.", SAT_28_OCT,
     [("Earlier in the day", "2023-10-28")]),
    (["Lavrov visited on October 19, 2023.", "Earlier in the day, Putin called."],
     None, [("on October 19, 2023", "2023-10-19"), ("Earlier in the day", "2023-10-19")]),

    # ---- seasons, vague windows, parts of a named day
    ("He said Russian troops planted explosives in the dam last fall.", date(2023, 6, 6),
     [("last fall", "2022-09/2022-11")]),
    ("The harvest failed last summer.", date(2023, 6, 6), [("last summer", "2022-06/2022-08")]),
    ("Fighting stalled in the winter of 2022.", None, [("in the winter of 2022", "2022-12/2023-02")]),
    ("The ministry said it repelled several attacks in recent days.", date(2023, 6, 7),
     [("in recent days", "2023-06-04/2023-06-07")]),
    ("Drones struck the port overnight.", date(2023, 6, 6), [("overnight", "2023-06-06")]),
    ("On the morning of 6 June, the command reported the blast.", date(2023, 6, 6),
     [("On the morning of 6 June", "2023-06-06")]),
    ("The dam was destroyed early on Tuesday morning.", date(2023, 6, 7),
     [("early on Tuesday morning", "2023-06-06")]),
    ("Since March last year, the plant has been under Russian control.", date(2023, 6, 6),
     [("Since March last year", "2022-03")]),
    (["Peskov spoke on Tuesday.", "“Having launched an offensive two days ago, they are failing,” he said."],
     date(2023, 6, 7), [("on Tuesday", "2023-06-06"), ("two days ago", "2023-06-04")]),
    (["He said the offensive began 2 days ago.", "“Having launched an offensive 2 days ago, they fail,” he said."],
     date(2023, 6, 6), [("2 days ago", "2023-06-04"), ("2 days ago", "2023-06-04")]),

    # ---- found but not resolvable
    ("Zakharova on Saturday rejected the claims.", None, [("on Saturday", None)]),
    ("In July, Shoigu visited North Korea.", None, [("In July", None)]),
    ("Lavrov met Kim this month.", None, [("this month", None)]),
    ("The ceasefire was signed on February 30, 2023.", None, [("on February 30, 2023", None)]),
    ("His comments came just a day after the US denounced the deliveries.", THU_26_OCT,
     [("just a day after", None)]),
    ("Washington at the time claimed it had intelligence.", THU_26_OCT, [("at the time", None)]),
    (["On October 18, Lavrov arrived.", "Talks began.", "Nothing happened.", "A day later, he left."],
     FRI_20_OCT, [("On October 18", "2023-10-18"), ("A day later", None)]),

    # ---- not dates
    ("Lavrov said so in an interview with the “60 Minutes” program.", THU_26_OCT, []),
    ("Shoigu attended celebrations of the 70th anniversary of the armistice, celebrated as Victory Day.",
     THU_26_OCT, []),
    ("The DPRK had provided Russia with over 1,000 containers of military gear.", THU_26_OCT, []),
    ("It may rain, and they may march on the embassy.", THU_26_OCT, []),
    ("Thousands March on the embassy.", THU_26_OCT, []),
    ("Pelosi spoke before voting on H.R. 1, or the People Act.", THU_26_OCT, []),
    ("The sanctions lasted for two months.", THU_26_OCT, []),
    ("The latter for its years-long ballistic missile and nuclear programs.", THU_26_OCT, []),
    ("Former Prime Minister Theresa May said the talks had failed.", THU_26_OCT, []),
    ("Former Prime Minister Theresa May 2019 memoir was cited.", THU_26_OCT, []),
    ("April Ryan asked about the deliveries.", THU_26_OCT, []),
    ("Russia Today reported the visit.", THU_26_OCT, []),
    ("Pilgrims gathered on Good Friday.", THU_26_OCT, []),
    ("The army sent 2000 troops and 300 tanks.", THU_26_OCT, []),
    (["Talks were held in June.", "Its forces controlled the dam at the time of the blast."], THU_26_OCT,
     [("in June", "2023-06")]),
    ("Spring is here, and the Arab Spring is remembered.", THU_26_OCT, []),
    ("Earlier, Ambassador Oleg Burmistrov told Sputnik that Russia abides by its obligations.", THU_26_OCT, []),
    # a caption's dateline: the weekday makes "May" a month after a place name, and the next sentence's
    # bare weekday is the day just named, however long before publication
    (["A worker in a lab during a tour for journalists in Lyon, Thursday, May 14, 2020.",
      "France reported three new cases Thursday while moving to reopen schools."], THU_26_OCT,
     [("Thursday, May 14, 2020", "2020-05-14"), ("Thursday", "2020-05-14")]),
]


def article(texts: str | list[str]) -> list[Sentence]:
    texts = [texts] if isinstance(texts, str) else texts
    return [Sentence(f"s{i}", text, paragraph=i) for i, text in enumerate(texts, start=1)]


def case_id(case) -> str:
    texts = case[0] if isinstance(case[0], list) else [case[0]]
    return texts[-1][:48]


@pytest.mark.parametrize("texts, published, expected", CASES, ids=[case_id(c) for c in CASES])
def test_expressions(texts, published, expected):
    found = find_times(article(texts), "src", published)
    got = [(t.text, t.span) for t in found]
    assert got == [(text, parse_iso(iso) if iso else None) for text, iso in expected]


@pytest.mark.parametrize("texts, published, expected", CASES, ids=[case_id(c) for c in CASES])
def test_every_expression_links_to_its_words(texts, published, expected):
    sentences = {s.id: s for s in article(texts)}
    for t in find_times(list(sentences.values()), "src", published):
        assert t.ref.source == "src"
        assert sentences[t.ref.sentence].text[t.ref.start:t.ref.end] == t.text
        assert t.span is not None or t.reason, "an unresolved expression says why"


@pytest.mark.parametrize("text, published, relative", [
    ("It happened on October 19, 2023.", THU_26_OCT, False),
    ("It happened in 2019.", THU_26_OCT, False),
    ("It happened in July.", THU_26_OCT, True),
    ("It happened on Thursday.", THU_26_OCT, True),
    ("It happened last year.", THU_26_OCT, True),
    ("It happened at the time.", None, True),
])
def test_relative_marks_what_depended_on_context(text, published, relative):
    [found] = find_times(article(text), "src", published)
    assert found.relative is relative


@pytest.mark.parametrize("text, reason", [
    ("It happened on Saturday.", NO_PUBLICATION_DATE),
    ("It happened last year.", NO_PUBLICATION_DATE),
    ("It happened over the past two months.", NO_PUBLICATION_DATE),
    ("It happened in February last year.", NO_PUBLICATION_DATE),
    ("It happened in July.", NO_YEAR),
    ("It happened on September 13.", NO_YEAR),
])
def test_without_publication_date_relative_ones_say_why(text, reason):
    [found] = find_times(article(text), "src", None)
    assert (found.span, found.reason) == (None, reason)


def test_expressions_come_in_reading_order_across_sentences():
    found = find_times(article(["In July and on Saturday.", "Since 2014, and last year."]), "a", SAT_28_OCT)
    assert [(t.ref.sentence, t.text) for t in found] == [
        ("s1", "In July"), ("s1", "on Saturday"), ("s2", "Since 2014"), ("s2", "last year")]
    assert [t.ref.start for t in found] == [0, 12, 0, 16]


def test_finding_reads_one_sentence_without_an_article():
    assert [(c.kind, c.start, c.end) for c in find_candidates("On October 18-19, Lavrov was in Pyongyang.")] \
        == [("month_day", 0, 16)]


# ---------------------------------------------------------------- curation dates and their human form


@pytest.mark.parametrize("value, span", [
    ("2023", DateSpan(date(2023, 1, 1), None, "year")),
    ("2023-07", DateSpan(date(2023, 7, 1), None, "month")),
    ("2023-10-18", DateSpan(date(2023, 10, 18), None, "day")),
    ("2023-10-18/2023-10-19", DateSpan(date(2023, 10, 18), date(2023, 10, 19), "day")),
    ("2023-08/2023-10", DateSpan(date(2023, 8, 1), date(2023, 10, 1), "month")),
    (" 2023-10-18 ", DateSpan(date(2023, 10, 18), None, "day")),
    ("2023-10-18/2023-10-18", DateSpan(date(2023, 10, 18), None, "day")),
    (date(2023, 10, 18), DateSpan(date(2023, 10, 18), None, "day")),  # YAML reads bare dates as dates
    (2023, DateSpan(date(2023, 1, 1), None, "year")),  # and bare years as ints
])
def test_parse_iso(value, span):
    assert parse_iso(value) == span


@pytest.mark.parametrize("value, message", [
    ("October 2023", "is not a date"),
    ("2023-13", "month must be in 1..12"),
    ("2023-02-30", "day is out of range"),
    ("2023-10-19/2023-10-18", "ends before it starts"),
    ("2023-10/2023-10-19", "same precision"),
    ("2023/2024/2025", "two ends"),
    ("", "is not a date"),
    (None, "is not a date"),
])
def test_parse_iso_rejects_with_a_clear_message(value, message):
    with pytest.raises(ValueError, match=message):
        parse_iso(value)


@pytest.mark.parametrize("iso, human", [
    ("2023-10-18/2023-10-19", "18–19 October 2023"),
    ("2023-07", "July 2023"),
    ("2023", "2023"),
    ("2023-09-13", "13 September 2023"),
    ("2023-09-30/2023-10-02", "30 September – 2 October 2023"),
    ("2023-12-30/2024-01-02", "30 December 2023 – 2 January 2024"),
    ("2023-08/2023-10", "August–October 2023"),
    ("2022-12/2023-02", "December 2022 – February 2023"),
    ("2014/2016", "2014–2016"),
])
def test_format_span(iso, human):
    assert format_span(parse_iso(iso)) == human
