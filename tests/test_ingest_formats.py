"""Input formats a desk feeds sitroom: JSON Lines feeds, standard input, WARC archives,
directories with a ``manifest.jsonl``; and the CSV / JSON Lines exports that come out."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitroom.cli import main, run_ingest
from sitroom.ingest.items import RawItem
from sitroom.ingest.sources import iter_items
from sitroom.model import Article
from sitroom.pipeline import IngestSummary, ingest_items
from sitroom.settings import IngestOptions
from sitroom.store import Store

OPTIONS = replace(IngestOptions(), per_host_delay=0.0)

CSV_COLUMNS = [
    "id",
    "page_id",
    "source",
    "source_id",
    "outlet",
    "title",
    "published",
    "published_precision",
    "dateline",
    "language",
    "body",
    "removed",
]


def paragraphs(town: str) -> list[str]:
    """Three invented news paragraphs of 20+ words about ``town``; no dates in them."""
    return [
        f"Fishermen in {town} returned to the harbour on Friday after a week of storms kept the fleet in port, "
        "and the first catch was sold at the quay within an hour of landing.",
        "The harbour master said two boats had lost nets in the storm and one had a damaged rudder, but that "
        "nobody had been hurt and the breakwater had held against the waves.",
        f"Traders at the {town} fish market said prices had almost doubled during the storm week and were "
        "expected to fall back to their usual level by the middle of next week.",
    ]


def text_page(title: str, town: str) -> str:
    """A flattened-text page: title, blank line, paragraphs."""
    return title + "\n\n" + "\n\n".join(paragraphs(town)) + "\n"


def html_page(title: str, town: str) -> bytes:
    """A small HTML article page."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs(town))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def ingest(db: Path, inputs: list[str]) -> IngestSummary:
    """Run an ingest the way the command line does."""
    with Store(db) as store:
        return run_ingest(store, inputs, OPTIONS, quiet=True)


def articles(db: Path) -> list[Article]:
    """Every stored article."""
    with Store(db) as store:
        return list(store.articles())


def export(db: Path, fmt: str, out: Path) -> None:
    """Export the stored articles with the command line."""
    assert main(["--db", str(db), "export", "articles", "--format", fmt, "-o", str(out)]) == 0


# -- JSON Lines feeds -----------------------------------------------------------------------


FEED = [
    {
        "id": "wire-0001",
        "url": "https://news.harbourwire.example.com/2021/01/01/osk-fleet",
        "outlet": "harbourwire.example.com",
        "published": "2024-03-05",
        "text": text_page("Fishing fleet returns to Osk harbour after a week of storms", "Osk"),
    },
    {
        "id": 42,
        "url": "https://kelby.example.org/fish-market",
        "outlet": "kelby.example.org",
        "published": "2024-03-07T09:30:00Z",
        "html": html_page("Kelby fish market prices double during the storm week", "Kelby").decode(),
    },
]


def write_feed(path: Path) -> None:
    """Write FEED as a JSON Lines file."""
    path.write_text("".join(json.dumps(item) + "\n" for item in FEED), encoding="utf-8")


def test_jsonl_feed_keeps_id_outlet_and_published(tmp_path: Path) -> None:
    """The feed's own id, outlet and date reach the stored articles; the feed date wins over the URL's."""
    feed = tmp_path / "feed.jsonl"
    write_feed(feed)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(feed)])

    assert summary.failures == []
    assert summary.articles == 2
    with Store(db) as store:
        rows = {
            row["source_id"]: dict(row)
            for row in store.db.execute("SELECT source, source_id, url, outlet, content_type FROM pages")
        }
    assert set(rows) == {"wire-0001", "42"}
    assert rows["wire-0001"]["url"] == FEED[0]["url"]
    assert rows["wire-0001"]["source"] == f"{feed}#1"
    assert rows["42"]["source"] == f"{feed}#2"
    assert rows["wire-0001"]["content_type"] == "text"
    assert rows["42"]["content_type"] == "html"

    by_title = {a.title: a for a in articles(db)}
    osk = by_title["Fishing fleet returns to Osk harbour after a week of storms"]
    kelby = by_title["Kelby fish market prices double during the storm week"]
    assert osk.outlet == "harbourwire.example.com"
    assert osk.published is not None
    assert (osk.published.value, osk.published.precision, osk.published.evidence) == ("2024-03-05", "day", "feed")
    assert kelby.published is not None
    assert (kelby.published.value, kelby.published.evidence) == ("2024-03-07", "feed")


