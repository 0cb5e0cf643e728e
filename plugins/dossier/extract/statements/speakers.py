"""Who speaks: the subject of a reporting verb (or a passive's "by" agent, or a relative clause's
antecedent), resolved to an actor as written: a name, a pronoun or "the latter" pointing back, a role
noun ("the minister"), a state noun with its nationality ("the Indian government")."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...data import actor_words_table, seats_table
from ...world import body_names, capital_of, country_of, demonym_country, seat_country
from ..who import nationality, officially, same_spelling, state_noun_of_doer, words
from .focus import _last_mention
from .quotes import quote_spans
from .tables import SUBJECT_DEPS, speech_words


def _speaker(token, doc, mentions, focus):
    """(text, ref, kind, co-speakers) of the speaker of a reporting verb, or Nones."""
    subjects = [s for s in _subjects_of_saying(token) if not _quoted_before(s, token)] or _subjects_of_saying(token)
    if not subjects:
        return None, None, None, ()
    # of several subjects ("Coordinator ... John Kirby claimed"), the one nearest the verb
    subject = max(subjects, key=lambda s: s.i if s.i < token.i else -s.i)
    verb = subject.head
    if subject.dep_ == "nsubjpass" and _reported_as_done_to(verb):
        return None, None, None, ()  # "the tankers were reported attacked": what is reported says nothing
    if subject.dep_ == "nsubjpass" and verb.lemma_.lower() not in speech_words().frame_verbs:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:
            return None, None, None, ()  # "the claims were rejected": nobody said anything here
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None, None, None, ()
        subject = pobj
    elif verb.lemma_.lower() in speech_words().laid_on_verbs and _laid_on(verb):
        return None, None, None, ()  # "Crash blamed on Horak": what is blamed does not speak
    elif subject == _relative_subject(verb):
        # "the United States, which accuses ...": the antecedent speaks; names in the clause are not it
        return _of_noun_phrase(verb.head, mentions, focus, before=verb.idx)
    return _resolve_subject(subject, mentions, focus)


def _reported_as_done_to(verb) -> bool:
    """A passive verb of reporting with what befell its subject ("were reported attacked", "was reported
    killed"), not the words it said ("was quoted as saying", "was heard saying")."""
    words = speech_words()
    saying = set(words.verbs) | set(words.say_verbs)
    return verb.lemma_.lower() in words.frame_verbs and any(
        c.dep_ == "xcomp" and c.lemma_.lower() not in saying for c in verb.children)


def _laid_on(verb) -> bool:
    """'blamed on X' with nothing blamed after the verb: the subject is what is blamed."""
    return not any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)


def _resolve_subject(subject, mentions, focus):
    """The speaker a reporting verb's subject stands for: (text, ref, kind, co-speakers)."""
    word = subject.lower_
    pronouns = words().speaker_pronouns
    if word in pronouns.person:
        return _person_pronoun(subject, focus)
    if word in pronouns.plural and subject.pos_ == "PRON":
        group = focus.last_group(words().titles)
        if group is not None:
            return group
    if word in pronouns.thing and subject.pos_ == "PRON":
        # "Iran's Revolutionary Guards ratcheted up tensions as it accused ...": the body that is the subject
        # of a clause before it in the same sentence; else the last body that spoke
        doc = subject.doc
        same = [m for m in focus.pending if m.kind in {"organization", "country", "group"} and m.ref.end <= subject.idx
                and any(t.dep_ in {"nsubj", "nsubjpass"} and m.ref.start <= t.idx < m.ref.end for t in doc)
                and not QUOTE_MARKS & set(doc.text[m.ref.start:subject.idx])]
        if same:
            return same[-1].text, same[-1].ref, same[-1].kind, ()
        text, ref = focus.last_speaker({"organization", "country", "group", "other"})
        return text, ref, None, ()
    if word in pronouns.first_person:
        return NOBODY  # "we said", "I said": whose voice, the sentence does not say
    if subject.lemma_.lower() in speech_words().former_latter:
        return _latter_former(subject, mentions)
    return _of_noun_phrase(subject, mentions, focus)


def _person_pronoun(subject, focus):
    """"he", "she": in a relative clause, the person named before it in the sentence; else the person
    the sentence before was about, if it reported no words; else the last person who spoke, or was named.
    Never a person the article refers to otherwise ("he" is not a woman it calls "she")."""
    def agrees(text: str) -> bool:
        return focus.genders.get(text.split()[-1].lower(), subject.lower_) == subject.lower_ \
            if subject.lower_ in words().speaker_pronouns.gendered else True

    if subject.head.dep_ == "relcl":
        # "an interview with Ambassador X, during which he stated": in a relative clause, the
        # nearest person named before it in the sentence
        before = [m for m in focus.pending if m.kind == "person" and m.ref.end <= subject.idx and agrees(m.text)]
        if before:
            return before[-1].text, before[-1].ref, "person", ()
    # "Biden had been briefed on the crash and he told reporters ...": a person who is the subject of a
    # clause earlier in the same sentence (a subject antecedent is the likeliest one)
    doc = subject.doc
    # (not one inside the quotation the pronoun attributes: "'Jamal is a citizen,' he said")
    # (nor one inside what the pronoun's own verb reports: "'...,' Putin killed not only ..., she said": she is
    # not who the words she reports are about)
    reported = {t.idx for c in subject.head.children if c.dep_ in {"ccomp", "parataxis"} for t in c.subtree}
    subjects = [m for m in focus.pending if m.kind == "person" and m.ref.end <= subject.idx and agrees(m.text)
                and any(t.dep_ in {"nsubj", "nsubjpass"} and m.ref.start <= t.idx < m.ref.end and t.idx not in reported
                        for t in doc)
                and not QUOTE_MARKS & set(doc.text[m.ref.start:subject.idx])]
    if subjects:
        return subjects[-1].text, subjects[-1].ref, "person", ()
    # ("Amini's father criticised the report. ..., he said": one of a person's kin who spoke is a person too)
    text, ref = next(((t, r) for t, k, r in reversed(focus.speakers)
                      if (k == "person" or k == "group" and _one_of_kin(t)) and agrees(t)), (None, None))
    acting = {m.text: m for m in focus.silent if m.kind == "person" and agrees(m.text)}
    if len(acting) == 1:
        # "Danilov addressed the accusations on TV. 'They are choking,' he said": the person who is the
        # subject of the sentence before, which reported no words, speaks
        m = next(iter(acting.values()))
        return m.text, m.ref, "person", ()
    voice, voice_ref = focus.voice_spoke_last()
    if voice is not None and not acting:  # (a sentence since that named persons moved the story to them)
        return voice, voice_ref, None, ()  # "a spokesman told KCNA ... '...,' he said": the spokesman again
    if text is None:
        text, ref = _last_mention(focus, lambda m: m.kind == "person" and agrees(m.text))
    return text, ref, "person", ()


QUOTATION_MARKS = frozenset("\"'‘’“”")


def _quoted_before(subject, verb) -> bool:
    """"'We didn't order it' says Ortiz": a subject the parser found inside the quotation the verb follows
    ("it") is the quotation's own word, never who says it."""
    if subject.i > verb.i:
        return False
    if any(a <= subject.idx < b <= verb.idx for a, b in quote_spans(subject.doc.text)):
        return True  # (the parser may start a sentence inside the quotation: "to [help from] all our friends")
    between = [t for t in subject.doc[subject.i + 1:verb.i] if t.text in QUOTATION_MARKS]
    before = [t for t in subject.doc[subject.sent.start:subject.i] if t.text in QUOTATION_MARKS]
    return bool(between) and bool(before)


def _subjects_named(doc, mentions) -> list:
    """The mentions naming the subject of a sentence's main verb, or its apposition ("Trump's homeland
    security advisor, Thomas P Bossert, had made the announcement")."""
    subjects = [c for t in doc if t.dep_ == "ROOT" for c in t.children if c.dep_ in SUBJECT_DEPS]
    subjects += [a for s in subjects for a in s.children if a.dep_ == "appos"]
    found = [m for m in mentions if any(m.ref.start <= s.idx < m.ref.end for s in subjects)]
    # "U.S. Ambassador to the UN Nikki Haley fired back": the parse may make the title the subject and hang
    # the name on its "to"; the person the title's phrase names is the subject
    titled = [s for s in subjects if s.lower_ in words().titles and s.pos_ in {"NOUN", "PROPN"}]
    return found + [m for m in mentions if m.kind == "person" and m not in found and any(
        s.left_edge.idx <= m.ref.start < s.right_edge.idx + len(s.right_edge) for s in titled)]


