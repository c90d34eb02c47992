"""Facts I: places, times and figures as a monitor reads them, each pointing at its text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitroom.extract.figures import extract_figures, parse_number
from sitroom.extract.gazetteer import gazetteer
from sitroom.extract.names import exact_key
from sitroom.extract.places import extract_places
from sitroom.extract.times import extract_times
from sitroom.nlp.language import english

THURSDAY = date(2019, 3, 14)


def _values(text: str, base: date | None = THURSDAY) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_times(text, base)}


def test_weekdays_resolve_to_the_past_and_typos_are_read() -> None:
    values = _values("Officials met on Wednesdayg and again on Thursday; the strikes came on Monday.")
    assert values == {"Wednesdayg": "2019-03-13", "Thursday": "2019-03-14", "Monday": "2019-03-11"}


def test_months_seasons_and_ranges() -> None:
    values = _values(
        "The deal signed in September was renewed on March 3-4, after talks last fall. "
        "Earlier this month the patrols began; in January the group took control."
    )
    assert values["September"] == "2018-09"
    assert values["March 3-4"] == "2019-03-03/2019-03-04"
    assert values["last fall"] == "2018-FA"
    assert values["Earlier this month"] == "2019-03"
    assert values["January"] == "2019-01"


def test_no_false_dates_from_ordinary_words() -> None:
    text = "We may march to the square, they said; May God protect us. The army will march on."
    assert extract_times(text, THURSDAY) == []


def test_since_and_past_hours() -> None:
    values = _values("Fighting has gone on since April 2023, and in the past 24 hours shelling killed four.")
    assert values["since April 2023"] == "2023-04"
    assert values["in the past 24 hours"] == "2019-03-13/2019-03-14"


def test_relative_times_without_a_reference_date_stay_unresolved() -> None:
    (wednesday,) = extract_times("Jets struck on Wednesday.", None)
    assert wednesday.value is None and wednesday.text == "Wednesday"


def test_figures_with_qualifier_victims_subcounts_and_source() -> None:
    text = (
        "At least 11 civilians, including four children, were killed in the raids, according to the "
        "Keldaran Observatory for Human Rights. Rescuers said 37 people were wounded."
    )
    killed, injured = extract_figures(text)
    assert (killed.figure, killed.value, killed.qualifier, killed.victims) == ("killed", 11, "at least", "civilians")
    assert killed.includes == ["four children"]
    assert killed.source == "Keldaran Observatory for Human Rights"
    assert (injured.figure, injured.value, injured.qualifier) == ("injured", 37, "exact")
    assert text[killed.start : killed.end] == killed.text


def test_number_words_and_vague_amounts() -> None:
    assert parse_number("fifteen") == (15, False)
    assert parse_number("twenty-one") == (21, False)
    assert parse_number("a dozen") == (12, True)
    assert parse_number("150,000") == (150000, False)
    (figure,) = extract_figures("Dozens of fighters were detained overnight.")
    assert (figure.figure, figure.value, figure.qualifier, figure.vague) == ("detained", 24, "about", True)


def test_years_are_not_counts() -> None:
    assert extract_figures("In 2019 soldiers were deployed.") == []


def test_place_names_meet_across_spellings_and_scripts() -> None:
    assert exact_key("Tell Rifaat") == exact_key("Tal Rifat")
    gaz = gazetteer()
    idlib = {p.geonames_id for p in gaz.lookup("Idlib")}
    assert idlib & {p.geonames_id for p in gaz.lookup("Idleb")} & {p.geonames_id for p in gaz.lookup("إدلب")}


def test_places_are_geocoded_and_mislabelled_ones_recovered() -> None:
    text = (
        "A Turkish convoy crossed into Syria via Kafr Lusin and headed to posts near Idlib, "
        "while Russian jets flew from Hmeimim."
    )
    mentions = extract_places(english()(text), gazetteer())
    by_text = {m.text: m.place for m in mentions}
    assert by_text["Kafr Lusin"].country == "SY" and abs(by_text["Kafr Lusin"].lat - 36.2) < 0.1
    assert by_text["Idlib"].country == "SY"
    assert "Hmeimim" in by_text and by_text["Hmeimim"].kind == "airbase"
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_seed_gold_places_and_figures(shared: Path) -> None:
    """Every place and casualty figure of the seeds' gold is found (places within 25 km)."""
    from sitroom.extract.gazetteer import Place
    from sitroom.extract.places import _distance_km

    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    from sitroom.clean.text import clean_text_page
    from sitroom.ingest.items import RawItem
    from sitroom.ingest.page import make_page
    from sitroom.settings import IngestOptions

    articles = {}
    for page in gold["pages"]:
        raw = (shared / "seeds" / page["file"]).read_bytes()
        for article in clean_text_page(make_page(RawItem(source=page["file"], raw=raw, kind="text"), IngestOptions())):
            articles[f"{page['file'][:3]}.{'ab'[article.index]}"] = article
    nlp = english()
    for place in gold["facts"]["places"]:
        target = Place(0, None, place["name"], place["country"], place["lat"], place["lon"], None, 0, "town")
        for key in place["articles"]:
            found = extract_places(nlp(articles[key].body), gazetteer(), articles[key].dateline)
            assert any(_distance_km(m.place, target) <= 25 for m in found), (place["name"], key)
    for casualty in gold["facts"]["casualties"]:
        figures = extract_figures(articles[casualty["article"]].body)
        match = [f for f in figures if f.figure == casualty["kind"] and f.value == casualty["value"]]
        assert match, casualty
        assert match[0].qualifier == casualty["qualifier"]
        assert match[0].source and casualty["source"].split(" (")[0].lower() in match[0].source.lower()


@pytest.mark.parametrize("prefix", ["01"])
def test_facts_command_marks_the_text(
    prefix: str, samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitroom.cli import main

    db = str(tmp_path / "f.db")
    main(["--db", db, "ingest", str(samples), "-q"])
    main(["--db", db, "export", "facts", "--format", "jsonl"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    kinds = {r["kind"] for r in records}
    assert {"time", "figure"} <= kinds
    killed = [r for r in records if r["kind"] == "figure" and r["value"] == 14]
    assert killed and killed[0]["figure"] == "killed"
