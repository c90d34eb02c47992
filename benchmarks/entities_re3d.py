"""People, organisations and places in conflict text: spaCy's entities, and the same with
sitroom's place relabelling, against re3d (Dstl; documents on Syria and Iraq).

Data (read at run time from ``../shared/benchmarks/re3d``): 98 documents in seven
sub-folders, ``documents.json`` and ``entities.json`` (one JSON object a line). Gold
entities of the types Person, Organisation and Location are scored, and Nationality
beside them. A span filed under two types (re3d files "Syria" as Location and
Organisation) keeps the type of highest confidence; on a tie either type counts.

Label map (spaCy → re3d): PERSON → Person; ORG → Organisation; GPE, LOC, FAC → Location;
NORP → Nationality (re3d's own type for "Syrian", "Kurdish", "Shia", not Organisation).
"+ sitroom places": every place ``extract_places`` finds (adjectives included) relabels the
spaCy entity it overlaps, or adds one: a place → Location (the model calls Kafr Lusin a
person), a nationality adjective → Nationality. A place found inside a longer
organisation's name ("Gainesville Police") leaves the organisation as it is.

Scores: precision, recall and F1, exact span and overlap (a predicted entity of the right
type overlapping a gold one); on all gold entities, and on the named ones only (re3d also
marks pronouns and descriptions such as "he", "we", "the city", which NER does not find).
Run: ``python -m benchmarks.entities_re3d [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, field

from benchmarks.shared_data import require
from sitroom.extract.gazetteer import gazetteer
from sitroom.extract.places import extract_places
from sitroom.nlp.language import english

TYPES = ("Person", "Organisation", "Location", "Nationality")
LABELS = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location", "FAC": "Location"}
LABELS["NORP"] = "Nationality"
_PRONOUNS = frozenset(
    "i me my mine we us our ours you your he him his she her hers it its they them their theirs here there".split()
)


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    types: frozenset[str]


@dataclass(slots=True)
class Doc:
    text: str
    gold: list[Entity] = field(default_factory=list)


def load() -> list[Doc]:
    root = require("benchmarks/re3d")
    docs: dict[str, Doc] = {}
    for path in sorted(root.glob("*/documents.json")):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                record = json.loads(line)
                docs[record["_id"]] = Doc(record["text"])
    by_span: dict[tuple[str, int, int], dict[str, float]] = {}
    for path in sorted(root.glob("*/entities.json")):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            if e["type"] in TYPES and e["documentId"] in docs:
                key = (e["documentId"], e["begin"], e["end"])
                types = by_span.setdefault(key, {})
                types[e["type"]] = max(types.get(e["type"], 0.0), float(e.get("confidence") or 0))
    for (doc_id, start, end), types in sorted(by_span.items()):
        best = max(types.values())
        docs[doc_id].gold.append(Entity(start, end, frozenset(t for t, c in types.items() if c == best)))
    return list(docs.values())


def _named(text: str) -> bool:
    return any(ch.isupper() for ch in text) and text.lower() not in _PRONOUNS


def predict(doc: object, with_places: bool) -> list[Entity]:
    """Entities of a spaCy ``doc`` under the label map, optionally relabelled by sitroom."""
    found = [
        Entity(e.start_char, e.end_char, frozenset({LABELS[e.label_]}))
        for e in doc.ents  # type: ignore[attr-defined]
        if e.label_ in LABELS
    ]
    if not with_places:
        return found
    for m in extract_places(doc, gazetteer(), adjectives=True):
        kind = "Nationality" if m.adjectival else "Location"
        hit = [e for e in found if e.start < m.end and m.start < e.end]
        if any(
            "Organisation" in e.types and e.start <= m.start and m.end <= e.end and (e.start, e.end) != (m.start, m.end)
            for e in hit
        ):
            continue  # a place inside an organisation's name
        found = [e for e in found if e not in hit] + [Entity(m.start, m.end, frozenset({kind}))]
    return sorted(found, key=lambda e: e.start)


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:.3f} | {r:.3f} | {f:.3f}"


def score(docs: list[Doc], predicted: list[list[Entity]], kind: str, exact: bool, named: bool) -> Score:
    s = Score()
    for doc, pred in zip(docs, predicted, strict=True):
        gold = [g for g in doc.gold if kind in g.types and (not named or _named(doc.text[g.start : g.end]))]
        mine = [p for p in pred if kind in p.types]

        def match(a: Entity, b: Entity) -> bool:
            return (a.start, a.end) == (b.start, b.end) if exact else a.start < b.end and b.start < a.end

        s.tp += sum(1 for g in gold if any(match(g, p) for p in mine))
        s.fn += sum(1 for g in gold if not any(match(g, p) for p in mine))
        # A prediction counts against precision only if it meets no gold entity of its type
        # (named-only scoring leaves out predictions that match an unnamed gold mention).
        every = [g for g in doc.gold if kind in g.types]
        s.fp += sum(1 for p in mine if not any(match(g, p) for g in every))
    return s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    docs = load()[: args.limit or None]
    nlp = english()
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=8))
    systems = {
        "spaCy": [predict(p, False) for p in parsed],
        "spaCy + sitroom places": [predict(p, True) for p in parsed],
    }
    elapsed = time.perf_counter() - started
    gold_count = sum(len(d.gold) for d in docs)
    print(f"re3d: {len(docs)} documents, {gold_count} gold spans of the four types, {elapsed:.0f} s")
    print()
    print("| system | type | gold | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, predicted in systems.items():
        for named in (False, True):
            which = "named" if named else "all"
            micro = {True: Score(), False: Score()}
            for kind in TYPES:
                cells = []
                for exact in (True, False):
                    s = score(docs, predicted, kind, exact, named)
                    cells.append(s.row())
                    if kind != "Nationality":
                        micro[exact].tp += s.tp
                        micro[exact].fp += s.fp
                        micro[exact].fn += s.fn
                print(f"| {name} | {kind} | {which} | {' | '.join(cells)} |")
            print(f"| {name} | P+O+L micro | {which} | {micro[True].row()} | {micro[False].row()} |")


if __name__ == "__main__":
    main()
