"""Exporters as a registry: a format name maps to a class with start / write / finish."""

from __future__ import annotations

import csv
import json
from typing import Any, ClassVar, TextIO


class Exporter:
    """Writes records to a text stream in one format."""

    name: ClassVar[str] = ""

    def __init__(self, stream: TextIO, fields: list[str]) -> None:
        self.stream = stream
        self.fields = fields

    def start(self) -> None:
        """Write whatever precedes the records."""

    def write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Write whatever follows the records."""


class JsonLinesExporter(Exporter):
    name = "jsonl"

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")


class CsvExporter(Exporter):
    """Flat CSV: nested values (lists, objects) are written as JSON in their cell."""

    name = "csv"

    def start(self) -> None:
        self._writer = csv.DictWriter(self.stream, fieldnames=self.fields, extrasaction="ignore")
        self._writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in record.items()}
        self._writer.writerow(flat)


class GeoJsonExporter(Exporter):
    """A FeatureCollection; records are GeoJSON features (records without a place are skipped)."""

    name = "geojson"

    def start(self) -> None:
        self.stream.write('{"type": "FeatureCollection", "features": [\n')
        self._first = True

    def write(self, record: dict[str, Any]) -> None:
        if not record:
            return
        self.stream.write(("" if self._first else ",\n") + json.dumps(record, ensure_ascii=False))
        self._first = False

    def finish(self) -> None:
        self.stream.write("\n]}\n")


EXPORTERS: dict[str, type[Exporter]] = {cls.name: cls for cls in (JsonLinesExporter, CsvExporter, GeoJsonExporter)}


def export(records: list[dict[str, Any]] | Any, stream: TextIO, fmt: str, fields: list[str]) -> int:
    """Write ``records`` in format ``fmt``; returns how many were written."""
    try:
        exporter = EXPORTERS[fmt](stream, fields)
    except KeyError:
        raise ValueError(f"unknown export format '{fmt}'; choose one of {', '.join(sorted(EXPORTERS))}") from None
    exporter.start()
    count = 0
    for record in records:
        exporter.write(record)
        count += 1
    exporter.finish()
    return count
