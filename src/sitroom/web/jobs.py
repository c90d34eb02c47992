"""Background jobs of the desk: ingesting posted pages and rebuilding after a review.

The store has one writer, so jobs run one at a time on a single worker thread, each with
its own connection; the request that queued a job returns at once with the job's id,
and ``GET /api/v1/jobs/{id}`` tells its state. Jobs are kept in memory: a restart
forgets finished jobs, never stored data (every page a job read is in the store).
"""

from __future__ import annotations

import itertools
import logging
import queue
import shutil
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitroom.settings import IngestOptions
from sitroom.store import Store
from sitroom.store.lock import writer

log = logging.getLogger("sitroom.web")
MAX_KEPT_JOBS = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Job:
    id: int
    kind: str  # ingest or rebuild
    status: str = "queued"  # queued, running, done, failed
    submitted: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def ingest_file(db: str, path: Path, options: IngestOptions) -> dict[str, Any]:
    """Ingest one posted file (a page, a JSON Lines batch, a WARC) and run the stages after it."""
    from sitroom.ingest.sources import iter_items
    from sitroom.pipeline import ingest_items, reclean_stored, run_stages

    with writer(db, wait=True), Store(db) as store:
        summary = ingest_items(iter_items([str(path)], options), store, options)
        reclean_stored(store, summary)
        run_stages(store, summary, options.encoder)
        return {
            "pages": summary.pages,
            "new": summary.pages_new,
            "unchanged": summary.pages_unchanged,
            "articles": summary.articles,
            "incidents": summary.reconciled[0] if summary.reconciled else None,
            "failures": [{"source": f.source.rsplit("/", 1)[-1], "reason": f.reason} for f in summary.failures],
        }


def rebuild(db: str) -> dict[str, Any]:
    """Rebuild incidents from stored facts, replaying every review."""
    from sitroom.reconcile.stage import update_reconciled

    with writer(db, wait=True), Store(db) as store:
        summary = update_reconciled(store)
        return {"incidents": summary.incidents, "propositions": summary.propositions}


class Jobs:
    """A queue of jobs served by one worker thread."""

    def __init__(self, db: str, options: IngestOptions | None = None) -> None:
        self.db = db
        self.options = replace(options or IngestOptions(), per_host_delay=0)
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._queue: queue.Queue[tuple[Job, Callable[[], dict[str, Any]]]] = queue.Queue()
        self._lock = threading.Lock()
        self._spool = Path(tempfile.mkdtemp(prefix="sitroom-posted-"))
        self._worker = threading.Thread(target=self._work, name="sitroom-jobs", daemon=True)
        self._worker.start()

    def _add(self, kind: str, run: Callable[[], dict[str, Any]]) -> Job:
        with self._lock:
            job = Job(next(self._ids), kind)
            self._jobs[job.id] = job
            for old in sorted(self._jobs)[:-MAX_KEPT_JOBS]:
                if self._jobs[old].status in ("done", "failed"):
                    del self._jobs[old]
        self._queue.put((job, run))
        return job

    def submit_ingest(self, name: str, body: bytes) -> Job:
        """Queue a posted file; its bytes are spooled to disk first, so nothing is lost if it fails."""
        folder = Path(tempfile.mkdtemp(dir=self._spool))
        path = folder / name
        path.write_bytes(body)

        def run() -> dict[str, Any]:
            try:
                return ingest_file(self.db, path, self.options)
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        return self._add("ingest", run)

    def submit_rebuild(self) -> Job:
        return self._add("rebuild", lambda: rebuild(self.db))

    def get(self, job_id: int) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        with self._lock:
            return [self._jobs[i] for i in sorted(self._jobs, reverse=True)]

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued job is finished (for tests and shutdown)."""
        done = threading.Event()
        self._queue.put((Job(0, "barrier"), lambda: done.set() or {}))
        return done.wait(timeout)

    def _work(self) -> None:
        while True:
            job, run = self._queue.get()
            job.status, job.started = "running", _now()
            try:
                job.result = run()
                job.status = "done"
            except Exception as exc:  # a job's failure is reported on the job, never kills the worker
                job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
                log.error("job %s (%s) failed:\n%s", job.id, job.kind, traceback.format_exc())
            job.finished = _now()
