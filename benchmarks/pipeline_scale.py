"""How the whole pipeline scales: time and peak memory of every stage of ``sitroom run`` on generated pages.

The pages are the articles that ``benchmarks.group_scale`` makes, deterministically from a
seed, out of the 135 corpus pages (../shared/corpus, read at run time): the cleaned pages
themselves, copies with edits, re-dated variants and new events, in copy families of
realistic size (see that module's docstring). Each article becomes a page the way a crawler
would deliver it: one line of a JSON Lines feed, ``{"id", "url", "text", "published"}``,
whose text is the title line, a blank line, then the paragraphs separated by blank lines,
and whose URL is on the article's outlet. The feed is written to a temporary directory and
read by the normal path into a fresh temporary SQLite store; then the stages run in the
order ``run_stages`` runs them, each timed on its own:

* ingest + clean: ``iter_items`` on the feed, ``ingest_items`` (page making, cleaning,
  storing), then ``reclean_stored`` as ``sitroom run`` does (nothing to do on a new store);
* families: ``update_families`` (MinHash signatures, copy index, families);
* facts: ``update_facts`` (events, figures, claims, times and places of every article);
* groups: ``update_groups`` (features, embeddings of the English articles, links, events
  and stories); the embedding model is loaded here, on first use, as in a real run;
* reconcile: ``update_reconciled`` (incidents and propositions);
* brief: ``brief_text`` as ``sitroom run`` prints it (Markdown).

Making the articles and writing the feed is measured too, as its own row outside the
pipeline total; the articles are dropped before ingesting so they do not weigh on the
pipeline's memory. Each size runs in its own process, so peak memory (``ru_maxrss``) is that
size's own; within one process the peak only grows, so the table shows the peak after each
stage, and the stage that raised it is the one that needed it (the current resident size
after each stage is in the details). Wall time and CPU time (user + system, every thread)
are both printed: on a shared machine wall time stretches while CPU time hardly does.
Articles the facts extractors fail on (the stage keeps them with no facts and goes on)
are counted, and the first is named under the table.
A size whose process dies (a crash in native code, say) still shows the stages it finished,
and which stage it died in. ``--reconcile-blas-threads N`` caps the BLAS threads of the
reconcile stage only: its claim ledger multiplies the embeddings of a story's claims with
each other, and some OpenBLAS builds crash on a large threaded product.
Growth compares the last size with the first: the ratio of times and the exponent ``k`` of
``time ∝ size^k`` (1 is linear, 2 quadratic), from CPU time.
Run: ``python -m benchmarks.pipeline_scale [--sizes 1000 10000] [--seed N] [--reconcile-blas-threads N]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from benchmarks.group_scale import (
    SEED,
    Generator,
    Step,
    _cell,
    _cpu_seconds,
    _peak_mb,
    _statm_bytes,
    run_child,
    seed_articles,
)
from sitroom.cli import brief_text
from sitroom.extract.stage import update_facts
from sitroom.grouping.stage import update_families, update_groups
from sitroom.ingest.sources import iter_items
from sitroom.model import Article
from sitroom.pipeline import IngestSummary, ingest_items, reclean_stored
from sitroom.reconcile.stage import update_reconciled
from sitroom.settings import IngestOptions
from sitroom.store import Store

GENERATE = "generate pages (not pipeline)"
STAGES = ("ingest + clean", "families", "facts", "groups", "reconcile", "brief")
TOTAL = "pipeline total"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Settings:
    """What one size runs with."""

    seed: int = SEED
    reconcile_blas_threads: int | None = None  # None: as many as BLAS picks
    partial: Path | None = None  # where the stages finished so far are written as they finish


def page_record(article: Article) -> dict[str, str]:
    """The JSON Lines record a crawler would deliver for ``article``: flattened text, URL on its outlet."""
    parts = ([article.title] if article.title else []) + article.paragraph_texts()
    record = {
        "id": article.id,
        "url": f"https://{article.outlet or 'example.org'}/news/{article.id}",
        "text": "\n\n".join(parts) + "\n",
    }
    if article.published:
        record["published"] = article.published.value
    return record


def write_pages(size: int, seed: int, path: Path) -> dict[str, Any]:
    """Make ``size`` articles with group_scale's generator and write them to ``path`` as a feed."""
    articles, truth = Generator(seed_articles(), seed).generate(size)
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(page_record(article), ensure_ascii=False) + "\n")
    return {"made_families": len(set(truth.values())), "feed_mb": round(path.stat().st_size / 2**20, 1)}


