"""Reconciliation on the five example pages: the picture a desk should get from them.

The pages carry no date of their own, so they are ingested as a crawl would deliver them:
with a ``manifest.jsonl`` giving each file the earliest publication date the hand
annotation allows (a crawler knows when it fetched a page). Everything else comes from
the text: that 000, 001 and 002 report one strike, the casualty range and who stands
behind each bound, the contested coordination claim, the corroborated centre plan.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from sitroom.cli import brief_text, main, run_ingest
from sitroom.settings import IngestOptions
from sitroom.store import Store

SOHR = "Syrian Observatory"
WHITE_HELMETS = "White Helmets"


@pytest.fixture(scope="module")
def seeds_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    folder = tmp_path_factory.mktemp("seeds")
    with open(folder / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for page in gold["pages"]:
            shutil.copy(shared / "seeds" / page["file"], folder / page["file"])
            published = page["articles"][0]["published"]["earliest"]
            manifest.write(json.dumps({"file": page["file"], "published": published}) + "\n")
    db = tmp_path_factory.mktemp("seeds-db") / "seeds.db"
    with Store(db) as store:
        run_ingest(store, [str(folder)], IngestOptions(per_host_delay=0), quiet=True)
        # "000.a" → article id: the file's number and the article's place on the page.
        keys = {}
        for article in store.articles():
            path, _ = store.source_of(article.page_id)
            keys[f"{Path(path).name[:3]}.{'ab'[article.index]}"] = article.id
    return db, keys


def _store(seeds_db: tuple[Path, dict[str, str]]) -> Store:
    return Store(seeds_db[0])


def test_the_strikes_of_13_march_are_one_incident_with_a_sourced_range(seeds_db) -> None:
    _, key = seeds_db
    with _store(seeds_db) as store:
        incidents = store.incidents()
    idlib = [i for i in incidents if {key["000.a"], key["001.a"], key["002.a"]} <= set(i["article_ids"])]
    strikes = [i for i in idlib if i["sub_type"] == "Air/drone strike"]
    assert len(strikes) == 1, [(i["sub_type"], i["article_ids"]) for i in incidents]
    strike = strikes[0]
    assert strike["date"] == "2019-03-13" and strike["place"]["name"] == "Idlib"
    killed = next(c for c in strike["casualties"] if c["figure"] == "killed" and c["scope"] == "total")
    assert (killed["low"]["value"], killed["high"]["value"]) == (13, 15)
    assert SOHR in killed["low"]["source"] and WHITE_HELMETS in killed["high"]["source"]
    injured = next(c for c in strike["casualties"] if c["figure"] == "injured" and c["scope"] == "total")
    assert injured["low"]["value"] == injured["high"]["value"] == 49
    assert strike["n_independent_sources"] == 3


def test_the_coordination_claim_is_contested_through_its_chains(seeds_db) -> None:
    _, key = seeds_db
    with _store(seeds_db) as store:
        props = store.propositions()
    contested = [p for p in props if p["status"] == "contested" and "coordinat" in p["text"]]
    assert len(contested) == 1, [p["text"] for p in props if p["status"] == "contested"]
    prop = contested[0]
    ministry = [e for e in prop["asserted_by"] if "defen" in e["speaker"].lower() or "MoD" in e["speaker"]]
    assert {e["article_id"] for e in ministry} >= {key["001.a"], key["002.a"]}
    assert any("Reuters" in e["chain"] and e["article_id"] == key["002.a"] for e in ministry)
    (denial,) = {e["speaker"] for e in prop["denied_by"] if "source in the Turkish Armed Forces" in e["speaker"]}
    assert denial and all(e["article_id"] == key["002.a"] for e in prop["denied_by"])


def test_the_coordination_center_plan_is_corroborated(seeds_db) -> None:
    with _store(seeds_db) as store:
        props = store.propositions()
    centre = [p for p in props if "coordination cent" in p["text"] and p["status"] == "corroborated"]
    assert centre and centre[0]["independent_sources"] >= 2


def test_spilled_over_stories_stay_apart(seeds_db) -> None:
    _, key = seeds_db
    idlib = {key["000.a"], key["001.a"], key["002.a"]}
    with _store(seeds_db) as store:
        incidents, stories = store.incidents(), store.stories()
        props = store.propositions()
    for spill in (key["000.b"], key["004.b"]):
        assert not any(spill in i["article_ids"] and idlib & set(i["article_ids"]) for i in incidents)
        assert not any(spill in s["article_ids"] and idlib & set(s["article_ids"]) for s in stories)
        assert not any(spill in p["article_ids"] and idlib & set(p["article_ids"]) for p in props)
    march = next(s for s in stories if key["000.a"] in s["article_ids"])
    assert idlib <= set(march["article_ids"])
    assert key["003.a"] not in march["article_ids"] and key["004.a"] not in march["article_ids"]


def test_the_brief_says_it_with_a_citation_on_every_sentence(seeds_db) -> None:
    with _store(seeds_db) as store:
        brief = brief_text(store)
    strike = next(line for line in brief.splitlines() if "13 March 2019" in line and "air/drone" in line)
    assert "13 (Syrian Observatory" in strike and "15 (Syria Civil Defence (White Helmets))" in strike
    assert "49 injured" in strike
    contested = brief.split("## Contested claims")[1].split("##")[0]
    line = next(x for x in contested.splitlines() if "coordinated" in x)
    assert "via Reuters" in line and "denied it" in line and "Turkish Armed Forces" in line
    body = brief.split("## Sources")[0]
    for item in (x for x in body.splitlines() if x.startswith("- ")):
        assert "[" in item and "]" in item, item


def test_the_acled_layout_csv_loads_in_pandas(seeds_db, capsys: pytest.CaptureFixture[str]) -> None:
    pandas = pytest.importorskip("pandas")
    assert main(["--db", str(seeds_db[0]), "export", "incidents", "--format", "csv"]) == 0
    frame = pandas.read_csv(io.StringIO(capsys.readouterr().out))
    acled = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2"]
    acled += ["country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes"]
    ours = ["fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured_low", "injured_high"]
    ours += ["grade", "n_reports", "n_independent_sources", "contested"]
    assert list(frame.columns[: len(acled)]) == acled and set(ours) <= set(frame.columns)
    strike = frame[(frame.event_date == "2019-03-13") & (frame.sub_event_type == "Air/drone strike")]
    assert len(strike) == 1
    row = strike.iloc[0]
    assert (row.fatalities_low, row.fatalities_high, row.location) == (13, 15, "Idlib")
