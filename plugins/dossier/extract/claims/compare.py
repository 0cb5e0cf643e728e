"""How wordings, claims and answers are compared: the measures and lookups the passes share.
"""
from __future__ import annotations

import re
from typing import Iterable

from ...data import stances_table
from ...model import StatementRecord
from ...world import bloc_members, body_names, country_of, demonym_country
from ..charges import NATION
from ..topics import content_words, similarity
from .state import (
    CONTEXT_WEIGHT,
    DOMINANT,
    MARGIN,
    OPPOSING,
    SAME_CLAIM,
    ClaimState,
    Proposition,
    Reading,
    _Claim,
    _distinct_words,
    _reach,
)


def _other_side(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both sides known and disjoint."""
    return bool(a and b and not a & b)


def _by_makers(state: ClaimState, r: Reading, makers) -> _Claim | None:
    found = _makers_claims(state, r, makers)
    if _undecided(found, r):
        return None
    return _clear_best(found, r, require=len(found) > 1) or _dominant(found) if found else None


def _makers_claims(state: ClaimState, r: Reading, makers) -> list[_Claim]:
    """The claims of the named makers an answer may answer."""
    named_side = state.side_of(makers)
    # "the West's statements": what the bloc's states' speakers alleged
    named_side |= {"@" + code for side in named_side if side.startswith(NATION)
                   for code in bloc_members(side[len(NATION):])}
    index = state.by_maker()
    near = {k for n in makers for k in (*index.get(n, ()), *(index.get(("last", n), ()) if len(n.split()) == 1 else ()))}
    near |= {k for side in named_side for k in index.get(("side", side), ())}
    theirs = [c for c in (state.claims[k] for k in sorted(near)) if not state.later_than(c, r) and c.statements]
    # their allegations; else, for "the new Saudi narrative", the account they gave
    found = [c for c in theirs if c.is_allegation] or theirs
    if r.stance in OPPOSING:
        found = [c for c in found if c.against] or found  # what is denied of their words is whom they charge
    if r.stance in OPPOSING | {"declines-comment"} and r.side:
        # the charge against its own side, if those makers made one before it spoke; else a third party's
        # answer to what they alleged
        found = [c for c in found if c.against & r.side or r.side & c.involved] or \
            [c for c in found if not r.side & state.side_of(c.makers)]
    return found


def _undecided(found: list[_Claim], r: Reading) -> bool:
    """"Turkey is making false accusations", by a speaker of no known side, of makers who charged two sides
    and named by neither: which charge it answers only its side would tell (review/), not its words."""
    return r.stance in OPPOSING and not r.side and _charges_several(found) \
        and not any(c.against & (r.charged | r.cleared) for c in found)


def _charges_several(claims: list[_Claim]) -> bool:
    """Do the claims charge more than one side between them?"""
    return len({side for c in claims for side in c.against if not side.startswith("#")}) > 1


def _same_people(named, makers) -> bool:
    """Do the named makers include one of these, by name or by surname alone ("Lipa's report", "Jan Lipa")?"""
    full = set(makers)
    last = {m.split()[-1] for m in makers if len(m.split()) > 1}
    return any(n in full or (len(n.split()) == 1 and n in last) for n in named)


def _says_they_did_it(text: str, makers: Iterable[str]) -> bool:
    """Does the text open with the makers' name, or another name of the same body ("Islamic State's
    fighters", of a claim Daesh made)?"""
    names = {n for m in makers for n in body_names(m)}
    # ... or opens with doers tied to it ("militants linked to Islamic State", "fighters loyal to ISIS")
    links = "|".join(re.escape(w) for w in stances_table().affiliation_links)
    lead = rf"(?:the\s+)?(?:(?:[\w-]+\s+){{1,3}}(?:{links})\s+(?:the\s+)?(?:so-called\s+)?)?"
    return any(len(m) > 2 and re.match(rf"{lead}{re.escape(m)}\b", text, re.IGNORECASE) for m in names)


def _speaks_of_involvement(r: Reading) -> bool:
    """The answer speaks of someone's part in the act ("no evidence of Bolivian involvement", "had nothing to
    do with"), not of an account or a narrative."""
    return bool(content_words("involvement") & set(r.words))


def _clear_best(claims: list[_Claim], r: Reading, require: bool, threshold: float = 0.0) -> _Claim | None:
    """The claim an answer's words (then its context's) are clearly about: above the threshold, and ahead of
    the next by MARGIN. Without `require`, a single claim is taken whatever its score."""
    if not claims:
        return None
    if not require and len(claims) == 1:
        return claims[0]
    for words, weight in ((r.words, 1.0), (_merged(r.words, r.context), CONTEXT_WEIGHT)):
        scored = sorted(((_fit(words, c), c) for c in claims), key=lambda s: -s[0])
        best = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        if best[0] * weight >= max(threshold * weight, 1e-9) and best[0] >= MARGIN * second:
            return best[1]
    return None


def _dominant(claims: list[_Claim]) -> _Claim | None:
    """The charge most sources report, if it stands well ahead of the next."""
    reach = sorted(((_reach(c)[0], c) for c in claims), key=lambda x: -x[0])
    if len(reach) == 1 or reach[0][0] >= 2 and reach[0][0] >= DOMINANT * reach[1][0]:
        return reach[0][1]
    return None


def _merged(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    out = {w: v * CONTEXT_WEIGHT for w, v in b.items()}
    out.update(a)
    return out


def _fit(words: dict[str, float], c: _Claim) -> float:
    """How much of an answer's weighted words a claim's wordings hold (the best wording). The wordings
    holding each word are looked up (_Claim.holding), so only those sharing a word are read; each one's
    weights add up in the answer's order, as reading them all would."""
    total = sum(v for w, v in words.items() if not w.startswith("@")) or 1.0
    holding, held = c.holding, {}
    for w, v in words.items():
        if not w.startswith("@"):
            for k in holding.get(w, ()):
                held.setdefault(k, []).append(v)
    return max((sum(vs) for vs in held.values()), default=0) / total


def _mutual(state: ClaimState) -> dict[str, str]:
    """Mutual accusations: for a claim charging one side, the largest claim by that side charging the
    first claim's makers. Key to key."""
    out = {}
    charging: dict[str, list[int]] = {}  # side -> positions of the claims charging it: only those can answer
    for k, c in enumerate(state.claims):
        for side in c.against:
            charging.setdefault(side, []).append(k)
    for a in state.claims:
        xa, ma = a.against, state.side_of(a.makers)
        if not xa or not ma or ma & xa or not a.is_allegation:
            continue
        near = sorted({k for side in ma for k in charging.get(side, ())})
        found = [b for b in (state.claims[k] for k in near) if b is not a
                 and state.side_of(b.makers) & xa and b.is_allegation and _claim_similarity(a, b) >= SAME_CLAIM]
        if found:
            out[a.key] = max(found, key=lambda c: len(c.props)).key
    return out


def _claim_similarity(a: _Claim, b: _Claim) -> float:
    """How alike two claims' charges are: their charging wordings compared (plain assertions aside). Kept
    per pair until a wording of either changes: _consolidate asks again after every merge."""
    kept = a._views.setdefault("similar", {})
    stamp = (len(a.props), len(b.props), Proposition.edits)
    held = kept.get(id(b))
    if held is not None and held[0] is b and held[1] == stamp:  # (b held there: its id is not reused)
        return held[2]
    value = max(similarity(p, q) for p in _charging_words(a) for q in _charging_words(b))
    kept[id(b)] = (b, stamp, value)
    return value


def _charging_words(c: _Claim) -> list[dict[str, float]]:
    """The distinct words of a claim's charging wordings (all its wordings if none charges), kept as a view:
    a growing claim is compared with every other after each merge."""
    return c._view("charging_words", lambda: _distinct_words([p for p in c.props if p.charges] or c.props))


def names_its_claimants(r: Reading, c: _Claim) -> bool:
    """Does the allegation an answer names (its words or its makers) name the group that claimed the act
    ("claims of DAESH responsibility", "claims that militants linked to Islamic State brought it down"),
    the answer not being theirs?"""
    if r.named is None or set(r.speakers) & set(c.makers):
        return False
    said = " ".join([r.named[0] or "", *r.named[1]])
    return any(_body_in(n, said) for m in c.makers for n in body_names(m))


def _body_in(name: str, text: str) -> bool:
    """Does the text name the body: an abbreviation as written ("IS" is no "is"), a name in either form?"""
    if name.isupper() and len(name) <= 4:
        return re.search(rf"\b{re.escape(name)}\b", text) is not None
    return len(name) > 2 and _name_in(name, text)


def _name_in(name: str, text: str) -> bool:
    """Does the text name it, a country's word in either form ("pro-Russia separatists" in "shot down by
    pro-Russian separatists")?"""
    return _name_in_tokens(name.split(), _tokens(text))


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", text)


def _name_in_tokens(words: list[str], tokens: list[str]) -> bool:
    return any(all(map(_same_word, words, tokens[k:k + len(words)])) for k in range(len(tokens) - len(words) + 1))


def names_in_its_charges(c: _Claim, names: set[str]) -> bool:
    """Does a wording of the claim that charges, and that a statement makes, name one of the names (as
    _name_in)? Each wording is read into words once per claim, and a wording lacking a name's first word
    as written is passed over unless that word is a country's, which another form may match."""
    wordings = c._view("charging_tokens", lambda: [
        (_tokens(p.text), frozenset(t.lower() for t in _tokens(p.text)))
        for p in c.props if p.charges and p.statement is not None])
    for name in names:
        words = name.split()
        first = words[0].lower()
        any_form = _a_country_word(words[0])
        if any((any_form or first in seen) and _name_in_tokens(words, tokens) for tokens, seen in wordings):
            return True
    return False


def _a_country_word(word: str) -> bool:
    """Could another spelling match it (_same_word: a country's name or demonym after any hyphen)?"""
    tail = word.rpartition("-")[2]
    return bool(tail[:1].isupper() and (country_of(tail) or demonym_country(tail)))


def _same_word(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return True
    lead_a, _, a = a.rpartition("-")
    lead_b, _, b = b.rpartition("-")
    if lead_a.lower() != lead_b.lower() or not a[:1].isupper() or not b[:1].isupper():
        return False
    country = country_of(a) or demonym_country(a)
    return country is not None and country == (country_of(b) or demonym_country(b))


def statement_tokens(state: ClaimState, st: StatementRecord) -> list:
    """The parsed tokens of a statement's words, in order."""
    found = state.docs.get((st.ref.source, st.ref.sentence))
    if found is None:
        return []
    return [t for t in found[1] if st.ref.start <= t.idx < st.ref.end]


# clauses that say something of their own: joined to the main verb ("I was not in the hearing, but ..."), or
# telling more of one of its nouns ("not surprised by reports that he had died", "the resident, whose ...")
OWN_CLAUSES = {"conj", "cc", "advcl", "parataxis", "ccomp", "xcomp", "mark", "punct", "relcl", "acl", "appos"}


def own_clause(token) -> list:
    """A verb and the words of its own clause, without the clauses hung on it or on its nouns."""
    kept = [token]
    for child in token.children:
        if child.dep_ not in OWN_CLAUSES:
            kept.extend(own_clause(child))
    return kept
