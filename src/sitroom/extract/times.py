"""Time expressions, normalised against the article's publication date.

News is past-leaning: "on Wednesday" in an article of Thursday 14 March 2019 is 13 March;
"in September" is the last September before the article; "last fall" the autumn before.
A clause in the future tense ("talks will resume on Friday") turns weekdays, months,
dates and seasons forward instead, and so does a next occurrence much nearer than the
last one ("Nov. 16" in a paper of 30 October), unless, for weekdays and months, the
clause is in the past tense ("troops left on Friday" in Thursday's paper). Rules of sitroom's own, written to TimeML's TIMEX3
conventions (as TempEval-3 scores them) so that what a monitor reads is comparable:

* dates: ``2019-03-13``, numeric ``3/13/2019``, "March 13", "13 March 2019", "the 13th",
  ranges "March 3-4" (an interval ``2019-03-03/2019-03-04``), weekdays and their typos
  ("Wednesdayg"), "Wednesday's", yesterday/today/tomorrow, holidays, "two days ago";
* coarser dates: months, "August 2018", "July last year", years, "fiscal 1989", decades
  ("the 1990s" → ``199``), centuries, seasons (``2018-FA``), quarters and halves
  (``2019-Q1``, ``2019-H2``), weeks and weekends (``2019-W11``, ``2019-W10-WE``),
  "last/this/next week|month|year", "a year ago" (in a text about a quarter, the same
  quarter a year before, as earnings reports mean it);
* times (TIMEX3 type TIME): "this morning" → ``2019-03-14TMO``, "Friday night",
  "3 p.m. Wednesday" → ``2019-03-13T15:00``, "noon", "tonight";
* durations (DURATION): "three years" → ``P3Y``, "the past week" → ``P1W``, "two-year",
  "several months" → ``PXM``, "more than four hours" → ``PT4H``;
* sets (SET): "daily" → ``P1D``, "every Thursday" → ``XXXX-WXX-4``;
* vague references: "now"/"currently" → ``PRESENT_REF``, "recently"/"the past" →
  ``PAST_REF``, "the future" → ``FUTURE_REF``.

Words that only look like dates ("we", "may", "march" as verbs) are not matched: month
names must be capitalised, "May" needs a day, a year or a preposition. The rolling window
"in the past 24 hours" stays the interval ending at the publication date that a monitor
counts casualties over. Extents follow TimeML: "the third quarter", "late November",
"about two years ago" are whole expressions; a possessive "'s" is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitroom.nlp.numbers import ONES, TEENS, TENS

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
        "through",
        "till",
        "to",
        "each",
        "every",
        "past",
    }
)
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PART_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI"}
_ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_ONES, _TEENS, _TENS = ONES, TEENS, TENS
_EXACT = {"a": 1, "an": 1, "a couple of": 2, "a dozen": 12, "a hundred": 100, "one hundred": 100}
_VAGUE = {"several", "a few", "few", "some", "many", "a number of", "dozens of", "hundreds of"}

# --- regular-expression building blocks -------------------------------------------------
_Y = r"(?:1[89]|20)\d\d"
_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
# Abbreviations without a period are months only next to a day number ("Nov 9").
_MD_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_WD = r"(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:[a-rt-z])?(?![a-z])"  # "Wednesdayg", not "Sundays"
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ONES_RE = "|".join(_ONES)
_NUM = (
    r"(?i:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:" + _ONES_RE + r"))?"
    r"|" + "|".join(_TEENS) + "|" + _ONES_RE + r"|a\s+couple\s+of|a\s+few|a\s+dozen|(?:a|one)\s+hundred|hundreds\s+of"
    r"|dozens\s+of|a\s+number\s+of|several|few|some|many|an?)"
)
_UNIT = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies)|quarters?))"
)
_QMOD = (
    r"(?:(?P<qmod>(?i:about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than|fewer\s+than|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|over(?!\s+the\b)|under(?!\s+the\b)|"
    r"the\s+better\s+part\s+of))\s+)?"
)
_SPOKEN_YEAR = (
    r"(?P<spoken>(?i:nineteen[- ](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:"
    + _ONES_RE
    + r"))?"
    r"|(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?:" + _ONES_RE + r"))?))"
)
_PAST = re.compile(
    r"\b(?:(?i:said|told|was|were|had|did|met|began|took|came|went|made|gave|left|held|fell|rose|struck|hit|"
    r"fought|shot|fled|led|sent|broke|drove|flew|won|lost|saw|found|brought|kept|ran|stood|spoke|wrote|sought|"
    r"threw|withdrew|overran|beat|bought|sold|paid|spent|cut|quit|put|set\s+off)|"
    r"(?!hundred|indeed|speed|need|proceed|exceed|succeed)[a-z]{3,}ed)\b"
)
_PLANS = re.compile(
    r"\b(?:would|until|till|by|through|expected|planned|to\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|[A-Z\d])[a-z]+)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planning|intends?\s+to|expects?\s+to|expected\s+to|"
    r"scheduled|slated|set\s+to|due\s+to\s+(?:be|meet|start|begin|open|vote|visit|arrive|take|hold|end|expire|resume)|"
    r"is\s+to|are\s+to|upcoming|as\s+soon\s+as|postponed)\b",
    re.I,
)


@dataclass(slots=True)
class TimeExpr:
    """One time expression: its extent in the text, its TIMEX3 value and how fine that value is."""

    start: int
    end: int
    text: str
    value: str | None  # None when the expression cannot be resolved (no reference date)
    precision: str
    timex_type: str = "DATE"  # TIMEX3 type: DATE, TIME, DURATION or SET


Resolved = tuple[str | None, str, str]  # value, precision, TIMEX3 type


@dataclass(slots=True)
class _Context:
    """What a rule needs besides its match: the reference date, the text, the quarter in discussion."""

    base: date | None
    text: str
    quarter: tuple[int, int] | None = None
    start: int = 0
    end: int = 0
    tense_cache: dict[tuple[int, bool], str] = field(default_factory=dict)

    def tense(self, plans: bool = False) -> str:
        """ "future", "past" or "": the tense of the clause before the expression, by its last marker.

        "will meet on Friday" is future; "said it will meet Friday" too; "was due to expire
        Friday" and "said Friday" are past. With ``plans``, an infinitive or a deadline after the
        past verb leaves the tense open ("agreed to buy it in February", "gave it until November").
        """
        key = (self.start, plans)
        if key not in self.tense_cache:
            text = self.text
            cut = max(text.rfind(". ", 0, self.start), text.rfind("\n", 0, self.start), text.rfind(";", 0, self.start))
            clause = text[max(cut, self.start - 90, 0) : self.start]
            future = [
                m.start()
                for m in _FUTURE.finditer(clause)
                if not re.search(r"\b(?:was|were|had\s+been)\s+$", clause[: m.start()])
            ]
            past = [
                m.start()
                for m in _PAST.finditer(clause)
                if m.start() not in future
                and not _PLANS.match(clause, m.start())
                and not re.search(r"\b(?:be|been|being)\s+$", clause[: m.start()])  # "to be published"
            ]
            last_future, last_past = max(future, default=-1), max(past, default=-1)
            tense = "future" if last_future > last_past else "past" if last_past > last_future else ""
            if plans and tense == "past" and any(m.start() > last_past for m in _PLANS.finditer(clause)):
                tense = ""  # "agreed to buy it in February": a past verb, a plan still ahead
            self.tense_cache[key] = tense
        return self.tense_cache[key]

    def future(self) -> bool:
        """Whether the clause speaks of the future ("will meet on Friday")."""
        return self.tense() == "future"


# --- small calendar helpers -----------------------------------------------------------------
def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _g(match: re.Match[str], name: str) -> str:
    """A named group's text, "" when it did not take part or the rule's pattern has no such group."""
    return match.groupdict().get(name) or ""


def _month(match: re.Match[str]) -> int:
    return _MONTH_NUM[match.group("month").lower().rstrip(".")]


def _add_months(base: date, months: int) -> tuple[int, int]:
    index = base.year * 12 + base.month - 1 + months
    return index // 12, index % 12 + 1


def _shift(base: date, n: int, unit: str) -> tuple[str, str]:
    """``base`` moved by ``n`` units, at the unit's granularity (value, precision)."""
    if unit == "day":
        return (base + timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return _iso_week(base + timedelta(weeks=n)), "week"
    if unit == "weekend":
        return _iso_week(base + timedelta(weeks=n)) + "-WE", "week"
    if unit == "month":
        year, month = _add_months(base, n)
        return f"{year}-{month:02d}", "month"
    if unit == "quarter":
        year, month = _add_months(base, 3 * n)
        return f"{year}-Q{(month - 1) // 3 + 1}", "quarter"
    if unit == "decade":
        return str(base.year + 10 * n)[:3], "decade"
    if unit == "century":
        return str(base.year + 100 * n)[:2], "century"
    return str(base.year + n), "year"


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def _number(words: str) -> str:
    """A count as TIMEX3 writes it: "three" → "3", "several" → "X"."""
    w = re.sub(r"\s+", " ", words.lower()).replace("-", " ")
    if w in _EXACT:
        return str(_EXACT[w])
    if w in _VAGUE or w.endswith(" of"):
        return "X"
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return w
    total = 0
    for part in w.split():
        total += _ONES.get(part, 0) + _TEENS.get(part, 0) + _TENS.get(part, 0)
    return str(total) if total else "X"


def _duration(count: str, unit: str) -> str:
    """TIMEX3 duration value: ("3", "year") → P3Y, ("2", "hour") → PT2H, decades in years."""
    if unit in ("decade", "century") and count != "X":
        scaled = float(count) * (10 if unit == "decade" else 100)
        return f"P{scaled:g}Y"
    if unit == "quarter" and count != "X":
        return f"P{float(count) * 3:g}M"
    letter = {"decade": "Y", "century": "Y", "weekend": "WE", "quarter": "Q"}.get(unit, unit[0].upper())
    if unit in ("hour", "minute", "second"):
        return f"PT{count}{letter}"
    return f"P{count}{letter}"


def _spoken_year(words: str) -> int:
    w = words.lower().replace("-", " ").split()
    if "thousand" in w:
        return 2000 + sum(_ONES.get(x, 0) for x in w[w.index("thousand") :])
    return 1900 + sum(_TENS.get(x, 0) + _ONES.get(x, 0) for x in w[1:])


def _past_month(base: date, month: int, strict: bool) -> tuple[int, int]:
    """The year of the latest ``month`` at or before (or, when strict, before) ``base``'s month."""
    year = base.year if (month < base.month or (month == base.month and not strict)) else base.year - 1
    return year, month


def _day_value(base: date | None, month: int, day: int, year: str | None, future: bool = False) -> str | None:
    if year:
        y = int(year)
    elif base is None:
        return None
    else:
        options = []
        for candidate in range(base.year - 4, base.year + 5):
            try:
                options.append(date(candidate, month, day))
            except ValueError:  # 29 February outside leap years
                continue
        last = max((d for d in options if d <= base), default=None)
        upcoming = min((d for d in options if d > base), default=None)
        if last is None or upcoming is None:
            return None
        forward = _forward((base - last).days, (upcoming - base).days, "future" if future else "")
        y = (upcoming if forward else last).year
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _forward(back: int, ahead: int, tense: str, weight: int = 2) -> bool:
    """Past-leaning choice between the last and the next occurrence of a weekday, date or month.

    The next one wins when the clause is in the future tense, or, unless it is in the past
    tense, when the next one is at most 1/``weight`` as far as the last one ("Nov. 16" in a
    paper of 30 October is next month, not last year; "Friday" in Thursday's is tomorrow).
    """
    if back == 0 or tense == "past":
        return False
    return tense == "future" or weight * ahead <= back


def _weekday(base: date, name: str, prefix: str, tense: str) -> date:
    wd = [w[:3].lower() for w in WEEKDAYS].index(name[:3].lower())
    back = (base.weekday() - wd) % 7
    ahead = (wd - base.weekday()) % 7
    if prefix in ("next", "this coming", "coming"):
        return base + timedelta(days=ahead or 7)
    if prefix in ("last", "this past", "the previous"):
        return base - timedelta(days=back or 7)
    if _forward(back, ahead, tense, weight=3):
        return base + timedelta(days=ahead)
    return base - timedelta(days=back)


def _quarter_year(base: date, quarter: int, future: bool) -> int:
    """The year of "the third quarter": this year's unless that quarter is still far ahead."""
    current = (base.month - 1) // 3 + 1
    if quarter <= current + 1 or future:
        return base.year
    return base.year - 1


def _latest_quarter(ctx: _Context, latest: bool = False) -> tuple[int, int] | None:
    """The quarter under discussion (unless ``latest``), else the last one completed before the reference date."""
    if ctx.quarter and not latest:
        return ctx.quarter
    if ctx.base is None:
        return None
    year, month = _add_months(ctx.base, -3)
    return year, (month - 1) // 3 + 1


def _holiday(name: str, year: int) -> date:
    name = name.lower()
    if "christmas" in name:
        return date(year, 12, 24 if "eve" in name else 25)
    if "new year" in name:
        return date(year, 12, 31) if "eve" in name else date(year, 1, 1)
    if "independence" in name:
        return date(year, 7, 4)
    if "halloween" in name:
        return date(year, 10, 31)
    if "valentine" in name:
        return date(year, 2, 14)
    if "thanksgiving" in name:
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    # Easter Sunday (anonymous Gregorian computus)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


# --- resolvers: match → (value, precision, type), or None when the match is no time ---------
def _r_iso(m: re.Match[str], ctx: _Context) -> Resolved | None:
    try:
        return date(int(_g(m, "y")), int(_g(m, "m")), int(_g(m, "d"))).isoformat(), "day", "DATE"
    except ValueError:
        return None


def _r_numeric(m: re.Match[str], ctx: _Context) -> Resolved | None:
    a, b, y = int(_g(m, "a")), int(_g(m, "b")), int(_g(m, "y"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        return date(y, month, day).isoformat(), "day", "DATE"
    except ValueError:
        return None


def _r_range(m: re.Match[str], ctx: _Context) -> Resolved | None:
    first = _day_value(ctx.base, _month(m), int(_g(m, "d1")), _g(m, "y"))
    last = _day_value(ctx.base, _month(m), int(_g(m, "d2")), _g(m, "y") or (first[:4] if first else None))
    return (f"{first}/{last}" if first and last else None), "range", "DATE"


def _r_day(m: re.Match[str], ctx: _Context) -> Resolved | None:
    if ctx.base is None and not _g(m, "y"):
        return None, "day", "DATE"
    value = _day_value(ctx.base, _month(m), int(_g(m, "d")), _g(m, "y"), ctx.future())
    return (value, "day", "DATE") if value else None


def _r_ordinal_day(m: re.Match[str], ctx: _Context) -> Resolved | None:
    if ctx.base is None:
        return None, "day", "DATE"
    day = int(_g(m, "d"))
    rel = (_g(m, "rel") or "").lower()
    year, month = ctx.base.year, ctx.base.month
    if rel == "last" or (not rel and day > ctx.base.day + 2 and not ctx.future()):
        year, month = _add_months(ctx.base, -1)
    elif rel == "next" or (not rel and day < ctx.base.day - 2 and ctx.future()):
        year, month = _add_months(ctx.base, 1)
    try:
        return date(year, month, day).isoformat(), "day", "DATE"
    except ValueError:
        return None


def _r_month_year(m: re.Match[str], ctx: _Context) -> Resolved | None:
    if _g(m, "y"):
        year = int(_g(m, "y"))
    elif ctx.base is None:
        return None, "month", "DATE"
    else:
        year = ctx.base.year + {"last": -1, "this": 0, "next": 1}[_g(m, "rel").lower()]
    return f"{year}-{_month(m):02d}", "month", "DATE"


def _r_month(m: re.Match[str], ctx: _Context) -> Resolved | None:
    if ctx.base is None:
        return None, "month", "DATE"
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    month = _month(m)
    back = (ctx.base.month - month) % 12
    if rel == "next" or (rel in ("", "this") and _forward(back, (month - ctx.base.month) % 12, ctx.tense(plans=True))):
        year = ctx.base.year if month >= ctx.base.month else ctx.base.year + 1
    elif rel == "this":
        year = ctx.base.year
    else:
        year, month = _past_month(ctx.base, month, strict=rel in ("last", "this past"))
    return f"{year}-{month:02d}", "month", "DATE"


def _r_season(m: re.Match[str], ctx: _Context) -> Resolved | None:
    code = _SEASONS[_g(m, "season").lower()]
    if not (_g(m, "rel") or m.groupdict().get("el") or _g(m, "y") or _g(m, "spoken")):
        return None  # a bare "fall" is a verb as often as a season
    if _g(m, "y") or _g(m, "spoken"):
        return f"{_g(m, 'y') or _spoken_year(_g(m, 'spoken'))}-{code}", "season", "DATE"
    if ctx.base is None:
        return None, "season", "DATE"
    base = ctx.base
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    start = _SEASON_START[code]
    winter_tail = code == "WI" and base.month <= 2
    year = base.year if start <= base.month else base.year - 1  # the latest such season begun
    if rel == "this" or (rel in ("the", "early", "late") and ctx.future()):
        year = base.year - 1 if winter_tail else base.year
    elif rel == "last":
        year = year - 1 if (start <= base.month < start + 3 or winter_tail) else year
    elif rel == "next":
        year = year + 1
    return f"{year}-{code}", "season", "DATE"


def _r_year(m: re.Match[str], ctx: _Context) -> Resolved | None:
    year = _g(m, "y") or str(_spoken_year(_g(m, "spoken")))
    return year, "year", "DATE"


def _r_year_end(m: re.Match[str], ctx: _Context) -> Resolved | None:
    return (str(ctx.base.year) if ctx.base else None), "year", "DATE"


def _r_spoken_decade(m: re.Match[str], ctx: _Context) -> Resolved | None:
    word = (_g(m, "dec") or "").lower()
    return f"19{_TENS[word[:-3] + 'y'] // 10}", "decade", "DATE"


def _r_decade(m: re.Match[str], ctx: _Context) -> Resolved | None:
    digits = _g(m, "dec")
    if len(digits) == 2:
        digits = ("19" if digits != "00" else "20") + digits
    return digits[:3], "decade", "DATE"


def _r_century(m: re.Match[str], ctx: _Context) -> Resolved | None:
    words = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "eighteenth": 18}
    raw = _g(m, "c").lower()
    number = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else words[raw]
    return f"{number - 1:02d}", "century", "DATE"


def _r_quarter(m: re.Match[str], ctx: _Context) -> Resolved | None:
    quarter = _ORDINAL[_g(m, "ord").lower()]
    if _g(m, "y") or _g(m, "yy"):
        year = int(_g(m, "y") or _g(m, "yy"))
    elif _g(m, "rely"):
        if ctx.base is None:
            return None, "quarter", "DATE"
        year = ctx.base.year + {"last": -1, "this": 0, "next": 1}[_g(m, "rely").lower()]
    elif ctx.base is None:
        return None, "quarter", "DATE"
    else:
        year = _quarter_year(ctx.base, quarter, ctx.future())
    return f"{year}-Q{quarter}", "quarter", "DATE"


def _r_half(m: re.Match[str], ctx: _Context) -> Resolved | None:
    half = 1 if _g(m, "ord").lower() == "first" else 2
    if _g(m, "y"):
        return f"{_g(m, 'y')}-H{half}", "half", "DATE"
    if ctx.base is None:
        return None, "half", "DATE"
    year = ctx.base.year if half == 1 or ctx.base.month > 6 or ctx.future() else ctx.base.year - 1
    return f"{year}-H{half}", "half", "DATE"


def _r_the_quarter(m: re.Match[str], ctx: _Context) -> Resolved | None:
    """ "the quarter", "the latest quarter", "the year-ago quarter": the quarter in discussion."""
    words = m.group(0).lower()
    if "same" in words and not re.search(r"year|\d", words):
        return None  # "the same period" needs its comparison
    latest = _latest_quarter(ctx, latest=bool(re.search(r"latest|most recent|just", words)))
    if latest is None:
        return None, "quarter", "DATE"
    year, quarter = latest
    if _g(m, "ord"):
        quarter = _ORDINAL[_g(m, "ord").lower()]
    if _g(m, "y"):
        year = int(_g(m, "y"))
    elif _g(m, "rely") and ctx.base is not None:
        year = ctx.base.year + {"last": -1, "this": 0, "next": 1}[_g(m, "rely").lower()]
    elif re.search(r"year-ago|year-earlier|a year|last year|comparable|corresponding", words):
        year -= 1
    return f"{year}-Q{quarter}", "quarter", "DATE"


def _r_year_ago(m: re.Match[str], ctx: _Context) -> Resolved | None:
    """ "a year ago/earlier", "year-earlier": the quarter in discussion a year back, else last year."""
    if ctx.base is None:
        return None, "year", "DATE"
    if ctx.quarter:
        return f"{ctx.quarter[0] - 1}-Q{ctx.quarter[1]}", "quarter", "DATE"
    return str(ctx.base.year - 1), "year", "DATE"


def _r_relday(m: re.Match[str], ctx: _Context) -> Resolved | None:
    words = re.sub(r"\s+", " ", _g(m, "rel").lower())
    pod = (m.groupdict().get("pod") or "").lower()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1, "this": 0}
    offset.update({"the day before yesterday": -2, "the day after tomorrow": 2})
    if words in ("tonight", "last night"):
        pod = "night"
    kind = "TIME" if pod else "DATE"
    if ctx.base is None:
        return None, "time" if pod else "day", kind
    day = (ctx.base + timedelta(days=offset[words])).isoformat()
    return (day + _PART_OF_DAY[pod], "time", kind) if pod else (day, "day", kind)


def _r_weekday(m: re.Match[str], ctx: _Context) -> Resolved | None:
    pod = (m.groupdict().get("pod") or "").lower()
    kind = "TIME" if pod else "DATE"
    if ctx.base is None:
        return None, "time" if pod else "day", kind
    prefix = re.sub(r"\s+", " ", (_g(m, "prefix") or "").lower())
    day = _weekday(ctx.base, _g(m, "wd"), prefix, ctx.tense(plans=True)).isoformat()
    return (day + _PART_OF_DAY[pod], "time", kind) if pod else (day, "day", kind)


def _r_clock(m: re.Match[str], ctx: _Context) -> Resolved | None:
    g = m.groupdict()
    if g.get("word"):
        hour, minute = (24, 0) if g["word"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(g["h"]), int(g["mi"] or 0)
        ampm = (g.get("ap") or "").lower().replace(".", "")
        if hour > 12 or minute > 59 or (hour == 0 and ampm):
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if ctx.base is None:
        return None, "time", "TIME"
    day = ctx.base
    if g.get("wd"):
        day = _weekday(ctx.base, g["wd"], "", ctx.tense(plans=True))
    elif g.get("dw"):
        day = ctx.base + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g["dw"].lower()])
    elif g.get("cm"):
        month = _MONTH_NUM[g["cm"].lower().rstrip(".")]
        value = _day_value(ctx.base, month, int(g["cd"]), None, ctx.future())
        day = date.fromisoformat(value) if value else ctx.base
    clock = f"{hour:02d}" if (g.get("word") or "").lower() == "midnight" else f"{hour:02d}:{minute:02d}"
    return f"{day.isoformat()}T{clock}", "time", "TIME"


