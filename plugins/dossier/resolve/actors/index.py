"""The cluster of mentions resolution builds, and the index of actors every later stage looks names and
mentions up in; the comparison key for names (norm) and the confidence an actor needs to be kept."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ...extract.actors import BROADCAST, INSTITUTION_WORD, PLACE
from ...data import actor_words_table, speech_table
from ...model import Actor, Confidence, Mention, Ref, name_key
from ...world import capital_of, country_of, demonym_country
from ...extract.who import same_spelling

KEEP_CONFIDENCE = Confidence.KEEP  # below this an actor goes to the review page instead of the dossier
WEAK = Confidence.WEAK  # one mention that neither acts nor carries a title: listed for review

DROPPED_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "other", "LOC": "other", "FAC": "other",
                 "NORP": "group", "GROUP": "group", "COLLECTIVE": "group", "ACRONYM": "organization", "SURNAME": "person",
                 "OUTLET": "organization", "AUTHOR": "person", "UNIT": "organization"}

REASON_KINDS = {PLACE: "other", INSTITUTION_WORD: "organization", BROADCAST: "organization"}

norm = lru_cache(maxsize=1 << 16)(name_key)  # one comparison key for names, shared with curation and wikilinks


@dataclass
class Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO3 when the cluster is a country
    country_name: str | None = None
    # counts recomputed only when mentions were added (they are only appended or extended): clustering asks
    # them of every cluster for every short form
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def _memo(self, name: str, compute) -> Counter:
        version = (id(self.mentions), len(self.mentions), self.country)
        held = self._derived.get(name)
        if held is None or held[0] != version:
            held = self._derived[name] = (version, compute())
        return Counter(held[1])

    def forms(self) -> Counter:
        return self._memo("forms", lambda: Counter(m.text for m in self.mentions))

    def kind_votes(self) -> Counter:
        return self._memo("kind_votes", self._kind_votes)

    def _kind_votes(self) -> Counter:
        votes = Counter(m.kind for m in self.mentions if m.kind)
        # a person's full name outweighs NER's guesses at the surname alone ("Tygart" as ORG twice)
        votes["person"] += 2 * sum(m.kind == "person" and m.label == "PERSON" and len(m.text.split()) > 1
                                   for m in self.mentions)
        votes = +votes
        if self.country:
            votes["country"] += 100
        return votes


@dataclass(frozen=True)
class ActorIndex:
    """What later resolution needs: actors, and how to find the actor of a mention or a name."""

    actors: tuple[Actor, ...]
    by_ref: dict  # (source, sentence, start) -> actor id
    by_name: dict  # norm(name or alias) -> actor id
    hides: tuple = ()  # HideEffect: what each hidden name of the curation did, for the curation checks

    def of_ref(self, ref: Ref | None) -> str | None:
        return self.by_ref.get((ref.source, ref.sentence, ref.start)) if ref else None

    # Lookups built once per index, so that finding a name costs the same however many actors the dossier
    # holds (no scan of every actor per statement).
    @cached_property
    def _by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def _people_by_word(self) -> dict[str, tuple[Actor, ...]]:
        """A word of a person's name or alias -> the people whose names hold it."""
        found: dict[str, dict[str, Actor]] = {}
        for a in self.actors:
            if a.kind == "person":
                for form in (a.name, *a.aliases):
                    for word in norm(form).split():
                        found.setdefault(word, {})[a.id] = a
        return {w: tuple(people.values()) for w, people in found.items()}

    @cached_property
    def _members(self) -> dict[str, tuple[Actor, ...]]:
        """An actor id -> the actors affiliated with it (a state's bodies and people, a body's people)."""
        found: dict[str, list[Actor]] = {}
        for a in self.actors:
            for x in a.affiliations:
                found.setdefault(x, []).append(a)
        return {x: tuple(v) for x, v in found.items()}

    @cached_property
    def _holders(self) -> dict[tuple[str, str], str | None]:
        return {}  # (title, state) -> holder_of's answer, asked once per title and state

    def of_name(self, name: str | None) -> str | None:
        if not name:
            return None
        key = norm(name)
        if key in self.by_name:
            return self.by_name[key]
        country = country_of(name)
        if country is not None:
            return self.by_name.get(norm(country.name))
        return self._of_surname(name) or self._of_folded(key) or self._of_kin(name) or self._of_leaders_government(name)

    def of_maker(self, name: str | None) -> str | None:
        """Who made a claim an answer names: a name, or an adjective of nationality standing for its country
        ("the Iranian claims" -> Iran), which as a speaker would be anyone of that nation."""
        found = self.of_name(name)
        if found is None and name:
            country = demonym_country(name.strip())
            found = self.by_name.get(norm(country.name)) if country is not None else None
        return found

    def _of_surname(self, name: str) -> str | None:
        """A single capitalised word that is a word of exactly one person's name ("Choe" -> Choe Son Hui)."""
        word = name.strip()
        if " " in word or not word[:1].isupper():
            return None
        fits = {a.id for a in self._people_by_word.get(norm(word), ())}
        return fits.pop() if len(fits) == 1 else None

    def holder_of(self, title: str, state: str) -> str | None:
        """The one person the dossier titles as the state's holder of a post ("foreign minister" of Ukraine:
        "Ukrainian Foreign Minister Dmytro Kuleba"), or None."""
        if (title, state) not in self._holders:
            self._holders[(title, state)] = self._holder(title, state)
        return self._holders[(title, state)]

    def _holder(self, title: str, state: str) -> str | None:
        found = self._by_id.get(state)
        if found is None or found.kind != "country":
            return None  # a body's or a group's title is theirs to hold
        if title.split()[-1] in speech_table().armed_force_nouns:
            return self._armed_forces_of(state)
        if title.split()[-1] in actor_words_table().body_heads:
            # "the foreign ministry said", the state found for it: its body so named ("Ministry of Foreign Affairs")
            wanted = set(same_spelling(title).split())
            fits = {a.id for a in self._members.get(state, ()) if a.kind == "organization"
                    and any(wanted <= set(same_spelling(n).split()) for n in (a.name, *a.aliases))}
        elif len(title.split()) > 1 or title in speech_table().sole_titles:
            fits = {a.id for a in self.actors if a.kind == "person" and a.role and _holds(title, a.role)
                    and self._serves(a, state)}
        else:
            return None  # "the minister": one of several posts, whichever the dossier knows
        return fits.pop() if len(fits) == 1 else None

    def _armed_forces_of(self, state: str) -> str | None:
        """"The Israeli military said": the state's body the dossier names most as armed forces ("Israel
        Defense Forces" over "Israeli Air Force"), where one does."""
        force_words = set(speech_table().armed_force_name_words)

        def how_named(a: Actor) -> int:
            return max(len(force_words & set(same_spelling(n).split())) for n in (a.name, *a.aliases))
        bodies = {a.id: how_named(a) for a in self._members.get(state, ()) if a.kind == "organization"}
        best = max(bodies.values(), default=0)
        found = [k for k, v in bodies.items() if v == best]
        return found[0] if best and len(found) == 1 else None

    def _serves(self, person: Actor, state: str) -> bool:
        """Does the person act for the state: affiliated with it, with one of its bodies ("Iranian Foreign
        Ministry"), or titled with its name ("Iran's Foreign Minister")?"""
        bodies = {x: self._by_id[x] for x in person.affiliations if x in self._by_id}
        named = country_of(person.role or "") or next(
            (c for c in map(demonym_country, (person.role or "").replace("’s", " ").replace("'s", " ").split()) if c), None)
        return state in person.affiliations or any(state in b.affiliations for b in bodies.values()) \
            or (named is not None and self.by_name.get(norm(named.name)) == state)

    def _of_kin(self, name: str) -> str | None:
        """"Amini father", a speaker the statements stage names as a person's kin: the one person of that
        surname the dossier titles so ("Amjad Amini, Mahsa's father")."""
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in speech_table().person_kin_nouns:
            return None
        kin, surname = words[-1].lower(), norm(words[-2])
        fits = {a.id for a in self._people_by_word.get(surname, ()) if a.role and kin in a.role.lower().split()}
        return fits.pop() if len(fits) == 1 else None

    def _of_leaders_government(self, name: str) -> str | None:
        """"Trump administration", a government named by its leader's surname: the one state the dossier's
        people of that surname are affiliated with ("U.S. President Donald Trump")."""
        words = name.split()
        if len(words) != 2 or words[1].lower() not in actor_words_table().government_words:
            return None
        fits = {s for a in self._people_by_word.get(norm(words[0]), ()) for s in a.affiliations
                if s in self._by_id and self._by_id[s].kind == "country"}
        return fits.pop() if len(fits) == 1 else None

    def _of_folded(self, key: str) -> str | None:
        """A name that differs from exactly one actor's name only in how it names a country ("North Korean
        Foreign Ministry" -> DPRK Foreign Ministry): the country words folded to the country on both sides."""
        folded = _fold_country(key)
        if folded == key:
            return None
        fits = {ident for name, ident in self.by_name.items() if _fold_country(name) == folded}
        return fits.pop() if len(fits) == 1 else None


