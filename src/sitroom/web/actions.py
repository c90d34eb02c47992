"""What the desk writes: analysts' reviews and watch areas, and what a watch area has new.

Like the views, these take the store and plain parameters and return plain data, so the
form posts of the pages and the JSON API share them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitroom.reconcile.review import Replay, Review, ReviewError, override, report_keys, validate
from sitroom.report.areas import AreaError
from sitroom.report.areas import validate as validate_area
from sitroom.store import Store
from sitroom.web.views import BadRequest, NotFound, parse_filter

# Fields a decision changes, for the audit trail's before and after.
_FIELDS = {"grade": ("grade", "grade_reason"), "place": ("place",), "date": ("date", "time_precision")}
_KIND_PRECISION = {"country": "country", "province": "province", "region": "region"}


def _place_value(form: Mapping[str, Any]) -> dict[str, Any]:
    """A corrected place: coordinates when given, else the gazetteer's most populous match of the name."""
    name = str(form.get("place") or "").strip()
    if not name:
        raise BadRequest("a place correction needs a place name")
    if form.get("lat") not in (None, "") and form.get("lon") not in (None, ""):
        return {"name": name, "lat": form["lat"], "lon": form["lon"], "precision": form.get("precision") or "town"}
    from sitroom.extract.gazetteer import gazetteer

    found = sorted(gazetteer().lookup(name), key=lambda p: -p.population)
    if not found:
        raise BadRequest(f"no place called {name!r} in the gazetteer: give lat and lon as well")
    best = found[0]
    return {
        "name": best.name,
        "country": best.country,
        "lat": best.lat,
        "lon": best.lon,
        "precision": _KIND_PRECISION.get(best.kind, "town"),
    }


def submit_review(store: Store, incident_id: str, form: Mapping[str, Any], who: str) -> dict[str, Any]:
    """Record one decision about an incident and apply what can be applied at once.

    Field decisions (grade, place, date) change the stored incident now; decisions about
    its reports (not an incident, merge, split) need the incidents regrouped, which the
    caller runs as a rebuild job (``needs_rebuild`` in the answer)."""
    record = store.incident(incident_id)
    if record is None:
        raise NotFound(f"no incident {incident_id!r}")
    action = str(form.get("action") or "")
    keys = report_keys(record)
    if action in ("grade", "place", "date"):
        anchors = keys
    elif action == "not_incident":
        anchors = [str(form.get("report") or "")]
        if anchors[0] not in keys:
            raise BadRequest(f"report {anchors[0]!r} is not one of this incident's reports")
    elif action == "split":
        raw = form.get("reports") or []
        anchors = [raw] if isinstance(raw, str) else [str(r) for r in raw]
        if not anchors or not set(anchors) <= set(keys):
            raise BadRequest("a split names one or more of this incident's reports")
        if set(anchors) == set(keys):
            raise BadRequest("a split must leave at least one report in the incident")
    elif action == "merge":
        other = store.incident(str(form.get("other") or ""))
        if other is None:
            raise BadRequest(f"no incident {form.get('other')!r} to merge with")
        if other["id"] == record["id"]:
            raise BadRequest("an incident cannot be merged with itself")
        anchors = [keys[0], report_keys(other)[0]]
    else:
        anchors = keys
    raw_value: Any = None
    if action == "grade":
        raw_value = form.get("grade")
    elif action == "date":
        raw_value = form.get("date")
    elif action == "place":
        raw_value = _place_value(form)
    try:
        value = validate(action, anchors, raw_value)
    except ReviewError as exc:
        raise BadRequest(str(exc)) from None
    fields = _FIELDS.get(action, ())
    before = {f: record.get(f) for f in fields} if fields else {"reports": anchors}
    note = str(form.get("note") or "")[:1000]
    review_id = store.add_review(action, anchors, value, who, note, record["id"], before, None)
    after: dict[str, Any]
    if fields:
        review = store.reviews()[-1]
        updated = override(dict(record), [*_earlier(store, record), review], Replay())
        store.update_incident(updated)
        after = {f: updated.get(f) for f in fields}
    else:
        after = {"action": action, "reports": anchors, "other": form.get("other")}
    store.set_review_after(review_id, after)
    return {"review": review_id, "incident": record["id"], "needs_rebuild": not fields, "after": after}


def _earlier(store: Store, record: dict[str, Any]) -> list[Review]:
    """Earlier field decisions on the incident: replayed first, so the latest one wins."""
    keys = set(report_keys(record))
    return [r for r in store.reviews()[:-1] if r.action in _FIELDS and set(r.anchors) & keys]


def create_watch(store: Store, body: Mapping[str, Any]) -> dict[str, Any]:
    name = str(body.get("name") or "").strip()
    if not name or len(name) > 200:
        raise BadRequest("a watch area needs a name of 1 to 200 characters")
    try:
        shape = validate_area(body.get("shape"))
    except AreaError as exc:
        raise BadRequest(str(exc)) from None
    filters = body.get("filters") or {}
    if not isinstance(filters, dict):
        raise BadRequest("filters is an object of incident filters (since, until, type, grade, country, contested)")
    flt = parse_filter({k: str(v) for k, v in filters.items() if k != "near"})
    watch_id = store.add_watch(name, shape, flt.as_dict())
    return {"id": watch_id, "name": name, "shape": shape, "filters": flt.as_dict()}


def watch_news(store: Store, watch_id: int, mark_visited: bool = False) -> dict[str, Any]:
    """Incidents inside the area first seen since the last visit, and new denials of their claims."""
    watch = store.watch(watch_id)
    if watch is None:
        raise NotFound(f"no watch area {watch_id}")
    flt = parse_filter({k: str(v) for k, v in watch["filters"].items()})
    flt.area = watch["shape"]
    total, inside = store.incident_list(flt, 10_000)
    fresh = store.new_since("incident", watch["last_visit"])
    new_incidents = [i for i in inside if i["id"] in fresh]
    denials = []
    fresh_denials = store.new_since("denial", watch["last_visit"])
    for summary in inside:
        record = store.incident(summary["id"]) or {}
        for prop in store.propositions_by_id(record.get("propositions", [])):
            for d in prop["denied_by"]:
                if f"{prop['id']}:{d['article_id']}:{d['span'][0]}" in fresh_denials:
                    denials.append({"incident": summary["id"], "proposition": prop["text"], **d})
    if mark_visited:
        store.visit_watch(watch_id)
    return {
        "watch": watch,
        "inside": total,
        "new_incidents": new_incidents,
        "new_denials": denials,
        "incidents": inside[:100],
    }
