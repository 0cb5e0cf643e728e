"""The stance a statement takes toward a claim, and the allegation a response names in its own words.

Stances come from stances.yml: the reporting verb first ("denied"), then cue words in the statement
(negation aware: "not unfounded" takes no stance).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from ..data import Stances, actor_words_table, speech_table, stances_table
from ..model import StatementRecord
from .statements import verb_lemma


def stance_of(st: StatementRecord, table: Stances | None = None) -> str | None:
    """The stance a statement takes, from its reporting verb, then its words; None if it takes none."""
    table = table or stances_table()
    cue = st.cue.split()[0].lower() if st.cue else ""
    lemma = verb_lemma(cue) or cue
    text = _unquoted((st.cue + " " + st.text).lower().replace("’", "'"))
    negated = _cue_negated(st, table)
    if lemma in table.refusal_verbs and any(
            re.search(rf"\b{re.escape(w)}\b", text) for w in table.refused_acts):
        return "declines-comment"
    if lemma in table.cue_verbs and not negated and _refuses_a_question(text, cue, table):
        return "declines-comment"
    if lemma in table.cue_verbs and not negated:
        stance = table.cue_verbs[lemma]
        if stance != "supports":
            return stance
    if cue in set(table.condemnation_words) and not negated and _condemns_an_allegation(text, table):
        return "rejects"  # "denounced the explosion and the Turkish accusations": the accusations refused
    if negated and lemma in table.responsibility_verbs and any(
            re.search(rf"\b{re.escape(w)}\b", text) for w in speech_table().claimed_things):
        return "declines-comment"  # "has not claimed responsibility for the attack": neither owned nor denied
    if negated:
        text = text[len(cue) + 1:]  # "did not confirm": the cue word in front of the words says nothing by itself
    if _labels_an_allegation(text, table):
        # "called the claims a deliberate provocation": labelling what others alleged answers it, and a
        # label no cue below backs ("credible") rejects it
        backed = any(re.search(rf"\b{re.escape(c.lower())}\b", text) for c in table.cues.get("supports") or ())
        return "supports" if backed else "rejects"
    if _blame_called_futile(text, table) or _blame_called_unhelpful(text, table):
        return "rejects"
    if _no_such_act(text, table) or _denies_own_act(text, table):
        return "denies"
    for idiom, stance in table.cue_idioms.items():
        if re.search(rf"\b{re.escape(idiom.lower())}\b", text):
            return stance  # "a false flag": the idiom, not the cue word inside it ("false")
    for stance, cues in table.cues.items():
        for c in cues:
            for m in re.finditer(rf"\b{re.escape(c.lower())}\b", text):
                if stance in {"denies", "rejects", "dismisses", "supports"} and _negated_before(text, m.start()):
                    continue
                if stance == "denies" and _litotes_before(text, m.start(), table):
                    continue  # "there is not much that Putin is not behind": he is behind it all
                if stance == "denies" and _withholds(text, m.end(), table):
                    continue  # "deny safe haven to terrorists": a thing refused, no claim denied
                if stance == "supports" and _asked_for(text, m.start(), m.end(), table):
                    continue  # "open to a neutral and credible investigation": an inquiry asked for
                if stance == "declines-comment" and _of_a_toll(text, m.end(), table):
                    continue  # "did not confirm the death of the two people": a count withheld, no claim
                return stance
    if _without_grounds(text, table) or _truth_denied(text, table) or _yet_to_give(text, table) \
            or _not_a_shred(text, table):
        return "rejects"
    made_up = _called_made_up(text, table)
    if made_up is not None:
        return made_up
    if lemma in table.cue_verbs and not negated:
        return table.cue_verbs[lemma]
    return None


_QUOTE_MARKS = re.compile(r"[\"“”‘]|(?<![a-z])'|'(?![a-z])")


def _of_a_toll(text: str, end: int, table: Stances) -> bool:
    """Is what the words decline to confirm a toll ("the death of the two people", "the number of
    casualties"), named in the next few words?"""
    words = re.findall(r"[\w']+", text[end:])[:4]
    return any(w in table.toll_nouns for w in words)


def _refuses_a_question(text: str, cue: str, table: Stances) -> bool:
    """The answering verb's object is a question put to the speaker, within its first few words ("dismissed
    as inappropriate reporters' question whether ...", "brushed aside questions about ..."), not an
    allegation it names first, nor "the question of their involvement", which is the allegation itself."""
    m = re.search(rf"\b{re.escape(cue)}\b((?:\s+\S+){{0,6}})", text)
    if not m:
        return False
    words = re.findall(r"[\w']+", m.group(1))
    for i, w in enumerate(words[:-1]):
        if w in table.question_nouns:
            return words[i + 1] != "of"
        if w in table.allegation_nouns or w in table.claim_nouns:
            return False
    return False


def _unquoted(text: str) -> str:
    """The words without quotation marks: a cue the reporter quotes ('had "nothing to do" with it') is
    the same cue. An apostrophe inside a word ("didn't") stays."""
    return re.sub(r" {2,}", " ", _QUOTE_MARKS.sub(" ", text))


def _condemns_an_allegation(text: str, table: Stances) -> bool:
    """Does a condemnation name an allegation among what it condemns ("the Turkish accusations",
    "the claims")? The allegation words proper, not reports or statements."""
    words = table.condemned_allegations
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _blame_called_futile(text: str, table: Stances) -> bool:
    """"Blaming Iran won't end the disaster": blame whose doing is said to achieve nothing is rejected."""
    gerunds = "|".join(re.escape(v[:-1] if v.endswith("e") else v) + "ing" for v in table.accuse_verbs)
    negated = "|".join(re.escape(n) for n in table.futile_blame_negations)
    return bool(negated and re.search(rf"\b(?:{gerunds})\s+(?:\w+\s+){{1,3}}?(?:{negated})\b", text))


def _blame_called_unhelpful(text: str, table: Stances) -> bool:
    """"The accusatory approach is unhelpful towards efforts to peace", "Scapegoating Pakistan ... is not
    helpful": blame said to be of no help, in one clause, is refused."""
    pattern = _unhelpful_blame(table.accuse_verbs, (*table.blame_words, *table.allegation_nouns), table.unhelpful_words,
                               table.blame_clause_breaks, table.blame_copulas)
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=None)
def _unhelpful_blame(accuse_verbs, blame_words, unhelpful_words, breaks, copulas) -> re.Pattern | None:
    """Blame, then within its clause (no word of `breaks` between) a copula and a word of no help."""
    gerunds = [v[:-1] + "ing" if v.endswith("e") else v + "ing" for v in accuse_verbs]
    blame, unhelpful = _either((*gerunds, *blame_words)), _either(unhelpful_words)
    if not (blame and unhelpful):
        return None
    return re.compile(rf"\b(?:{blame})\b(?:\s+(?!(?:{_either(breaks)})\b)[\w'-]+){{0,12}}?\s+(?:{_either(copulas)})\s+"
                      rf"(?:{unhelpful})\b")


