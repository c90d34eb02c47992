"""Fatalities and locations from ACLED event notes, against ACLED's own coding.

Data (read at run time from ``../shared/benchmarks/conflict-events/acled-sample``): 9,000
ACLED events of 2022 with their notes, coded fatalities and coordinates (ACLED terms:
internal evaluation only). Two measures:

(a) Fatalities, exact match with the coded number. sitroom reads the figures of the notes
(``extract_figures``) and a fatalities number follows by this rule:

1. a figure the coder states wins: "Fatalities coded as 10" first, else a tally such as
   "1 fatality" (the last one if there are several); "There were no fatalities" is 0;
2. otherwise the first sentence that reports deaths: the sum of its distinct killed figures
   ("two policemen and one polio worker were killed" is 3; a figure repeated with the same
   value and victims counts once). Later sentences mostly repeat the count or give one
   side's claim, and ACLED codes the first, conservative report (summing all sentences
   scores 0.5 points lower on fatal events). Sentences that send the deaths to another
   event ("fatalities coded to the Novotroitske event", "split across two events") are
   left out throughout;
3. a vague amount is coded by ACLED's convention, not sitroom's lower bound: "several",
   "a number of", "unknown" 10, "dozens" 12, "scores" 20, "hundreds" 100;
4. no killed figure: 0. Injured, missing and detained figures never count.

Zero-fatality events are most of the sample (7,675 of 9,000): predicting 0 everywhere
scores 0.853, so the accuracy on events with fatalities is reported beside the total.

(b) Location: the event's place from the notes, the first place mention of town precision
(else the first place mention) found by ``extract_places``, within 25 km of ACLED's
coordinates; once from the notes alone and once with the event's country given as a
dateline would give it (ACLED notes rarely name the country).

Run: ``python -m benchmarks.acled_sample [--limit N] [--errors N]``.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter

from benchmarks.shared_data import require
from sitroom.extract.figures import Figure, extract_figures
from sitroom.extract.gazetteer import Place, gazetteer
from sitroom.extract.places import PlaceMention, _distance_km, extract_places
from sitroom.nlp.language import english

PLACE_KM = 25.0
# ACLED's codebook convention for reports without a number.
ACLED_VAGUE = {"several": 10, "a few": 10, "a handful": 10, "dozens": 12, "scores": 20, "hundreds": 100}
_CODED = re.compile(r"(?:coded|estimated) (?:as|at)", re.I)
_TALLY = re.compile(r"fatalit", re.I)
_NO_DEATHS = re.compile(
    r"\bno (?:injuries or |reported )?(?:fatalities|deaths|casualties)\b|\bno one was killed\b", re.I
)
_ELSEWHERE = re.compile(
    r"fatalities (?:are |were )?coded to|coded separately|separate event|(?:split|spread) (?:among|across|between)",
    re.I,
)


def _sentence(text: str, start: int) -> str:
    left = text.rfind(". ", 0, start) + 1
    right = text.find(". ", start)
    return text[left : right if right != -1 else len(text)]


def _value(figure: Figure) -> int:
    if figure.vague:
        for word, value in ACLED_VAGUE.items():
            if word in figure.text.lower():
                return value
        return 10
    return figure.value


def fatalities(notes: str) -> int:
    """The number of deaths the notes report, by the rule in the module docstring."""
    killed = [f for f in extract_figures(notes) if f.figure == "killed"]
    killed = [f for f in killed if not _ELSEWHERE.search(_sentence(notes, f.start))]
    coder = [f for f in killed if _CODED.search(f.text)] or [f for f in killed if _TALLY.search(f.text)]
    if coder:
        return _value(coder[-1])
    if not killed and _NO_DEATHS.search(notes):
        return 0
    if not killed:
        return 0
    first = _sentence(notes, killed[0].start)
    seen: set[tuple[int, str]] = set()
    total = 0
    for f in killed:
        key = (_value(f), (f.victims or "").lower())
        if key in seen or _sentence(notes, f.start) != first:
            continue
        seen.add(key)
        total += _value(f)
    return total


def event_place(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The most specific of the first places the notes name."""
    towns = [m for m in mentions if m.precision in ("town", "point")]
    return (towns or mentions or [None])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print N fatality mismatches")
    args = parser.parse_args()
    path = require("benchmarks/conflict-events/acled-sample") / "acled_old_deletion_dummy.csv"
    with path.open(encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))[: args.limit or None]
    started = time.perf_counter()
    right = right_fatal = fatal = right_zero = zero = abs_error = 0
    confusions: Counter[str] = Counter()
    shown = 0
    for event in events:
        gold = int(float(event["fatalities"] or 0))
        guess = fatalities(event["notes"])
        ok = guess == gold
        right += ok
        abs_error += abs(guess - gold)
        if gold:
            fatal += 1
            right_fatal += ok
        else:
            zero += 1
            right_zero += ok
        if not ok:
            confusions["guess 0, coded > 0" if not guess else "guess > 0, coded 0" if not gold else "both > 0"] += 1
            if shown < args.errors:
                shown += 1
                print(f"  coded {gold}, read {guess}: {event['notes'][:300]}")
    figures_time = time.perf_counter() - started
    nlp = english()
    gaz = gazetteer()
    located = {"notes only": 0, "country as dateline": 0}
    answered = dict.fromkeys(located, 0)
    started = time.perf_counter()
    for event, doc in zip(events, nlp.pipe((e["notes"] for e in events), batch_size=64), strict=True):
        lat, lon = float(event["latitude"]), float(event["longitude"])
        target = Place(0, None, event["location"], None, lat, lon, None, 0, "")
        for mode, dateline in (("notes only", None), ("country as dateline", event["country"])):
            place = event_place(extract_places(doc, gaz, dateline))
            if place is not None:
                answered[mode] += 1
                located[mode] += _distance_km(place.place, target) <= PLACE_KM
    places_time = time.perf_counter() - started
    n = len(events)
    print(
        f"ACLED sample: {n} events ({fatal} with fatalities); figures {figures_time:.0f} s, places {places_time:.0f} s"
    )
    print()
    print("| measure | events | right | share |")
    print("| --- | --- | --- | --- |")
    print(f"| fatalities exact, all events | {n} | {right} | {right / n:.3f} |")
    share = right_fatal / max(1, fatal)
    print(f"| fatalities exact, events with fatalities > 0 | {fatal} | {right_fatal} | {share:.3f} |")
    print(f"| fatalities exact, events coded 0 | {zero} | {right_zero} | {right_zero / max(1, zero):.3f} |")
    print(f"| baseline: always 0 | {n} | {zero} | {zero / n:.3f} |")
    for mode, count in located.items():
        label = f"place within {PLACE_KM:.0f} km, {mode} (answered {answered[mode]})"
        print(f"| {label} | {n} | {count} | {count / n:.3f} |")
    print()
    print(f"fatalities mean absolute error {abs_error / n:.2f}; mismatches: {dict(confusions)}")


if __name__ == "__main__":
    main()
