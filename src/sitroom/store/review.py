"""Store methods for analysts' reviews (with their audit trail) and watch areas."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from sitroom.reconcile.review import Review


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ReviewTables:
    """Reviews are never deleted: the table is the audit trail (who, when, before, after)."""

    db: sqlite3.Connection

    def add_review(
        self,
        action: str,
        anchors: list[str],
        value: Any,
        who: str,
        note: str = "",
        incident_id: str | None = None,
        before: Any = None,
        after: Any = None,
    ) -> int:
        cur = self.db.execute(
            "INSERT INTO reviews (at, who, action, anchors, value, note, incident_id, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _now(),
                who,
                action,
                json.dumps(anchors),
                json.dumps(value),
                note,
                incident_id,
                json.dumps(before),
                json.dumps(after),
            ),
        )
        return int(cur.lastrowid or 0)

    def set_review_after(self, review_id: int, after: Any) -> None:
        self.db.execute("UPDATE reviews SET after = ? WHERE id = ?", (json.dumps(after), review_id))

    def reviews(self) -> list[Review]:
        """Every review in the order made: the order the rebuild replays them in."""
        return [
            Review(r[0], r[1], json.loads(r[2]), json.loads(r[3]) if r[3] else None, r[4], r[5], r[6])
            for r in self.db.execute("SELECT id, action, anchors, value, who, at, note FROM reviews ORDER BY id")
        ]

    def mark_replayed(self, applied: list[int]) -> None:
        """Record which reviews the last rebuild could apply (the rest found none of their reports)."""
        self.db.execute("UPDATE reviews SET applied = 0")
        self.db.executemany("UPDATE reviews SET applied = 1 WHERE id = ?", [(i,) for i in applied])

    def audit(self, anchors: list[str] | None = None, incident_id: str | None = None) -> list[dict[str, Any]]:
        """The audit trail: all of it, or the entries about an incident's reports or id."""
        rows = self.db.execute(
            "SELECT id, at, who, action, anchors, value, note, incident_id, before, after, applied"
            " FROM reviews ORDER BY id"
        ).fetchall()
        wanted = set(anchors or [])
        out = []
        for r in rows:
            keys = json.loads(r[4])
            if (anchors is None and incident_id is None) or wanted & set(keys) or (incident_id and r[7] == incident_id):
                out.append(
                    {
                        "id": r[0],
                        "at": r[1],
                        "who": r[2],
                        "action": r[3],
                        "anchors": keys,
                        "value": json.loads(r[5]) if r[5] else None,
                        "note": r[6],
                        "incident_id": r[7],
                        "before": json.loads(r[8]) if r[8] else None,
                        "after": json.loads(r[9]) if r[9] else None,
                        "applied": bool(r[10]),
                    }
                )
        return out

    # -- watch areas ------------------------------------------------------------------
    def add_watch(self, name: str, shape: dict[str, Any], filters: dict[str, Any]) -> int:
        now = _now()
        cur = self.db.execute(
            "INSERT INTO watch_areas (name, shape, filters, created, last_visit) VALUES (?, ?, ?, ?, ?)",
            (name, json.dumps(shape), json.dumps(filters), now, now),
        )
        return int(cur.lastrowid or 0)

    def watches(self) -> list[dict[str, Any]]:
        return [self._watch(r) for r in self.db.execute("SELECT * FROM watch_areas ORDER BY id")]

    def watch(self, watch_id: int) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM watch_areas WHERE id = ?", (watch_id,)).fetchone()
        return self._watch(row) if row else None

    def visit_watch(self, watch_id: int) -> None:
        self.db.execute("UPDATE watch_areas SET last_visit = ? WHERE id = ?", (_now(), watch_id))

    def delete_watch(self, watch_id: int) -> bool:
        return self.db.execute("DELETE FROM watch_areas WHERE id = ?", (watch_id,)).rowcount > 0

    @staticmethod
    def _watch(row: sqlite3.Row) -> dict[str, Any]:
        return {
            "id": row["id"],
            "name": row["name"],
            "shape": json.loads(row["shape"]),
            "filters": json.loads(row["filters"]),
            "created": row["created"],
            "last_visit": row["last_visit"],
        }
