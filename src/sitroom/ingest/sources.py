"""Expand what the user named (files, directories, ``-``, URLs, URL lists) into raw items.

Directories are walked recursively in sorted order so a run is reproducible. The format
of a file is told by its name: ``.warc``/``.warc.gz``/``.arc.gz`` archives, ``.jsonl``
feeds, and otherwise one page per file (text or HTML, sniffed).
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitroom.ingest.items import RawItem
from sitroom.ingest.jsonl import read_jsonl
from sitroom.ingest.manifest import MANIFEST, Manifest
from sitroom.ingest.url import fetch_all, is_url
from sitroom.ingest.warc import read_warc
from sitroom.model import IngestFailure
from sitroom.settings import MAX_RAW_KEEP_BYTES, IngestOptions

_WARC = (".warc", ".warc.gz", ".arc", ".arc.gz")
_JSONL = (".jsonl", ".ndjson", ".jsonl.gz")
# Files a crawl directory often holds that are not pages; skipped silently.
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "README.md", "README.txt", "README", MANIFEST}


def expand_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Each input as is, with directories replaced by the files below them, sorted."""
    for name in inputs:
        if name != "-" and not is_url(name) and os.path.isdir(name):
            for root, dirs, files in os.walk(name):
                dirs.sort()
                for file in sorted(files):
                    if file not in _SKIP_NAMES and not file.startswith("."):
                        yield os.path.join(root, file)
        else:
            yield name


def read_url_list(path: str) -> list[str]:
    """URLs from a file, one a line; blank lines and ``#`` comments are skipped."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _read_file(path: str, manifest: Manifest) -> Iterator[RawItem | IngestFailure]:
    lower = path.lower()
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        yield IngestFailure(path, f"cannot read: {exc.strerror or exc}")
        return
    try:
        if lower.endswith(_WARC):
            with open(path, "rb") as stream:
                yield from read_warc(stream, path)
            return
        if lower.endswith(_JSONL):
            opener = gzip.open if lower.endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from read_jsonl(stream, path)
            return
        if size > MAX_RAW_KEEP_BYTES:
            yield IngestFailure(path, f"file is {size / 1024 / 1024:.0f} MB: too large to read as one page")
            return
        with open(path, "rb") as stream:
            raw = stream.read()
        if lower.endswith(".gz"):
            try:
                raw = gzip.decompress(raw)
            except (OSError, EOFError, zlib.error) as exc:
                yield IngestFailure(path, f"gzip data is truncated or corrupt ({exc})", raw=raw)
                return
        kind = "html" if lower.endswith((".html", ".htm", ".xhtml")) else None
        yield manifest.annotate(RawItem(source=path, raw=raw, kind=kind))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield IngestFailure(path, f"gzip data is truncated or corrupt ({exc})")
    except OSError as exc:
        yield IngestFailure(path, f"cannot read: {exc.strerror or exc}")


def iter_items(
    inputs: Iterable[str],
    options: IngestOptions,
    url_lists: Iterable[str] = (),
    stdin: io.BufferedIOBase | None = None,
) -> Iterator[RawItem | IngestFailure]:
    """Every raw item named by ``inputs`` and ``url_lists``, in order."""
    urls: list[str] = []
    manifest = Manifest()
    for list_path in url_lists:
        try:
            urls.extend(read_url_list(list_path))
        except OSError as exc:
            yield IngestFailure(list_path, f"cannot read the URL list: {exc.strerror or exc}")
    for name in expand_paths(inputs):
        if is_url(name):
            urls.append(name)
        elif name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            raw = stream.read()
            if raw.lstrip().startswith(b"{"):
                yield from read_jsonl(io.BytesIO(raw), "stdin")
            else:
                yield RawItem(source="stdin", raw=raw)
        elif not os.path.exists(name):
            yield IngestFailure(name, "no such file or directory")
        else:
            manifest.load_beside(name)
            yield from _read_file(name, manifest)
    if urls:
        yield from fetch_all(urls, options)
