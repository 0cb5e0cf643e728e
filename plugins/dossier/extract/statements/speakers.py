"""Who speaks: the subject of a reporting verb (or a passive's "by" agent, or a relative clause's
antecedent), resolved to an actor as written: a name, a pronoun or "the latter" pointing back, a role
noun ("the minister"), a state noun with its nationality ("the Indian government")."""
from __future__ import annotations

from ..countries import country_of, demonym_country
from .focus import _last_mention
from .tables import SUBJECT_DEPS, _table


def _speaker(token, doc, mentions, focus):
    """(text, ref, kind, co-speakers) of the speaker of a reporting verb, or Nones."""
    subjects = _subjects(token)
    if not subjects:
        return None, None, None, ()
    # of several subjects ("Coordinator ... John Kirby claimed"), the one nearest the verb
    subject = max(subjects, key=lambda s: s.i if s.i < token.i else -s.i)
    verb = subject.head
    if subject.dep_ == "nsubjpass" and verb.lemma_.lower() not in _table()["frame_verbs"]:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:
            return None, None, None, ()  # "the claims were rejected": nobody said anything here
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None, None, None, ()
        subject = pobj
    elif subject == _relative_subject(verb):
        # "the United States, which accuses ...": the antecedent speaks; names in the clause are not it
        return _of_noun_phrase(verb.head, mentions, focus, before=verb.idx)
    return _resolve_subject(subject, mentions, focus)


def _resolve_subject(subject, mentions, focus):
    table = _table()
    word = subject.lower_
    lemma = subject.lemma_.lower()
    if word in table["person_pronouns"]:
        if subject.head.dep_ == "relcl":
            # "an interview with Ambassador X, during which he stated": in a relative clause, the
            # nearest person named before it in the sentence
            before = [m for m in focus.pending if m.kind == "person" and m.ref.end <= subject.idx]
            if before:
                return before[-1].text, before[-1].ref, "person", ()
        text, ref = focus.last_speaker({"person"})
        acting = {m.text: m for m in focus.silent if m.kind == "person"}
        if len(acting) == 1:
            # "Danilov addressed the accusations on TV. 'They are choking,' he said": the person who is the
            # subject of the sentence before, which reported no words, speaks
            m = next(iter(acting.values()))
            return m.text, m.ref, "person", ()
        if text is None:
            text, ref = _last_mention(focus, lambda m: m.kind == "person")
        return text, ref, "person", ()
    if word in table["thing_pronouns"] and subject.pos_ == "PRON":
        text, ref = focus.last_speaker({"organization", "country", "group", "other"})
        return text, ref, None, ()
    if word in {"we", "i"}:
        return None, None, None, ()
    if lemma in {"latter", "former"}:
        return _latter_former(subject, mentions)
    return _of_noun_phrase(subject, mentions, focus)


def _subjects_named(doc, mentions) -> list:
    """The mentions naming the subject of a sentence's main verb."""
    subjects = [c for t in doc if t.dep_ == "ROOT" for c in t.children if c.dep_ in SUBJECT_DEPS]
    return [m for m in mentions if any(m.ref.start <= s.idx < m.ref.end for s in subjects)]


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