def _latter_former(subject, mentions):
    """"the latter", "the former": the second or first of the last pair named before it ("Ottawa and New
    Delhi, with the latter calling ...")."""
    doc = subject.doc
    for t in reversed(doc[:subject.i]):
        if t.dep_ == "conj" and t.head.i < t.i:
            pick = t if subject.lemma_.lower() == "latter" else t.head
            m = next((m for m in mentions if m.ref.start <= pick.idx < m.ref.end), None)
            if m is not None:
                return m.text, m.ref, m.kind, ()
            name = " ".join(t.text for t in pick.subtree if t.pos_ == "PROPN" and t.i <= pick.i
                            and (t.dep_ == "compound" or t.i == pick.i))
            return (name, None, None, ()) if name[:1].isupper() else (None, None, None, ())
    return None, None, None, ()


NOBODY = (None, None, None, ())
QUOTE_MARKS = set('"“”«»')  # a definite answer: this phrase names no speaker


@dataclass
class _Phrase:
    """What every noun-phrase rule reads: the phrase's head, its extent, the mentions inside it."""
    head: object
    mentions: list
    focus: object  # _Focus, or None where the article's memory may not be used
    lo: int
    hi: int
    toks: list  # the phrase's tokens (before the cut, if one was given)
    inside: list  # mentions inside the phrase
    persons: list  # persons inside it who may be the speaker (rules strike owners: "Putin's spokesman")
    co: tuple  # coordinated speakers ("Russia and North Korea")

    @property
    def lemma(self) -> str:
        return self.head.lemma_.lower()

    @property
    def noun(self) -> bool:
        return self.head.pos_ == "NOUN"


# Each rule answers (text, ref, kind, co-speakers), NOBODY, or None to pass the phrase on to the next.

def _mention_at_head(p: _Phrase):
    covering = [m for m in p.inside if m.ref.start <= p.head.idx < m.ref.end]
    if covering:
        # "Saudi and US officials" (the mention only "US officials"): the officials of each nationality
        return _officials_of_nationalities(p) or (covering[0].text, covering[0].ref, covering[0].kind, p.co)
    return None


def _named_group(p: _Phrase):
    """"The Islamic State of Iraq and the Levant (ISIL, also known as ISIS) group claimed": a group word
    heading the phrase, the group's name (and its other names) before it: the first body named there."""
    if not p.noun or p.lemma not in _group_heads():
        return None
    named = [m for m in p.inside if m.ref.end <= p.head.idx and m.kind in {"organization", "group"}]
    return (named[0].text, named[0].ref, named[0].kind, p.co) if named else None


@lru_cache(maxsize=1)
def _group_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in actor_words_table().name_group_heads)


def _state_with_nationality(p: _Phrase):
    """"the Indian government", "the Indian side", "Canadian authorities": the country."""
    nouns = words().speaker_state_nouns
    if (p.lemma not in nouns and p.head.lower_ not in nouns) or not p.noun:  # as written or as its lemma
        return None
    for t in p.head.children:
        if t.dep_ in {"amod", "compound"} and t.i < p.head.i:
            country = demonym_country(t.text) or (country_of(t.text) if t.pos_ == "PROPN" else None)
            if country is not None:
                return country.name, None, "country", p.co
    return None


def _the_country_word(p: _Phrase):
    """"the kingdom said": the country last named in the article; one whose official name has that word,
    where the word is a form of state ("the kingdom": the Kingdom of Saudi Arabia, not Iran named since)."""
    if p.lemma in words().country_nouns and p.noun and p.focus is not None \
            and [c.lower_ for c in p.head.children] == ["the"]:
        text, ref = _last_mention(p.focus, lambda m: m.kind == "country" and officially(m.text, p.lemma))
        if text:
            return text, ref, "country", p.co
    return None


def _office_of_a_person(p: _Phrase):
    """"Modi's office", "Trudeau's government": the state the person heads, when the article's titles
    say which ("Indian Prime Minister Narendra Modi"); else the person (a later rule)."""
    if not (p.lemma in speech_words().institution_nouns and p.noun and any(
            t.dep_ == "poss" and any(m.kind == "person" and m.ref.start <= t.idx < m.ref.end for m in p.inside)
            for t in p.head.children)):
        return None
    person = next(m for m in p.inside if m.kind == "person")
    key = person.text.split()[-1]
    for m in reversed([*(p.focus.mentions if p.focus is not None else ()), *p.mentions]):
        if m.kind == "person" and m.role and key in m.text.split():
            country = next((c for w in m.role.split() for c in (demonym_country(w),) if c), None)
            if country is not None:
                return country.name, None, "country", ()
    return None


def _not_the_owner(p: _Phrase):
    """The owner of the head noun does not speak: "Putin's spokesman" (a title: the person holding it
    does); "Prigozhin's backers, the Ukrainian government and Western officials blamed ..." (the
    coordinated speakers do). Strikes owners from p.persons."""
    table = speech_words()
    head = p.head
    served = _person_served(p)
    if served is not None:
        # "a senior aide to Ukrainian President Volodymyr Zelenskiy": the unnamed aide, of the state the
        # person served holds office in (else nobody we can name), never that person
        country = next((c for c in (country_of(served.role_org or ""),
                                    demonym_country((served.role or "").split()[0]) if served.role else None)
                        if c is not None), None)
        return (country.name, None, "country", ()) if country is not None else NOBODY
    if p.lemma in words().titles and p.noun:
        owners = [t for t in head.children if t.dep_ == "poss"]
        p.persons = [m for m in p.persons
                     if not any(m.ref.start <= t.idx < m.ref.end for o in owners for t in o.subtree)]
    elif p.noun and p.lemma not in table.institution_nouns | table.statement_nouns | table.kin_nouns:
        # (a person's kin speak for themselves: "Amini's father", _kin_of_a_person)
        owners = [t for t in head.children if t.dep_ == "poss" and any(
            m.kind == "person" and m.ref.start <= t.idx < m.ref.end for m in p.inside)]
        if owners:
            p.persons = [m for m in p.persons
                         if not any(m.ref.start <= t.idx < m.ref.end for o in owners for t in o.subtree)]
            if not p.persons:
                others = [r for r in (_of_noun_phrase(t, p.mentions) for t in head.conjuncts) if r[0]]
                if not others:
                    return NOBODY
                return others[0][0], others[0][1], others[0][2], tuple((r[0], r[1]) for r in others[1:])
    return None


def _kin_named_before(p: _Phrase):
    """"her father said", "Amini's father said": the one person of the article whose role names that kin
    ("Amjad Amini, Mahsa's father"), where the article names one."""
    if p.focus is None or not (p.noun and p.lemma in speech_words().kin_nouns) or p.head.tag_ != "NN":
        return None
    kin = [m for m in (*p.focus.article, *p.mentions) if m.kind == "person" and m.role
           and p.lemma in re.findall(r"[a-z]+", m.role.lower())]
    if len({m.text for m in kin}) != 1:
        return None
    return kin[0].text, kin[0].ref, "person", p.co


def _kin_of_a_person(p: _Phrase):
    """"The Ruiz family", "Ruiz's widow": the kin speak, not the person named (who may be the victim the
    story is about); they are named by the phrase itself."""
    named = p.persons or [t for t in p.head.children if t.dep_ in {"compound", "poss"} and t.pos_ == "PROPN"]
    if p.noun and p.lemma in speech_words().kin_nouns and not named:
        return _kin_of_the_one_referred_to(p)
    if not (p.noun and p.lemma in speech_words().kin_nouns and named):
        return None
    words_ = [t for t in p.toks if t.dep_ not in {"det", "punct"} and t.i <= p.head.i]
    text = " ".join(t.text for t in words_ if t.text not in {"'s", "’s"})
    return (text, None, "group", p.co) if text[:1].isupper() else None


def _kin_of_the_one_referred_to(p: _Phrase):
    """"Her father has said ...": the kin of the last person the article named whom it calls "she" ("his": "he"),
    named as "Amini father" for resolution to find the person of that surname so titled."""
    pronoun = next((t.lower_ for t in p.head.children if t.dep_ == "poss" and t.tag_ == "PRP$"), None)
    gender = {"her": "she", "his": "he"}.get(pronoun or "")
    if p.focus is None or gender is None or p.head.tag_ != "NN":
        return None
    named = [*p.focus.mentions, *(m for m in p.mentions if m.ref.end <= p.head.idx)]
    owner = next((m for m in reversed(named) if m.kind == "person"
                  and p.focus.genders.get(m.text.split()[-1].lower()) == gender), None)
    return (f"{owner.text.split()[-1]} {p.head.text.lower()}", None, "group", p.co) if owner is not None else None


