"""What the sentence says about a name: it acts (subject, possessor, "by", "according to"), takes part
(object, qualifier of an act or a title) or only places or describes; and whether a news agency only
carries others' words."""
from __future__ import annotations

import re
from functools import lru_cache

from ...data import events_table, speech_table, stances_table
from ...world import capital_of, country_of, demonym_country, is_place
from .vocab import AGENT, NONE, PARTICIPANT, SUBJECTS, ActorWordSets, _key, speech_verbs, words

# ---------------------------------------------------------------- what the sentence says about it


def _agency(span) -> int:
    """AGENT when the name does something here (subject, possessor, "by", "according to"), PARTICIPANT
    when something is done with it or it qualifies an act or a title ("G7 summit", "Kremlin spokesman"),
    NONE when it only places or describes ("in Tokyo", "named after Yuri Gagarin"). The first rule with a
    level decides, read on the word that governs the name (through conjuncts and appositions)."""
    w = words()
    t = _governing(span.root)
    last = span[-1]
    if last.dep_ == "compound" and last.head.tag_ == "NNS" and last.head.lemma_.lower() in w.body_nouns:
        t = _governing(last.head)  # "US intelligence agencies conclude": the name acts through its agencies
    elif span.label_ != "NORP" and not (demonym_country(span.text) or country_of(span.text) or capital_of(span.text)):
        body = body_it_names(last, w)
        if body is not None:
            t = _governing(body)  # "Energoatom state nuclear power company said": it acts as its company
    for _name, rule in _AGENCY_RULES:
        level = rule(span, t, w)
        if level is not None:
            return level
    return NONE


def body_it_names(t, w: ActorWordSets):
    """The body's head noun a name leads up to through its modifiers ("Energoatom" -> "state" -> "company"),
    if any, within a few words; one body, not a plural ("talks with Sikh groups")."""
    start = t.i
    while t.dep_ in {"compound", "nmod"} and t.head.i > t.i and t.head.i - start < 6:
        t = t.head
        if t.lower_ in w.org_heads or t.lemma_.lower() in w.org_heads:
            return t if t.tag_ not in {"NNS", "NNPS"} else None  # "Sikh groups": a kind of body, no name
    return None


def _governing(t):
    """The word a name's role is read on: the head of the conjunction or apposition it is part of."""
    seen = 0
    while t.dep_ in {"conj", "appos", "flat"} and t.head.i != t.i and seen < 6:
        t = t.head
        seen += 1
    return t


def _only_said_of(span, t, w: ActorWordSets) -> int | None:
    """A subject or possessor that does nothing: what someone says it must do, a city's place, what is
    said of a country, an outlet's journalist."""
    dep, head = t.dep_, t.head
    if dep in SUBJECTS and _obliged(head):
        return NONE  # "If the administration won't act, Congress must": what someone says it must do
    if dep == "poss" and head.lemma_.lower() in w.facilities and (capital_of(span.text) or is_place(span.text)):
        return NONE  # "near Baghdad's airport", "Kyiv's central square": a city's place, where it happened
    if dep in SUBJECTS and _described(head) and (country_of(span.text) or is_place(span.text)):
        return NONE  # "Russia, Ukraine and India were the worst affected countries": said of it, not done by it
    if _a_citys_country(span):
        return NONE  # "a media group based in Riga, Latvia reported ...": where the city is, whatever the parse
    if _outlets_journalist(t) or (span[0].ent_type_ == "PERSON" and _after_an_outlets_possessive(span)):
        return NONE  # "an interview with CNN's Jake Tapper": the outlet's journalist works on the story
    if dep == "poss" and _outlets_journalist(head):
        return NONE  # and the outlet whose journalist he is carries the story, it does not act in it
    return None


