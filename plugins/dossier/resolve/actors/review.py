"""The actors not kept without an editor: named only inside someone's words, only in a title, only as a
place, only in a headline, or never acting; and one review item per name extraction set aside."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from ...model import DroppedName, Mention, ReviewItem, StatementRecord
from ...world import country_of, demonym_country, held_place, is_place
from .index import Cluster, DROPPED_KINDS, REASON_KINDS, norm
from .names import _kind_of


def _quoted_spans(statements: Iterable[StatementRecord]) -> dict[tuple[str, str], list[tuple[int, int, int | None]]]:
    """(source, sentence) -> spans of attributed words, with where their speaker is written."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    for st in statements:
        speaker = st.speaker_ref.start if st.speaker_ref and st.speaker_ref.sentence == st.ref.sentence else None
        out[(st.ref.source, st.ref.sentence)].append((st.ref.start, st.ref.end, speaker))
    return out


def _only_quoted(c: Cluster, quoted: dict) -> bool:
    """A person named only inside the words someone else is reported to have said ("..., she said, adding
    that ... Commander X confessed"): part of a statement, not an actor of the story."""
    if c.country or _kind_of(c) != "person":
        return False
    return all(any(a <= m.ref.start and m.ref.end <= b and speaker != m.ref.start
                   for a, b, speaker in quoted.get((m.ref.source, m.ref.sentence), ()))
               for m in c.mentions)


def _titled_countries(mentions: list[Mention]) -> set[tuple[str, str, str]]:
    """(source, sentence, ISO3) of the countries named in a person's title there ("Finland's President")."""
    out = set()
    for m in mentions:
        if m.kind == "person" and m.role_org:
            country = country_of(m.role_org) or demonym_country(m.role_org)
            if country is not None:
                out.add((m.ref.source, m.ref.sentence, country.iso3))
    return out


def _only_in_a_title(c: Cluster, titled: set, body_refs: set) -> bool:
    """A country named once in the story, in the title of the person it names ("during a news conference
    with Finland's President Sauli Niinisto"): that person's office, not a party to the story."""
    if not c.country:
        return False
    body = [m for m in c.mentions if (m.ref.source, m.ref.sentence) in body_refs]
    return len(body) == 1 and (body[0].ref.source, body[0].ref.sentence, c.country) in titled

HEADLINE_ONLY = ("named only in a headline, never in an article's text: a headline's words run together "
                 "('Kremlin Denies Blame') or its short name for a body the articles name otherwise")


def _only_in_headlines(c: Cluster, kind: str, text_refs: set, speakers: set = frozenset()) -> bool:
    """No article's text names it: what a headline in Title Case makes NER run together ("Beijing Slams US",
    "Kremlin Denies Blame"), or a headline's short form ("Russian intelligence") of a body the text names
    in full. A country is always named in the text as well, and kept; so is an outlet whose own piece it is
    ("...: Global Times editorial"), which its own text does not name. A person the text names joins the
    headline's name for them ("Miller" of "Matthew Miller"): one named only in headlines is Title Case that
    NER took for a name ("Daesh Claims Kerman Terror Attack, Clues Point to Israel"). `speakers`: the
    (source, sentence, start) of the statements' speakers' mentions."""
    return kind != "country" and not any((m.ref.source, m.ref.sentence) in text_refs
                                         or m.label in {"OUTLET", "AUTHOR"} or _speaks_in_sentence_case(m, speakers)
                                         for m in c.mentions)


def _speaks_in_sentence_case(m: Mention, speakers: set) -> bool:
    """A headline's speaker written with a word in lowercase ("US intelligence confirms ..."): the headline is
    in sentence case, where NER runs no words together, and who speaks in it is an actor. Not one it only
    names ("Russian intelligence 'most likely' behind crash: UK media"), which may be a body the text names
    in full."""
    return (m.ref.source, m.ref.sentence, m.ref.start) in speakers \
        and any(w.isalpha() and w.islower() for w in m.text.split()[1:])


