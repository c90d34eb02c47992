"""The SQLite store: recorded migrations, repeatable and resumable runs, clear errors for a
file that is not a database, article look-up by id prefix, and content-hash page ids."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sitroom.cli import main, run_ingest
from sitroom.errors import StoreError
from sitroom.ingest.page import page_id
from sitroom.model import Article, Page, Paragraph
from sitroom.pipeline import IngestSummary
from sitroom.settings import IngestOptions
from sitroom.store import Store

OPTIONS = replace(IngestOptions(), per_host_delay=0.0)
TOWNS = ["Varrow", "Brellin", "Osk", "Tamsford", "Kelby", "Marn"]


def text_page(number: int) -> str:
    """A distinct flattened-text news page for ``number``."""
    town = TOWNS[number % len(TOWNS)]
    return (
        f"Council of {town} approves repairs to bridge number {number}\n\n"
        f"The council of {town} voted on Monday to repair bridge number {number} over the river before "
        "the winter, after engineers found deep cracks in two of its stone arches during an inspection.\n\n"
        "The repairs will close the bridge to cars for about three months, and buses will be sent on a "
        "detour through the northern villages until the work is finished, the mayor's office said.\n\n"
        "Shopkeepers on the market square said they feared losing customers from the far bank, and asked "
        "the council to keep at least one lane open for pedestrians and bicycles during the work.\n"
    )


def write_pages(folder: Path, count: int) -> list[Path]:
    """Write ``count`` distinct text pages into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"page_{number:02d}.txt"
        path.write_text(text_page(number), encoding="utf-8")
        paths.append(path)
    return paths


def ingest(db: Path, inputs: list[str]) -> IngestSummary:
    """Run an ingest the way the command line does."""
    with Store(db) as store:
        return run_ingest(store, inputs, OPTIONS, quiet=True)


def table_counts(db: Path) -> dict[str, int]:
    """Rows in every table, to tell whether a run changed anything."""
    with Store(db) as store:
        return {
            table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("pages", "articles", "removed", "failures", "schema_migrations")
        }


# -- migrations -----------------------------------------------------------------------------------


def test_migrations_are_recorded_and_not_applied_twice(tmp_path: Path) -> None:
    """The schema migration is recorded once; opening the database again applies nothing."""
    db = tmp_path / "s.db"
    with Store(db) as store:
        first = store.db.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
        names = store.migrations()
    assert tuple(first[0])[:2] == (1, "001_pages_articles.sql")
    assert names[0] == "001_pages_articles.sql"
    assert [row[0] for row in first] == sorted(row[0] for row in first)

    with Store(db) as store:
        again = store.migrate()
        second = store.db.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
    assert again == []
    assert [tuple(r) for r in second] == [tuple(r) for r in first]


def test_database_from_a_newer_sitroom_is_refused(tmp_path: Path) -> None:
    """A schema version this sitroom does not know is an error saying to upgrade."""
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.db.execute("INSERT INTO schema_migrations VALUES (999, '999_future.sql', '2030-01-01')")
    with pytest.raises(StoreError, match="newer than this sitroom knows") as caught:
        Store(db)
    assert str(db) in str(caught.value)


# -- repeatable and resumable runs ----------------------------------------------------------


def test_ingesting_the_same_directory_twice_changes_nothing(tmp_path: Path) -> None:
    """A repeated run reports every page unchanged and adds no rows."""
    pages = tmp_path / "pages"
    write_pages(pages, 6)
    db = tmp_path / "s.db"

    first = ingest(db, [str(pages)])
    after_first = table_counts(db)
    second = ingest(db, [str(pages)])

    assert (first.pages_new, first.pages_unchanged, first.articles) == (6, 0, 6)
    assert (second.pages_new, second.pages_unchanged, second.pages_recleaned) == (0, 6, 0)
    assert second.articles == 0 and second.failures == []
    assert table_counts(db) == after_first
    assert after_first["pages"] == 6 and after_first["articles"] == 6


