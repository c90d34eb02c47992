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
    """True, False, or None when either side has no calendar value (PRESENT_REF is none)."""
    if not a or not b or not (a.get("value") or "")[:1].isdigit() or not (b.get("value") or "")[:1].isdigit():
        return None
    a0, a1 = _interval(a["value"])
    b0, b1 = _interval(b["value"])
    return a0 <= b1 and b0 <= a1


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


def candidate_pairs(reports: list[Report]) -> list[tuple[int, int]]:
    """The pairs :func:`same_incident` can accept, in the order a full scan would meet
    them: reports of one family or story, of one country, or placed in touching cells.
    Anything else has places too far apart or lacks what would excuse a missing one."""
    blocks: dict[tuple, list[int]] = {}
    for i, r in enumerate(reports):
        blocks.setdefault(("family", r.family), []).append(i)
        if r.story:
            blocks.setdefault(("story", r.story), []).append(i)
        place = r.place
        if place and place.get("country"):
            blocks.setdefault(("country", place["country"]), []).append(i)
        if place and place.get("precision") != "country" and place.get("lat") is not None:
            cell = (math.floor(place["lat"] / CELL_DEGREES), math.floor(place["lon"] / CELL_DEGREES))
            blocks.setdefault(("cell", cell), []).append(i)
    pairs: set[tuple[int, int]] = set()
    for key, index in blocks.items():
        if key[0] == "cell":
            lat, lon = key[1]
            index = sorted(
                {i for dl in (-1, 0, 1) for dn in (-1, 0, 1) for i in blocks.get(("cell", (lat + dl, lon + dn)), [])}
            )
        pairs.update((a, b) for x, a in enumerate(index) for b in index[x + 1 :])
    return sorted(pairs)


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
