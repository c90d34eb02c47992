"""How features, families and grouping scale: time and peak memory at 10,000 and 100,000 articles.

The 135 corpus pages (../shared/corpus, cleaned by the real cleaner) are too few to show
how the grouping stage grows, so this makes its own articles from them, deterministically
from a seed, in copy families of realistic size (most articles alone, a few wire stories
re-run many times):

* a *base* article per family: first the cleaned pages themselves, then "new events":
  the lead sentence of one page and sentences of other pages of its language recombined
  into 3 to 8 paragraphs, names consistently swapped for other names of the corpus, half
  of the other words swapped and every number changed (the corpus has only
  about a thousand sentences, so without that two new events would be copies), dated at
  random over ten years;
* *copies with edits* of a base: one or two paragraphs dropped, or cut to the lead, a few
  adjacent words swapped, the title kept, reworded or lost, dated that day or the next;
* *re-dated variants*: the base text dated days or years away (a republication, or a
  template filled in again), which families find but events must keep apart by date.

Each size runs in its own process, so peak memory (``ru_maxrss``) is that size's own;
within one process the peak only grows, so the table shows the peak after each step, and
the step that raised it is the one that needed it. Steps, as the grouping stage runs them:

* features: ``doc_of`` for every article (no embeddings);
* embeddings of ``title + lead`` of the English articles, each distinct text once (copies
  and re-dated variants share texts), as the stage's embedder does;
* families: MinHash signatures and sentences (``Copy.of``), then ``CopyIndex.add`` of
  every article and ``components``;
* grouping: ``group(docs, families)``, once with every embedding left None (names-only
  scores, the path non-English articles take; ``--skip-embeddings`` runs only this one),
  and once with the embeddings when they were all computed.

Wall time and CPU time are both printed: on a shared machine wall time stretches while
CPU time hardly does (the embedder runs two threads, so its CPU time is up to twice its
wall time). A step that is clearly going to take more than ``--budget`` seconds (after a
minute, projected past 1.5 budgets; or simply past the budget) is stopped and reported
with how far it got. The grouping steps also stop when their new memory would pass
``--memory-gb``; their wrapper adds one Python generator layer per scored pair.
Run: ``python -m benchmarks.group_scale [--sizes 10000 100000] [--skip-embeddings] [--growing-archive]``
(the last spreads the articles over ten years per 10,000, as an archive grows, instead of
ten years at every size).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import numpy as np

from benchmarks.shared_data import require
from sitroom.clean.article import build_body
from sitroom.clean.page import clean_page
from sitroom.evaluate import bcubed
from sitroom.grouping import group as grouping
from sitroom.grouping.features import Doc, doc_of
from sitroom.grouping.stage import EMBED_LANGUAGES, encoder_for, within_event_pairs
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.model import Article, PublishedDate
from sitroom.nlp.sentences import split_sentences
from sitroom.provenance.families import Copy, CopyIndex, components
from sitroom.settings import ENCODERS, IngestOptions

SEED = 20190313
# Family sizes: most articles stand alone; the rest are wire stories re-run by 2 to 40 outlets.
ALONE_SHARE = 0.55
EXTRA_COPIES_P = 0.25  # geometric: mean family size of a shared story about 5
MAX_FAMILY = 40
REDATED_SHARE = 0.25  # of the non-base members; the rest are copies with edits
NAME_SWAP_SHARE = 0.6
# Of the other words of 4 letters or more, in new events. A quarter was too few: at
# 100,000 articles each corpus sentence is reused about 400 times, and unrelated new
# events then shared enough sentences to be true copies of one another (families found
# against families made: precision 0.81, one family of 5,566 articles); at a half the
# families found match the families made at both sizes (B-cubed F1 0.98).
WORD_SWAP_SHARE = 0.5
NEW_EVENT_PARAGRAPHS = (3, 8)  # each of 1 to 3 sentences
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2024, 12, 31)
EMBED_STEP = 256  # texts per call, between budget checks
PROBE_SECONDS = 60.0  # a step is projected only after this long
_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_MID_SENTENCE_WORD = re.compile(r"(?<=[^.!?\s] )[^\W\d_]{4,}\b")
_NUMBER = re.compile(r"\d+")


class StepStopped(Exception):
    """A step was stopped on purpose: past its time budget or its memory allowance."""


@dataclass(slots=True)
class Base:
    """The text of a family's first article."""

    title: str | None
    paragraphs: list[str]
    language: str | None
    day: date
    outlet: str | None