def _a_citys_country(span) -> bool:
    """A country named right after a city and a comma ("Riga, Latvia"): the city's address."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].text != "," or country_of(span.text) is None:
        return False
    city = doc[start - 2]
    return city.is_title and (capital_of(city.text) is not None or is_place(city.text))


def _subject_or_owner(span, t, w: ActorWordSets) -> int | None:
    return AGENT if t.dep_ in SUBJECTS or t.dep_ == "poss" else None


def _after_a_preposition(span, t, w: ActorWordSets) -> int | None:
    """The object of a preposition: "by" and "according to" act; "of" an act, "with", "against" take
    part; "in", "on Twitter", "from Kenya" only place."""
    if t.dep_ != "pobj":
        return None
    head = t.head
    prep, governor = head.lower_, head.head
    if prep == "by" and _credits_an_image(governor):
        return NONE  # "In this photo provided by Mehr News Agency": a credit, not a doer
    if prep == "by" or (prep == "to" and governor.lower_ == "according"):
        return AGENT
    if prep == "to" and governor.lower_ in w.titles and country_of(span.text):
        return NONE  # "Pakistan's ambassador to the United States": where the envoy is posted, not a party
    if governor.lower_ in w.titles and governor.i != t.i and prep not in w.place_preps:
        # "Ambassador at Large Oleg Burmistrov", "a director for the World Sikh Organization": the
        # name holds or gives the title, which does what the sentence says ("a commander in Syria" is
        # where the commander was)
        return max(PARTICIPANT, _agency(span.doc[governor.i:governor.i + 1]))
    governs_act = governor.lemma_.lower() in w.act_nouns or governor.lower_ in w.act_nouns
    if prep == "of" and governs_act:
        return PARTICIPANT  # "the policy of NATO", like "NATO's policy"
    if prep in w.platform_preps and span.text.lower() in w.platforms:
        return NONE  # "blamed Iran for the attack on Twitter", "took to Telegram": where it was posted
    if _speech_recipient(t):
        return PARTICIPANT  # "said to Sputnik", "in an interview with CTV"
    if prep == "on" and (governor.lemma_.lower() in w.media_cues or governor.lower_ in w.media_cues):
        return NONE  # "said in a statement on Telegram", "posted on X": where it was said
    if prep == "from" and governor.pos_ in {"NOUN", "PROPN"} and not governs_act:
        return NONE  # "athletes from Kenya": where people come from, not a letter or a call from a state
    if prep in w.party_preps and governor.lemma_.lower() not in w.place_verbs:
        return PARTICIPANT if prep != "on" or governor.lemma_.lower() in w.act_nouns else NONE
    return NONE


def _an_object(span, t, w: ActorWordSets) -> int | None:
    if t.dep_ in {"dobj", "dative", "iobj", "attr", "oprd"}:
        return NONE if t.head.lemma_.lower() in w.place_verbs else PARTICIPANT
    return None


def _a_modifier(span, t, w: ActorWordSets) -> int | None:
    """A name modifying a noun: the body it names or holds, a title's or an act's party, else a description."""
    dep, head = t.dep_, t.head
    between = span.doc[span.end:head.i] if head.i >= span.end else None
    if dep in {"compound", "nmod"} and head.is_lower and head.lower_ in w.org_heads and between is not None \
            and len(between) <= 2 and all(x.is_lower and x.pos_ in {"ADJ", "NOUN"} for x in between):
        # "the KCNA news agency said", "the Islamic State militant group claimed": the name is the body
        level = _agency(span.doc[head.i:head.i + 1])
        # "access to the German Embassy and the US embassy": a mission that does not act is its building
        return NONE if head.lower_ in w.missions and level < AGENT else level
    if dep in {"compound", "nmod"} and head.lower_ in w.org_heads and head.i >= span.end:
        return PARTICIPANT  # "White House" of "White House National Security Council": it holds the body
    if dep == "compound" and _happening(head) and not country_of(span.text) \
            and (capital_of(span.text) or is_place(span.text)):
        return NONE  # "the Paris attacks", "the Salisbury poisoning": where it happened, not who did it
    if dep in {"compound", "amod", "nmod", "npadvmod", "nummod"}:
        noun = head.lower_
        if noun in w.titles or noun in w.act_nouns or head.lemma_.lower() in w.act_nouns:
            return PARTICIPANT
        return NONE
    return None


def _a_headline_fragment(span, t, w: ActorWordSets) -> int | None:
    if t.dep_ == "ROOT" and span.root.pos_ == "PROPN" and len(span.doc) > len(span) + 2:
        return PARTICIPANT  # headline fragments: "Pyongyang slams Washington"
    return None


def _happening(noun) -> bool:
    """A noun of violence or disaster (data/events.yml triggers of kind attack or crash)."""
    kinds = events_table().triggers
    return kinds.get(noun.lemma_.lower(), kinds.get(noun.lower_)) in {"attack", "crash"}


def _credits_an_image(word) -> bool:
    """Is the word an image, or a participle on one ("photo provided by", "image taken by")?"""
    images = words().image_nouns
    return word.lemma_.lower() in images or (word.dep_ == "acl" and word.head.lemma_.lower() in images)


def _outlets_journalist(t) -> bool:
    """A person an outlet owns ("CNN's Jake Tapper", "the BBC's Steve Rosenberg"): its reporter or host."""
    w = words()
    return t.ent_type_ == "PERSON" and any(
        c.dep_ == "poss" and _key(" ".join(x.text for x in c.subtree if x.dep_ != "case"))
        in w.news_agencies | w.broadcasters for c in t.children)


def _after_an_outlets_possessive(span) -> bool:
    """A name written right after an outlet's possessive ("told CNN’s Becky Anderson"), however the parse
    attached the two: the outlet's reporter or host."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].text not in {"'s", "’s"}:
        return False
    w = words()
    owner = doc[start - 2]
    names = {_key(doc[i:start - 1].text) for i in range(max(0, start - 5), start - 1)} | {_key(owner.text)}
    return bool(names & (w.news_agencies | w.broadcasters))


