"""Acceptance on the five seed pages against their hand annotation (../shared/gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.clean.text import clean_text_page
from sitroom.evaluate import PageScore, score_page
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.settings import IngestOptions


@pytest.fixture(scope="module")
def scores(shared: Path) -> list[PageScore]:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    result = []
    for gold_page in gold["pages"]:
        raw = (shared / "seeds" / gold_page["file"]).read_bytes()
        page = make_page(RawItem(source=gold_page["file"], raw=raw, kind="text"), IngestOptions())
        result.append(score_page(gold_page, clean_text_page(page)))
    return result


def test_seven_articles_with_their_titles(scores: list[PageScore]) -> None:
    assert sum(s.system_articles for s in scores) == 7
    assert all(s.system_articles == s.gold_articles for s in scores)
    assert sum(s.titles_right for s in scores) == 7


def test_body_lines_precision_and_recall(scores: list[PageScore]) -> None:
    tp = sum(s.body_tp for s in scores)
    precision = tp / (tp + sum(s.body_fp for s in scores))
    recall = tp / (tp + sum(s.body_fn for s in scores))
    assert precision >= 0.98 and recall >= 0.98


def test_no_comment_widget_or_caption_line_in_a_body(scores: list[PageScore]) -> None:
    leaked = {kind for s in scores for kind in s.leaked}
    assert not leaked & {"comment", "boilerplate", "caption"}


def test_no_wrong_publication_date(scores: list[PageScore]) -> None:
    assert [d for s in scores for d in s.dates_wrong] == []