@dataclass(slots=True)
class Step:
    """One measured step: how long, how far, and the process's peak memory after it."""

    name: str
    items: int
    done: int
    seconds: float
    peak_mb: float
    projected: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    cpu_seconds: float = 0.0  # user + system time of this process (both embedding threads count)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU time used so far: unlike wall time, hardly changed by other processes on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def seed_articles() -> list[Article]:
    """The corpus pages through the real cleaner; pages that give no article are left out."""
    rows = [json.loads(line) for line in require("corpus/pages.jsonl").read_text(encoding="utf-8").splitlines()]
    options = IngestOptions()
    out: list[Article] = []
    for row in rows:
        item = RawItem(source=row["id"], raw=row["text"].encode("utf-8"), kind="text", url=row.get("url"))
        try:
            out.extend(a for a in clean_page(make_page(item, options)) if a.paragraphs)
        except Exception as exc:  # report and go on, as the pipeline does
            print(f"  seed page {row['id']} not cleaned: {exc}", file=sys.stderr)
    return out


class Generator:
    """Articles in families, made from the seed articles with one seeded random source."""

    def __init__(self, seeds: list[Article], seed: int, first_day: date = FIRST_DAY) -> None:
        self.rng = random.Random(seed)
        self.first_day = first_day
        self.seeds = seeds
        sentences: dict[str | None, list[str]] = {}
        names: dict[str | None, set[str]] = {}
        words: dict[str | None, set[str]] = {}
        for article in seeds:
            for paragraph in article.paragraph_texts():
                sentences.setdefault(article.language, []).extend(s.text for s in split_sentences(paragraph))
                # A name is a word written capitalised mid-sentence at least once.
                found = _MID_SENTENCE_WORD.findall(paragraph)
                names.setdefault(article.language, set()).update(w for w in found if w[0].isupper())
                words.setdefault(article.language, set()).update(w for w in found if not w[0].isupper())
        self.sentences = sentences
        self.names = {lang: sorted(pool) for lang, pool in names.items()}
        self.words = {lang: sorted(pool) for lang, pool in words.items()}
        self.outlets = sorted({a.outlet for a in seeds if a.outlet}) or ["example.org"]

    def _day(self) -> date:
        return self.first_day + timedelta(days=self.rng.randrange((LAST_DAY - self.first_day).days + 1))

    def from_seed(self, article: Article) -> Base:
        published = article.published.value if article.published else ""
        day = date.fromisoformat(published) if len(published) == 10 else self._day()
        return Base(article.title, article.paragraph_texts(), article.language, day, article.outlet)

    def new_event(self) -> Base:
        """Sentences of pages of one language recombined, with names, words and numbers changed.

        The corpus has about a thousand sentences, so at 100,000 articles each is reused
        hundreds of times; swapping a share of the words keeps two new events from
        sharing 5-word shingles (and so from being copies of each other).
        """
        rng = self.rng
        lead = rng.choice(self.seeds)
        pool = self.sentences[lead.language]
        names = self.names.get(lead.language) or []
        vocabulary = self.words.get(lead.language) or []
        mapping: dict[str, str] = {}

        def reword(match: re.Match[str]) -> str:
            word = match.group(0)
            if word in mapping:
                return mapping[word]
            if word[0].isupper():
                swap = names and word in self.names.get(lead.language, ()) and rng.random() < NAME_SWAP_SHARE
                mapping[word] = rng.choice(names) if swap else word
                return mapping[word]
            return rng.choice(vocabulary) if vocabulary and rng.random() < WORD_SWAP_SHARE else word

        def renumber(match: re.Match[str]) -> str:
            width = len(match.group(0))
            return str(rng.randrange(10 ** (width - 1) if width > 1 else 0, 10**width))

        def edit(text: str) -> str:
            return _NUMBER.sub(renumber, _WORD.sub(reword, text))

        paragraphs = []
        for k in range(rng.randint(*NEW_EVENT_PARAGRAPHS)):
            picked = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
            if k == 0:
                picked[0] = split_sentences(lead.paragraph_texts()[0])[0].text
            paragraphs.append(" ".join(edit(sentence) for sentence in picked))
        title = edit(lead.title) if lead.title else None
        return Base(title, paragraphs, lead.language, self._day(), rng.choice(self.outlets))

    def _swap_words(self, text: str, times: int) -> str:
        words = text.split(" ")
        for _ in range(times):
            if len(words) > 3:
                k = self.rng.randrange(len(words) - 1)
                words[k], words[k + 1] = words[k + 1], words[k]
        return " ".join(words)

    def copy_of(self, base: Base) -> Base:
        """A syndicated copy: cut or trimmed, a few words swapped, published that day or the next."""
        rng = self.rng
        paragraphs = list(base.paragraphs)
        if rng.random() < 0.25 and len(paragraphs) > 1:
            paragraphs = paragraphs[: rng.randint(1, min(3, len(paragraphs) - 1))]
        elif len(paragraphs) >= 4:
            for _ in range(rng.randint(1, 2)):
                paragraphs.pop(rng.randrange(1, len(paragraphs)))
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(paragraphs))
            paragraphs[k] = self._swap_words(paragraphs[k], rng.randint(1, 2))
        roll = rng.random()
        title = base.title if roll < 0.7 else (self._swap_words(base.title, 2) if base.title and roll < 0.9 else None)
        day = base.day + timedelta(days=rng.randint(0, 1))
        return Base(title, paragraphs, base.language, day, rng.choice(self.outlets))

    def redated(self, base: Base) -> Base:
        """The same text dated days (a late re-run) or years (a template filled again) away."""
        rng = self.rng
        shift = rng.randint(2, 20) if rng.random() < 0.5 else 365 * rng.randint(1, 3) + rng.randint(-3, 3)
        return replace(
            base, day=base.day + timedelta(days=shift * rng.choice((-1, 1))), outlet=rng.choice(self.outlets)
        )

    def family_size(self) -> int:
        if self.rng.random() < ALONE_SHARE:
            return 1
        size = 2
        while size < MAX_FAMILY and self.rng.random() > EXTRA_COPIES_P:
            size += 1
        return size

    def generate(self, count: int) -> tuple[list[Article], dict[str, str]]:
        """``count`` articles and the family each was made in."""
        articles: list[Article] = []
        truth: dict[str, str] = {}
        family = 0
        while len(articles) < count:
            base = self.from_seed(self.seeds[family]) if family < len(self.seeds) else self.new_event()
            members = [base]
            for _ in range(self.family_size() - 1):
                members.append(self.redated(base) if self.rng.random() < REDATED_SHARE else self.copy_of(base))
            for member in members[: count - len(articles)]:
                article = _article(f"a{len(articles):07d}", member)
                articles.append(article)
                truth[article.id] = f"f{family}"
            family += 1
        return articles, truth