def test_cli_summary_of_a_repeated_run_says_nothing_is_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The printed summary of a repeated run says 0 new, N unchanged."""
    pages = tmp_path / "pages"
    write_pages(pages, 3)
    db = tmp_path / "s.db"
    argv = ["--db", str(db), "ingest", str(pages), "-q"]

    assert main(argv) == 0
    first = capsys.readouterr().out
    assert main(argv) == 0
    second = capsys.readouterr().out

    assert "pages: 3 read (3 new, 0 unchanged" in first
    assert "pages: 3 read (0 new, 3 unchanged" in second
    assert "3 in " in second  # still three articles in the database


def test_repeating_a_run_with_bad_inputs_changes_nothing(tmp_path: Path) -> None:
    """Failures are reported again on a repeat, but neither pages nor failures are duplicated."""
    pages = tmp_path / "pages"
    write_pages(pages, 3)
    (pages / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (pages / "shell.html").write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    db = tmp_path / "s.db"

    first = ingest(db, [str(pages)])
    after_first = table_counts(db)
    second = ingest(db, [str(pages)])

    assert second.pages_new == 0 and second.pages_unchanged == 3
    assert sorted(Path(f.source).name for f in second.failures) == ["photo.png", "shell.html"]
    assert sorted(Path(f.source).name for f in first.failures) == ["photo.png", "shell.html"]
    assert table_counts(db) == after_first
    assert after_first["failures"] == 2 and after_first["articles"] == 3


def test_a_stricter_later_run_does_not_delete_stored_articles(tmp_path: Path) -> None:
    """Articles stored by one run survive a later run that refuses the same page."""
    pages = tmp_path / "pages"
    write_pages(pages, 2)
    db = tmp_path / "s.db"
    ingest(db, [str(pages)])

    with Store(db) as store:
        later = run_ingest(store, [str(pages)], replace(OPTIONS, max_page_bytes=100), quiet=True)

    assert len(later.failures) == 2  # the refusal itself is reported
    with Store(db) as store:
        counts = store.counts()
    assert counts["articles"] == 2
    assert counts["pages"] == 2


def test_interrupted_run_resumes_without_duplicates(tmp_path: Path) -> None:
    """Files stored before an interruption are skipped as unchanged when the run is repeated."""
    pages = tmp_path / "pages"
    paths = write_pages(pages, 8)
    db = tmp_path / "s.db"

    partial = ingest(db, [str(p) for p in paths[:4]])
    resumed = ingest(db, [str(pages)])

    assert partial.pages_new == 4
    assert (resumed.pages_new, resumed.pages_unchanged) == (4, 4)
    with Store(db) as store:
        sources = [row[0] for row in store.db.execute("SELECT source FROM pages")]
        article_pages = [a.page_id for a in store.articles()]
    assert sorted(Path(s).name for s in sources) == sorted(p.name for p in paths)
    assert len(article_pages) == len(set(article_pages)) == 8


def test_changed_file_is_a_new_page(tmp_path: Path) -> None:
    """Editing a file changes its content hash, so the next run stores it as new."""
    pages = tmp_path / "pages"
    (path,) = write_pages(pages, 1)
    db = tmp_path / "s.db"
    ingest(db, [str(pages)])

    path.write_text(text_page(0).replace("three months", "four months"), encoding="utf-8")
    again = ingest(db, [str(pages)])

    assert (again.pages_new, again.pages_unchanged) == (1, 0)


# -- files that are not databases --------------------------------------------------------------


def test_file_that_is_not_sqlite_gives_a_store_error_naming_it(tmp_path: Path) -> None:
    """Pointing ``--db`` at a text file is a StoreError naming it; the file is untouched."""
    notes = tmp_path / "notes.db"
    content = b"These are my notes on the Varrow bridge, not a database.\n" * 40
    notes.write_bytes(content)

    with pytest.raises(StoreError) as caught:
        Store(notes)

    assert str(notes) in str(caught.value)
    assert "not a sitroom database" in str(caught.value)
    assert notes.read_bytes() == content  # the user's file is left alone


def test_cli_reports_a_non_database_file_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command line prints the error with the file name and exits with status 2."""
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"plain text, not SQLite\n" * 100)
    pages = tmp_path / "pages"
    write_pages(pages, 1)

    code = main(["--db", str(notes), "ingest", str(pages), "-q"])

    err = capsys.readouterr().err
    assert code == 2
    assert "sitroom: error:" in err and str(notes) in err


# -- find_article ---------------------------------------------------------------------------------


