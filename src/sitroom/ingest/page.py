"""Turn a :class:`RawItem` into a :class:`Page`: decode, sniff the kind, hash the id."""

from __future__ import annotations

import hashlib
import re

from sitroom.errors import InputError
from sitroom.ingest.decode import decode
from sitroom.ingest.items import RawItem
from sitroom.ingest.outlet import outlet_of
from sitroom.model import Page
from sitroom.settings import IngestOptions

_HTML_SNIFF = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def human_size(size: int) -> str:
    """Bytes as a user reads them: 512 bytes, 40.5 KB, 0.5 MB, 20 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 100 * 1024:
        return f"{size / 1024:.3g} KB"
    return f"{size / 1024 / 1024:.3g} MB"


def page_id(raw: bytes, url: str | None) -> str:
    """Content hash of the page: its bytes and, when it has one, its URL.

    The URL is part of the key because the same bytes published by two outlets are two
    reports (and a syndication family of two), while the same bytes ingested twice from
    one place are one page.
    """
    digest = hashlib.sha256()
    digest.update((url or "").encode("utf-8"))
    digest.update(b"\x00")
    digest.update(raw)
    return digest.hexdigest()[:20]


def sniff_kind(text: str, source: str) -> str:
    """``html`` when the source is named so or the text starts like markup, else ``text``."""
    if source.lower().endswith(_HTML_SUFFIXES):
        return "html"
    head = text[:2048].lstrip()
    if head.startswith("<") and _HTML_SNIFF.search(head):
        return "html"
    return "text"


def make_page(item: RawItem, options: IngestOptions) -> Page:
    """Decode ``item`` into a page. Raises :class:`InputError` naming the source."""
    if len(item.raw) > options.max_page_bytes:
        raise InputError(
            item.source,
            f"page is {human_size(len(item.raw))}, over the {human_size(options.max_page_bytes)} limit for one page",
        )
    text, encoding = decode(item.raw, item.source, item.charset)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = item.kind or sniff_kind(text, item.source)
    return Page(
        id=page_id(item.raw, item.url),
        source=item.source,
        raw=item.raw,
        text=text,
        content_type=kind,
        encoding=encoding,
        url=item.url,
        outlet=item.outlet or outlet_of(item.url),
        source_id=item.source_id,
        published_hint=item.published_hint,
        retrieved=item.retrieved,
    )
