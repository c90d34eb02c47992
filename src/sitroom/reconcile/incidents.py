"""Incidents: extracted events from several articles that are one real-world incident.

Two event reports are the same incident when their types are compatible (the same
sub-type, or two kinds of remote violence), their places agree within the precision of
each (a town within 25 km, a province within 100 km, a country only by country), their
times overlap at their precision (a day is inside a month, a month overlaps itself), and
their actors do not contradict (one side empty, or a shared actor). Reports without a
place or a time join an incident only through a report of the same article or family.
Copies of one text count as one report. Grouping is constrained single linkage, in a
fixed order, so the result does not depend on the order pages arrived in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np

# Distance within which two places of a given precision are one place, in km.
PLACE_TOLERANCE_KM = {"point": 25, "town": 25, "district": 60, "province": 100, "region": 300, "country": 0}
REMOTE_VIOLENCE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


@dataclass(slots=True)
class Report:
    """One event fact as a report of an incident."""

    key: str  # article id and sequence
    article_id: str
    family: str  # the family id, or the article id when it has no copies
    story: str | None
    type: str
    sub_type: str
    actors: list[str]
    place: dict | None
    time: dict | None
    figures: list[dict]
    status: str
    span: tuple[int, int]
    text: str
    role: str = "secondary"  # main when the article's lead reports it


@dataclass(slots=True)
class Incident:
    id: str
    reports: list[Report] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return sorted({r.article_id for r in self.reports})


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def places_agree(a: dict | None, b: dict | None) -> bool | None:
    """True, False, or None when either side has no place."""
    if not a or not b:
        return None
    if "country" in (a.get("precision"), b.get("precision")):
        return a.get("country") == b.get("country")
    tolerance = max(
        PLACE_TOLERANCE_KM.get(a.get("precision", "town"), 25), PLACE_TOLERANCE_KM.get(b.get("precision", "town"), 25)
    )
    return _km(a, b) <= tolerance


def _interval(value: str) -> tuple[str, str]:
    """A TIMEX value as an inclusive range of ISO day strings (coarse values widen)."""
    if "/" in value:
        start, end = value.split("/", 1)
        return _interval(start)[0], _interval(end)[1]
    if len(value) == 10:
        return value, value
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
        return f"{value}-01", f"{value}-31"
    if len(value) == 4 and value.isdigit():
        return f"{value}-01-01", f"{value}-12-31"
    if "-W" in value or value[5:] in ("SP", "SU", "FA", "WI"):
        return f"{value[:4]}-01-01", f"{value[:4]}-12-31"
    return "0000-01-01", "9999-12-31"


def times_agree(a: dict | None, b: dict | None) -> bool | None:
    """True, False, or None when either side has no calendar value (PRESENT_REF is none).

    A report dated only by its article's reference day (``basis`` "reference": the page
    said no day of its own) agrees with a stated day one day before it: news is mostly
    published the day after it happened. Two stated days must be the same day."""
    if not a or not b or not (a.get("value") or "")[:1].isdigit() or not (b.get("value") or "")[:1].isdigit():
        return None
    a0, a1 = _interval(a["value"])
    b0, b1 = _interval(b["value"])
    if a0 <= b1 and b0 <= a1:
        return True
    for inferred, stated in ((a, b), (b, a)):
        if inferred.get("basis") == "reference" and stated.get("basis") == "stated" and _day_before(stated, inferred):
            return True
    return False


def _day_before(earlier: dict, later: dict) -> bool:
    """Whether ``earlier`` is a day exactly one day before the day ``later``."""
    a, b = earlier.get("value") or "", later.get("value") or ""
    if len(a) != 10 or len(b) != 10:
        return False
    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days == 1
    except ValueError:
        return False


def types_agree(a: Report, b: Report) -> bool:
    if a.sub_type == b.sub_type:
        return True
    return a.sub_type in REMOTE_VIOLENCE and b.sub_type in REMOTE_VIOLENCE


def actors_agree(a: Report, b: Report) -> bool:
    return not a.actors or not b.actors or bool(set(a.actors) & set(b.actors))


def same_incident(a: Report, b: Report) -> bool:
    if not types_agree(a, b) or not actors_agree(a, b):
        return False
    place, time = places_agree(a.place, b.place), times_agree(a.time, b.time)
    if place is False or time is False:
        return False
    if place and time:
        return True
    # Missing place or time: only within one article or family, or one story with the other known.
    if a.family == b.family:
        return True
    return bool(a.story and a.story == b.story and (place or time) and a.status == b.status)


# Blocks for candidate pairs: places in cells this many degrees wide (wider than the widest
# place tolerance, 300 km, up to 60 degrees of latitude, so agreeing places share or touch a cell).
CELL_DEGREES = 6.0
# A report dated more loosely than this many months finds partners through its article's
# family and story only (a span of years overlaps everything and would pair with everything).
MAX_TIME_BUCKETS = 24


def _kind(report: Report) -> str:
    """What :func:`types_agree` compares: the sub-type, remote violence counted as one."""
    return "remote violence" if report.sub_type in REMOTE_VIOLENCE else report.sub_type


def _months(time: dict | None) -> list[str]:
    """The months a report's time overlaps (as "YYYY-MM"), or none when it has no calendar
    value or spans more than :data:`MAX_TIME_BUCKETS` months."""
    if not time or not (time.get("value") or "")[:1].isdigit():
        return []
    start, end = _interval(time["value"])
    if start[:4] == "0000":
        return []
    y, m = int(start[:4]), int(start[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= end[:7] and len(out) <= MAX_TIME_BUCKETS:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out if len(out) <= MAX_TIME_BUCKETS else []


def _pairs_within(index: list[int], n: int, needs: set[int] | None = None) -> np.ndarray:
    """Codes ``i * n + j`` (i < j) of the pairs of ``index``; with ``needs``, only pairs
    with at least one member in it."""
    members = np.array(sorted(set(index)), dtype=np.int64)
    if len(members) < 2:
        return np.zeros(0, dtype=np.int64)
    i, j = np.triu_indices(len(members), k=1)
    a, b = members[i], members[j]
    if needs is not None:
        mask = np.isin(a, list(needs)) | np.isin(b, list(needs))
        a, b = a[mask], b[mask]
    return a * n + b


def candidate_pairs(reports: list[Report]) -> list[tuple[int, int]]:
    """The pairs :func:`same_incident` can accept, in the order a full scan would meet
    them. Every candidate has the same kind of happening and either shares a family or a
    story, or has a place and a time, with times in a common month and places in one
    country (when either is only a country) or in touching cells. Anything else cannot
    pass the test, except reports dated across more than two years, which meet others
    through their family and story only."""
    n = len(reports)
    blocks: dict[tuple, list[int]] = {}
    cells: dict[tuple, dict[tuple[int, int], list[int]]] = {}
    countrywide: dict[tuple, set[int]] = {}
    for i, r in enumerate(reports):
        kind = _kind(r)
        blocks.setdefault(("family", kind, r.family), []).append(i)
        if r.story:
            blocks.setdefault(("story", kind, r.story), []).append(i)
        place = r.place
        if not place:
            continue
        for month in _months(r.time):
            if place.get("country"):
                key = ("country", kind, month, place["country"])
                blocks.setdefault(key, []).append(i)
                if place.get("precision") == "country":
                    countrywide.setdefault(key, set()).add(i)
            if place.get("precision") != "country" and place.get("lat") is not None:
                cell = (math.floor(place["lat"] / CELL_DEGREES), math.floor(place["lon"] / CELL_DEGREES))
                cells.setdefault((kind, month), {}).setdefault(cell, []).append(i)
    codes = [np.zeros(0, dtype=np.int64)]
    for key, index in blocks.items():
        if key[0] == "country":
            if key in countrywide:
                codes.append(_pairs_within(index, n, countrywide[key]))
        else:
            codes.append(_pairs_within(index, n))
    for grid in cells.values():
        for (lat, lon), index in grid.items():
            near = [i for dl in (-1, 0, 1) for dn in (-1, 0, 1) for i in grid.get((lat + dl, lon + dn), [])]
            codes.append(_pairs_within(near, n, set(index)))
    unique = np.unique(np.concatenate(codes))
    return list(zip((unique // max(n, 1)).tolist(), (unique % max(n, 1)).tolist(), strict=True))


def group_incidents(reports: list[Report]) -> list[Incident]:
    """Incidents from event reports, by constrained single linkage in a fixed order."""
    ordered = sorted(reports, key=lambda r: r.key)
    parent = list(range(len(ordered)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for i, j in candidate_pairs(ordered):
        ri, rj = find(i), find(j)
        if ri == rj or not same_incident(ordered[i], ordered[j]):
            continue
        # Every report of the merged incident must agree in place and time with every other.
        joined = members[ri] + members[rj]
        if any(
            places_agree(ordered[x].place, ordered[y].place) is False
            or times_agree(ordered[x].time, ordered[y].time) is False
            for x in members[ri]
            for y in members[rj]
        ):
            continue
        root, child = min(ri, rj), max(ri, rj)
        parent[child] = root
        members[root] = joined
        members.pop(child)
    incidents = []
    for root in sorted(members):
        group = [ordered[i] for i in sorted(members[root])]
        incidents.append(Incident(id=f"inc-{group[0].key}", reports=group))
    return incidents