def _of_noun_phrase(head, mentions, focus=None, before: int | None = None):
    """The actor a noun phrase names: the mention at its head, a person named inside it, the actor a
    role noun refers back to, or the proper noun itself. With before, only words before that offset count
    (an antecedent without its relative clause)."""
    table = _table()
    toks = [t for t in head.subtree if before is None or t.idx < before]
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t.text) for t in toks)
    inside = [m for m in mentions if lo <= m.ref.start < hi]
    covering = [m for m in inside if m.ref.start <= head.idx < m.ref.end]
    lemma = head.lemma_.lower()
    co = _coordinated(head, mentions)
    if covering:
        m = covering[0]
        return m.text, m.ref, m.kind, co
    if lemma in table["state_nouns"] and head.pos_ == "NOUN":
        # "the Indian government", "the Indian side", "Canadian authorities": the country
        for t in head.children:
            if t.dep_ in {"amod", "compound"} and t.i < head.i:
                country = demonym_country(t.text) or (country_of(t.text) if t.pos_ == "PROPN" else None)
                if country is not None:
                    return country.name, None, "country", co
    if lemma in table["country_nouns"] and head.pos_ == "NOUN" and focus is not None \
            and [c.lower_ for c in head.children] == ["the"]:
        # "the kingdom said": the country last named in the article
        text, ref = _last_mention(focus, lambda m: m.kind == "country")
        if text:
            return text, ref, "country", co
    if lemma in table["institution_nouns"] and head.pos_ == "NOUN" and any(
            t.dep_ == "poss" and any(m.kind == "person" and m.ref.start <= t.idx < m.ref.end for m in inside)
            for t in head.children):
        # "Modi's office", "Trudeau's government": the state the person heads, when the article's titles
        # say which ("Indian Prime Minister Narendra Modi"); else the person
        person = next(m for m in inside if m.kind == "person")
        key = person.text.split()[-1]
        for m in reversed([*(focus.mentions if focus is not None else ()), *mentions]):
            if m.kind == "person" and m.role and key in m.text.split():
                country = next((c for w in m.role.split() for c in (demonym_country(w),) if c), None)
                if country is not None:
                    return country.name, None, "country", ()
    persons = [m for m in inside if m.kind == "person"]
    if lemma in table["titles"] and head.pos_ == "NOUN":
        # "Putin's spokesman": the person owning the title is not who holds it
        owners = [t for t in head.children if t.dep_ == "poss"]
        persons = [m for m in persons if not any(m.ref.start <= t.idx < m.ref.end for o in owners for t in o.subtree)]
    elif head.pos_ == "NOUN" and lemma not in table["institution_nouns"] | table["statement_nouns"]:
        # "Prigozhin's allies, the Ukrainian government and Western officials blamed ...": the owner of
        # the head noun does not speak; the coordinated speakers do
        owners = [t for t in head.children if t.dep_ == "poss" and any(
            m.kind == "person" and m.ref.start <= t.idx < m.ref.end for m in inside)]
        if owners:
            persons = [m for m in persons if not any(m.ref.start <= t.idx < m.ref.end for o in owners for t in o.subtree)]
            if not persons:
                others = [r for r in (_of_noun_phrase(t, mentions) for t in head.conjuncts) if r[0]]
                if not others:
                    return None, None, None, ()
                return others[0][0], others[0][1], others[0][2], tuple((r[0], r[1]) for r in others[1:])
    if persons:  # "Russian Foreign Ministry spokeswoman Maria Zakharova"
        m = min(persons, key=lambda m: abs(m.ref.start - head.idx))
        return m.text, m.ref, m.kind, co
    if lemma in table["titles"] and focus is not None:
        # a role noun ("the minister", "the Kremlin spokesman"): the last person of the article with
        # that role, or whose role names the organisation written here
        orgs = {m.text.lower() for m in inside}
        text, ref = _last_mention(focus, lambda m: m.kind == "person" and m.role and (
            lemma in m.role.lower() or (m.role_org or "").lower() in orgs and m.role_org))
        if text:
            return text, ref, "person", ()
    if lemma in table["statement_nouns"] and inside:  # "a statement by the ministry"
        m = inside[0]
        return m.text, m.ref, m.kind, co
    if inside and co:
        m = inside[0]
        return m.text, m.ref, m.kind, co
    if inside and head.pos_ in {"NOUN", "PROPN"}:
        of = [m for m in inside if any(t.dep_ in {"pobj", "poss", "compound"} and lo <= t.idx < hi
                                      and m.ref.start <= t.idx < m.ref.end for t in head.subtree)]
        if of:  # "the foreign ministries of X", "X's government"
            m = of[0]
            return m.text, m.ref, m.kind, _coordinated_from(m, head, mentions)
    if focus is not None and lemma in table["institution_nouns"] and head.pos_ == "NOUN":
        text, ref = _last_mention(focus, lambda m: lemma in m.text.lower())
        if text is None:
            text, ref = focus.last_speaker({"organization"})
        return text, ref, "organization", ()
    if focus is not None and lemma in table["statement_nouns"]:
        # "the statement said": the author of the last statement named as one, else the last
        # institution that spoke, else the last speaker
        if focus.stated:
            text, kind, ref = focus.stated
            return text, ref, kind, ()
        text, ref = focus.last_speaker({"organization", "country", "group"})
        if text is None:
            text, ref = focus.last_speaker()
        return text, ref, None, ()
    if focus is not None and not inside and head.text[:1].isupper() and head.pos_ in {"NOUN", "PROPN"}:
        # "Zelenskyy said" with the surname tagged as a common noun and missed by NER: the person of the
        # article with that surname
        same = [m for m in (*focus.mentions, *focus.article) if m.kind == "person" and len(m.text.split()) > 1
                and m.text.split()[-1] == head.text]
        if same:
            return same[0].text, same[0].ref, "person", co
    if head.pos_ == "PROPN":
        # the name up to its head, with capitalised modifiers the tagger took for adjectives ("North")
        words = []
        for t in reversed(head.doc[lo and min(t.i for t in toks):head.i + 1]):
            if (t.pos_ == "PROPN" or (t.text[:1].isupper() and t.dep_ in {"amod", "compound"})) and t.i <= head.i:
                words.insert(0, t)
            elif words:
                break
        name = " ".join(t.text for t in words[-5:])
        if name and name[0].isupper():
            return name, None, None, ()
    return None, None, None, ()


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


def _subjects(token) -> list:
    found = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if found:
        return found
    if token.dep_ in {"conj", "xcomp", "advcl"} and token.head != token:
        return _subjects(token.head)  # "... and added", "was quoted as saying", "..., adding that"
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.lemma_.lower() in _table()["frame_verbs"]:
        return _subjects(token.head.head)  # "was quoted as saying" with "as saying" a phrase
    return []


def _named_after_quote(token, quotes, mentions):
    """'"...,” Dmitri Peskov, a spokesman for X told reporters': the parser may join the quotation's last
    words to the subject. The reporting verb's subject is never inside the quotation: when it is, the
    speaker is the actor named between the quotation's end and the verb (a person first)."""
    subjects = _subjects(token)
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
                 and c.lower_ in _table()["relative_pronouns"]), None)
