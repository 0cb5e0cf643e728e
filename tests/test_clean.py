"""Clean stage: page furniture that is not article text is dropped (and kept for the review page)."""
from __future__ import annotations

import pytest

from dossier.clean import clean
from dossier.model import Article

BODY = """Wire | Updated: 02-03-2024 10:15 IST | Created: 02-03-2024 10:15 IST
The finance minister of Ruritania said on Monday that the budget would be balanced within two years, despite the protests.

4 min read

People are also reading…

Opposition leaders said the plan would hurt pensioners and called for a vote in the assembly next week.

(This story has not been edited by Example staff and is auto-generated from a syndicated feed.)

Markets News Roundup: Shares rise; bonds slip and more

Unrelated firm fined in tax case

Jane Roe

Jane Roe is a London-based staff reporter for the Example. She covers economics. Follow her on Twitter: @janeroe.
"""


def test_furniture_bios_and_what_follows_a_syndication_note_are_dropped():
    source = clean(Article("a", "seeds/a.txt", "Budget to be balanced", BODY))
    text = " ".join(s.text for s in source.sentences)
    assert "finance minister" in text and "pensioners" in text
    for gone in ("Updated:", "4 min read", "also reading", "syndicated feed", "News Roundup", "Unrelated firm",
                 "Jane Roe"):
        assert gone not in text
        assert any(gone in line for line in source.dropped)


def test_a_newsrooms_appeal_for_money_closing_the_article_is_dropped_with_what_follows():
    body = ("The finance minister of Ruritania said on Monday that the budget would be balanced within two years.\n\n"
            "… we have a small favor to ask.\n\n"
            "As you may have heard, the Ruritania Herald, an independent news source, has been branded a foreign "
            "agent by the government.\n\n"
            "We, the journalists of the Ruritania Herald, refuse to be silenced. But we need your help.\n")
    source = clean(Article("d", "seeds/d.txt", "Budget to be balanced", body))
    text = " ".join(s.text for s in source.sentences)
    assert "finance minister" in text
    assert "favor to ask" not in text and "Herald" not in text


def test_a_reporting_verb_run_into_its_that_is_set_apart_and_its_condition_kept(nlp):
    """A space lost at a tag's edge ("statedthat") leaves the parser no verb; split again, the statement keeps the
    condition it was said on ("if ...")."""
    from test_statements import statements
    body = ("After the visit, Ruritanian President Ana Vega statedthat if Borduria helped Sylvania arm its navy, it "
            "would be a direct provocation.\n")
    source = clean(Article("f", "seeds/f.txt", "Vega warns Borduria", body))
    assert "stated that if Borduria" in source.sentences[-1].text
    found = statements(nlp, "Vega warns Borduria\n" + source.sentences[-1].text)
    assert [s.text.split()[0] for s in found if "provocation" in s.text] == ["if"]


def test_datelines_in_the_first_paragraphs_and_photo_credits_are_dropped():
    body = ("A resident looks at the flooded street of the town after the storm, in Tarvos, Ruritania May 6, 2024. "
            "REUTERS/Jane Doe\n"
            "\"The river has never been this high,\" the mayor of the town said on Monday, standing by the bridge.\n"
            "OSLO, May 7. /NTB/. The government said on Tuesday it would send help to the flooded towns in the north.\n")
    source = clean(Article("b", "seeds/b.txt", "Floods in the north", body))
    texts = [s.text for s in source.sentences]
    assert any(t.startswith("The government said") for t in texts)
    assert not any("OSLO" in t or "REUTERS" in t for t in texts)
    assert [s.kind for s in source.sentences if "resident" in s.text] == ["caption"]
    assert "REUTERS/Jane Doe" in source.dropped


def test_a_photo_credit_in_square_brackets_makes_its_line_a_caption_and_is_dropped():
    body = ("Smoke was seen after an explosion rocked the parliament's building in central Lima [Reuters]\n"
            "The government said on Tuesday that the attackers had been killed.\n")
    source = clean(Article("e", "seeds/e.txt", "Attack in Lima", body))
    smoke = [s for s in source.sentences if "Smoke" in s.text]
    assert [s.kind for s in smoke] == ["caption"] and "Reuters" not in smoke[0].text


