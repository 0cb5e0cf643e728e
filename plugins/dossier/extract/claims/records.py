"""The records the claims stage hands on: claims with their identity and a text that reads as a
proposition, responses, and the answers left for review/.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...data import Stances, date_words_table, events_table, stances_table
from ...model import ClaimRecord, Confidence, Ref, ResponseRecord, UnplacedAnswer
from ..charges import side_name
from ..topics import surface_form, weighted_words
from .state import OPPOSING, OWN_ACT, ClaimState, _Claim


def _records(state: ClaimState) -> tuple[list[ClaimRecord], list[ResponseRecord], list[UnplacedAnswer]]:
    answered = {a.claim.key for a in state.answers if a.claim is not None}
    kept = [c for c in state.claims if c.key in answered or (c.is_allegation and c.statements)]
    keys = {c.key for c in kept}
    # who answers a claim against it does not make it, though its plain words joined it
    opposing = {(a.claim.key, s) for a in state.answers if a.claim is not None and a.stance in OPPOSING
                for s in state.readings[a.statement].speakers}
    # nor does a third party whose words back it: it is listed as supporting it
    backing = {(a.claim.key, a.statement) for a in state.answers if a.claim is not None and a.stance == "supports"}
    opposing |= {(c.key, m) for c in state.claims for m in c.makers
                 if all((c.key, p.statement) in backing for p in c.props if m in p.makers)}
    # nor does a side make a charge against itself: its speakers' words joined it as answers do
    # its statements are its makers' wordings: an answer or a backing is listed as a response, not as one
    answering = backing | {(a.claim.key, a.statement) for a in state.answers
                           if a.claim is not None and a.stance in OPPOSING}
    records = [ClaimRecord(c.key, claim_text(c, state),
                           tuple(s for s in c.statements if (c.key, s) not in answering) or tuple(c.statements),
                           tuple(m for m in c.makers if (c.key, m) not in opposing
                                 and not state.side_of([m]) & c.against),
                           c.counter_to if c.counter_to in keys else None,
                           confidence=Confidence.ALLEGATION if c.is_allegation and not c.implied
                           else Confidence.PLAIN_CLAIM,
                           charged=tuple(sorted(c.against - {OWN_ACT})), identity=claim_identity(c, state))
               for c in kept]
    responses, unplaced, seen = [], [], set()
    for a in state.answers:
        st = state.statements[a.statement]
        if a.claim is None:
            unplaced.append(UnplacedAnswer(a.statement, a.stance, a.reason))
            continue
        if a.claim.key not in keys:
            continue
        speakers = state.readings[a.statement].speakers or (None,)
        for k, actor in enumerate(speakers):
            if a.actor is not None and actor != a.actor:
                continue
            key = (a.statement, a.claim.key, actor)
            if key in seen:
                continue
            seen.add(key)
            responses.append(ResponseRecord(a.statement, a.stance, a.claim.key, st.text,
                                            actor_text=actor if k else None, confidence=a.confidence,
                                            actor_ref=_co_speaker_ref(st, actor) if k else None))
    return records, responses, unplaced


def _co_speaker_ref(st, name: str) -> Ref | None:
    """Where the statement names a co-speaker ("Russia and North Korea denied"): its mention's span."""
    return next((ref for text, ref in zip(st.co_speakers, st.co_speaker_refs) if text == name), None)


IDENTITY_WORDS = 3  # topic words in a claim's identity


def claim_identity(c: _Claim, state: ClaimState) -> str:
    """Who is charged and with what: the charged sides' names and the words that weigh most over all the
    claim's charging wordings (summed, so one reworded or renumbered wording does not change them)."""
    props = [p for p in c.props if p.charges] or c.props
    weights: Counter = Counter()
    for p in props:
        # weighed as wordings alone, the story's words undiscounted: an id must not change as articles are added
        for w, v in weighted_words(p.text).items():
            if not w.startswith("@") and w not in _number_words(state.table):
                weights[w] += v
    top = sorted(weights, key=lambda w: (-weights[w], w))[:IDENTITY_WORDS]
    return " ".join([*(side_name(x) for x in sorted(c.against - {OWN_ACT})), *sorted(surface_form(w, [p.text for p in props])
                                                                       for w in top)])


