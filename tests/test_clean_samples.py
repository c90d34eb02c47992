"""Cleaning the bundled sample pages: what a reader of each article would notice.

The expected values are the ground truth written with the samples (samples/pages/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.clean.page import clean_page
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.model import Article
from sitroom.settings import IngestOptions

# file stem prefix -> [(title, first body line, last body line, publication date or None)]
EXPECTED = {
    "01": [("Air strikes on Kafr Semra market kill at least 11 civilians, monitor says", 15, 26, "2025-06-11")],
    "02": [("Monitor: Keldara market strike kills 11, including four children", 13, 16, None)],
    "04": [("Deadly strike on Keldara market tests fragile Varosh truce", 10, 22, "2025-06-11")],
    "05": [("Rescuers say 14 killed, 37 injured in Kafr Semra market strike", 8, 15, "2025-06-11")],
    "06": [("Norland denies coordinating Kafr Semra strikes with Ostravia", 11, 18, "2025-06-12")],
    "07": [
        ("Bab al-Salam crossing shut again after Kafr Semra strike, aid groups say", 13, 19, "2025-06-12"),
        ("Flash floods displace thousands in Marrenia's Ostel valley", 24, 27, None),
    ],
    "08": [("Norland and Ostravia hold first joint patrol on M7 highway", 18, 25, "2025-06-17")],
    "09": [
        ("Norland, Ostravia revive talks on Varosh observation posts", 9, 15, "2026-06-09"),
        ("Velmark opposition claims victory in Harbortown mayoral vote", 24, 28, None),
    ],
    "10": [("Keldara : au moins 11 civils tués dans des frappes sur le marché de Kafr Semra", 10, 14, "2025-06-11")],
}


def _clean(path: Path) -> list[Article]:
    page = make_page(RawItem(source=str(path), raw=path.read_bytes()), IngestOptions())
    return clean_page(page)


def _sample(samples: Path, prefix: str) -> Path:
    return next(samples.glob(f"{prefix}_*"))


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_articles_titles_bodies_and_dates(samples: Path, prefix: str) -> None:
    articles = _clean(_sample(samples, prefix))
    expected = EXPECTED[prefix]
    assert len(articles) == len(expected), [a.title for a in articles]
    for article, (title, first, last, date) in zip(articles, expected, strict=True):
        assert article.title == title
        assert [p.line for p in article.paragraphs] == list(range(first, last + 1))
        assert (article.published.value if article.published else None) == date


def test_widget_date_is_never_the_publication_date(samples: Path) -> None:
    (article,) = _clean(_sample(samples, "08"))
    assert article.published is not None and not article.published.value.startswith("2026-08")
    reasons = {r.text: r.reason for r in article.removed}
    assert "widget date" in reasons["AUGUST 2026"]


def test_comment_thread_is_removed_as_comments(samples: Path) -> None:
    (article,) = _clean(_sample(samples, "05"))
    comments = [r for r in article.removed if r.reason.startswith("comment")]
    assert any("My cousin was at that market" in r.text for r in comments)
    assert "cousin" not in article.body


def test_repeated_title_and_caption_collapse(samples: Path) -> None:
    (article,) = _clean(_sample(samples, "08"))
    assert article.title_lines == [10, 11, 14]
    assert article.body.count("Soldiers during a joint patrol") == 0
    duplicates = [r for r in article.removed if r.reason == "duplicate-title"]
    assert len(duplicates) == 2
    captions = [r for r in article.removed if r.reason.startswith("caption")]
    assert len(captions) == 2


def test_title_printed_after_body_takes_its_bullets_as_standfirst(samples: Path) -> None:
    first, second = _clean(_sample(samples, "09"))
    assert first.standfirst is not None and first.standfirst.startswith("Second round of talks")
    assert first.dateline == "ARDAN"
    assert second.dateline == "HARBORTOWN"
    assert "Harbortown" not in first.body


def test_every_removed_line_has_a_reason_and_body_has_no_junk(samples: Path) -> None:
    for path in sorted(samples.glob("*.txt")):
        for article in _clean(path):
            assert all(r.reason for r in article.removed)
            for junk in ("Back to top", "Related Articles", "sitroom sample page", "Donate now", "0 $"):
                assert junk not in article.body, (path.name, junk)


def test_language_is_detected(samples: Path) -> None:
    (french,) = _clean(_sample(samples, "10"))
    (english,) = _clean(_sample(samples, "01"))
    assert (french.language, english.language) == ("fr", "en")


def test_paragraph_offsets_point_into_the_body_and_the_page(samples: Path) -> None:
    path = _sample(samples, "01")
    text = path.read_text(encoding="utf-8")
    (article,) = _clean(path)
    for paragraph in article.paragraphs:
        piece = article.body[paragraph.start : paragraph.end]
        assert piece == text[paragraph.page_start : paragraph.page_end]
    assert article.body.split("\n\n") == article.paragraph_texts()


def test_a_foreign_first_line_does_not_decide_the_language() -> None:
    from sitroom.clean.language import detect_language

    widget = '"ateşkes" sözünə uyğun 312 nəticə tapıldı! Ən çox oxunan xəbərlər'
    article = (
        "Turkey and Russia agreed on Wednesday to set up a working group on the province, "
        "the foreign minister told reporters in the capital after the meeting.\n"
        "The group will meet every week and report to both ministries, he said, adding that "
        "the patrols along the highway would continue as planned."
    )
    assert detect_language(f"{widget}\n{article}") == "en"
    assert detect_language(widget) == "az"
    assert detect_language("   \n ") is None
