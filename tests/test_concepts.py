"""Concepts that survive translation, and what they let the grouping see."""

from __future__ import annotations

from datetime import date

import numpy as np

from sitroom.grouping.concepts import concepts
from sitroom.grouping.features import Doc
from sitroom.grouping.group import group


def test_one_report_in_three_languages_names_the_same_concepts() -> None:
    english = concepts("Russian air strikes killed 13 civilians, six of them children, in Idlib, monitors said.")
    arabic = concepts("قتل 13 مدنيا بينهم 6 أطفال بغارات روسية على محافظة إدلب بحسب المرصد")
    russian = concepts("Российские авиаудары в Идлибе: погибли 13 мирных жителей, среди них шесть детей")
    core = {"russia", "air_strike", "killed", "civilians", "children", "idlib"}
    for bag in (english, arabic, russian):
        assert core <= set(bag), bag


def test_common_words_that_look_like_a_concept_are_not_taken_for_it() -> None:
    found = concepts("According to the report, the rush to the market was over, the Defense Post said.")
    assert "agreement" not in found  # "according"
    assert "russia" not in found  # "rush"
    assert found["market"] == 1
    assert concepts("Rus jetleri İdlib'e saldırı düzenledi")["russia"] == 1  # Turkish "Rus" alone
    assert set(concepts("وبالتنسيق مع الجيش التركي")) == {"coordination", "military", "turkey"}  # clitics


def _doc(article_id: str, language: str, text: str, anchors: dict[str, int]) -> Doc:
    from collections import Counter

    day = date(2020, 2, 27)
    return Doc(
        article_id=article_id,
        language=language,
        outlet=None,
        title=text,
        lead=text,
        published=day,
        event_date=day,
        date_basis="lead",
        year=2020,
        when=day,
        anchors=Counter(anchors),
        concepts=concepts(text),
        embedding=np.ones(384, np.float32) / np.sqrt(384) if language == "en" else None,
    )


def test_reports_of_one_day_in_two_languages_are_one_event_when_they_say_the_same_thing() -> None:
    strike_en = _doc("a-en", "en", "Turkish soldiers killed in an air strike in Idlib", {"dlb": 1, "trksh": 1})
    strike_ar = _doc("b-ar", "ar", "مقتل جنود أتراك في غارة جوية على إدلب", {"dlb": 1, "jnd": 1, "trk": 1})
    talks_ar = _doc("c-ar", "ar", "محادثات روسية تركية في أنقرة حول إدلب", {"dlb": 1, "nqr": 1, "rws": 1})
    result = group([strike_en, strike_ar, talks_ar], [])
    assert ["a-en", "b-ar"] in result.events
    assert ["c-ar"] in result.events