def _number_words(table: Stances) -> frozenset[str]:
    return frozenset(table.number_words)


def claim_text(c: _Claim, state: ClaimState) -> str:
    """The claim as a proposition: a wording that charges the claim's side, reported rather than quoted,
    closest to eighteen words, without a leading 'that'."""
    against = c.against
    # an answer's words joined to the claim ("her death was not caused by blows") never word it
    answering = {a.statement for a in state.answers if a.claim is c and a.stance in OPPOSING}
    props = [p for p in c.props if not p.endorses and p.statement not in answering] or c.props
    charging = [p for p in props if against and p.charged & against]
    reported = [p for p in (charging or props)
                if p.statement is None or not state.statements[p.statement].direct]
    chosen = [p for p in (reported or charging or props)]
    chosen = [p for p in chosen if len(p.text.split()) >= 4] or chosen
    # a wording that is the proposition itself reads better than one that starts with its reporting verb
    # ("accused Canada of leaking ...")
    # ... and one that names who did it reads better than a passive that does not ("The attacks were claimed")
    # ... and one that holds the words the claim's wordings share most tells what the claim is about ("the
    # US and Israel are behind the bombing"), not a side remark of one speaker ("Israel was resorting to
    # precision strikes")
    central = _central_words(charging or props)
    prop = min(chosen, key=lambda p: (_starts_with_report(p.text) or _agentless_passive(p.text) or _opens_elsewhere(p.text)
                                      or not _has_a_finite_verb(p, state),
                                      len(p.text.split()) > LONG_WORDING,
                                      -len(central & set(weighted_words(p.text))),
                                      abs(len(p.text.split()) - 18), p.text))
    text = _patterns().opener.sub("", prop.text.strip())
    # "released what they say are intercepted conversations that prove ...": the noun phrase, without the copula
    text = _patterns().copula.sub("", text)
    text = _named_pronoun(text, prop.makers[0] if len(prop.makers) == 1 else None, state)
    text = _without_attribution(text)
    # (a wording whose maker the sentence leaves out is the claim's one maker's: "accused Qatar for the deaths")
    makers = prop.makers or (tuple(c.makers) if len(set(c.makers)) == 1 else ())
    if makers and _starts_with_report(text) and (OWN_ACT in against or len(set(makers)) == 1) \
            and _tensed(_first_verb(text)):  # ("accusing ...", "to blame ...": no verb of a sentence)
        # "claimed responsibility for ...", "accused Pakistan of backing ...": who did or who charges, so that
        # the row reads as a sentence
        text = f"{makers[0]} {text}"
    return _cut_at_clause(text.strip(" ,;:“”\"").rstrip("."))


CENTRAL_WORDS = 4  # the topic words of a claim's wordings that tell what it is about


def _central_words(props) -> set[str]:
    """The topic words most of a claim's wordings hold, the rarer in general English the more: with a single
    wording, none (nothing to tell its centre from)."""
    if len(props) < 2:
        return set()
    held: Counter = Counter()
    holding: Counter = Counter()  # word -> how many wordings hold it
    for p in props:
        for w, v in weighted_words(p.text).items():
            if not w.startswith("@"):
                held[w] += v
                holding[w] += 1
    shared = {w: v for w, v in held.items() if holding[w] >= 2}
    return set(sorted(shared, key=lambda w: (-shared[w], w))[:CENTRAL_WORDS])


LONG_WORDING = 30  # words past which a wording reads as a paragraph, not a proposition


def _opens_elsewhere(text: str) -> bool:
    """A wording that opens on a word pointing outside it ("it had killed civilians", "who India said were
    ...", "they ...") or on a participle ("linking the attack to Pakistan"): it reads as a proposition only
    with the sentence around it."""
    first = text.strip(" \"“”‘’'").split()[:1]
    # (and a participle of a clause whose subject is outside it: "linking the attack to Pakistan")
    return bool(first) and (first[0].lower() in set(stances_table().pointing_openers)
                            or (first[0].islower() and first[0].endswith("ing")))


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # Penn Treebank tags of a verb with tense