def _article(article_id: str, base: Base) -> Article:
    body, paragraphs = build_body([(p, None, None, None) for p in base.paragraphs])
    return Article(
        id=article_id,
        page_id=article_id,
        index=0,
        title=base.title,
        body=body,
        paragraphs=paragraphs,
        language=base.language,
        published=PublishedDate(base.day.isoformat(), "day", "feed"),
        outlet=base.outlet,
    )


class Budget:
    """Stops a step past ``seconds``, or once it is projected (after a minute) to take longer."""

    def __init__(self, seconds: float, total: int) -> None:
        self.seconds, self.total = seconds, total
        self.started = time.perf_counter()
        self.projected: float | None = None

    def check(self, done: int) -> None:
        elapsed = time.perf_counter() - self.started
        if done:
            self.projected = elapsed * self.total / done
        if elapsed > self.seconds or (
            elapsed > PROBE_SECONDS and self.projected is not None and self.projected > 1.5 * self.seconds
        ):
            raise StepStopped(f"stopped after {elapsed:.0f} s at {done:,} of {self.total:,}")


def _timed_loop(
    name: str, items: list[Any], work: Callable[[Any], Any], budget: float, every: int
) -> tuple[Step, list]:
    """Run ``work`` on every item with a budget; the step and the results so far."""
    guard = Budget(budget, len(items))
    out: list[Any] = []
    note = ""
    try:
        for k, item in enumerate(items):
            if k % every == 0:
                guard.check(k)
            out.append(work(item))
    except StepStopped as stop:
        note = str(stop)
    seconds = time.perf_counter() - guard.started
    projected = guard.projected if note else None
    return Step(name, len(items), len(out), seconds, _peak_mb(), projected, note), out


