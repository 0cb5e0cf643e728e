"""Actor mentions: spaCy's named entities, repaired, plus what NER misses in news copy.

For each candidate this stage records what the sentence says about it, and nothing more:
- the name as written, without determiner, possessive, honorific or a title NER swallowed
  ("White House Coordinator for Strategic Communications" -> "White House");
- a kind hint from its label and from country knowledge (countries, capitals, "the Indian government");
- whether it acts here (subject, speaker, possessor of an act, "according to") or only sits in a place
  phrase ("in Tokyo") or modifies a noun: Mention.acts;
- the title written before a person ("Kremlin spokesman Dmitry Peskov") or in an apposition after it
  ("Mukhbir Singh, a director for the World Sikh Organization"), and the organisation in that title.

Places that do not act, named happenings ("G20 Summit"), credits (the article's author, its outlet in
a dateline) and page furniture are not yielded. resolve/actors/ decides which mentions are one actor,
its kind and how sure we are.

One module per concern, read in this order:
- mentions:   the articles' mentions, article by article, then judged across the dossier (descriptors,
              surnames, units);
- sentence:   one sentence's mentions: credits, furniture, and each candidate judged and given its title;
- candidates: the spans that may name an actor (NER repaired, named groups, collectives, country bodies);
- agency:     what the sentence says about a name (acts, takes part, only places or describes; relays);
- judge:      whether a name with that agency is an actor here, and of which kind, or why not;
- roles:      the title a person holds and the organisation in it;
- vocab:      the word tables (data/actor_words.yml) and the reasons given for a name set aside."""
from __future__ import annotations

from .mentions import article_definitions, article_mentions, find_mentions, judge_mentions
from .vocab import BROADCAST, INSTITUTION_WORD, PLACE, words

__all__ = ["BROADCAST", "INSTITUTION_WORD", "PLACE", "article_definitions", "article_mentions", "find_mentions",
           "judge_mentions", "words"]