def _no_such_act(text: str, table: Stances) -> bool:
    """"There were no air force, ground or naval attacks in the area": saying the act did not happen at all
    denies it (an existential "there was no" before one of the act nouns, a few modifiers between). Not "there
    was no way the strikes could ...", nor "there were no Americans killed in this attack": the act noun must
    be what there was none of, no preposition, clause or other head before it."""
    pattern = _no_such_act_pattern(table.act_nouns, table.no_such_act_breaks, table.existential_be)
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=None)
def _no_such_act_pattern(nouns, breaks, be_forms) -> re.Pattern | None:
    if not nouns:
        return None
    modifier = rf"(?:(?!(?:{_either(breaks)})\b)[\w,-]+\s+)" if breaks else r"(?:[\w,-]+\s+)"
    return re.compile(rf"\bthere\s+(?:{_either(be_forms)})\s+no\s+{modifier}{{0,5}}?(?:{_either(nouns)})\b")


def _denies_own_act(text: str, table: Stances) -> bool:
    """"We definitely didn't order it", "I never attacked anyone": the speaker's own side, negated, as the
    doer of a hostile act (act_verbs) denies doing it."""
    pattern = _own_act_pattern(table.speaker_doer_pronouns, table.act_negations, table.act_verbs,
                               tuple(table.act_verb_irregulars.items()))
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=None)
def _own_act_pattern(pronouns, negations, verbs, irregulars) -> re.Pattern | None:
    if not (pronouns and negations and verbs):
        return None
    forms = set()
    for verb in verbs:
        head, _, rest = verb.lower().partition(" ")
        stem = head[:-1] if head.endswith("e") else head
        heads = {head, stem + "ed", head + "d" if head.endswith("e") else head + head[-1] + "ed"} \
            | {form for form, lemma in irregulars if lemma == head}
        forms |= {f"{h} {rest}".strip() for h in heads}
    return re.compile(rf"\b(?:{_either(pronouns)})\s+(?:[a-z]+ly\s+)?(?:{_either(negations)})\s+"
                      rf"(?:[a-z]+ly\s+)?(?:{_either(sorted(forms))})\b")


def _asked_for(text: str, start: int, end: int, table: Stances) -> bool:
    """Is a word of belief said of an inquiry a few words on ("any neutral, transparent and credible
    investigation"), or of "any" proof ("has yet to submit any credible proof"): what the speaker asks for,
    not what it backs?"""
    after = re.findall(r"[\w-]+", text[end:end + 60])[:4]
    if any(w in table.inquiry_nouns for w in after):
        return True
    return bool(re.search(r"\bany\s+(?:[\w-]+\s+)?$", text[max(0, start - 30):start]))


