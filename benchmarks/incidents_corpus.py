"""Incidents on ../shared/corpus, scored by the shared scorer, beside sitroom's old coding.

Runs the 135 corpus pages through the whole pipeline once (ingest, cleaning, families,
facts, groups, reconciliation) into a temporary store, timing it; then rebuilds the
incidents twice from the same facts: as sitroom codes them now ("reported": what each page
reports, see ``sitroom.reconcile.coding``) and as it did before ("sentences": every event
sentence an incident). Each is exported and scored with ``../shared/tools/score_incidents.py``
on three sets of pages:

* all 135 pages;
* the development split: pages whose gold event ``cluster`` falls in the part the rules
  were looked at against;
* the held-out split: pages of the other clusters (about a third, chosen by a hash of the
  cluster name so that copies and rewrites of one event never straddle the split), which
  nobody looked at while writing the rules.

Run: ``python -m benchmarks.incidents_corpus [--lang en]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.shared_data import held_out, require, shared_dir
from sitroom.ingest.sources import iter_items
from sitroom.pipeline import IngestSummary, ingest_items, run_stages
from sitroom.reconcile.stage import CODINGS, update_reconciled
from sitroom.report.records import incident_record
from sitroom.settings import IngestOptions
from sitroom.store import Store


def _export(store: Store, folder: Path) -> tuple[Path, Path]:
    articles, incidents = folder / "articles.jsonl", folder / "incidents.jsonl"
    with articles.open("w") as out:
        for article in store.articles():
            _, source_id = store.source_of(article.page_id)
            out.write(json.dumps({"id": article.id, "source_id": source_id}) + "\n")
    props = {p["id"]: p for p in store.propositions()}
    with incidents.open("w") as out:
        for incident in store.incidents():
            out.write(json.dumps(incident_record(incident, props)) + "\n")
    return articles, incidents


def _score(articles: Path, incidents: Path, gold: Path, lang: str | None) -> str:
    scorer = require("tools/score_incidents.py")
    cmd = [sys.executable, str(scorer), str(articles), str(incidents), str(gold)]
    if lang:
        cmd += ["--lang", lang]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if not line.startswith("SUMMARY")]
    return "\n".join("    " + line for line in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", help="score only pages in this language ('en', or '!en' for all others)")
    args = parser.parse_args()
    pages_file = require("corpus/pages.jsonl")
    clusters = {g["id"]: g["cluster"] for g in map(json.loads, require("corpus/gold.jsonl").read_text().splitlines())}
    gold_lines = require("gold/incidents-corpus.jsonl").read_text().splitlines()
    options = IngestOptions()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "corpus.db") as store:
        folder = Path(tmp)
        splits = {"all pages": folder / "gold-all.jsonl"}
        splits["development split"] = folder / "gold-dev.jsonl"
        splits["held-out split"] = folder / "gold-held.jsonl"
        dev = [line for line in gold_lines if line.strip() and not held_out(clusters[json.loads(line)["page"]])]
        held = [line for line in gold_lines if line.strip() and held_out(clusters[json.loads(line)["page"]])]
        splits["all pages"].write_text("\n".join(gold_lines) + "\n")
        splits["development split"].write_text("\n".join(dev) + "\n")
        splits["held-out split"].write_text("\n".join(held) + "\n")
        started = time.perf_counter()
        ingest_items(iter_items([str(pages_file)], options), store, options)
        run_stages(store, IngestSummary())
        elapsed = time.perf_counter() - started
        print(f"pipeline on {len(clusters)} pages: {elapsed:.1f} s ({len(clusters) / elapsed:.1f} pages/s)")
        print(f"splits: {len(dev)} development pages, {len(held)} held-out pages (data from {shared_dir()})")
        for coding in (*CODINGS,):
            began = time.perf_counter()
            update_reconciled(store, coding)
            took = time.perf_counter() - began
            out = folder / coding
            out.mkdir()
            articles, incidents = _export(store, out)
            print(f"\ncoding '{coding}' (reconcile {took:.1f} s)")
            for name, gold in splits.items():
                print(f"  {name}:")
                print(_score(articles, incidents, gold, args.lang))
        update_reconciled(store)


if __name__ == "__main__":
    main()
