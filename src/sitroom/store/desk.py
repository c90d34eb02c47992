"""Store reads for the desk: filtered incident lists, map points, a timeline, search, sources.

Every filter is an indexed column of the incidents table (see migration 007), so a list
or a map answers from an index however many incidents are stored; only the page of
results being shown has its JSON record parsed.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from sitroom.report.areas import bbox, contains
from sitroom.report.records import total_casualties

MAP_LIMIT = 2000  # points sent to the map at most: the heaviest first, the rest counted


@dataclass(slots=True)
class IncidentFilter:
    """What the desk can filter incidents on. Empty fields filter nothing."""

    since: str | None = None
    until: str | None = None
    type: str | None = None
    grade: str | None = None
    story: str | None = None
    country: str | None = None
    contested: bool = False
    area: dict[str, Any] | None = None  # a validated watch-area shape

    def where(self) -> tuple[str, list[Any]]:
        clauses, args = ["1 = 1"], []
        if self.since:
            clauses.append("first_date >= ?")
            args.append(self.since)
        if self.until:
            clauses.append("substr(first_date, 1, 10) <= ?")
            args.append(self.until)
        for column, value in (("type", self.type), ("grade", self.grade), ("story_id", self.story)):
            if value:
                clauses.append(f"{column} = ?")
                args.append(value)
        if self.country:
            clauses.append("country = ?")
            args.append(self.country.upper())
        if self.contested:
            clauses.append("contested = 1")
        if self.area:
            south, west, north, east = bbox(self.area)
            clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            args += [south, north, west, east]
        return " AND ".join(clauses), args

    def keeps(self, lat: float | None, lon: float | None) -> bool:
        """The exact area test, after the bounding box the SQL used."""
        return not self.area or (lat is not None and lon is not None and contains(self.area, lat, lon))

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, False, "")}


def _summary(row: sqlite3.Row) -> dict[str, Any]:
    data = json.loads(row["data"])
    killed = total_casualties(data, "killed")
    return {
        "id": data["id"],
        "date": data.get("date"),
        "type": data["type"],
        "sub_type": data["sub_type"],
        "status": data.get("status"),
        "actors": data.get("actors") or [],
        "location": (data.get("place") or {}).get("name"),
        "country": (data.get("place") or {}).get("country"),
        "grade": data["grade"],
        "killed": [killed["low"]["value"], killed["best"]["value"], killed["high"]["value"]] if killed else None,
        "n_reports": data["n_reports"],
        "contested": bool(data.get("contested")),
        "role": data.get("role"),
        "story_id": data.get("story_id"),
        "reviewed": bool(data.get("reviews")),
    }


_ORDER = "main DESC, n_reports DESC, killed_high DESC, first_date DESC, id"


class DeskTables:
    db: sqlite3.Connection

    def incident_list(self, flt: IncidentFilter, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        """(how many match, one page of summaries), the most reported main incidents first."""
        where, args = flt.where()
        if flt.area:
            rows = self.db.execute(f"SELECT id, lat, lon FROM incidents WHERE {where} ORDER BY {_ORDER}", args)
            ids = [r["id"] for r in rows if flt.keeps(r["lat"], r["lon"])]
            page = ids[offset : offset + limit]
            found = {
                r["id"]: r
                for r in self.db.execute(
                    f"SELECT id, data FROM incidents WHERE id IN ({','.join('?' * len(page))})", page
                )
            }
            return len(ids), [_summary(found[i]) for i in page]
        total = self.db.execute(f"SELECT count(*) FROM incidents WHERE {where}", args).fetchone()[0]
        rows = self.db.execute(
            f"SELECT data FROM incidents WHERE {where} ORDER BY {_ORDER} LIMIT ? OFFSET ?", [*args, limit, offset]
        )
        return total, [_summary(r) for r in rows]

    def map_points(self, flt: IncidentFilter, limit: int = MAP_LIMIT) -> tuple[int, list[dict]]:
        """(how many placed incidents match, the heaviest ``limit`` as compact points)."""
        where, args = flt.where()
        columns = (
            "SELECT id, first_date, type, sub_type, grade, location, country, lat, lon, geo_precision,"
            f" killed_low, killed_high, contested FROM incidents WHERE {where} AND lat IS NOT NULL"
            " ORDER BY killed_high DESC, n_reports DESC, id"
        )
        if flt.area:  # the exact shape test runs here, so every candidate of the bounding box is read
            rows = [r for r in self.db.execute(columns, args) if flt.keeps(r["lat"], r["lon"])]
            total, rows = len(rows), rows[:limit]
        else:
            total = self.db.execute(
                f"SELECT count(*) FROM incidents WHERE {where} AND lat IS NOT NULL", args
            ).fetchone()[0]
            rows = self.db.execute(columns + " LIMIT ?", [*args, limit]).fetchall()
        return total, [
            {
                "id": r["id"],
                "date": r["first_date"],
                "type": r["type"],
                "sub_type": r["sub_type"],
                "grade": r["grade"],
                "location": r["location"],
                "country": r["country"],
                "lat": r["lat"],
                "lon": r["lon"],
                "precision": r["geo_precision"],
                "killed": [r["killed_low"], r["killed_high"]],
                "contested": bool(r["contested"]),
            }
            for r in rows
        ]

    def timeline(self, flt: IncidentFilter) -> list[dict[str, Any]]:
        """Incidents per day and type (undated ones are left out and counted by the list)."""
        where, args = flt.where()
        rows = self.db.execute(
            f"SELECT substr(first_date, 1, 10) AS day, type, count(*) AS n, lat, lon FROM incidents WHERE {where}"
            " AND first_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
            " GROUP BY day, type ORDER BY day, type"
            if not flt.area
            else f"SELECT substr(first_date, 1, 10) AS day, type, lat, lon FROM incidents WHERE {where}"
            " AND first_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' ORDER BY day, type",
            args,
        ).fetchall()
        if not flt.area:
            return [{"day": r["day"], "type": r["type"], "count": r["n"]} for r in rows]
        counts: dict[tuple[str, str], int] = {}
        for r in rows:
            if flt.keeps(r["lat"], r["lon"]):
                counts[(r["day"], r["type"])] = counts.get((r["day"], r["type"]), 0) + 1
        return [{"day": d, "type": t, "count": n} for (d, t), n in sorted(counts.items())]

    def facets(self) -> dict[str, list[str]]:
        """The values each filter can take, for the filter form."""
        one = self.db.execute
        return {
            "types": [r[0] for r in one("SELECT DISTINCT type FROM incidents WHERE type IS NOT NULL ORDER BY 1")],
            "grades": [r[0] for r in one("SELECT DISTINCT grade FROM incidents WHERE grade IS NOT NULL ORDER BY 1")],
            "countries": [
                r[0] for r in one("SELECT DISTINCT country FROM incidents WHERE country IS NOT NULL ORDER BY 1")
            ],
        }

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def incident_of_report(self, report_key: str) -> str | None:
        row = self.db.execute("SELECT incident_id FROM incident_reports WHERE report_key = ?", (report_key,)).fetchone()
        return row[0] if row else None

    def incidents_of_article(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT DISTINCT i.data FROM incident_reports r JOIN incidents i ON i.id = r.incident_id"
            " WHERE r.article_id = ? ORDER BY i.id",
            (article_id,),
        )
        return [_summary(r) for r in rows]

    def propositions_by_id(self, ids: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        rows = self.db.execute(f"SELECT data FROM propositions WHERE id IN ({','.join('?' * len(ids))})", ids)
        found = {p["id"]: p for p in (json.loads(r[0]) for r in rows)}
        return [found[i] for i in ids if i in found]

    def contested_claims(self, limit: int = 10) -> list[dict[str, Any]]:
        """Contested propositions, those reported most recently first."""
        rows = self.db.execute(
            "SELECT data, latest FROM propositions WHERE status = 'contested' ORDER BY latest DESC, id LIMIT ?",
            (limit,),
        )
        return [{**json.loads(r[0]), "latest": r[1]} for r in rows]

    def new_since(self, kind: str, since: str) -> set[str]:
        """Ids first seen after ``since`` (incidents, or denials as 'proposition:article:offset')."""
        return {r[0] for r in self.db.execute("SELECT id FROM first_seen WHERE kind = ? AND at > ?", (kind, since))}

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Articles and claims matching every word of ``query``, best first, with a snippet."""
        words = re.findall(r"\w+", query, flags=re.UNICODE)[:12]
        if not words:
            return []
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.db.execute(
            "SELECT kind, ref, article_id, title, snippet(search_index, 4, '\x02', '\x03', ' … ', 16) AS snip"
            " FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 0, 0, 0, 4.0, 1.0) LIMIT ?",
            (match, limit),
        )
        return [
            {
                "kind": r["kind"],
                "ref": r["ref"],
                "article_id": r["article_id"],
                "title": r["title"],
                "snippet": r["snip"],
            }
            for r in rows
        ]

    def sources(self) -> list[dict[str, Any]]:
        """Per outlet: articles, how many are copies of another outlet's text, claims by stance, incidents."""
        rows = self.db.execute(
            """
            WITH arts AS (SELECT id, coalesce(outlet, '(unknown)') AS outlet FROM articles),
            totals AS (SELECT outlet, count(*) AS n FROM arts GROUP BY outlet),
            copies AS (
                SELECT arts.outlet, count(*) AS n FROM family_members m JOIN families f ON f.id = m.family_id
                JOIN arts ON arts.id = m.article_id WHERE m.article_id != f.reference GROUP BY arts.outlet
            ),
            claims AS (
                SELECT arts.outlet, sum(json_extract(f.data, '$.stance') = 'asserts') AS asserts,
                       sum(json_extract(f.data, '$.stance') = 'denies') AS denies
                FROM facts f JOIN arts ON arts.id = f.article_id WHERE f.kind = 'claim' GROUP BY arts.outlet
            ),
            reported AS (
                SELECT arts.outlet, count(DISTINCT r.incident_id) AS n FROM incident_reports r
                JOIN arts ON arts.id = r.article_id GROUP BY arts.outlet
            )
            SELECT totals.outlet AS outlet, totals.n AS articles, coalesce(copies.n, 0) AS copies,
                   coalesce(claims.asserts, 0) AS asserts, coalesce(claims.denies, 0) AS denies,
                   coalesce(reported.n, 0) AS incidents
            FROM totals LEFT JOIN copies USING (outlet) LEFT JOIN claims USING (outlet)
            LEFT JOIN reported USING (outlet)
            ORDER BY articles DESC, outlet
            """
        )
        return [dict(r) for r in rows]

    def speakers_of(self, outlet: str, limit: int = 5) -> list[dict[str, Any]]:
        """Whom an outlet's articles quote most, with the stance."""
        rows = self.db.execute(
            "SELECT json_extract(f.data, '$.speaker') AS speaker, json_extract(f.data, '$.stance') AS stance,"
            " count(*) AS n FROM facts f JOIN articles a ON a.id = f.article_id"
            " WHERE f.kind = 'claim' AND coalesce(a.outlet, '(unknown)') = ? GROUP BY speaker, stance"
            " ORDER BY n DESC, speaker LIMIT ?",
            (outlet, limit),
        )
        return [dict(r) for r in rows]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its events (each with its article ids), without reading the others."""
        row = self.db.execute(
            "SELECT id, label, first_date, last_date, places, outlets FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if row is None:
            return None
        events = self.events(story_id)
        return {
            "id": row[0],
            "label": row[1],
            "first_date": row[2],
            "last_date": row[3],
            "places": json.loads(row[4]),
            "outlets": json.loads(row[5]),
            "events": events,
        }

    def story_list(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT s.id, s.label, s.first_date, s.last_date, count(DISTINCT ea.article_id) AS articles"
            " FROM stories s LEFT JOIN events e ON e.story_id = s.id LEFT JOIN event_articles ea ON ea.event_id = e.id"
            " GROUP BY s.id ORDER BY articles DESC, s.first_date DESC LIMIT ?",
            (limit,),
        )
        return [dict(r) for r in rows]

    def story_labels(self, story_ids: list[str]) -> list[dict[str, Any]]:
        """Id and label of the given stories (the story filter offers those on screen)."""
        ids = sorted(set(story_ids))
        rows = self.db.execute(
            f"SELECT id, label FROM stories WHERE id IN ({','.join('?' * len(ids))}) ORDER BY label", ids
        )
        return [dict(r) for r in rows]

    def story_of_article(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT e.story_id FROM event_articles ea JOIN events e ON e.id = ea.event_id WHERE ea.article_id = ?",
            (article_id,),
        ).fetchone()
        return row[0] if row else None

    def _rows_for(self, query: str, ids: list[str], chunk: int = 500) -> Iterator[sqlite3.Row]:
        """Rows of ``query`` (whose ``IN ({})`` is filled with placeholders) for ``ids``, in
        chunks under SQLite's limit on bound parameters."""
        for at in range(0, len(ids), chunk):
            part = ids[at : at + chunk]
            yield from self.db.execute(query.format(",".join("?" * len(part))), part)

    def memberships(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Each article's copy-family membership: family, reference, and what the copy cut or changed."""
        out: dict[str, dict[str, Any]] = {}
        for r in self._rows_for(
            "SELECT m.article_id, m.family_id, f.reference, m.same, m.omitted, m.added, m.changed, m.credit,"
            " m.translation FROM family_members m JOIN families f ON f.id = m.family_id WHERE m.article_id IN ({})",
            article_ids,
        ):
            out[r[0]] = {
                "family": r[1],
                "reference": r[2],
                "is_copy": r[0] != r[2],
                "same": r[3],
                "omitted": json.loads(r[4]),
                "added": json.loads(r[5]),
                "changed": json.loads(r[6]),
                "credit": json.loads(r[7]),
                "translation": bool(r[8]),
            }
        return out

    def article_heads(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Outlet, title, date and language of articles, without their bodies."""
        out: dict[str, dict[str, Any]] = {}
        for r in self._rows_for(
            "SELECT a.id, a.outlet, a.title, a.published, a.language, p.url FROM articles a"
            " JOIN pages p ON p.id = a.page_id WHERE a.id IN ({})",
            article_ids,
        ):
            out[r[0]] = {
                "id": r[0],
                "outlet": r[1],
                "title": r[2],
                "published": r[3],
                "language": r[4],
                "url": r[5],
            }
        return out