def _not_a_shred(text: str, table: Stances) -> bool:
    """"no shred of evidence", "has not provided even a shred of evidence": not the least ground, refused."""
    pattern = _shred_pattern(table.shred_negators, table.scrap_nouns, table.absence_nouns)
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=None)
def _shred_pattern(negators, scraps, nouns) -> re.Pattern | None:
    if not (scraps and nouns):
        return None
    return re.compile(rf"(?:{_negations(negators)})\s+(?:[\w-]+\s+){{0,3}}?(?:a\s+)?[\"“]?(?:{_either(scraps)})\s+of\s+"
                      rf"(?:[\w-]+\s+)?(?:{_either(nouns)})\b")


def _yet_to_give(text: str, table: Stances) -> bool:
    """"India has yet to submit any credible proof for its allegations": the charge stands on nothing so far."""
    verbs = "|".join(re.escape(v) for v in table.giving_verbs)
    nouns = "|".join(re.escape(n) for n in table.absence_nouns)
    return bool(verbs and nouns and re.search(rf"\byet to\s+(?:{verbs})\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", text))


def _without_grounds(text: str, table: Stances) -> bool:
    """"Arrived at conclusions without forensic evidence", "without any proof", "no direct evidence of": saying
    something was done with nothing to ground it refuses it, whatever modifiers stand before the noun. Not "without providing
    evidence": a reporter's gerund there describes how a charge was made, not an answer to one."""
    patterns = _without_grounds_patterns(table.absence_nouns, table.grounds_phrase_breaks, table.grounds_complements)
    return bool(patterns and any(p.search(text) for p in patterns))


@lru_cache(maxsize=None)
def _without_grounds_patterns(absence_nouns, breaks, complements) -> tuple[re.Pattern, re.Pattern] | None:
    if not absence_nouns:
        return None
    nouns = _either(absence_nouns)
    modifier = r"(?:(?![\w-]+ing\b)[\w-]+\s+)"
    # "there was no direct evidence of any terrorist involvement", "no evidence so far of terrorist action": the
    # cue "no evidence of" with modifiers between
    # (not "no shortage of evidence": no word of a phrase of its own between)
    plain = rf"(?:(?!(?:{_either(breaks)})\b)(?![\w-]+ing\b)[\w-]+)"
    return (re.compile(rf"\bwithout\s+{modifier}{{0,2}}(?:{nouns})\b"),
            re.compile(rf"\bno\s+[\"“]?(?:{plain}\s+){{0,2}}(?:{nouns})(?:\s+{plain}){{0,2}}?\s+(?:{_either(complements)})\b"))


def grounds_found_wanting(text: str, table: Stances) -> bool:
    """"the video was insufficient proof to pin the attack on Iran", "not enough evidence that X did it", "no
    evidence that X did it": whom such words name as the doer is defended, not charged."""
    pattern = _wanting_pattern(table.wanting_quantifiers, table.absence_nouns)
    return bool(pattern and pattern.search(text.lower()))


@lru_cache(maxsize=None)
def _wanting_pattern(quantifiers, nouns) -> re.Pattern | None:
    if not nouns:
        return None
    return re.compile(rf"\b(?:{_either(quantifiers)})\s+(?:[\w-]+\s+){{0,2}}?(?:{_either(nouns)})\b")


def _truth_denied(text: str, table: Stances) -> bool:
    """"DAESH's claims can't be considered accurate", "the information must not be considered reliable": a
    negation a few words before an adjective of truth refuses the account; not across a clause ("it is not
    clear whether the report is accurate")."""
    pattern = _truth_denied_pattern(table.truth_negators, table.truth_clause_breaks, table.truth_adjectives)
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=None)
def _truth_denied_pattern(negators, breaks, adjectives) -> re.Pattern | None:
    if not adjectives:
        return None
    between = rf"(?:(?!(?:{_either(breaks)})\b)[\w'-]+\s+)"
    return re.compile(rf"(?:{_negations(negators)})\s+{between}{{0,3}}?(?:{_either(adjectives)})\b")


def _called_made_up(text: str, table: Stances) -> str | None:
    """"the incident in Bucha was staged", "another fake attack", "slammed the videos as fake", "the footage
    was yet another provocation": the stance of calling the happening or its evidence made up, if the words
    do, and no negation between says they are not ("the video was not doctored")."""
    for pattern in _made_up_patterns(tuple(table.made_up_words), table.made_up_nouns, table.evidence_nouns,
                                     tuple(table.evidence_labels), table.made_up_determiners,
                                     table.made_up_copulas, table.act_nouns, table.claim_nouns):
        for m in pattern.finditer(text):
            if not re.search(rf"(?:{_negations(table.negations)})\b", m.group(0)):
                word = m.group("word")
                return table.made_up_words.get(word) or table.evidence_labels[word]
    return None


