"""Time expressions as TimeML writes them: durations, vague references, weeks, times of day, quarters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitroom.extract.times import TimeExpr, extract_times

THURSDAY = date(2019, 3, 14)  # ISO week 11


def _found(text: str, base: date | None = THURSDAY) -> dict[str, TimeExpr]:
    return {t.text: t for t in extract_times(text, base)}


def _values(text: str, base: date | None = THURSDAY) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_times(text, base)}


def test_durations_are_periods_not_dates() -> None:
    found = _found(
        "The siege has lasted three years. Shelling eased over the past week after a two-year truce "
        "broke down; talks took several months and one session ran more than four hours."
    )
    assert {text: (t.value, t.timex_type) for text, t in found.items()} == {
        "three years": ("P3Y", "DURATION"),
        "the past week": ("P1W", "DURATION"),
        "two-year": ("P2Y", "DURATION"),
        "several months": ("PXM", "DURATION"),
        "more than four hours": ("PT4H", "DURATION"),
    }


def test_vague_references_to_now_the_past_and_the_future() -> None:
    values = _values("The town is now calm. Rebels recently took the hill, and aid is currently blocked.")
    assert values == {"now": "PRESENT_REF", "recently": "PAST_REF", "currently": "PRESENT_REF"}
    assert _values("Nobody knows what the future holds.") == {"the future": "FUTURE_REF"}


def test_weeks_times_of_day_and_clock_times() -> None:
    found = _found(
        "Talks resumed this week. Jets struck this morning, after raids on Friday night and at 3 p.m. Wednesday."
    )
    assert found["this week"].value == "2019-W11"
    assert (found["this morning"].value, found["this morning"].timex_type) == ("2019-03-14TMO", "TIME")
    assert found["Friday night"].value == "2019-03-08TNI"
    assert found["3 p.m. Wednesday"].value == "2019-03-13T15:00"


def test_counting_back_from_the_report() -> None:
    values = _values("Two days ago troops withdrew; a year ago the truce held; six weeks ago the road reopened.")
    assert values == {"Two days ago": "2019-03-12", "a year ago": "2018", "six weeks ago": "2019-W05"}


def test_numeric_dates_possessive_weekdays_and_ordinal_days() -> None:
    found = _found(
        "Wednesday's strike, reported on 03/12/2019, followed the ceasefire of the 13th and the raid of the 20th."
    )
    assert found["Wednesday"].value == "2019-03-13"  # the "'s" stays outside the expression
    assert found["03/12/2019"].value == "2019-03-12"
    assert found["the 13th"].value == "2019-03-13"
    assert found["the 20th"].value == "2019-02-20"  # no 20th yet this month: the last one


def test_decades_centuries_years_and_seasons() -> None:
    values = _values(
        "Scars from the 1990s and the 20th century remain; in 2017 and late 2018 fighting resumed this summer."
    )
    assert values["the 1990s"] == "199"
    assert values["the 20th century"] == "19"
    assert values["2017"] == "2017"
    assert values["late 2018"] == "2018"  # a modifier belongs to the expression
    assert values["this summer"] == "2019-SU"


def test_tense_turns_weekdays_and_months_forward() -> None:
    assert _values("Troops left on Friday.") == {"Friday": "2019-03-08"}
    assert _values("The talks will resume on Friday.") == {"Friday": "2019-03-15"}
    assert _values("Elections will be held in June.") == {"June": "2019-06"}
    assert _values("The group seized the town in June.") == {"June": "2018-06"}


def test_a_date_just_ahead_is_not_taken_for_last_year() -> None:
    late_october = date(2019, 10, 30)
    assert _values("The offer was extended to Nov. 16.", late_october) == {"Nov. 16": "2019-11-16"}
    assert _values("The offer was signed on Aug. 7.", late_october) == {"Aug. 7": "2019-08-07"}


def test_quarters_and_the_year_before_in_an_earnings_report() -> None:
    values = _values(
        "Profit rose in the third quarter from a year earlier. Sales in the quarter beat the year-ago quarter, "
        "and third-quarter costs fell.",
        date(2019, 10, 24),
    )
    assert values["the third quarter"] == "2019-Q3"
    assert values["a year earlier"] == "2018-Q3"  # the quarter the report is about, a year back
    assert values["the quarter"] == "2019-Q3"
    assert values["the year-ago quarter"] == "2018-Q3"
    assert values["third-quarter"] == "2019-Q3"


def test_recurrences_are_sets() -> None:
    found = _found("Convoys run daily, patrols every Thursday, and the market closes on Sundays.")
    assert {text: (t.value, t.timex_type) for text, t in found.items()} == {
        "daily": ("P1D", "SET"),
        "every Thursday": ("XXXX-WXX-4", "SET"),
        "Sundays": ("XXXX-WXX-7", "SET"),
    }


def test_numbers_and_words_that_only_look_like_times() -> None:
    assert _values("A 30-year-old man said 2000 people fled before a second attack as prices fall.") == {}
    assert _values("In 2019, 1500 troops arrived.") == {"2019": "2019"}


def test_without_a_reference_date_only_relative_values_stay_open() -> None:
    values = _values("The siege has lasted three years and worsened this week.", None)
    assert values == {"three years": "P3Y", "this week": None}


def test_te3_platinum_value_f1_stays_above_heideltime(shared: Path) -> None:
    """TempEval-3's test set: value F1 above HeidelTime's (0.78 measured beside it by benchmarks.times_te3)."""
    if not (shared / "benchmarks" / "tempeval3").is_dir():
        pytest.skip("the TempEval-3 data is not in ../shared")
    from benchmarks.times_te3 import evaluate, load, sitroom_system

    score = evaluate(load("test"), sitroom_system)
    assert score.attribute_f1(score.value) > 0.79
