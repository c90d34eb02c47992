"""The 135 real pages of ../shared/corpus: every one ingested, crawler dates honoured, and
copies, events and stories close to the hand annotation."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitroom.evaluate import bcubed, pairwise
from sitroom.ingest.sources import iter_items
from sitroom.pipeline import ingest_items, run_stages
from sitroom.settings import IngestOptions
from sitroom.store import Store


def test_every_corpus_page_is_ingested_dated_and_grouped(shared: Path, tmp_path: Path) -> None:
    pages_file = shared / "corpus" / "pages.jsonl"
    pages = [json.loads(line) for line in pages_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    options = IngestOptions()
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest_items(iter_items([str(pages_file)], options), store, options)
        assert summary.failures == []
        assert summary.pages_new == len(pages)
        run_stages(store, summary, options.encoder)
        dated = {}
        page_of = {}
        for article in store.articles():
            _, source_id = store.source_of(article.page_id)
            if article.index == 0:
                page_of[article.id] = source_id
            if article.index == 0 and article.published:
                dated[source_id] = (article.published.value, article.published.evidence)
        family = {
            page_of[m["article_id"]]: f["id"]
            for f in store.families()
            for m in f["members"]
            if m["article_id"] in page_of
        }
        event = {page_of[a]: e["id"] for e in store.events() for a in e["article_ids"] if a in page_of}
        story = {page_of[a]: s["id"] for s in store.stories() for a in s["article_ids"] if a in page_of}
    for page in pages:
        match = re.match(r"^\s*date (\d{4}-\d{2}-\d{2})", page["text"])
        if match:
            assert dated.get(page["id"]) == (match.group(1), "crawler-line"), page["id"]
    gold = {
        g["id"]: g for g in map(json.loads, (shared / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines())
    }
    # Copies: never a false family; rewrites that keep the wire's core word for word found.
    precision, recall, _ = pairwise({k: family.get(k) for k in gold}, {k: g["wire_family"] for k, g in gold.items()})
    assert precision == 1.0 and recall >= 0.8, (precision, recall)
    # Events as the annotators saw them, and stories that never mix two real ones.
    assert bcubed(event, {k: g["cluster"] for k, g in gold.items()})[2] >= 0.85
    gold_story = {k: g["story"] if g["story"] != "distractor" else k for k, g in gold.items()}
    # Stories never mix two real ones (precision 1.0); recall lost one page when events
    # stopped over-merging (an analysis piece linked to its story at 0.444, threshold 0.45).
    precision, _, f1 = bcubed(story, gold_story)
    assert precision == 1.0 and f1 >= 0.84
    mixed = sorted(k for k in story if any(story[o] == story[k] and gold_story[o] != gold_story[k] for o in story))
    assert mixed == [], mixed
