"""Speed of ingest and cleaning on one core: pages per second and peak memory.

Text pages are the corpus pages (../shared/corpus), HTML pages the Zyte benchmark's
(../shared/benchmarks/boilerplate), each cycled to the requested count and made unique
so that every page is new to the store. Two measures per kind: cleaning alone
(``clean_page``) and the whole ingest (decode, clean, one SQLite transaction per page).
Each kind runs in its own process so peak memory is its own.

Run: ``python -m benchmarks.speed_clean [--pages 10000] [--kind text|html]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.shared_data import require
from sitroom.clean.page import clean_page
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.pipeline import ingest_items
from sitroom.settings import IngestOptions
from sitroom.store import Store


def _sources(kind: str) -> list[tuple[bytes, str | None]]:
    if kind == "text":
        path = require("corpus/pages.jsonl")
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(row["text"].encode("utf-8"), row.get("url")) for row in rows]
    folder = require("benchmarks/boilerplate/article-extraction-benchmark/html")
    return [(gzip.decompress(p.read_bytes()), None) for p in sorted(folder.glob("*.html.gz"))]


def _items(kind: str, count: int) -> Iterator[RawItem]:
    sources = _sources(kind)
    for n in range(count):
        raw, url = sources[n % len(sources)]
        marker = f"\n<!-- copy {n} -->\n" if kind == "html" else f"\n\n[copy {n}]\n"
        yield RawItem(source=f"{kind}-{n}", raw=raw + marker.encode(), kind=kind, url=url)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, count: int) -> dict[str, float]:
    options = IngestOptions()
    items = list(_items(kind, count))
    megabytes = sum(len(i.raw) for i in items) / 1024 / 1024
    started = time.perf_counter()
    failures = 0
    for item in items:
        try:
            clean_page(make_page(item, options))
        except Exception:
            failures += 1
    clean_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "speed.db") as store:
        started = time.perf_counter()
        summary = ingest_items(items, store, options)
        ingest_seconds = time.perf_counter() - started
    return {
        "pages": count,
        "megabytes": round(megabytes, 1),
        "clean_pages_per_s": round(count / clean_seconds, 1),
        "ingest_pages_per_s": round(count / ingest_seconds, 1),
        "failures": failures,
        "stored_failures": len(summary.failures),
        "peak_mb": round(_peak_mb(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--kind", choices=["text", "html"])
    args = parser.parse_args()
    if args.kind:
        print(json.dumps(measure(args.kind, args.pages)))
        return
    print(f"{'kind':<6} {'pages':>7} {'MB':>7} {'clean p/s':>10} {'ingest p/s':>11} {'failures':>9} {'peak MB':>8}")
    for kind in ("text", "html"):
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.speed_clean", "--kind", kind, "--pages", str(args.pages)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{kind:<6} {r['pages']:>7} {r['megabytes']:>7} {r['clean_pages_per_s']:>10} {r['ingest_pages_per_s']:>11} "
            f"{r['failures']:>9} {r['peak_mb']:>8}"
        )


if __name__ == "__main__":
    main()
