"""Chronology-style titles for event reports, built from the trigger, its doers, object and place, with
English verb forms ("{0} visits Moscow", "Dam blown up", "{0} says ...")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import Mention, TimeExpr
from ...world import demonym_country
from ..who import state_noun_of_doer
from .arguments import PLACE_LABELS, _flow, _governing_verb
from .tables import table
from .triggers import prepositional_phrase

CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "mark"}
OBJECT_WORDS = 7  # words of an object phrase kept in a title
GIST_WORDS = 14  # words of what was said kept in a title
GIST_STOP = {"advcl", "parataxis", "relcl"}  # clauses past the gist's own ("..., adding that ...")


def _names(indexes: list[int]) -> str:
    parts = [f"{{{i}}}" for i in indexes]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def present(verb: str, plural: bool) -> str:
    """A lemma (or phrase headed by one) in the present tense: visit -> visits, hold talks -> holds talks."""
    words = verb.split(" ", 1)
    head = words[0]
    irregular = table().present_forms.get(head)
    if irregular:
        head = irregular["plural" if plural else "singular"]
    elif not plural:
        if re.search(r"(s|sh|ch|x|z|o)$", head):
            head += "es"
        elif re.search(r"[^aeiou]y$", head):
            head = head[:-1] + "ies"
        else:
            head += "s"
    return " ".join([head, *words[1:]])


def _phrase(token, people: list[Mention], mentions_index: dict, limit: int = OBJECT_WORDS, rights: bool = True) -> str:
    """A short noun phrase for a title: modifiers and the head, an "of" phrase, names as placeholders."""
    m = mentions_index.get(token.i)
    if m is not None:
        return f"{{{m}}}"
    # the date before a noun ("Iran's 2015 nuclear deal") is the event's date, which a title does not repeat
    keep = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nummod", "poss", "quantmod", "nmod"}
            and c.ent_type_ != "DATE"]
    words = []
    for c in keep:
        sub = [t for t in c.subtree if t.dep_ != "punct" and t.dep_ != "case"]
        words += [t for t in sub]
    words.append(token)
    for c in token.rights if rights else ():
        if c.dep_ == "prep" and c.lower_ in table().naming_preps:
            words.append(c)
            words += [t for pobj in c.children if pobj.dep_ == "pobj" for t in _np_tokens(pobj)
                      if t.dep_ != "punct" and not any(a.dep_ == "appos" and a.i != pobj.i for a in [t, *t.ancestors]
                                                       if pobj in a.ancestors or a is t and t.i != pobj.i and t.dep_ == "appos")]
            break
    out, used = [], set()
    for t in sorted(words, key=lambda t: t.i):
        idx = mentions_index.get(t.i)
        if idx is not None:
            if idx not in used:
                out.append(f"{{{idx}}}")
                used.add(idx)
            continue
        out.append(t.text)
    return " ".join(out[:limit])


def _np_tokens(token) -> list:
    return [t for t in token.subtree if not any(a.dep_ in CLAUSES | {"prep"} and a.i != token.i and
                                                token in a.ancestors for a in [t, *t.ancestors][:3])]


@dataclass
class _Titling:
    """What every title rule reads: the trigger and its arguments, and who (as a name pattern) did it."""
    trigger: object
    kind: str
    doers: list
    agents: list[Mention]
    people: list[Mention]
    obj: object
    place: str | None
    index: dict  # token index -> position in `people` (the placeholder that names it)
    skip: set[int]  # tokens of the date expression: never part of a title's words
    who: str  # "{0}", "{0} and {1}", a named doer's own words, or ""
    plural: bool

    @property
    def lemma(self) -> str:
        return self.trigger.lemma_.lower()

    @property
    def others(self) -> list[int]:
        """People taking part who are not agents, by position."""
        return list(range(len(self.agents), len(self.people)))

    @property
    def place_part(self) -> str:
        return f" in {self.place}" if self.place and self.kind != "visit" else ""


def _titling(trigger, kind: str, doers, agents: list[Mention], people: list[Mention], obj, place: str | None,
             doc, index: dict | None, time: TimeExpr | None) -> _Titling:
    index = index or {}
    who = _names(list(range(len(agents))))
    # "US officials say": one agent that is a group named by a plural noun
    plural = len(agents) > 1 or (len(agents) == 1 and agents[0].kind == "group" and _plural_name(agents[0], doc))
    if not who and doers and _named_doer(doers[0], people, index):
        who = _phrase(doers[0], people, index, limit=5)
        who = _determiner().sub("", who)
        plural = doers[0].tag_ in {"NNS", "NNPS"}
    skip = {t.i for t in doc if time is not None and time.ref.start <= t.idx < time.ref.end and time.text}
    return _Titling(trigger, kind, doers, agents, people, obj, place, index, skip, who, plural)


@lru_cache(maxsize=1)
def _determiner() -> re.Pattern:
    """A determiner that opens a phrase (data/events.yml `title_determiners`), its first letter in either case."""
    words = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in table().title_determiners)
    return re.compile(rf"^(?:{words}) ")


def _plural_name(m: Mention, doc) -> bool:
    """A group named by a plural noun ("US officials", "Arab states"), not a name that ends in s ("Hamas"):
    the tagger's word where the name is in this sentence, else a lowercase last word in -s."""
    last = m.text.split()[-1]
    here = [t for t in doc if t.idx == m.ref.start + len(m.text) - len(last) and t.text == last]
    if here:  # the name as written in this sentence (a name from an earlier one is not at that place)
        return here[0].tag_ in {"NNS", "NNPS"}
    return last.islower() and last.endswith("s") and not last.endswith("ss")