def _described(verb) -> bool:
    """The verb only links its subject to a noun that describes it ("were the worst affected countries")."""
    return verb.lemma_.lower() in words().copulas and any(c.dep_ == "attr" for c in verb.children)


def _obliged(verb) -> bool:
    """The verb is an obligation put on its subject, not an act: a modal of obligation (data/actor_words.yml
    obligation_modals) standing alone ("Congress must.") or before it ("Congress must act")."""
    modals = words().obligation_modals
    return verb.lower_ in modals or any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _reported(t) -> bool:
    """The token is inside a clause someone is said to have said ("he said U.S. officials had not ...")."""
    while t.head.i != t.i:
        if t.dep_ in {"ccomp", "parataxis"} and t.head.lemma_.lower() in speech_verbs():
            return True
        t = t.head
    return False


def _does(span) -> bool:
    """The name itself is the subject of a verb that is an act, not of "be" or "have" or a passive."""
    t = span.root
    return t.dep_ == "nsubj" and t.head.lemma_.lower() not in words().inert_verbs


def _owns_an_act(span) -> bool:
    """A possessive of an act, a title or a body ("Jackson's statement", "Lincoln's spokesman"), not of
    people or things that belong to a place ("Crimea's residents")."""
    w = words()
    t = span.root
    head = t.head
    return t.dep_ == "poss" and (head.lemma_.lower() in w.act_nouns or head.lower_ in w.act_nouns
                                 or head.lower_ in w.titles or head.lower_ in w.org_heads)


def _speech_recipient(t) -> bool:
    """The token is told something: "told Sputnik", "said to reporters", "an interview with CTV"."""
    w = words()
    if t.dep_ in {"dobj", "dative", "iobj"}:
        return t.head.lemma_.lower() in w.recipient_cues
    if t.dep_ == "pobj" and t.head.lower_ in w.recipient_preps:
        return t.head.head.lemma_.lower() in w.recipient_cues
    return False


@lru_cache(maxsize=1)
def _agency_name() -> re.Pattern:
    """A name ending in "News Agency" or "Press Agency" (actor_words agency_kinds), as _key writes it."""
    kinds = "|".join(re.escape(k) for k in sorted(words().agency_kinds))
    return re.compile(rf"\b(?:{kinds}) agency$")


def _news_agency(text: str, doc, start: int, end: int) -> bool:
    """A news outlet: a wire or broadcaster named in the table, a name ending in 'News/Press Agency' or in a
    newspaper's name word ("The Washington Post"), or one the words around it call an outlet ("the North's
    KCNA news agency", "the ERR state broadcaster", "the state news agency, Ria-Novosti", "state media
    publication Anadolu Agency")."""
    w = words()
    key = _key(text)
    if key in w.news_agencies | w.broadcasters or _agency_name().search(key):
        return True
    if key.replace(" ", "") in _run_together(frozenset(w.news_agencies | w.broadcasters)):
        return True  # "Aljazeera" for "Al Jazeera"
    if len(text.split()) > 1 and text.split()[-1].lower() in w.newspaper_words:
        return True
    if _titled_with_the(doc, start):
        return True
    if any([t.lower_ for t in doc[end:end + len(p.split())]] == p.split() for p in w.agency_followers):
        return True  # "the North's KCNA news agency"
    after = [t for t in doc[end:end + 3] if t.is_lower]
    if after and after[0].lemma_.lower() in w.media_nouns or \
            any(t.lemma_.lower() in w.media_nouns and t.i == doc[start].head.i for t in after):
        return True  # "the ERR state broadcaster"
    root = doc[start:end].root
    if any(c.i < start and c.dep_ in {"compound", "nmod", "amod"} and c.lemma_.lower() in w.media_nouns
           for c in root.children):
        return True  # "state broadcaster IRIB reported", "told Canadian television channel CTV News"
    head = root.head
    if root.dep_ == "conj" and head.i < start and head.lemma_.lower() in w.media_nouns:
        return True  # "Ukrainian publications UNIAN and Ukrainian Pravda": one of the outlets listed
    return root.dep_ in {"appos", "compound"} and head.i < start and (
        head.lemma_.lower() in w.media_nouns
        or head.lower_ == "agency" and any(c.lower_ in w.agency_kinds for c in head.children))