def _only_a_place(c: Cluster, role_orgs: set[str]) -> bool:
    """A country that no sentence has act, speak, own an act or give a title ("athletes from Kenya", "held
    in Qatar"): where the story happens, not a party to it. "President of Belarus X" keeps Belarus."""
    if not c.country or any(m.acts for m in c.mentions):
        return False
    forms = {norm(c.country_name or "")} | {norm(m.text) for m in c.mentions}
    return not (forms & role_orgs)


def _defined_as_a_place(c: Cluster, texts: list[str]) -> bool:
    """An acronym the text defines as a place ("in Indian-occupied Jammu & Kashmir (IIOJK)"): the place's
    short name, not a body; the words before the bracket, up to a few more than its letters, end in one."""
    forms = {m.text for m in c.mentions}
    if c.country or not all(re.fullmatch(r"[A-Z]{2,8}", f) for f in forms):
        return False
    for form in forms:
        # (the texts that hold the bracket at all, found by a plain search; the pattern reads only those)
        for text in (t for t in texts if f"({form})" in t):
            for m in re.finditer(rf"((?:[\w&'’-]+\s+){{2,{len(form) + 3}}})\({re.escape(form)}\)", text):
                words = m.group(1).split()
                if any(is_place(" ".join(words[k:])) or held_place(" ".join(words[k:])) for k in range(len(words) - 1)):
                    return True
    return False


ONLY_REPORTS = ("a news outlet that only carries the story (it reports, or is told things), and whose own "
                "words charge no one and are answered by no one: a credit, not an actor")


def _only_carries_news(c: Cluster, contested_by: set[tuple[str, str, int]], role_orgs: set[str]) -> bool:
    """A news outlet named only at its newsroom work ("The Daily Post reported that a statement would be
    released", "told Canadian channel CTV News", "..., state broadcaster IRIB reported"), never acted upon
    and never saying what others answer or what charges a side: it carries the story, as a credit does.
    One whose own reporting others answer ("The Times reported that a pro-Ukrainian group ...") stays, and
    so does one that employs someone in the story ("Khashoggi, a Washington Post contributor")."""
    return all(m.reporting for m in c.mentions) and not any(norm(m.text) in role_orgs for m in c.mentions) and not any(
        (m.ref.source, m.ref.sentence, m.ref.start) in contested_by for m in c.mentions)


def _never_acts(c: Cluster, role_orgs: set[str]) -> bool:
    """An organisation or person that does nothing in any sentence, holds no title and is no one's
    employer ("a homeland known as Khalistan", "supporters of Khalistan"): not kept without an editor."""
    if c.country or any(m.acts or m.role for m in c.mentions):
        return False
    return not any(norm(m.text) in role_orgs for m in c.mentions)


def _dropped_review(dropped: Iterable[DroppedName], known: set[str]) -> list[ReviewItem]:
    """One review item per name extraction set aside (not per mention), unless it names a kept actor."""
    by_name: dict[str, list[DroppedName]] = {}
    for d in dropped:
        key = norm(d.mention.text)
        if key and key not in known:
            by_name.setdefault(key, []).append(d)
    items = []
    for key in sorted(by_name):
        found = by_name[key]
        first = found[0]
        reason = Counter(d.reason for d in found).most_common(1)[0][0]
        # the kind follows the reason it was dropped: a place NER called a PERSON is not proposed as a person
        kind = REASON_KINDS.get(reason) or DROPPED_KINDS.get(first.mention.label, "other")
        times = f", {len(found)} mentions" if len(found) > 1 else ""
        items.append(ReviewItem("dropped-name", f"“{first.mention.text}” was not taken for an actor: {reason}{times}",
                                first.mention.ref.source, first.mention.ref.sentence,
                                f"# dossier/actors.yml\n- name: {first.mention.text}\n  kind: {kind}"))
    return items
