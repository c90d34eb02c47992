"""JSON Lines feeds: one object per page with ``url``, ``text`` or ``html``, optional
``id``, ``published`` and ``outlet``.

A bad line is reported with its line number and the rest of the feed goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from sitroom.ingest.items import RawItem
from sitroom.model import IngestFailure


def read_jsonl(stream: IO[bytes], source: str) -> Iterator[RawItem | IngestFailure]:
    for number, line in enumerate(stream, start=1):
        where = f"{source}#{number}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield IngestFailure(where, f"line {number} is not valid JSON ({exc})", raw=line)
            continue
        if not isinstance(obj, dict):
            yield IngestFailure(where, f"line {number} is a JSON {type(obj).__name__}, not an object", raw=line)
            continue
        body = obj.get("html") if obj.get("html") else obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield IngestFailure(where, f"line {number} has no 'text' or 'html' string", raw=line)
            continue
        ext_id = obj.get("id")
        yield RawItem(
            source=where,
            raw=body.encode("utf-8"),
            kind="html" if obj.get("html") else "text",
            url=obj.get("url") if isinstance(obj.get("url"), str) else None,
            source_id=str(ext_id) if ext_id is not None else None,
            outlet=obj.get("outlet") if isinstance(obj.get("outlet"), str) else None,
            published_hint=obj.get("published") if isinstance(obj.get("published"), str) else None,
            charset="utf-8",
        )