# Each rule answers a title, "" for none (a bare report: resolve uses its words), or None to pass the
# report on to the next rule.

def _taking_control(s: _Titling) -> str | None:
    """"under Russian control since March": "{0} takes control of the plant"."""
    if s.lemma not in table().under_nouns or s.trigger.pos_ != "NOUN":
        return None
    if not s.who or s.obj is None:
        return ""
    return _cap(f"{s.who} {present('take', s.plural)} control of {_phrase(s.obj, s.people, s.index, limit=5)}")


def _what_was_said(s: _Titling) -> str | None:
    """What a speaker said, in a few of its words: "{0} says <gist>"."""
    tables = table()
    trigger = s.trigger
    speaker_verb = trigger if trigger.pos_ == "VERB" else _governing_verb(trigger)
    if not (s.who and speaker_verb is not None and speaker_verb.lemma_.lower() in tables.speech.verbs
            and (trigger is speaker_verb or s.kind in tables.kind_nouns)):
        return None
    gist = _gist(speaker_verb, s.skip, trigger)
    if not gist:
        return None
    say = "say" if speaker_verb.lemma_.lower() in tables.speech.say_verbs - tables.gist_own_verbs \
        else speaker_verb.lemma_.lower()
    return _cap(f"{s.who} {present(say, s.plural)} {gist}")


def _kind_noun_title(s: _Titling) -> str | None:
    """A kind with its own noun (data/events.yml `kind_nouns`): "{0} holds a joint press conference with {1}"."""
    tables = table()
    noun = tables.kind_nouns.get(s.kind)
    if not noun:
        return None
    trigger = s.trigger
    for c in trigger.children:
        if c.dep_ == "amod" and c.lower_ == "joint":
            noun = "joint " + noun
    if not s.who:
        return ""
    light = _governing_verb(trigger) if trigger.pos_ != "VERB" else None
    if light is not None and light.lemma_.lower() in tables.light_verbs:
        verb = present(light.lemma_.lower(), s.plural)
        article = "an" if noun[0] in "aeiou" else "a"
        rest = f" {verb} {article} {noun}"
    else:
        rest = " " + present(tables.kind_phrases.get(s.kind, noun), s.plural) \
            if s.kind in tables.kind_phrases else f" {noun}"
    withs = [i for i in s.others if i not in range(len(s.agents))]
    if withs and s.kind != "statement":
        rest += " with " + _names(withs)
    return _cap(f"{s.who}{rest}{s.place_part}")


def _verb_title(s: _Titling) -> str | None:
    """A verb trigger: "{0} visits Moscow", "{0} meets with {1}"; with no doer, what underwent it."""
    trigger = s.trigger
    if trigger.pos_ != "VERB":
        return None
    verb = present(_verb_phrase(trigger), s.plural)
    if not s.who:
        return _passive_title(trigger, s.kind, s.people, s.index, s.place_part, s.obj)
    rest = ""
    if s.kind == "visit" and s.place:
        rest = f" {s.place}"
    elif s.obj is not None:
        rest = " " + _phrase(s.obj, s.people, s.index)
    elif s.others:
        rest = " with " + _names(s.others)
    return _cap(f"{s.who} {verb}{rest}{s.place_part}")


