"""Geocoding on LGL and GeoWebNews: accuracy within 161 km (Acc@161) and mean error.

Data (read at run time from ``../shared/benchmarks/geoparsing``): LGL, 588 US local news
articles, from ``Corpora/lgl.xml`` (the toponyms with GeoNames coordinates: 4,462);
GeoWebNews, 200 web news articles, from ``Geocoding/gwn_full.txt`` with the texts in
``Geocoding/files/<n>`` (2,401 geocoded toponyms, the set the dataset's paper geocodes).

Three ways to score, all on every gold toponym:

* ``end-to-end``: sitroom as it runs (spaCy + ``extract_places``); the place whose span
  overlaps a gold toponym (the largest overlap) is its answer, and a toponym no place
  overlaps counts as wrong (error 20,039 km, half the Earth's circumference, for AUC-style
  use; the mean error below is over the answered toponyms only);
* ``end-to-end +adj``: the same with nationality adjectives returned as country mentions
  (``adjectives=True``; both corpora annotate "Syrian", "American" as toponyms);
* ``gold spans``: each gold toponym string resolved by sitroom's disambiguation in its
  article's context (``resolve_spans``), i.e. geocoding alone, as CamCoder is scored.

Published Acc@161 on LGL (../shared/benchmarks/README.md): Edinburgh 0.76, CamCoder 0.76,
Yahoo 0.71, CLAVIN 0.71, GeoTxt 0.68; population baseline (cities > 15k) 0.23.
Run: ``python -m benchmarks.places_geoparsing [--limit N] [--corpus lgl|gwn] [--errors N]``.
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field

from benchmarks.shared_data import require
from sitroom.extract.gazetteer import Place, gazetteer
from sitroom.extract.places import PlaceMention, _distance_km, extract_places, resolve_spans
from sitroom.nlp.language import english

ACC_KM = 161.0
PUBLISHED = {"lgl": "Edinburgh 0.76, CamCoder 0.76, Yahoo 0.71, CLAVIN 0.71, GeoTxt 0.68", "gwn": "-"}


@dataclass(slots=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    kind: str  # GeoNames feature code where the corpus gives it


@dataclass(slots=True)
class Doc:
    text: str
    toponyms: list[Toponym]


@dataclass(slots=True)
class Tally:
    total: int = 0
    right: int = 0
    answered: int = 0
    errors: list[float] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)
    wrong_by_kind: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Toponym, found: PlaceMention | None) -> float | None:
        self.total += 1
        self.by_kind[gold.kind] += 1
        if found is None:
            self.wrong_by_kind[gold.kind] += 1
            return None
        target = Place(0, None, gold.text, None, gold.lat, gold.lon, None, 0, "town")
        error = _distance_km(found.place, target)
        self.answered += 1
        self.errors.append(error)
        if error <= ACC_KM:
            self.right += 1
        else:
            self.wrong_by_kind[gold.kind] += 1
        return error


def load_lgl() -> list[Doc]:
    path = require("benchmarks/geoparsing") / "gritta-pragmatic-guide/data/Corpora/lgl.xml"
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            toponyms.append(
                Toponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    t.findtext("phrase") or "",
                    float(tag.findtext("lat") or 0),
                    float(tag.findtext("lon") or 0),
                    tag.findtext("fcode") or "?",
                )
            )
        docs.append(Doc(article.findtext("text") or "", toponyms))
    return docs


def load_gwn() -> list[Doc]:
    folder = require("benchmarks/geoparsing") / "gritta-pragmatic-guide/data/Geocoding"
    docs = []
    lines = (folder / "gwn_full.txt").read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines):
        path = folder / "files" / str(number)
        if not path.exists():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        toponyms = []
        for item in line.split("||"):
            parts = item.split(",,")
            if len(parts) < 6:
                continue
            _, phrase, lat, lon, start, end = parts[:6]
            toponyms.append(Toponym(int(start), int(end), phrase, float(lat), float(lon), "?"))
        docs.append(Doc(text, toponyms))
    return docs


def _overlapping(mentions: list[PlaceMention], gold: Toponym) -> PlaceMention | None:
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(gold.end, m.end) - max(gold.start, m.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def _row(name: str, mode: str, t: Tally) -> str:
    acc = t.right / t.total if t.total else 0.0
    on_answered = t.right / t.answered if t.answered else 0.0
    mean = sum(t.errors) / len(t.errors) if t.errors else 0.0
    median = sorted(t.errors)[len(t.errors) // 2] if t.errors else 0.0
    return (
        f"| {name} | {mode} | {t.total} | {t.answered} | {t.right} | {acc:.3f} | {on_answered:.3f} | {mean:.0f} |"
        f" {median:.0f} | {PUBLISHED[name] if mode == 'gold spans' else ''} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each corpus")
    parser.add_argument("--corpus", choices=("lgl", "gwn", "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print N most frequent wrong or missed toponyms")
    args = parser.parse_args()
    nlp = english()
    gaz = gazetteer()
    corpora = {"lgl": load_lgl, "gwn": load_gwn}
    rows = []
    for name, load in corpora.items():
        if args.corpus not in (name, "all"):
            continue
        docs = load()[: args.limit or None]
        tallies = {"end-to-end": Tally(), "end-to-end +adj": Tally(), "gold spans": Tally()}
        misses: Counter[str] = Counter()
        started = time.perf_counter()
        for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16), strict=True):
            plain = extract_places(parsed, gaz)
            with_adjectives = extract_places(parsed, gaz, adjectives=True)
            given = resolve_spans(parsed, gaz, [(t.start, t.end) for t in doc.toponyms])
            for gold, resolved in zip(doc.toponyms, given, strict=True):
                tallies["end-to-end"].add(gold, _overlapping(plain, gold))
                tallies["end-to-end +adj"].add(gold, _overlapping(with_adjectives, gold))
                error = tallies["gold spans"].add(gold, resolved)
                if error is None or error > ACC_KM:
                    answer = f"{resolved.place.name},{resolved.place.country}" if resolved else "-"
                    misses[f"{gold.text} [{gold.kind}] -> {answer}"] += 1
        elapsed = time.perf_counter() - started
        rows += [_row(name, mode, t) for mode, t in tallies.items()]
        print(f"{name}: {len(docs)} articles in {elapsed:.0f} s")
        for kind, count in tallies["end-to-end +adj"].by_kind.most_common(8):
            wrong = tallies["end-to-end +adj"].wrong_by_kind[kind]
            if kind != "?":
                print(f"  {kind}: {count} toponyms, end-to-end +adj wrong or missed {wrong}")
        for label, count in misses.most_common(args.errors):
            print(f"  gold spans wrong: {count} x {label}")
    print()
    print(
        "| corpus | mode | toponyms | answered | right | Acc@161 (all) | Acc@161 (answered) | mean km (answered)"
        " | median km | published Acc@161 |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