def embed_all(name: str, texts: list[str], budget: float, encoder: str) -> tuple[Step, np.ndarray | None]:
    """Embed ``texts`` in slices with a budget; the vectors only when all were embedded."""
    embed = encoder_for(encoder)  # loaded (or distilled) outside the timing
    slices = [texts[k : k + EMBED_STEP] for k in range(0, len(texts), EMBED_STEP)]
    guard = Budget(budget, len(texts))
    parts: list[np.ndarray] = []
    done = 0
    note = ""
    try:
        for piece in slices:
            guard.check(done)
            parts.append(embed(piece))
            done += len(piece)
    except StepStopped as stop:
        note = str(stop)
    seconds = time.perf_counter() - guard.started
    step = Step(name, len(texts), done, seconds, _peak_mb(), guard.projected if note else None, note)
    step.extra["texts_per_s"] = round(done / seconds, 1) if seconds else None
    if note:
        return step, None
    return step, (np.concatenate(parts) if parts else np.zeros((0, 384), np.float32))


def _statm_bytes() -> tuple[int, int]:
    """Virtual size and resident size of this process, from /proc (Linux)."""
    try:
        pages = Path("/proc/self/statm").read_text().split()
    except OSError:
        return 0, 0
    size = resource.getpagesize()
    return int(pages[0]) * size, int(pages[1]) * size