@lru_cache(maxsize=None)
def _made_up_patterns(words, nouns, evidence, labels, determiners, copulas, acts, claims) -> tuple[re.Pattern, ...]:
    if not words:
        return ()
    made_up, happenings = _either(words), _either((*evidence, *acts))
    be = rf"\s+(?:{_either(copulas)})\s+(?:[\w-]+\s+){{0,4}}?"
    subject = r"(?:\s+[\w'’,-]+){0,8}?"
    return (
        # what happened, or its evidence, said to be made up: "the incident ... was staged"
        re.compile(rf"\b(?:{happenings})\b{subject}{be}(?P<word>{made_up})\b"),
        # evidence, or the charge itself, called a provocation: "footage and photographs ... were yet another
        # provocation", "the accusations were a provocation aimed at stoking hatred"
        re.compile(rf"\b(?:{_either((*evidence, *claims))})\b{subject}{be}(?P<word>{_either(labels)})\b"),
        # a made-up happening: "another fake attack", "a staged incident"
        re.compile(rf"\b(?:{_either(determiners)})\s+(?P<word>{made_up})\s+(?:{happenings})\b"),
        # labelled so: "slammed the videos as fake", "described it as a hoax"; not "as fake structures"
        re.compile(rf"\bas\s+(?:(?:{_either(determiners)})\s+)?(?P<word>{made_up})\b"
                   rf"(?=\s*(?:[.,;:!?]|$|(?:{happenings}|and|or|but)\b))"),
        # the made-up thing as a noun closing its phrase: "documents exposing the Bucha fake"
        re.compile(rf"\b(?:{_either(determiners)})\s+(?:[\w'’-]+\s+)?(?P<word>{_either(nouns)})\s*(?:[.,;:!?]|$)"),
    )


def _labels_an_allegation(text: str, table: Stances) -> bool:
    pattern = _label_pattern(table.label_verbs, table.label_determiners, table.label_preps, table.claim_nouns,
                             table.label_complements)
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=None)
def _label_pattern(verbs, determiners, preps, nouns, complements) -> re.Pattern | None:
    if not (verbs and nouns):
        return None
    return re.compile(
        rf"\b(?:{_either(verbs)})\s+(?:(?:{_either(determiners)})\s+)?"
        # up to three words of modifiers or makers ("Boris Johnson's allegations"), none a preposition
        # ("called for claims to be investigated" labels nothing)
        rf"(?:(?!(?:{_either(preps)})\b)[\w'.-]+\s+){{0,3}}(?:{_either(nouns)})\b"
        rf"(?!\s+(?:{_either(complements)}))")


def _either(words) -> str:
    """A regex alternation of words or phrases of a table, escaped, in the table's order."""
    return "|".join(re.escape(w) for w in words)


def _negations(words) -> str:
    """A regex alternation of negations, each from the start of a word ("not", "never"), but a contraction
    ("n't"), which is written onto the auxiliary before it ("didn't")."""
    return "|".join(("" if w.startswith("n'") else r"\b") + re.escape(w) for w in words)


def _negated_before(text: str, at: int) -> bool:
    """"did not deny", "not unfounded": a negation right before a cue word turns it."""
    before = text[max(0, at - 16):at].split()
    negations = set(stances_table().negations) | set(stances_table().negated_auxiliaries)
    return any(w in negations for w in before[-2:])


def _withholds(text: str, at: int, table: Stances) -> bool:
    """Is the word just before `at` "deny" refusing a thing ("deny safe haven", "denied them entry"), a
    withheld thing within its next three words?"""
    word = re.findall(r"\w+$", text[:at])
    if not word or verb_lemma(word[0]) != "deny":
        return False
    after = re.findall(r"[\w'-]+", text[at:])[:3]
    return any(w in set(table.withheld_things) for w in after)


def _litotes_before(text: str, at: int, table: Stances) -> bool:
    """A quantifier of negation earlier in the words ("not much", "nothing", "little") that a later negation
    turns into an assertion."""
    before = text[:at]
    return any(re.search(rf"\b{re.escape(w)}\b", before) for w in table.litotes)


def _is_claim(st: StatementRecord, table: Stances) -> bool:
    lemma = verb_lemma(st.cue.split()[0].lower()) if st.cue else None
    if lemma in table.claim_verbs or st.cue in {"quoted", "according to", "headline"}:
        return True
    if st.cue and st.cue.lower() in table.claim_nouns:  # "Trudeau's comments that ...", "Western allegations claiming ..."
        return True
    return any(w in st.text.lower() for w in table.claim_words)


