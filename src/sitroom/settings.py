"""One frozen options object per run, passed explicitly to the stages that need it.

A variant is a copy (``dataclasses.replace``); there are no module-level switches.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom import __version__

# Pages larger than this are refused as pages (kept raw, reported). News articles are
# well under 2 MB even with inline scripts; 20 MB leaves room for bloated HTML.
MAX_PAGE_BYTES = 20 * 1024 * 1024
# Above this a file is not even read into memory to be kept raw.
MAX_RAW_KEEP_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How pages are read and fetched."""

    max_page_bytes: int = MAX_PAGE_BYTES
    timeout: float = 20.0  # seconds for connect and for each read of a URL
    user_agent: str = f"sitroom/{__version__} (conflict-monitoring research; respects robots)"
    allow_private: bool = False  # fetch loopback, private and link-local addresses
    per_host_delay: float = 1.0  # seconds between two requests to the same host
    max_redirects: int = 5
