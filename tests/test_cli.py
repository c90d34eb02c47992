"""The command line as a user drives it: demo, ingest summary, articles, show, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sitroom.cli import main
from sitroom.store import Store


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_ingests_the_samples_and_prints_what_it_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = _run(capsys, "--db", str(tmp_path / "demo.db"), "demo")
    assert code == 0
    assert "failures: 0" in out
    assert "Norland and Ostravia hold first joint patrol on M7 highway" in out
    assert "Flash floods displace thousands" in out  # the spilled-over story is an article of its own


def test_ingest_twice_changes_nothing(samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    _, first, _ = _run(capsys, "--db", db, "ingest", str(samples), "-q")
    _, second, _ = _run(capsys, "--db", db, "ingest", str(samples), "-q")
    assert "16 new" in first  # 13 pages in the folder, 3 in real-places/
    assert "0 new, 16 unchanged" in second
    assert first.split("articles: ")[1].split(" from")[0] != "0"


def test_show_prints_the_article_then_what_was_removed(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    _run(capsys, "--db", db, "ingest", str(samples), "-q")
    _, out, _ = _run(capsys, "--db", db, "export", "articles", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    patrol = next(r for r in records if r["title"] and r["title"].startswith("Norland and Ostravia hold"))
    code, shown, _ = _run(capsys, "--db", db, "show", patrol["id"][:10])
    assert code == 0
    body_part, removed_part = shown.split("Removed (")
    assert "Military police from Norland and Ostravia" in body_part
    assert "AUGUST 2026" in removed_part and "widget date" in removed_part


def test_export_jsonl_has_the_documented_fields(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    _run(capsys, "--db", db, "ingest", str(samples), "-q")
    _, out, _ = _run(capsys, "--db", db, "export", "articles", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    fields = {
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
    }
    assert all(fields <= set(r) for r in records)
    feed = [r for r in records if r["source_id"] == "feed-001"]
    assert feed and feed[0]["published"] == "2025-06-13" and feed[0]["source"].endswith("feed.jsonl#1")
    assert all(r["removed"] == [] or {"text", "reason"} <= set(r["removed"][0]) for r in records)


def test_export_csv_loads(samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    _run(capsys, "--db", db, "ingest", str(samples), "-q")
    out_file = tmp_path / "articles.csv"
    code, _, err = _run(capsys, "--db", db, "export", "articles", "--format", "csv", "-o", str(out_file))
    assert code == 0 and "wrote" in err
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert len(rows) == 18
    assert {"id", "title", "published", "body", "removed"} <= set(rows[0])


def test_show_unknown_id_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", str(tmp_path / "empty.db"), "show", "nope")
    assert code == 2
    assert "no article with id 'nope'" in err


def test_ingest_without_inputs_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", str(tmp_path / "x.db"), "ingest")
    assert code == 2 and "nothing to ingest" in err


def test_ingest_with_the_static_encoder_groups_with_it(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = _run(capsys, "--db", db, "ingest", str(samples), "-q", "--encoder", "static")
    assert code == 0 and "stories" in out
    with Store(db) as store:
        assert {doc["encoder"] for _, _, _, doc, emb in store.features() if emb is not None} == {"static"}
    with pytest.raises(SystemExit):
        main(["--db", db, "ingest", str(samples), "-q", "--encoder", "word2vec"])
    assert "invalid choice: 'word2vec'" in capsys.readouterr().err