def _accuses(st: StatementRecord, table: Stances) -> bool:
    """Does its reporting verb accuse? Not where it is negated ("did not blame Russia directly")."""
    lemma = verb_lemma(st.cue.split()[0].lower()) if st.cue else None
    return lemma in table.accuse_verbs and not _cue_negated(st, table)


def _cue_negated(st: StatementRecord, table: Stances) -> bool:
    """Is the reporting verb negated ("did not confirm", "never denied")?"""
    cue = st.cue.split()[0].lower() if st.cue else ""
    if not cue:
        return False
    text = _unquoted((st.cue + " " + st.text).lower().replace("’", "'"))
    negation = "|".join(re.escape(w) for w in table.negations)
    return re.search(rf"\b(?:{negation})\s+(\w+\s+)?" + re.escape(cue), text) is not None


def _named_allegation(st: StatementRecord, docs, by_sentence, table) -> tuple[str | None, list[str]] | None:
    """'rejected Western allegations claiming that X' -> (X, ['Western']); None if it names none."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return None
    sentence, doc, _ = found
    mentions = by_sentence.get((st.ref.source, st.ref.sentence), [])
    for tok in _answered_nouns(st, doc, table):
        claimants, content = _makers_and_content(tok, mentions, table)
        if not content:
            content = _detached_content(tok)
        owned = _responsibility_claimed(content, mentions, table)
        if owned:
            return None, claimants + owned
        text = _content_text(content, doc, mentions, table) if content else None
        if text is not None and not claimants:
            claimants = _document_named_before(tok, st, docs, by_sentence, table)
        if text is not None:
            return text, claimants
        if claimants:
            return None, claimants
    return _faulted_for_saying(st, doc, mentions, table) or _makers_said_otherwise(st, doc, mentions, table)



def conceded_claim_makers(st: StatementRecord, docs, by_sentence, table) -> list[str]:
    """'Despite the claim from IS, officials have continued to accuse Israel': the makers of a claim the
    sentence sets aside before the statement's words ("despite the claim from X", "despite X's claim")."""
    found = docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return []
    _, doc, _ = found
    mentions = by_sentence.get((st.ref.source, st.ref.sentence), [])
    nouns = set(table.allegation_nouns)
    for prep in doc:
        if prep.idx >= st.ref.start or prep.lower_ not in table.concessive_preps:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in nouns:
                makers, _ = _makers_and_content(noun, mentions, table)
                # (a name the actor stage left unread there: "the claim from Islamic State")
                makers = makers or [_modifier_makers(g, mentions)[0] for c in noun.children
                                    if c.dep_ == "prep" and c.lower_ in speech_table().maker_preps
                                    for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                if makers:
                    return makers
    return []


def _answered_nouns(st: StatementRecord, doc, table) -> Iterator:
    """The statement's allegation nouns ("claims", "accusations") that name what it answers."""
    nouns = set(table.allegation_nouns)
    for tok in doc:
        if not (st.ref.start <= tok.idx < st.ref.end) or tok.lemma_.lower() not in nouns or tok.pos_ != "NOUN":
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in set(table.circumstance_preps):
            continue  # "denied trying to provoke India with claims that ...": the means, not what is answered
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in set(table.reception_verbs):
            continue  # "we heard the royal family's statements": what was taken in, not what is answered
        yield tok


def _makers_and_content(tok, mentions, table) -> tuple[list[str], list]:
    """Who made the allegation the noun names (its modifiers, its agent, "by"/"from", the subject of
    "making accusations") and the parts of the parse that say what it asserts."""
    claimants, content = [], []
    for c in tok.children:
        if c.dep_ in {"amod", "compound", "poss", "nmod"}:
            claimants += _modifier_makers(c, mentions)
        elif c.dep_ == "ccomp" and c.i > tok.i:
            content.append(c)  # "claims that militants brought down the airliner", parsed as the noun's complement
        elif c.dep_ in {"acl", "relcl"}:
            makers, said = _clause_makers_and_content(c, mentions, table)
            claimants += makers
            content += said
        elif c.dep_ == "prep" and c.lower_ in table.claim_content_preps:
            content.append(c)
        elif c.dep_ == "prep" and c.lower_ in table.document_preps:
            # "denied allegations in the report that thousands of workers were trapped": the parser hangs the
            # clause on the document; its author made them
            for doc_noun in (g for g in c.children if g.dep_ == "pobj"):
                said = [k for k in doc_noun.children if k.dep_ in {"acl", "relcl", "ccomp"} and _that_clause(k)]
                if said:
                    content += said
                    claimants += _makers_and_content(doc_noun, mentions, table)[0]
        elif c.dep_ == "prep" and c.lower_ in speech_table().maker_preps:
            claimants += [m for g in c.children if g.dep_ == "pobj" for m in _heads(g, mentions)]
            told = [rc for g in c.children if g.dep_ == "pobj" for rc in g.children if _accusing_clause(rc, table)]
            if told:
                # "claims by X, who blamed Tehran for the explosions": what X is said to have charged is what
                # the claims say, whatever else the parser hangs on the noun
                return claimants, told
    if tok.dep_ == "dobj":
        # "dismissed claims by so-called Islamic State to have ...": the parser may hang the noun's "by" phrase,
        # right after it, on the verb
        claimants += [m for c in tok.head.children if c.dep_ == "prep" and c.lower_ in speech_table().maker_preps
                      and c.i == tok.right_edge.i + 1 for g in c.children if g.dep_ == "pobj" for m in _heads(g, mentions)]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in set(table.attribution_verbs):
        # "Turkey is making false accusations", "Moscow keeps spreading claims": the verb's subject
        claimants += [m for g in _subjects_of(tok.head) for m in _heads(g, mentions)]
    return claimants, content


def _document_named_before(tok, st: StatementRecord, docs, by_sentence, table) -> list[str]:
    """"denied allegations in the report that ...": the makers of the document the article named before by the
    same noun ("A 48-page report by Amnesty ... said"), the nearest such mention back in the article."""
    here = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in table.document_preps
                 for g in c.children if g.dep_ == "pobj"), None)
    if here is None or not any(d.lower_ == "the" for d in here.children):
        return []
    number = _sentence_number(st.ref.sentence)
    earlier = sorted(((_sentence_number(k[1]), k) for k in docs if k[0] == st.ref.source
                      and _sentence_number(k[1]) < number), reverse=True)
    for _, key in earlier:
        doc = docs[key][1]
        for t in doc:
            if t.lemma_.lower() == here.lemma_.lower() and t.pos_ == "NOUN":
                makers = _makers_and_content(t, by_sentence.get(key, []), table)[0]
                if makers:
                    return makers
    return []


