"""The bad-input contract of ``sitroom ingest``.

Every broken input gets a failure that names it and says what is wrong, the rest of the
batch is still ingested, and the run's summary counts the failure. Raw bytes of a page
that could not be cleaned are kept in the store.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitroom.cli import main, run_ingest
from sitroom.pipeline import IngestSummary
from sitroom.settings import IngestOptions
from sitroom.store import Store

OPTIONS = replace(IngestOptions(), per_host_delay=0)

GOOD_TITLE = "Flood waters close the old bridge in Varrow"


def text_page(title: str, town: str) -> str:
    """A flattened-text news page: title, blank line, four paragraphs of 20+ words."""
    paragraphs = [
        f"The old stone bridge over the Linden river in {town} was closed on Monday after three days "
        "of heavy rain raised the water to its highest level in twenty years, the town council said.",
        "Council engineers found cracks in two of the five arches during an inspection on Sunday "
        "evening, and the mayor ordered the crossing shut to cars and pedestrians until further notice.",
        f"Residents of the eastern districts of {town} now face a detour of almost twelve kilometres to "
        "reach the market, the school and the clinic on the western bank, shopkeepers complained.",
        "The regional water authority said the level would begin to fall by Wednesday if the forecast "
        "held, but warned that more rain was expected in the hills above the town later in the week.",
    ]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def pages_dir(tmp_path: Path) -> Path:
    """A folder for the inputs, apart from the database file."""
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    return folder


def write_good_page(folder: Path) -> Path:
    """A page that must be ingested whatever else the batch holds."""
    path = folder / "good.txt"
    path.write_text(text_page(GOOD_TITLE, "Varrow"), encoding="utf-8")
    return path


def ingest(db: Path, inputs: list[str], options: IngestOptions = OPTIONS) -> IngestSummary:
    """Run an ingest the way the command line does, and close the store."""
    with Store(db) as store:
        return run_ingest(store, inputs, options, quiet=True)


def stored_titles(db: Path) -> list[str | None]:
    """Titles of every stored article."""
    with Store(db) as store:
        return [article.title for article in store.articles()]


def ok_page_sources(db: Path) -> list[str]:
    """Sources of the pages stored as cleaned ('ok')."""
    with Store(db) as store:
        return [row[0] for row in store.db.execute("SELECT source FROM pages WHERE status = 'ok' ORDER BY source")]


def assert_good_page_stored(db: Path) -> None:
    """The good page of the batch was stored and cleaned into its article."""
    assert GOOD_TITLE in stored_titles(db)


def only_failure(summary: IngestSummary, name: str) -> str:
    """The reason of the one failure of the run, which must name ``name``."""
    assert len(summary.failures) == 1, summary.failures
    failure = summary.failures[0]
    assert name in failure.source
    return failure.reason


def html_response_warc(urls: list[str]) -> tuple[bytes, list[int]]:
    """A gzipped WARC with one HTML response per URL, and the end offset of each record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    ends = []
    for number, url in enumerate(urls):
        body = (
            f"<html><head><title>Harbour story {number}</title></head><body><article>"
            f"<h1>Harbour story {number}</h1>"
            + "".join(f"<p>{para}</p>" for para in text_page("", f"Kessel{number}").split("\n\n")[1:])
            + "</article></body></html>"
        ).encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
        ends.append(buffer.tell())
    return buffer.getvalue(), ends


# -- binary and empty files ----------------------------------------------------------


def test_png_image_is_refused_by_name_and_the_batch_goes_on(tmp_path: Path) -> None:
    """An image saved among the pages is reported as a PNG, the text page beside it is ingested."""
    pages = pages_dir(tmp_path)
    write_good_page(pages)
    (pages / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / "good.txt"), str(pages / "photo.png")])

    reason = only_failure(summary, "photo.png")
    assert "PNG" in reason
    assert_good_page_stored(db)
    assert summary.articles == 1


def test_random_binary_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    """Binary data without a known signature is still refused as not text."""
    pages = pages_dir(tmp_path)
    write_good_page(pages)
    blob = bytes((i * 7919) % 256 for i in range(4096))
    assert b"\x00" in blob
    (pages / "dump.bin").write_bytes(blob)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    reason = only_failure(summary, "dump.bin")
    assert "not a text or HTML page" in reason
    assert_good_page_stored(db)