def _has_a_finite_verb(p, state: ClaimState) -> bool:
    """Does the statement a wording comes from hold a verb with tense ("Russia blew up the dam"), not only an
    infinitive or a small clause ("to prove a Pakistani link", "Israeli soldiers definitively to blame")? A
    wording named inside an answer, whose tokens are not at hand, is taken as one."""
    if p.statement is None:
        return True
    st = state.statements[p.statement]
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return True
    doc = found[1]
    return any(t.tag_ in FINITE_TAGS for t in doc if st.ref.start <= t.idx < st.ref.end)


LONGEST_ROW = 40  # words a row's text may have before it is cut at a clause boundary


def _tensed(word: str) -> bool:
    """A verb form with tense ("accused", "says"), not its base form ("blame" of "went on to blame") nor a
    participle ("accusing")."""
    from ..statements import verb_lemma

    lower = word.lower()
    return not lower.endswith("ing") and verb_lemma(lower) not in {None, lower}


def _first_verb(text: str) -> str:
    """A wording's first word past an adverb before the verb ("quickly claimed responsibility": claimed)."""
    adverbs = {w.lower() for w in stances_table().lead_adverbs}
    return next((w for w in (x.lower() for x in text.split()) if not (w.endswith("ly") or w in adverbs)), "")


def _starts_with_report(text: str) -> bool:
    from ..statements import verb_lemma

    return verb_lemma(_first_verb(text)) is not None



def _agentless_passive(text: str) -> bool:
    """A wording that ends on a passive verb, naming no one ("The attacks were claimed")."""
    return _patterns().passive.search(text.strip(" .,;:“”\"")) is not None


def _cut_at_clause(text: str) -> str:
    """A long wording cut at its last clause boundary (a semicolon, a dash or a comma before 'and', 'but',
    'which', 'while') within LONGEST_ROW words, never mid-phrase; left whole if it has none."""
    words = text.split()
    if len(words) <= LONGEST_ROW:
        return text
    head = " ".join(words[:LONGEST_ROW])
    cuts = [m.start() for m in _patterns().cut.finditer(head)]
    cuts = [c for c in cuts if len(head[:c].split()) >= 8]
    return head[:cuts[-1]].rstrip(" ,;") if cuts else text


def _without_attribution(text: str) -> str:
    """A wording closing on whom it is according to ("..., according to Kira Yarmysh, his spokesperson")
    reads as a proposition without it: who said it is listed under the row."""
    m = re.search(r",\s+according to\s", text)
    return text[:m.start()] if m is not None and len(text[:m.start()].split()) >= MIN_PROPOSITION else text


MIN_PROPOSITION = 6  # words a wording keeps before an attribution it closes on, else it is left whole


def _named_pronoun(text: str, maker: str | None, state: ClaimState) -> str:
    """A wording that starts with its speaker's pronoun ("his bureau has determined", "she had seen")
    reads as a proposition with the speaker's name in its place. Only a person's: of a group or a body
    ("Navalny's team also claimed that his body ...") "he" and "his" are someone else."""
    if not maker or maker not in state.people:
        return text
    m = _patterns().pronoun.match(text)
    if m is None:
        return text
    word = m.group(1).lower()
    possessive = word in stances_table().person_possessives and not (word == "her" and _is_object_her(text))
    name = maker + ("’s" if possessive else "")
    return name + text[m.end():]


class _Patterns:
    """The patterns a row's wording is trimmed by, built once from data/stances.yml."""

    def __init__(self, table: Stances):
        either = lambda words: "|".join(re.escape(w) for w in words)
        # ("Monday that there were ...": the day the words were said, cut with the verb before it)
        days = either(date_words_table().weekdays)
        self.opener = re.compile(rf"^(?:(?:on\s+)?(?:{days})\s+)?(?:{either(table.proposition_openers)})\s+", re.IGNORECASE)
        self.copula = re.compile(rf"^(?:{either(events_table().present_be_forms)})\s+(?=[a-z])")
        self.passive = re.compile(rf"\b(?:{either(table.passive_auxiliaries)})\s+\w+ed$")
        self.cut = re.compile(rf";|\s[—–]\s|,\s(?=(?:{either(table.clause_cut_words)})\b)")
        self.pronoun = re.compile(rf"(?i)({either(table.person_pronouns)})\b")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns(stances_table())


def _is_object_her(text: str) -> bool:
    """'her' as a possessive ("her ministry") is followed by a noun; anything else is left alone."""
    return not re.match(r"(?i)her\s+[a-z]", text)
