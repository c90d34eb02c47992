"""A run killed with SIGKILL at any point loses nothing it committed and doubles nothing.

A smaller version of the desk's promise (a power cut mid-run): ingest a batch of invented
pages in a subprocess, kill it at a few points of the run, check the store after each kill,
then let a run finish and compare with a run that was never interrupted.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.test_bad_input import text_page

TOWNS = ["Varrow", "Linden", "Ostmark", "Belfry", "Caddon", "Dunmore", "Elsby", "Fallow", "Garnet", "Hollin"]
PAGES = 60
KILLS = 3


def _write_pages(folder: Path) -> None:
    folder.mkdir()
    for i in range(PAGES):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"page{i:03d}.txt").write_text(
            text_page(f"Flood waters close bridge number {i} in {town}", f"{town} {i}"), encoding="utf-8"
        )


def _ingest(db: Path, pages: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "sitroom.cli", "--db", str(db), "ingest", str(pages), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def _check(db: Path) -> None:
    """What any reader may rely on after a crash."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        orphan_facts = "SELECT count(*) FROM facts WHERE article_id NOT IN (SELECT id FROM articles)"
        assert con.execute(orphan_facts).fetchone()[0] == 0
        # No half-written page: a page stored as cleaned has its articles.
        bare = (
            "SELECT count(*) FROM pages p WHERE status = 'ok'"
            " AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.page_id = p.id)"
        )
        assert con.execute(bare).fetchone()[0] == 0
    finally:
        con.close()


def _titles(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in con.execute("SELECT title FROM articles"))
    finally:
        con.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is a POSIX signal")
def test_a_run_killed_at_random_points_resumes_to_the_same_store(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    _write_pages(pages)
    reference = tmp_path / "reference.db"
    started = time.perf_counter()
    done = _ingest(reference, pages)
    assert done.wait(300) == 0, done.stderr.read().decode() if done.stderr else ""
    duration = time.perf_counter() - started
    db = tmp_path / "killed.db"
    rng = random.Random(7)
    killed = 0
    for _ in range(KILLS):
        # Early in the run: a resumed run has less left to do than the first.
        run = _ingest(db, pages)
        time.sleep(rng.uniform(0.1, 0.5) * duration)
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
            killed += 1
        run.wait(60)
        if db.exists():
            _check(db)
    assert killed >= 1, "no run was still going when its kill came"
    final = _ingest(db, pages)
    assert final.wait(300) == 0, final.stderr.read().decode() if final.stderr else ""
    _check(db)
    assert _titles(db) == _titles(reference)  # nothing lost, nothing doubled
    assert len(_titles(db)) == PAGES
