"""Reconciliation and what people read: incidents, ranges, the ledger, the brief, exports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from sitroom.cli import main
from sitroom.reconcile.casualties import casualty_ranges
from sitroom.reconcile.incidents import places_agree, times_agree
from sitroom.store import Store


def _figure(article: str, value: int, qualifier: str, source: str, victims: str = "people", at: int = 0) -> dict:
    return {
        "article_id": article,
        "figure": "killed",
        "value": value,
        "qualifier": qualifier,
        "source": source,
        "victims": victims,
        "text": f"{value} {victims} killed",
        "span": [at, at + 10],
    }


def test_ranges_show_disagreement_with_the_source_of_each_bound() -> None:
    figures = [_figure("a", 13, "at least", "the Observatory", "civilians"), _figure("b", 15, "at least", "rescuers")]
    (total, civilians) = casualty_ranges(figures, {"a": "2019-03-14", "b": "2019-03-15"}, {})
    assert (total.low.value, total.low.source) == (13, "the Observatory")
    assert (total.high.value, total.high.source) == (15, "rescuers")
    assert total.best.value == 15 and "disagree" in total.reason
    assert (civilians.low.value, civilians.high.value) == (13, 13)


def test_copies_count_once_and_a_later_total_supersedes() -> None:
    figures = [
        _figure("a", 11, "at least", "the Observatory"),
        _figure("b", 11, "at least", "the Observatory"),
        _figure("c", 14, "at least", "the Observatory"),
    ]
    (total,) = casualty_ranges(figures, {"a": "2025-06-11", "b": "2025-06-11", "c": "2025-06-12"}, {"a": "f", "b": "f"})
    assert total.reports == 2
    assert total.superseded and "superseded by 14" in total.superseded[0]
    assert total.best.value == 14


def test_place_and_time_agreement_follow_precision() -> None:
    idlib = {"name": "Idlib", "country": "SY", "lat": 35.93, "lon": 36.63, "precision": "town"}
    saraqib = {"name": "Saraqib", "country": "SY", "lat": 35.86, "lon": 36.80, "precision": "town"}
    maarat = {"name": "Maarat al-Numan", "country": "SY", "lat": 35.65, "lon": 36.68, "precision": "town"}
    province = {"name": "Idlib Governorate", "country": "SY", "lat": 35.83, "lon": 36.6, "precision": "province"}
    assert places_agree(idlib, saraqib) is True  # 17 km apart: within a town's 25 km
    assert places_agree(idlib, maarat) is False  # 31 km apart
    assert places_agree(idlib, province) is True
    assert times_agree({"value": "2019-03-13"}, {"value": "2019-03"}) is True
    assert times_agree({"value": "2019-03-13"}, {"value": "2019-03-14"}) is False
    assert times_agree({"value": "PRESENT_REF"}, {"value": "2019-03-14"}) is None


def test_contested_claim_and_strike_incident_on_the_samples(sample_db: Path) -> None:
    with Store(sample_db) as store:
        propositions = store.propositions()
        incidents = store.incidents()
    contested = [p for p in propositions if p["status"] == "contested"]
    assert any("coordinated with Norland" in p["text"] for p in contested)
    coordinated = next(p for p in contested if "coordinated with Norland" in p["text"])
    assert any("source" in d["speaker"] for d in coordinated["denied_by"])
    strikes = [i for i in incidents if i["date"] == "2025-06-10" and i["casualties"]]
    assert strikes
    killed = next(c for c in strikes[0]["casualties"] if c["figure"] == "killed" and c["scope"] == "total")
    assert killed["low"]["value"] == 11 and killed["high"]["value"] == 14
    assert killed["low"]["source"]  # the bound names who gave it
    assert killed["high"]["text"]  # and the words it was read from


def test_brief_cites_every_sentence(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(sample_db), "brief"]) == 0
    text = capsys.readouterr().out
    body, sources = text.split("## Sources")
    for line in body.splitlines():
        if line.startswith("- "):
            assert re.search(r"\[\d+\]", line), line
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = {int(n) for n in re.findall(r"^\[(\d+)\]", sources, re.M)}
    assert cited == listed
    assert "denied it" in body


def test_brief_in_html(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    assert main(["--db", str(sample_db), "brief", "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<h2>Main incidents</h2>" in page


def test_incident_exports(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--db", str(sample_db), "export", "incidents", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and list(rows[0])[:16] == [
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
    ]
    assert {"fatalities_low", "fatalities_high", "grade", "n_independent_sources", "contested"} <= set(rows[0])
    main(["--db", str(sample_db), "export", "incidents", "--format", "geojson"])
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in collection["features"])
    main(["--db", str(sample_db), "export", "incidents", "--format", "jsonl"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    with_ledger = [r for r in records if r["propositions"]]
    assert with_ledger and {"text", "status", "asserted_by", "denied_by"} <= set(with_ledger[0]["propositions"][0])
    assert all("article_ids" in r for r in records)


def test_a_report_dated_by_publication_meets_the_day_before() -> None:
    # One outlet states Tuesday; another, published on Wednesday, says no day of its own.
    stated = {"value": "2025-06-10", "precision": "day", "basis": "stated"}
    published = {"value": "2025-06-11", "precision": "day", "basis": "reference"}
    assert times_agree(stated, published) is True
    assert times_agree(published, stated) is True
    # Two stated days a day apart are two days; a reference day does not reach backwards further.
    assert times_agree(stated, {**published, "basis": "stated"}) is False
    assert times_agree(stated, {"value": "2025-06-12", "precision": "day", "basis": "reference"}) is False