def _sentence_number(sentence: str) -> int:
    return int(sentence[1:]) if sentence[1:].isdigit() else 0


def _that_clause(clause) -> bool:
    """A clause opened by "that" with a subject of its own ("that thousands of workers were trapped")."""
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children) \
        and any(g.dep_ in {"nsubj", "nsubjpass"} for g in clause.children)


def _accusing_clause(clause, table) -> bool:
    """A relative clause on a maker whose verb accuses, its subject the relative pronoun ("who blamed
    Tehran for ...")."""
    return clause.dep_ == "relcl" and clause.lemma_.lower() in table.accuse_verbs and any(
        g.dep_ == "nsubj" and g.lower_ in speech_table().relative_pronouns for g in clause.children)


def _modifier_makers(c, mentions) -> list[str]:
    """A modifier's named makers; unnamed by the actor stage here, a capitalised modifier is its name with
    its own modifiers ("the Islamic State claim"), but a date is no name ("dismissed on Saturday
    accusations that ...")."""
    named = _heads(c, mentions)
    if named:
        return named
    if (c.pos_ in {"PROPN"} or c.text[:1].isupper()) and c.ent_type_ not in {"DATE", "TIME"}:
        words = c.doc[c.left_edge.i:c.i + 1]
        # "Syria Rejects Militants' Accusations", a headline the parser ran together: the name after its verb
        verbs = set(stances_table().cue_verbs)
        after = [t.i + 1 for t in words if t.i < c.i and (t.lower_ in verbs or t.lower_.endswith("s") and t.lower_[:-1] in verbs)]
        return [c.doc[max(after, default=words.start):c.i + 1].text]
    return []


def _clause_makers_and_content(c, mentions, table) -> tuple[list[str], list]:
    """A clause on the noun: its agent makes the allegation; a reporting clause's complement is what it
    says ("claims made by X that ...", "accusations saying ..."); any other clause is the content itself
    ("accusations linking X to Y"), unless it states a purpose ("accusations to manipulate opinion")."""
    claimants, content = [], []
    if c.lower_ in table.topic_participles and not _names_an_act(c, table):
        return claimants, content  # "statements concerning Navalny's death": a topic, no content
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) \
            and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
        # "claims that militants brought down the airliner": a clause with "that" and a subject of its own is
        # what the claims say, whatever its verb ("brought" is no "brought by X" of who made them)
        return claimants, [c]
    lemma = c.lemma_.lower()
    if c.dep_ == "acl" and c.tag_ == "VBN" and lemma not in table.attribution_verbs \
            and verb_lemma(c.text) is not None and any(g.dep_ == "agent" for g in c.children):
        return claimants, content  # "a claim rejected by Egyptian officials": its agent answers it, not makes it
    reports = verb_lemma(c.text) is not None or lemma in table.attribution_verbs
    for g in c.children:
        if g.dep_ == "agent":
            claimants += [m for g2 in g.children if g2.dep_ == "pobj" for m in _heads(g2, mentions)]
        elif not reports:
            continue
        elif g.dep_ in {"ccomp", "xcomp", "dobj"}:
            content.append(g)
        elif g.dep_ == "prep" and g.lower_ in table.clause_content_preps:
            content.append(g)
    infinitive = any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)
    by_someone = any(g.dep_ == "agent" for g in c.children)  # "the account given by the minister": who gave it
    if not content and c.dep_ == "acl" and lemma not in table.attribution_verbs and not infinitive and not by_someone:
        content.append(c)
    return claimants, content


