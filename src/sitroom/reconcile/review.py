"""Analyst review: decisions a person made about incidents, replayed on every rebuild.

The reconcile stage rebuilds incidents from facts on each run, so a decision cannot be
stored on an incident record: it would vanish with the next run. A review names the
*reports* it is about instead (a report key is the article id and the offset of the
sentence, which survive re-runs as long as the page's text does), and the stage replays
every review, in the order they were made, on the incidents it has just built:

* ``not_incident`` drops a report before grouping (a quote, a plan, a war total);
* ``merge`` joins the incidents holding two reports; ``split`` moves reports out of
  their incident into a new one (casualty ranges and grades are then computed on the
  reviewed grouping, like any other);
* ``grade``, ``place`` and ``date`` override one field of the incident holding the report.

A review whose reports no longer exist (the page was removed or its text changed) is kept
in the audit trail and reported as not applied, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sitroom.reconcile.incidents import Incident, Report

ACTIONS = ("grade", "not_incident", "merge", "split", "place", "date")
GRADES = ("confirmed", "contested", "fair", "weak")
PRECISIONS = ("point", "town", "district", "province", "region", "country")
_DAY = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


class ReviewError(ValueError):
    """A review that cannot be recorded as given (unknown action, bad value)."""


@dataclass(slots=True)
class Review:
    id: int
    action: str
    anchors: list[str]  # report keys
    value: Any
    who: str
    at: str
    note: str = ""


@dataclass(slots=True)
class Replay:
    """What replaying the reviews did: which ones applied and which found nothing to act on."""

    applied: list[int] = field(default_factory=list)
    orphaned: list[int] = field(default_factory=list)


def validate(action: str, anchors: list[str], value: Any) -> Any:
    """The value normalised for storage; raises :class:`ReviewError` with the reason."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; choose one of {', '.join(ACTIONS)}")
    if not anchors or not all(isinstance(a, str) and ":" in a for a in anchors):
        raise ReviewError("a review names the reports it is about, as 'article-id:offset' keys")
    if action == "merge" and len(anchors) != 2:
        raise ReviewError("a merge names one report of each of the two incidents")
    if action == "grade":
        if value not in GRADES:
            raise ReviewError(f"grade must be one of {', '.join(GRADES)}, not {value!r}")
        return value
    if action == "date":
        if not isinstance(value, str) or not _DAY.match(value):
            raise ReviewError(f"date must be YYYY-MM-DD or YYYY-MM, not {value!r}")
        return value
    if action == "place":
        if not isinstance(value, dict) or not value.get("name"):
            raise ReviewError("place needs at least a name")
        try:
            lat, lon = float(value["lat"]), float(value["lon"])
        except (KeyError, TypeError, ValueError):
            raise ReviewError("place needs numeric lat and lon") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ReviewError(f"place coordinates out of range: {lat}, {lon}")
        precision = value.get("precision") or "town"
        if precision not in PRECISIONS:
            raise ReviewError(f"place precision must be one of {', '.join(PRECISIONS)}")
        return {
            "name": str(value["name"])[:200],
            "country": (value.get("country") or None),
            "lat": lat,
            "lon": lon,
            "precision": precision,
        }
    return None


def drop_rejected(reports: list[Report], reviews: list[Review], replay: Replay) -> list[Report]:
    """The reports an analyst did not mark as not being an incident."""
    rejected = {a for r in reviews if r.action == "not_incident" for a in r.anchors}
    keys = {r.key for r in reports}
    for review in reviews:
        if review.action == "not_incident":
            (replay.applied if set(review.anchors) & keys else replay.orphaned).append(review.id)
    return [r for r in reports if r.key not in rejected]


def regroup(incidents: list[Incident], reviews: list[Review], replay: Replay) -> list[Incident]:
    """Incidents after the analysts' merges and splits, replayed in the order made."""
    current = list(incidents)
    for review in reviews:
        if review.action not in ("merge", "split"):
            continue
        holder = {r.key: i for i, inc in enumerate(current) for r in inc.reports}
        if not all(a in holder for a in review.anchors):
            replay.orphaned.append(review.id)
            continue
        if review.action == "merge":
            a, b = holder[review.anchors[0]], holder[review.anchors[1]]
            if a != b:
                reports = sorted(current[a].reports + current[b].reports, key=lambda r: r.key)
                current = [inc for i, inc in enumerate(current) if i not in (a, b)]
                current.append(Incident(id=f"inc-{reports[0].key}", reports=reports))
        else:
            owners = {holder[a] for a in review.anchors}
            if len(owners) != 1:
                replay.orphaned.append(review.id)
                continue
            owner = current[owners.pop()]
            moved = [r for r in owner.reports if r.key in review.anchors]
            kept = [r for r in owner.reports if r.key not in review.anchors]
            if kept:
                current.remove(owner)
                current.append(Incident(id=f"inc-{kept[0].key}", reports=kept))
                current.append(Incident(id=f"inc-{moved[0].key}", reports=moved))
        replay.applied.append(review.id)
    return sorted(current, key=lambda inc: inc.id)


def override(record: dict[str, Any], reviews: list[Review], replay: Replay) -> dict[str, Any]:
    """The record with the analysts' grade, place and date decisions applied, latest last."""
    keys = set(report_keys(record))
    touched = [r for r in reviews if set(r.anchors) & keys]
    for review in touched:
        if review.action == "grade":
            record["grade"] = review.value
            record["grade_reason"] = f"set by {review.who} on {review.at[:10]}" + (
                f": {review.note}" if review.note else ""
            )
        elif review.action == "place":
            record["place"] = {**review.value, "basis": "review"}
        elif review.action == "date":
            record["date"] = review.value
            record["time_precision"] = "day" if len(review.value) == 10 else "month"
            record["date_basis"] = "review"
        if review.action in ("grade", "place", "date"):
            replay.applied.append(review.id)
    record["reviews"] = [r.id for r in touched]
    return record


def report_keys(record: dict[str, Any]) -> list[str]:
    """The review anchors of an incident record: one key per report."""
    return [report_key(r) for r in record["reports"]]


def report_key(report: dict[str, Any]) -> str:
    """A report's review anchor: its article and the offset of the words that report the event
    (records written before reports carried their key use the sentence's offset)."""
    return report.get("key") or f"{report['article_id']}:{report['span'][0]:06d}"
