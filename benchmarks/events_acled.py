"""Event typing on the ACLED sample: sitroom's type and sub-type of each event from its notes.

The sample (9,000 ACLED events of 2022) gives, per event, the analyst's notes and the
coded event type and sub-type. Each note is read as one article body with no facts
(``extract_events(notes, [])``); its event is the first event sitroom reads (the notes
open with the coded event). Sitroom's sub-types outside ACLED are mapped to the ACLED
class they fall under (:data:`sitroom.extract.event_lexicon.DESK_TO_ACLED`: a ceasefire
declared is an Agreement, a ceasefire violation an Armed clash, joint patrols and troop
movements a Change to group/activity; talks, calls, diplomatic measures, claims of
responsibility, disasters and organised crime Other). A note with no event read is
scored as Strategic developments / Other (the class for "none of the above"); the table
says how many there were.

Rows are split by position: even rows are the development half (rules were tuned on
them), odd rows the held-out half; both are reported, with the whole.
Run: ``python -m benchmarks.events_acled [--limit N] [--errors N]``.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from benchmarks.shared_data import require
from sitroom.extract import event_lexicon as L
from sitroom.extract.events import Event, extract_events

FALLBACK = ("Strategic developments", "Other")
SAMPLE = "acled_old_deletion_dummy.csv"


def acled_rows(limit: int | None = None) -> list[dict[str, str]]:
    """The sample's events (notes, event_type, sub_event_type), in file order."""
    path: Path = require("benchmarks/conflict-events/acled-sample") / SAMPLE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("notes")]
    return rows[:limit] if limit else rows


def _sub_type(name: str) -> str:
    # ACLED spells it "protesters" in the data and "protestors" in the codebook.
    return name.replace("protestors", "protesters")


def acled_class(event: Event | None) -> tuple[str, str]:
    """An event's ACLED (type, sub-type): desk sub-types map to their ACLED class."""
    if event is None:
        return FALLBACK
    if event.sub_type in L.DESK_TO_ACLED:
        return L.DESK_TO_ACLED[event.sub_type]
    return event.type, _sub_type(event.sub_type)


def first_event(text: str) -> Event | None:
    """The event a short report is about: the first one read (notes and snippets lead with it)."""
    events = extract_events(text, [])
    return events[0] if events else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N events")
    parser.add_argument("--errors", type=int, default=0, help="print N misread notes of the development half")
    args = parser.parse_args(argv)

    rows = acled_rows(args.limit)
    t0 = time.perf_counter()
    events = [first_event(r["notes"]) for r in rows]
    seconds = time.perf_counter() - t0
    predicted = [acled_class(e) for e in events]
    gold = [(r["event_type"], _sub_type(r["sub_event_type"])) for r in rows]
    none = sum(1 for e in events if e is None)

    print(f"ACLED sample: {len(rows)} events ({seconds:.1f} s, {len(rows) / seconds:.0f} notes/s)")
    print(f"notes with no event read (scored as {FALLBACK[0]} / {FALLBACK[1]}): {none}")
    print(f"{'rows':<22}{'n':>6}{'type acc':>10}{'sub-type acc':>14}")
    for name, keep in (("development (even)", 0), ("held-out (odd)", 1), ("all", None)):
        idx = [i for i in range(len(rows)) if keep is None or i % 2 == keep]
        if not idx:
            continue
        type_acc = sum(predicted[i][0] == gold[i][0] for i in idx) / len(idx)
        sub_acc = sum(predicted[i] == gold[i] for i in idx) / len(idx)
        print(f"{name:<22}{len(idx):>6}{type_acc:>10.3f}{sub_acc:>14.3f}")

    print("\nper sub-type (all rows): gold n, recall, precision")
    by_gold = Counter(g[1] for g in gold)
    by_pred = Counter(p[1] for p in predicted)
    hits = Counter(g[1] for g, p in zip(gold, predicted, strict=True) if g == p)
    for sub, n in by_gold.most_common():
        precision = hits[sub] / by_pred[sub] if by_pred[sub] else 0.0
        print(f"  {sub:<40}{n:>6}{hits[sub] / n:>8.2f}{precision:>8.2f}")
    print("\ntop confusions (gold -> sitroom: count)")
    confusions = Counter((g[1], p[1]) for g, p in zip(gold, predicted, strict=True) if g != p)
    for (g, p), n in confusions.most_common(12):
        print(f"  {g} -> {p}: {n}")
    shown = 0
    for i, r in enumerate(rows):
        if shown >= args.errors:
            break
        if i % 2 == 0 and predicted[i] != gold[i]:
            print(f"\n[{gold[i][1]} -> {predicted[i][1]}] {r['notes'][:300]}")
            shown += 1


if __name__ == "__main__":
    main()
