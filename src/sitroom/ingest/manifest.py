"""Per-directory ``manifest.jsonl``: what a crawl knew about each file it saved.

A flattened-text file carries no URL; a crawler that saved it usually knew one. A
manifest beside the files gives, per ``file``, its ``url`` and optionally ``outlet``,
``published`` and ``id``. Files without an entry are read as they are.
"""

from __future__ import annotations

import json
import os

from sitroom.ingest.items import RawItem

MANIFEST = "manifest.jsonl"


class Manifest:
    """Entries of every manifest seen so far, keyed by the file's absolute path."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, str]] = {}
        self._loaded: set[str] = set()

    def load_beside(self, path: str) -> None:
        folder = os.path.dirname(os.path.abspath(path))
        if folder in self._loaded:
            return
        self._loaded.add(folder)
        manifest = os.path.join(folder, MANIFEST)
        if not os.path.isfile(manifest):
            return
        with open(manifest, encoding="utf-8") as stream:
            for line in stream:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                    self._entries[os.path.normpath(os.path.join(folder, entry["file"]))] = entry

    def annotate(self, item: RawItem) -> RawItem:
        entry = self._entries.get(os.path.normpath(os.path.abspath(item.source)))
        if entry:
            item.url = item.url or entry.get("url")
            item.outlet = item.outlet or entry.get("outlet")
            item.published_hint = item.published_hint or entry.get("published")
            if entry.get("id") is not None:
                item.source_id = item.source_id or str(entry["id"])
        return item