def test_empty_file_is_reported_as_empty(tmp_path: Path) -> None:
    """An empty file is reported as empty, not as an unreadable page."""
    pages = pages_dir(tmp_path)
    write_good_page(pages)
    (pages / "blank.txt").write_bytes(b"")
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    reason = only_failure(summary, "blank.txt")
    assert "empty" in reason
    assert_good_page_stored(db)


def test_missing_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    """A path that does not exist is named in the failures; the other input is ingested."""
    pages = pages_dir(tmp_path)
    good = write_good_page(pages)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / "no-such-page.txt"), str(good)])

    reason = only_failure(summary, "no-such-page.txt")
    assert "no such file" in reason
    assert_good_page_stored(db)


def test_failed_page_keeps_its_raw_bytes_in_the_store(tmp_path: Path) -> None:
    """The bytes of a refused page are kept (status 'failed') so nothing is lost."""
    pages = pages_dir(tmp_path)
    raw = b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02 image data " * 20
    (pages / "photo.png").write_bytes(raw)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / "photo.png")])

    assert len(summary.failures) == 1
    page_id = summary.failures[0].page_id
    assert page_id is not None
    with Store(db) as store:
        row = store.db.execute("SELECT raw, status, error, source FROM pages WHERE id = ?", (page_id,)).fetchone()
        failures = store.failures()
        counts = store.counts()
    assert row is not None
    assert bytes(row["raw"]) == raw
    assert row["status"] == "failed"
    assert "PNG" in row["error"]
    assert row["source"].endswith("photo.png")
    assert [f["page_id"] for f in failures] == [page_id]
    assert counts["pages"] == 0 and counts["failed_pages"] == 1 and counts["articles"] == 0


# -- size limit -------------------------------------------------------------------------


def test_page_over_the_size_limit_is_refused_and_kept(tmp_path: Path) -> None:
    """A page larger than ``max_page_bytes`` is refused; smaller pages in the run are ingested."""
    pages = pages_dir(tmp_path)
    write_good_page(pages)
    big = (text_page("A very long council report from Varrow", "Varrow") * 20).encode("utf-8")
    (pages / "huge.txt").write_bytes(big)
    db = tmp_path / "s.db"
    limit = 4000
    assert (pages / "good.txt").stat().st_size < limit < len(big)

    summary = ingest(db, [str(pages)], replace(OPTIONS, max_page_bytes=limit))

    reason = only_failure(summary, "huge.txt")
    assert "limit" in reason
    assert_good_page_stored(db)
    with Store(db) as store:
        row = store.db.execute("SELECT length(raw), status FROM pages WHERE source LIKE '%huge.txt'").fetchone()
    assert tuple(row) == (len(big), "failed")