def _entourage_back(p: _Phrase):
    """"the family said", "the team said": the person's family or team the article named last ("the family
    of Maria Vega", "the Vega family"), if it named one."""
    if p.focus is None or not p.noun or p.lemma not in _entourage_nouns() or not _common_noun(p.head):
        return None
    named = [*p.focus.mentions, *(m for m in p.mentions if m.ref.end <= p.head.idx)]
    m = next((m for m in reversed(named) if m.kind == "group" and p.lemma in m.text.lower().split()), None)
    return (m.text, m.ref, "group", p.co) if m is not None else None


def _one_of_kin(text: str) -> bool:
    """"Amini's father", "the Vega widow": a name for one of a person's kin (speech.yml `person_kin_nouns`)."""
    return bool(text.split()) and text.split()[-1].lower() in speech_words().person_kin_nouns


@lru_cache(maxsize=1)
def _entourage_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in actor_words_table().entourage_nouns)


def _person_inside(p: _Phrase):
    """"Russian Foreign Ministry spokeswoman Maria Zakharova": the person nearest the head; not one named in a
    clause describing it ("two paramilitary groups opposed to President Vladimir Putin say")."""
    described = {t.i for c in p.head.children if c.dep_ in {"acl", "relcl"} and c.i > p.head.i for t in c.subtree}
    persons = [m for m in p.persons if not any(t.idx == m.ref.start and t.i in described for t in p.head.subtree)]
    if persons:
        m = min(persons, key=lambda m: abs(m.ref.start - p.head.idx))
        return m.text, m.ref, m.kind, p.co
    return None


def _leaders_government(p: _Phrase):
    """"The Trump administration blamed ...": the government of the country whose leader the article titles
    with that surname ("U.S. President Donald Trump"), not the person (the actor stage drops the name)."""
    if p.focus is None or p.lemma not in _leader_governments():
        return None
    names = {t.text for t in p.head.children if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < p.head.i}
    countries = {_role_country(m) for m in p.focus.article
                 if m.kind == "person" and _surnames(m.text) & names and m.role} - {None}
    if len(countries) == 1:
        return countries.pop(), None, "country", ()
    # the article titles nobody so: "Trump administration", for resolution to find the state the dossier's
    # person of that surname leads
    return (f"{' '.join(sorted(names))} {p.lemma}", None, "country", ()) if len(names) == 1 and not countries else None


def _surnames(name: str) -> set[str]:
    """How the press shortens a name to its surname: the last word, and without its particle ("Assad" of
    "Bashar al-Assad")."""
    last = name.split()[-1]
    return {last, last.split("-")[-1]} if "-" in last and last.split("-")[0].lower() in actor_words_table().name_particles \
        else {last}


@lru_cache(maxsize=1)
def _leader_governments() -> frozenset[str]:
    """The words for a government its leader's name may stand before (actor_words.yml government_words)."""
    return frozenset(w.lower() for w in actor_words_table().government_words)


def _head_of_a_body(p: _Phrase):
    """"The head of the United Nations", "the UN chief", "the president of the Russian Olympic Committee": the
    one person of the article whose title is the body's ("U.N. Secretary-General Antonio Guterres"), where the
    article titles one."""
    if p.focus is None or not p.noun or (p.lemma not in speech_words().head_nouns and p.lemma not in words().titles):
        return None
    bodies = [m.text for m in p.inside if m.kind == "organization"]
    if not bodies:
        # a headline's "UN chief warns ...", where the tagger found no name: a body data/bodies.yml knows
        bodies = [t.text for t in p.toks if t.i < p.head.i and len(body_names(t.text)) > 1]
    if len(bodies) != 1:
        return None
    # the body as named here, by data/bodies.yml's other names, or by its initials ("ROC head Stanislav
    # Pozdnyakov" for "the president of the Russian Olympic Committee")
    initials = "".join(w[0] for w in bodies[0].split() if w[:1].isupper())
    names = {n.lower() for n in body_names(bodies[0])} | {bodies[0].lower()} \
        | ({initials.lower()} if len(initials) >= 2 else set())
    heads = {m.text: m for m in (*p.focus.article, *p.mentions) if m.kind == "person" and m.role_org
             and m.role_org.lower() in names}
    if not heads:
        # "Secretary-General Antonio Guterres", the body left out: a title only a body's head holds
        heads = {m.text: m for m in (*p.focus.article, *p.mentions) if m.kind == "person" and m.role
                 and not m.role_org and _a_body_heads_title(m.role)}
    if len(heads) != 1:
        return None
    m = next(iter(heads.values()))
    return m.text, m.ref, "person", p.co


def _a_body_heads_title(role: str) -> bool:
    """Is the role a title only an international body's head holds ("Secretary-General", "Director General")?"""
    said = " ".join(role.lower().replace("-", " - ").split()).replace(" - ", "-")
    return any(re.search(rf"\b{re.escape(t)}\b", said) for t in speech_words().body_head_titles)


def _role_noun(p: _Phrase):
    """"the minister", "the Kremlin spokesman": the last person of the article with that role, or whose
    role names the organisation written here."""
    if p.lemma not in words().titles or p.focus is None:
        return None
    # a body written in the phrase ("the Kremlin spokesman"); a country there is whose title it is, and any
    # official of the country does not hold it ("Iran's army chief" is not Iran's foreign minister)
    orgs = {m.text.lower() for m in p.inside if m.kind != "country"}
    # the bodies written before the title ("a State Department spokesperson"), not after ("ambassador to DC")
    bodies = {m.text for m in p.inside if m.kind == "organization" and m.ref.end <= p.head.idx}
    lemma = p.lemma
    country = _nationality(p.head)
    # "the Russian leader": whoever holds a title of that country's (its president, its prime minister);
    # "Israeli leaders" are several of them, the state's voice (_official_of_a_nationality)
    any_title = country is not None and lemma in speech_words().leader_nouns
    if any_title and p.head.tag_ in {"NNS", "NNPS"}:
        return None

    # "the Prime Minister" is no foreign minister: the title's portfolio words must be in the role too
    portfolio = {c.lower_ for c in p.head.children if c.dep_ in {"compound", "amod"} and c.i < p.head.i
                 and c.lower_ in _portfolios()}

    # "Russia's Minister of Transport": nobody whose title names another country
    owner = _owner_country(p.head)

    def titled(m) -> bool:
        return m.kind == "person" and bool(m.role) and (any_title or _same_title(lemma, m.role)) \
            and (country is None or _role_country(m) == country) and portfolio <= set(m.role.lower().split()) \
            and _of_the_body_named(m, bodies) and (owner is None or _role_country(m) in (owner, None))

    def holds_it(m) -> bool:
        return titled(m) or m.kind == "person" and bool(m.role) and (m.role_org or "").lower() in orgs \
            and bool(m.role_org) and (country is None or _role_country(m) == country)
    text, ref = _last_mention(p.focus, holds_it)
    if text is None:
        # a headline or lede names by title whom the article names later ("Ukrainian defense minister
        # denies ..." of Oleksii Reznikov; "..., the president has said" of the article's one president): the
        # one person of the article holding that title (that country's, where it names one); a person whose
        # title only names the same body ("adviser to Iran's president": Iran's president) counts only
        # where nobody holds the title itself
        later = list(dict.fromkeys(m.text for m in p.focus.article if titled(m))) or \
            list(dict.fromkeys(m.text for m in p.focus.article if holds_it(m)))
        if not later and country is not None:
            # "Qatar emir slams ...", the story naming "its ruler Sheikh Tamim": the one person the article
            # titles so without naming the state in the title
            untold = list(dict.fromkeys(m.text for m in p.focus.article if m.kind == "person" and m.role
                                        and _same_title(lemma, m.role) and _role_country(m) is None))
            later = untold if len(untold) == 1 else []
        if len(later) > 1:
            # "... - PM" where the article has two prime ministers: the one it titles "PM" as written
            later = list(dict.fromkeys(m.text for m in p.focus.article if m.text in later
                                       and lemma in (m.role or "").lower().split()))
        if len(later) > 1 and (owner or country) is not None:
            # "Poland's president says ...", three presidents named later with no state in their titles: the
            # first the story names after it (the press introduces the person its lede titles)
            later = _first_named_after(p, later)
        if len(later) == 1:
            m = next(m for m in p.focus.article if m.text == later[0])
            return m.text, m.ref, "person", ()
        if not later and country is None and not orgs and p.head.tag_ == "NN" \
                and any(t.dep_ == "det" and t.lower_ == "the" for t in p.head.children):
            # "David Cameron declared ... The prime minister said ...": where nobody in the article holds the title,
            # the person who spoke last, the article giving them no title of their own, is the one it refers to
            # by it (the press's habit of naming a person, then their office)
            last = _untitled_last_speaker(p.focus)
            if last is not None:
                return last.text, last.ref, "person", ()
        if text is None and country is not None and p.head.tag_ not in {"NNS", "NNPS"} \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in p.head.children):
            # "Iran denounced Donald Trump's reaction after the US president said ...": the one person the
            # sentence named before the title (outside quotation marks), where the article titles nobody so
            said = p.head.doc.text
            before = {m.text: m for m in p.mentions if m.kind == "person" and m.ref.end <= p.head.idx
                      and not QUOTE_MARKS & set(said[:m.ref.start])}
            if len(before) == 1:
                m = next(iter(before.values()))
                return m.text, m.ref, "person", ()
    return (text, ref, "person", ()) if text else None


