"""Facts I on the seed pages against ../shared/gold/seeds.json, and the stage's speed.

Dates are resolved against each article's publication date as the gold gives it (the
earliest of its range), as TempEval gives systems the document date: the seed pages
themselves carry no date evidence. A date counts when a time expression at its context
has the gold value; a place when one found in the article lies within 25 km; a figure
when kind, value, qualifier and source agree. Speed: articles per second through the
whole stage (parse, places, times, figures) on the corpus's English articles.
Run: ``python -m benchmarks.facts_seeds``.
"""

from __future__ import annotations

import json
import time
from datetime import date

from benchmarks.shared_data import require
from sitroom.clean.page import clean_page
from sitroom.extract.figures import extract_figures
from sitroom.extract.gazetteer import Place, gazetteer
from sitroom.extract.places import _distance_km, extract_places
from sitroom.extract.stage import article_facts
from sitroom.extract.times import extract_times
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.nlp.language import english
from sitroom.settings import IngestOptions


def _seed_articles() -> dict:
    gold = json.loads(require("gold/seeds.json").read_text(encoding="utf-8"))
    articles = {}
    for page in gold["pages"]:
        raw = (require("seeds") / page["file"]).read_bytes()
        for article in clean_page(make_page(RawItem(source=page["file"], raw=raw, kind="text"), IngestOptions())):
            key = f"{page['file'][:3]}.{'ab'[article.index]}"
            articles[key] = article
        for g in page["articles"]:
            articles[g["key"] + ":date"] = g["published"]["earliest"]
    return gold, articles


def main() -> None:
    gold, articles = _seed_articles()
    nlp = english()
    gaz = gazetteer()
    ok = 0
    for d in gold["facts"]["dates"]:
        article = articles[d["article"]]
        reference = articles[d["article"] + ":date"]
        times = extract_times(article.body, date.fromisoformat(reference) if reference else None)
        context = d["context"].split(" ...")[0]
        at = article.body.find(context)
        hit = [
            t
            for t in times
            if at >= 0
            and at <= t.start <= at + len(d["context"]) + 80
            and t.value == d["value"]
            and d["text"].lower()[:5] in t.text.lower()
        ]
        ok += bool(hit)
        if not hit:
            print(f"  date missed: {d['article']} {d['text']!r} → {d['value']}")
    print(f"dates: {ok} / {len(gold['facts']['dates'])} with the gold value")
    ok = total = 0
    for p in gold["facts"]["places"]:
        target = Place(0, None, p["name"], p["country"], p["lat"], p["lon"], None, 0, "town")
        for key in p["articles"]:
            total += 1
            found = extract_places(nlp(articles[key].body), gaz, articles[key].dateline)
            hit = any(_distance_km(m.place, target) <= 25 for m in found)
            ok += hit
            if not hit:
                print(f"  place missed: {p['name']} in {key}")
    print(f"places: {ok} / {total} within 25 km")
    ok = 0
    for c in gold["facts"]["casualties"]:
        figures = extract_figures(articles[c["article"]].body)
        source = c["source"].split(" (")[0].lower()
        hit = [
            f
            for f in figures
            if f.figure == c["kind"]
            and f.value == c["value"]
            and f.qualifier == c["qualifier"]
            and f.source
            and source in f.source.lower()
        ]
        ok += bool(hit)
        if not hit:
            print(f"  figure missed: {c}")
    print(f"casualty figures: {ok} / {len(gold['facts']['casualties'])} with value, qualifier and source")
    corpus = [json.loads(line) for line in require("corpus/pages.jsonl").read_text().splitlines() if line.strip()]
    english_articles = []
    for row in corpus:
        item = RawItem(source=row["id"], raw=row["text"].encode(), kind="text", url=row["url"])
        english_articles += [a for a in clean_page(make_page(item, IngestOptions())) if a.language == "en"]
    started = time.perf_counter()
    count = 0
    for article, doc in zip(english_articles, nlp.pipe((a.body for a in english_articles), batch_size=16), strict=True):
        count += len(article_facts(article, doc, None))
    elapsed = time.perf_counter() - started
    print(
        f"speed: {len(english_articles)} English corpus articles in {elapsed:.1f} s = "
        f"{len(english_articles) / elapsed:.1f} articles/s ({count} facts), one process"
    )


if __name__ == "__main__":
    main()
