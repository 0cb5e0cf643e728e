"""How names compare: transliterations of one surname, close spellings, initials, a body's name without
the country written before it; and what a cluster's mentions say it is."""
from __future__ import annotations

import re
from functools import lru_cache

from ...data import actor_words_table
from ...world import country_of, demonym_country
from .index import Cluster, norm


def romanized(word: str) -> str:
    """A name word with the endings that romanizations of one Cyrillic name write differently folded to
    one (BGN/PCGN, ISO 9, the passport and the press spellings): Zelensky, Zelenskyy, Zelenskiy ->
    zelensky; Dmitriy, Dmitrii -> dmitry. Feminine endings (-a, -aya) are kept: Petrov is not Petrova."""
    word = word.lower()
    word = re.sub(r"(?:yy|iy|ii|yi)$", "y", word)
    return re.sub(r"ski$", "sky", word)


def _same_surname(a: str, b: str) -> bool:
    """One surname in two transliterations: the same length, one letter apart (Nebenzya/Nebenzia, Vahidi/Wahidi), a vowel
    written or left out inside it (al-Maliki/al-Malki, al-Arouri/al-Aruri), or endings romanized differently
    (Zelensky/Zelenskyy); not Petrov/Petrova, who may be two people."""
    return a == b or romanized(a) == romanized(b) or _one_vowel_apart(a, b) or \
        (len(a) == len(b) >= 5 and _same_initial(a, b) and sum(x != y for x, y in zip(a, b)) == 1)


# First letters one sound is romanized with: "Vahidi" and "Wahidi" (Persian and Arabic waw, German w)
INITIAL_VARIANTS = ({"v", "w"},)


def _same_initial(a: str, b: str) -> bool:
    return a[0] == b[0] or any({a[0], b[0]} <= pair for pair in INITIAL_VARIANTS)


def _one_vowel_apart(a: str, b: str) -> bool:
    """Does one word have a vowel more than the other, inside it (not first, not last: -a and -i endings
    mark gender or number)? Arabic and Persian names are romanized with and without their short vowels."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) - len(shorter) != 1 or len(shorter) < 4:
        return False
    return any(longer[i] in "aeiouy" and longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer) - 1))


def _close(a: str, b: str) -> bool:
    if a == b or romanized(a) == romanized(b) or _one_given_name(a, b):
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _unowned(name: str) -> str:
    """A body's name without the country written before it ("US Federal Bureau of Investigation" ->
    "Federal Bureau of Investigation"): its acronym (FBI) leaves the country out."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n + 1 and (country_of(" ".join(words[:n])) or demonym_country(" ".join(words[:n]))):
            return " ".join(words[n:])
    return name


def _head_before_of(name: str) -> str | None:
    """The head noun a body's name opens with when "of" follows it, its country left out: "US House of
    Representatives" -> "house"; None for other names."""
    words = norm(_unowned(name)).split()
    return words[0] if len(words) >= 3 and words[1] == "of" else None


def _initials(name: str, expand: bool = False) -> str:
    """Initials of a name; with expand, an acronym inside it counts whole ("UN Security Council": unsc)."""
    out = []
    for word in name.replace("-", " ").split():
        if word.lower() in actor_words_table().name_links:
            continue
        out.append(word.lower() if expand and word.isupper() and len(word) <= 4 else word[0].lower())
    return "".join(out)


def _kind_of(c: Cluster) -> str | None:
    votes = c.kind_votes()
    return votes.most_common(1)[0][0] if votes else None


def _best_form(c: Cluster) -> str:
    forms = c.forms()
    return max(forms, key=lambda f: (forms[f] + len(f.split()), len(f), f))


def _mostly(c: Cluster, kind: str) -> bool:
    votes = c.kind_votes()
    return bool(votes) and votes.most_common(1)[0][0] == kind


def _one_given_name(a: str, b: str) -> bool:
    """A given name and its short form ("thomas", "tom"): data/actor_words.yml given_name_forms."""
    forms = _given_name_forms()
    return a in forms and forms[a] == forms.get(b)


@lru_cache(maxsize=1)
def _given_name_forms() -> dict[str, int]:
    groups = actor_words_table().given_name_forms
    return {name.lower(): k for k, group in enumerate(groups) for name in group}