def blas_threads(limit: int | None) -> AbstractContextManager[Any]:
    """At most ``limit`` BLAS threads while inside; no change when ``limit`` is None."""
    if limit is None:
        return nullcontext()
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=limit, user_api="blas")


def measure(size: int, settings: Settings) -> dict[str, Any]:
    """Generate ``size`` pages and run the whole pipeline on them, in this process."""
    steps: list[Step] = []

    def save(running: str | None) -> None:
        if settings.partial is not None:
            done = {"size": size, "steps": [asdict(s) for s in steps], "running": running}
            settings.partial.write_text(json.dumps(done), encoding="utf-8")

    def timed(name: str, work: Callable[[], T]) -> tuple[Step, T]:
        save(name)
        cpu = _cpu_seconds()
        started = time.perf_counter()
        result = work()
        step = Step(name, size, size, time.perf_counter() - started, _peak_mb())
        step.cpu_seconds = _cpu_seconds() - cpu
        step.extra["rss_mb"] = round(_statm_bytes()[1] / 2**20)
        steps.append(step)
        save(None)
        print(f"  {size:,}: {name} in {step.seconds:.1f} s ({step.cpu_seconds:.1f} s CPU)", file=sys.stderr)
        return step, result

    options = IngestOptions()
    with tempfile.TemporaryDirectory(prefix="sitroom-pipeline-scale-") as tmp:
        feed = Path(tmp) / "pages.jsonl"
        step, made = timed(GENERATE, lambda: write_pages(size, settings.seed, feed))
        step.extra.update(made)
        gc.collect()  # the generated articles are gone; only the feed on disk is left
        with Store(Path(tmp) / "pipeline.db") as store:

            def ingest() -> IngestSummary:
                summary = ingest_items(iter_items([str(feed)], options), store, options)
                reclean_stored(store, summary)
                return summary

            # The stages in the order run_stages calls them, so each is timed on its own.
            step, summary = timed(STAGES[0], ingest)
            step.extra.update(store.counts(), pages_new=summary.pages_new, failed=len(summary.failures))
            if summary.failures:
                step.extra["first_failure"] = f"{summary.failures[0].source}: {summary.failures[0].reason}"
            step, families = timed(STAGES[1], lambda: update_families(store))
            step.extra["families"] = families
            step, facts = timed(STAGES[2], lambda: update_facts(store))
            step.extra.update(analysed=facts.analysed, skipped=facts.skipped, facts=facts.facts)
            # The claim ledger of the reconcile stage compares the claims of a story with each other.
            step.extra["claims"] = store.db.execute("SELECT count(*) FROM facts WHERE kind = 'claim'").fetchone()[0]
            if facts.failed:
                article = store.find_article(facts.failed[0][0])
                page = store.source_of(article.page_id)[1] if article else None  # the feed's id of the page
                step.extra.update(failed=len(facts.failed), first_failed=f"page {page}: {facts.failed[0][1]}")
            step, groups = timed(STAGES[3], lambda: update_groups(store))
            step.extra.update(events=groups.events, stories=groups.stories)
            with blas_threads(settings.reconcile_blas_threads):
                step, reconciled = timed(STAGES[4], lambda: update_reconciled(store))
            step.extra.update(asdict(reconciled))
            if settings.reconcile_blas_threads is not None:
                step.extra["blas_threads"] = settings.reconcile_blas_threads
            step, brief = timed(STAGES[5], lambda: brief_text(store, fmt="md"))
            step.extra.update(brief_lines=brief.count("\n"), brief_kb=round(len(brief.encode("utf-8")) / 1024))
        store_bytes = sum(f.stat().st_size for f in Path(tmp).glob("pipeline.db*"))
    pipeline = [s for s in steps if s.name in STAGES]
    total = Step(TOTAL, size, size, sum(s.seconds for s in pipeline), max(s.peak_mb for s in pipeline))
    total.cpu_seconds = sum(s.cpu_seconds for s in pipeline)
    total.extra["store_mb"] = round(store_bytes / 2**20, 1)
    return {"size": size, "steps": [asdict(s) for s in [*steps, total]]}