def _noun_verb_title(s: _Titling) -> str | None:
    """A noun trigger with a verb of its own (data/events.yml `noun_verbs`): "talks" -> "{0} holds talks with {1}"."""
    verb = table().noun_verbs.get(s.lemma)
    if not (verb and s.who):
        return None
    rest = ""
    if s.kind == "visit" and s.place:
        rest = f" {s.place}"
    elif s.others:
        rest = (" with " if verb.startswith("hold") or verb.endswith(" with") else " ") + _names(s.others)
    verb = verb.removesuffix(" with")  # "speak by phone with": "with" only before those spoken to
    return _cap(f"{s.who} {present(verb, s.plural)}{rest}{s.place_part}")


def _noun_phrase_title(s: _Titling) -> str | None:
    """The trigger's own noun phrase: "Attack on the dam by {0}"."""
    phrase = _phrase(s.trigger, s.people, s.index)
    if not s.who and len(phrase.split()) < 2:
        return ""  # a bare noun ("Statement", "Charges") says nothing; resolve uses the report's words
    by = f" by {s.who}" if s.agents and s.who not in phrase else ""
    return _cap(f"{phrase}{by}{s.place_part}")


# In order: the first rule that answers writes the title.
TITLE_RULES = [
    ("taking control", _taking_control),
    ("what was said", _what_was_said),
    ("kind noun", _kind_noun_title),
    ("verb", _verb_title),
    ("noun's verb", _noun_verb_title),
    ("noun phrase", _noun_phrase_title),
]


def _title(trigger, kind: str, doers, agents: list[Mention], people: list[Mention], obj, place: str | None,
           doc, index: dict | None = None, time: TimeExpr | None = None) -> str:
    """A chronology-style title pattern ("{0} visits {1}"), by the first of TITLE_RULES that answers."""
    state = _titling(trigger, kind, doers, agents, people, obj, place, doc, index, time)
    for _name, rule in TITLE_RULES:
        title = rule(state)
        if title is not None:
            return title
    return ""


def _named_doer(token, people: list[Mention], index: dict) -> bool:
    """Whether a doer with no actor behind it may still name who acted in a title: a proper name, or a
    state's organ with its nationality ("Ukrainian armed forces"); never a common word ("the fact", "a
    torrent of water")."""
    if token.pos_ == "PROPN" and token.ent_type_ not in PLACE_LABELS:
        return True
    return token.pos_ == "NOUN" and state_noun_of_doer(token) and any(
        c.dep_ in {"amod", "compound", "poss"} and (c.pos_ == "PROPN" or demonym_country(c.text))
        for c in token.children)


def _verb_phrase(trigger) -> str:
    """A verb's lemma with its particle ("blow up"), or with the phrase it is a trigger with ("come to power")."""
    prt = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
    return " ".join([trigger.lemma_.lower(), *prt, *filter(None, [prepositional_phrase(trigger)])])


def participle(trigger) -> str:
    """The past participle of a verb trigger, with its particle: "destroyed", "blown up"."""
    prt = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
    if trigger.tag_ == "VBN":
        return " ".join([trigger.lower_, *prt])
    phrase = _verb_phrase(trigger)
    forms = table().participles
    if phrase in forms:
        return forms[phrase]
    lemma = trigger.lemma_.lower()
    head = forms.get(lemma) or (lemma + "d" if lemma.endswith("e") else
                                lemma[:-1] + "ied" if re.search(r"[^aeiou]y$", lemma) else lemma + "ed")
    return " ".join([head, *prt])