def timed_group(
    name: str, docs: list[Doc], families: list[list[str]], budget: float, memory_gb: float
) -> tuple[Step, grouping.Grouping | None]:
    """``group(docs, families)`` under a time and memory allowance, with where its time went.

    ``similarities`` and ``group_from_links`` are wrapped (module attributes, looked up
    by ``group`` at call time) to count links, time the clustering, and stop early.
    """
    original_similarities, original_from_links = grouping.similarities, grouping.group_from_links
    n = len(docs)
    info: dict[str, Any] = {"links": 0, "rows_done": 0}
    started = time.perf_counter()

    def watched(*args: Any, **kwargs: Any) -> Iterator[tuple[float, int, int]]:
        first = time.perf_counter()
        info["first_pair_s"] = None
        for count, hit in enumerate(original_similarities(*args, **kwargs), 1):
            if info["first_pair_s"] is None:
                info["first_pair_s"] = round(time.perf_counter() - first, 1)
            if count % 10_000 == 0:
                info["rows_done"], info["links"] = hit[1], count
                elapsed = time.perf_counter() - started
                # Pairs come a chunk of rows at a time, so only a finished chunk tells the pace.
                if hit[1] >= grouping.CHUNK:
                    info["projected"] = elapsed * n / hit[1]
                if elapsed > budget or (elapsed > PROBE_SECONDS and info.get("projected", 0) > 1.5 * budget):
                    raise StepStopped(f"stopped after {elapsed:.0f} s at row {hit[1]:,} of {n:,}, {count:,} links")
            yield hit
            info["links"] = count
        info["rows_done"] = n
        info["scoring_s"] = round(time.perf_counter() - first, 1)

    def timed_from_links(*args: Any, **kwargs: Any) -> grouping.Grouping:
        clustered = time.perf_counter()
        result = original_from_links(*args, **kwargs)
        info["group_from_links_s"] = round(time.perf_counter() - clustered, 1)
        return result

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise StepStopped(f"stopped at the {budget:.0f} s budget (row {info['rows_done']:,} of {n:,})")

    virtual, _ = _statm_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if virtual:  # new allocations past the allowance raise MemoryError instead of meeting the OOM killer
        resource.setrlimit(resource.RLIMIT_AS, (virtual + int(memory_gb * 2**30), hard))
    grouping.similarities, grouping.group_from_links = watched, timed_from_links
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(int(budget) + 1)
    note = ""
    result = None
    try:
        result = grouping.group(docs, families)
    except StepStopped as stop:
        note = str(stop)
    except MemoryError:
        note = f"out of its {memory_gb:g} GB allowance at row {info['rows_done']:,} of {n:,}, {info['links']:,} links"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        grouping.similarities, grouping.group_from_links = original_similarities, original_from_links
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    seconds = time.perf_counter() - started
    projected = info.get("projected") if note else None
    step = Step(name, n, n if result else int(info["rows_done"]), seconds, _peak_mb(), projected, note, info)
    if result is not None:
        step.extra.update(events=len(result.events), stories=len(result.stories))
    step.extra["compared_per_article"] = compared_per_article(docs)
    return step, result


def compared_per_article(docs: list[Doc]) -> int:
    """How many articles each article is scored against, on average: those dated within
    the story window and every undated one, a chunk of rows at a time as ``similarities``
    takes them.

    Scoring grows with the articles per day, not with the archive: this is what grows
    when ten times the articles fall in the same ten years.
    """
    blocks = grouping._DateBlocks(sorted(docs, key=lambda d: d.article_id))
    cells = sum(len(rows) * len(blocks.columns(rows)) for rows in blocks.chunks(list(range(len(docs)))))
    return round(cells / max(1, len(docs)))


def timed_rewrites(
    articles: list[Article], events: list[list[str]], families: list[list[str]], docs: list[Doc]
) -> Step:
    """The families stage's second pass: rewrites looked for within the events found (by
    shared runs, then by credit)."""
    started = time.perf_counter()
    by_id = {a.id: a for a in articles}
    family_of = {m: f"f{k}" for k, members in enumerate(families) for m in members}
    pairs = within_event_pairs(by_id, events, family_of, {d.article_id: d for d in docs})
    seconds = time.perf_counter() - started
    return Step(
        "families: rewrites within events", len(articles), len(articles), seconds, 0.0, extra={"pairs": len(pairs)}
    )


