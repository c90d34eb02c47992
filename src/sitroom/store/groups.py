"""Store methods for families, events and stories (mixed into :class:`~sitroom.store.Store`)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import numpy as np

from sitroom.reconcile.review import report_key
from sitroom.report.records import total_casualties


class GroupTables:
    """Reads and writes of the grouping tables; ``self.db`` is the store's connection."""

    db: sqlite3.Connection

    def _tx(self) -> _Transaction:
        return _Transaction(self.db)

    # -- features ---------------------------------------------------------------------
    def articles_without_features(self, version: int) -> list[str]:
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN article_features f ON f.article_id = a.id"
            " WHERE f.article_id IS NULL OR f.version < ? ORDER BY a.id",
            (version,),
        )
        return [r[0] for r in rows]

    def save_features(self, rows: list[tuple[str, int, np.ndarray, int, dict[str, Any], np.ndarray | None]]) -> None:
        with self._tx():
            self.db.executemany(
                "INSERT OR REPLACE INTO article_features (article_id, version, minhash, shingles, doc, embedding)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        aid,
                        version,
                        mh.astype(np.uint32).tobytes(),
                        size,
                        json.dumps(doc),
                        emb.astype(np.float32).tobytes() if emb is not None else None,
                    )
                    for aid, version, mh, size, doc, emb in rows
                ],
            )

    def features(self) -> Iterator[tuple[str, np.ndarray, int, dict[str, Any], np.ndarray | None]]:
        for r in self.db.execute(
            "SELECT article_id, minhash, shingles, doc, embedding FROM article_features ORDER BY article_id"
        ):
            emb = np.frombuffer(r[4], dtype=np.float32) if r[4] is not None else None
            yield r[0], np.frombuffer(r[1], dtype=np.uint32).astype(np.int64), r[2], json.loads(r[3]), emb

    # -- copies and links ---------------------------------------------------------------
    def add_copy_pairs(self, pairs: list[tuple[str, str]]) -> None:
        with self._tx():
            self.db.executemany(
                "INSERT OR IGNORE INTO copy_pairs (a, b) VALUES (?, ?)", [tuple(sorted(p)) for p in pairs]
            )

    def forget_copy_pairs(self, article_ids: list[str]) -> None:
        """Drop the copy pairs of articles about to be matched again (their signature changed)."""
        with self._tx():
            self.db.executemany("DELETE FROM copy_pairs WHERE a = ? OR b = ?", [(i, i) for i in article_ids])

    def copy_pairs(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute("SELECT a, b FROM copy_pairs ORDER BY a, b")]

    def add_links(self, links: list[tuple[float, str, str]]) -> None:
        with self._tx():
            self.db.executemany(
                "INSERT OR REPLACE INTO group_links (a, b, score) VALUES (?, ?, ?)",
                [(min(a, b), max(a, b), score) for score, a, b in links],
            )

    def forget_links(self, article_ids: list[str]) -> None:
        """Drop the links of articles about to be scored again (their features changed)."""
        with self._tx():
            self.db.executemany("DELETE FROM group_links WHERE a = ? OR b = ?", [(i, i) for i in article_ids])

    def links(self) -> list[tuple[float, str, str]]:
        return [(r[2], r[0], r[1]) for r in self.db.execute("SELECT a, b, score FROM group_links")]

    # -- families, events, stories ------------------------------------------------------
    def replace_families(self, families: list[dict[str, Any]]) -> None:
        with self._tx():
            self.db.execute("DELETE FROM family_members")
            self.db.execute("DELETE FROM families")
            for fam in families:
                self.db.execute("INSERT INTO families (id, reference) VALUES (?, ?)", (fam["id"], fam["reference"]))
                self.db.executemany(
                    "INSERT INTO family_members (family_id, article_id, same, omitted, added, changed, credit,"
                    " inherited_date, inherited_from, translation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            fam["id"],
                            m["article_id"],
                            m["same"],
                            json.dumps(m["omitted"]),
                            json.dumps(m["added"]),
                            json.dumps(m["changed"]),
                            json.dumps(m["credit"]),
                            m["inherited_date"],
                            m["inherited_from"],
                            int(bool(m.get("translation"))),
                        )
                        for m in fam["members"]
                    ],
                )

    def families(self) -> list[dict[str, Any]]:
        out = []
        for fid, ref in self.db.execute("SELECT id, reference FROM families ORDER BY id").fetchall():
            members = []
            for r in self.db.execute(
                "SELECT article_id, same, omitted, added, changed, credit, inherited_date, inherited_from,"
                " translation FROM family_members WHERE family_id = ? ORDER BY article_id",
                (fid,),
            ):
                members.append(
                    {
                        "article_id": r[0],
                        "same": r[1],
                        "omitted": json.loads(r[2]),
                        "added": json.loads(r[3]),
                        "changed": json.loads(r[4]),
                        "credit": json.loads(r[5]),
                        "inherited_date": r[6],
                        "inherited_from": r[7],
                        "translation": bool(r[8]),
                    }
                )
            out.append({"id": fid, "reference": ref, "members": members})
        return out

    def family_of(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT article_id, family_id FROM family_members")}

    def inherited_dates(self) -> dict[str, tuple[str, str]]:
        return {
            r[0]: (r[1], r[2])
            for r in self.db.execute(
                "SELECT article_id, inherited_date, inherited_from FROM family_members WHERE inherited_date IS NOT NULL"
            )
        }

    def replace_groups(self, events: list[dict[str, Any]], stories: list[dict[str, Any]]) -> None:
        with self._tx():
            self.db.execute("DELETE FROM event_articles")
            self.db.execute("DELETE FROM events")
            self.db.execute("DELETE FROM stories")
            for s in stories:
                self.db.execute(
                    "INSERT INTO stories (id, label, first_date, last_date, places, outlets) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        s["id"],
                        s["label"],
                        s["first_date"],
                        s["last_date"],
                        json.dumps(s["places"]),
                        json.dumps(s["outlets"]),
                    ),
                )
            for e in events:
                self.db.execute(
                    "INSERT INTO events (id, story_id, label, first_date, last_date, places, outlets)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        e["id"],
                        e["story_id"],
                        e["label"],
                        e["first_date"],
                        e["last_date"],
                        json.dumps(e["places"]),
                        json.dumps(e["outlets"]),
                    ),
                )
                self.db.executemany(
                    "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                    [(e["id"], a) for a in e["article_ids"]],
                )

    def events(self, story_id: str | None = None) -> list[dict[str, Any]]:
        """Every event group (or those of one story) with its article ids."""
        where, args = (" WHERE story_id = ?", (story_id,)) if story_id else ("", ())
        out = []
        for r in self.db.execute(
            "SELECT id, story_id, label, first_date, last_date, places, outlets FROM events"
            f"{where} ORDER BY first_date, id",
            args,
        ).fetchall():
            ids = [
                x[0]
                for x in self.db.execute(
                    "SELECT article_id FROM event_articles WHERE event_id = ? ORDER BY article_id", (r[0],)
                )
            ]
            out.append(
                {
                    "id": r[0],
                    "story_id": r[1],
                    "label": r[2],
                    "first_date": r[3],
                    "last_date": r[4],
                    "places": json.loads(r[5]),
                    "outlets": json.loads(r[6]),
                    "article_ids": ids,
                }
            )
        return out

    def stories(self) -> list[dict[str, Any]]:
        events = self.events()
        out = []
        for r in self.db.execute(
            "SELECT id, label, first_date, last_date, places, outlets FROM stories ORDER BY first_date, id"
        ).fetchall():
            mine = [e for e in events if e["story_id"] == r[0]]
            out.append(
                {
                    "id": r[0],
                    "label": r[1],
                    "first_date": r[2],
                    "last_date": r[3],
                    "places": json.loads(r[4]),
                    "outlets": json.loads(r[5]),
                    "event_ids": [e["id"] for e in mine],
                    "article_ids": sorted(a for e in mine for a in e["article_ids"]),
                }
            )
        return out


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")


