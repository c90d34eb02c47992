"""Clean a flattened-text page: classify its lines, segment it, build the articles."""

from __future__ import annotations

from sitroom.clean.article import date_for, make_article
from sitroom.clean.lines import Line, candidate_kind, mark_comment_thread, mark_related_lists, split_lines, unwrap
from sitroom.clean.patterns import CRAWLER_DATE
from sitroom.clean.segment import Segment, segment
from sitroom.model import Article, Page, RemovedSpan

_DUPLICATE_TITLE = "duplicate-title"


def split_crawler_date(text: str) -> tuple[str, str | None, int]:
    """Blank out a leading crawler ``date`` token; return the text, the date and its length.

    The crawler sometimes glues the token to the first line of the page. Blanking it with
    spaces (rather than cutting it) keeps every offset valid in the page text.
    """
    match = CRAWLER_DATE.match(text)
    if not match:
        return text, None, 0
    return " " * match.end() + text[match.end() :], match.group(1), match.end()


def classify(text: str) -> tuple[list[Line], list[Segment]]:
    """Lines with their final classes, and the article segments (exposed for evaluation)."""
    text, _, _ = split_crawler_date(text)
    lines = unwrap(split_lines(text))
    for line in lines:
        candidate_kind(line)
    mark_related_lists(lines)
    mark_comment_thread(lines)
    return lines, segment(lines)


def _removed(line: Line, reason: str | None = None) -> RemovedSpan:
    detail = line.detail
    label = reason or line.cls
    if detail and reason is None:
        label = f"{line.cls}: {detail}"
    return RemovedSpan(text=line.text, reason=label, page_start=line.start, page_end=line.end, line=line.number)


def clean_text_page(page: Page) -> list[Article]:
    _lines, segments = classify(page.text)
    _, crawler_date, crawler_end = split_crawler_date(page.text)
    articles: list[Article] = []
    for index, seg in enumerate(segments):
        removed = [_removed(line) for line in seg.junk_lines]
        if index == 0 and crawler_date:
            token = page.text[:crawler_end]
            removed.append(
                RemovedSpan(
                    token.strip(),
                    "boilerplate: crawler metadata",
                    len(token) - len(token.lstrip()),
                    len(token.rstrip()),
                    1,
                )
            )
        title = seg.title_lines[0].text if seg.title_lines else None
        seen: set[str] = set()
        for line in seg.title_lines:
            if line.key in seen:
                removed.append(_removed(line, _DUPLICATE_TITLE))
            seen.add(line.key)
        removed.sort(key=lambda span: span.page_start)
        pieces: list[tuple[str, int | None, int | None, int | None]] = [
            (line.text, line.start, line.end, line.number) for line in seg.body_lines
        ]
        date_lines = [line.text for line in seg.junk_lines if line.detail == "date line"]
        standfirst = "\n".join(line.text.lstrip("-–—•*▪● ") for line in seg.standfirst_lines) or None
        articles.append(
            make_article(
                page,
                index,
                title,
                pieces,
                removed,
                date_for(page, index, date_lines, crawler_date=crawler_date),
                standfirst=standfirst,
                title_lines=[line.number for line in seg.title_lines],
                standfirst_lines=[line.number for line in seg.standfirst_lines],
            )
        )
    return articles