def _passive_title(trigger, kind: str, people: list[Mention], index: dict, place_part: str, obj=None) -> str:
    """A happening with no doer named: "Alleged supply of military assistance from {0} to {1}" where
    the verb has a noun and the flow is given, else what underwent it ("Places provided", "Dam blown
    up", an active verb's object with its participle)."""
    tables = table()
    patient = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    if patient is None and trigger.dep_ == "acl" and trigger.tag_ == "VBN" \
            and not any(c.lower_ == "having" for c in trigger.children):
        patient = trigger.head  # "containers allegedly being supplied"
    noun = tables.verb_nouns.get(trigger.lemma_.lower())
    flow = _flow(trigger, kind)
    if noun and flow:
        what = next((g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj"), patient)
        hedge = any(c.lower_ in tables.hedges for c in [*trigger.children, *trigger.head.children]
                    if c.dep_ in {"advmod", "amod"})
        parts = [("Alleged " + noun) if hedge else noun.capitalize()]
        if what is not None:
            parts.append("of " + _phrase(what, people, index, limit=5, rights=False))
        for word, pobj in flow:
            n = index.get(pobj.i)
            parts.append(f"{word} " + (f"{{{n}}}" if n is not None else pobj.text))
        return _cap(" ".join(parts) + place_part)
    if patient is None and obj is not None and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children):
        patient = obj  # "having launched large-scale offensive operations": the operations were launched
    if patient is not None and patient.pos_ in {"NOUN", "PROPN"}:
        return _cap(f"{_phrase(patient, people, index, limit=5)} {participle(trigger)}{place_part}")
    return ""  # resolve falls back to the words of the report


def _gist(verb, skip: set[int], trigger) -> str:
    """What a speaker said, from the verb's complement: its words after the verb, without the date,
    the subject, the attribution ("in a statement") or trailing clauses, cut at a sensible length."""
    words = _to_clause_break(_said_words(verb, skip, trigger))
    if not words:
        return ""
    first = next((t for t in words if not t.is_punct), None)
    text = _short(_gist_text(words, first))
    quoted = first is not None and first.i > 0 and first.nbor(-1).text in {"“", '"'} and "“" not in text
    return f"“{text}”" if quoted else text  # words of a direct quote stay quoted


def _said_words(verb, skip: set[int], trigger) -> list:
    """The tokens of what `verb` reports: its complement clause (before or after it), a "that" clause on
    its statement noun ("said in a statement that ..."), or else its words to the right; never the date
    (`skip`), the statement noun, a place, or a leading "that"."""
    tables = table()
    keep = []
    say = verb.lemma_.lower() in tables.speech.say_verbs
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    said = [c for c in verb.children if c.dep_ == "ccomp" and (say or c.i > verb.i and not has_object)]
    if said:  # the reported clause, before or after the verb ("“...,” Trudeau told reporters")
        lo, hi = min(c.left_edge.i for c in said), max(c.right_edge.i for c in said)
        keep = [t for t in verb.doc[lo:hi + 1] if t.i != verb.i and t not in verb.children
                or t in said or t.dep_ == "mark"]
        keep = [t for t in keep if not (t.dep_ == "prep" and any(g.i in skip for g in t.children))]
    if not said and say:  # "said in a statement that ...": the clause hangs on the statement noun
        said = [c for p in verb.children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj"
                for c in n.children if c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" and m.dep_ == "mark"
                                                                         for m in c.children)][:1]
        if said:
            keep = [t for t in said[0].subtree if t.i not in skip]
    for c in (verb.rights if not said else ()):
        if c.dep_ in {"punct", "cc", "conj"} or c.dep_ in GIST_STOP or c.dep_ == "npadvmod":
            if keep and (c.dep_ in {"cc", "conj"} | GIST_STOP or c.dep_ == "punct" and c.text != "“"):
                break
            continue
        sub = list(c.subtree)
        if any(t.i in skip for t in sub) or (trigger is not verb and trigger in sub):
            continue  # the date ("on Friday"), the statement noun ("in a statement")
        if c.dep_ == "prep" and c.lower_ in tables.place_preps | tables.occasion_preps:
            continue
        keep += sub
    keep = [t for t in keep if t.i not in skip]
    if keep and keep[0].dep_ == "mark" and keep[0].lower_ == "that" and say:
        keep = keep[1:]
    return keep


def _to_clause_break(keep: list) -> list:
    """The words up to a clause break inside the complement ("..., saying ...", "; ...")."""
    words = []
    for n, t in enumerate(keep):
        if n and t.dep_ == "punct" and t.text in {";", ":", "—", "–"}:
            break
        if n and t.dep_ in GIST_STOP | {"parataxis"} and t.head in keep and t.text.endswith("ing") and t.tag_ == "VBG":
            break
        words.append(t)
    return words


def _gist_text(words: list, first) -> str:
    """The words as text: no placeholder braces, no unbalanced quotation marks, and a first word that
    is no name in lower case ("says the U.S. is ...", not "says The U.S.")."""
    text = "".join(t.text_with_ws for t in words).strip().strip("“”\"‘’ ,")
    text = re.sub(r"[{}]", "", text)
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r"[“”\"]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    if first is not None and first.tag_ in {"DT", "PRP", "PRP$", "IN", "EX", "RB", "WDT", "CC", "TO", "MD"} \
            and first.text != "I":
        text = text[:1].lower() + text[1:]
    return text


def _short(text: str) -> str:
    """At most GIST_WORDS words, cut before a trailing article or preposition, with an ellipsis."""
    tokens = text.split()
    if len(tokens) <= GIST_WORDS:
        return text
    cut = tokens[:GIST_WORDS]
    while cut and cut[-1].lower().strip(",") in table().gist_trailing_words:
        cut.pop()
    text = " ".join(cut).rstrip(",;:") + " …"
    if text.count("“") > text.count("”"):
        text = text.replace("“", "")
    return text


def _cap(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:] if text else text
