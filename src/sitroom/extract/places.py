"""Places named in an article, geocoded with the gazetteer, each with its evidence span.

Candidates are the model's place entities (GPE, LOC, FAC) and any other entity or
capitalised phrase the gazetteer knows as a curated place or a sizeable one: the small
English model calls Kafr Lusin a person and Hmeimim a nationality, and those spans are
relabelled here. "X province"/"X governorate" is looked up as the area first.

Disambiguation prefers, in order: a place in a country the article itself names (or its
dateline's country), a place near places already resolved in the article, the curated
supplement (it exists because news names these places), then population.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitroom.extract.gazetteer import Gazetteer, Place
from sitroom.extract.names import exact_key, skeleton_key

PLACE_LABELS = ("GPE", "LOC", "FAC")
RELABEL_LABELS = ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT")
# A mis-labelled entity is taken as a place only if the gazetteer's best match is curated
# or at least this populous: "Akar" is a village somewhere, but here a minister.
RELABEL_MIN_POPULATION = 50_000
_PRECISION = {
    "city": "town",
    "town": "town",
    "village": "town",
    "country": "country",
    "province": "province",
    "region": "region",
    "crossing": "point",
    "airbase": "point",
    "road": "district",
}
_AREA_WORDS = re.compile(r"\s+(province|governorate|region|oblast|district|state|countryside)$", re.I)
_CURATED = ("crossing", "airbase", "road", "province", "region")
MIN_SKELETON_FUZZY = 4
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


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place

    @property
    def precision(self) -> str:
        return _PRECISION.get(self.place.kind, "town")


def _distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _score(place: Place, countries: Counter[str], resolved: list[Place]) -> float:
    score = math.log10(place.population + 10)
    if place.country and countries.get(place.country):
        score += 4 + min(2, countries[place.country])
    if place.geonames_id is None:
        score += 2.5  # curated for news
    if place.kind == "country":
        score += 3
    if resolved:
        nearest = min(_distance_km(place, other) for other in resolved)
        score += 2 if nearest < 100 else 1 if nearest < 400 else 0
    return score


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


def _clean_span(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    span = text[start:end]
    if span.lower().startswith("the "):
        start += 4
    span = text[start:end]
    for tail in ("’s", "'s"):
        if span.endswith(tail):
            end -= len(tail)
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


@lru_cache(maxsize=1)
def curated_keys() -> frozenset[str]:
    data = json.loads(resources.files("sitroom.extract").joinpath("data/places_supplement.json").read_text())
    return frozenset(exact_key(n) for p in data["places"] for n in (p["name"], *p["aliases"]) if len(n) > 2)


def extract_places(doc: object, gaz: Gazetteer, dateline: str | None = None) -> list[PlaceMention]:
    """Place mentions in a spaCy ``doc`` of the article body, in text order."""
    text = doc.text  # type: ignore[attr-defined]
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:  # type: ignore[attr-defined]
        if ent.label_ in PLACE_LABELS or ent.label_ in RELABEL_LABELS:
            spans.append((ent.start_char, ent.end_char, ent.label_))
    # Pass 1: countries named anywhere set the article's geography.
    countries: Counter[str] = Counter()
    for start, end, label in spans:
        if label in PLACE_LABELS:
            for place in gaz.lookup(_clean_span(text, start, end)[0]):
                if place.kind == "country":
                    countries[place.country or ""] += 1
    if dateline:
        best = max(gaz.lookup(dateline), key=lambda p: p.population, default=None)
        if best and best.country:
            countries[best.country] += 2
    # Surnames: "Al-Sudani" after "Mohammed Shia Al-Sudani" is the prime minister, not Sidon.
    surnames = {
        exact_key(ent.text.split()[-1])
        for ent in doc.ents  # type: ignore[attr-defined]
        if ent.label_ == "PERSON" and len(ent.text.split()) > 1
    }
    spans += _curated_spans(text, spans)
    mentions: list[PlaceMention] = []
    resolved: list[Place] = []
    for start, end, label in sorted(spans):
        span_text, s, e = _clean_span(text, start, end)
        key = exact_key(span_text)
        if key in _NOT_PLACES or len(span_text) < 3 or (label == "PERSON" and key in surnames):
            continue
        options = _candidates(gaz, span_text, countries, fuzzy=label in PLACE_LABELS)
        if not options:
            continue
        best = max(options, key=lambda p: (_score(p, countries, resolved), -p.id))
        if (
            label not in (*PLACE_LABELS, "GAZ")
            and best.geonames_id is not None
            and best.kind != "country"
            and (best.population < RELABEL_MIN_POPULATION or not countries.get(best.country or ""))
        ):
            continue
        mentions.append(PlaceMention(s, e, span_text, best))
        resolved.append(best)
    return mentions
