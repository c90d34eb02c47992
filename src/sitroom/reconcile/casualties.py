"""Casualty ranges per incident: low, best and high, each bound with its figure and source.

The rules (written out for users in docs/reconciliation.md):

* Copies count once: the same figure from the same source in one syndication family is
  one report.
* Each report gives an interval: "exact N" is [N, N]; "at least N" [N, N]; "more than N"
  [N+1, N+1]; "up to N" [0, N]; "about N" [N, N] (vague amounts follow the stated
  convention of the figures module).
* A count of civilians is also a lower bound of the total.
* low is the smallest lower bound any report gives, high the largest upper bound: the
  range shows the disagreement, it never averages it away.
* best is the most recent report's figure (by the publication date of its article, then
  its position); counts of a running toll only rise, so a later figure from the same
  source supersedes its earlier one, and the range says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CIVILIAN_WORDS = ("civilian", "children", "child", "infant", "women", "woman", "residents", "villagers", "refugees")


@dataclass(slots=True)
class Bound:
    value: int
    source: str | None
    article_id: str
    text: str  # the figure's words
    span: tuple[int, int]


@dataclass(slots=True)
class CasualtyRange:
    figure: str  # killed or injured
    scope: str  # total or civilians
    low: Bound
    best: Bound
    high: Bound
    reports: int
    reason: str
    superseded: list[str] = field(default_factory=list)


def _interval(fig: dict) -> tuple[int, int]:
    value, qualifier = int(fig["value"]), fig.get("qualifier", "exact")
    if qualifier == "more than":
        return value + 1, value + 1
    if qualifier == "up to":
        return 0, value
    return value, value


def _scope(fig: dict) -> str:
    victims = (fig.get("victims") or "").lower()
    return "civilians" if any(w in victims for w in CIVILIAN_WORDS) else "total"


def casualty_ranges(
    figures: list[dict], dates: dict[str, str | None], family_of: dict[str, str]
) -> list[CasualtyRange]:
    """Ranges from the figures (facts with ``article_id``) reported for one incident."""
    out: list[CasualtyRange] = []
    for kind in ("killed", "injured"):
        reports: dict[tuple, dict] = {}
        for fig in figures:
            if fig["figure"] != kind or fig.get("subcount"):
                continue
            key = (family_of.get(fig["article_id"], fig["article_id"]), fig["value"], (fig.get("source") or "").lower())
            reports.setdefault(key, fig)  # copies count once
        if not reports:
            continue
        for scope in ("total", "civilians"):
            chosen = [f for f in reports.values() if scope == "total" or _scope(f) == "civilians"]
            if not chosen:
                continue
            out.append(_range(kind, scope, chosen, dates))
    return out


def _bound(fig: dict, value: int) -> Bound:
    return Bound(value, fig.get("source"), fig["article_id"], fig["text"], tuple(fig["span"]))  # type: ignore[arg-type]


def _range(kind: str, scope: str, figures: list[dict], dates: dict[str, str | None]) -> CasualtyRange:
    lows = [(_interval(f)[0], f) for f in figures]
    highs = [(_interval(f)[1], f) for f in figures]
    # Of the figures giving a bound, one that names its source is shown (the reader checks it).
    low_value, low_fig = min(lows, key=lambda x: (x[0], not x[1].get("source"), x[1]["article_id"], x[1]["span"][0]))
    high_value, high_fig = max(
        highs, key=lambda x: (x[0], bool(x[1].get("source")), x[1]["article_id"], -x[1]["span"][0])
    )
    ordered = sorted(figures, key=lambda f: (dates.get(f["article_id"]) or "", f["article_id"], f["span"][0]))
    latest = ordered[-1]
    superseded = []
    by_source: dict[str, list[dict]] = {}
    for fig in ordered:
        by_source.setdefault((fig.get("source") or "").lower(), []).append(fig)
    for source, figs in by_source.items():
        if source and len(figs) > 1 and figs[-1]["value"] > figs[0]["value"]:
            superseded.append(
                f"{figs[0]['source']}: {figs[0]['value']} superseded by {figs[-1]['value']} (a later running total)"
            )
    sources = sorted({f.get("source") or "unnamed source" for f in figures})
    if low_value == high_value:
        reason = f"{len(figures)} report(s) agree on {low_value} ({'; '.join(sources)})"
    else:
        reason = (
            f"reports disagree: {low_value} ({low_fig.get('source') or 'unnamed source'}) to {high_value} "
            f"({high_fig.get('source') or 'unnamed source'}); best is the most recent report"
        )
    return CasualtyRange(
        kind,
        scope,
        _bound(low_fig, low_value),
        _bound(latest, _interval(latest)[0]),
        _bound(high_fig, high_value),
        len(figures),
        reason,
        superseded,
    )
