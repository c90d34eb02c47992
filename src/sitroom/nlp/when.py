"""Dates an article's lead speaks of, resolved against its publication date.

Grouping needs the date of the event an article reports, not only the day it was
published: "Russian jets struck Idlib on Wednesday", published on a Thursday, reports the
day before. This module reads weekdays, "yesterday"/"today" and day-month dates (in
English and the Latin-script languages of the corpus) from the first paragraphs, and
dates with a year anywhere, for articles whose publication date is unknown.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitroom.clean.patterns import FOREIGN_MONTHS, month_table
from sitroom.clean.published import _MONTH_NUMBER

_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            "monday lundi lunes montag lunedì segunda",
            "tuesday mardi martes dienstag martedì terça",
            "wednesday mercredi miércoles mittwoch mercoledì quarta",
            "thursday jeudi jueves donnerstag giovedì quinta",
            "friday vendredi viernes freitag venerdì sexta",
            "saturday samedi sábado samstag sabato sábado",
            "sunday dimanche domingo sonntag domenica domingo",
        ]
    )
    for name in names.split()
}
# Month names of further languages of the desk's sources, as written after a day number
# ("27 فبراير 2020", "17 сентября", "13 Mart"); the Arabic ones in both the Egyptian and
# the Levantine series. Only read here, for the dates a text reports.
MORE_MONTHS: dict[str, int] = month_table(
    [
        "يناير|كانون الثاني|января|януари|ocak|januari|ianuarie|çile",
        "فبراير|شباط|февраля|февруари|şubat|februari|februarie|sibat",
        "مارس|آذار|марта|март|mart|maret|martie|adar",
        "أبريل|ابريل|نيسان|апреля|април|nisan|aprilie|nîsan",
        "مايو|أيار|мая|май|mayıs|mei|gulan",
        "يونيو|يونيه|حزيران|июня|юни|haziran|iunie|hezîran",
        "يوليو|يوليه|تموز|июля|юли|temmuz|iulie|tîrmeh",
        "أغسطس|اغسطس|آب|августа|август|ağustos|agustus|tebax",
        "سبتمبر|أيلول|сентября|септември|eylül|septembrie|îlon",
        "أكتوبر|اكتوبر|تشرين الأول|октября|октомври|ekim|octombrie|cotmeh",
        "نوفمبر|تشرين الثاني|ноября|ноември|kasım|noiembrie|mijdar",
        "ديسمبر|كانون الأول|декабря|декември|aralık|desember|decembrie|berfanbar",
    ],
    separator="|",
)
_MONTHS_ALL = {**_MONTH_NUMBER, **FOREIGN_MONTHS, **MORE_MONTHS}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS_ALL), key=len, reverse=True))
_WEEKDAY_RE = re.compile(rf"\b(?:(?:on|last|this|le|el|am|il|ce)\s+)?({'|'.join(_WEEKDAYS)})\b", re.I)
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({_MONTH_RE})\b\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?", re.I
)
# Any word before a day number, looked up in the month table afterwards: an alternation of
# a hundred month names tried at every word is what made reading dates slow.
_MONTH_DAY = re.compile(r"\b([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
# The Indonesian and Malay press writes a day's date in figures after its weekday:
# "Rabu (13/3)" is Wednesday 13 March, day first. The weekday makes the figures a date.
_WEEKDAY_FIGURES = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|isnin|khamis|jumaat|ahad)\s*"
    r"\((\d{1,2})/(\d{1,2})(?:/(\d{4}))?\)",
    re.I,
)
# What follows a weekday when its date is written beside it: "(February 28)", ", 13 March".
_WEEKDAY_DATE = re.compile(r"\s*[,(]?\s*(\w+\.?\s+\w+(?:,?\s+\d{4})?)")
# A weekday and its date agreeing are taken up to this many days from the page's date.
WEEKDAY_DATE_DAYS = 60
# Any leap year's last day, as a base that resolves every day and month (29 February too).
_LEAP_YEAR_END = date(2024, 12, 31)
# Days before publication within which a lead's date is taken for the news itself.
RECENT_DAYS = 7
# A yearless date after the publication date is taken for last year's only when that
# puts it at most this many days back.
PAST_YEAR_DAYS = 183
_RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "hier": -1, "ayer": -1, "gestern": -1, "ieri": -1}
_RELATIVE_RE = re.compile(rf"\b({'|'.join(_RELATIVE)})\b", re.I)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_day_month(base: date, month: int, day: int) -> date | None:
    """A day and month without a year, as the one nearest before ``base``.

    News leans to the past: "December 28" in a January article is last December. But a
    date some weeks after ``base`` is a deadline or a plan ("a buffer zone by October
    15" in a September article), not an event of last year: it gives no date.
    """
    value = _safe(base.year, month, day)
    if value is None or value <= base + timedelta(days=2):
        return value
    previous = _safe(base.year - 1, month, day)
    if previous is not None and (base - previous).days <= PAST_YEAR_DAYS:
        return previous
    return None


def _day_month_dates(text: str, base: date | None) -> list[date]:
    return [value for _, value in _day_month_dates_at(text, base)]


def _day_month_dates_at(text: str, base: date | None) -> list[tuple[int, date]]:
    """Day-month dates with the offset they start at."""
    found: list[tuple[int, date]] = []
    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        for match in pattern.finditer(text):
            a, b, year = match.groups()
            day, month_name = (a, b) if order == "dm" else (b, a)
            month = _MONTHS_ALL.get(month_name.lower().rstrip("."))
            if month is None or (month_name.lower() == "may" and order == "md" and not year):
                continue  # "may 5" is too often a verb and a number
            if value := _stated(int(day), month, int(year) if year else None, base):
                found.append((match.start(), value))
    for match in _WEEKDAY_FIGURES.finditer(text):
        day, month, year = match.groups()
        if value := _stated(int(day), int(month), int(year) if year else None, base):
            found.append((match.start(), value))
    return found


def _stated(day: int, month: int, year: int | None, base: date | None) -> date | None:
    """A stated day and month: in its own year when written, else resolved against ``base``."""
    if not 1 <= month <= 12:
        return None
    if year:
        return _safe(year, month, day)
    return _resolve_day_month(base, month, day) if base is not None else None


def _weekday_with_date(lead: str, published: date | None) -> date | None:
    """A weekday written with its date ("on Friday (February 28)", "Thursday, 13 March")
    whose day and month fall on that weekday in the publication year or the one before.

    The two agreeing are surer than any publication date: an aggregator's page date can
    be a week off, and a weekday alone is then resolved to the wrong week.
    """
    if published is None:
        return None
    for match in _WEEKDAY_RE.finditer(lead):
        weekday = _WEEKDAYS.get(match.group(1).lower())
        following = _WEEKDAY_DATE.match(lead, match.end())
        if weekday is None or following is None:
            continue
        for value in _dates_near(following.group(1), published):
            if value.weekday() == weekday and abs((published - value).days) <= WEEKDAY_DATE_DAYS:
                return value
    return None


def _dates_near(text: str, published: date) -> list[date]:
    """The dates ``text`` states: as written when it gives a year, else in the
    publication year and the one before."""
    with_year = [value for _, value in _day_month_dates_at(text, None)]
    if with_year:
        return with_year
    out = []
    for _, stated in _day_month_dates_at(text, _LEAP_YEAR_END):
        for year in (published.year, published.year - 1):
            value = _safe(year, stated.month, stated.day)
            if value is not None:
                out.append(value)
    return out


def lead_event_date(lead: str, published: date | None) -> date | None:
    """The first date the lead reports an event on, or None."""
    stated = _weekday_with_date(lead, published)
    if stated is not None:
        return stated
    candidates: list[tuple[int, date]] = []
    for match in _RELATIVE_RE.finditer(lead):
        if published is not None:
            candidates.append((match.start(), published + timedelta(days=_RELATIVE[match.group(1).lower()])))
    for match in _WEEKDAY_RE.finditer(lead):
        if published is None:
            continue
        weekday = _WEEKDAYS.get(match.group(1).lower())
        if weekday is None:  # a case-folded form the table does not hold: not a weekday here
            continue
        back = (published.weekday() - weekday) % 7
        candidates.append((match.start(), published - timedelta(days=back)))
    candidates.extend(_day_month_dates_at(lead, published))
    # A date in figures opening the lead is its date line, glued to the first sentence by
    # the scrape ("22.02.2020Министр обороны..."); one further in is as often background
    # ("Am 13.12.2018 hatten Verhandlungen...").
    candidates.extend(c for c in _numeric_dates_at(lead.lstrip()) if c[0] == 0)
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    if published is not None:
        # A lead may open on background ("the truce agreed on May 19 ... broke down on
        # Monday"): a date within the week before publication is the news, when there is one.
        recent = [c for c in candidates if 0 <= (published - c[1]).days <= RECENT_DAYS]
        if recent:
            return recent[0][1]
    return candidates[0][1]


_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")


# "12/18/2018", "13.12.2018", "2018-12-18": read only when the order cannot be mistaken.
# Bounded by "not a digit" rather than a word boundary: scraped pages glue a date line to
# the next word ("22.02.2020Министр обороны...").
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"
)


def _numeric_dates(text: str) -> list[date]:
    return [value for _, value in _numeric_dates_at(text)]


def _numeric_dates_at(text: str) -> list[tuple[int, date]]:
    """Dates written in figures whose day and month order is certain: ISO dates, and
    day-month or month-day dates whose day is above 12 (03/04/2019 could be either),
    with where each starts."""
    found = []
    for match in _NUMERIC_DATE.finditer(text):
        first, second, year, iso_year, iso_month, iso_day = match.groups()
        if iso_year:
            value = _safe(int(iso_year), int(iso_month), int(iso_day))
        elif int(first) > 12:
            value = _safe(int(year), int(second), int(first))
        elif int(second) > 12:
            value = _safe(int(year), int(first), int(second))
        else:
            value = None
        if value is not None:
            found.append((match.start(), value))
    return found


def text_dates(text: str) -> list[date]:
    """Every full date with a year in ``text`` (for pages with no publication date)."""
    return list(dict.fromkeys(_day_month_dates(text, None) + _numeric_dates(text)))


def day_month(text: str) -> tuple[int, int] | None:
    """The first day and month ``text`` states, as (month, day), year or not.

    "On July 27" with no year and no page date cannot date a page alone, but it says
    which reports of which year it can be with (see the grouping).
    """
    found = _day_month_dates_at(text, _LEAP_YEAR_END)
    if not found:
        return None
    value = min(found)[1]
    return value.month, value.day


def years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]
