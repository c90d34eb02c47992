"""Analysts' decisions replayed on rebuilt incidents, watch-area geometry, word diffs."""

from __future__ import annotations

import pytest

from sitroom.reconcile.incidents import Incident, Report
from sitroom.reconcile.review import Replay, Review, ReviewError, drop_rejected, override, regroup, validate
from sitroom.report.areas import AreaError, contains
from sitroom.report.areas import validate as validate_area
from sitroom.report.diff import word_diff


def _report(article: str, start: int) -> Report:
    return Report(
        key=f"{article}:{start:06d}",
        article_id=article,
        family=article,
        story=None,
        type="Explosions/Remote violence",
        sub_type="Air/drone strike",
        actors=[],
        place=None,
        time=None,
        figures=[],
        status="occurred",
        span=(start, start + 10),
        text="Air strikes hit the town.",
    )


def _incidents() -> list[Incident]:
    a, b, c = _report("a-0", 0), _report("b-0", 40), _report("c-0", 7)
    return [Incident(id=f"inc-{a.key}", reports=[a, b]), Incident(id=f"inc-{c.key}", reports=[c])]


def _review(i: int, action: str, anchors: list[str], value: object = None) -> Review:
    return Review(i, action, anchors, value, "ana", "2026-01-02T10:00:00+00:00")


def test_merge_then_split_are_replayed_in_order() -> None:
    replay = Replay()
    merged = regroup(_incidents(), [_review(1, "merge", ["a-0:000000", "c-0:000007"])], replay)
    assert [sorted(r.key for r in i.reports) for i in merged] == [["a-0:000000", "b-0:000040", "c-0:000007"]]
    split = regroup(
        _incidents(),
        [_review(1, "merge", ["a-0:000000", "c-0:000007"]), _review(2, "split", ["b-0:000040"])],
        replay := Replay(),
    )
    assert sorted(len(i.reports) for i in split) == [1, 2]
    assert replay.applied == [1, 2]


def test_a_review_whose_reports_are_gone_is_not_applied() -> None:
    replay = Replay()
    kept = regroup(_incidents(), [_review(3, "merge", ["gone-0:000000", "c-0:000007"])], replay)
    assert len(kept) == 2 and replay.orphaned == [3] and replay.applied == []


def test_not_an_incident_drops_the_report_before_grouping() -> None:
    reports = [r for i in _incidents() for r in i.reports]
    replay = Replay()
    left = drop_rejected(reports, [_review(4, "not_incident", ["b-0:000040"])], replay)
    assert [r.key for r in left] == ["a-0:000000", "c-0:000007"] and replay.applied == [4]


def test_field_decisions_override_the_record_and_the_latest_wins() -> None:
    record = {
        "grade": "weak",
        "grade_reason": "single source",
        "date": None,
        "reports": [{"article_id": "a-0", "span": [0, 10]}],
    }
    reviews = [
        _review(5, "grade", ["a-0:000000"], "fair"),
        _review(6, "grade", ["a-0:000000"], "confirmed"),
        _review(7, "date", ["a-0:000000"], "2020-02-27"),
        _review(8, "grade", ["other-0:000000"], "weak"),
    ]
    out = override(record, reviews, Replay())
    assert out["grade"] == "confirmed" and "ana" in out["grade_reason"]
    assert out["date"] == "2020-02-27" and out["date_basis"] == "review"
    assert out["reviews"] == [5, 6, 7]


@pytest.mark.parametrize(
    ("action", "anchors", "value", "words"),
    [
        ("promote", ["a:0"], None, "unknown review action"),
        ("grade", ["a:0"], "excellent", "grade must be one of"),
        ("date", ["a:0"], "27/02/2020", "YYYY-MM-DD"),
        ("place", ["a:0"], {"name": "X", "lat": 95, "lon": 0}, "out of range"),
        ("merge", ["a:0"], None, "one report of each"),
        ("grade", [], "fair", "names the reports"),
    ],
)
def test_bad_reviews_are_refused_with_the_reason(action: str, anchors: list[str], value: object, words: str) -> None:
    with pytest.raises(ReviewError, match=words):
        validate(action, anchors, value)


def test_areas_circle_and_polygon() -> None:
    idlib = validate_area({"polygon": [[35.5, 36.2], [36.3, 36.2], [36.3, 37.0], [35.5, 37.0]]})
    assert contains(idlib, 35.93, 36.63) and not contains(idlib, 36.2, 37.16)  # Idlib in, Aleppo out
    circle = validate_area({"circle": [35.93, 36.63, 30]})
    assert contains(circle, 35.80, 36.80) and not contains(circle, 36.2, 37.16)
    with pytest.raises(AreaError):
        validate_area({"square": [1, 2]})
    with pytest.raises(AreaError):
        validate_area({"polygon": [[1, 2], [3, 4]]})


def test_word_diff_marks_changed_words_only() -> None:
    diff = word_diff("at least 11 civilians were killed", "at least 14 people were killed")
    assert ("del", "11 civilians") in diff and ("ins", "14 people") in diff
    assert diff[0] == ("same", "at least") and diff[-1] == ("same", "were killed")


def test_stored_time_values_read_as_a_person_writes_them() -> None:
    from sitroom.web.app import readable_date

    assert readable_date("2025-06-10TEV") == "2025-06-10 (evening)"
    assert readable_date("2019-03-04/2019-03-10") == "2019-03-04 to 2019-03-10"
    assert readable_date(None) == "undated"
