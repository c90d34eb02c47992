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
