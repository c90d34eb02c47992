"""The typed document model that flows through sitroom's stages.

Every derived record keeps character offsets back into the text it came from, so
any later fact can point at its evidence. Only plain data lives here: no I/O, no logic
beyond conversions to and from dictionaries (the store and the exports use those).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Line classes of the flattened-text classifier. Kept as plain strings so they can be
# stored and exported as they are.
TITLE = "title"
STANDFIRST = "standfirst"
BODY = "body"
CAPTION = "caption"
BOILERPLATE = "boilerplate"
COMMENT = "comment"
LINE_CLASSES = (TITLE, STANDFIRST, BODY, CAPTION, BOILERPLATE, COMMENT)

# Why a span was removed from an article. The classes above plus the reasons that only
# segmentation and de-duplication can give.
DUPLICATE_TITLE = "duplicate-title"
DUPLICATE_LINE = "duplicate-line"
DATELINE = "dateline"
RELATED = "related-links"
CRAWLER_METADATA = "crawler-metadata"

# Precision of a publication date.
DAY = "day"
MONTH = "month"
YEAR = "year"


@dataclass(slots=True)
class Page:
    """One fetched document, exactly as it arrived, plus its decoded text.

    The id is a hash of the raw bytes, so ingesting the same page twice is a no-op.
    ``source`` is where sitroom read it (a path, a URL, ``stdin``, or a container such as
    ``feed.jsonl#3``); ``source_id`` is the external id a feed gave it, if any.
    """

    id: str
    source: str
    raw: bytes
    text: str
    content_type: str  # "text" or "html"
    encoding: str
    url: str | None = None
    outlet: str | None = None
    source_id: str | None = None
    published_hint: str | None = None  # a date the feed or archive gave (not trusted blindly)
    retrieved: str | None = None  # ISO timestamp of the fetch, when known

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("raw")
        return data


@dataclass(slots=True)
class Span:
    """A half-open character range ``[start, end)`` in some text."""

    start: int
    end: int


@dataclass(slots=True)
class RemovedSpan:
    """Text the cleaner dropped, with why, and where it was on the page."""

    text: str
    reason: str
    page_start: int
    page_end: int
    line: int | None = None  # 1-based line of the page, for flattened text


@dataclass(slots=True)
class Paragraph:
    """One body paragraph: its offsets in the article body and on the page."""

    start: int
    end: int
    page_start: int | None = None
    page_end: int | None = None
    line: int | None = None  # 1-based line of the page, for flattened text


@dataclass(slots=True)
class PublishedDate:
    """A publication date with how precise it is and what it was read from."""

    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year
    evidence: str  # "crawler-line", "metadata", "url", "updated-line", "text", "feed", ...
    text: str = ""  # the words it was read from


@dataclass(slots=True)
class Article:
    """One story found on a page (a page may hold several)."""

    id: str
    page_id: str
    index: int  # position on the page, 0 for the main article
    title: str | None
    body: str  # paragraphs separated by one blank line
    paragraphs: list[Paragraph] = field(default_factory=list)
    standfirst: str | None = None
    dateline: str | None = None
    published: PublishedDate | None = None
    language: str | None = None
    outlet: str | None = None
    author: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    title_lines: list[int] = field(default_factory=list)
    standfirst_lines: list[int] = field(default_factory=list)

    def paragraph_texts(self) -> list[str]:
        return [self.body[p.start : p.end] for p in self.paragraphs]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        data["paragraphs"] = [Paragraph(**p) for p in data.get("paragraphs", [])]
        data["removed"] = [RemovedSpan(**r) for r in data.get("removed", [])]
        pub = data.get("published")
        data["published"] = PublishedDate(**pub) if pub else None
        return cls(**data)


@dataclass(slots=True)
class IngestFailure:
    """A page (or would-be page) that could not be read, and why, in words a user can act on."""

    source: str
    reason: str
    page_id: str | None = None  # set when the raw bytes were kept despite the failure
    raw: bytes | None = None  # the bytes that could not be read, kept by the store