def _names_an_act(c, table) -> bool:
    """"claims concerning Ecuador's alleged support of the bombing": words of an act, of someone's part in
    one, or of its being alleged, make a topic phrase say what the claims assert."""
    words = {*table.act_nouns, *table.involvement_nouns, *table.act_verbs, *table.charge_predicates,
             *(w for w in table.claim_words if " " not in w)}
    return any(t.lower_ in words or t.lemma_.lower() in words for t in c.subtree if t.i != c.i)


def _content_text(content: list, doc, mentions, table) -> str | None:
    """The words of what the allegation asserts, without the labels on it, a leading "that" or
    preposition; None where the content is one name ("the new Saudi narrative about Mr. Khashoggi" says
    whom it is about) or a bare topic after "on", "over", "about" ("Haley's remark on the terrorist attack
    in Ahvaz"); "of" may hold a proposition ("allegations of Iranian involvement")."""
    labels = {t.i for c in content for t in c.subtree if _labels_the_allegation(t, table) for t in t.subtree}
    # (with the quotation mark closing the label, which the parser may hang elsewhere: 'as "propaganda"')
    labels |= {t.i for c in content for t in c.subtree if t.is_punct and t.i - 1 in labels}
    toks = sorted((t for c in content for t in c.subtree if t.i not in labels), key=lambda t: t.i)
    toks = [t for t in toks if not (t.dep_ == "mark" or (t == toks[0] and t.dep_ == "prep")
                                    or (t == toks[0] and t.dep_ == "nsubj" and t.tag_ in {"WP", "WDT"}))]
    if not toks or _only_a_name(toks, mentions) or _only_a_topic(content):
        return None
    text = _without_quoted_label(doc.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)], table)
    return text if len(text.split()) >= 2 else None


def _without_quoted_label(text: str, table) -> str:
    """'called allegations of doping among Chinese swimmers "fake news"': the parser may hang the quoted label
    inside the allegation's words; a closing quotation holding a stance cue is the label, not what is alleged."""
    m = re.search(r"\s+[“\"‘']([^“”\"‘’']+)[”\"’']?\s*$", text)
    if m is None or not m.start():
        return text
    label = m.group(1).lower()
    if any(re.search(rf"\b{re.escape(c.lower())}\b", label)
           for stance in ("dismisses", "rejects", "denies") for c in table.cues.get(stance) or ()):
        return text[:m.start()]
    return text


def _faulted_for_saying(st: StatementRecord, doc, mentions, table) -> tuple[str, list[str]] | None:
    """'slammed Russia for claiming that the killer fled there': the clause after 'for claiming' is the
    allegation answered, and the one faulted for saying it (the answering verb's object) is its maker."""
    verbs = set(table.as_claimed_verbs)
    for tok in doc:
        if not (st.ref.start <= tok.idx < st.ref.end) or tok.dep_ != "pcomp":
            continue
        if tok.head.lower_ != "for" or tok.head.head.pos_ != "VERB":
            continue
        if tok.lemma_.lower() in verbs:
            content = [t for c in tok.children if c.dep_ == "ccomp" for t in c.subtree if t.dep_ != "mark"]
        elif _lays_blame(tok, table):
            # "slams Abbas for throwing blame at Peru", "for blaming Peru": the charge itself is what is faulted
            content = list(tok.subtree)
        else:
            continue
        objects = [c for c in tok.head.head.children if c.dep_ == "dobj"]
        makers = [m for c in objects for m in _named_by(c, mentions)] if tok.lemma_.lower() in verbs else \
            [m.text for c in objects for m in mentions if m.ref.start <= c.idx < m.ref.end] or \
            [c.text for c in objects if c.pos_ == "PROPN"]  # (a title-case headline's parse runs on past a ";")
        if len(content) >= 2 and makers:
            return doc.text[content[0].idx: content[-1].idx + len(content[-1].text)], makers
    return None


def _lays_blame(tok, table) -> bool:
    """An accusing verb ("blaming", "accusing"), or a verb whose object is the blame ("throwing blame at",
    "pointing the finger at", "laying the blame on")."""
    return tok.lemma_.lower() in set(table.accuse_verbs) or any(
        c.dep_ == "dobj" and c.lemma_.lower() in set(table.blame_nouns) for c in tok.children)