def test_a_labelled_photo_credit_makes_its_line_a_caption_and_is_dropped():
    body = ("Ana Vega's death in police custody ignited protests across Ruritania. PHOTO: EPA-EFE\n"
            "The death of Ana Vega was caused by illness, said an official medical report published on Friday.\n")
    source = clean(Article("e", "seeds/e.txt", "Report on death", body))
    death = [s for s in source.sentences if "ignited" in s.text]
    assert [s.kind for s in death] == ["caption"] and "EPA" not in death[0].text
    assert [s.kind for s in source.sentences if "medical report" in s.text] == ["body"]


def test_a_staff_credit_in_brackets_after_the_last_sentence_is_dropped():
    body = ("Bolivia on Sunday denied that its troops had shelled the town.\n"
            "The ministry added that all its units had left the town on March 30. (Reporting by Reuters; editing by "
            "Jan Kowal)\n")
    source = clean(Article("e", "seeds/e.txt", "Bolivia denies shelling", body))
    assert source.sentences[-1].text == "The ministry added that all its units had left the town on March 30."
    assert "(Reporting by Reuters; editing by Jan Kowal)" in source.dropped


def test_a_wire_byline_of_several_writers_is_dropped():
    body = ("Ana Ruiz Kowal, JAN SOTO and MARIA C. VEGA, Associated Press\n"
            "The foreign minister of Ruritania has postponed a planned trip to Lima, an official said.\n")
    source = clean(Article("e", "seeds/e.txt", "Minister postpones trip", body))
    assert [s.text for s in source.sentences][1:] == [
        "The foreign minister of Ruritania has postponed a planned trip to Lima, an official said."]
    assert "Ana Ruiz Kowal, JAN SOTO and MARIA C. VEGA, Associated Press" in source.dropped


def test_wire_dateline_with_region_and_date_is_dropped():
    body = ("KHERSA, Ruritania, June 6 (Nordwire) - A torrent of water burst through the dam on Tuesday, flooding "
            "villages on both banks of the river and forcing hundreds to flee.\n")
    source = clean(Article("c", "seeds/c.txt", "Dam bursts", body))
    assert source.sentences[1].text.startswith("A torrent")


def test_a_wire_credit_closing_a_paragraph_is_dropped_and_its_sentence_kept():
    body = ("The finance minister of Ruritania said on Monday that the budget would be balanced within two years.\n"
            "The opposition leader dismissed the minister's remarks as \u201cblind and futile comments\u201d.\u2014 AP\n"
            "Unions said they would strike on Friday. - Reuters\n"
            "Markets rose after the announcement - AP reported.\n")
    source = clean(Article("d", "seeds/d.txt", "Budget", body))
    texts = [s.text for s in source.sentences]
    assert any(t.endswith("futile comments\u201d.") for t in texts)
    assert any(t == "Unions said they would strike on Friday." for t in texts)
    assert not any(t.rstrip().endswith(("AP", "Reuters")) for t in texts)
    assert {"\u2014 AP", "- Reuters"} <= set(source.dropped)
    assert any("AP reported" in t for t in texts)  # a name inside the sentence is the story's


def test_text_without_full_stops_is_cut_into_bounded_sentences():
    from dossier.clean import MAX_SENTENCE, split_sentences

    text = "the talks went on and on " * 1000
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE for p in pieces)
    assert " ".join(pieces) == text.strip()


def _dateline_cases():
    import yaml
    from pathlib import Path

    path = Path(__file__).parent / "cases" / "clean" / "datelines.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _dateline_cases(), ids=lambda c: c["name"])
def test_wire_datelines_of_every_common_style_are_cut(case):
    source = clean(Article("w", "seeds/w.txt", "A headline", case["body"] + "\n"))
    assert source.sentences[1].text.startswith(case["first"])
    if "dropped" in case:
        assert case["dropped"] in source.dropped


