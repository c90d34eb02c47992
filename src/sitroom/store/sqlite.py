"""SQLite store: one file, migrations recorded in it, one writer, one transaction a page.

Each page and everything cleaned from it is written in a single transaction, so a run
that is interrupted loses nothing it had committed, and running it again resumes: pages
already stored (same content hash, same cleaning version) are skipped. Reads use the same
connection in this process; the command line is the only writer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sitroom.errors import StoreError
from sitroom.model import Article, Page, Paragraph, PublishedDate, RemovedSpan
from sitroom.store.desk import DeskTables
from sitroom.store.groups import FactTables, GroupTables, ReconcileTables
from sitroom.store.review import ReviewTables


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files("sitroom.store").joinpath("migrations").iterdir():
        name = entry.name
        if name.endswith(".sql"):
            found.append((int(name.split("_", 1)[0]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class Store(GroupTables, FactTables, ReconcileTables, DeskTables, ReviewTables):
    """The project's database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{self.path}: not a sitroom database ({exc})") from exc
        except StoreError:
            self.db.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return the names applied."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        known = _migrations()
        newest = max((v for v, _, _ in known), default=0)
        if done and max(done) > newest:
            raise StoreError(
                f"{self.path}: database schema version {max(done)} is newer than this "
                f"sitroom knows ({newest}); upgrade sitroom"
            )
        applied = []
        for version, name, sql in known:
            if version in done:
                continue
            self.db.execute("BEGIN")
            try:
                for statement in sql.split(";\n"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM schema_migrations ORDER BY version")]

    # -- writing --------------------------------------------------------------------
    def page_state(self, page_id: str) -> tuple[str, int | None, str | None] | None:
        """``(status, clean_version, error)`` of a stored page, or None when it is new."""
        row = self.db.execute("SELECT status, clean_version, error FROM pages WHERE id = ?", (page_id,)).fetchone()
        return (row["status"], row["clean_version"], row["error"]) if row else None

    def _upsert_page(self, page: Page, status: str, error: str | None, clean_version: int | None) -> None:
        self.db.execute(
            "INSERT INTO pages (id, source, source_id, url, outlet, content_type, encoding, raw, text,"
            " published_hint, retrieved, status, error, clean_version, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET status = excluded.status, error = excluded.error,"
            " clean_version = excluded.clean_version, source_id = COALESCE(excluded.source_id, source_id),"
            " outlet = COALESCE(excluded.outlet, outlet),"
            " published_hint = COALESCE(excluded.published_hint, published_hint)",
            (
                page.id,
                page.source,
                page.source_id,
                page.url,
                page.outlet,
                page.content_type,
                page.encoding,
                page.raw,
                page.text,
                page.published_hint,
                page.retrieved,
                status,
                error,
                clean_version,
                _now(),
            ),
        )

    def save_page(self, page: Page, articles: list[Article], clean_version: int) -> None:
        """Store a page and its articles, replacing what an older cleaning left."""
        self.db.execute("BEGIN")
        try:
            self._upsert_page(page, "ok", None, clean_version)
            self.db.execute(
                "DELETE FROM search_index WHERE article_id IN (SELECT id FROM articles WHERE page_id = ?)", (page.id,)
            )
            self.db.execute("DELETE FROM articles WHERE page_id = ?", (page.id,))
            for article in articles:
                self._insert_article(article)
            self.db.execute("DELETE FROM failures WHERE source = ?", (page.source,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _insert_article(self, a: Article) -> None:
        pub = a.published
        self.db.execute(
            "INSERT INTO articles (id, page_id, idx, title, standfirst, dateline, published, published_precision,"
            " published_evidence, published_text, language, outlet, author, body, paragraphs, title_lines,"
            " standfirst_lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                a.page_id,
                a.index,
                a.title,
                a.standfirst,
                a.dateline,
                pub.value if pub else None,
                pub.precision if pub else None,
                pub.evidence if pub else None,
                pub.text if pub else None,
                a.language,
                a.outlet,
                a.author,
                a.body,
                json.dumps([[p.start, p.end, p.page_start, p.page_end, p.line] for p in a.paragraphs]),
                json.dumps(a.title_lines),
                json.dumps(a.standfirst_lines),
            ),
        )
        self.db.executemany(
            "INSERT INTO removed (article_id, seq, text, reason, page_start, page_end, line)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(a.id, i, r.text, r.reason, r.page_start, r.page_end, r.line) for i, r in enumerate(a.removed)],
        )
        self.db.execute(
            "INSERT INTO search_index (kind, ref, article_id, title, body) VALUES ('article', ?, ?, ?, ?)",
            (a.id, a.id, a.title or "", a.body),
        )

    def save_failure(
        self, source: str, reason: str, page: Page | None = None, clean_version: int | None = None
    ) -> None:
        """Record why an input failed; keep its raw bytes when there are any.

        A page already stored as good is never downgraded by a later failure (a stricter
        size limit, a cleaning bug): its articles stay, and only the failure is recorded.
        """
        self.db.execute("BEGIN")
        try:
            if page is not None:
                state = self.page_state(page.id)
                if state is None or state[0] != "ok":
                    self._upsert_page(page, "failed", reason, clean_version)
            self.db.execute(
                "INSERT INTO failures (source, reason, page_id, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (source, reason) DO UPDATE SET at = excluded.at, page_id = excluded.page_id",
                (source, reason, page.id if page else None, _now()),
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # -- reading --------------------------------------------------------------------
    def stale_pages(self, clean_version: int) -> Iterator[Page]:
        """Stored pages that an older cleaning (or none) produced, to be cleaned again."""
        rows = self.db.execute(
            "SELECT * FROM pages WHERE status = 'ok' AND (clean_version IS NULL OR clean_version < ?) ORDER BY id",
            (clean_version,),
        ).fetchall()
        for row in rows:
            yield self._page(row)

    @staticmethod
    def _page(row: sqlite3.Row) -> Page:
        return Page(
            id=row["id"],
            source=row["source"],
            raw=row["raw"],
            text=row["text"] or "",
            content_type=row["content_type"] or "text",
            encoding=row["encoding"] or "",
            url=row["url"],
            outlet=row["outlet"],
            source_id=row["source_id"],
            published_hint=row["published_hint"],
            retrieved=row["retrieved"],
        )

    def page(self, page_id: str) -> Page | None:
        row = self.db.execute("SELECT * FROM pages WHERE id = ?", (page_id,)).fetchone()
        return self._page(row) if row else None

    def page_info(self, page_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT id, source, source_id, url, outlet, content_type, encoding, status, error,"
            " length(raw) AS raw_bytes FROM pages WHERE id = ?",
            (page_id,),
        ).fetchone()
        return dict(row) if row else None

    def _article(self, row: sqlite3.Row) -> Article:
        removed = [
            RemovedSpan(
                text=r["text"], reason=r["reason"], page_start=r["page_start"], page_end=r["page_end"], line=r["line"]
            )
            for r in self.db.execute("SELECT * FROM removed WHERE article_id = ? ORDER BY seq", (row["id"],))
        ]
        published = (
            PublishedDate(
                row["published"], row["published_precision"], row["published_evidence"], row["published_text"] or ""
            )
            if row["published"]
            else None
        )
        return Article(
            id=row["id"],
            page_id=row["page_id"],
            index=row["idx"],
            title=row["title"],
            body=row["body"],
            paragraphs=[Paragraph(*p) for p in json.loads(row["paragraphs"])],
            standfirst=row["standfirst"],
            dateline=row["dateline"],
            published=published,
            language=row["language"],
            outlet=row["outlet"],
            author=row["author"],
            removed=removed,
            title_lines=json.loads(row["title_lines"]),
            standfirst_lines=json.loads(row["standfirst_lines"]),
        )

    def articles(self) -> Iterator[Article]:
        for row in self.db.execute("SELECT * FROM articles ORDER BY page_id, idx").fetchall():
            yield self._article(row)

    def find_article(self, ident: str) -> Article | None:
        """An article by id or by a unique id prefix; raises StoreError when ambiguous."""
        rows = self.db.execute(
            "SELECT * FROM articles WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 3", (len(ident), ident)
        ).fetchall()
        exact = [r for r in rows if r["id"] == ident]
        if exact:
            return self._article(exact[0])
        if len(rows) > 1:
            raise StoreError(f"article id '{ident}' is ambiguous: {', '.join(r['id'] for r in rows)}, ...")
        return self._article(rows[0]) if rows else None

    def failures(self) -> list[dict[str, Any]]:
        return [
            dict(r) for r in self.db.execute("SELECT source, reason, page_id, at FROM failures ORDER BY at, source")
        ]

    def counts(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "pages": one("SELECT count(*) FROM pages WHERE status = 'ok'").fetchone()[0],
            "failed_pages": one("SELECT count(*) FROM pages WHERE status = 'failed'").fetchone()[0],
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "failures": one("SELECT count(*) FROM failures").fetchone()[0],
        }

    def source_of(self, page_id: str) -> tuple[str, str | None]:
        row = self.db.execute("SELECT source, source_id FROM pages WHERE id = ?", (page_id,)).fetchone()
        return (row["source"], row["source_id"]) if row else ("", None)
