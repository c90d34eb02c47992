"""The publication date of an article, with its precision and the evidence used.

A wrong date is worse than none: a desk sorts and dates incidents by it. So only
evidence that dates the page itself counts, in this order: the crawler's own ``date``
line, a date the feed gave, HTML metadata, a "Published"/"Posted" line, a date in the
URL path, an "Updated" line, and a full date standing alone near the title. A widget's
month-and-year ("JULY 2020" above a March 2019 article) is never used, nor are dates in
the running text, which date events, not the page. When nothing qualifies the date is
None.
"""

from __future__ import annotations

import base64
import re
from datetime import date
from urllib.parse import parse_qsl, urlsplit

from sitroom.clean.patterns import FOREIGN_DATE_LINE, FOREIGN_MONTHS, MONTHS
from sitroom.model import DAY, MONTH, PublishedDate

_MONTH_NUMBER = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})(?!\d)", re.I)
_MDY = re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I)
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
# "/20180923/" or "-20190714.html": eight digits standing alone in the path.
_URL_COMPACT = re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+=*")
_PUBLISHED_CUE = re.compile(r"^(?:published|posted|first published|date|publication date)\b", re.I)
_UPDATED_CUE = re.compile(r"^(?:updated|last updated|modified)\b", re.I)

# Dates outside this window are not believed as publication dates of news pages.
EARLIEST_YEAR = 1990


def _valid(year: int, month: int, day: int, today: date | None = None) -> str | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if year < EARLIEST_YEAR or value > (today or date.today()):
        return None
    return value.isoformat()


def parse_full_date(text: str) -> str | None:
    """The first day-precise date in ``text`` (ISO, "14 March 2019", "March 14, 2019")."""
    best: tuple[int, str] | None = None
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_MDY, "mdy")):
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        if order == "ymd":
            y, m, d = int(a), int(b), int(c)
        elif order == "dmy":
            y, m, d = int(c), _MONTH_NUMBER[b.lower().rstrip(".")], int(a)
        else:
            y, m, d = int(c), _MONTH_NUMBER[a.lower().rstrip(".")], int(b)
        iso = _valid(y, m, d)
        if iso and (best is None or match.start() < best[0]):
            best = (match.start(), iso)
    if best is None:
        match = FOREIGN_DATE_LINE.match(text.strip())
        if match:
            iso = _valid(int(match.group(3)), FOREIGN_MONTHS[match.group(2).lower()], int(match.group(1)))
            if iso:
                return iso
        match = _NUMERIC.search(text)
        if match:
            # 11/06/2025 is 11 June or November 6: only a day above 12 settles the order.
            a, b, y = (int(g) for g in match.groups())
            if a > 12 >= b:
                return _valid(y, b, a)
            if b > 12 >= a:
                return _valid(y, a, b)
    return best[1] if best else None


def from_url(url: str | None) -> PublishedDate | None:
    """A date in the URL's path, or in the path of a URL it wraps (a proxy or redirect)."""
    if not url:
        return None
    for candidate in (url, *wrapped_urls(url)):
        found = _date_in_path(urlsplit(candidate).path)
        if found:
            return found
    return None


def _date_in_path(path: str) -> PublishedDate | None:
    for pattern in (_URL_DAY, _URL_COMPACT):
        match = pattern.search(path)
        if match:
            iso = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if iso:
                return PublishedDate(iso, DAY, "url", match.group(0).strip("/-_"))
    match = _URL_MONTH.search(path)
    if match and EARLIEST_YEAR <= int(match.group(1)) <= date.today().year:
        return PublishedDate(f"{match.group(1)}-{match.group(2)}", MONTH, "url", match.group(0).strip("/"))
    return None


def wrapped_urls(url: str) -> list[str]:
    """URLs carried in the query of a proxy or redirect link (``?q=<base64>``, ``?url=http...``).

    Scraped pages often come through web proxies whose own URL says nothing; the page's
    real address, and the date in it, is inside.
    """
    found = []
    for _, value in parse_qsl(urlsplit(url).query):
        if value.startswith(("http://", "https://")):
            found.append(value)
            continue
        if len(value) < 16 or not _BASE64.fullmatch(value):
            continue
        try:
            decoded = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            continue
        if decoded.startswith(("http://", "https://")):
            found.append(decoded)
    return found


def from_hint(hint: str | None, evidence: str) -> PublishedDate | None:
    """A date a feed, crawler or metadata gave: trusted as far as it parses."""
    if not hint:
        return None
    iso = parse_full_date(hint)
    if iso:
        return PublishedDate(iso, DAY, evidence, hint.strip())
    return None


def from_date_lines(lines: list[str]) -> PublishedDate | None:
    """From lines that only carry a date: "Published 14 March 2019", "Updated ...", a bare date.

    "Published" beats a bare date, which beats "Updated" (an update is later than the
    publication, but still bounds it better than nothing).
    """
    published = bare = updated = None
    for text in lines:
        iso = parse_full_date(text)
        if not iso:
            continue
        if _PUBLISHED_CUE.match(text):
            published = published or PublishedDate(iso, DAY, "published-line", text)
        elif _UPDATED_CUE.match(text):
            updated = updated or PublishedDate(iso, DAY, "updated-line", text)
        else:
            bare = bare or PublishedDate(iso, DAY, "date-line", text)
    return published or bare or updated


def choose(*candidates: PublishedDate | None) -> PublishedDate | None:
    """The first candidate given, in the caller's order of trust."""
    for candidate in candidates:
        if candidate is not None:
            return candidate
    return None