def test_an_agency_photo_credit_line_naming_its_source_and_photographer_is_dropped():
    body = ("Civilians take shelter during a military parade in the city of Tarvos, Ruritania, Saturday.\n"
            "AP Photo/Tarvos News Agency, Jane Doe\n"
            "The finance minister of Ruritania said on Monday that the budget would be balanced within two years.\n")
    source = clean(Article("d", "seeds/d.txt", "Parade", body))
    assert not any("Jane Doe" in s.text for s in source.sentences)
    assert any("finance minister" in s.text for s in source.sentences)


def test_wire_contributor_credits_are_dropped():
    body = ("The finance minister of Ruritania said on Monday that the budget would be balanced within two years.\n"
            "Associated Press writer Jane Roe in Tarvos, Ruritania, contributed to this report.\n"
            "— With files from The Canadian Press\n")
    source = clean(Article("d", "seeds/d.txt", "Budget", body))
    text = " ".join(s.text for s in source.sentences)
    assert "finance minister" in text and "Jane Roe" not in text and "With files" not in text
    assert any("contributed to this report" in line for line in source.dropped)


def test_a_wire_credit_with_a_state_abbreviation_and_a_source_line_are_dropped():
    body = ("Source: Andean TV\n"
            "The finance minister of Ruritania said on Monday that the budget would be balanced within two years.\n"
            "(Reporting by Jane Roe in New York and by Ana Ortiz in Saint Paul, Minn.Editing by Ivo Kral)\n")
    source = clean(Article("d", "seeds/d.txt", "Budget", body))
    text = " ".join(s.text for s in source.sentences)
    assert "finance minister" in text and "Ivo Kral" not in text and "Andean TV" not in text


def test_a_clock_time_before_a_weekday_or_month_does_not_end_the_sentence():
    from dossier.clean import split_sentences
    assert split_sentences("The kingdom said it in a statement around 1 a.m. Saturday in Riyadh. Five were fired.") \
        == ["The kingdom said it in a statement around 1 a.m. Saturday in Riyadh.", "Five were fired."]
    assert split_sentences("The talks ended at 10 p.m. The minister left.") \
        == ["The talks ended at 10 p.m.", "The minister left."]


def test_template_placeholders_left_in_a_line_are_cut_and_the_line_kept():
    body = ("The ousted group includes the deputy intelligence chief, Maj. Gen. Omar Haddad.{mosads}\n"
            "The ministry said on Monday it would appeal the ruling. [ad]\n")
    source = clean(Article("p", "seeds/p.txt", "A headline", body))
    texts = [s.text for s in source.sentences]
    assert any(t.endswith("Omar Haddad.") for t in texts)
    assert not any("{" in t or "[ad]" in t for t in texts)
    assert any(t.startswith("The ministry said on Monday") for t in texts)


@pytest.mark.parametrize("headline, sentence", [
    ("Exclusive-Ruritania says the rebels shelled the port", "Ruritania says the rebels shelled the port"),
    ("EXCLUSIVE: Ruritania plans new port", "Ruritania plans new port"),
    ("UPDATE 2-Ruritania shuts its embassy", "Ruritania shuts its embassy"),
    ("Factbox: who is who in the port dispute", "who is who in the port dispute"),
    ("Focus group backs the port plan", "Focus group backs the port plan"),  # a word of the headline, no label
])
def test_a_desk_label_before_the_headline_is_cut_from_its_sentence_but_kept_in_the_title(headline, sentence):
    source = clean(Article("w", "seeds/w.txt", headline, "The port reopened on Monday after a week of talks.\n"))
    assert source.sentences[0].text == sentence
    assert source.title == headline


