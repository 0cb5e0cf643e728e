"""Claims and responses: who alleged what, and who answered how. Named passes over one state:

1. read:          each statement once: its stance, the side it charges, the allegation it names, and the
                  side its speakers act for.
2. allegations:   the propositions of the story: statements that charge a side with an act or accuse,
                  allegations an answer names in its own words ("rejected Western allegations that X"),
                  and plain assertions that may yet be answered.
3. propositions:  one claim per proposition. Identity is who is charged (a side) and with what (the words
                  the wordings share, weighted by how rare they are in English), not shared words alone:
                  two charges against different sides are two claims (a mutual accusation).
4. answers:       each denial, rejection, dismissal, refusal to comment or endorsement placed on the claim
                  it answers: the allegation it names; else the charge against the speaker's own side; else
                  the claim its words and the sentences before it are clearly about. An answer that fits no
                  claim clearly is left unplaced (review/): a wrong cell is worse than an empty one.
   joined:        an account that charges no one in so many words, denied by the side it names, is a wording
                  of its makers' one charge against that side with a word of the act in common.
5. counters:      a responder's own charge against the makers' side of what it answers is a
                  counter-accusation, a claim of its own linked back by counter_to.

A claim nobody answers and that charges nobody is no claim: its statements stay statements.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from ...data import stances_table
from ...model import ClaimRecord, Mention, ResponseRecord, StatementReading, StatementRecord, UnplacedAnswer
from ..charges import _Sides
from ..index import by_sentence
from ..stance import stance_of
from .allegations import find_allegations
from .answers import place_answers
from .counter import counter_accusations
from .grouping import group_propositions, implied_charges, join_answered_accounts
from .read import STORY_STATEMENTS, article_readings, read, read_statement, reading_holds, story_discounts
from .records import _records
from .state import ClaimState

__all__ = ["PASSES", "STORY_STATEMENTS", "article_readings", "find_claims", "read_statement", "reading_holds",
           "stance_of", "story_discounts"]


def find_claims(statements: Sequence[StatementRecord], parsed: Sequence = (), mentions: Iterable[Mention] = (),
                readings: Sequence[StatementReading | None] = ()
                ) -> tuple[list[ClaimRecord], list[ResponseRecord], list[UnplacedAnswer]]:
    """The claims and responses of the dossier. `readings`, per statement, are those kept with the
    articles (read_statement); a statement without one (None, or none given) is read here."""
    state = _state(statements, parsed, mentions, readings)
    for run in PASSES:
        run(state)
    return _records(state)


def _state(statements, parsed, mentions, readings=()) -> ClaimState:
    mentions = list(mentions)
    docs = {(p.source.id, s.id): (s, d, p.source) for p in parsed for s, d in zip(p.source.sentences, p.docs)}
    days = {p.source.id: p.source.published for p in parsed if p.source.published is not None}
    people = frozenset(m.text for m in mentions if m.label == "PERSON" and m.kind != "organization")
    return ClaimState(statements, docs, by_sentence(mentions), _Sides(mentions), stances_table(), days=days,
                      stored=readings, people=people)


PASSES = (read, find_allegations, group_propositions, implied_charges, place_answers, join_answered_accounts,
          counter_accusations)