def headline_titled_person(head, mentions, focus, before: int | None = None):
    """(text, ref, "person") of the person a headline credits by title alone ("Qatari official says ...",
    "... - USADA Chief", "Tehran police chief denies ..."): the press titles its story's main voice by the
    state or body they speak for, in words the story need not repeat ("chief" of a "secretary general"). The
    first person the article names after the headline whose title names that state or body; where nobody's
    title names the state, the first whose title names no state. None where the headline names a person, or
    names no state or body."""
    if focus is None or head.tag_ in {"NNS", "NNPS"} or head.lemma_.lower() not in words().titles:
        return None
    toks = [t for t in head.subtree if t.i <= head.i and (before is None or t.idx < before)]
    lo, hi = min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
    inside = [m for m in mentions if lo <= m.ref.start < hi]
    if any(m.kind == "person" for m in inside):
        return None
    said = " ".join(t.text for t in toks if t.i < head.i)
    country = _named_country(said) or next((c.name for c in map(capital_of, said.split()) if c), None)
    bodies = {m.text.lower() for m in inside if m.kind == "organization"}
    if country is None and not bodies:
        return None
    here = {m.ref for m in mentions}  # the headline's own names title nobody the story quotes
    titled = [m for m in focus.article if m.kind == "person" and m.role and m.ref not in here]

    def of_the_body(m) -> bool:
        role, org = f"{m.role} {m.role_org or ''}".lower(), (m.role_org or "").lower()
        return any(b in role or (org and org in b) for b in bodies)

    titled = [m for m in titled if _may_hold(head.lemma_.lower(), m.role)]
    found = [m for m in titled if of_the_body(m) or (country is not None and _role_country(m) == country)]
    if not found and country is not None and not bodies:
        found = [m for m in titled if _role_country(m) is None]
    return (found[0].text, found[0].ref, "person") if found else None


def _may_hold(title: str, role: str) -> bool:
    """May a headline's title stand for the role? Its own title ("the envoy" of an ambassador, _same_title),
    a leader's of a leader's ("chief" of "Police Commander", not of "deputy chief of staff"), or "official" of
    any post."""
    said = " ".join(same_spelling(role).replace("-", " ").split())
    words = set(said.split())
    if title in speech_words().any_post_titles or _same_title(title, role):
        return True
    leading = {t.replace("-", " ") for t in speech_words().leading_titles}
    return title in leading and not words & speech_words().deputy_words \
        and any(re.search(rf"\b{re.escape(t)}\b", said) for t in leading)


def unnamed_title(verb) -> str | None:
    """"Ukraine's foreign minister said", "the Iranian interior minister stressed": the title of a reporting
    verb's subject that names nobody, as its portfolio words and title ("foreign minister"); None for a
    graded title ("deputy", "former": not the post itself) or a subject that is no single title."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is not None and subject.lemma_.lower() in speech_words().voice_titles:
        # "a foreign affairs ministry spokesperson said": the body it speaks for
        subject = next((c for c in subject.children if c.dep_ in {"compound", "amod"} and c.i < subject.i
                        and c.lemma_.lower() in _unnamed_body_heads()), subject)
    heads = {*words().titles, *_unnamed_body_heads()}
    # (one title: "Israeli military spokesman" may tag "military" an adjective, never a plural)
    if subject is None or subject.tag_ in {"NNS", "NNPS"} or subject.lemma_.lower() not in heads:
        return None
    # (the modifiers' own modifiers too: "foreign" of "foreign affairs ministry")
    before = [t for t in subject.subtree if t.dep_ in {"compound", "amod"} and t.i < subject.i]
    graded = {*actor_words_table().grade_words, *speech_words().deputy_words}
    if any(t.lower_ in graded for t in before) or any(
            t.ent_type_ == "PERSON" for t in subject.subtree):
        return None
    return " ".join([t.lower_ for t in before if t.lower_ in _portfolios()] + [subject.lemma_.lower()])


def _unnamed_body_heads() -> frozenset[str]:
    """Head nouns of a state's body written without its name: "the foreign ministry", "the military"."""
    return frozenset({*actor_words_table().body_heads, *speech_words().armed_force_nouns})


def refers_back(verb) -> bool:
    """Is the reporting verb's subject a pronoun or a bare voice's title ("he said", "said the spokesman"),
    naming whom it means only by what came before?"""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return False
    bare = not any(c.dep_ in {"compound", "amod", "poss", "prep"} for c in subject.children)
    return subject.tag_ == "PRP" or (bare and subject.lemma_.lower() in
                                     {*speech_words().voice_titles, *speech_words().state_voice_titles})


def _first_named_after(p: _Phrase, names: list[str]) -> list[str]:
    """Of the names, the first the article mentions after the phrase's sentence, as a list of one (or none)."""
    here = next((m.ref.sentence for m in p.mentions), None)
    if here is None:
        return []
    after = [m.text for m in p.focus.article if m.text in names and _sentence_number(m.ref.sentence) > _sentence_number(here)]
    return after[:1]


def _sentence_number(sentence: str) -> int:
    return int(sentence[1:]) if sentence[1:].isdigit() else 0


def _same_title(lemma: str, role: str) -> bool:
    """Does the role hold the title? A diplomat's titles are one ("the envoy" of "Permanent Representative to
    the UN Amb. Clever Gatete", "the ambassador" of "envoy to Washington"), and so are a monarch's ("the emir"
    of "its ruler"): the press varies them for one post."""
    for one_post in (speech_words().posted_titles, speech_words().monarch_titles):
        if lemma in one_post:
            return bool(one_post & set(same_spelling(role).replace(".", "").split()))
    return same_spelling(lemma) in same_spelling(role)


def _untitled_last_speaker(focus):
    """The mention of the last person who spoke, if the article gives that person no title anywhere."""
    text, ref = focus.last_speaker({"person"})
    if text is None:
        return None
    named = [m for m in focus.article if m.kind == "person" and (m.text == text or m.text.split()[-1] == text.split()[-1])]
    if not named or any(m.role for m in named):
        return None
    return next((m for m in named if m.text == text), named[0])


def _of_the_body_named(m, bodies: set[str]) -> bool:
    """"A State Department spokesperson" is no spokesperson of the White House: where the phrase names a body,
    the person's title must name it too, or, for a seat of power ("the Kremlin spokesman"), its country
    ("Russian Presidential Spokesman")."""
    role = f"{m.role or ''} {m.role_org or ''}".lower()
    for body in bodies:
        seat = seat_country(body)
        if body.lower() not in role and not (seat is not None and _role_country(m) == seat.name):
            return False
    return True


@lru_cache(maxsize=1)
def _portfolios() -> frozenset[str]:
    """Words naming a portfolio ("foreign", "prime", "defence"), not a grade ("senior", "deputy", "acting")."""
    table = actor_words_table()
    return frozenset(w.lower() for w in table.portfolios) - {w.lower() for w in table.grade_words}


def _nationality(head):
    """The country a demonym or country name before a noun gives it ("the Russian leader"), or None."""
    for t in head.children:
        if t.dep_ in {"amod", "compound"} and t.i < head.i:
            found = demonym_country(t.text) or (country_of(t.text) if t.pos_ == "PROPN" else None)
            if found is not None:
                return found.name
    return None


def _owner_country(head):
    """The country a title's possessor names ("Russia's Minister of Transport"), or None."""
    for t in head.children:
        if t.dep_ == "poss" and t.pos_ == "PROPN":
            found = country_of(t.text)
            if found is not None:
                return found.name
    return None