def measure(
    size: int,
    seed: int,
    skip_embeddings: bool,
    budget: float,
    memory_gb: float,
    encoder: str = "minilm",
    growing_archive: bool = False,
) -> dict[str, Any]:
    """All steps at one size, in this process.

    By default every size spreads over the same ten years, so ten times the articles are
    ten times as many per day: the hard case for grouping, which compares articles within
    weeks of each other. ``growing_archive`` spreads them over ten years per 10,000
    articles instead, as a desk's archive grows: as many articles a day at every size.
    """
    steps: list[Step] = []
    cpu = _cpu_seconds()

    def record(step: Step) -> None:
        nonlocal cpu
        step.cpu_seconds, cpu = _cpu_seconds() - cpu, _cpu_seconds()
        step.peak_mb = _peak_mb()
        steps.append(step)

    started = time.perf_counter()
    first_day = FIRST_DAY
    if growing_archive:
        first_day = LAST_DAY - (LAST_DAY - FIRST_DAY) * size // 10_000
    articles, truth = Generator(seed_articles(), seed, first_day).generate(size)
    paragraphs = sum(len(a.paragraphs) for a in articles) / size
    name = "generate (corpus cleaned, articles made)"
    record(Step(name, size, size, time.perf_counter() - started, 0.0, extra={"mean_paragraphs": round(paragraphs, 1)}))
    failures: list[str] = []

    def features(article: Article) -> Doc | None:
        # An article doc_of fails on is left out of grouping and counted, so one bad lead cannot hide the timings.
        try:
            return doc_of(article)
        except Exception as exc:
            failures.append(f"{article.id} ({article.language}): {type(exc).__name__} {exc}")
            return None

    step, maybe_docs = _timed_loop("features: doc_of", articles, features, budget, 1000)
    complete = len(maybe_docs) == size
    docs = [d for d in maybe_docs if d is not None]
    if failures:
        step.extra.update(failed=len(failures), first_failure=failures[0])
    record(step)
    vectors: dict[str, np.ndarray] | None = None
    if complete and not skip_embeddings:
        texts = [f"{d.title}\n{d.lead}" for d in docs if d.language in EMBED_LANGUAGES]
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        distinct = dict(zip(keys, texts, strict=True))
        name = f"embeddings, {encoder} ({len(distinct):,} distinct)"
        step, unique_vectors = embed_all(name, list(distinct.values()), budget, encoder)
        record(step)
        if unique_vectors is not None:
            by_key = dict(zip(distinct, unique_vectors, strict=True))
            english = [d for d in docs if d.language in EMBED_LANGUAGES]
            vectors = {d.article_id: by_key[k] for d, k in zip(english, keys, strict=True)}
    step, copies = _timed_loop("families: Copy.of", articles, Copy.of, budget, 1000)
    record(step)
    families: list[list[str]] = []
    if len(copies) == size:
        index = CopyIndex()
        pairs: list[tuple[str, str]] = []

        def add(copy: Copy) -> None:
            pairs.extend((copy.article_id, m) for m in index.add(copy))

        step, added = _timed_loop("families: CopyIndex.add, components", copies, add, budget, 100)
        clustered = time.perf_counter()
        if len(added) == size:
            families = [g for g in components([a.id for a in articles], pairs) if len(g) > 1]
            step.seconds += time.perf_counter() - clustered
            found = {m: f"s{k}" for k, members in enumerate(families) for m in members}
            system = {a.id: found.get(a.id, a.id) for a in articles}
            step.extra.update(families=len(families), confirmed_pairs=len(pairs))
            step.extra["bcubed_vs_made"] = [round(x, 3) for x in bcubed(system, truth)]
        record(step)
        # The grouping stage runs after the families stage has returned: its index and
        # copies (sentences, signatures) are gone by then, and so they are here.
        del index, pairs
    del copies
    if complete:
        plain = [replace(d, embedding=None) for d in docs]
        record(timed_group("grouping: names only (no embeddings)", plain, families, budget, memory_gb)[0])
        del plain
        if vectors is not None:
            embedded = [replace(d, embedding=vectors.get(d.article_id)) for d in docs]
            step, grouped = timed_group("grouping: with embeddings", embedded, families, budget, memory_gb)
            record(step)
            del embedded
            if grouped is not None:
                record(timed_rewrites(articles, grouped.events, families, docs))
    made = len(set(truth.values()))
    return {"size": size, "made_families": made, "steps": [asdict(step) for step in steps]}


def _cell(step: dict[str, Any] | None) -> str:
    if step is None:
        return f"{'-':>15} {'':>8} {'':>8}"
    mark = "!" if step["note"] else ""
    return f"{step['seconds']:>14.1f}{mark or ' '} {step['cpu_seconds']:>8.1f} {step['peak_mb']:>8.0f}"