def store_article(store: Store, article_id: str, title: str) -> None:
    """Store a one-article page directly, with a chosen article id."""
    raw = f"{title}\n\nBody of {title}.".encode()
    page = Page(
        id=page_id(raw, None), source=f"{title}.txt", raw=raw, text=raw.decode(), content_type="text", encoding="utf-8"
    )
    body = f"Body of {title}."
    article = Article(
        id=article_id, page_id=page.id, index=0, title=title, body=body, paragraphs=[Paragraph(0, len(body))]
    )
    store.save_page(page, [article], 1)


def test_find_article_by_unique_prefix_and_ambiguous_prefix(tmp_path: Path) -> None:
    """A unique id prefix finds the article; an ambiguous one is an error listing the matches."""
    with Store(tmp_path / "s.db") as store:
        store_article(store, "ab12cd34ef56aa00-0", "Varrow bridge")
        store_article(store, "ab12ff0011223344-0", "Brellin market")
        store_article(store, "9f00000000000000-0", "Osk harbour")

        found = store.find_article("ab12c")
        exact = store.find_article("9f00000000000000-0")
        by_short = store.find_article("9f")
        missing = store.find_article("zz")
        with pytest.raises(StoreError, match="ambiguous") as caught:
            store.find_article("ab12")

    assert found is not None and found.title == "Varrow bridge"
    assert exact is not None and exact.title == "Osk harbour"
    assert by_short is not None and by_short.title == "Osk harbour"
    assert missing is None
    assert "ab12cd34ef56aa00-0" in str(caught.value) and "ab12ff0011223344-0" in str(caught.value)


def test_exact_id_wins_over_longer_ids_it_prefixes(tmp_path: Path) -> None:
    """An id that is also a prefix of another id finds its own article."""
    with Store(tmp_path / "s.db") as store:
        store_article(store, "cafe000000000000-1", "First")
        store_article(store, "cafe000000000000-10", "Tenth")
        found = store.find_article("cafe000000000000-1")
    assert found is not None and found.title == "First"


def test_show_command_accepts_a_unique_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``sitroom show`` finds an article by the shortest unique prefix of its id."""
    pages = tmp_path / "pages"
    write_pages(pages, 2)
    db = tmp_path / "s.db"
    ingest(db, [str(pages)])
    with Store(db) as store:
        articles = list(store.articles())
    target = articles[0]
    other = articles[1]
    length = next(n for n in range(1, 17) if target.id[:n] != other.id[:n])
    capsys.readouterr()

    code = main(["--db", str(db), "show", target.id[:length]])

    out = capsys.readouterr().out
    assert code == 0
    assert target.title is not None and target.title in out


# -- page ids ----------------------------------------------------------------------------------------


def test_page_id_is_a_hash_of_bytes_and_url() -> None:
    """Same bytes and URL give the same page id; a change to either gives another."""
    raw = text_page(1).encode("utf-8")
    url = "https://varrow.example.org/news/bridge"

    assert page_id(raw, url) == page_id(bytes(raw), url)
    assert page_id(raw, None) == page_id(raw, None)
    assert page_id(raw, url) != page_id(raw, "https://brellin.example.net/news/bridge")
    assert page_id(raw, url) != page_id(raw + b" ", url)
    assert page_id(raw, None) != page_id(raw, url)


def test_same_bytes_from_two_files_are_one_page(tmp_path: Path) -> None:
    """Identical bytes without a URL are one page, whichever file they were read from."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(text_page(3), encoding="utf-8")
    (pages / "copy-of-a.txt").write_text(text_page(3), encoding="utf-8")
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    assert (summary.pages_new, summary.pages_unchanged) == (1, 1)
    with Store(db) as store:
        stored = [row[0] for row in store.db.execute("SELECT id FROM pages")]
    assert stored == [page_id(text_page(3).encode("utf-8"), None)]


def test_same_bytes_under_two_urls_are_two_pages(tmp_path: Path) -> None:
    """The same story published by two outlets is two reports."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(text_page(3), encoding="utf-8")
    (pages / "b.txt").write_text(text_page(3), encoding="utf-8")
    (pages / "manifest.jsonl").write_text(
        '{"file": "a.txt", "url": "https://varrow.example.org/bridge"}\n'
        '{"file": "b.txt", "url": "https://brellin.example.net/bridge"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "s.db"

    summary = ingest(db, [str(pages)])

    assert summary.pages_new == 2
    with Store(db) as store:
        outlets = sorted(a.outlet or "" for a in store.articles())
    assert outlets == ["example.net", "example.org"]
