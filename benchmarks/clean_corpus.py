"""Cleaning on the 135 pages of ../shared/corpus: articles per page and crawler dates.

Prints how many articles each page gave (a page holds one article unless a story spilled
over), the publication-date evidence used, and whether every page with a crawler
``date`` line got that date. Run: ``python -m benchmarks.clean_corpus``.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter

from benchmarks.shared_data import require
from sitroom.clean.page import clean_page
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.settings import IngestOptions


def main() -> None:
    path = require("corpus/pages.jsonl")
    pages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    options = IngestOptions()
    per_page: Counter[int] = Counter()
    evidence: Counter[str] = Counter()
    crawler_total = crawler_used = failures = 0
    started = time.perf_counter()
    for record in pages:
        item = RawItem(source=record["id"], raw=record["text"].encode("utf-8"), kind="text", url=record.get("url"))
        try:
            articles = clean_page(make_page(item, options))
        except Exception as exc:  # report and go on, as the pipeline does
            failures += 1
            print(f"  failed: {record['id']}: {exc}")
            continue
        per_page[len(articles)] += 1
        main_article = articles[0] if articles else None
        evidence[main_article.published.evidence if main_article and main_article.published else "none"] += 1
        match = re.match(r"^\s*date (\d{4}-\d{2}-\d{2})", record["text"])
        if match:
            crawler_total += 1
            pub = main_article.published if main_article else None
            crawler_used += bool(pub and pub.value == match.group(1) and pub.evidence == "crawler-line")
    elapsed = time.perf_counter() - started
    print(f"pages: {len(pages)}, failures: {failures}, {len(pages) / elapsed:.0f} pages/s")
    print("articles per page: " + ", ".join(f"{n}: {c} pages" for n, c in sorted(per_page.items())))
    print("publication date evidence (main article): " + ", ".join(f"{k} {v}" for k, v in evidence.most_common()))
    print(f"pages with a crawler date line: {crawler_total}, given that date: {crawler_used}")


if __name__ == "__main__":
    main()
