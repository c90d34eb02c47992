"""Shared fixtures: the bundled sample pages, and the third-party data in ../shared.

Tests that read ../shared skip, saying why, when it is not beside the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitroom.cli import sample_pages

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHARED = Path(os.environ.get("SITROOM_SHARED") or Path(__file__).resolve().parents[2] / "shared")


@pytest.fixture(scope="session")
def samples() -> Path:
    return sample_pages()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"third-party evaluation data not found at {SHARED} (it sits beside the repository)")
    return SHARED


@pytest.fixture(scope="session")
def sample_db(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples run through every stage once, for tests that only read."""
    from sitroom.cli import run_ingest
    from sitroom.settings import IngestOptions
    from sitroom.store import Store

    db = tmp_path_factory.mktemp("samples") / "samples.db"
    with Store(db) as store:
        run_ingest(store, [str(samples)], IngestOptions(per_host_delay=0), quiet=True)
    return db



@pytest.fixture(scope="session")
def desk_sample_db(sample_db: Path) -> Path:
    """The store the desk's tests copy: the samples, whose ``real-places`` pages give the
    map markers (the other samples' geography is invented)."""
    return sample_db
