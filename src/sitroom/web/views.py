"""What each desk page shows, as plain data: the HTML page and its JSON twin both come from here.

A view takes the store and validated parameters and returns a dict; it holds no HTTP and
no HTML. Routes render the dict with a template, or return it as JSON, so the API and
the pages can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from sitroom.extract.gazetteer import country_name
from sitroom.reconcile.review import GRADES, report_key, report_keys
from sitroom.report.areas import AreaError
from sitroom.report.areas import validate as validate_area
from sitroom.report.diff import word_diff
from sitroom.store import Store
from sitroom.store.desk import IncidentFilter

PAGE_SIZE = 50
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+|\n\n")


class NotFound(LookupError):
    """The record asked for is not in the store."""


class BadRequest(ValueError):
    """A parameter the desk cannot use, with what was expected."""


def _day(name: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadRequest(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def parse_filter(params: Mapping[str, str]) -> IncidentFilter:
    """The incident filter from query parameters; unknown values are refused with the reason."""
    since, until = _day("since", params.get("since")), _day("until", params.get("until"))
    if since and until and since > until:
        raise BadRequest(f"since ({since}) is after until ({until})")
    grade = params.get("grade") or None
    if grade and grade not in GRADES:
        raise BadRequest(f"grade must be one of {', '.join(GRADES)}, not {grade!r}")
    country = (params.get("country") or "").strip().upper() or None
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise BadRequest(f"country must be a two-letter ISO code such as SY, not {country!r}")
    contested = (params.get("contested") or "").lower()
    if contested not in ("", "0", "1", "true", "false", "on", "off"):
        raise BadRequest(f"contested must be true or false, not {contested!r}")
    area = None
    if params.get("near"):
        try:
            lat, lon, km = (float(x) for x in params["near"].split(","))
            area = validate_area({"circle": [lat, lon, km]})
        except (ValueError, AreaError) as exc:
            raise BadRequest(f"near must be 'lat,lon,km' ({exc})") from None
    return IncidentFilter(
        since=since,
        until=until,
        type=params.get("type") or None,
        grade=grade,
        story=params.get("story") or None,
        country=country,
        contested=contested in ("1", "true", "on"),
        area=area,
    )


def _page(params: Mapping[str, str]) -> int:
    raw = params.get("page") or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise BadRequest(f"page must be a whole number from 1, not {raw!r}")
    return int(raw)


def sentence_around(body: str, span: list[int] | tuple[int, int]) -> str:
    """The sentence holding ``span``: what a reader needs to check a figure."""
    start, end = span
    left = max((m.end() for m in _SENTENCE_END.finditer(body, 0, start)), default=0)
    right = next((m.start() + 1 for m in _SENTENCE_END.finditer(body, end)), len(body))
    return body[left:right].strip()


# -- overview -----------------------------------------------------------------------------
def overview(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    flt = parse_filter(params)
    page = _page(params)
    total, incidents = store.incident_list(flt, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return {
        "filters": flt.as_dict(),
        "facets": {
            **store.facets(),
            "stories": store.story_labels([i["story_id"] for i in incidents if i["story_id"]] + [flt.story or ""]),
        },
        "total": total,
        "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "incidents": incidents,
        "contested_claims": [_claim_summary(p) for p in store.contested_claims(8)],
        "counts": store.counts(),
    }


def map_data(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    total, points = store.map_points(parse_filter(params))
    return {"total": total, "shown": len(points), "points": points}


def timeline(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    return {"days": store.timeline(parse_filter(params))}


def _claim_summary(prop: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": prop["id"],
        "text": prop["text"],
        "status": prop["status"],
        "asserted_by": sorted({w["speaker"] for w in prop["asserted_by"]}),
        "denied_by": sorted({w["speaker"] for w in prop["denied_by"]}),
        "latest": prop.get("latest"),
        "article_ids": prop.get("article_ids", []),
    }


# -- incident -----------------------------------------------------------------------------
def incident(store: Store, incident_id: str) -> dict[str, Any]:
    record = store.incident(incident_id)
    if record is None:
        raise NotFound(f"no incident {incident_id!r} (it may have been merged or rebuilt: search for it)")
    ids = sorted({r["article_id"] for r in record["reports"]})
    bound_ids = sorted({c[b]["article_id"] for c in record["casualties"] for b in ("low", "best", "high")})
    heads = store.article_heads(sorted(set(ids) | set(bound_ids)))
    bodies = {aid: getattr(store.find_article(aid), "body", "") for aid in bound_ids}
    members = store.memberships(ids)
    casualties = []
    for c in record["casualties"]:
        bounds = {}
        for name in ("low", "best", "high"):
            b = c[name]
            head = heads.get(b["article_id"], {})
            bounds[name] = {
                **b,
                "outlet": head.get("outlet"),
                "title": head.get("title"),
                "published": head.get("published"),
                "sentence": sentence_around(bodies.get(b["article_id"], ""), b["span"]) or b["text"],
            }
        casualties.append({**c, **bounds})
    reports = [
        {
            **r,
            "key": report_key(r),
            "outlet": heads.get(r["article_id"], {}).get("outlet"),
            "title": heads.get(r["article_id"], {}).get("title"),
            "published": heads.get(r["article_id"], {}).get("published"),
            "url": heads.get(r["article_id"], {}).get("url"),
            "copy_of": members[r["article_id"]]["reference"]
            if members.get(r["article_id"], {}).get("is_copy")
            else None,
        }
        for r in record["reports"]
    ]
    place = record.get("place")
    return {
        "incident": {**record, "casualties": casualties, "reports": reports},
        "country_name": country_name(place.get("country")) if place else None,
        "ledger": [_ledger_entry(p, heads) for p in store.propositions_by_id(record.get("propositions", []))],
        "audit": store.audit(anchors=report_keys(record), incident_id=record["id"]),
        "grades": list(GRADES),
    }


def _ledger_entry(prop: dict[str, Any], heads: dict[str, dict]) -> dict[str, Any]:
    def who(w: dict) -> dict:
        return {**w, "outlet": heads.get(w["article_id"], {}).get("outlet")}

    return {
        **prop,
        "asserted_by": [who(w) for w in prop["asserted_by"]],
        "denied_by": [who(w) for w in prop["denied_by"]],
    }


# -- story --------------------------------------------------------------------------------
def story(store: Store, story_id: str) -> dict[str, Any]:
    found = store.story(story_id)
    if found is None:
        raise NotFound(f"no story {story_id!r}")
    ids = sorted({a for e in found["events"] for a in e["article_ids"]})
    heads = store.article_heads(ids)
    members = store.memberships(ids)
    events = []
    for event in found["events"]:
        columns = []
        for aid in sorted(event["article_ids"], key=lambda a: (heads.get(a, {}).get("published") or "", a)):
            member = members.get(aid)
            columns.append(
                {
                    **heads.get(aid, {"id": aid}),
                    "family": member["family"] if member else None,
                    "copy_of": member["reference"] if member and member["is_copy"] else None,
                    "credit": member["credit"] if member else [],
                    "translation": bool(member and member["translation"]),
                    "omitted": member["omitted"] if member and member["is_copy"] else [],
                    "added": member["added"] if member and member["is_copy"] else [],
                    "changes": [word_diff(ch["reference"], ch["copy"]) for ch in (member["changed"] if member else [])][
                        :8
                    ],
                }
            )
        events.append({**event, "articles": columns})
    total, incidents = store.incident_list(IncidentFilter(story=story_id), 100)
    return {"story": {**found, "events": events, "n_articles": len(ids)}, "incidents": incidents, "n_incidents": total}


# -- article ------------------------------------------------------------------------------
INLINE_KINDS = ("place", "time", "figure")


def _segments(body: str, start: int, end: int, facts: list[dict]) -> list[dict[str, Any]]:
    """The paragraph as runs of text, each either plain or one highlighted fact."""
    out, at = [], start
    for number, fact in facts:
        s, e = fact["span"]
        if s < at or e > end or s < start:
            continue
        if s > at:
            out.append({"text": body[at:s]})
        out.append({"text": body[s:e], "kind": fact["kind"], "n": number, "title": _fact_title(fact)})
        at = e
    if at < end:
        out.append({"text": body[at:end]})
    return out


def _fact_title(fact: dict) -> str:
    if fact["kind"] == "place":
        return (
            f"place: {fact.get('name')} ({fact.get('country')}), {fact.get('precision')}, role {fact.get('role', '?')}"
        )
    if fact["kind"] == "time":
        return f"time: {fact.get('value') or 'unresolved'} ({fact.get('precision')})"
    return f"figure: {fact.get('figure')} {fact.get('qualifier', '')} {fact.get('value')}".replace("  ", " ")


def article(store: Store, article_id: str) -> dict[str, Any]:
    found = store.find_article(article_id)
    if found is None:
        raise NotFound(f"no article {article_id!r}")
    facts = store.facts(found.id)
    numbered = list(enumerate(facts, start=1))
    inline = sorted(((n, f) for n, f in numbered if f["kind"] in INLINE_KINDS), key=lambda x: x[1]["span"][0])
    blocks = [
        {
            "kind": "paragraph",
            "order": (p.page_start if p.page_start is not None else p.line or 0, 0),
            "segments": _segments(found.body, p.start, p.end, inline),
        }
        for p in found.paragraphs
    ]
    blocks += [
        {
            "kind": "removed",
            "order": (r.page_start if r.page_start is not None else r.line or 0, 1),
            "text": r.text,
            "reason": r.reason,
        }
        for r in found.removed
    ]
    blocks.sort(key=lambda b: b["order"])
    for b in blocks:
        b.pop("order")
    source, source_id = store.source_of(found.page_id)
    info = store.page_info(found.page_id) or {}
    pub = found.published
    return {
        "article": {
            "id": found.id,
            "title": found.title,
            "standfirst": found.standfirst,
            "outlet": found.outlet,
            "author": found.author,
            "language": found.language,
            "dateline": found.dateline,
            "published": pub.value if pub else None,
            "published_evidence": pub.evidence if pub else None,
            "reference_date": store.reference_date(found.id),
            "url": info.get("url"),
            "source": source,
            "source_id": source_id,
            "n_removed": len(found.removed),
        },
        "blocks": blocks,
        "claims": [{**f, "n": n} for n, f in numbered if f["kind"] == "claim"],
        "events": [{**f, "n": n} for n, f in numbered if f["kind"] == "event"],
        "incidents": store.incidents_of_article(found.id),
        "story_id": store.story_of_article(found.id),
        "family": store.memberships([found.id]).get(found.id),
    }


# -- search and sources -------------------------------------------------------------------
def search(store: Store, params: Mapping[str, str]) -> dict[str, Any]:
    query = (params.get("q") or "").strip()
    if len(query) > 200:
        raise BadRequest("a search is at most 200 characters")
    hits = store.search(query) if query else []
    heads = store.article_heads(sorted({h["article_id"] for h in hits}))
    results = []
    for hit in hits:
        head = heads.get(hit["article_id"], {})
        parts = []  # the snippet as runs, matched words marked, for safe rendering
        text = hit["snippet"]
        for piece in re.split(r"(\x02[^\x03]*\x03)", text):
            if piece.startswith("\x02"):
                parts.append({"text": piece.strip("\x02\x03"), "match": True})
            elif piece:
                parts.append({"text": piece, "match": False})
        results.append(
            {
                "kind": hit["kind"],
                "article_id": hit["article_id"],
                "speaker": hit["title"] if hit["kind"] == "claim" else None,
                "title": head.get("title"),
                "outlet": head.get("outlet"),
                "published": head.get("published"),
                "snippet": parts,
            }
        )
    return {"q": query, "results": results}


def sources(store: Store) -> dict[str, Any]:
    outlets = store.sources()
    for row in outlets[:50]:
        row["speakers"] = store.speakers_of(row["outlet"])
    return {"sources": outlets}