class FactTables:
    """Reads and writes of extracted facts; ``self.db`` is the store's connection."""

    db: sqlite3.Connection

    def articles_without_facts(self, version: int) -> list[str]:
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN fact_runs r ON r.article_id = a.id"
            " WHERE r.article_id IS NULL OR r.version < ? ORDER BY a.id",
            (version,),
        )
        return [r[0] for r in rows]

    def save_facts(self, article_id: str, version: int, facts: list[dict[str, Any]], reason: str | None) -> None:
        """Replace an article's facts in one transaction."""
        with _Transaction(self.db):
            self.db.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM search_index WHERE kind = 'claim' AND article_id = ?", (article_id,))
            self.db.executemany(
                "INSERT INTO search_index (kind, ref, article_id, title, body) VALUES ('claim', ?, ?, ?, ?)",
                [
                    (f"{article_id}:{i}", article_id, f.get("speaker") or "", f.get("content") or "")
                    for i, f in enumerate(facts)
                    if f["kind"] == "claim"
                ],
            )
            self.db.executemany(
                "INSERT INTO facts (article_id, seq, kind, start, end, text, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        article_id,
                        i,
                        f["kind"],
                        f["span"][0],
                        f["span"][1],
                        f["text"],
                        json.dumps({k: v for k, v in f.items() if k not in ("kind", "span", "text", "article_id")}),
                    )
                    for i, f in enumerate(facts)
                ],
            )
            self.db.execute(
                "INSERT OR REPLACE INTO fact_runs (article_id, version, analysed, reason) VALUES (?, ?, ?, ?)",
                (article_id, version, int(reason is None), reason),
            )

    def facts(self, article_id: str | None = None) -> list[dict[str, Any]]:
        query = "SELECT article_id, kind, start, end, text, data FROM facts"
        args: tuple = ()
        if article_id:
            query += " WHERE article_id = ?"
            args = (article_id,)
        out = []
        for r in self.db.execute(query + " ORDER BY article_id, seq", args):
            out.append({"kind": r[1], "article_id": r[0], "span": [r[2], r[3]], "text": r[4], **json.loads(r[5])})
        return out

    def place_names(self) -> dict[str, Counter[str]]:
        """How often each article's facts name each geocoded place (for group summaries)."""
        out: dict[str, Counter[str]] = {}
        for article_id, name in self.db.execute(
            "SELECT article_id, json_extract(data, '$.name') FROM facts WHERE kind = 'place'"
        ):
            if name:
                out.setdefault(article_id, Counter())[name] += 1
        return out

    def skipped_articles(self) -> list[tuple[str, str]]:
        return [
            (r[0], r[1])
            for r in self.db.execute("SELECT article_id, reason FROM fact_runs WHERE analysed = 0 ORDER BY article_id")
        ]


