"""Where the third-party evaluation data lives: ``../shared`` beside the repository.

``SITROOM_SHARED`` overrides it. The data is read at run time only, never copied.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def shared_dir() -> Path:
    return Path(os.environ.get("SITROOM_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")


def require(relative: str) -> Path:
    """The path of a shared data set, or exit with a message saying what is missing."""
    path = shared_dir() / relative
    if not path.exists():
        sys.exit(f"skipped: {path} is not here (the shared evaluation data sits beside the repository)")
    return path