def _r_rel_unit(m: re.Match[str], ctx: _Context) -> Resolved | None:
    rel = re.sub(r"\s+", " ", _g(m, "rel").lower())
    unit = _unit(_g(m, "unit"))
    if rel in ("the past", "past", "the last"):
        return _duration("1", unit), "duration", "DURATION"
    shift = -1 if rel in ("last", "previous", "the previous", "the prior", "this past") else 0
    if rel in ("next", "the next", "the coming", "coming", "the following"):
        shift = 1
    if ctx.base is None:
        return None, unit, "DATE"
    value, precision = _shift(ctx.base, shift, unit)
    return value, precision, "DATE"


def _r_the_unit(m: re.Match[str], ctx: _Context) -> Resolved | None:
    """ "the year" (of the report), "the weekend" (the latest one)."""
    unit = _unit(_g(m, "unit"))
    if ctx.base is None:
        return None, unit, "DATE"
    if unit == "weekend":
        back = ctx.base.weekday() < 4 and not ctx.future()
        return _iso_week(ctx.base - timedelta(weeks=1 if back else 0)) + "-WE", "week", "DATE"
    if unit == "week":
        return _iso_week(ctx.base), "week", "DATE"
    if re.match(r"\s+(?:ended|ending)\b", ctx.text[ctx.end :]) or re.search(
        r"\b(?:over|through|throughout)\s+$", ctx.text[max(0, ctx.start - 12) : ctx.start]
    ):
        return "P1Y", "duration", "DURATION"  # a fiscal year, not the calendar one
    return str(ctx.base.year), "year", "DATE"


def _r_earlier_this(m: re.Match[str], ctx: _Context) -> Resolved | None:
    unit = _unit(_g(m, "unit"))
    if ctx.base is None:
        return None, unit, "DATE"
    value, precision = _shift(ctx.base, 0, unit)
    return value, precision, "DATE"


def _r_past_window(m: re.Match[str], ctx: _Context) -> Resolved | None:
    """ "in the past 24 hours": the monitor's counting window, an interval ending at the report."""
    if ctx.base is None:
        return None, "range", "DATE"
    n = int(_g(m, "n"))
    days = max(1, n // 24) if _g(m, "unit").lower() == "hours" else n
    return f"{(ctx.base - timedelta(days=days)).isoformat()}/{ctx.base.isoformat()}", "range", "DATE"


def _r_ago(m: re.Match[str], ctx: _Context) -> Resolved | None:
    count = _number(_g(m, "n"))
    unit = _unit(_g(m, "unit"))
    sign = 1 if re.match(r"(?i)from|hence", _g(m, "dir")) else -1
    if count == "X":
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "ref", "DATE"
    if unit in ("hour", "minute", "second"):
        return ("FUTURE_REF" if sign > 0 else "PAST_REF"), "ref", "DATE"
    if ctx.base is None:
        return None, unit, "DATE"
    if unit == "year" and count == "1" and sign < 0 and ctx.quarter:
        return _r_year_ago(m, ctx)
    n = round(float(count))
    value, precision = _shift(ctx.base, sign * n, unit)
    return value, precision, "DATE"


def _r_duration(m: re.Match[str], ctx: _Context) -> Resolved | None:
    return _duration(_number(_g(m, "n")), _unit(_g(m, "unit"))), "duration", "DURATION"


def _r_vague_units(m: re.Match[str], ctx: _Context) -> Resolved | None:
    """ "recent years", "coming weeks", "the months ahead": an unknown number of them."""
    return _duration("X", _unit(_g(m, "unit") or _g(m, "u2") or "")), "duration", "DURATION"


def _r_bare_units(m: re.Match[str], ctx: _Context) -> Resolved | None:
    return _duration("X", _unit(_g(m, "unit"))), "duration", "DURATION"


def _r_ref(m: re.Match[str], ctx: _Context) -> Resolved | None:
    word = m.group(0).lower()
    if re.search(r"now|current|present|these days|nowadays", word):
        return "PRESENT_REF", "ref", "DATE"
    if "future" in word or "coming" in word:
        return "FUTURE_REF", "ref", "DATE"
    return "PAST_REF", "ref", "DATE"


def _r_set(m: re.Match[str], ctx: _Context) -> Resolved | None:
    """Recurrences: "daily", "every Thursday", "twice a week", "Sundays"."""
    g = m.groupdict()
    if g.get("u2"):
        return _duration("1", g["u2"].lower()), "set", "SET"
    if g.get("plural"):
        return f"XXXX-WXX-{[w[:3].lower() for w in WEEKDAYS].index(g['plural'][:3].lower()) + 1}", "set", "SET"
    if (g.get("season") or "").lower() == "season":
        return "P1Y", "set", "SET"
    if g.get("adverb"):
        adverb = g["adverb"].lower()
        return (
            {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "hourly": "PT1H"}.get(adverb, "P1Y"),
            "set",
            "SET",
        )
    if g.get("wd"):
        wd = [w[:3].lower() for w in WEEKDAYS].index(g["wd"][:3].lower())
        return f"XXXX-WXX-{wd + 1}", "set", "SET"
    if g.get("month"):
        return f"XXXX-{_month(m):02d}", "set", "SET"
    if g.get("season"):
        return f"XXXX-{_SEASONS[g['season'].lower()]}", "set", "SET"
    count = _number(g["n"]) if g.get("n") else "1"
    return _duration(count, _unit(g["unit"])), "set", "SET"


def _r_holiday(m: re.Match[str], ctx: _Context) -> Resolved | None:
    name = _g(m, "hol")
    if _g(m, "y"):
        return _holiday(name, int(_g(m, "y"))).isoformat(), "day", "DATE"
    if ctx.base is None:
        return None, "day", "DATE"
    day = _holiday(name, ctx.base.year)
    if ctx.future() and day < ctx.base - timedelta(days=2):
        day = _holiday(name, ctx.base.year + 1)
    elif not ctx.future() and day > ctx.base + timedelta(days=2):
        day = _holiday(name, ctx.base.year - 1)
    return day.isoformat(), "day", "DATE"


# --- the rules, most specific first (ties between equally long matches go to the earlier) ---
_POD = r"(?P<pod>morning|afternoon|evening|night)"
_RULES: list[tuple[str, re.Pattern[str], Callable[[re.Match[str], _Context], Resolved | None]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _r_iso),
    ("numeric", re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])"), _r_numeric),
    (
        "md_range",
        re.compile(rf"\b{_MD_M}\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>{_Y}))?\b"),
        _r_range,
    ),
    (
        "dm_range",
        re.compile(rf"\b(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+{_M}(?:,?\s+(?P<y>{_Y}))?(?![\w-])"),
        _r_range,
    ),
    (
        "weekday_md",
        re.compile(
            rf"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+{_MD_M}\s+{_DAY}(?:,?\s+(?P<y>{_Y}))?\b"
        ),
        _r_day,
    ),
    ("md", re.compile(rf"\b{_MD_M}\s+{_DAY}(?:,?\s+(?P<y>{_Y}))?\b(?!\s*[-–]\s*\d|,\d|\d)"), _r_day),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_M}(?:,?\s+(?P<y>{_Y}))?(?![\w-])"), _r_day),
    (
        "ordinal_day",
        re.compile(
            r"\b[Tt]he\s+(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)(?:\s+of\s+(?P<rel>this|last|next)\s+month)?"
            r"(?=\s*[,.;:)]|\s*$|\s+(?:of\s+(?:this|last|next)\s+month|at|when|and|to|in|as)\b)"
        ),
        _r_ordinal_day,
    ),
    ("since_my", re.compile(rf"\bsince\s+{_M}\s+(?P<y>{_Y})\b"), _r_month_year),
    ("my", re.compile(rf"\b{_M}\s+(?:of\s+)?(?P<y>{_Y})\b"), _r_month_year),
    ("m_rel_year", re.compile(rf"\b{_M}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"), _r_month_year),
    (
        "rel_month",
        re.compile(rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Tt]his\s+past|earlier\s+in)\s+{_M}(?!\s+\d)"),
        _r_month,
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?P<rel>last|this|next|this\s+past|the)\s+)?(?:(?P<el>early|late)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
            rf"(?:\s+of\s+(?:{_SPOKEN_YEAR}|(?P<y>{_Y})))?\b",
            re.I,
        ),
        _r_season,
    ),
    (
        "season_year",
        re.compile(
            rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?P<y>{_Y})\b(?P<rel>)(?P<el>)(?P<spoken>)"
        ),
        _r_season,
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:(?i:the)\s+)?(?:(?i:fiscal|calendar)\s+)?(?:(?:(?P<rely>(?i:last|this|next))\s+year's|(?P<yy>"
            + _Y
            + r")'s)\s+)?"
            r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final))[- ](?:(?i:fiscal)\s+)?(?i:quarter)"
            rf"(?:\s+of\s+(?:(?i:fiscal|calendar)\s+)?(?:(?i:the\s+)?(?i:year\s+)?)?(?P<y>{_Y}))?(?!-\w)"
        ),
        _r_quarter,
    ),
    (
        "half",
        re.compile(
            r"\b(?i:the)\s+(?P<ord>(?i:first|second|last))\s+(?i:half)(?:\s+of\s+(?:(?i:fiscal|the)\s+)?(?:(?P<y>"
            + _Y
            + r")|(?i:the\s+year)))?\b"
        ),
        _r_half,
    ),
    (
        "the_quarter",
        re.compile(
            r"\b(?i:the)\s+(?:(?i:latest|most\s+recent|recent|just-ended|just\s+ended|comparable|corresponding|year-ago|year-earlier)\s+)*"
            rf"(?:(?P<y>{_Y})\s+)?(?:(?i:first|second|third|fourth|fiscal)\s+)?(?i:quarter)\b(?!\s+of\b|-)"
            r"(?:\s+(?i:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?"
        ),
        _r_the_quarter,
    ),
    (
        "the_period",
        re.compile(
            r"\b(?i:the)\s+(?:(?:(?i:latest|most\s+recent|just-ended|comparable|corresponding|same|year-ago|year-earlier)|(?P<y>"
            + _Y
            + r"))\s+)+(?i:period|quarter)\b(?:\s+(?i:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?"
        ),
        _r_the_quarter,
    ),
    (
        "year_quarter",
        re.compile(
            r"\b(?P<rely>(?i:last|this|next))\s+year's\s+(?:(?i:comparable|fiscal)\s+)?(?:(?P<ord>(?i:first|second|third|fourth))[- ])?(?i:quarter|period)\b"
        ),
        _r_the_quarter,
    ),
    ("year_ago_adj", re.compile(r"\b[Yy]ear-(?:ago|earlier)\b"), _r_year_ago),
    (
        "holiday",
        re.compile(
            r"\b(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|"
            rf"Independence\s+Day|Halloween|Valentine's\s+Day)(?:\s+(?P<y>{_Y}))?\b"
        ),
        _r_holiday,
    ),
    ("decade", re.compile(r"\b(?:[Tt]he\s+)?(?:(?:early|late|mid)[- ])?(?P<dec>(?:1[89]|20)\d0)'?s\b"), _r_decade),
    ("decade2", re.compile(r"(?:\b[Tt]he\s+)?(?:(?:early|late|mid)[- ])?'(?P<dec>[0-9]0)s\b"), _r_decade),
    (
        "century",
        re.compile(
            r"\b(?:[Tt]he\s+)?(?P<c>1[0-9]th|2[01](?:st|th)|nineteenth|twentieth|twenty[- ]first|eighteenth)\s+century\b",
            re.I,
        ),
        _r_century,
    ),
    (
        "fiscal_year",
        re.compile(rf"(?:\b(?i:fiscal)\s+(?:(?i:year)\s+)?)(?P<y>{_Y})\b(?P<spoken>)"),
        _r_year,
    ),
    (
        "year",
        re.compile(
            rf"(?<![\w$£€#.,'/])(?:(?<=\d{{4}}-)|(?<=[Mm]id-)|(?<!-))(?P<y>{_Y})(?!\s*%|\s*(?i:percent)|[\w,.]\d|\d|-(?!\d\d\d\d)\w|/)(?P<spoken>)"
        ),
        _r_year,
    ),
    ("year_end", re.compile(r"\b(?:(?i:year)[- ]end|(?i:year's)\s+end)\b(?!-)"), _r_year_end),
    (
        "spoken_decade",
        re.compile(
            r"\b(?i:the)\s+(?:(?:early|late|mid)[- ])?(?P<dec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
        ),
        _r_spoken_decade,
    ),
    ("spoken_year", re.compile(rf"\b(?:[Tt]he\s+year\s+)?{_SPOKEN_YEAR}\b(?P<y>)"), _r_year),
    (
        "past_window",
        re.compile(r"\b(?:in\s+)?the\s+(?:past|last)\s+(?P<n>\d+)\s+(?P<unit>hours|days)\b", re.I),
        _r_past_window,
    ),
    (
        "relday_pod",
        re.compile(r"\b(?P<rel>(?i:yesterday|today|tomorrow|this))\s+" + _POD + r"\b"),
        _r_relday,
    ),
    (
        "relday",
        re.compile(
            r"\b(?P<rel>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night))\b"
        ),
        _r_relday,
    ),
    (
        "clock",
        re.compile(
            r"\b(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[ap]\.m\b)|(?P<word>noon|midnight|midday))"
            r"(?:\s+(?:[A-Z]{2,4}|GMT|local\s+time)\b)?"
            r"(?:,?\s+(?:on\s+)?(?:(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?P<dw>yesterday|today|tomorrow)|"
            r"(?P<cm>January|February|March|April|May|June|July|August|September|October|November|December|"
            r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+(?P<cd>[12]\d|3[01]|0?[1-9])\b))?"
        ),
        _r_clock,
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<prefix>(?i:last|next|this\s+past|this\s+coming|this|coming|the\s+previous))\s+)?"
            + _WD
            + r"(?:\s+"
            + _POD
            + r")?"
        ),
        _r_weekday,
    ),
    (
        "earlier_this",
        re.compile(r"\b(?P<rel>(?i:earlier|later))\s+(?i:this|in\s+the)\s+(?P<unit>(?i:week|month|year))\b"),
        _r_earlier_this,
    ),
    (
        "rel_unit",
        re.compile(
            r"\b(?P<rel>(?i:last|this|next|past|previous|coming|current|this\s+past|the\s+(?:past|last|previous|prior|current|coming|next|following)))\s+"
            r"(?:(?i:fiscal|calendar)\s+)?(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))\b(?!-|\s+(?:old|or)\b)"
        ),
        _r_rel_unit,
    ),
    (
        "the_unit",
        re.compile(
            r"\b(?i:the)\s+(?:(?i:fiscal|full|current\s+fiscal)\s+)?(?P<unit>(?i:year|weekend|week))\b"
            r"(?!-|\s+(?:before|after|earlier|ago|when|that|in\s+which|of\s+(?!the\b)))"
        ),
        _r_the_unit,
    ),
    (
        "ago",
        re.compile(
            r"\b" + _QMOD + rf"(?P<n>{_NUM})\s+{_UNIT}\s+(?P<dir>(?i:ago|earlier|from\s+now|hence))\b(?!\s+than)"
        ),
        _r_ago,
    ),
    ("year_ago", re.compile(r"\b(?i:a\s+year\s+(?:ago|earlier))\b(?!\s+than)"), _r_year_ago),
    (
        "duration",
        re.compile(
            r"\b"
            + _QMOD
            + r"(?:(?i:the)\s+(?:(?i:past|last|next|first|coming|previous|following|final|remaining|last|other|full)\s+)?)?"
            + rf"(?P<n>{_NUM})\s+(?:(?i:more|additional|extra|trading|business|working|straight|consecutive)\s+)?"
            + rf"{_UNIT}(?![\w-])(?!\s+(?:old|of\s+age)\b)"
        ),
        _r_duration,
    ),
    (
        "duration_adj",
        re.compile(r"\b" + _QMOD + rf"(?P<n>{_NUM})-{_UNIT}(?![\w-]|-old)"),
        _r_duration,
    ),
    (
        "bare_units",
        re.compile(
            r"\b(?:for|in|within|over|after|take|took|takes|taking|last|lasted|spent)\s+(?P<t>(?P<unit>(?i:years|months|weeks|decades|hours|minutes|days)))\b"
            r"(?!\s+(?:of|ago|old|before|after|earlier|later)\b)"
        ),
        _r_bare_units,
    ),
    ("decades_long", re.compile(r"\b(?P<unit>(?i:decades|years|months|weeks|days|hours))-long\b"), _r_bare_units),
    (
        "recent_units",
        re.compile(
            r"\b(?:(?i:recent|past|coming)\s+(?:(?i:few)\s+)?(?P<unit>(?i:years|months|weeks|days|decades|quarters))"
            r"|(?i:the)\s+(?P<u2>(?i:years|months|weeks|days))\s+(?i:ahead|to\s+come))\b"
        ),
        _r_vague_units,
    ),
    (
        "set",
        re.compile(
            r"\b(?:(?P<adverb>(?i:daily|nightly|weekly|monthly|hourly|annually|yearly))\b"
            r"|(?i:every|each)\s+(?:(?P<n>"
            + _NUM
            + r")\s+)?(?:"
            + _UNIT
            + r"|"
            + _WD
            + r"|"
            + _M
            + r"|(?P<season>(?i:spring|summer|fall|autumn|winter|season)))"
            r"|(?i:once|twice|three\s+times|four\s+times|several\s+times|(?:\d+|a\s+few)\s+times)\s+(?:a|an|per|each|every)\s+(?P<u2>day|week|month|year)"
            r"|(?P<plural>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)\b"
        ),
        _r_set,
    ),
    (
        "ref",
        re.compile(
            r"\b(?:(?i:(?:right\s+)?now)|(?i:currently)|(?i:more\s+recently)|(?i:at\s+present)|(?i:presently)|(?i:nowadays)|(?i:these\s+days)|(?i:recently)|"
            r"(?i:lately)|(?i:the\s+(?:near\s+|distant\s+)?future)|(?i:the\s+past)|(?i:the\s+present)|(?:(?<=\bin\s)(?i:future)))\b"
            r"(?!-)"
        ),
        _r_ref,
    ),
    (
        "ref_adj",
        re.compile(
            r"\b(?i:current|recent)\b(?=\s+(?!account|accounts|affairs|events|account's|flows?|carrying|of\b)[a-z])"
        ),
        _r_ref,
    ),
    (
        "month",
        re.compile(rf"(?:(?<=[Mm]id-)|(?<=[Ll]ate-)|(?<=[Ee]arly-)|(?<![\w-])){_M}(?![\w-])"),
        _r_month,
    ),
]


# A modifier before a date extends its extent, as TimeML's mod attribute reads it: "late November",
# "the end of 1989", "mid-1990", "early next year".
_MODIFIER = re.compile(
    r"(?:\b(?:[Tt]he\s+)?(?:(?:very\s+)?(?:[Ee]arly|[Ll]ate)|[Tt]he\s+(?:end|beginning|start|middle|close|turn|rest)\s+of(?:\s+the)?|"
    r"(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s+of)\s+|\b(?:[Mm]id|[Ll]ate|[Ee]arly)-)$"
)
_REJECT_AFTER_YEAR = re.compile(
    r"\s+(?:people|persons|shares|troops|soldiers|men|women|children|votes|units|tons|tonnes|barrels|miles|km|"
    r"kilometers|kilometres|meters|metres|feet|points|jobs|employees|workers|members|homes|cars|acres|pounds|"
    r"dollars|yen|euros|copies|deaths|rounds|residents|families|refugees|vehicles|cases|students|delegates)\b"
)


def _acceptable(kind: str, m: re.Match[str], text: str) -> bool:
    """Guards that need the surrounding text: "May" as a verb, counts that look like years."""
    groups = m.groupdict()
    if (
        groups.get("month") == "May"
        and kind in ("md", "dm", "month", "weekday_md", "md_range", "dm_range", "set")
        and _may_is_verb(text, m)
    ):
        return False
    if kind == "year" and _REJECT_AFTER_YEAR.match(text, m.end()):
        return False
    if kind == "year" and re.search(
        r"(?:\b(?:No|no|Nos|number|Number|Flight|flight|Room|room)\.?\s*|[#$])$",
        text[max(0, m.start() - 8) : m.start()],
    ):
        return False
    if kind == "duration" and groups["unit"].lower().startswith("second") and groups["n"].lower() in ("a", "an"):
        return False  # "a second attack"
    if kind == "duration" and groups["unit"].lower() == "second" and groups["n"].lower() not in ("one", "1"):
        return False  # "the 1988 second quarter"
    if kind == "duration" and groups.get("n") and groups["n"].strip().lower() in ("a", "an", "some", "many"):
        before = text[max(0, m.start() - 20) : m.start()].lower()
        if re.search(r"(?:times|once|twice|per|cents?|%|percent|\d|dollars?|yen)\s*$", before):
            return False
    return not (kind == "ref" and m.group(0).lower() == "now" and re.match(r"\s*-", text[m.end() :]))


def _may_is_verb(text: str, m: re.Match[str]) -> bool:
    """ "May" is the month only next to a day number or after a preposition ("in May")."""
    start = m.start("month")
    end = m.end("month")
    if re.match(r"\s*\d", text[end : end + 4]) or re.search(r"\d\s*$", text[max(0, start - 4) : start]):
        return False
    before = text[max(0, start - 12) : start].split()
    preposition = bool(before) and before[-1].lower() in _MONTH_PREPOSITIONS
    return not preposition


def extract_times(text: str, base: date | None) -> list[TimeExpr]:
    """Time expressions in ``text`` resolved against ``base`` (None: unresolved relative ones).

    Every rule proposes its matches; the longest win, then the earlier rule; what is kept is
    resolved in text order so that "a year ago" can read the quarter the text is about.
    """
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    for priority, (kind, pattern, _) in enumerate(_RULES):
        extent = "t" if "t" in pattern.groupindex else 0  # a rule may match more context than it tags
        for m in pattern.finditer(text):
            if m.end() > m.start() and _acceptable(kind, m, text):
                candidates.append((m.start(extent), m.end(extent), priority, kind, m))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    chosen: list[tuple[int, int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    probe = _Context(base, text)
    for cand in candidates:
        start, end, priority, kind, m = cand
        if any(s < end and start < e for s, e in taken):
            continue
        probe.start, probe.end = start, end
        if _RULES[priority][2](m, probe) is None:
            continue
        taken.append((start, end))
        chosen.append(cand)
    found: list[TimeExpr] = []
    ctx = _Context(base, text)
    for start, end, priority, kind, m in sorted(chosen, key=lambda c: c[0]):
        ctx.start, ctx.end = start, end
        resolved = _RULES[priority][2](m, ctx)
        if resolved is None:
            continue
        value, precision, timex_type = resolved
        if kind == "quarter" and value:  # what "the quarter", "a year ago" refer back to
            ctx.quarter = (int(value[:4]), int(value[-1]))
            if "-" in text[start:end] and text[start:end].lower().startswith("the "):
                start += 4  # TimeML: "the third-quarter results" tags the adjective alone
        start = _extend(text, start, precision, timex_type, found)
        found.append(TimeExpr(start, end, text[start:end], value, precision, timex_type))
    return found


def _extend(text: str, start: int, precision: str, timex_type: str, found: list[TimeExpr]) -> int:
    """Take a modifier before a date into its extent ("late November", "the end of 1989").

    Not before a day: TimeML leaves "early" out of "early Friday morning".
    """
    if timex_type not in ("DATE", "TIME") or precision in ("ref", "range", "day", "time"):
        return start
    floor = found[-1].end if found else 0
    window = text[max(floor, start - 30) : start]
    m = _MODIFIER.search(window)
    return start - (len(window) - m.start()) if m else start