def _role_country(m):
    """The country a person's title names ("Russian President", "Iran's Supreme Leader"), or None."""
    return _named_country(f"{m.role or ''} {m.role_org or ''}")


def _statement_by(p: _Phrase):
    """"a statement by the ministry": who made it."""
    if p.lemma in speech_words().statement_nouns and p.inside:
        m = p.inside[0]
        return m.text, m.ref, m.kind, p.co
    return None


def _state_organ_of_a_statement(p: _Phrase):
    """"the Israeli military's report says", "the Bolivian army's findings": a statement or a finding
    owned by a nationality's organ of state (its military, its government) is that country's."""
    if not p.noun or p.lemma not in speech_words().statement_nouns | speech_words().finding_nouns:
        return None
    owner = next((t for t in p.head.children if t.dep_ == "poss"), None)
    found = nationality(owner) if owner is not None and state_noun_of_doer(owner) else None
    if found is None:
        return None
    if p.focus is not None and owner.lemma_.lower() in speech_words().armed_force_nouns:
        # "the Israeli military's report": the armed forces the article names by that country's name ("the
        # Israel Defense Forces"), where it names them
        named = [m for m in p.focus.article if _armed_forces_body(m) and _named_country(m.text) == found[1].name]
        if named:  # (named before or after: a headline's "the Israeli military" is the body its story names)
            return named[0].text, named[0].ref, "organization", p.co
    return found[1].name, None, "country", p.co


def _first_of_coordinated(p: _Phrase):
    if p.inside and p.co:
        m = p.inside[0]
        return m.text, m.ref, m.kind, p.co
    return None


def _of_or_owner(p: _Phrase):
    """"the foreign ministries of X", "X's government": X; never the person a title belongs to ("Putin's
    spokesman" is not Putin: with nobody of that title in the article, nobody)."""
    if not (p.inside and p.head.pos_ in {"NOUN", "PROPN"}):
        return None
    if p.lemma in words().titles and p.noun and any(
            t.dep_ == "poss" and any(m.kind == "person" and m.ref.start <= t.idx < m.ref.end for m in p.inside)
            for t in p.head.children):
        return NOBODY
    of = [m for m in p.inside if any(t.dep_ in {"pobj", "poss", "compound"} and p.lo <= t.idx < p.hi
                                     and m.ref.start <= t.idx < m.ref.end and not _in_a_clause(t, p.head)
                                     and not _posted_to(t) and not _of_another_noun(t, p.head) for t in p.head.subtree)]
    named = [m for m in p.inside if m.kind == "organization" and _names_the_noun(m, p.head)]
    if named and p.lemma in speech_words().institution_nouns \
            and not any(m.ref.start <= p.head.idx < m.ref.end for m in p.inside):
        of = named  # "Peru's Energoatom state nuclear power company": the company's name, not its country
    if of:
        m = of[0]
        if p.focus is not None and p.noun and p.lemma in speech_words().voice_titles and m.kind != "person":
            # "a spokesperson for X said ... 'the spokesman added'": the unnamed voice is X's from here on
            p.focus.voice = (p.lemma, m.text, m.ref)
        return m.text, m.ref, m.kind, _coordinated_from(m, p.head, p.mentions)
    return None


def _names_the_noun(m, head) -> bool:
    """Is the mention a modifier leading up to the noun ("Energoatom" -> "state" -> "company"), its name?"""
    t = next((t for t in head.subtree if m.ref.start <= t.idx < m.ref.end), None)
    after = t.doc[t.i + 1] if t is not None and t.i + 1 < len(t.doc) else None
    if t is None or any(c.dep_ == "case" for c in t.children) or (after is not None and after.text in {"'", "’", "'s", "’s"}):
        return False  # "the AANES' department": its owner, not its name
    while t is not None and t.dep_ in {"compound", "nmod"} and t.head.i > t.i:
        t = t.head
        if t.i == head.i:
            return True
    return False


def _person_served(p: _Phrase):
    """The person a title serves, named after "to" or "for" ("an aide to the president X"), if any."""
    if p.lemma not in words().titles or not p.noun or p.lemma in speech_words().posted_titles:
        return None
    objects = [g for c in p.head.children if c.dep_ == "prep" and c.lower_ in {"to", "for"}
               for g in c.children if g.dep_ == "pobj"]
    return next((m for m in p.inside if m.kind == "person"
                 and any(m.ref.start <= t.idx < m.ref.end for o in objects for t in o.subtree)), None)


def _of_another_noun(t, head) -> bool:
    """Is the name the object of a preposition on another noun than the head ("group behind the raid from
    Ukraine": where the raid came from, not whose the group is)?"""
    return t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i != head.i \
        and t.head.head.pos_ in {"NOUN", "PROPN"} and t.head.head.dep_ == "pobj"


def _posted_to(t) -> bool:
    """"the Bolivian ambassador to Peru", "the envoy to the United Nations": where the title's holder serves,
    not whom they speak for."""
    return any(a.dep_ == "pobj" and a.head.lower_ == "to" and a.head.head.lower_ in speech_words().posted_titles
               for a in (t, *t.ancestors))


def _in_a_clause(t, head) -> bool:
    """Is the word inside a clause that describes the head ("the coalition fighting in Yemen", "the
    group that attacked Israel")? What such a clause names is where or whom the body acts on, not whose
    body it is; its agent is whose it is ("intercepts collected by the United States")."""
    node, agent = t, False
    while node.i != head.i and node.head.i != node.i:
        agent = agent or node.dep_ == "agent"
        if node.dep_ in {"acl", "relcl"}:
            return not agent
        node = node.head
    return False


def _institution_back(p: _Phrase):
    """"the ministry said": the last organisation of the article with that word, else the last one
    that spoke."""
    if p.focus is None or p.lemma not in speech_words().institution_nouns or not _common_noun(p.head):
        return None
    named = next((c for c in p.head.children if c.dep_ == "appos" and c.pos_ in {"PROPN", "NOUN"}
                  and c.text[:1].isupper()), None)
    if named is not None:
        # "the Palestinian group Hamas which controls ...": the phrase names its body
        m = next((m for m in p.inside if m.ref.start <= named.idx < m.ref.end), None)
        return (m.text, m.ref, m.kind, p.co) if m else (
            _proper_name(replace(p, head=named)) or (named.text, None, None, p.co))
    country = (_nationality(p.head) or _country_word_owner(p)) \
        if p.lemma not in speech_words().private_institutions else None
    if country is not None:
        # "the Polish diplomatic department said": a body of that country, never the last ministry of another
        # ("two Russian paramilitary groups say" are no organ of Russia: private_institutions)
        text, ref = _last_mention(p.focus, lambda m: p.lemma in m.text.lower() and _named_country(m.text) == country)
        if text is None and p.lemma in speech_words().armed_force_nouns:
            # "the Russian defense ministry said ... The Russian military added": the body of that state the
            # article named for its armed forces
            text, ref = _last_mention(p.focus, lambda m: _armed_forces_body(m) and _named_country(m.text) == country)
        return (text, ref, "organization", ()) if text else (country, None, "country", p.co)
    text, ref = _last_mention(p.focus, lambda m: p.lemma in m.text.lower())
    if text is None and p.lemma in speech_words().company_nouns:
        # "a tanker operated by Kokuka Sangyo Co. ... the company said": the body whose name ends in a
        # company's legal form
        suffixes = actor_words_table().company_suffixes
        text, ref = _last_mention(p.focus, lambda m: m.kind == "organization"
                                  and m.text.lower().rstrip(".").split()[-1] in suffixes)
    if text is None:
        # "the domestic security agency said" of the Federal Security Service: the body whose name holds a
        # word that describes it here
        described = {t.lower_ for t in p.head.children if t.dep_ in {"amod", "compound"} and t.i < p.head.i
                     and t.is_lower and demonym_country(t.text.title()) is None}
        text, ref = _last_mention(p.focus, lambda m: m.kind == "organization"
                                  and bool(described & set(m.text.lower().split())))
    if text is None and p.lemma in speech_words().named_only_institutions:
        return None  # "the police said", where the article names no police force: whose is not ours to guess
    if text is None and p.lemma in speech_words().armed_force_nouns:
        # "the military said": the armed forces that spoke last ("the Israel Defense Forces"), or nobody
        # a state's armed forces before any other: "the military" is a state's, where a rebel "Liberation
        # Army" was named since
        text, ref = _last_mention(p.focus, lambda m: _armed_forces_body(m) and _named_country(m.text) is not None)
        if text is None and p.lemma in speech_words().state_armed_force_nouns:
            return None  # "the military claimed ...", no state's armed forces named: never a rebel "Liberation Army"
        if text is None:
            text, ref = _last_mention(p.focus, _armed_forces_body)
        if text is None:
            # else the body that spoke last, if its name says it is no other kind of body ("IDF", not "the
            # Ministry of Foreign Affairs")
            text, ref = p.focus.last_speaker({"organization"})
            other_bodies = speech_words().institution_nouns - speech_words().armed_force_nouns
            if text is not None and other_bodies & set(re.findall(r"[a-z]+", text.lower())):
                text, ref = None, None
        return (text, ref, "organization", ()) if text else None
    if text is None and p.head.tag_ in {"NNS", "NNPS"} and any(c.dep_ == "nummod" for c in p.head.children):
        return None  # "two groups have claimed responsibility": bodies a number introduces are none named before
    if text is None:
        # none of that word: the body that spoke last, or for a state's portfolio ("France said on Monday ...
        # The foreign ministry said in a statement": France's) the state
        portfolio = any(c.dep_ in {"amod", "compound"} and c.lower_ in _portfolios() for c in p.head.children)
        text, ref = p.focus.last_speaker({"organization", "country"} if portfolio else {"organization"})
        if portfolio and text is not None and p.focus.last_speaker({"country"})[0] == text:
            return text, ref, "country", ()
    return text, ref, "organization", ()


