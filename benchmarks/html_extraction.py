"""HTML main-text extraction: sitroom against trafilatura and readability-lxml.

Why: sitroom's HTML cleaner wraps trafilatura (precision mode, plus a check that it took the
page's own story and a re-extraction when not); this measures what that costs or buys on two
public benchmarks, in one run, each scored with the benchmark's own metric.

Run: ``python benchmarks/html_extraction.py [--limit N] [--save DIR] [--check-peers]``

Data (third-party, read at run time, never copied): ``../shared`` next to the repository,
or the directory named by ``SITROOM_SHARED``.

* Zyte article-extraction-benchmark (181 pages, ground-truth ``articleBody``). Metric as in
  the upstream ``evaluate.py``, reimplemented: tokens are ``\\w+`` runs, shingles are 4-token
  windows (a text of 4 tokens or fewer is one shingle); per page, TP/FP/FN come from the
  multiset overlap of true and predicted shingles and are normalised to sum to 1; precision
  is the mean over pages that predicted any shingle, recall the mean over pages with any true
  shingle, F1 the harmonic mean of those two means. Accuracy is the share of pages whose token
  list equals the truth's. "±" is the bootstrap standard deviation of F1 (1000 resamples).
  An empty output lowers recall only, as upstream. ``--check-peers`` scores the peer outputs
  shipped with the data, which reproduces the published upstream figures.
* trafilatura evaluation set (990 pages, "with" snippets to keep, "without" snippets to
  drop). As trafilatura's comparison script: a snippet is found when it is a substring of
  the output; counts are summed over all pages; P = TP/(TP+FP), R = TP/(TP+FN),
  F1 = 2TP/(2TP+FP+FN), accuracy = (TP+TN)/all; no output counts every "with" as FN and
  every "without" as TN.

Title: the Zyte truth is the article body without its headline, so sitroom is scored on
``articles[0].body`` alone, like trafilatura's ``extract`` output (which has no title
line either). The row ``sitroom+title`` scores ``title + "\\n" + body`` from the same run,
to show what prepending the headline would change. sitroom drops a first body paragraph
equal to the title, which the other two keep.

Inputs are passed as each benchmark's own harness does: Zyte pages as UTF-8 text and
trafilatura-set pages as bytes to trafilatura and readability; sitroom always gets the raw
bytes through ``make_page`` (its own decoding is part of what is measured).

Each system runs in its own freshly spawned process, one after the other, so its pages/s
are not disturbed by the others and ``ru_maxrss`` is its own peak ("base" is the peak after
imports and one warm-up page, before the timed pages; pages are streamed, not preloaded).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import re
import resource
import statistics
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

ZYTE = "zyte"
TRAF = "trafilatura-eval"
DATASETS = (ZYTE, TRAF)
SYSTEMS = ("sitroom", "trafilatura", "readability")
SHINGLE = 4
BOOTSTRAP = 1000
_TOKEN = re.compile(r"\w+")
_BREAK = "\u2029"  # marks block boundaries while flattening readability's HTML
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure"),
        *("footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre"),
        *("section", "table", "tbody", "td", "th", "thead", "tr", "ul"),
    }
)


def shared_root() -> Path:
    """Where the third-party data lives: ``SITROOM_SHARED`` or ``../shared`` beside the repo."""
    override = os.environ.get("SITROOM_SHARED")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1].parent / "shared"


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Doc:
    """One page to extract; ``as_text`` says whether the harness hands over decoded text."""

    id: str
    source: str
    raw: bytes
    url: str | None
    as_text: bool


@dataclass(slots=True)
class Dataset:
    """The truth of one benchmark (a body, or with/without snippet lists) and its page ids in order."""

    name: str
    ids: list[str] = field(default_factory=list)
    urls: dict[str, str | None] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    snippets: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)


def _zyte_dir(root: Path) -> Path:
    return root / "benchmarks" / "boilerplate" / "article-extraction-benchmark"


def _traf_dir(root: Path) -> Path:
    return root / "benchmarks" / "boilerplate" / "trafilatura-eval"


def load_truth(name: str, root: Path, limit: int | None) -> Dataset:
    """Ground truth only (small); the pages themselves are streamed by :func:`iter_docs`."""
    data = Dataset(name)
    if name == ZYTE:
        truth = json.loads((_zyte_dir(root) / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(truth)[:limit]:
            data.ids.append(key)
            data.urls[key] = truth[key].get("url")
            data.bodies[key] = truth[key].get("articleBody") or ""
    else:
        annotations = json.loads((_traf_dir(root) / "evaldata.json").read_text(encoding="utf-8"))
        for url, item in list(annotations.items())[:limit]:
            data.ids.append(item["file"])
            data.urls[item["file"]] = url
            data.snippets[item["file"]] = (list(item["with"]), list(item["without"]))
    return data


def iter_docs(data: Dataset, root: Path) -> Iterator[Doc]:
    """The pages of ``data`` one at a time, so memory holds one page, not 150 MB of them."""
    if data.name == ZYTE:
        for key in data.ids:
            path = _zyte_dir(root) / "html" / f"{key}.html.gz"
            yield Doc(key, f"zyte/{path.name}", gzip.decompress(path.read_bytes()), data.urls[key], as_text=True)
        return
    tarball = _traf_dir(root) / "html_inputs.tar.gz"
    with tarfile.open(tarball, "r:gz") as tar:
        names = set(tar.getnames())
    # The upstream loader looks in tests/cache first, then tests/eval.
    chosen: dict[str, str] = {}
    for key in data.ids:
        for folder in ("cache", "eval"):
            if f"tests/{folder}/{key}" in names:
                chosen[f"tests/{folder}/{key}"] = key
                break
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            key = chosen.get(member.name)
            handle = tar.extractfile(member) if key is not None and member.isfile() else None
            if key is not None and handle is not None:
                yield Doc(key, f"trafilatura-eval/{key}", handle.read(), data.urls[key], as_text=False)


def load(root: Path, limit: int | None) -> list[Dataset]:
    return [load_truth(name, root, limit) for name in DATASETS]


# --------------------------------------------------------------------------- systems


@dataclass(slots=True)
class Output:
    """What a system gave for one page: text (may be empty), a title, and any failure."""

    text: str
    title: str | None = None
    failure: str | None = None  # "empty: ..." when nothing came out, "error: ..." on a crash
    seconds: float = 0.0


def _html_input(doc: Doc) -> str | bytes:
    return doc.raw.decode("utf-8", errors="replace") if doc.as_text else doc.raw


def extract_sitroom(doc: Doc) -> Output:
    """sitroom's own path from bytes: decode, then the HTML cleaner; body compared, title kept."""
    from sitroom.clean.html import clean_html_page
    from sitroom.errors import InputError
    from sitroom.ingest.items import RawItem
    from sitroom.ingest.page import make_page
    from sitroom.settings import IngestOptions

    try:
        page = make_page(RawItem(source=doc.source, raw=doc.raw, kind="html", url=doc.url), IngestOptions())
        articles = clean_html_page(page)
    except InputError as err:
        return Output("", failure=f"empty: {err.problem}")
    if not articles:
        return Output("", failure="empty: no article")
    return Output(articles[0].body, title=articles[0].title)