@lru_cache(maxsize=1)
def _run_together(names: frozenset[str]) -> frozenset[str]:
    """Outlets' names with their words run together, as some pages write them ("aljazeera")."""
    return frozenset(n.replace(" ", "") for n in names if " " in n)


def _titled_with_the(doc, start: int) -> bool:
    """"according to The Guardian", "told The Messenger": a capital "The" inside running text is part of a
    publication's title; a body's article is written small ("told the Kremlin"). Not at a sentence's or a
    quotation's start, nor in a headline's title case."""
    if start < 2 or doc[start - 1].text != "The" or doc[start - 2].text in {'"', "“", "'", "‘", ":", "—", "–", "-", "("}:
        return False
    alpha = [t for t in doc if t.is_alpha]
    return sum(t.is_lower for t in alpha) > 0.4 * len(alpha)


def _relays(t) -> bool:
    """The agency carries someone else's words: it is told them ("a Turkish official told Reuters"), they
    are according to it or carried by it ("according to the Saudi Press Agency", "carried by KCNA"), or
    what it reports is another's speech ("X denied ..., Reuters reported", "X said ..., reported Anadolu").
    An agency that itself says a fact ("Tass news agency said the plane had caught fire") is a source
    others answer, and stays."""
    speech = speech_table()
    while t.dep_ in {"compound", "appos", "conj"} and t.head.i != t.i:
        # "told Reuters news agency", "according to state media publication Anadolu Agency", "told The
        # Times, The Post and Ukrainian publications ...": each outlet listed is told it
        t = t.head
    if t.dep_ == "poss" and t.head.lower_ in words().broadcasts:
        t = t.head  # "told CBS's 60 Minutes program": the network's programme is told
    if _speech_recipient(t):
        return True
    head = t.head
    if t.dep_ in SUBJECTS and head.lemma_.lower() in words().newsroom_verbs:
        return True  # "The Guardian has not verified the claims": the outlet at work on the story
    if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    if t.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in set(speech.frame_verbs) | words().relay_verbs:
        return True
    if t.dep_ in SUBJECTS and head.lemma_.lower() in set(speech.say_verbs) | set(speech.frame_verbs) and any(
            c.lower_ == "as" and any(g.lemma_.lower() in speech.say_verbs for g in c.children) for c in head.children):
        return True  # "Reuters quoted the minister as saying", "reported her as saying": another's words it carries
    if t.dep_ in SUBJECTS | {"dobj"} and head.lemma_.lower() in set(speech.say_verbs):
        if t.i > head.i:
            return True  # "..., reported state-run Anadolu Agency": the agency credited after the verb
        if any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in words().citing_verbs for c in head.children):
            return True  # "the Anadolu Agency said, citing the minister": another's words it carries
        verbs = set(speech.verbs) | set(speech.say_verbs)
        if head.dep_ in {"ccomp", "parataxis"} and head.i > head.head.i and head.head.lemma_.lower() in verbs:
            return True  # "X denied it and said ..., Reuters reported": a report tagged after the words
        # a speaker of its own inside the report; a finding it reports ("reported that the department had
        # concluded ...") is the report's own news, which others answer
        findings = set(stances_table().finding_verbs)
        return any(c.dep_ == "ccomp" and any(x.lemma_.lower() in verbs - findings and x.pos_ == "VERB"
                                             and any(s.dep_ in SUBJECTS for s in x.children) for x in c.subtree)
                   for c in head.children)
    return False


def _acted_upon(t) -> bool:
    """The name undergoes an act ("Moscow banned Nordpress", "Nordpress was fined"): an outlet that is part
    of the story. Reporting, confirming or being told things is the outlet at work, not acting in it."""
    if t.dep_ == "nsubjpass":
        return True
    return t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in words().recipient_cues


# In order: the first rule with a level decides (a subject that is only described does nothing).
def _a_platforms_former_name(span, t, w: ActorWordSets) -> int | None:
    """"said on X, formerly known as Twitter": a platform's other name, said beside it, is the medium too."""
    if span.text.lower() not in w.platforms:
        return None
    before = {x.lower_ for x in span.doc[max(0, span.start - 4):span.start]}
    return NONE if "formerly" in before else None


_AGENCY_RULES = [
    ("a platform's former name", _a_platforms_former_name),
    ("only said of", _only_said_of),
    ("subject or owner", _subject_or_owner),
    ("after a preposition", _after_a_preposition),
    ("object", _an_object),
    ("modifier", _a_modifier),
    ("headline fragment", _a_headline_fragment),
]
