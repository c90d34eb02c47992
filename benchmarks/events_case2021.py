"""Event typing on CASE 2021 task 2: sitroom's sub-type of each snippet against the task's 30 classes.

CASE 2021 task 2 (fine-grained event classification) gives 1,019 news snippets, each
labelled with one of 25 ACLED sub-types or 5 types outside ACLED (organised crime,
natural and man-made disasters, diplomatic events, attributions of responsibility).
Each snippet is read as one article body with no facts (``extract_events(snippet, [])``)
and its event is the first one read (a snippet leads with it). Sitroom's (type,
sub-type) maps to a task label: an ACLED sub-type to its code; of sitroom's sub-types
outside ACLED, talks, phone calls and diplomatic measures are DIPLO, a claim of
responsibility ATTRIB, natural and man-made disasters and organised crime their own
classes, and the ceasefire desk's others go to the ACLED class they fall under
(:data:`sitroom.extract.event_lexicon.DESK_TO_ACLED`). A snippet with no event read is
labelled OTHER (the task's "none of the above"); the table says how many.

Beside it, in the same run, the peer baseline the shared README names: TF-IDF and a
linear SVM (scikit-learn ``LinearSVC``) trained on the ACLED sample's notes and
sub-event types, predicting the same snippets. Weighted F1 is scikit-learn's
``f1_score(average="weighted")`` over the gold labels.
Run: ``python -m benchmarks.events_case2021 [--confusions N]``.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from benchmarks.events_acled import acled_class, acled_rows, first_event
from benchmarks.shared_data import require

# ACLED sub-types as CASE 2021 spells them.
ACLED_TO_CASE = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Air/drone strike": "AIR_STRIKE",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Suicide bomb": "SUIC_BOMB",
    "Chemical weapon": "CHEM_WEAP",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Sexual violence": "SEX_VIOL",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
# Sitroom's sub-types outside ACLED that have a CASE class of their own.
DESK_TO_CASE = {
    "Talks or meeting": "DIPLO",
    "Phone call": "DIPLO",
    "Diplomatic measure": "DIPLO",
    "Responsibility claimed": "ATTRIB",
    "Natural disaster": "NATURAL_DISASTER",
    "Man-made disaster": "MAN_MADE_DISASTER",
    "Organised crime": "ORG_CRIME",
}
FALLBACK = "OTHER"


def case_label(text: str) -> tuple[str, bool]:
    """The task label sitroom gives a snippet, and whether it read an event at all."""
    event = first_event(text)
    if event is None:
        return FALLBACK, False
    if event.sub_type in DESK_TO_CASE:
        return DESK_TO_CASE[event.sub_type], True
    return ACLED_TO_CASE[acled_class(event)[1]], True


def load() -> list[tuple[str, str]]:
    path: Path = require("benchmarks/conflict-events/case2021-task2") / "task2/test_dataset"
    path = path / "test_set_final_release_with_labels.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["EventSnippet"], r["SubType"]) for r in csv.DictReader(handle, delimiter="\t")]


def svm_baseline(texts: list[str]) -> tuple[list[str], float]:
    """TF-IDF + LinearSVC trained on the ACLED sample's notes → sub-event type (as CASE codes)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    t0 = time.perf_counter()
    rows = acled_rows()
    labels = [ACLED_TO_CASE[r["sub_event_type"].replace("protestors", "protesters")] for r in rows]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    model = LinearSVC(C=1.0)
    model.fit(vectorizer.fit_transform([r["notes"] for r in rows]), labels)
    predicted = list(model.predict(vectorizer.transform(texts)))
    return predicted, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    from sklearn.metrics import accuracy_score, f1_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--confusions", type=int, default=12, help="how many top confusions to print")
    args = parser.parse_args(argv)

    items = load()
    texts = [t for t, _ in items]
    gold = [g for _, g in items]
    t0 = time.perf_counter()
    read = [case_label(t) for t in texts]
    seconds = time.perf_counter() - t0
    ours = [label for label, _ in read]
    baseline, svm_seconds = svm_baseline(texts)

    print(f"CASE 2021 task 2 test: {len(items)} snippets, {len(set(gold))} classes")
    print(f"sitroom read no event in {sum(not found for _, found in read)} snippets (labelled {FALLBACK})")
    print(f"{'system':<34}{'weighted F1':>12}{'macro F1':>10}{'accuracy':>10}{'seconds':>9}")
    for name, predicted, secs in (
        ("sitroom rules", ours, seconds),
        ("TF-IDF + LinearSVC (ACLED sample)", baseline, svm_seconds),
    ):
        weighted = f1_score(gold, predicted, average="weighted", labels=sorted(set(gold)), zero_division=0)
        macro = f1_score(gold, predicted, average="macro", labels=sorted(set(gold)), zero_division=0)
        print(f"{name:<34}{weighted:>12.3f}{macro:>10.3f}{accuracy_score(gold, predicted):>10.3f}{secs:>9.1f}")

    print("\nsitroom per class: gold n, F1")
    per_class = f1_score(gold, ours, average=None, labels=sorted(set(gold)), zero_division=0)
    counts = Counter(gold)
    for label, f in sorted(zip(sorted(set(gold)), per_class, strict=True), key=lambda x: -counts[x[0]]):
        print(f"  {label:<32}{counts[label]:>5}{f:>7.2f}")
    print("\nsitroom top confusions (gold -> predicted: count)")
    for (g, p), n in Counter((g, p) for g, p in zip(gold, ours, strict=True) if g != p).most_common(args.confusions):
        print(f"  {g} -> {p}: {n}")


if __name__ == "__main__":
    main()
