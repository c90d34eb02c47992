"""Constrained single-link clustering that does not depend on input order.

Candidate links are taken strongest first (ties broken by ids), and a link is refused when
it would put two members whose dates are too far apart into one group. The result depends
only on the set of links, never on the order articles arrived in, and new articles can
join existing groups by adding their links and replaying the (stored) links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

import numpy as np

# Links taken from the sort order at a time (a Python list of that many indexes).
_BATCH = 65_536


def strongest_first(links: Iterable[tuple[float, str, str]], ids: list[str]) -> Iterator[tuple[float, str, str]]:
    """``links`` by score, highest first, ties by the two ids: the order that makes
    the result independent of arrival order.

    Sorted as three numeric arrays (score, and each id's rank in the sorted ``ids``)
    rather than with a Python key per link, which at millions of links would build as
    many key tuples at once.
    """
    links = links if isinstance(links, list) else list(links)
    if not links:
        return
    rank = {i: k for k, i in enumerate(ids)}
    count = len(links)
    scores = np.fromiter((link[0] for link in links), dtype=np.float64, count=count)
    first = np.fromiter((rank[link[1]] for link in links), dtype=np.int64, count=count)
    second = np.fromiter((rank[link[2]] for link in links), dtype=np.int64, count=count)
    order = np.lexsort((second, first, -scores))
    del scores, first, second
    for start in range(0, count, _BATCH):
        for k in order[start : start + _BATCH].tolist():
            yield links[k]


class _Groups:
    def __init__(self, ids: Iterable[str], dates: dict[str, date | None]) -> None:
        self.parent = {i: i for i in ids}
        # Earliest and latest known date of each group, kept at its root.
        self.span: dict[str, tuple[date, date] | None] = {i: (dates[i], dates[i]) if dates[i] else None for i in ids}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def merged_span(self, a: str, b: str) -> tuple[date, date] | None:
        sa, sb = self.span[a], self.span[b]
        if sa is None or sb is None:
            return sa or sb
        return (min(sa[0], sb[0]), max(sa[1], sb[1]))

    def union(self, a: str, b: str, span: tuple[date, date] | None) -> None:
        root, child = min(a, b), max(a, b)
        self.parent[child] = root
        self.span[root] = span


def constrained_components(
    ids: Iterable[str],
    links: Iterable[tuple[float, str, str]],
    dates: dict[str, date | None],
    max_span_days: int,
    allow: Callable[[str, str], bool] | None = None,
) -> list[list[str]]:
    """Groups from ``(score, a, b)`` links, strongest first, keeping each group's known
    dates within ``max_span_days``. ``allow`` may veto a merge of two groups (given roots)."""
    ids = sorted(ids)
    groups = _Groups(ids, dates)
    for _, a, b in strongest_first(links, ids):
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        span = groups.merged_span(ra, rb)
        if span is not None and (span[1] - span[0]).days > max_span_days:
            continue
        if allow is not None and not allow(ra, rb):
            continue
        groups.union(ra, rb, span)
    out: dict[str, list[str]] = {}
    for i in ids:
        out.setdefault(groups.find(i), []).append(i)
    return sorted(out.values(), key=lambda g: g[0])
