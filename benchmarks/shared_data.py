"""Where the third-party evaluation data lives: ``../shared`` beside the repository.

``SITROOM_SHARED`` overrides it. The data is read at run time only, never copied.
"""

from __future__ import annotations

import hashlib
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


HELD_OUT_BUCKETS = 3  # one gold event cluster in three is held out


def held_out(cluster: str) -> bool:
    """Whether a corpus page's gold event ``cluster`` is in the held-out split: a fixed hash
    of the cluster name (not a choice), so copies and rewrites of one event never straddle
    the split. Every corpus benchmark reports both splits; rules are looked at only against
    the development one."""
    return int(hashlib.sha256(cluster.encode()).hexdigest(), 16) % HELD_OUT_BUCKETS == 0