def extract_trafilatura(doc: Doc) -> Output:
    """trafilatura with its default settings and nothing else."""
    import trafilatura

    text = trafilatura.extract(_html_input(doc))
    return Output(text or "", failure=None if text else "empty: extract returned nothing")


def _fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block, white space collapsed within a block."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(fragment)
    except ParserError:
        return ""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.text = _BREAK + (element.text or "")
            element.tail = _BREAK + (element.tail or "")
    lines = (" ".join(part.split()) for part in root.text_content().split(_BREAK))
    return "\n".join(line for line in lines if line)


def extract_readability(doc: Doc) -> Output:
    """readability-lxml's summary HTML, flattened to text block by block."""
    from readability import Document

    text = _fragment_text(Document(_html_input(doc)).summary())
    return Output(text, failure=None if text else "empty: summary has no text")


EXTRACTORS: dict[str, Callable[[Doc], Output]] = {
    "sitroom": extract_sitroom,
    "trafilatura": extract_trafilatura,
    "readability": extract_readability,
}


@dataclass(slots=True)
class SystemRun:
    """One system over every dataset: outputs by dataset and page id, and peak memory (KiB)."""

    system: str
    outputs: dict[str, dict[str, Output]]
    base_rss_kib: int
    peak_rss_kib: int


def _maxrss_kib() -> int:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage // 1024 if sys.platform == "darwin" else usage  # macOS reports bytes