def test_a_list_of_other_stories_below_the_article_is_dropped_with_its_time_stamps():
    body = ("The finance minister of Ruritania said on Monday that the budget would be balanced within two years, "
            "and that the port tax would go.\n"
            "\"We will not raise taxes,\" he said.\n"
            "MORE ABOUT\n"
            "Prime minister visits the northern ports, meets the dock workers\n"
            "14:53, 12.12.2025\n"
            "LATEST\n"
            "Portugal and Ruritania sign an agreement on naval drones\n")
    source = clean(Article("w", "seeds/w.txt", "Budget", body))
    texts = [s.text for s in source.sentences]
    assert texts[-1] == "\"We will not raise taxes,\" he said."
    assert "Portugal and Ruritania sign an agreement on naval drones" in source.dropped


def test_a_list_header_word_before_the_story_starts_ends_nothing():
    body = ("Latest\n"
            "The finance minister of Ruritania said on Monday that the budget would be balanced within two years, "
            "and that the port tax would go.\n")
    source = clean(Article("w", "seeds/w.txt", "Budget", body))
    assert source.sentences[-1].text.startswith("The finance minister")


def test_links_under_a_bare_read_more_header_are_dropped_and_the_story_goes_on():
    body = ("The finance minister of Ruritania said on Monday that the budget would be balanced within two years, "
            "and that the port tax would go.\n"
            "READ MORE:\n"
            "OPINION: From Lisbon to Lima: why the port tax matters to everyone\n"
            "Pressure grows in Ruritania for a firm answer to the port strike\n"
            "*********\n"
            "The opposition said the plan would fail.\n"
            "Copyright 2024 Nordpress Media Inc. All rights reserved. This material may not be published, broadcast, "
            "rewritten, or redistributed.\n")
    source = clean(Article("w", "seeds/w.txt", "Budget", body))
    texts = [s.text for s in source.sentences]
    assert not any("Lima" in t or "Pressure grows" in t or "Copyright" in t for t in texts), texts
    assert texts[-1] == "The opposition said the plan would fail."


def test_the_headline_repeated_above_the_story_is_dropped_once_and_a_later_line_like_it_stays():
    body = ("Clues Point to Port Strike, Minister Says\n\n"
            "The port minister of Ruritania said on Monday that the clues found in the harbour after the blast "
            "pointed to a strike by the rebels who have attacked the coast twice this year.\n\n"
            "Clues point to port strike, minister says.\n")
    source = clean(Article("h", "seeds/h.txt", "Clues Point to Port Strike, Minister Says", body))
    texts = [s.text for s in source.sentences]
    assert texts[0] == "Clues Point to Port Strike, Minister Says"
    assert texts[1].startswith("The port minister")
    assert "Clues Point to Port Strike, Minister Says" in source.dropped
    assert texts[-1] == "Clues point to port strike, minister says."  # story text, though it repeats the headline


def test_a_sentence_opening_with_by_is_no_byline():
    """The byline pattern keeps the names' case: "By Monday the army had left" is the story's."""
    body = ("By Monday the army had left the town.\n"
            "The finance minister of Ruritania said on Monday that the budget would be balanced.\n")
    source = clean(Article("d", "seeds/d.txt", "Budget", body))
    assert any(s.text.startswith("By Monday the army") for s in source.sentences)


def test_a_line_of_contributing_reporters_is_a_credit_however_long():
    line = ("Jane Doe, Ana Vega, Karim Harbadi in Lima, Nadia Petrova in Quito, Md Karim Uddin in La Paz "
            "and Ivan Orlov in Santiago")
    body = f"More than 600 workers have died on the dam sites since 2010, the figures show.\n{line}\n" \
           "The ministry said the figures were misleading.\n"
    source = clean(Article("f", "seeds/f.txt", "Dam deaths", body))
    assert not any("Jane Doe" in s.text for s in source.sentences)
    assert line in source.dropped
    # a line that names three people and says what they did is the story's
    told = clean(Article("g", "seeds/g.txt", "Talks", "Ana Vega, Karim Harbadi and Ivan Orlov met in Lima.\n"))
    assert any("met in Lima" in s.text for s in told.sentences)