def _growth(small: dict[str, Any] | None, big: dict[str, Any] | None, factor: float) -> str:
    """Wall and CPU time at the last size over the first, and the exponent of size that CPU time followed."""
    if not small or not big or small["seconds"] <= 0 or small["cpu_seconds"] <= 0:
        return ""
    wall, cpu = big["seconds"] / small["seconds"], big["cpu_seconds"] / small["cpu_seconds"]
    exponent = math.log(cpu) / math.log(factor) if cpu > 0 and factor > 1 else float("nan")
    return f"{wall:.1f} wall, {cpu:.1f} CPU, k={exponent:.2f}"


def report(results: list[dict[str, Any]]) -> None:
    """One table for all sizes: wall s, CPU s and peak MB per stage, growth from the first size to the last."""
    by_size = [{s["name"]: s for s in r["steps"]} for r in results]
    factor = results[-1]["size"] / results[0]["size"]
    header = f"{'stage':<30}" + "".join(
        f" {format(r['size'], ',') + ' wall s':>15} {'CPU s':>8} {'peak MB':>8}" for r in results
    )
    print(header + (f"  growth ×{factor:g}" if len(results) > 1 else ""))
    for name in (GENERATE, *STAGES, TOTAL):
        cells = "".join(" " + _cell(steps.get(name)) for steps in by_size)
        growth = _growth(by_size[0].get(name), by_size[-1].get(name), factor) if len(results) > 1 else ""
        print(f"{name:<30}{cells}  {growth}")
    print("(peak MB: the process's peak after the stage; CPU s: user + system of every thread; -: not reached)")
    for r, steps in zip(results, by_size, strict=True):
        facts = steps.get(STAGES[2], {"extra": {}})["extra"]
        if facts.get("failed"):
            print(
                f"{r['size']:,} pages: the facts extractors failed on {facts['failed']:,} articles (kept with no "
                f"facts); first: {facts['first_failed']}"
            )
        if r.get("died_in"):
            print(f"{r['size']:,} pages: the process died in {r['died_in']} (its exit code is printed above)")
    for r, steps in zip(results, by_size, strict=True):
        if TOTAL in steps:
            total = steps[TOTAL]
            print(
                f"\n{r['size']:,} pages: {r['size'] / total['seconds']:,.1f} pages/s overall by wall time, "
                f"{r['size'] / total['cpu_seconds']:,.1f} per CPU second; store {total['extra']['store_mb']} MB"
            )
        else:
            print(f"\n{r['size']:,} pages: died in {r['died_in']}, no overall rate")
        for name in (GENERATE, *STAGES):
            if name not in steps:
                continue
            details = {k: v for k, v in steps[name]["extra"].items() if v is not None}
            per_s = r["size"] / steps[name]["seconds"] if steps[name]["seconds"] else 0.0
            print(f"  {name}: {steps[name]['seconds']:.1f} s, {per_s:,.0f} pages/s; {json.dumps(details)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--reconcile-blas-threads", type=int, help="cap the BLAS threads of the reconcile stage (default: no cap)"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--partial", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        settings = Settings(args.seed, args.reconcile_blas_threads, args.partial)
        print(json.dumps(measure(args.child, settings)))
        return
    results = []
    options = ["--seed", str(args.seed)]
    if args.reconcile_blas_threads is not None:
        options += ["--reconcile-blas-threads", str(args.reconcile_blas_threads)]
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="sitroom-pipeline-scale-") as tmp:
            partial = Path(tmp) / "partial.json"
            result = run_child("benchmarks.pipeline_scale", size, [*options, "--partial", str(partial)], True)
            if result is None and partial.exists():  # died: keep the stages it finished
                result = json.loads(partial.read_text(encoding="utf-8"))
                result["died_in"] = result.pop("running") or "between stages"
        if result is not None:
            results.append(result)
    if results:
        report(results)


if __name__ == "__main__":
    main()