def run_system(system: str, root: Path, limit: int | None) -> SystemRun:
    """Extract every page with one system, streaming the pages; meant for a fresh process."""
    datasets = load(root, limit)
    extractor = EXTRACTORS[system]
    # Warm up on one page so one-off imports and model loads do not count as page time.
    first = next(iter_docs(datasets[0], root), None)
    if first is not None:
        with contextlib.suppress(Exception):  # the real run reports it
            extractor(first)
    del first
    base = _maxrss_kib()
    outputs: dict[str, dict[str, Output]] = {}
    for data in datasets:
        found: dict[str, Output] = {}
        for doc in iter_docs(data, root):
            start = time.perf_counter()
            try:
                out = extractor(doc)
            except Exception as err:  # any crash is a counted failure, not a stop
                out = Output("", failure=f"error: {type(err).__name__}: {err}"[:300])
            out.seconds = time.perf_counter() - start
            found[doc.id] = out
        outputs[data.name] = found
    return SystemRun(system, outputs, base, _maxrss_kib())


def _child(system: str, root: str, limit: int | None, result: str, go: EventType) -> None:
    """Body of one system's process: wait for its turn, run, write the result as JSON."""
    go.wait()
    run = run_system(system, Path(root), limit)
    outputs = {
        d: {k: [o.text, o.title, o.failure, o.seconds] for k, o in found.items()} for d, found in run.outputs.items()
    }
    payload = {"system": run.system, "base": run.base_rss_kib, "peak": run.peak_rss_kib, "outputs": outputs}
    Path(result).write_text(json.dumps(payload), encoding="utf-8")


def run_isolated(systems: list[str], root: Path, limit: int | None) -> list[SystemRun]:
    """Run each system in its own spawned process, one after the other.

    All processes are started before this process holds any data or output: a child's
    ``ru_maxrss`` starts at its parent's peak (Linux keeps it across exec), so starting them
    late would charge the parent's memory to each system.
    """
    context = get_context("spawn")
    runs: list[SystemRun] = []
    with tempfile.TemporaryDirectory(prefix="html-extraction-") as tmp:
        jobs = []
        for system in systems:
            go = context.Event()
            result = Path(tmp) / f"{system}.json"
            process = context.Process(target=_child, args=(system, str(root), limit, str(result), go), daemon=True)
            process.start()
            jobs.append((system, go, process, result))
        for system, go, process, result in jobs:
            started = time.perf_counter()
            go.set()
            process.join()
            took = time.perf_counter() - started
            if process.exitcode != 0 or not result.exists():
                print(f"[{system}: process failed with exit code {process.exitcode}]", file=sys.stderr)
                continue
            print(f"[{system}: done in {took:.0f} s]", file=sys.stderr)
            payload = json.loads(result.read_text(encoding="utf-8"))
            outputs = {
                dataset: {k: Output(t, title, failure, secs) for k, (t, title, failure, secs) in found.items()}
                for dataset, found in payload["outputs"].items()
            }
            runs.append(SystemRun(system, outputs, payload["base"], payload["peak"]))
    return runs


# --------------------------------------------------------------------------- metrics