def _growth(small: dict[str, Any] | None, big: dict[str, Any] | None) -> str:
    """Wall and CPU time at the last size over the first; a stopped step's projected wall time."""
    if not small or not big or small["note"] or small["seconds"] <= 0:
        return ""
    if big["note"]:
        return f"~{big['projected'] / small['seconds']:.0f} (projected)" if big.get("projected") else "n/a"
    cpu = big["cpu_seconds"] / small["cpu_seconds"] if small["cpu_seconds"] else float("nan")
    return f"{big['seconds'] / small['seconds']:.1f} wall, {cpu:.1f} CPU"


def _key(name: str) -> str:
    return name.split(" (")[0]


def report(results: list[dict[str, Any]]) -> None:
    """One table for all sizes: seconds and peak MB per step, growth from the first size to the last."""
    names = list(dict.fromkeys(_key(s["name"]) for r in results for s in r["steps"]))
    steps = [{_key(s["name"]): s for s in r["steps"]} for r in results]
    header = f"{'step':<38}" + "".join(
        f" {format(r['size'], ',') + ' wall s':>15} {'CPU s':>8} {'peak MB':>8}" for r in results
    )
    print(header + (f"  growth ×{results[-1]['size'] // results[0]['size']}" if len(results) > 1 else ""))
    for name in names:
        cells = "".join(" " + _cell(by.get(name)) for by in steps)
        growth = _growth(steps[0].get(name), steps[-1].get(name)) if len(results) > 1 else ""
        print(f"{name:<38}{cells}  {growth}")
    print("(peak MB: the process's peak after the step; '!': stopped, see notes; CPU s counts every thread)")
    for r in results:
        print(f"\n{r['size']:,} articles in {r['made_families']:,} made families:")
        for s in r["steps"]:
            details = {k: v for k, v in s["extra"].items() if v is not None}
            per_s = f"{s['done'] / s['seconds']:,.0f}/s" if s["seconds"] and s["done"] else ""
            line = f"  {s['name']}: {s['done']:,} of {s['items']:,} in {s['seconds']:.1f} s {per_s}"
            if s["note"]:
                line += f"; {s['note']}" + (f", projected {s['projected'] / 60:.0f} min" if s["projected"] else "")
            print(line + (f"; {json.dumps(details)}" if details else ""))


def run_child(module: str, size: int, options: list[str], show_progress: bool = False) -> dict[str, Any] | None:
    """``python -m module --child size *options`` in a fresh process, so peak memory is that size's own.

    The child prints its result as JSON on the last line of its output; None, with the end of
    its error output printed, when it failed. ``show_progress`` lets its error output through
    as it comes instead of keeping it for a failure.
    """
    command = [sys.executable, "-m", module, "--child", str(size), *options]
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=None if show_progress else subprocess.PIPE, text=True)
    if done.returncode != 0:
        print(
            f"{size:,}: the measuring process failed ({done.returncode}) after "
            f"{time.perf_counter() - started:.0f} s:\n{(done.stderr or '')[-2000:]}"
        )
        return None
    print(f"{size:,}: measured in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--skip-embeddings", action="store_true", help="names-only grouping, no embedding model")
    parser.add_argument("--budget", type=float, default=1200.0, help="seconds a step may take (default 20 min)")
    parser.add_argument("--memory-gb", type=float, default=16.0, help="new memory a grouping step may take")
    parser.add_argument("--encoder", choices=ENCODERS, default="minilm", help="sentence encoder (default minilm)")
    parser.add_argument(
        "--growing-archive", action="store_true", help="ten years of dates per 10,000 articles (same articles a day)"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = measure(
            args.child, args.seed, args.skip_embeddings, args.budget, args.memory_gb, args.encoder, args.growing_archive
        )
        print(json.dumps(result))
        return
    results = []
    for size in args.sizes:
        options = ["--seed", str(args.seed), "--budget", str(args.budget), "--memory-gb", str(args.memory_gb)]
        options += ["--skip-embeddings"] if args.skip_embeddings else []
        options += ["--encoder", args.encoder]
        options += ["--growing-archive"] if args.growing_archive else []
        result = run_child("benchmarks.group_scale", size, options)
        if result is not None:
            results.append(result)
    if results:
        report(results)


if __name__ == "__main__":
    main()