def _incident_row(i: dict[str, Any]) -> tuple:
    """The incident's record and the columns the desk filters and sorts on."""
    place = i.get("place") or {}
    killed = total_casualties(i, "killed")
    return (
        i["id"],
        i.get("date"),
        json.dumps(i),
        i["type"],
        i["sub_type"],
        i["grade"],
        place.get("country"),
        place.get("name"),
        place.get("lat"),
        place.get("lon"),
        place.get("precision"),
        i.get("story_id"),
        int(bool(i.get("contested"))),
        killed["low"]["value"] if killed else 0,
        killed["high"]["value"] if killed else 0,
        i.get("n_reports", 0),
        int(i.get("role") == "main"),
    )


class ReconcileTables:
    """Incidents and propositions, as JSON records rebuilt by the reconcile stage."""

    db: sqlite3.Connection

    def replace_reconciled(self, incidents: list[dict[str, Any]], propositions: list[dict[str, Any]]) -> None:
        with _Transaction(self.db):
            self.db.execute("DELETE FROM incident_reports")
            self.db.execute("DELETE FROM incidents")
            self.db.execute("DELETE FROM propositions")
            self.db.executemany(
                "INSERT INTO incidents (id, first_date, data, type, sub_type, grade, country, location, lat, lon,"
                " geo_precision, story_id, contested, killed_low, killed_high, n_reports, main)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_incident_row(i) for i in incidents],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO incident_reports (incident_id, report_key, article_id) VALUES (?, ?, ?)",
                [(i["id"], report_key(r), r["article_id"]) for i in incidents for r in i["reports"]],
            )
            now = datetime.now(UTC).isoformat(timespec="seconds")
            self.db.executemany(
                "INSERT OR IGNORE INTO first_seen (kind, id, at) VALUES ('incident', ?, ?)",
                [(i["id"], now) for i in incidents],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO first_seen (kind, id, at) VALUES ('denial', ?, ?)",
                [(f"{p['id']}:{d['article_id']}:{d['span'][0]}", now) for p in propositions for d in p["denied_by"]],
            )
            self.db.executemany(
                "INSERT INTO propositions (id, status, data) VALUES (?, ?, ?)",
                [(p["id"], p["status"], json.dumps(p)) for p in propositions],
            )
            self.db.execute(
                "UPDATE propositions SET latest = (SELECT max(a.published) FROM json_each(propositions.data,"
                " '$.article_ids') j JOIN articles a ON a.id = j.value) WHERE status = 'contested'"
            )

    def update_incident(self, record: dict[str, Any]) -> None:
        """Store one changed incident record (an analyst's decision applied at once)."""
        row = _incident_row(record)
        self.db.execute(
            "UPDATE incidents SET first_date = ?, data = ?, type = ?, sub_type = ?, grade = ?, country = ?,"
            " location = ?, lat = ?, lon = ?, geo_precision = ?, story_id = ?, contested = ?, killed_low = ?,"
            " killed_high = ?, n_reports = ?, main = ? WHERE id = ?",
            (*row[1:], row[0]),
        )

    def replace_reference_dates(self, dates: dict[str, dict[str, str]]) -> None:
        with _Transaction(self.db):
            self.db.execute("DELETE FROM reference_dates")
            self.db.executemany(
                "INSERT INTO reference_dates (article_id, value, precision, earliest, latest, evidence)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (aid, d["value"], d["precision"], d["earliest"], d["latest"], d["evidence"])
                    for aid, d in sorted(dates.items())
                ],
            )

    def reference_date(self, article_id: str) -> dict[str, str] | None:
        """The reference date the reconcile stage estimated for an article, with its evidence."""
        row = self.db.execute(
            "SELECT value, precision, earliest, latest, evidence FROM reference_dates WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        return {"value": row[0], "precision": row[1], "earliest": row[2], "latest": row[3], "evidence": row[4]}

    def incidents(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.db.execute("SELECT data FROM incidents ORDER BY first_date, id")]

    def propositions(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.db.execute("SELECT data FROM propositions ORDER BY id")]
