"""WARC archives (``.warc``, ``.warc.gz``) read with warcio.

Only response and resource records holding HTML or text become pages; the record's
target URI is the page URL and its WARC-Date the retrieval time (not the publication
date). A truncated or corrupt archive yields the pages read so far and one failure.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitroom.ingest.items import RawItem
from sitroom.model import IngestFailure

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def read_warc(stream: IO[bytes], source: str) -> Iterator[RawItem | IngestFailure]:
    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            if not content_type.lower().startswith(_PAGE_TYPES):
                continue
            count += 1
            raw = record.content_stream().read()
            missing = getattr(record.raw_stream, "limit", 0) or 0
            if missing > 0:
                # warcio ends quietly at the end of a cut gzip member: the record's
                # declared length tells that its bytes stop short.
                yield IngestFailure(
                    source,
                    f"archive is truncated: record {count} ({uri}) stops {missing} bytes short; "
                    f"{count - 1} page(s) before it were read",
                    raw=raw or None,
                )
                return
            yield RawItem(
                source=f"{source}#{uri or count}",
                raw=raw,
                kind="text" if content_type.lower().startswith("text/plain") else "html",
                url=uri,
                charset=_charset(content_type),
                retrieved=record.rec_headers.get_header("WARC-Date"),
            )
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield IngestFailure(source, f"archive is truncated or corrupt after {count} page(s): {detail}")