def test_jsonl_export_carries_source_id_and_feed_date(tmp_path: Path) -> None:
    """``export articles --format jsonl`` gives the feed's id as ``source_id`` and its date."""
    feed = tmp_path / "feed.jsonl"
    write_feed(feed)
    db = tmp_path / "s.db"
    ingest(db, [str(feed)])
    out = tmp_path / "articles.jsonl"

    export(db, "jsonl", out)

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {r["source_id"]: r for r in records}
    assert set(by_id) == {"wire-0001", "42"}
    osk = by_id["wire-0001"]
    assert osk["title"] == "Fishing fleet returns to Osk harbour after a week of storms"
    assert (osk["published"], osk["published_precision"], osk["published_evidence"]) == ("2024-03-05", "day", "feed")
    assert osk["outlet"] == "harbourwire.example.com"
    assert osk["source"] == f"{feed}#1"
    assert osk["language"] == "en"
    assert "Fishermen in Osk returned to the harbour" in osk["body"]


def test_feed_item_without_published_falls_back_to_the_url_date(tmp_path: Path) -> None:
    """Without a feed date, the date in the URL is used and said to come from the URL."""
    feed = tmp_path / "feed.jsonl"
    item = {k: v for k, v in FEED[0].items() if k != "published"}
    feed.write_text(json.dumps(item) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"

    ingest(db, [str(feed)])

    (article,) = articles(db)
    assert article.published is not None
    assert (article.published.value, article.published.evidence) == ("2021-01-01", "url")


# -- standard input ---------------------------------------------------------------------------


def test_stdin_text_page_is_ingested() -> None:
    """``-`` reads one page from standard input, named ``stdin``."""
    raw = text_page("Storm damage closes the Tamsford harbour wall walk", "Tamsford").encode()

    items = list(iter_items(["-"], OPTIONS, stdin=io.BytesIO(raw)))

    assert len(items) == 1
    item = items[0]
    assert isinstance(item, RawItem)
    assert (item.source, item.raw) == ("stdin", raw)


def test_stdin_jsonl_is_read_as_a_feed_and_stored(tmp_path: Path) -> None:
    """JSON Lines piped in are split into feed items ``stdin#1``, ``stdin#2``, and stored."""
    raw = "".join(json.dumps(item) + "\n" for item in FEED).encode()

    items = list(iter_items(["-"], OPTIONS, stdin=io.BytesIO(raw)))
    assert [(i.source, i.source_id) for i in items if isinstance(i, RawItem)] == [
        ("stdin#1", "wire-0001"),
        ("stdin#2", "42"),
    ]

    with Store(tmp_path / "s.db") as store:
        summary = ingest_items(iter_items(["-"], OPTIONS, stdin=io.BytesIO(raw)), store, OPTIONS)
        stored = sorted(a.title or "" for a in store.articles())
    assert summary.failures == [] and summary.pages_new == 2
    assert stored == [
        "Fishing fleet returns to Osk harbour after a week of storms",
        "Kelby fish market prices double during the storm week",
    ]


def test_stdin_page_is_stored_with_its_article(tmp_path: Path) -> None:
    """A page piped in is stored under the source ``stdin`` and cleaned."""
    raw = text_page("Storm damage closes the Tamsford harbour wall walk", "Tamsford").encode()
    with Store(tmp_path / "s.db") as store:
        summary = ingest_items(iter_items(["-"], OPTIONS, stdin=io.BytesIO(raw)), store, OPTIONS)
        (article,) = list(store.articles())
        source, _ = store.source_of(article.page_id)
    assert summary.pages_new == 1 and summary.failures == []
    assert source == "stdin"
    assert article.title == "Storm damage closes the Tamsford harbour wall walk"


def test_empty_stdin_is_a_failure_named_stdin(tmp_path: Path) -> None:
    """Nothing piped in is a failure named ``stdin``, not a crash."""
    with Store(tmp_path / "s.db") as store:
        summary = ingest_items(iter_items(["-"], OPTIONS, stdin=io.BytesIO(b"")), store, OPTIONS)
    assert [(f.source, f.reason) for f in summary.failures] == [("stdin", "the file is empty")]


# -- WARC -------------------------------------------------------------------------------------------


def write_warc(path: Path) -> None:
    """A gzipped WARC: a request, an HTML response, an image response and a 404 response."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        url = "https://news.example.co.uk/coast/osk-fleet-returns"
        writer.write_record(
            writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b"GET /coast/osk-fleet-returns HTTP/1.1\r\nHost: news.example.co.uk\r\n\r\n"),
            )
        )
        for target, status, content_type, body in [
            (url, "200 OK", "text/html; charset=utf-8", html_page("Osk fleet returns to harbour after storms", "Osk")),
            ("https://news.example.co.uk/img/boat.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            ("https://news.example.co.uk/gone", "404 Not Found", "text/html", b"<html><body>gone</body></html>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(target, "response", payload=io.BytesIO(body), http_headers=headers)
            record.rec_headers.replace_header("WARC-Date", "2024-03-06T10:00:00Z")
            writer.write_record(record)


def test_warc_response_is_a_page_with_target_uri_and_registered_domain(tmp_path: Path) -> None:
    """Only the HTML 200 response becomes a page: URL from WARC-Target-URI, outlet its registered domain."""
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(archive)])

    assert summary.failures == []
    assert summary.pages_new == 1
    with Store(db) as store:
        rows = [dict(r) for r in store.db.execute("SELECT source, url, outlet, retrieved, content_type FROM pages")]
    assert rows == [
        {
            "source": f"{archive}#https://news.example.co.uk/coast/osk-fleet-returns",
            "url": "https://news.example.co.uk/coast/osk-fleet-returns",
            "outlet": "example.co.uk",
            "retrieved": "2024-03-06T10:00:00Z",
            "content_type": "html",
        }
    ]
    (article,) = articles(db)
    assert article.title == "Osk fleet returns to harbour after storms"
    assert article.outlet == "example.co.uk"
    # The crawl date is when it was fetched, not when it was published.
    assert article.published is None or article.published.value != "2024-03-06"


# -- manifest.jsonl -------------------------------------------------------------------------------------


def write_crawl_dir(folder: Path) -> None:
    """A crawl folder: three text files and a manifest (with one bad line) for two of them."""
    folder.mkdir()
    (folder / "osk.txt").write_text(text_page("Osk fleet returns to harbour after storms", "Osk"), encoding="utf-8")
    (folder / "kelby.txt").write_text(
        text_page("Kelby fish market prices double during the storm week", "Kelby"), encoding="utf-8"
    )
    (folder / "marn.txt").write_text(
        text_page("Marn lifeboat crew rescues two sailors off the point", "Marn"), encoding="utf-8"
    )
    (folder / "manifest.jsonl").write_text(
        json.dumps({"file": "osk.txt", "url": "https://www.osk-courier.example.co.uk/2024/03/08/fleet"})
        + "\n"
        + "this line is not JSON\n"
        + json.dumps(
            {
                "file": "kelby.txt",
                "url": "https://kelby.example.org/market",
                "outlet": "kelby-daily.example.org",
                "published": "2024-03-09",
                "id": 7,
            }
        )
        + "\n",
        encoding="utf-8",
    )


def test_manifest_gives_files_their_urls_and_metadata(tmp_path: Path) -> None:
    """Files named in ``manifest.jsonl`` get its URL, outlet, date and id; the others are read as they are."""
    crawl = tmp_path / "crawl"
    write_crawl_dir(crawl)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(crawl)])

    assert summary.failures == []  # the manifest itself is not read as a page
    assert summary.pages_new == 3
    with Store(db) as store:
        rows = {
            Path(r["source"]).name: dict(r)
            for r in store.db.execute("SELECT source, source_id, url, outlet, published_hint FROM pages")
        }
    assert set(rows) == {"osk.txt", "kelby.txt", "marn.txt"}
    assert rows["osk.txt"]["url"] == "https://www.osk-courier.example.co.uk/2024/03/08/fleet"
    assert rows["osk.txt"]["outlet"] == "example.co.uk"  # registered domain of the URL
    assert rows["kelby.txt"]["url"] == "https://kelby.example.org/market"
    assert rows["kelby.txt"]["outlet"] == "kelby-daily.example.org"
    assert rows["kelby.txt"]["source_id"] == "7"
    assert rows["kelby.txt"]["published_hint"] == "2024-03-09"
    assert rows["marn.txt"]["url"] is None and rows["marn.txt"]["outlet"] is None

    dates = {a.title: a.published for a in articles(db)}
    osk = dates["Osk fleet returns to harbour after storms"]
    kelby = dates["Kelby fish market prices double during the storm week"]
    assert osk is not None and (osk.value, osk.evidence) == ("2024-03-08", "url")
    assert kelby is not None and (kelby.value, kelby.evidence) == ("2024-03-09", "feed")


def test_manifest_applies_when_a_single_file_is_named(tmp_path: Path) -> None:
    """The manifest beside a file applies even when only that file is named."""
    crawl = tmp_path / "crawl"
    write_crawl_dir(crawl)
    db = tmp_path / "s.db"

    ingest(db, [str(crawl / "kelby.txt")])

    with Store(db) as store:
        (row,) = store.db.execute("SELECT url, outlet FROM pages").fetchall()
    assert tuple(row) == ("https://kelby.example.org/market", "kelby-daily.example.org")


def test_manifest_entry_with_a_dot_slash_path_is_matched(tmp_path: Path) -> None:
    """Manifests written by tools like ``find .`` name files as ``./name``; they still apply."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "osk.txt").write_text(text_page("Osk fleet returns to harbour after storms", "Osk"), encoding="utf-8")
    (crawl / "manifest.jsonl").write_text(
        json.dumps({"file": "./osk.txt", "url": "https://osk.example.org/fleet"}) + "\n", encoding="utf-8"
    )
    db = tmp_path / "s.db"

    ingest(db, [str(crawl)])

    with Store(db) as store:
        (row,) = store.db.execute("SELECT url FROM pages").fetchall()
    assert row[0] == "https://osk.example.org/fleet"


# -- CSV export -----------------------------------------------------------------------------------------


def test_csv_export_has_the_documented_columns(tmp_path: Path) -> None:
    """The CSV export loads with ``csv.DictReader``: documented columns, one row per article."""
    crawl = tmp_path / "crawl"
    write_crawl_dir(crawl)
    feed = tmp_path / "feed.jsonl"
    write_feed(feed)
    db = tmp_path / "s.db"
    ingest(db, [str(crawl), str(feed)])
    out = tmp_path / "articles.csv"

    export(db, "csv", out)

    with out.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
        columns = reader.fieldnames or []
    missing = [c for c in CSV_COLUMNS if c not in columns]
    assert missing == []
    assert len(rows) == 5
    stored = {a.id: a for a in articles(db)}
    assert {r["id"] for r in rows} == set(stored)
    for row in rows:
        article = stored[row["id"]]
        assert row["page_id"] == article.page_id
        assert row["body"] == article.body
        assert row["title"] == (article.title or "")
        assert isinstance(json.loads(row["removed"]), list)
    by_source_id = {r["source_id"]: r for r in rows if r["source_id"]}
    assert set(by_source_id) == {"wire-0001", "42", "7"}
    assert by_source_id["wire-0001"]["published"] == "2024-03-05"
    assert by_source_id["wire-0001"]["published_precision"] == "day"
    assert by_source_id["7"]["outlet"] == "kelby-daily.example.org"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_of_an_empty_database_is_empty(tmp_path: Path, fmt: str) -> None:
    """Exporting before any ingest gives a header-only CSV or an empty JSON Lines file."""
    out = tmp_path / f"articles.{fmt}"
    export(tmp_path / "s.db", fmt, out)
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        assert text.splitlines() == [",".join(next(csv.reader(io.StringIO(text))))]
    else:
        assert text == ""


def test_failures_do_not_reach_the_export(tmp_path: Path) -> None:
    """An input that failed leaves no article row in the export."""
    crawl = tmp_path / "crawl"
    write_crawl_dir(crawl)
    (crawl / "broken.txt").write_bytes(b"")
    db = tmp_path / "s.db"
    summary = ingest(db, [str(crawl)])
    assert [Path(f.source).name for f in summary.failures] == ["broken.txt"]
    out = tmp_path / "articles.jsonl"

    export(db, "jsonl", out)

    sources = [Path(json.loads(line)["source"]).name for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(sources) == ["kelby.txt", "marn.txt", "osk.txt"]