def _armed_forces_body(m) -> bool:
    """A body named for armed forces ("the Israel Defense Forces", "the Russian defense ministry")."""
    return m.kind in {"organization", "group"} and bool(
        speech_words().armed_force_name_words & set(re.findall(r"[a-z]+", m.text.lower())))


def _country_word_owner(p: _Phrase) -> str | None:
    """"The Kingdom's Foreign Ministry said": the country "the kingdom" stands for (_the_country_word)."""
    owner = next((t for t in p.head.children if t.dep_ == "poss"), None)
    found = _the_country_word(replace(p, head=owner)) if owner is not None else None
    return found[0] if found else None


def _common_noun(t) -> bool:
    """A common noun, or one the tagger took for a name for the word before it ("the foreign ministry")."""
    return t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.is_lower)


def _named_country(name: str) -> str | None:
    """The country a body's name holds ("Russian Defence Ministry": Russia), or None."""
    for w in name.replace("’s", "").replace("'s", "").split():
        found = demonym_country(w) or country_of(w)
        if found is not None:
            return found.name
    return None


def _voice_of_an_institution(p: _Phrase):
    """"representatives for the ministry said", "a spokesman of the ministry": those who speak for a body
    written by its common noun are that body (as "the ministry said" is)."""
    if p.inside or p.lemma not in {*speech_words().voice_titles, *speech_words().posted_titles} or not p.noun:
        return None
    body = next((g for c in p.head.children if c.dep_ == "prep" and c.lower_ in actor_words_table().body_preps
                 for g in c.children if g.dep_ == "pobj"), None)
    if body is None:
        return None
    return _institution_back(replace(p, head=body))


def _collective_of_an_official(p: _Phrase):
    """"A senior US intelligence official says": an unnamed official of a country's service is that
    service's voice (the collective named before the title), not the country's."""
    if not p.noun or p.lemma not in words().titles:
        return None
    before = [m for m in p.inside if m.label == "COLLECTIVE" and m.ref.end <= p.head.idx]
    if before and not p.persons:
        m = before[-1]
        return m.text, m.ref, m.kind, p.co
    return None


def _official_of_a_nationality(p: _Phrase):
    """"A British official said", "a Saudi military spokesman said": an unnamed official whose title only
    a nationality qualifies (no person, body or collective named) speaks for that country, as "a US
    official" does (a name inside the phrase is left to the rules that read names). Only titles that speak
    for a state (state_voice_titles): "a British analyst" does not."""
    if not p.noun or _named_where_not_posted(p) or p.lemma not in speech_words().state_voice_titles:
        return None
    for t in p.toks:
        if t.i >= p.head.i or not t.text[:1].isupper() or not _qualifies(t, p.head):
            continue
        country = demonym_country(t.text) or (country_of(t.text) if t.pos_ == "PROPN" else None)
        if country is not None:
            if p.focus is not None and p.head.tag_ == "NN":
                p.focus.voice = (p.lemma, country.name, None)  # a later "the official said" is this one
            return country.name, None, "country", p.co
    return None


def _the_official_named_before(p: _Phrase):
    """"A Saudi official said ... The official condemned the allegations": "the" with a state's voice title
    and no name is the unnamed official of that title the article introduced last."""
    if p.focus is None or not p.noun or p.inside or p.lemma not in speech_words().state_voice_titles \
            or [c.lower_ for c in p.head.children if c.dep_ == "det"] != ["the"] \
            or any(c.dep_ in {"amod", "compound", "poss"} for c in p.head.children):
        return None
    voice = p.focus.voice
    if voice is None or voice[0] != p.lemma:
        return None
    return voice[1], voice[2], "country" if voice[2] is None else None, p.co


def _the_official_just_named(p: _Phrase):
    """"Sports Minister Oleg Matytsin was equally scathing of Bach. '...,' said the official": "the official",
    no unnamed one introduced, is the one titled person the sentence before was about, where it reported no
    words."""
    if p.focus is None or not p.noun or p.inside or p.lemma not in speech_words().state_voice_titles \
            or [c.lower_ for c in p.head.children if c.dep_ == "det"] != ["the"] \
            or any(c.dep_ in {"amod", "compound", "poss"} for c in p.head.children):
        return None
    titled = [m for m in p.focus.silent if m.kind == "person" and m.role]
    if len({m.text for m in titled}) != 1:
        return None
    return titled[0].text, titled[0].ref, "person", p.co


def _presidential_office(p: _Phrase):
    """"the Russian presidential press service", "Putin's press service", "the presidency": a head of state's
    office speaks as the seat of power it sits in (data/seats.yml presidencies), where the article names it
    ("the Kremlin")."""
    if p.focus is None or not p.noun or any(m.kind not in {"person", "country"} for m in p.inside):
        return None
    words = {t.lower_ for t in p.toks if t.i <= p.head.i}
    if not (p.lemma == "presidency" or p.lemma in {"service", "office"} and "press" in words
            and ("presidential" in words or any(m.kind == "person" for m in p.inside))):
        return None
    countries = {_nationality(p.head), _owner_country(p.head)} | {_role_country(m) for m in p.focus.article
                                                                  if m.kind == "person" and m in p.inside}
    countries.discard(None)
    seats = {_fold_seat(s) for s in seats_table().presidencies}
    found = [m for m in reversed(p.focus.article) if _fold_seat(m.text) in seats
             and (not countries or (seat_country(m.text) is not None and seat_country(m.text).name in countries))]
    return (found[0].text, found[0].ref, found[0].kind, p.co) if found else None