def test_max_page_mb_option_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--max-page-mb`` sets the limit; the summary lists the refused file and the reason."""
    pages = pages_dir(tmp_path)
    write_good_page(pages)
    (pages / "huge.txt").write_text(text_page("Long report", "Varrow") * 10, encoding="utf-8")
    db = tmp_path / "s.db"

    code = main(["--db", str(db), "ingest", str(pages), "--max-page-mb", "0.002", "-q"])

    out = capsys.readouterr().out
    assert code == 0
    assert "failures: 1" in out
    failure_lines = [line for line in out.splitlines() if "huge.txt" in line]
    assert len(failure_lines) == 1 and "limit" in failure_lines[0]
    assert_good_page_stored(db)


def test_default_limit_refuses_a_page_just_over_20_mb(tmp_path: Path) -> None:
    """Without options a page of 20 MB and one byte is refused as too large."""
    pages = pages_dir(tmp_path)
    (pages / "bloated.html").write_bytes(b"<html><body>" + b"x" * (20 * 1024 * 1024) + b"</body></html>")
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / "bloated.html")], IngestOptions())

    reason = only_failure(summary, "bloated.html")
    assert "20 MB limit" in reason


def test_refusal_states_the_configured_limit(tmp_path: Path) -> None:
    """A user who set a 0.5 MB limit is told the page is over the 0.5 MB limit, not '0 MB'."""
    pages = pages_dir(tmp_path)
    (pages / "big.txt").write_text(text_page("Report", "Varrow") * 800, encoding="utf-8")
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / "big.txt")], replace(OPTIONS, max_page_bytes=512 * 1024))

    reason = only_failure(summary, "big.txt")
    assert "0.5 MB" in reason


# -- encodings ----------------------------------------------------------------------------


def test_latin1_page_is_ingested_with_a_detected_encoding(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are decoded with a detected encoding, accents intact."""
    pages = pages_dir(tmp_path)
    title = "Hochwasser schließt die alte Brücke in Käfersöd"
    body = (
        "Die alte Steinbrücke über die Linde in Käfersöd wurde am Montag gesperrt, nachdem drei Tage "
        "Regen das Wasser auf den höchsten Stand seit zwanzig Jahren gebracht hatten, sagte der Gemeinderat.\n\n"
        "Ingenieure der Gemeinde fanden bei einer Prüfung am Sonntagabend Risse in zwei der fünf Bögen, "
        "und der Bürgermeister ließ die Brücke für Autos und Fußgänger bis auf Weiteres schließen.\n\n"
        "Die Bewohner der östlichen Viertel müssen nun einen Umweg von fast zwölf Kilometern fahren, um "
        "den Markt, die Schule und die Klinik am westlichen Ufer zu erreichen, klagten Händler.\n"
    )
    raw = (title + "\n\n" + body).encode("latin-1")
    (pages / "brucke.txt").write_bytes(raw)
    write_good_page(pages)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    assert summary.failures == []
    assert summary.articles == 2
    with Store(db) as store:
        row = store.db.execute(
            "SELECT id, encoding, text, status FROM pages WHERE source LIKE '%brucke.txt'"
        ).fetchone()
        article = next(a for a in store.articles() if a.page_id == row["id"])
    assert row["status"] == "ok"
    assert row["encoding"] and not row["encoding"].startswith("utf-8")
    assert "\ufffd" not in row["text"]
    assert article.title == title
    assert "Bürgermeister ließ die Brücke" in article.body


# -- compressed inputs ---------------------------------------------------------------------


def test_truncated_gzip_page_is_reported(tmp_path: Path) -> None:
    """A ``.txt.gz`` cut short is a failure saying it is truncated; the batch goes on."""
    pages = pages_dir(tmp_path)
    write_good_page(pages)
    packed = gzip.compress(text_page("Harbour reopens in Kessel", "Kessel").encode("utf-8"))
    (pages / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    reason = only_failure(summary, "cut.txt.gz")
    assert "truncated" in reason
    assert_good_page_stored(db)


def test_whole_gzip_page_is_read(tmp_path: Path) -> None:
    """The intact ``.txt.gz`` counterpart is simply ingested."""
    pages = pages_dir(tmp_path)
    (pages / "whole.txt.gz").write_bytes(gzip.compress(text_page("Harbour reopens in Kessel", "Kessel").encode()))
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    assert summary.failures == []
    assert stored_titles(db) == ["Harbour reopens in Kessel"]


def test_truncated_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    """Feed items read before the cut are stored; the cut is one failure naming the feed."""
    pages = pages_dir(tmp_path)
    items = [
        {
            "id": f"item-{n}",
            "url": f"https://news.example.org/kessel/{n}",
            "text": text_page(f"Kessel harbour works report number {n}", "Kessel"),
        }
        for n in range(40)
    ]
    data = "".join(json.dumps(item) + "\n" for item in items).encode("utf-8")
    packed = gzip.compress(data)
    (pages / "feed.jsonl.gz").write_bytes(packed[: len(packed) - 40])
    write_good_page(pages)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    reason = only_failure(summary, "feed.jsonl.gz")
    assert "truncated" in reason or "ended before" in reason
    titles = stored_titles(db)
    assert GOOD_TITLE in titles
    feed_titles = [t for t in titles if t and t.startswith("Kessel harbour works report")]
    numbers = sorted(int(t.rsplit(" ", 1)[1]) for t in feed_titles)
    # Every item up to the cut, in feed order, and nothing from after it.
    assert 30 <= len(numbers) < 40
    assert numbers == list(range(len(numbers)))


# A gzip header followed by a deflate block of an invalid type: not truncated but corrupt.
CORRUPT_GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"\xff" * 64


@pytest.mark.parametrize("name", ["broken.txt.gz", "broken.jsonl.gz"])
def test_corrupt_gzip_is_reported_and_the_batch_goes_on(tmp_path: Path, name: str) -> None:
    """Damaged (not just cut) gzip data is a failure for that file, not a crash of the run."""
    pages = pages_dir(tmp_path)
    (pages / name).write_bytes(CORRUPT_GZIP)
    write_good_page(pages)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / name), str(pages / "good.txt")])

    reason = only_failure(summary, name)
    assert "corrupt" in reason or "truncated" in reason
    assert_good_page_stored(db)


