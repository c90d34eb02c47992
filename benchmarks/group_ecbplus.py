"""Events and stories on ECB+ (982 news documents, 86 sub-topics), scored against its sub-topics.

ECB+ has 43 topics; each topic holds two *sub-topics*, the original ECB one (``1ecb``) and
the one ECB+ added (``1ecbplus``), which report two different real-world events of the
same kind with overlapping actors and wording: Tara Reid checking into rehab and Lindsay
Lohan checking into rehab, two different earthquakes, two different mass shootings. A
grouping that never merges two events must keep the siblings apart, so the sub-topic is
the gold label for events and for stories here (the data has no coarser "story" level),
and the report also counts documents put with their sibling sub-topic.

Each document becomes one English article (title: its first sentence; body: the rest,
one sentence per paragraph); features, embeddings, copy families and grouping run as the
grouping stage runs them. Only the ECB+-added half carries a date (a date line the parser
kept as text, in ``date_publish``), so sitroom runs twice: without dates, and with the
dates sitroom's own parser reads from those lines (the ECB half stays undated).

A peer baseline runs beside it: TF-IDF of the whole document with average-link
agglomerative clustering at the two fixed cosine-distance thresholds that
``group_corpus`` uses; they were not chosen on ECB+ and are not tuned here.
Run: ``python -m benchmarks.group_ecbplus``.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from benchmarks.shared_data import require
from sitroom.clean.article import build_body
from sitroom.clean.published import from_hint
from sitroom.evaluate import bcubed
from sitroom.grouping.features import Doc, doc_of
from sitroom.grouping.group import Grouping, group
from sitroom.model import Article
from sitroom.nlp.embed import embedder
from sitroom.nlp.sentences import split_sentences
from sitroom.provenance.families import Copy, CopyIndex, components

BASELINE_THRESHOLDS = (0.7, 0.85)


@dataclass(slots=True)
class Document:
    """One ECB+ document with its gold sub-topic and the date line the data kept, if any."""

    id: str
    subtopic: str
    topic: str
    title: str
    text: str
    date_line: str | None


def load(root: Path) -> list[Document]:
    """Every document JSON under ``docs_and_annotations/<sub-topic>/``, in a stable order."""
    out = []
    for folder in sorted(p for p in (root / "docs_and_annotations").iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            topic = folder.name.removesuffix("plus").removesuffix("ecb")
            out.append(
                Document(
                    id=path.stem,
                    subtopic=folder.name,
                    topic=topic,
                    title=(data.get("title") or "").strip(),
                    text=(data.get("text") or "").strip(),
                    date_line=data.get("date_publish"),
                )
            )
    return out


def article_of(doc: Document, dated: bool) -> Article:
    """An article as the cleaner would give it: one sentence per paragraph, no outlet."""
    body, paragraphs = build_body([(s.text, None, None, None) for s in split_sentences(doc.text)])
    return Article(
        id=doc.id,
        page_id=doc.id,
        index=0,
        title=doc.title or None,
        body=body,
        paragraphs=paragraphs,
        language="en",
        published=from_hint(doc.date_line, "feed") if dated else None,
    )


def families_of(articles: list[Article]) -> list[list[str]]:
    """Copy families of ``articles``, as the grouping stage finds them."""
    index = CopyIndex()
    pairs: list[tuple[str, str]] = []
    for article in sorted(articles, key=lambda a: a.id):
        pairs.extend((article.id, m) for m in index.add(Copy.of(article)))
    return [g for g in components([a.id for a in articles], pairs) if len(g) > 1]


def labels(groups: list[list[str]]) -> dict[str, str]:
    return {member: str(k) for k, members in enumerate(groups) for member in members}


def mixed_groups(system: dict[str, str], documents: list[Document]) -> tuple[int, int]:
    """Groups holding both sub-topics of one topic (merged sibling events), and groups spanning topics."""
    by_group: dict[str, list[Document]] = {}
    for doc in documents:
        by_group.setdefault(system[doc.id], []).append(doc)
    sibling = cross = 0
    for members in by_group.values():
        topics = {d.topic for d in members}
        cross += len(topics) > 1
        sibling += any(len({d.subtopic for d in members if d.topic == t}) > 1 for t in topics)
    return sibling, cross


def row(name: str, events: dict[str, str], stories: dict[str, str], documents: list[Document]) -> None:
    gold = {d.id: d.subtopic for d in documents}
    ev, st = bcubed(events, gold), bcubed(stories, gold)
    sibling, cross = mixed_groups(events, documents)
    print(
        f"{name:<32} {len(set(events.values())):>7} {ev[0]:.3f}/{ev[1]:.3f}/{ev[2]:.3f}   "
        f"{len(set(stories.values())):>7} {st[0]:.3f}/{st[1]:.3f}/{st[2]:.3f}   {sibling:>8} {cross:>8}"
    )


def run_sitroom(documents: list[Document], dated: bool, vectors: dict[str, object]) -> tuple[Grouping, dict]:
    """Features, families and grouping of ``documents``; embeddings come precomputed by text."""
    timings: dict[str, float] = {}
    articles = [article_of(d, dated) for d in documents]
    started = time.perf_counter()
    docs: list[Doc] = [doc_of(a) for a in articles]
    timings["features"] = time.perf_counter() - started
    docs = [replace(d, embedding=vectors[f"{d.title}\n{d.lead}"]) for d in docs]
    started = time.perf_counter()
    families = families_of(articles)
    timings["families"] = time.perf_counter() - started
    started = time.perf_counter()
    result = group(docs, families)
    timings["grouping"] = time.perf_counter() - started
    timings["family_count"] = len(families)
    timings["dated"] = sum(1 for a in articles if a.published)
    timings["date_basis"] = Counter(d.date_basis for d in docs)  # type: ignore[assignment]
    return result, timings


def main() -> None:
    root = require("benchmarks/event-coref/ecbplus")
    documents = load(root)
    n = len(documents)
    print(
        f"ECB+: {n} documents, {len({d.subtopic for d in documents})} sub-topics, "
        f"{len({d.topic for d in documents})} topics; {sum(1 for d in documents if not d.text)} are one sentence long"
    )
    # Embeddings once, keyed by the text the stage embeds (title and lead do not depend on dates).
    started = time.perf_counter()
    texts = sorted({f"{d.title}\n{d.lead}" for d in (doc_of(article_of(x, False)) for x in documents)})
    vectors = dict(zip(texts, embedder().embed(texts), strict=True))
    embed_seconds = time.perf_counter() - started
    results = {dated: run_sitroom(documents, dated, vectors) for dated in (False, True)}
    print(f"embeddings: {len(texts)} texts in {embed_seconds:.1f} s ({len(texts) / embed_seconds:.1f} texts/s)")
    for dated, (_, t) in results.items():
        total = t["features"] + t["families"] + t["grouping"]
        print(
            f"sitroom {'with' if dated else 'without'} dates ({t['dated']} dated): features {t['features']:.2f} s, "
            f"families {t['families']:.2f} s ({t['family_count']} families), grouping {t['grouping']:.2f} s; "
            f"{n / (total + embed_seconds):.1f} documents/s with embeddings, {n / total:.1f} without"
        )
        basis = t["date_basis"]
        print("  date basis: " + ", ".join(f"{k} {v}" for k, v in sorted(basis.items())))  # type: ignore[union-attr]
    print()
    print("B-cubed against the 86 sub-topics; 'sibling': groups holding both sub-topics of one topic;")
    print("'cross-topic': groups holding documents of two topics.")
    print(
        f"{'system':<32} {'events':>7} {'P/R/F1':<17}   {'stories':>7} {'P/R/F1':<17}   {'sibling':>8} {'x-topic':>8}"
    )
    gold = {d.id: d.subtopic for d in documents}
    row("gold sub-topics", gold, gold, documents)
    for dated, (result, _) in results.items():
        row(f"sitroom, {'with' if dated else 'no'} dates", labels(result.events), labels(result.stories), documents)
    started = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{d.title}\n{d.text}" for d in documents]).toarray()
    for threshold in BASELINE_THRESHOLDS:
        clusters = AgglomerativeClustering(
            n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
        ).fit_predict(matrix)
        system = {d.id: str(c) for d, c in zip(documents, clusters, strict=True)}
        row(f"tf-idf average-link {threshold} (fixed)", system, system, documents)
    print(f"(baseline: both thresholds in {time.perf_counter() - started:.1f} s; the same clusters score both columns)")


if __name__ == "__main__":
    main()
