"""Every kind of hostile input ends as stored facts or a recorded failure, and the ordinary
page beside them is stored (the generators are those of ``benchmarks.hostile``)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from benchmarks.hostile import GOOD, KINDS

from sitroom.cli import run_ingest
from sitroom.settings import IngestOptions
from sitroom.store import Store


def test_one_of_each_hostile_kind_never_stops_the_batch(tmp_path: Path) -> None:
    rng = random.Random(11)
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, kind in enumerate(KINDS):
        name, data = kind(rng)
        (folder / f"{i:02d}-{name}").write_bytes(data)
    (folder / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        summary = run_ingest(store, [str(folder)], replace(IngestOptions(), per_host_delay=0), quiet=True)
        titles = [a.title for a in store.articles()]
        failed_sources = {f.source for f in summary.failures}
        stored_sources = {r[0] for r in store.db.execute("SELECT source FROM pages")}
    assert any(t and t.startswith("Flood waters") for t in titles)
    assert all(f.reason for f in summary.failures)  # every failure says why
    # Every input is accounted for: stored (its raw bytes kept) or recorded as failed.
    for path in folder.iterdir():
        assert any(str(path) in s for s in stored_sources | failed_sources), path.name