def test_truncated_warc_gz_keeps_pages_before_the_cut_and_reports_one_failure(tmp_path: Path) -> None:
    """A crawl archive cut in its second record: the first page is stored, the cut is reported."""
    pages = pages_dir(tmp_path)
    data, ends = html_response_warc(["https://news.example.org/harbour/0", "https://news.example.org/harbour/1"])
    cut = ends[0] + (ends[1] - ends[0]) // 2
    (pages / "crawl.warc.gz").write_bytes(data[:cut])
    write_good_page(pages)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    reason = only_failure(summary, "crawl.warc.gz")
    assert "truncated" in reason
    with Store(db) as store:
        urls = [row[0] for row in store.db.execute("SELECT url FROM pages WHERE status = 'ok' AND url IS NOT NULL")]
    assert urls == ["https://news.example.org/harbour/0"]
    assert_good_page_stored(db)


def test_whole_warc_gz_stores_every_page(tmp_path: Path) -> None:
    """The intact archive the truncation test cuts gives both pages and no failure."""
    pages = pages_dir(tmp_path)
    data, _ = html_response_warc(["https://news.example.org/harbour/0", "https://news.example.org/harbour/1"])
    (pages / "crawl.warc.gz").write_bytes(data)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    assert summary.failures == []
    assert sorted(t or "" for t in stored_titles(db)) == ["Harbour story 0", "Harbour story 1"]


# -- pages that are text but hold no article ---------------------------------------------------


def test_html_without_body_is_reported_and_kept(tmp_path: Path) -> None:
    """HTML with a head but no body is reported as having no body text; its bytes are kept."""
    pages = pages_dir(tmp_path)
    markup = b"<html><head><title>x</title></head></html>"
    (pages / "shell.html").write_bytes(markup)
    write_good_page(pages)
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    reason = only_failure(summary, "shell.html")
    assert "no body" in reason
    assert_good_page_stored(db)
    with Store(db) as store:
        row = store.db.execute("SELECT raw, status FROM pages WHERE source LIKE '%shell.html'").fetchone()
    assert (bytes(row["raw"]), row["status"]) == (markup, "failed")


def test_jsonl_with_one_bad_line_reports_its_line_number(tmp_path: Path) -> None:
    """Good feed lines are stored; the bad one is reported as ``feed.jsonl#2`` with 'line 2'."""
    pages = pages_dir(tmp_path)
    ferry = "Ferry service to Kessel island resumes after the storm"
    school = "Kessel primary school reopens after repairs to its roof"
    lines = [
        json.dumps({"id": "a1", "url": "https://kessel.example.org/a1", "text": text_page(ferry, "Kessel")}),
        '{"id": "a2", "url": "https://kessel.example.org/a2", "text": "unterminated',
        json.dumps({"id": "a3", "url": "https://kessel.example.org/a3", "text": text_page(school, "Kessel")}),
    ]
    (pages / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / "feed.jsonl")])

    reason = only_failure(summary, "feed.jsonl")
    assert summary.failures[0].source.endswith("feed.jsonl#2")
    assert "line 2" in reason and "JSON" in reason
    assert sorted(t or "" for t in stored_titles(db)) == [ferry, school]
    with Store(db) as store:
        assert [f["source"] for f in store.failures()] == [summary.failures[0].source]


# -- many files ------------------------------------------------------------------------------------


def test_directory_of_300_pages_is_ingested_entirely(tmp_path: Path) -> None:
    """Every file of a large crawl directory, in sub-folders too, becomes a page with an article."""
    pages = pages_dir(tmp_path)
    towns = ["Varrow", "Brellin", "Osk", "Tamsford", "Kelby"]
    for number in range(300):
        folder = pages / "crawl" / f"part{number % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        town = towns[number % len(towns)]
        (folder / f"page_{number:03d}.txt").write_text(
            text_page(f"Council of {town} approves budget number {number}", town), encoding="utf-8"
        )
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages / "crawl")])

    assert summary.failures == []
    assert summary.pages_new == 300
    assert summary.articles == 300
    with Store(db) as store:
        assert store.counts() == {"pages": 300, "failed_pages": 0, "articles": 300, "failures": 0}
    assert len(ok_page_sources(db)) == len({os.path.basename(s) for s in ok_page_sources(db)}) == 300


