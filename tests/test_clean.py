"""Clean stage: page furniture that is not article text is dropped (and kept for the review page)."""
from __future__ import annotations

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
