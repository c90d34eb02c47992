"""What every reader yields: raw bytes with what is known about them, or a failure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class RawItem:
    """Bytes of one would-be page and the metadata its container gave.

    ``kind`` is ``"text"`` or ``"html"`` when the container says so, ``None`` to sniff.
    """

    source: str
    raw: bytes
    kind: str | None = None
    url: str | None = None
    source_id: str | None = None
    outlet: str | None = None
    published_hint: str | None = None
    charset: str | None = None
    retrieved: str | None = None