def _fold_seat(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def _officials_of_nationalities(p: _Phrase):
    """"Russian and Egyptian officials dismissed it": officials that coordinated nationalities qualify, no
    other name in the phrase, speak for the first of those countries."""
    if not p.noun or p.lemma not in speech_words().state_voice_titles:
        return None
    for t in p.toks:
        if t.i < p.head.i and t.text[:1].isupper() and _qualifies(t, p.head) \
                and any(c.dep_ == "conj" for c in t.children):
            countries = [c for c in (_country_word(x) for x in (t, *t.conjuncts)) if c is not None]
            if len(countries) >= 2 and len(countries) == len(t.conjuncts) + 1:
                # each nationality's officials speak: the first, and the others with it
                refs = {m.text: m.ref for m in p.mentions}
                return countries[0], None, "country", tuple((c, refs.get(c)) for c in countries[1:])
    return None


def _country_word(t) -> str | None:
    """The country a demonym or a country's name stands for ("Saudi", "US"), or None."""
    found = demonym_country(t.text) or country_of(t.text)
    return found.name if found is not None else None


def _a_nationality_of(m, p: _Phrase) -> bool:
    """Is the mention a country's word qualifying the title ("Russian and Egyptian officials"), not a name of
    its own inside the phrase?"""
    return m.kind == "country" and all(_qualifies(t, p.head) or t.dep_ == "conj" and _qualifies(t.head, p.head)
                                       for t in p.toks if m.ref.start <= t.idx < m.ref.end)


def _named_where_not_posted(p: _Phrase) -> list:
    """The mentions inside the phrase but for where its holder is posted ("the Saudi ambassador to DC")."""
    return [m for m in p.inside if any(m.ref.start <= t.idx < m.ref.end and not _posted_to(t) for t in p.toks)]


def _qualifies(t, head) -> bool:
    """Is the word a modifier of the head, directly or through other modifiers ("Saudi" in "a Saudi
    military spokesman"), not inside a phrase of its own ("a spokesman for the Saudi-led coalition")?"""
    node, steps = t, 0
    while node.dep_ in {"amod", "compound", "nmod"} and node.head.i != node.i and steps < 4:
        node, steps = node.head, steps + 1
        if node.i == head.i:
            return True
    return False


def _voice_in_a_capital(p: _Phrase):
    """"A government spokesperson in Kigali": an unnamed voice placed in a capital or seat of government
    speaks for its country, never for the last body that spoke."""
    if p.lemma not in speech_words().voice_titles or not p.noun or any(
            c.dep_ in {"compound", "amod", "poss", "nmod"} and (c.pos_ == "PROPN" or c.text[:1].isupper())
            for c in p.head.children):
        return None  # "a UN spokesperson in Quito", "a Peruvian spokesman in Lima": the body or state named
    for prep in p.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for place in prep.children:
            if place.dep_ == "pobj" and place.pos_ == "PROPN" and not any(
                    not m.ref.start <= place.idx < m.ref.end for m in p.inside):  # "a UN spokesperson in Geneva": the UN's
                name = " ".join(t.text for t in place.subtree if t.i == place.i or (t.dep_ == "compound" and t.i < place.i))
                country = capital_of(name) or seat_country(name) or country_of(name)
                if country is not None:
                    return country.name, None, "country", p.co
    return None


def _unnamed_voice(p: _Phrase):
    """"A spokesperson said" with nobody of that title named: the voice of the body, state or group that
    last spoke ("China's government is dismissing ... A spokesperson said ...")."""
    if p.focus is None or p.inside or p.lemma not in speech_words().voice_titles or not p.noun:
        return None
    if any(t.dep_ == "det" and t.lower_ == "the" for t in p.head.children):
        # "the spokesman said", nobody of that title named: the spokesperson introduced before, if any (by
        # any word for the role: "a ministry spokesperson told KCNA ... said the spokesman")
        voice = p.focus.voice
        return (voice[1], voice[2], None, ()) if voice is not None else None
    if not any(t.dep_ == "det" and t.lower_ in speech_words().indefinite_articles for t in p.head.children):
        return None
    text, ref = p.focus.last_speaker({"organization", "country", "group"})
    if not text:
        return None
    p.focus.voice = (p.lemma, text, ref)
    return text, ref, None, ()


def _statement_back(p: _Phrase):
    """"the statement said": the author of the last statement named as one, else the last institution
    that spoke, else the last speaker."""
    if p.focus is None or p.lemma not in speech_words().statement_nouns:
        return None
    if p.focus.stated:
        text, kind, ref = p.focus.stated
        return text, ref, kind, ()
    if p.head.head.lemma_.lower() == "read":
        # "'...,' the statement read", no statement named before: the words of whoever spoke last
        text, ref = p.focus.last_speaker()
        return text, ref, None, ()
    text, ref = p.focus.last_speaker({"organization", "country", "group"})
    if text is None:
        text, ref = p.focus.last_speaker()
    return text, ref, None, ()


def _surname(p: _Phrase):
    """"Zelenskyy said" with the surname tagged as a common noun and missed by NER: the person of the
    article with that surname."""
    head = p.head
    # "May said": a surname read as a modal; "Blinken, at the event ..., reiterated": as a verb
    misread = head.tag_ == "MD" or (head.pos_ == "VERB" and head.dep_ in SUBJECT_DEPS)
    if p.focus is None or p.inside or not head.text[:1].isupper() or not (head.pos_ in {"NOUN", "PROPN"} or misread):
        return None
    same = [m for m in (*p.focus.mentions, *p.focus.article) if m.kind == "person" and len(m.text.split()) > 1
            and m.text.split()[-1] == head.text]
    return (same[0].text, same[0].ref, "person", p.co) if same else None


def _proper_name(p: _Phrase):
    """The name up to its head, with capitalised modifiers the tagger took for adjectives ("North"); for a
    common noun, the name in apposition to it ("the airline Kogalymavia blamed ...")."""
    head = p.head
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == head.i + 1), None) \
        if head.pos_ == "NOUN" else None
    if named is not None:
        m = next((m for m in p.inside if m.ref.start <= named.idx < m.ref.end), None)
        if m is not None:
            return m.text, m.ref, m.kind, ()
        if p.inside:
            return None
        head = named
    if head.pos_ != "PROPN":
        return None
    words = []
    for t in reversed(head.doc[p.lo and min(t.i for t in p.toks):head.i + 1]):
        if (t.pos_ == "PROPN" or (t.text[:1].isupper() and t.dep_ in {"amod", "compound"})) and t.i <= head.i:
            words.insert(0, t)
        elif words:
            break
    name = " ".join(t.text for t in words[-5:])
    return (name, None, None, ()) if name and name[0].isupper() else None


# In order: the first rule that answers names the speaker.
NOUN_PHRASE_RULES = [
    ("mention at the head", _mention_at_head),
    ("a group named before its group word", _named_group),
    ("state noun with nationality", _state_with_nationality),
    ("'the kingdom'", _the_country_word),
    ("office of a person", _office_of_a_person),
    ("kin named before", _kin_named_before),
    ("not the owner", _not_the_owner),
    ("kin of a person", _kin_of_a_person),
    ("a person's people named before", _entourage_back),
    ("person inside", _person_inside),
    ("a leader's government", _leaders_government),
    ("role noun", _role_noun),
    ("an official of a country's service", _collective_of_an_official),
    ("an official of a nationality", _official_of_a_nationality),
    ("the official named before", _the_official_named_before),
    ("the titled person just named", _the_official_just_named),
    ("a head of state's office", _presidential_office),
    ("a voice placed in a capital", _voice_in_a_capital),
    ("unnamed spokesperson", _unnamed_voice),
    ("spokesperson of a body", _voice_of_an_institution),
    ("statement by", _statement_by),
    ("first of coordinated", _first_of_coordinated),
    ("the head of a body", _head_of_a_body),
    ("of or owner", _of_or_owner),
    ("a state organ's statement", _state_organ_of_a_statement),
    ("institution named before", _institution_back),
    ("statement named before", _statement_back),
    ("surname", _surname),
    ("proper name", _proper_name),
    ("officials of coordinated nationalities", _officials_of_nationalities),
]


def _of_noun_phrase(head, mentions, focus=None, before: int | None = None):
    """The actor a noun phrase names (text, ref, kind, co-speakers), by the first of NOUN_PHRASE_RULES
    that answers: the mention at its head, a person named inside it, the actor a role noun refers back
    to, or the proper noun itself. With before, only words before that offset count (an antecedent
    without its relative clause)."""
    toks = [t for t in head.subtree if before is None or t.idx < before]
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    inside = [m for m in mentions if lo <= m.ref.start < hi]
    phrase = _Phrase(head, mentions, focus, lo, hi, toks, inside, [m for m in inside if m.kind == "person"],
                     _coordinated(head, mentions))
    for _name, rule in NOUN_PHRASE_RULES:
        found = rule(phrase)
        if found is not None:
            _remember_a_states_voice(phrase, found)
            return found
    return NOBODY


def _remember_a_states_voice(p: _Phrase, found) -> None:
    """"..., the US official said. '...,' the official said": one unnamed voice of a state, however the
    rule that read the first phrase found its country; a later "the official" is that voice
    (_the_official_named_before)."""
    if p.focus is not None and p.noun and p.head.tag_ == "NN" and found[0] and found[2] == "country" \
            and p.lemma in speech_words().state_voice_titles:
        p.focus.voice = (p.lemma, found[0], found[1])


def _coordinated(head, mentions) -> tuple:
    """Further speakers coordinated with the head ("Russia and North Korea", "the US, South Korea and
    Japan")."""
    out = []
    for t in head.conjuncts:
        m = next((m for m in mentions if m.ref.start <= t.idx < m.ref.end), None)
        if m is not None:
            out.append((m.text, m.ref))
    return tuple(out)


def _coordinated_from(m, head, mentions) -> tuple:
    tok = next((t for t in head.subtree if m.ref.start <= t.idx < m.ref.end), None)
    return _coordinated(tok, mentions) if tok is not None else ()


