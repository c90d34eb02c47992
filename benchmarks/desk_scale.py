"""The desk at scale: a store of 100,000 generated articles served over loopback.

Builds the store through the store's own write methods (pages, articles, families,
events and stories, incidents and the claim ledger), generated from a fixed seed, then
starts ``sitroom serve``'s application under uvicorn and measures:

* latency of the incident list and the map's data (p50 / p95 over varied filters);
* the weight of the overview page (HTML and everything it loads, raw and gzipped);
* 50 concurrent clients on loopback, mixed pages and API calls: errors and throughput.

The NLP stages are not run: the question here is what the desk costs on a big store.

    python -m benchmarks.desk_scale [--articles 100000] [--db FILE]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

from sitroom.clean.page import CLEAN_VERSION
from sitroom.model import Article, Page, Paragraph, PublishedDate
from sitroom.store import Store

TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Strategic developments", "Joint patrol"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]
GRADES = ["confirmed", "contested", "fair", "weak"]
TOWNS = [(f"Town {i}", 34.5 + (i % 40) * 0.06, 35.8 + (i // 40) * 0.08) for i in range(400)]


def _article(i: int, rng: random.Random, day: date) -> tuple[Page, Article]:
    town, _, _ = rng.choice(TOWNS)
    sub = rng.choice(TYPES)[1]
    title = f"{sub} reported near {town} ({i})"
    body = (
        f"A {sub.lower()} was reported near {town} on {day:%A}, local sources said, in report number {i}. "
        f"Monitors said {rng.randint(0, 30)} people were killed and others injured.\n\n"
        f"Officials of one side denied involvement, while the other side said the operation targeted positions "
        f"used by armed groups. Residents described damage to homes and a market in {town}."
    )
    raw = f"<html><title>{title}</title><body><p>{body}</p></body></html>".encode()
    page = Page(
        id=f"p{i:07d}",
        source=f"generated/{i}.html",
        raw=raw,
        text=body,
        content_type="html",
        encoding="utf-8",
        url=f"https://outlet{i % 200}.example/{i}",
        outlet=f"outlet{i % 200}.example",
    )
    cut = body.index("\n\n")
    article = Article(
        id=f"a{i:07d}-0",
        page_id=page.id,
        index=0,
        title=title,
        body=body,
        paragraphs=[Paragraph(0, cut), Paragraph(cut + 2, len(body))],
        published=PublishedDate(day.isoformat(), "day", "metadata", day.isoformat()),
        language="en",
        outlet=page.outlet,
    )
    return page, article


def _bound(value: int, article_id: str) -> dict:
    return {"value": value, "source": "a monitor", "article_id": article_id, "text": f"{value} killed", "span": [0, 5]}


def build(db: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = date(2019, 1, 1)
    days = [start + timedelta(days=i % 700) for i in range(n)]
    with Store(db) as store:
        store.db.execute("PRAGMA synchronous = OFF")
        store.db.execute("BEGIN")
        for i in range(n):
            page, article = _article(i, rng, days[i])
            store._upsert_page(page, "ok", None, CLEAN_VERSION)
            store._insert_article(article)
        store.db.execute("COMMIT")
        ids = [f"a{i:07d}-0" for i in range(n)]
        families = [
            {
                "id": f"fam-{ids[i]}",
                "reference": ids[i],
                "members": [
                    {
                        "article_id": a,
                        "same": 5,
                        "omitted": [],
                        "added": [],
                        "changed": [],
                        "credit": [],
                        "inherited_date": None,
                        "inherited_from": None,
                    }
                    for a in ids[i : i + 3]
                ],
            }
            for i in range(0, n, 30)
        ]
        store.replace_families(families)
        events, stories = [], []
        for e, first in enumerate(range(0, n, 5)):
            story = f"st-{e // 8:06d}"
            events.append(
                {
                    "id": f"ev-{e:06d}",
                    "story_id": story,
                    "label": f"Event {e}",
                    "first_date": days[first].isoformat(),
                    "last_date": days[first].isoformat(),
                    "places": [],
                    "outlets": [],
                    "article_ids": ids[first : first + 5],
                }
            )
            if e % 8 == 0:
                stories.append(
                    {
                        "id": story,
                        "label": f"Story {e // 8}",
                        "first_date": days[first].isoformat(),
                        "last_date": days[min(n - 1, first + 39)].isoformat(),
                        "places": [],
                        "outlets": [],
                    }
                )
        store.replace_groups(events, stories)
        incidents, propositions = [], []
        at = 0
        while at < n:
            size = rng.choice([1, 1, 1, 2, 3])
            members = ids[at : at + size]
            kind = rng.choice(TYPES)
            town, lat, lon = rng.choice(TOWNS)
            low = rng.randint(0, 20)
            high = low + rng.choice([0, 0, 2, 5])
            pid = f"prop-{at:07d}"
            contested = rng.random() < 0.1
            who = {"speaker": "a ministry", "chain": [], "cue": "said", "content": "the strike hit positions"}
            propositions.append(
                {
                    "id": pid,
                    "text": f"the strike near {town} hit military positions",
                    "status": "contested" if contested else "single source",
                    "asserted_by": [{**who, "article_id": members[0], "span": [0, 40], "direct": False}],
                    "denied_by": [{**who, "speaker": "the other side", "article_id": members[-1], "span": [0, 40]}]
                    if contested
                    else [],
                    "independent_sources": size,
                    "origins": [],
                    "article_ids": members,
                }
            )
            incidents.append(
                {
                    "id": f"inc-{members[0]}:000000",
                    "type": kind[0],
                    "sub_type": kind[1],
                    "status": "occurred",
                    "actors": ["Military Forces of Syria (2000-)"],
                    "date": days[at].isoformat(),
                    "time_precision": "day",
                    "date_basis": "stated",
                    "role": "main",
                    "story_id": f"st-{at // 40:06d}",
                    "place": {"name": town, "country": "SY", "lat": lat, "lon": lon, "precision": "town"},
                    "casualties": [
                        {
                            "figure": "killed",
                            "scope": "total",
                            "low": _bound(low, members[0]),
                            "best": _bound(high, members[-1]),
                            "high": _bound(high, members[-1]),
                            "reports": size,
                            "reason": "generated",
                            "superseded": [],
                        }
                    ]
                    if high
                    else [],
                    "grade": "contested" if contested else rng.choice(GRADES),
                    "grade_reason": "generated",
                    "n_reports": size,
                    "n_independent_sources": size,
                    "contested": [pid] if contested else [],
                    "propositions": [pid],
                    "article_ids": members,
                    "reports": [
                        {"article_id": a, "span": [0, 120], "text": "generated", "status": "occurred", "family": a}
                        for a in members
                    ],
                }
            )
            at += size
        store.replace_reconciled(incidents, propositions)
        store.db.execute("ANALYZE")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def measure(db: Path, port: int = 8765) -> None:
    import uvicorn

    from sitroom.web.app import DeskSettings, create_app

    server = uvicorn.Server(
        uvicorn.Config(create_app(DeskSettings(db=str(db))), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    filters = [
        {},
        {"grade": "contested"},
        {"type": "Battles"},
        {"since": "2020-01-01", "until": "2020-03-31"},
        {"country": "SY", "contested": "true"},
        {"page": "40"},
        {"story": "st-000100"},
        {"near": "35.0,36.2,25"},
    ]
    with httpx.Client(base_url=base, timeout=30) as client:
        for path in ("/api/v1/incidents", "/api/v1/map"):
            client.get(path)  # warm the connection and the page cache
            times = []
            for _ in range(5):
                for params in filters:
                    t0 = time.perf_counter()
                    response = client.get(path, params=params)
                    times.append(time.perf_counter() - t0)
                    assert response.status_code == 200, (path, params, response.text[:200])
            p50, p95 = _percentiles(times)
            print(f"{path:<22} {len(times)} requests  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
        html = client.get("/")
        assets = [
            "/static/desk.css",
            "/static/desk.js",
            "/static/vendor/leaflet-1.9.4/leaflet.js",
            "/static/vendor/leaflet-1.9.4/leaflet.css",
            "/static/vendor/topojson-client-3.1.0/topojson-client.min.js",
            "/static/vendor/world-atlas-2.0.2/countries-50m.json",
            "/api/v1/map",
            "/api/v1/timeline",
        ]
        raw = len(html.content) + sum(len(client.get(a).content) for a in assets)
        gz_client = httpx.Client(base_url=base, headers={"Accept-Encoding": "gzip"})
        wire = 0
        for path in ["/", *assets]:
            with gz_client.stream("GET", path) as r:
                wire += sum(len(chunk) for chunk in r.iter_raw())
        print(
            f"overview page: HTML {len(html.content) / 1024:.0f} KB; with assets and data {raw / 1024:.0f} KB raw, "
            f"{wire / 1024:.0f} KB over the wire (gzip)"
        )
    mix = ["/api/v1/incidents", "/api/v1/map", "/", "/api/v1/timeline", "/api/v1/incidents?grade=fair", "/sources"]
    errors, done = [], []

    def client_run(k: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as c:
            for j in range(10):
                path = mix[(k + j) % len(mix)]
                try:
                    r = c.get(path)
                    (done if r.status_code == 200 else errors).append(path)
                except httpx.HTTPError as exc:
                    errors.append(f"{path}: {exc}")

    t0 = time.perf_counter()
    with ThreadPoolExecutor(50) as pool:
        list(pool.map(client_run, range(50)))
    elapsed = time.perf_counter() - t0
    print(
        f"50 concurrent clients × 10 requests: {len(done)} ok, {len(errors)} errors, "
        f"{len(done) / elapsed:.0f} requests/s"
    )
    server.should_exit = True
    thread.join(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", help="keep the generated store in this file (default: a temporary one)")
    args = parser.parse_args()
    db = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "desk-scale.db"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.articles)
        print(f"built a store of {args.articles} articles in {time.perf_counter() - t0:.0f} s")
    with Store(db) as store:
        print(
            f"store: {store.counts()['articles']} articles, "
            f"{store.db.execute('SELECT count(*) FROM incidents').fetchone()[0]} incidents"
        )
    measure(db)


if __name__ == "__main__":
    main()
