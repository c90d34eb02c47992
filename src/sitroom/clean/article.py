"""Assemble :class:`~sitroom.model.Article` records from cleaned pieces.

Shared by the flattened-text and HTML cleaners so both give articles of one shape:
body paragraphs joined by a blank line, with offsets in the body and on the page.
"""

from __future__ import annotations

from sitroom.clean import published as pub
from sitroom.clean.dateline import find_dateline
from sitroom.clean.language import detect_language
from sitroom.model import Article, Page, Paragraph, PublishedDate, RemovedSpan

PARAGRAPH_SEPARATOR = "\n\n"


def article_id(page_id: str, index: int) -> str:
    return f"{page_id[:16]}-{index}"


def build_body(pieces: list[tuple[str, int | None, int | None, int | None]]) -> tuple[str, list[Paragraph]]:
    """Join ``(text, page_start, page_end, line)`` pieces into a body with offsets."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for text, page_start, page_end, line in pieces:
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        parts.append(text)
        paragraphs.append(Paragraph(offset, offset + len(text), page_start, page_end, line))
        offset += len(text)
    return PARAGRAPH_SEPARATOR.join(parts), paragraphs


def date_for(
    page: Page, index: int, date_lines: list[str], metadata_date: str | None = None, crawler_date: str | None = None
) -> PublishedDate | None:
    """Publication date of article ``index`` on ``page``, most trusted evidence first.

    Page-wide evidence (crawler line, feed, metadata, URL) dates the page's main article
    only: a story spilled over from the layout has its own date or none.
    """
    own = pub.from_date_lines(date_lines)
    own_published = own if own and own.evidence == "published-line" else None
    if index > 0:
        return own
    return pub.choose(
        PublishedDate(crawler_date, "day", "crawler-line", f"date {crawler_date}") if crawler_date else None,
        pub.from_hint(page.published_hint, "feed"),
        pub.from_hint(metadata_date, "metadata"),
        own_published,
        pub.from_url(page.url),
        own,
    )


def make_article(
    page: Page,
    index: int,
    title: str | None,
    pieces: list[tuple[str, int | None, int | None, int | None]],
    removed: list[RemovedSpan],
    published: PublishedDate | None,
    standfirst: str | None = None,
    author: str | None = None,
    title_lines: list[int] | None = None,
    standfirst_lines: list[int] | None = None,
) -> Article:
    body, paragraphs = build_body(pieces)
    first = body[: paragraphs[0].end] if paragraphs else ""
    return Article(
        id=article_id(page.id, index),
        page_id=page.id,
        index=index,
        title=title,
        body=body,
        paragraphs=paragraphs,
        standfirst=standfirst,
        dateline=find_dateline(first),
        published=published,
        language=detect_language(" ".join(filter(None, [title, body]))),
        outlet=page.outlet,
        author=author,
        removed=removed,
        title_lines=title_lines or [],
        standfirst_lines=standfirst_lines or [],
    )
