"""HTML cleaning: main text, metadata, and recovery when the extractor takes the wrong story."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.clean.html import clean_html_page
from sitroom.errors import InputError
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page
from sitroom.settings import IngestOptions


def _page(html: str, url: str | None = None):
    return make_page(RawItem(source="test.html", raw=html.encode(), kind="html", url=url), IngestOptions())


def test_sample_html_page(samples: Path) -> None:
    path = next(samples.glob("11_*.html"))
    page = make_page(RawItem(source=str(path), raw=path.read_bytes()), IngestOptions())
    (article,) = clean_html_page(page)
    assert article.title == "Ostravia says Kafr Semra strikes were coordinated with Norland"
    assert article.published is not None and article.published.value == "2025-06-11"
    assert article.published.evidence == "metadata"
    assert len(article.paragraphs) == 5
    reasons = {r.reason for r in article.removed}
    assert "comment" in reasons or any(r.startswith("comment") for r in reasons)


_PARA = (
    "In {town}, officials said on {day} that {topic} continued for a {n}th day, residents told reporters, "
    "adding that the roads out of town were open again and that shops had reopened near the old market."
)
SHORT = "".join(f"<p>{_PARA.format(town='Tell Amrit', day='Monday', topic='the patrols', n=i)}</p>" for i in range(3))
LONG = "".join(
    f"<p>{_PARA.format(town='Harbortown', day='Sunday', topic='the mayoral count', n=i)} More words about the "
    f"election, turnout and the port dispute fill this paragraph out.</p>"
    for i in range(12)
)
SPILL = f"""<html><head><title>Patrols resume near Tell Amrit - The Example Post</title>
<meta property="og:title" content="Patrols resume near Tell Amrit"></head><body>
<div class="story"><h1>Patrols resume near Tell Amrit</h1>{SHORT}</div>
<div class="story"><h1>Harbortown count drags on</h1>{LONG}</div></body></html>"""


def test_wrong_article_is_noticed_and_the_page_title_wins() -> None:
    (article,) = clean_html_page(_page(SPILL))
    assert article.title == "Patrols resume near Tell Amrit"
    assert "Tell Amrit" in article.body
    assert "Harbortown" not in article.body


def test_html_without_body_is_refused_with_the_reason() -> None:
    with pytest.raises(InputError, match="no body text"):
        clean_html_page(_page("<html><head><title>x</title></head></html>"))
