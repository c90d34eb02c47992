"""Events and stories on ECB+ (982 news documents, 86 sub-topics), scored against its sub-topics.

ECB+ has 43 topics; each topic holds two *sub-topics*, the original ECB one (``1ecb``) and
the one ECB+ added (``1ecbplus``), which report two different real-world events of the
same kind with overlapping actors and wording: Tara Reid checking into rehab and Lindsay
Lohan checking into rehab, two Microsoft emergency patches for Internet Explorer, two
Northern California earthquakes. A grouping that never merges two events must keep the
siblings apart, so the sub-topic is the gold label for events and for stories here (the
data has no coarser "story" level), and the report also counts the groups that hold both
sub-topics of one topic, and lists such events.

Each document becomes one English article (title: its first sentence, which is the
headline in the ECB+-added half; body: the rest, one sentence per paragraph); features,
embeddings, copy families and grouping run as the grouping stage runs them. Only the
ECB+-added half carries a date (a date line the parser kept as text, in ``date_publish``),
so sitroom runs twice: without dates, and with the dates sitroom's own parser reads from
those lines (the ECB half stays undated).

A peer baseline runs beside it: TF-IDF of the whole document with average-link
agglomerative clustering at the two fixed cosine-distance thresholds that
``group_corpus`` uses; they were not chosen on ECB+ and are not tuned here.
Run: ``python -m benchmarks.group_ecbplus``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from benchmarks.shared_data import require
from sitroom.clean.article import build_body
from sitroom.clean.published import from_hint
from sitroom.evaluate import bcubed
from sitroom.grouping.features import Doc, doc_of
from sitroom.grouping.group import Grouping, group
from sitroom.grouping.stage import encoder_for
from sitroom.model import Article
from sitroom.nlp.sentences import split_sentences
from sitroom.provenance.families import Copy, CopyIndex, components
from sitroom.settings import ENCODERS

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
    cells = []
    for system in (events, stories):
        p, r, f = bcubed(system, gold)
        sibling, cross = mixed_groups(system, documents)
        cells.append(f"{len(set(system.values())):>6} {p:.3f}/{r:.3f}/{f:.3f} {sibling:>4} {cross:>4}")
    print(f"{name:<34} " + "   ".join(cells))


@dataclass(slots=True)
class Run:
    """One sitroom run over the documents: its grouping and what it cost."""

    grouping: Grouping
    features_s: float
    families_s: float
    grouping_s: float
    families: int
    dated: int
    date_basis: Counter[str]


def run_sitroom(documents: list[Document], dated: bool, vectors: dict[str, np.ndarray]) -> Run:
    """Features, families and grouping of ``documents``; embeddings come precomputed by text."""
    articles = [article_of(d, dated) for d in documents]
    started = time.perf_counter()
    docs: list[Doc] = [doc_of(a) for a in articles]
    features_s = time.perf_counter() - started
    docs = [replace(d, embedding=vectors[embedded_text(d)]) for d in docs]
    started = time.perf_counter()
    families = families_of(articles)
    families_s = time.perf_counter() - started
    started = time.perf_counter()
    result = group(docs, families)
    return Run(
        grouping=result,
        features_s=features_s,
        families_s=families_s,
        grouping_s=time.perf_counter() - started,
        families=len(families),
        dated=sum(1 for a in articles if a.published),
        date_basis=Counter(d.date_basis for d in docs),
    )


def embedded_text(doc: Doc) -> str:
    """What the grouping stage embeds for an English article."""
    return f"{doc.title}\n{doc.lead}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", choices=ENCODERS, default="minilm", help="sentence encoder (default minilm)")
    encoder = parser.parse_args().encoder
    root = require("benchmarks/event-coref/ecbplus")
    documents = load(root)
    n = len(documents)
    print(
        f"ECB+: {n} documents, {len({d.subtopic for d in documents})} sub-topics, "
        f"{len({d.topic for d in documents})} topics; {sum(1 for d in documents if not d.text)} are one sentence long"
    )
    # Embeddings once, by text: title and lead do not depend on dates.
    started = time.perf_counter()
    texts = sorted({embedded_text(doc_of(article_of(d, False))) for d in documents})
    vectors = dict(zip(texts, encoder_for(encoder)(texts), strict=True))
    embed_s = time.perf_counter() - started
    runs = {dated: run_sitroom(documents, dated, vectors) for dated in (False, True)}
    print(
        f"embeddings ({encoder}): {len(texts)} texts in {embed_s:.1f} s "
        f"({len(texts) / embed_s:.1f} texts/s, model load included)"
    )
    for dated, run in runs.items():
        total = run.features_s + run.families_s + run.grouping_s
        print(
            f"sitroom {'with' if dated else 'without'} dates ({run.dated} dated): features {run.features_s:.2f} s, "
            f"families {run.families_s:.2f} s ({run.families} families), grouping {run.grouping_s:.2f} s; "
            f"{n / (total + embed_s):.1f} documents/s with embeddings, {n / total:.0f} without"
        )
        print("  date basis: " + ", ".join(f"{k} {v}" for k, v in sorted(run.date_basis.items())))
    print()
    print("B-cubed P/R/F1 against the 86 sub-topics (gold for events and for stories alike); per column: groups,")
    print("P/R/F1, 'sib' groups holding both sub-topics of one topic (two events merged), 'xt' groups spanning topics.")
    column = f"{'P/R/F1':<17} {'sib':>4} {'xt':>4}"
    print(f"{'system':<34} {'events':>6} {column}   {'stories':>6} {column}")
    gold = {d.id: d.subtopic for d in documents}
    documents_by_id = {d.id: d for d in documents}
    row("gold sub-topics", gold, gold, documents)
    for dated, run in runs.items():
        events, stories = labels(run.grouping.events), labels(run.grouping.stories)
        row(f"sitroom, {'with' if dated else 'no'} dates", events, stories, documents)
    started = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{d.title}\n{d.text}" for d in documents]).toarray()
    for threshold in BASELINE_THRESHOLDS:
        clusters = AgglomerativeClustering(
            n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
        ).fit_predict(matrix)
        system = {d.id: str(c) for d, c in zip(documents, clusters, strict=True)}
        row(f"tf-idf average-link {threshold} (fixed)", system, system, documents)
    seconds = time.perf_counter() - started
    print(f"(baseline: one clustering per threshold, scored as events and as stories; {seconds:.1f} s)")
    titles = {d.id: d.title for d in documents}
    for dated, run in runs.items():
        for members in run.grouping.events:
            if len({documents_by_id[m].topic for m in members}) < len({documents_by_id[m].subtopic for m in members}):
                shown = "; ".join(f"{m}: {titles[m][:60]}" for m in members[:4])
                print(f"event merging sibling sub-topics ({'with' if dated else 'no'} dates): {shown}")


if __name__ == "__main__":
    main()
