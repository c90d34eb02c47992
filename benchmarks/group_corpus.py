"""Families, events and stories on ../shared/corpus against its gold labels, in one run.

Ingests the 135 pages into a temporary store exactly as ``sitroom ingest`` does (cleaning,
families, grouping), then scores the main article of each page:

* events: B-cubed precision, recall and F1 against ``cluster``;
* stories: B-cubed against ``story`` (each ``distractor`` page is a story of its own);
* families: pairwise precision, recall and F1 of "same family" against ``wire_family``;
* the number of pages put in an event or story with a page of another gold story;
* each on all pages, then on the development and held-out splits
  (:func:`benchmarks.shared_data.held_out`).

A peer baseline runs beside it on the same pages: TF-IDF of title and lead with
agglomerative average-link clustering at a fixed distance threshold (not tuned here).
Run: ``python -m benchmarks.group_corpus``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from benchmarks.shared_data import held_out, require
from sitroom.evaluate import bcubed, pairwise
from sitroom.ingest.sources import iter_items
from sitroom.pipeline import IngestSummary, ingest_items, run_stages
from sitroom.settings import ENCODERS, IngestOptions
from sitroom.store import Store

BASELINE_THRESHOLDS = (0.7, 0.85)


def _story(gold: dict) -> str:
    return gold["story"] if gold["story"] != "distractor" else f"distractor-{gold['id']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", choices=ENCODERS, default="minilm", help="sentence encoder (default minilm)")
    encoder = parser.parse_args().encoder
    pages_file = require("corpus/pages.jsonl")
    gold = {g["id"]: g for g in map(json.loads, require("corpus/gold.jsonl").read_text().splitlines())}
    options = IngestOptions()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "corpus.db") as store:
        started = time.perf_counter()
        ingest_items(iter_items([str(pages_file)], options), store, options)
        cleaned = time.perf_counter()
        run_stages(store, IngestSummary(), encoder)
        grouped = time.perf_counter()
        page_of = {}
        texts = {}
        for article in store.articles():
            _, source_id = store.source_of(article.page_id)
            if article.index == 0 and source_id in gold:
                page_of[article.id] = source_id
                texts[source_id] = f"{article.title or ''}\n" + "\n".join(article.paragraph_texts()[:3])
        events = {page_of[a]: e["id"] for e in store.events() for a in e["article_ids"] if a in page_of}
        stories = {page_of[a]: s["id"] for s in store.stories() for a in s["article_ids"] if a in page_of}
        families = {
            page_of[m["article_id"]]: f["id"]
            for f in store.families()
            for m in f["members"]
            if m["article_id"] in page_of
        }
    ids = sorted(gold)
    gold_events = {i: gold[i]["cluster"] for i in ids}
    gold_stories = {i: _story(gold[i]) for i in ids}
    gold_families = {i: gold[i]["wire_family"] for i in ids}
    print(f"encoder: {encoder}")
    print(f"pages: {len(ids)}; cleaning {cleaned - started:.1f} s, families and grouping {grouped - cleaned:.1f} s")
    print(f"{'system':<28} {'events P/R/F1':<22} {'stories P/R/F1':<22} {'cross-story pages':>18}")
    _row("sitroom", events, stories, gold_events, gold_stories)
    for split, wanted in (("development", False), ("held-out", True)):
        part = [i for i in ids if held_out(gold[i]["cluster"]) == wanted]
        _row(
            f"  {split} ({len(part)} pages)",
            events,
            stories,
            {i: gold_events[i] for i in part},
            {i: gold_stories[i] for i in part},
        )
    p, r, f = pairwise({i: families.get(i) for i in ids}, gold_families)
    print(f"sitroom families (pairwise): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for split, wanted in (("development", False), ("held-out", True)):
        part = [i for i in ids if held_out(gold[i]["cluster"]) == wanted]
        p, r, f = pairwise({i: families.get(i) for i in part}, {i: gold_families[i] for i in part})
        print(f"  {split} families: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([texts.get(i, "") for i in ids]).toarray()
    for threshold in BASELINE_THRESHOLDS:
        labels = AgglomerativeClustering(
            n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
        ).fit_predict(matrix)
        clusters = {i: str(label) for i, label in zip(ids, labels, strict=True)}
        _row(f"tf-idf average-link {threshold}", clusters, clusters, gold_events, gold_stories)


def _row(name: str, events: dict, stories: dict, gold_events: dict, gold_stories: dict) -> None:
    ids = sorted(gold_events)
    ev = bcubed({i: events[i] for i in ids}, gold_events)
    st = bcubed({i: stories[i] for i in ids}, gold_stories)
    crossed = {
        a
        for a in ids
        for b in ids
        if a != b and gold_stories[a] != gold_stories[b] and (events[a] == events[b] or stories[a] == stories[b])
    }
    print(
        f"{name:<28} {ev[0]:.3f}/{ev[1]:.3f}/{ev[2]:.3f}      {st[0]:.3f}/{st[1]:.3f}/{st[2]:.3f}      "
        f"{len(crossed):>10}"
    )


if __name__ == "__main__":
    main()