def _only_a_topic(content) -> bool:
    """Is the content a preposition other than "of" with a noun phrase and no verb in it? (The preposition
    itself may be tagged a verb: "statements concerning Navalny's death".)"""
    return all(c.dep_ == "prep" and c.lower_ != "of"
               and not any(t.pos_ in {"VERB", "AUX"} for t in c.subtree if t.i != c.i) for c in content)


def _responsibility_claimed(content, mentions, table) -> list[str]:
    """'a claim of responsibility for the attacks by Houthi rebels': what the claim says is that its makers
    did the act, so it names its makers (the doers the "by" phrase names), not a content of its own."""
    nouns = set(speech_table().claimed_things)
    heads = [t for c in content for t in (c, *c.children) if t.lemma_.lower() in nouns and t.pos_ == "NOUN"]
    if not heads:
        return []
    return [m for h in heads for t in h.subtree if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by")
            for g in t.children if g.dep_ == "pobj" for m in _named_by(g, mentions)]


def _named_by(tok, mentions) -> list[str]:
    """The mentions at a noun, else at the names compounded with it ("the Houthi militia": Houthi)."""
    return _heads(tok, mentions) or [m for c in tok.children if c.dep_ == "compound" for m in _heads(c, mentions)]


def _makers_said_otherwise(st: StatementRecord, doc, mentions, table) -> tuple[None, list[str]] | None:
    """'This strike didn't come from Yemen as the Houthis are pretending': an 'as' clause whose verb asserts
    ("as X claim", "as X pretend") names whose claim the statement answers."""
    verbs = set(table.as_claimed_verbs)
    for tok in doc:
        if not (st.ref.start <= tok.idx < st.ref.end) or tok.lemma_.lower() not in verbs or tok.dep_ != "advcl":
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            continue
        makers = [m for c in tok.children if c.dep_ == "nsubj" for m in _named_by(c, mentions)]
        if makers:
            return None, makers
    return None


def _subjects_of(verb) -> list:
    """The subjects of a verb, or of the verb it completes ("Turkey continues to make up false scenarios",
    "Moscow keeps spreading claims": Turkey, Moscow)."""
    while True:
        found = [g for g in verb.children if g.dep_ == "nsubj"]
        if found or verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return found
        verb = verb.head


def _only_a_name(toks, mentions) -> bool:
    """Are these words one actor's name, with at most a courtesy title ("Mr. Khashoggi")?"""
    named = [m for m in mentions if any(m.ref.start <= t.idx < m.ref.end for t in toks)]
    return len(named) == 1 and all(named[0].ref.start <= t.idx < named[0].ref.end or t.is_punct
                                   or t.lower_.rstrip(".") in stances_table().courtesy_titles for t in toks)


def _labels_the_allegation(t, table) -> bool:
    """'dismissed accusations that X ... as "lies and baseless allegations"': an 'as' phrase holding a stance
    cue is the answer's label for the allegation, which the parser may hang inside it; it is no part of it."""
    if t.dep_ != "prep" or t.lower_ != "as":
        return False
    words = " ".join(x.lower_ for x in t.subtree)
    return any(re.search(rf"\b{re.escape(c.lower())}\b", words)
               for stance in ("dismisses", "rejects", "denies") for c in table.cues.get(stance) or ())


def _detached_content(noun) -> list:
    """'dismissed allegations from the FBI director, X, that the virus leaked': after a long modifier the
    parser hangs the 'that' clause on the verb, not on the noun; it is still what the allegations say."""
    if noun.dep_ != "dobj":
        return []
    return [c for c in noun.head.children if c.dep_ in {"ccomp", "advcl"} and c.i > noun.i
            and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < c.i for g in c.children)]


def _heads(tok, mentions) -> list[str]:
    """Mentions at a noun and its conjuncts ("the collective West", "the US and Japan"), not inside
    its modifiers."""
    out = []
    # "the director of the FBI, Christopher Wray": the name in apposition (the parser may hang it on the
    # nearer noun) is who the noun is
    for t in (tok, *tok.conjuncts, *(c for c in tok.subtree if c.dep_ == "appos" and c.head.i >= tok.i)):
        found = [m.text for m in mentions if m.ref.start <= t.idx < m.ref.end]
        if not found and t.lemma_.lower() in _government_words():
            # "the U.S. government", "Kyiv's authorities": the country whose government it is
            found = [m.text for c in t.children if c.dep_ in {"compound", "amod", "poss"} and c.i < t.i
                     for m in mentions if m.ref.start <= c.idx < m.ref.end]
        out += found
    return out


@lru_cache(maxsize=1)
def _government_words() -> frozenset[str]:
    return frozenset(w.lower() for w in actor_words_table().government_words)


def _names_any(text: str, names: Iterable[str]) -> bool:
    low = text.lower()
    return any(n and re.search(rf"\b{re.escape(n.lower())}\b", low) for n in names)

