"""Cleaning on the five seed pages against their hand annotation (../shared/gold/seeds.json).

Prints body-line precision and recall, articles per page, titles, publication dates in
range, and which kinds of lines leaked into bodies. Run: ``python benchmarks/clean_seeds.py``.
"""

from __future__ import annotations

import json
from collections import Counter

from benchmarks.shared_data import require
from sitroom.clean.text import clean_text_page
from sitroom.evaluate import score_page
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.settings import IngestOptions


def main() -> None:
    gold = json.loads(require("gold/seeds.json").read_text(encoding="utf-8"))
    seeds = require("seeds")
    tp = fp = fn = titles = gold_articles = system_articles = null_dates = 0
    wrong_dates: list[str] = []
    leaked: Counter[str] = Counter()
    print(f"{'page':<28} {'articles':>9} {'body P':>7} {'body R':>7} {'titles':>7}  dates")
    for gold_page in gold["pages"]:
        raw = (seeds / gold_page["file"]).read_bytes()
        page = make_page(RawItem(source=gold_page["file"], raw=raw, kind="text"), IngestOptions())
        s = score_page(gold_page, clean_text_page(page))
        tp, fp, fn = tp + s.body_tp, fp + s.body_fp, fn + s.body_fn
        titles += s.titles_right
        gold_articles += s.gold_articles
        system_articles += s.system_articles
        null_dates += s.dates_null
        wrong_dates += s.dates_wrong
        leaked.update(s.leaked)
        p = s.body_tp / max(1, s.body_tp + s.body_fp)
        r = s.body_tp / max(1, s.body_tp + s.body_fn)
        print(
            f"{s.file:<28} {s.system_articles:>4} / {s.gold_articles:<2} {p:>7.3f} {r:>7.3f} "
            f"{s.titles_right:>3} / {s.gold_articles:<2} {len(s.dates_wrong)} wrong, {s.dates_null} null"
        )
    print(f"\narticles: {system_articles} found, {gold_articles} in gold")
    print(
        f"body lines: precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn):.3f} "
        f"({tp} right, {fp} wrongly kept, {fn} missed)"
    )
    print(f"titles right: {titles} / {gold_articles}")
    print(
        f"publication dates: {len(wrong_dates)} wrong, {null_dates} null, "
        f"{gold_articles - null_dates - len(wrong_dates)} right"
    )
    for line in wrong_dates:
        print(f"  wrong: {line}")
    print(f"leaked into bodies: {dict(leaked) or 'nothing'}")


if __name__ == "__main__":
    main()
