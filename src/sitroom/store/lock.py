"""One writer at a time: a lock file beside the database, held while a run writes.

SQLite serialises single transactions, but a run is many: the whole-table rebuilds of
families, groups and incidents by two runs at once would interleave, and the slower one
would wait on "database is locked" and fail half-way. The second run is refused at once,
with the reason; the desk's jobs wait for the lock instead (they are queued work).
A lock dies with its process (``flock``), so a run killed mid-way never leaves a stale one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitroom.errors import StoreError


@contextmanager
def writer(db: str | Path, wait: bool = False) -> Iterator[None]:
    """Hold the write lock of ``db`` (raise :class:`StoreError` when another run holds it,
    unless ``wait``)."""
    if str(db) == ":memory:":
        yield
        return
    path = Path(f"{db}.lock")
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise StoreError(
                f"{db}: another sitroom run is writing to this database ({holder}); "
                "wait for it to finish, or use another --db"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
