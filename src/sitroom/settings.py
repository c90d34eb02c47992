"""One frozen options object per run, passed explicitly to the stages that need it.

A variant is a copy (``dataclasses.replace``); there are no module-level switches.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sitroom import __version__

# Pages larger than this are refused as pages (kept raw, reported). News articles are
# well under 2 MB even with inline scripts; 20 MB leaves room for bloated HTML.
MAX_PAGE_BYTES = 20 * 1024 * 1024
# Above this a file is not even read into memory to be kept raw.
MAX_RAW_KEEP_BYTES = 256 * 1024 * 1024


def cache_dir() -> Path:
    """Where derived files (gazetteer index, distilled token vectors) are kept between runs."""
    return Path(os.environ.get("SITROOM_CACHE") or Path.home() / ".cache" / "sitroom")


# Sentence encoders grouping can use; vectors of two encoders are never compared.
ENCODERS = ("minilm", "static")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How pages are read and fetched."""

    max_page_bytes: int = MAX_PAGE_BYTES
    timeout: float = 20.0  # seconds for connect and for each read of a URL
    user_agent: str = f"sitroom/{__version__} (conflict-monitoring research; respects robots)"
    allow_private: bool = False  # fetch loopback, private and link-local addresses
    per_host_delay: float = 1.0  # seconds between two requests to the same host
    max_redirects: int = 5
    # Sentence encoder for grouping: "minilm" (contextual, ~30 leads/s on two cores) or
    # "static" (token vectors distilled from it, ~100× faster, somewhat less precise).
    encoder: str = "minilm"