def _fold_country(key: str) -> str:
    """A normalised name with its leading country words (name, acronym or demonym) as '@ISO3'; a capital
    too, before a body's head word ("beijing foreign ministry", of "Beijing's foreign ministry")."""
    words = key.split()
    body = bool(words) and words[-1] in _org_heads()
    for n in (3, 2, 1):
        if len(words) > n:
            head = " ".join(words[:n])
            finders = (country_of, demonym_country, capital_of) if body else (country_of, demonym_country)
            found = next((c for form in (head.title(), head.upper()) if len(form) > 2 or n > 1
                          for c in (f(form) for f in finders) if c is not None), None)
            if found is not None:
                return " ".join(["@" + found.iso3, *words[n:]])
    return key


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in actor_words_table().org_heads)


def _holds(title: str, role: str) -> bool:
    """Does a role hold the post a title names? Its portfolio words and its title word, or a word the press
    varies it with for one post ("envoy" of an ambassador, "chief" of a commander); never a deputy's or a
    former holder's role."""
    words = speech_table()
    said = set(same_spelling(role).replace("-", " ").replace(".", "").split())
    *portfolio, head = title.split()
    if said & set(words.deputy_words) or not set(portfolio) <= said:
        return False
    for one_post in (words.posted_titles, words.monarch_titles, words.leading_titles):
        if head in one_post:
            return bool(said & set(one_post))
    return head in said
