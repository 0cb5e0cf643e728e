"""What an article has said so far (its speakers and named actors, an open quotation), and the cue
record every finder yields."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...model import Ref
from .tables import speech_words


@dataclass
class _Focus:
    """What an article has said so far: its speakers and named actors, most recent last."""

    speakers: list = field(default_factory=list)  # (text, kind, ref)
    mentions: list = field(default_factory=list)  # Mention
    stated: tuple | None = None  # (text, kind, ref) of the last speaker who spoke "in a statement"
    pending: list = field(default_factory=list)  # mentions of the sentence being read
    silent: list = field(default_factory=list)  # mentions of the sentence before, if it reported no words
    open_para: int | None = None  # the paragraph whose quotation is still open at the last sentence's end
    article: list = field(default_factory=list)  # every mention of the article
    held: list = field(default_factory=list)  # statements of an open quotation, waiting for its attribution
    voice: tuple | None = None  # (title, text, ref) of the last unnamed spokesperson and whose voice they are
    # ((text, kind, ref), co-speakers, len(speakers) then) of the last subject naming several actors together
    group: tuple | None = None
    genders: dict = field(default_factory=dict)  # a person's last name word -> "he" or "she", as the article says
    titles: dict = field(default_factory=dict)  # (speaker text, ref) -> the unnamed title it was last written with

    def last_speaker(self, kinds: set[str] | None = None):
        for text, kind, ref in reversed(self.speakers):
            if kinds is None or kind in kinds:
                return text, ref
        return None, None

    def voice_spoke_last(self):
        """The body an unnamed spokesperson spoke for, if theirs were the last words reported ("a spokesman
        told KCNA ... 'However, ...,' he said"): (text, ref), else (None, None)."""
        if self.voice is None or not self.speakers:
            return None, None
        _, text, ref = self.voice
        last_text, _, last_ref = self.speakers[-1]
        return (text, ref) if (last_text, last_ref) == (text, ref) else (None, None)

    def last_group(self, singular: set[str]):
        """The actors a subject last named together ("Trump, Macron and Merkel issued ..."), as (text, ref,
        kind, co-speakers), if no organisation, country or group has spoken since (persons and bare titles,
        the singular words, do not count: "they" is not "the Prime Minister")."""
        if self.group is None:
            return None
        (text, kind, ref), co, at = self.group
        since = [k for t, k, _ in self.speakers[at:] if k in {"organization", "country", "group", "other"}
                 and t.lower().split()[-1] not in singular]
        if since:
            return None
        self.group = ((text, kind, ref), co, len(self.speakers) + 1)
        return text, ref, kind, co

    def remember(self, text: str | None, kind: str | None, ref) -> None:
        if text:
            self.speakers.append((text, kind or "other", ref))


@dataclass
class _Cue:
    token: object  # the reporting verb (or the attribution word)
    cue: str
    speaker: str | None
    speaker_ref: Ref | None
    speaker_kind: str | None
    span: tuple[int, int] | None  # the reported words (characters of the sentence)
    co: tuple = ()  # further speakers: ((text, ref), ...)
    quotes: list = field(default_factory=list)
    own: bool = False  # the speaker is named by the cue's own syntax (a name, a relative clause's antecedent)
    title: str | None = None  # the unnamed title the speaker, a state, is written with (StatementRecord.speaker_title)


def _remember(focus: _Focus, c: _Cue) -> None:
    focus.remember(c.speaker, c.speaker_kind, c.speaker_ref)
    if c.speaker and _in_statement(c.token):
        focus.stated = (c.speaker, c.speaker_kind, c.speaker_ref)


def _in_statement(token) -> bool:
    """"said in a statement", "issued a statement saying": the cue names its statement."""
    nouns = speech_words().statement_nouns
    for c in token.children:
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in c.children):
            return True
    return token.dep_ in {"xcomp", "advcl", "acl"} and token.head.dep_ in {"ROOT", "conj"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in token.head.children)


def _last_mention(focus: _Focus, test):
    for m in reversed(focus.mentions):
        if test(m):
            return m.text, m.ref
    return None, None


HONORIFIC_WEIGHT = 3  # "Ms Ruiz" says who she is; a pronoun in a sentence naming her is likelier, not sure


def article_genders(mentions_by_sentence, docs, gendered, honorifics) -> dict[str, str]:
    """How an article refers to each person it names, "he" or "she", by the last word of the name: from an
    honorific before the name ("Ms Ruiz") and from the gendered pronouns of the sentences naming only that
    person ("Ruiz said she ..."). A person the article marks both ways is left unknown. `gendered` maps
    each person pronoun to its words (data/who.yml), `mentions_by_sentence` and `docs` run together."""
    from .quotes import quote_spans  # (quotes.py reads this module's _Cue)

    marks = {w: pronoun for pronoun, words in gendered.items() for w in words}
    counts: dict[str, Counter] = {}
    for found, doc in zip(mentions_by_sentence, docs):
        persons = [m for m in found if m.kind == "person"]
        names = {m.text.split()[-1].lower() for m in persons}
        for m in persons:
            before = doc.text[:m.ref.start].split()[-1:] + m.text.split()[:1]
            for word in (w.lower().strip(".") for w in before):
                if word in honorifics and word in marks:
                    counts.setdefault(m.text.split()[-1].lower(), Counter())[marks[word]] += HONORIFIC_WEIGHT
        if len(names) == 1:
            # (not the pronouns of a quotation: "'He has oppressed his people,' Haley explained" says nothing of Haley)
            quoted = quote_spans(doc.text)
            said = Counter(marks[t.lower_] for t in doc if t.lower_ in marks and t.lower_ not in honorifics
                           and not any(a <= t.idx < b for a, b in quoted))
            counts.setdefault(names.pop(), Counter()).update(said)
    found = {}
    for name, said in counts.items():
        ranked = said.most_common()
        if ranked and (len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]):
            found[name] = ranked[0][0]
    return found
