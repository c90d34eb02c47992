"""Watch-area shapes: a circle (centre and radius in km) or a polygon of (lat, lon) points.

Kept to plain geometry on the sphere's surface, enough for areas the size of a province:
a bounding box first (so the store can use its columns), then the exact test.
"""

from __future__ import annotations

import math
from typing import Any

EARTH_KM = 6371.0
MAX_POLYGON_POINTS = 500


class AreaError(ValueError):
    """A shape that is not a circle or polygon the desk can test points against."""


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def _point(value: Any) -> tuple[float, float]:
    try:
        lat, lon = float(value[0]), float(value[1])
    except (TypeError, ValueError, IndexError, KeyError):
        raise AreaError(f"a point is [lat, lon], not {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise AreaError(f"point out of range: {lat}, {lon}")
    return lat, lon


def validate(shape: Any) -> dict[str, Any]:
    """The shape normalised; raises :class:`AreaError` saying what is wrong."""
    if not isinstance(shape, dict) or len(shape) != 1 or next(iter(shape)) not in ("circle", "polygon"):
        raise AreaError('an area is {"circle": [lat, lon, km]} or {"polygon": [[lat, lon], ...]}')
    if "circle" in shape:
        value = shape["circle"]
        if not isinstance(value, list | tuple) or len(value) != 3:
            raise AreaError("a circle is [lat, lon, km]")
        lat, lon = _point(value[:2])
        try:
            km = float(value[2])
        except (TypeError, ValueError):
            raise AreaError(f"a circle's radius is a number of km, not {value[2]!r}") from None
        if not 0 < km <= 5000:
            raise AreaError(f"a circle's radius must be between 0 and 5000 km, not {km}")
        return {"circle": [lat, lon, km]}
    points = shape["polygon"]
    if not isinstance(points, list) or not 3 <= len(points) <= MAX_POLYGON_POINTS:
        raise AreaError(f"a polygon has 3 to {MAX_POLYGON_POINTS} points")
    return {"polygon": [list(_point(p)) for p in points]}


def bbox(shape: dict[str, Any]) -> tuple[float, float, float, float]:
    """(south, west, north, east) enclosing the shape."""
    if "circle" in shape:
        lat, lon, km = shape["circle"]
        dlat = math.degrees(km / EARTH_KM)
        dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
        return lat - dlat, lon - dlon, lat + dlat, lon + dlon
    lats = [p[0] for p in shape["polygon"]]
    lons = [p[1] for p in shape["polygon"]]
    return min(lats), min(lons), max(lats), max(lons)


def contains(shape: dict[str, Any], lat: float, lon: float) -> bool:
    if "circle" in shape:
        clat, clon, km = shape["circle"]
        return km_between(clat, clon, lat, lon) <= km
    inside = False
    ring = shape["polygon"]
    j = len(ring) - 1
    for i in range(len(ring)):
        (yi, xi), (yj, xj) = ring[i], ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside
