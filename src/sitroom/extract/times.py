"""Time expressions, normalised against the article's publication date.

News is past-leaning: "on Wednesday" in an article of Thursday 14 March 2019 is 13 March;
"in September" is the last September before the article; "last fall" the autumn before.
Rules of sitroom's own, for the expressions conflict reports use: weekdays (and their
typos, "Wednesdayg"), yesterday/today, day-month dates with ranges ("March 3-4"),
month-year, bare months, years, "last year/month/week", "earlier this month", seasons,
"since April 2023", "in the past 24 hours". Words that only look like dates ("we", "may",
"march" as verbs) are not matched: month names must be capitalised, weekdays spelled out.

Values follow TIMEX3: ``2019-03-13``, ``2019-03``, ``2019``, ``2019-W11``, ``2018-FA``,
intervals ``2019-03-03/2019-03-04``; precision is day, week, month, season, year or range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_NUM = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
_MONTH_NUM.update({m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)})
_MONTH_NUM["sept"] = 9
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_PREPOSITIONS = frozenset(
    {
        "in",
        "since",
        "of",
        "last",
        "early",
        "late",
        "mid",
        "mid-",
        "until",
        "by",
        "from",
        "next",
        "this",
        "during",
        "before",
        "after",
    }
)
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("md_range", re.compile(rf"\b{_M}\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dm_range", re.compile(rf"\b(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+{_M}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    (
        "weekday_md",
        re.compile(
            rf"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+{_M}\s+"
            rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
    ),
    ("md", re.compile(rf"\b{_M}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b(?!\s*[-–]\s*\d)")),
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("since_my", re.compile(rf"\bsince\s+{_M}\s+(?P<y>(?:19|20)\d\d)\b")),
    ("my", re.compile(rf"\b{_M}\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b")),
    ("rel_month", re.compile(rf"\b(?P<rel>last|this|next|early|late|mid-?|earlier in)\s+{_M}(?!\s+\d)")),
    (
        "season",
        re.compile(r"\b(?P<rel>last|this|next|early|late)\s+(?P<season>spring|summer|fall|autumn|winter)\b", re.I),
    ),
    ("earlier_this", re.compile(r"\b(?P<rel>[Ee]arlier|[Ll]ater)\s+this\s+(?P<unit>week|month|year)\b")),
    ("rel_unit", re.compile(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\s+(?P<unit>week|month|year)\b")),
    (
        "past_n",
        re.compile(r"\b(?:in\s+)?the\s+(?P<rel>past|last)\s+(?P<n>\d+|24|48|72)\s+(?P<unit>hours|days|weeks)\b", re.I),
    ),
    (
        "relday",
        re.compile(r"\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast night|[Tt]his morning|[Tt]his evening)\b"),
    ),
    (
        "weekday",
        re.compile(r"\b(?P<prefix>last\s+|next\s+|this\s+)?(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[a-z]?\b"),
    ),
    ("month", re.compile(rf"(?<![\w-]){_M}(?![\w-])")),
    ("year", re.compile(r"\b(?:in|since|of|by|until|from|during|early|late|mid-)\s+(?P<y>(?:19|20)\d\d)\b")),
]


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None  # None when the expression cannot be resolved (no reference date)
    precision: str
    timex_type: str = "DATE"


def _past_month(base: date, month: int, strict: bool) -> tuple[int, int]:
    """The year of the latest ``month`` at or before (or, when strict, before) ``base``'s month."""
    year = base.year if (month < base.month or (month == base.month and not strict)) else base.year - 1
    return year, month


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(match: re.Match[str]) -> int:
    return _MONTH_NUM[match.group("month").lower().rstrip(".")]


def _day_value(base: date | None, month: int, day: int, year: str | None) -> str | None:
    if year:
        y = int(year)
    elif base is None:
        return None
    else:
        y = base.year if (month, day) <= (base.month, base.day + 2) else base.year - 1
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], base: date | None) -> tuple[str | None, str]:
    g = m.groupdict()
    if kind == "iso":
        return f"{g['y']}-{g['m']}-{g['d']}", "day"
    if kind in ("md_range", "dm_range"):
        first = _day_value(base, _month(m), int(g["d1"]), g.get("y"))
        last = _day_value(base, _month(m), int(g["d2"]), g.get("y") or (first[:4] if first else None))
        return (f"{first}/{last}" if first and last else None), "range"
    if kind in ("md", "dm", "weekday_md"):
        return _day_value(base, _month(m), int(g["d"]), g.get("y")), "day"
    if kind in ("since_my", "my"):
        return f"{g['y']}-{_month(m):02d}", "month"
    if kind == "year":
        return g["y"], "year"
    if base is None:
        return None, {"weekday": "day", "relday": "day", "season": "season", "month": "month"}.get(kind, "day")
    if kind == "weekday":
        wd = [w[:3].lower() for w in WEEKDAYS].index(m.group("wd")[:3].lower())
        back = (base.weekday() - wd) % 7
        prefix = (g.get("prefix") or "").strip().lower()
        if prefix == "next":
            return (base + timedelta(days=(wd - base.weekday()) % 7 or 7)).isoformat(), "day"
        if prefix == "last" and back == 0:
            back = 7
        return (base - timedelta(days=back)).isoformat(), "day"
    if kind == "relday":
        rel = g["rel"].lower()
        day = base - timedelta(days=1) if rel in ("yesterday", "last night") else base
        return day.isoformat(), "day"
    if kind == "month":
        year, month = _past_month(base, _month(m), strict=False)
        return f"{year}-{month:02d}", "month"
    if kind == "rel_month":
        rel = g["rel"].lower()
        year, month = _past_month(base, _month(m), strict=rel == "last")
        if rel == "next":
            year = base.year if _month(m) > base.month else base.year + 1
        return f"{year}-{month:02d}", "month"
    if kind == "season":
        code = _SEASONS[g["season"].lower()]
        rel = g["rel"].lower()
        start = _SEASON_START[code]
        year = base.year if start <= base.month else base.year - 1
        if rel == "last":
            year = year - 1 if (start <= base.month < start + 3 or (code == "WI" and base.month <= 2)) else year
        if rel == "next":
            year = year + 1
        return f"{year}-{code}", "season"
    if kind == "earlier_this" or kind == "rel_unit":
        unit = g["unit"].lower()
        shift = -1 if g["rel"].lower() in ("last", "previous") else 1 if g["rel"].lower() == "next" else 0
        if unit == "year":
            return str(base.year + shift), "year"
        if unit == "month":
            month_index = base.year * 12 + base.month - 1 + shift
            return f"{month_index // 12}-{month_index % 12 + 1:02d}", "month"
        return _iso_week(base + timedelta(weeks=shift)), "week"
    if kind == "past_n":
        n = int(g["n"])
        days = {"hours": max(1, n // 24), "days": n, "weeks": 7 * n}[g["unit"].lower()]
        return f"{(base - timedelta(days=days)).isoformat()}/{base.isoformat()}", "range"
    return None, "day"


def extract_times(text: str, base: date | None) -> list[TimeExpr]:
    """Time expressions in ``text`` resolved against ``base`` (None: unresolved relative ones)."""
    taken: list[tuple[int, int]] = []
    found: list[TimeExpr] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind in ("md", "dm", "month") and m.group("month") == "May" and _may_is_verb(text, m):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            value, precision = _resolve(kind, m, base)
            taken.append((start, end))
            if kind == "year":  # the expression is the year, not its preposition
                start = m.start("y")
            found.append(TimeExpr(start, end, text[start:end], value, precision))
    return sorted(found, key=lambda t: t.start)


def _may_is_verb(text: str, m: re.Match[str]) -> bool:
    """ "May" is the month only next to a day number or after a preposition ("in May")."""
    if re.match(r"\s*\d", text[m.end() : m.end() + 4]) or re.search(r"\d\s*$", text[max(0, m.start() - 4) : m.start()]):
        return False
    before = text[max(0, m.start() - 12) : m.start()].split()
    preposition = bool(before) and before[-1].lower() in _MONTH_PREPOSITIONS
    return not preposition