@dataclass(slots=True)
class Score:
    """One row of the table."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    f1_std: float | None = None


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _tokens(text)
    if not tokens:
        return Counter()
    if len(tokens) <= n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page TP, FP, FN over shingles, normalised to sum to 1 so long pages weigh the same."""
    truth, guess = _shingles(true), _shingles(pred)
    tp = float(sum((truth & guess).values()))
    fp = float(sum((guess - truth).values()))
    fn = float(sum((truth - guess).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _macro(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precisions = [_page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def page_f1(true: str, pred: str) -> float:
    """One page's shingle F1, for finding the pages a system loses most on."""
    counts = shingle_counts(true, pred)
    precision, recall = _page_precision(*counts), _page_recall(*counts)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_zyte(truth: dict[str, str], texts: dict[str, str], seed: int = 0) -> Score:
    """The Zyte benchmark's shingle precision/recall/F1, accuracy and bootstrap std of F1."""
    keys = sorted(truth)
    counts = [shingle_counts(truth[k], texts.get(k, "")) for k in keys]
    exact = [float(_tokens(truth[k]) == _tokens(texts.get(k, ""))) for k in keys]
    precision, recall, f1 = _macro(counts)
    rng = random.Random(seed)
    samples = []
    for _ in range(BOOTSTRAP if len(counts) > 1 else 0):
        picks = [rng.randrange(len(counts)) for _ in counts]
        samples.append(_macro([counts[i] for i in picks])[2])
    std = statistics.stdev(samples) if len(samples) > 1 else 0.0
    return Score(precision, recall, f1, statistics.mean(exact) if exact else 0.0, std)


def snippet_counts(text: str | None, keep: list[str], drop: list[str]) -> tuple[int, int, int, int]:
    """TP, FN, FP, TN of one page's snippets; no text keeps nothing and drops everything."""
    if not text:
        return 0, len(keep), 0, len(drop)
    tp = sum(1 for s in keep if s in text)
    fp = sum(1 for s in drop if s in text)
    return tp, len(keep) - tp, fp, len(drop) - fp


def score_snippets(truth: dict[str, tuple[list[str], list[str]]], texts: dict[str, str]) -> Score:
    """trafilatura's evaluation: snippet counts summed over all pages, then P/R/F1/accuracy."""
    tp = fn = fp = tn = 0
    for key, (keep, drop) in truth.items():
        a, b, c, d = snippet_counts(texts.get(key), keep, drop)
        tp, fn, fp, tn = tp + a, fn + b, fp + c, tn + d
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    total = tp + fn + fp + tn
    return Score(precision, recall, f1, (tp + tn) / total if total else 0.0)


def score(data: Dataset, texts: dict[str, str]) -> Score:
    return score_zyte(data.bodies, texts) if data.name == ZYTE else score_snippets(data.snippets, texts)


# --------------------------------------------------------------------------- report


def _with_title(out: Output) -> str:
    return "\n".join(([out.title] if out.title else []) + ([out.text] if out.text else []))


def _variants(run: SystemRun, dataset: str) -> list[tuple[str, dict[str, str]]]:
    outs = run.outputs[dataset]
    rows = [(run.system, {k: o.text for k, o in outs.items()})]
    if run.system == "sitroom":
        rows.append(("sitroom+title", {k: _with_title(o) for k, o in outs.items()}))
    return rows


def print_table(datasets: list[Dataset], runs: list[SystemRun]) -> None:
    """P/R/F1, accuracy, speed and failures per system per dataset, then memory per system."""
    head = f"{'dataset':<24}{'system':<15}{'P':>7}{'R':>7}{'F1':>7}{'±F1':>7}{'acc':>7}"
    print(head + f"{'pages':>7}{'pages/s':>9}{'empty':>7}{'errors':>8}")
    for data in datasets:
        label = f"{data.name} ({len(data.ids)})"
        for run in runs:
            outs = run.outputs[data.name]
            seconds = sum(o.seconds for o in outs.values())
            speed = len(outs) / seconds if seconds else 0.0
            empty = sum(1 for o in outs.values() if o.failure and o.failure.startswith("empty"))
            errors = sum(1 for o in outs.values() if o.failure and o.failure.startswith("error"))
            for name, texts in _variants(run, data.name):
                s = score(data, texts)
                std = f"{s.f1_std:7.3f}" if s.f1_std is not None else f"{'':>7}"
                print(
                    f"{label:<24}{name:<15}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{std}{s.accuracy:7.3f}"
                    f"{len(outs):7d}{speed:9.1f}{empty:7d}{errors:8d}"
                )
        print()
    print(f"{'system':<15}{'pages':>7}{'seconds':>9}{'pages/s':>9}{'peak RSS MiB':>14}{'base MiB':>10}")
    for run in runs:
        outs = [o for found in run.outputs.values() for o in found.values()]
        seconds = sum(o.seconds for o in outs)
        speed = len(outs) / seconds if seconds else 0.0
        print(
            f"{run.system:<15}{len(outs):7d}{seconds:9.1f}{speed:9.1f}"
            f"{run.peak_rss_kib / 1024:14.0f}{run.base_rss_kib / 1024:10.0f}"
        )


def print_failures(runs: list[SystemRun], shown: int = 5) -> None:
    """The first few failure messages per system, so a crash is not just a count."""
    for run in runs:
        failed = [(d, k, o.failure) for d, found in run.outputs.items() for k, o in found.items() if o.failure]
        if not failed:
            continue
        print(f"\n{run.system}: {len(failed)} pages without output")
        for dataset, key, failure in failed[:shown]:
            print(f"  {dataset}/{key[:40]}: {failure}")


def save(directory: Path, datasets: list[Dataset], runs: list[SystemRun]) -> None:
    """Per-page outputs as DIR/dataset/system/id.txt and per-page scores as DIR/dataset/scores.tsv."""
    for data in datasets:
        for run in runs:
            folder = directory / data.name / run.system
            folder.mkdir(parents=True, exist_ok=True)
            for key, out in run.outputs[data.name].items():
                head = f"# title: {out.title}\n" if out.title else ""
                head += f"# failure: {out.failure}\n" if out.failure else ""
                (folder / f"{key}.txt").write_text(head + out.text + "\n", encoding="utf-8")
        lines = ["id\t" + "\t".join(run.system for run in runs)]
        for key in data.ids:
            cells = []
            for run in runs:
                found = run.outputs[data.name].get(key)
                text = found.text if found is not None else ""
                if data.name == ZYTE:
                    cells.append(f"{page_f1(data.bodies[key], text):.3f}")
                else:
                    cells.append("/".join(str(n) for n in snippet_counts(text, *data.snippets[key])))
            lines.append(key + "\t" + "\t".join(cells))
        note = "" if data.name == ZYTE else "# cells: TP/FN/FP/TN of the with/without snippets\n"
        (directory / data.name / "scores.tsv").write_text(note + "\n".join(lines) + "\n", encoding="utf-8")


def check_peers(root: Path) -> None:
    """Score the peer outputs shipped with the Zyte benchmark, to check this metric against upstream."""
    base = _zyte_dir(root)
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = {k: v.get("articleBody") or "" for k, v in truth.items()}
    print(f"{'peer output':<20}{'P':>7}{'R':>7}{'F1':>7}{'±F1':>7}{'acc':>7}")
    for path in sorted((base / "output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if set(data) == {"output", "version"}:
            data = data["output"]
        texts = {k: (v.get("articleBody") or "") for k, v in data.items()}
        s = score_zyte(bodies, texts)
        print(f"{path.stem:<20}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.f1_std or 0:7.3f}{s.accuracy:7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each dataset")
    parser.add_argument("--save", type=Path, default=None, help="write per-page outputs and scores here")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset of " + ",".join(SYSTEMS))
    parser.add_argument("--check-peers", action="store_true", help="also score the Zyte peer outputs")
    args = parser.parse_args(argv)
    root = shared_root()
    if not _zyte_dir(root).is_dir():
        print(f"benchmark data not found under {root} (set SITROOM_SHARED)", file=sys.stderr)
        return 2
    systems = [s for s in args.systems.split(",") if s]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    runs = run_isolated(systems, root, args.limit)
    datasets = load(root, args.limit)
    print()
    print_table(datasets, runs)
    print_failures(runs)
    sitroom = next((r for r in runs if r.system == "sitroom"), None)
    if sitroom is not None:
        outs = [o for found in sitroom.outputs.values() for o in found.values()]
        seconds = sum(o.seconds for o in outs)
        speed = len(outs) / seconds if seconds else 0.0
        print(
            f"\nsitroom extraction: {len(outs)} pages in {seconds:.1f} s = {speed:.1f} pages/s;"
            f" peak RSS {sitroom.peak_rss_kib / 1024:.0f} MiB"
            f" ({sitroom.base_rss_kib / 1024:.0f} MiB after imports and one warm-up page)"
        )
    if args.check_peers:
        print()
        check_peers(root)
    if args.save is not None:
        save(args.save, datasets, runs)
        print(f"\nper-page outputs and scores written under {args.save}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
