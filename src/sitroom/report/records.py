"""Plain records for export: the field names here are a contract read by other tools.

Add fields rather than rename them.
"""

from __future__ import annotations

from typing import Any

from sitroom.model import Article


def article_record(article: Article, source: str, source_id: str | None) -> dict[str, Any]:
    pub = article.published
    return {
        "id": article.id,
        "page_id": article.page_id,
        "index": article.index,
        "source": source,
        "source_id": source_id,
        "outlet": article.outlet,
        "title": article.title,
        "standfirst": article.standfirst,
        "published": pub.value if pub else None,
        "published_precision": pub.precision if pub else None,
        "published_evidence": pub.evidence if pub else None,
        "dateline": article.dateline,
        "language": article.language,
        "author": article.author,
        "body": article.body,
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed],
    }


def family_record(family: dict[str, Any]) -> dict[str, Any]:
    """A family with its reference and, per member, what it omitted, added and changed."""
    return {
        "id": family["id"],
        "reference": family["reference"],
        "members": [
            {
                "article_id": m["article_id"],
                "same": m["same"],
                "omitted": len(m["omitted"]),
                "added": len(m["added"]),
                "changed": len(m["changed"]),
                "omitted_sentences": m["omitted"],
                "added_sentences": m["added"],
                "changed_sentences": m["changed"],
                "credit": m["credit"],
                "inherited_date": m["inherited_date"],
                "inherited_from": m["inherited_from"],
                "translation": m.get("translation", False),
            }
            for m in family["members"]
        ],
    }


def group_record(group: dict[str, Any]) -> dict[str, Any]:
    """An event or a story: id, label, date span, places, outlets, members."""
    keys = ("id", "label", "first_date", "last_date", "places", "outlets", "article_ids", "event_ids", "story_id")
    return {k: group[k] for k in keys if k in group}


ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]
OUR_COLUMNS = [
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injured_low",
    "injured_high",
    "grade",
    "n_reports",
    "n_independent_sources",
    "contested",
]
# ACLED's codes: time precision 1 day, 2 week or range, 3 month or coarser; geo precision
# 1 a town or point, 2 a district or part of a region, 3 a province or larger.
_TIME_PRECISION = {"day": 1, "week": 2, "range": 2, "month": 3, "season": 3, "year": 3}
_GEO_PRECISION = {"point": 1, "town": 1, "district": 2, "province": 3, "region": 3, "country": 3}


def total_casualties(incident: dict[str, Any], figure: str) -> dict[str, Any] | None:
    """The incident's range of ``figure`` (killed, injured) over all victims, if it has one."""
    return next((c for c in incident["casualties"] if c["figure"] == figure and c["scope"] == "total"), None)


def incident_acled_row(incident: dict[str, Any], outlets: dict[str, str | None], country_name: Any) -> dict[str, Any]:
    """One incident in ACLED's column layout, with sitroom's columns added after."""
    place = incident.get("place") or {}
    killed, injured = total_casualties(incident, "killed"), total_casualties(incident, "injured")
    actors = incident.get("actors") or []
    reports = incident.get("reports") or []
    return {
        "event_id_cnty": f"{place.get('country') or 'XX'}-{incident['id']}",
        "event_date": incident.get("date") if (incident.get("date") or "")[:1].isdigit() else "",
        "time_precision": _TIME_PRECISION.get(incident.get("time_precision") or "", 3),
        "event_type": incident["type"],
        "sub_event_type": incident["sub_type"],
        "actor1": actors[0] if actors else "",
        "actor2": actors[1] if len(actors) > 1 else "",
        "country": country_name(place.get("country")) if place else "",
        "admin1": place.get("admin1") or "",
        "location": place.get("name") or "",
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": _GEO_PRECISION.get(place.get("precision") or "", 3),
        "source": "; ".join(sorted({outlets.get(a) or a for a in incident["article_ids"]})),
        "notes": " ".join(r["text"] for r in reports[:2])[:900],
        "fatalities": killed["best"]["value"] if killed else 0,
        "fatalities_low": killed["low"]["value"] if killed else 0,
        "fatalities_best": killed["best"]["value"] if killed else 0,
        "fatalities_high": killed["high"]["value"] if killed else 0,
        "injured_low": injured["low"]["value"] if injured else 0,
        "injured_high": injured["high"]["value"] if injured else 0,
        "grade": incident["grade"],
        "n_reports": incident["n_reports"],
        "n_independent_sources": incident["n_independent_sources"],
        "contested": bool(incident["contested"]),
    }


def incident_record(incident: dict[str, Any], propositions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Everything about an incident, with its claim ledger entries in full."""
    return {
        **incident,
        "propositions": [propositions[p] for p in incident.get("propositions", []) if p in propositions],
    }


def incident_feature(incident: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON point feature, or None for an incident without a place."""
    place = incident.get("place")
    if not place:
        return None
    killed = total_casualties(incident, "killed")
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": {
            "id": incident["id"],
            "date": incident.get("date"),
            "type": incident["type"],
            "sub_type": incident["sub_type"],
            "location": place.get("name"),
            "country": place.get("country"),
            "precision": place.get("precision"),
            "grade": incident["grade"],
            "fatalities_low": killed["low"]["value"] if killed else 0,
            "fatalities_high": killed["high"]["value"] if killed else 0,
            "article_ids": incident["article_ids"],
        },
    }