def test_an_article_the_extractors_fail_on_does_not_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitroom.extract import stage

    original = stage.article_facts

    def fragile(article, doc, reference):
        if "Varrow" in article.body:
            raise IndexError("list index out of range")
        return original(article, doc, reference)

    monkeypatch.setattr(stage, "article_facts", fragile)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(f"{GOOD_TITLE}\n\nFlood waters closed the old bridge in Varrow on Monday.\n")
    (pages / "b.txt").write_text("Storm hits Keldara\n\nA storm killed at least three people in Ostrava on Tuesday.\n")
    db = tmp_path / "s.db"
    assert main(["--db", str(db), "ingest", str(pages)]) == 0
    err = capsys.readouterr().err
    assert "facts failed for article" in err and "IndexError" in err
    with Store(db) as store:
        varrow = next(a.id for a in store.articles() if "Varrow" in a.body)
        other = next(a.id for a in store.articles() if "Ostrava" in a.body)
        assert "IndexError" in dict(store.skipped_articles())[varrow]
        assert any(f["kind"] == "figure" and f["value"] == 3 for f in store.facts(other))
    main(["--db", str(db), "facts", varrow])
    assert "facts extraction failed" in capsys.readouterr().out


def test_a_page_of_one_huge_line_does_not_stop_the_batchs_facts(tmp_path: Path) -> None:
    """A body longer than the parser takes is recorded as not analysed, with why; the other
    pages of the batch still get their facts and incidents."""
    folder = pages_dir(tmp_path)
    write_good_page(folder)
    sentence = "Shelling hit the outskirts of the town again on Monday and residents fled to the hills "
    (folder / "huge.txt").write_text(
        "Shelling reported\n\n" + sentence * (260_000 // len(sentence)) + ".\n", encoding="utf-8"
    )
    db = tmp_path / "s.db"
    summary = ingest(db, [str(folder)])
    assert any("too long for the parser" in error for _, error in summary.fact_failures)
    with Store(db) as store:
        good = next(a for a in store.articles() if a.title == GOOD_TITLE)
        assert store.facts(good.id), "the ordinary page of the batch still has its facts"
        reasons = dict(store.skipped_articles())
        assert any("too long for the parser" in r for r in reasons.values())


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes killed 10^400 people on 31 February 2020.",
        "-3 dead after shelling in year 99999.",
        "At least 99999999999999999999999 civilians were killed on 32/13/2020.",
        "He said " + '"' * 1000 + "the strike happened" + '"' * 1000,
        "\u202e\u200b killed 5 \u2066 people \x00 on Monday, near the \u200bmarket.",
    ],
)
def test_absurd_figures_and_dates_end_as_sane_facts(text: str) -> None:
    from datetime import date

    from sitroom.extract.stage import article_facts
    from sitroom.model import Article, Paragraph
    from sitroom.nlp.language import english

    body = text
    article = Article(id="x-0", page_id="x", index=0, title=None, body=body, paragraphs=[Paragraph(0, len(body))])
    facts = article_facts(article, english()(body), date(2020, 3, 1))
    for fact in facts:
        assert 0 <= fact["span"][0] <= fact["span"][1] <= len(body)  # every span points inside
        if fact["kind"] == "figure":
            assert 0 <= fact["value"] <= 10_000_000
        if fact["kind"] == "time" and fact.get("value") and fact["value"][:1].isdigit():
            assert fact["value"][:4] <= "2020"  # nothing dated after the page's own day


def test_a_second_run_on_a_database_being_written_is_refused_with_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitroom.store.lock import writer

    folder = pages_dir(tmp_path)
    write_good_page(folder)
    db = tmp_path / "s.db"
    with writer(db):  # another run holds the database
        code = main(["--db", str(db), "ingest", str(folder), "-q"])
        err = capsys.readouterr().err
    assert code == 2
    assert "another sitroom run is writing to this database" in err
    assert main(["--db", str(db), "ingest", str(folder), "-q"]) == 0  # once it is done, runs go on
    assert_good_page_stored(db)