def _subjects_of_saying(token, continued: bool = False) -> list:
    """Who says: the subjects of a reporting verb, or of the verb it continues ("... and added", "was quoted
    as saying"). (Events read a verb's doers differently: events/arguments._subjects.)"""
    found = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if found:
        return found
    name = _modal_taken_for_a_name(token)
    if name is not None:
        return [name]
    name = _name_misread_before(token) or _inverted_subject(token) or _agent_of_a_participle(token) \
        or _subject_of_its_auxiliary(token) or _apposition_before_the_verb(token)
    if name is not None:
        return [name]
    if token.dep_ in {"conj", "xcomp", "advcl"} and token.head != token:
        # "... and added", "was quoted as saying", "..., adding that"
        return _subjects_of_saying(_outside_dashes(token) or token.head, continued=True)
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ == "dobj" and token.head.head != token.head \
            and token.lemma_.lower() in speech_words().participle_cues:
        # "Duda showed some restraint saying that ...": the parser hangs the participle on the object; its
        # speaker is the subject of the clause
        return _subjects_of_saying(token.head.head)
    if token.dep_ == "pcomp" and token.head.lower_ == "in" and token.head.head.pos_ == "VERB" \
            and not continued and token.head.head.lemma_.lower() not in speech_words().frame_verbs:
        # "Britain joins U.S. in blaming North Korea": the subject of the verb the phrase hangs on does it
        return [c for c in token.head.head.children if c.dep_ in SUBJECT_DEPS]
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.lemma_.lower() in speech_words().frame_verbs:
        # "was quoted as saying" with "as saying" a phrase; active, "the paper quoted X as saying": X says
        frame = token.head.head
        return [c for c in frame.children if c.dep_ == "dobj"] or _subjects_of_saying(frame)
    return _stranded_subject(token) or _verb_of_a_verbless_sentence(token)


def _verb_of_a_verbless_sentence(token) -> list:
    """"China's foreign ministry spokesman, Wang Wenbin, called the allegations 'fake news'": the parser may
    read the verb as a clause describing the name ("a man called X") and leave the sentence with no verb.
    A sentence needs one: the name it hangs on (the sentence's head or its apposition) is its subject."""
    root = token.sent.root
    if token.dep_ != "acl" or root.pos_ not in {"NOUN", "PROPN"} or any(c.dep_ == "agent" for c in token.children):
        return []  # "North Korea blamed by US for ...": a passive, whose agent speaks
    head = token.head
    if head.i != root.i and not (head.dep_ == "appos" and head.head.i == root.i):
        return []
    return [head]


def _name_misread_before(token):
    """"..., but in mid-October Trump said that ...": the parser may take the name right before a coordinated
    verb for the object of a date's preposition; a verb with no subject of its own after a name is that
    name's."""
    if token.dep_ != "conj" or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.pos_ == "PROPN" and before.ent_type_ == "PERSON" and before.dep_ == "pobj" \
            and any(t.ent_type_ in {"DATE", "TIME"} for t in before.head.subtree if t.i < before.i):
        return before
    return _name_joined_to_the_object(token)


def _name_joined_to_the_object(token):
    """"Islamabad denies the claim and Pakistan PM Sharif last week said ...": the parser may join the name to
    the first verb's object ("the claim and ... Sharif") and leave the second verb without a subject. A
    proper noun so joined, right before the verb (past a date), is its subject."""
    i = token.i - 1
    while i >= 0 and token.doc[i].ent_type_ in {"DATE", "TIME"}:
        i -= 1
    if i < 0:
        return None
    name = token.doc[i]
    first = token.head
    return name if name.pos_ == "PROPN" and name.dep_ == "conj" and name.head.dep_ == "dobj" \
        and name.head.head.i == first.i else None


def _apposition_before_the_verb(token):
    """"In a statement issued after the killing of Ortiz, Radio Norte Network said, '...'": the parser may
    read the name right before a sentence's subjectless main verb as an apposition to the noun before the
    comma; that name is the verb's subject."""
    if token.dep_ != "ROOT" or token.i == 0:
        return None
    name = token.doc[token.i - 1]
    return name if name.pos_ == "PROPN" and name.dep_ == "appos" and name.head.i < name.i \
        and any(t.text == "," for t in token.doc[name.head.i:name.i]) else None


CLOSING_QUOTES = {'"', "”", "’", "'", "»"}


def _inverted_subject(token):
    """'"...," added the spokesperson.': after its quotation a reporting verb may come before its subject,
    which the parser then reads as the verb's object. A verb right after a closing quotation mark with
    nothing but that noun phrase after it ends the sentence is said by it."""
    if token.i == 0 or token.doc[token.i - 1].text not in CLOSING_QUOTES \
            or token.lemma_.lower() not in speech_words().say_verbs:
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    rest = [t for t in token.doc[obj.right_edge.i + 1:token.sent.end] if not t.is_punct]
    return obj if not rest else None


def _agent_of_a_participle(token):
    """"a claim rejected by Egyptian officials": a participle on an allegation noun was said by its agent."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.head.lemma_.lower() not in speech_words().allegation_nouns:
        return None
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _subject_of_its_auxiliary(token):
    """"Russia had, until Tuesday, refused to comment": with a phrase between the auxiliary and its verb, the
    parser may hang the subject on the auxiliary; the verb's subject it is."""
    return next((s for aux in token.children if aux.dep_ == "aux" and aux.i < token.i and _auxiliary(aux)
                 for s in aux.children if s.dep_ in SUBJECT_DEPS), None)


def _auxiliary(t) -> bool:
    """A real auxiliary ("had", "has", "will"), not a verb the parser took for one ("Ukraine denies reported
    link": a headline's verb)."""
    return t.tag_ == "MD" or t.lemma_.lower() in speech_words().primary_auxiliaries


def _modal_taken_for_a_name(token):
    """"In a statement, May accused the diplomats ...": the tagger reads a surname spelled as a modal verb
    as one (or tags it a name and still hangs it on the verb as a modal). A modal never comes before a past
    tense ("may accused"), so there it is the verb's subject."""
    if token.tag_ != "VBD":
        return None
    return next((c for c in token.children if c.dep_ == "aux" and c.tag_ in {"MD", "NNP"} and c.i < token.i
                 and c.text[:1].isupper() and c.text[1:].islower()), None)


def _stranded_subject(token) -> list:
    """"The Democratic People's Republic of Korea (DPRK) Thursday rejected ...": the parser may make the
    name before a verb a sentence of its own and leave the verb with no subject. A noun phrase that ends just
    before the verb (past the day it names) and hangs on nothing is its subject."""
    if token.dep_ != "ROOT" or token.pos_ != "VERB":
        return []
    doc, i = token.doc, token.i - 1
    while i >= 0 and doc[i].head.i == token.i and doc[i].ent_type_ in {"DATE", "TIME"}:
        i -= 1
    if i < 0:
        return []
    root = doc[i]
    while root.head.i != root.i:
        root = root.head
    if root.i == token.i or root.pos_ not in {"PROPN", "NOUN"} or root.right_edge.i != i:
        return []
    return [root]


DASHES = {"—", "–", "--"}


def _outside_dashes(token):
    """"Zarif struck out at Pompeo — who accused Tehran — saying that ...": the parser may hang the
    participle on the verb of the aside between dashes, which the second dash has closed. Then the verb
    it continues is the one the aside's noun belongs to."""
    clause = token.head
    if token.dep_ != "advcl" or clause.dep_ not in {"relcl", "acl"}:
        return None
    doc, start = clause.doc, clause.left_edge.i
    opened = start > 0 and doc[start - 1].text in DASHES
    if not opened or not any(t.text in DASHES for t in doc[clause.i + 1:token.i]):
        return None
    verb = clause.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def _named_after_quote(token, quotes, mentions):
    """'"...,” Dmitri Peskov, a spokesman for X told reporters': the parser may join the quotation's last
    words to the subject. The reporting verb's subject is never inside the quotation: when it is, the
    speaker is the actor named between the quotation's end and the verb (a person first)."""
    subjects = _subjects_of_saying(token)
    if not quotes or not subjects or not any(a <= s.idx < b for s in subjects for a, b in quotes):
        return None
    ends = [b for a, b in quotes if b <= token.idx]
    if not ends:
        return None
    between = [m for m in mentions if max(ends) < m.ref.start and m.ref.end <= token.idx]
    persons = [m for m in between if m.kind == "person"]
    return (persons or between or [None])[0]


def _named_subject(token) -> bool:
    """The verb has its own subject, and it is a name, not a pronoun."""
    return any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN" for c in token.children)


def _relative_subject(token):
    """The subject of a relative clause's verb when it is the relative pronoun ("X, who said ...")."""
    if token.dep_ != "relcl":
        return None
    return next((c for c in token.children if c.dep_ in SUBJECT_DEPS
                 and c.lower_ in speech_words().relative_pronouns), None)
