"""The language tables of this folder as typed records: one frozen dataclass per YAML file, its fields
named as the file's keys, read once. A list is read as a tuple, a mapping as a dict (not to be changed),
and a file whose keys are not exactly its record's fields, or whose values are not of the fields' types,
is an error naming the file and the key: these files ship with the package, so a slip in one is a bug.
"""
from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields, is_dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Confidence


class TableError(ValueError):
    """A shipped table that does not match its record."""


@lru_cache(maxsize=None)
def raw_table(name: str) -> dict:
    """A YAML table of this folder as PyYAML reads it: for the typed reader below and the checks of tests."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def read_table(name: str, record: type):
    """The table `name` read into `record`, checked key by key."""
    return _record(raw_table(name), record, f"data/{name}")


def _record(value, record: type, where: str):
    if not isinstance(value, dict):
        raise TableError(f"{where}: a mapping of {', '.join(f.name for f in fields(record))} was expected")
    known = [f.name for f in fields(record)]
    for key in value:
        if key not in known:
            near = difflib.get_close_matches(str(key), known, n=1)
            raise TableError(f"{where}: unknown key {key!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
    for f in fields(record):
        if f.name not in value and f.default is MISSING:
            raise TableError(f"{where}: key {f.name!r} is missing")
    hints = typing.get_type_hints(record)
    return record(**{key: _value(item, hints[key], f"{where}: {key}") for key, item in value.items()})


def _value(value, hint, where: str):
    """`value` as YAML gave it, read as the type `hint`: lists as tuples, each item checked."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if is_dataclass(hint):
        return _record(value, hint, where)
    if origin in (types.UnionType, typing.Union):
        for arg in args:
            try:
                return _value(value, arg, where)
            except TableError:
                pass
        raise TableError(f"{where}: {value!r} is not {_name(hint)}")
    if origin is tuple:
        if not isinstance(value, list):
            raise TableError(f"{where}: a list was expected, not {value!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(item, args[0], f"{where}[{n}]") for n, item in enumerate(value))
        if len(value) != len(args):
            raise TableError(f"{where}: {len(args)} items were expected, not {value!r}")
        return tuple(_value(item, arg, f"{where}[{n}]") for n, (item, arg) in enumerate(zip(value, args)))
    if origin is Mapping:
        if not isinstance(value, dict):
            raise TableError(f"{where}: a mapping was expected, not {value!r}")
        return {_value(key, args[0], f"{where} (key {key!r})"): _value(item, args[1], f"{where}.{key}")
                for key, item in value.items()}
    # YAML 1.1 reads a bare on, no, yes or off as a boolean: a word list holding one would lose that word
    ok = (int, float) if hint is float else (hint,)
    if isinstance(value, bool) or not isinstance(value, ok):
        raise TableError(f"{where}: {value!r} is not {_name(hint)}" +
                         (" (quote the word: YAML reads it as a boolean)" if isinstance(value, bool) else ""))
    return value


def _name(hint) -> str:
    return getattr(hint, "__name__", str(hint))


@dataclass(frozen=True)
class Body:
    """One body of data/bodies.yml: its names and the ISO 3166-1 alpha-3 code of its country (None for
    international and non-state bodies)."""

    names: tuple[str, ...]
    country: str | None = None
    shared: tuple[str, ...] = ()  # of its names, those other states' bodies bear too ("Foreign Office")


@dataclass(frozen=True)
class Pronouns:
    """The pronouns of data/who.yml that stand for someone named before."""

    person: tuple[str, ...]  # stand for the last person
    thing: tuple[str, ...]  # stand for the last organisation, country or group
    first_person: tuple[str, ...] = ()  # "we", "I": the speaker's own voice, no one named
    plural: tuple[str, ...] = ()  # "they": several actors named together before, if they were the last
    # a person pronoun -> the words that refer to a person as it does ("she": her, Ms, Mrs): who "she" can be
    gendered: Mapping[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class PublicationDay:
    """Undated news dated by the publication day (data/events.yml `publication_day`)."""

    paragraphs: int  # only the first this many paragraphs of running text
    confidence: float = Confidence.NEWS_LEAD  # of such reports


@dataclass(frozen=True)
class ActorWords:
    """data/actor_words.yml: the words that tell names, titles, bodies, places and the press apart."""

    titles: tuple[str, ...]
    title_spellings: Mapping[str, str]
    not_names: tuple[str, ...]
    groups: tuple[str, ...]
    org_heads: tuple[str, ...]
    place_preps: tuple[str, ...]
    coalition_nouns: tuple[str, ...]
    name_group_heads: tuple[str, ...]
    body_words: tuple[str, ...]
    job_nouns: tuple[str, ...]
    instrument_nouns: tuple[str, ...]
    body_heads: tuple[str, ...]
    body_nouns: tuple[str, ...]
    national_bodies: tuple[str, ...]
    holding_words: tuple[str, ...]
    service_words: tuple[str, ...]
    unit_nouns: tuple[str, ...]
    trade_words: tuple[str, ...]
    weapon_heads: tuple[str, ...]
    grade_words: tuple[str, ...]
    proxy_nouns: tuple[str, ...]
    backing_words: tuple[str, ...]
    generic_heads: tuple[str, ...]
    portfolios: tuple[str, ...]
    government_words: tuple[str, ...]
    collectives: tuple[str, ...]
    entourage_nouns: tuple[str, ...]
    group_qualifiers: tuple[str, ...]
    compass_points: tuple[str, ...]
    collective_forms: Mapping[str, str]
    state_voices: tuple[str, ...]
    official_ranks: tuple[str, ...]
    unit_words: tuple[str, ...]
    structure_nouns: tuple[str, ...]
    vehicle_nouns: tuple[str, ...]
    vessel_prefixes: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    name_openings: Mapping[str, str]
    code_name_heads: tuple[str, ...]
    software_nouns: tuple[str, ...]
    condition_nouns: tuple[str, ...]
    facilities: tuple[str, ...]
    equipment: tuple[str, ...]
    broadcasts: tuple[str, ...]
    gathering_nouns: tuple[str, ...]
    events: tuple[str, ...]
    act_nouns: tuple[str, ...]
    obligation_modals: tuple[str, ...]
    place_verbs: tuple[str, ...]
    former_words: tuple[str, ...]
    alias_cues: tuple[str, ...]
    name_links: tuple[str, ...]
    honorifics: tuple[str, ...]
    title_abbreviations: tuple[str, ...]
    name_particles: tuple[str, ...]
    name_plurals: tuple[str, ...]
    name_articles: tuple[str, ...]
    place_prefixes: tuple[str, ...]
    commentator_titles: tuple[str, ...]
    press_titles: tuple[str, ...]
    media_cues: tuple[str, ...]
    platforms: tuple[str, ...]
    recipient_cues: tuple[str, ...]
    missions: tuple[str, ...]
    news_agencies: tuple[str, ...]
    broadcasters: tuple[str, ...]
    newspaper_words: tuple[str, ...]
    media_nouns: tuple[str, ...]
    image_nouns: tuple[str, ...]
    citing_verbs: tuple[str, ...]
    newsroom_verbs: tuple[str, ...]
    opinion_genres: tuple[str, ...]
    press_heads: tuple[str, ...]
    disease_names: tuple[str, ...]
    given_name_forms: tuple[tuple[str, ...], ...]
    copulas: tuple[str, ...]
    inert_verbs: tuple[str, ...]
    platform_preps: tuple[str, ...]
    party_preps: tuple[str, ...]
    recipient_preps: tuple[str, ...]
    agency_kinds: tuple[str, ...]
    relay_verbs: tuple[str, ...]
    articles: tuple[str, ...]
    title_articles: tuple[str, ...]
    title_preps: tuple[str, ...]
    title_complements: tuple[str, ...]
    body_preps: tuple[str, ...]
    swallowed_links: tuple[str, ...]
    tail_links: tuple[str, ...]
    portfolio_links: tuple[str, ...]
    head_links: tuple[str, ...]
    acronym_links: tuple[str, ...]
    standing_body_words: tuple[str, ...]
    group_openers: tuple[str, ...]
    circle_links: tuple[str, ...]
    dangling_links: tuple[str, ...]
    credit_line_words: tuple[str, ...]
    backing_prefixes: tuple[str, ...]
    service_modifiers: tuple[str, ...]
    service_name_words: tuple[str, ...]
    portfolio_heads: tuple[str, ...]
    ministry_heads: tuple[str, ...]
    agency_followers: tuple[str, ...]


@dataclass(frozen=True)
class Bodies:
    """data/bodies.yml: bodies news names in several ways."""

    bodies: tuple[Body, ...]


@dataclass(frozen=True)
class Boilerplate:
    """data/boilerplate.yml: the patterns of page furniture the clean stage drops."""

    furniture: tuple[str, ...]
    bio: tuple[str, ...]
    story_end: tuple[str, ...]
    list_headers: tuple[str, ...]
    promo_headers: tuple[str, ...]
    inline: tuple[str, ...]
    credit: tuple[str, ...]
    contributors: tuple[str, ...]
    caption_marker: tuple[str, ...]
    caption_credit: tuple[str, ...]
    dateline: tuple[str, ...]
    trailing_credit: tuple[str, ...]
    headline_label: tuple[str, ...]
    wire_agencies: tuple[str, ...]


@dataclass(frozen=True)
class DateWords:
    """data/date_words.yml: the words of dates, relative dates and offsets."""

    months: tuple[tuple[str, ...], ...]
    ambiguous_months: tuple[str, ...]
    weekdays: tuple[str, ...]
    weekday_modifiers: Mapping[str, str]
    parts_of_day: tuple[str, ...]
    lead_ins: tuple[str, ...]
    year_lead_ins: tuple[str, ...]
    numbers: Mapping[str, int]
    units: Mapping[str, str]
    relative: Mapping[str, tuple[str, int]]  # "yesterday": (unit, offset)
    relative_years: Mapping[str, int]
    same_day: tuple[str, ...]
    that_time: tuple[str, ...]
    that_time_blockers: tuple[str, ...]
    holidays: tuple[str, ...]
    seasons: Mapping[str, tuple[int, int]]  # first and last month
    season_modifiers: Mapping[str, str]
    offset_directions: Mapping[str, Mapping[str, int]]
    offset_phrases: Mapping[str, tuple[int, int]]
    offset_units: Mapping[str, int]
    offset_hedges: tuple[str, ...]
    span_back: tuple[str, ...]
    span_ahead: tuple[str, ...]
    quote_reach_days: int
    vague_count: int
    ago: tuple[str, ...]
    lookahead_cues: tuple[str, ...]
    cue_window: int
    cue_barriers: tuple[str, ...]
    not_dates: tuple[str, ...]
    year_range_links: tuple[str, ...]
    same_period_leads: tuple[str, ...]
    same_period_openers: tuple[str, ...]
    same_periods: Mapping[str, str]
    clock_abbreviations: tuple[str, ...]


@dataclass(frozen=True)
class Demonyms:
    """data/demonyms.yml: adjectives of nationality and the other words of country names."""

    irregular: Mapping[str, str]
    suffixes: tuple[str, ...]
    other_names: Mapping[str, str]
    stateless_nations: Mapping[str, tuple[str, ...]]
    blocs: Mapping[str, tuple[str, ...]]
    bloc_members: Mapping[str, tuple[str, ...]]
    function_words: tuple[str, ...]
    government_words: tuple[str, ...]


@dataclass(frozen=True)
class Events:
    """data/events.yml: event triggers and the words around them."""

    triggers: Mapping[str, str]
    light_verbs: tuple[str, ...]
    relative_pronouns: tuple[str, ...]
    participant_preps: tuple[str, ...]
    topic_preps: tuple[str, ...]
    charging_verbs: tuple[str, ...]
    referring_verbs: tuple[str, ...]
    casualty_nouns: tuple[str, ...]
    place_preps: tuple[str, ...]
    noun_verbs: Mapping[str, str]
    kind_nouns: Mapping[str, str]
    verb_only: tuple[str, ...]
    noun_only: tuple[str, ...]
    kind_phrases: Mapping[str, str]
    flow_preps: Mapping[str, tuple[str, ...]]
    verb_nouns: Mapping[str, str]
    hedges: tuple[str, ...]
    publication_day: PublicationDay
    under_nouns: Mapping[str, str]
    start_leads: tuple[str, ...]
    addressee_verbs: tuple[str, ...]
    participles: Mapping[str, str]
    said_at: Mapping[str, tuple[str, ...]]
    spokesman_titles: tuple[str, ...]
    speech_kinds: tuple[str, ...]
    speech_occasions: tuple[str, ...]
    kind_relations: Mapping[str, tuple[str, ...]]
    count_words: Mapping[str, int]
    present_forms: Mapping[str, Mapping[str, str]]
    gist_trailing_words: tuple[str, ...]
    gist_own_verbs: tuple[str, ...]
    relative_adverbs: tuple[str, ...]
    past_be_forms: tuple[str, ...]
    perfect_auxiliaries: tuple[str, ...]
    present_perfect_auxiliaries: tuple[str, ...]
    present_be_forms: tuple[str, ...]
    pair_determiners: tuple[str, ...]
    occasion_compounds: tuple[str, ...]
    naming_preps: tuple[str, ...]
    occasion_preps: tuple[str, ...]
    title_determiners: tuple[str, ...]
    number_hedges: tuple[str, ...]
    number_scales: tuple[str, ...]
    scale_counts: tuple[str, ...]
    counted_scales: tuple[str, ...]


@dataclass(frozen=True)
class Regions:
    """data/regions.yml: regions that are places, not countries."""

    regions: tuple[str, ...]


@dataclass(frozen=True)
class Seats:
    """data/seats.yml: seats of power and the country each acts for."""

    seats: Mapping[str, str]
    presidencies: tuple[str, ...]
    government_cities: Mapping[str, str]
    body_seats: Mapping[str, str]


@dataclass(frozen=True)
class Speech:
    """data/speech.yml: reporting verbs, statement nouns and the words of attribution."""

    verbs: tuple[str, ...]
    belief_words: tuple[str, ...]
    issuing_verbs: tuple[str, ...]
    say_verbs: tuple[str, ...]
    addressee_verbs: tuple[str, ...]
    participle_cues: tuple[str, ...]
    needs_complement: Mapping[str, tuple[str, ...]]
    action_objects: Mapping[str, tuple[str, ...]]
    predicate_infinitives: tuple[str, ...]
    frame_verbs: tuple[str, ...]
    laid_on_verbs: tuple[str, ...]
    as_label_verbs: tuple[str, ...]
    statement_nouns: tuple[str, ...]
    finding_nouns: tuple[str, ...]
    kin_nouns: tuple[str, ...]
    person_kin_nouns: tuple[str, ...]
    allegation_nouns: tuple[str, ...]
    claimed_things: tuple[str, ...]
    claimed_acts: tuple[str, ...]
    institution_nouns: tuple[str, ...]
    named_only_institutions: tuple[str, ...]
    private_institutions: tuple[str, ...]
    company_nouns: tuple[str, ...]
    armed_force_nouns: tuple[str, ...]
    state_armed_force_nouns: tuple[str, ...]
    armed_force_name_words: tuple[str, ...]
    leader_nouns: tuple[str, ...]
    head_nouns: tuple[str, ...]
    body_head_titles: tuple[str, ...]
    voice_titles: tuple[str, ...]
    state_voice_titles: tuple[str, ...]
    posted_titles: tuple[str, ...]
    monarch_titles: tuple[str, ...]
    leading_titles: tuple[str, ...]
    deputy_words: tuple[str, ...]
    any_post_titles: tuple[str, ...]
    sole_titles: tuple[str, ...]
    relative_pronouns: tuple[str, ...]
    refuting_verbs: tuple[str, ...]
    speaking_collectives: tuple[str, ...]
    maker_preps: tuple[str, ...]
    question_subordinators: tuple[str, ...]
    quote_joiners: tuple[str, ...]
    former_latter: tuple[str, ...]
    indefinite_articles: tuple[str, ...]
    primary_auxiliaries: tuple[str, ...]
    nobody_words: tuple[str, ...]
    topic_preps: tuple[str, ...]
    according_to: tuple[str, ...]
    quote_pairs: tuple[tuple[str, str], ...]  # opening and closing mark
    min_quote_words: int
    irregular_forms: Mapping[str, str]
    aspect_verbs: tuple[str, ...]


@dataclass(frozen=True)
class Stances:
    """data/stances.yml: the cues of stances, charges and claims."""

    cue_verbs: Mapping[str, str]
    refusal_verbs: tuple[str, ...]
    refused_acts: tuple[str, ...]
    question_nouns: tuple[str, ...]
    cues: Mapping[str, tuple[str, ...]]
    act_condemnations: tuple[str, ...]
    condemnation_words: tuple[str, ...]
    condemned_allegations: tuple[str, ...]
    no_such_act_breaks: tuple[str, ...]
    existential_be: tuple[str, ...]
    cue_idioms: Mapping[str, str]
    responsibility_verbs: tuple[str, ...]
    futile_blame_negations: tuple[str, ...]
    blame_words: tuple[str, ...]
    unhelpful_words: tuple[str, ...]
    blame_clause_breaks: tuple[str, ...]
    blame_copulas: tuple[str, ...]
    claim_verbs: tuple[str, ...]
    former_names: Mapping[str, str]
    act_nouns: tuple[str, ...]
    toll_nouns: tuple[str, ...]
    use_nouns: tuple[str, ...]
    duty_modals: tuple[str, ...]
    charge_predicates: tuple[str, ...]
    act_verbs: tuple[str, ...]
    speaker_doer_pronouns: tuple[str, ...]
    act_negations: tuple[str, ...]
    act_verb_irregulars: Mapping[str, str]
    branch_nouns: tuple[str, ...]
    anti_state_doers: tuple[str, ...]
    part_denials: tuple[str, ...]
    counterpart_nouns: tuple[str, ...]
    held_by_another: tuple[str, ...]
    lead_adverbs: tuple[str, ...]
    weapon_nouns: tuple[str, ...]
    spying_words: tuple[str, ...]
    speaker_owner_words: tuple[str, ...]
    blame_shift_cues: tuple[str, ...]
    charge_verbs: tuple[str, ...]
    accuse_verbs: tuple[str, ...]
    blame_nouns: tuple[str, ...]
    object_pronouns: tuple[str, ...]
    answered_pronouns: tuple[str, ...]
    additive_words: tuple[str, ...]
    claim_words: tuple[str, ...]
    allegation_nouns: tuple[str, ...]
    attribution_verbs: tuple[str, ...]
    claim_nouns: tuple[str, ...]
    counter_needs_name: tuple[str, ...]
    contrast_marks: tuple[str, ...]
    contrast_stance: str
    hedges: tuple[str, ...]
    doubt_words: tuple[str, ...]
    absence_nouns: tuple[str, ...]
    wanting_quantifiers: tuple[str, ...]
    grounds_phrase_breaks: tuple[str, ...]
    grounds_complements: tuple[str, ...]
    giving_verbs: tuple[str, ...]
    scrap_nouns: tuple[str, ...]
    shred_negators: tuple[str, ...]
    inquiry_nouns: tuple[str, ...]
    truth_adjectives: tuple[str, ...]
    truth_negators: tuple[str, ...]
    truth_clause_breaks: tuple[str, ...]
    accusation_nouns: tuple[str, ...]
    made_up_words: Mapping[str, str]
    made_up_nouns: tuple[str, ...]
    evidence_nouns: tuple[str, ...]
    evidence_labels: Mapping[str, str]
    made_up_determiners: tuple[str, ...]
    made_up_copulas: tuple[str, ...]
    affiliation_links: tuple[str, ...]
    authority_verbs: tuple[str, ...]
    courtesy_verbs: tuple[str, ...]
    conditionals: tuple[str, ...]
    negations: tuple[str, ...]
    negated_auxiliaries: tuple[str, ...]
    stopwords: tuple[str, ...]
    equivalents: tuple[tuple[str, ...], ...]
    finding_verbs: tuple[str, ...]
    stative_verbs: tuple[str, ...]
    responsibility_verbs: tuple[str, ...]
    self_doer_pronouns: tuple[str, ...]
    as_claimed_verbs: tuple[str, ...]
    responsibility_bearing: tuple[str, ...]
    gesture_nouns: tuple[str, ...]
    refusal_heads: tuple[str, ...]
    circumstance_preps: tuple[str, ...]
    topic_participles: tuple[str, ...]
    reception_verbs: tuple[str, ...]
    litotes: tuple[str, ...]
    double_negatives: tuple[str, ...]
    withheld_things: tuple[str, ...]
    answer_verbs_also_topics: tuple[str, ...]
    number_words: tuple[str, ...]
    denial_nouns: tuple[str, ...]
    attempt_words: tuple[str, ...]
    involvement_nouns: tuple[str, ...]
    label_verbs: tuple[str, ...]
    label_determiners: tuple[str, ...]
    label_preps: tuple[str, ...]
    label_complements: tuple[str, ...]
    stem_suffixes: tuple[str, ...]
    concessive_preps: tuple[str, ...]
    claim_content_preps: tuple[str, ...]
    document_preps: tuple[str, ...]
    clause_content_preps: tuple[str, ...]
    courtesy_titles: tuple[str, ...]
    reciprocal_words: tuple[str, ...]
    involvement_preps: tuple[str, ...]
    link_preps: tuple[str, ...]
    same_preps: tuple[str, ...]
    destination_preps: tuple[str, ...]
    own_side_pronouns: tuple[str, ...]
    giver_preps: tuple[str, ...]
    speaker_self_words: tuple[str, ...]
    headline_claim_cues: tuple[str, ...]
    claim_complements: tuple[str, ...]
    echo_words: tuple[str, ...]
    noting_verbs: tuple[str, ...]
    intent_modals: tuple[str, ...]
    hedge_adjectives: tuple[str, ...]
    reported_nouns: tuple[str, ...]
    deny_forms: tuple[str, ...]
    proposition_openers: tuple[str, ...]
    passive_auxiliaries: tuple[str, ...]
    clause_cut_words: tuple[str, ...]
    person_pronouns: tuple[str, ...]
    person_possessives: tuple[str, ...]
    pointing_openers: tuple[str, ...]


@dataclass(frozen=True)
class Who:
    """data/who.yml: the words that stand for someone named before."""

    doer_pronouns: Pronouns
    speaker_pronouns: Pronouns
    doer_state_nouns: tuple[str, ...]
    speaker_state_nouns: tuple[str, ...]
    pair_nouns: tuple[str, ...]
    country_nouns: tuple[str, ...]
    state_forms: tuple[str, ...]
    stateless_roles: tuple[str, ...] = ()



@lru_cache(maxsize=None)
def actor_words_table() -> ActorWords:
    return read_table("actor_words.yml", ActorWords)


@lru_cache(maxsize=None)
def bodies_table() -> Bodies:
    return read_table("bodies.yml", Bodies)


@lru_cache(maxsize=None)
def boilerplate_table() -> Boilerplate:
    return read_table("boilerplate.yml", Boilerplate)


@lru_cache(maxsize=None)
def date_words_table() -> DateWords:
    return read_table("date_words.yml", DateWords)


@lru_cache(maxsize=None)
def demonyms_table() -> Demonyms:
    return read_table("demonyms.yml", Demonyms)


@lru_cache(maxsize=None)
def events_table() -> Events:
    return read_table("events.yml", Events)


@lru_cache(maxsize=None)
def regions_table() -> Regions:
    return read_table("regions.yml", Regions)


@lru_cache(maxsize=None)
def seats_table() -> Seats:
    return read_table("seats.yml", Seats)


@lru_cache(maxsize=None)
def speech_table() -> Speech:
    return read_table("speech.yml", Speech)


@lru_cache(maxsize=None)
def stances_table() -> Stances:
    return read_table("stances.yml", Stances)


@lru_cache(maxsize=None)
def who_table() -> Who:
    return read_table("who.yml", Who)


TABLES = {"actor_words.yml": actor_words_table, "bodies.yml": bodies_table, "boilerplate.yml": boilerplate_table,
          "date_words.yml": date_words_table, "demonyms.yml": demonyms_table, "events.yml": events_table,
          "regions.yml": regions_table, "seats.yml": seats_table, "speech.yml": speech_table,
          "stances.yml": stances_table, "who.yml": who_table}  # every table file -> its reader
