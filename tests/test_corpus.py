"""The 135 real pages of ../shared/corpus: every one ingested, crawler dates honoured."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitroom.ingest.sources import iter_items
from sitroom.pipeline import ingest_items
from sitroom.settings import IngestOptions
from sitroom.store import Store


def test_every_corpus_page_is_ingested_and_dated_by_its_crawler_line(shared: Path, tmp_path: Path) -> None:
    pages_file = shared / "corpus" / "pages.jsonl"
    pages = [json.loads(line) for line in pages_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    options = IngestOptions()
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest_items(iter_items([str(pages_file)], options), store, options)
        assert summary.failures == []
        assert summary.pages_new == len(pages)
        dated = {}
        for article in store.articles():
            _, source_id = store.source_of(article.page_id)
            if article.index == 0 and article.published:
                dated[source_id] = (article.published.value, article.published.evidence)
    for page in pages:
        match = re.match(r"^\s*date (\d{4}-\d{2}-\d{2})", page["text"])
        if match:
            assert dated.get(page["id"]) == (match.group(1), "crawler-line"), page["id"]
