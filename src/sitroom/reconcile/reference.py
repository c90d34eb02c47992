"""Reference dates: the day each article's relative times ("on Wednesday") count from.

An article's publication date is its reference when the page states it to the day. Many
pages do not (scraped copies, aggregators, pages whose date sits in a widget the cleaning
refuses to trust), and without a reference "on Wednesday" resolves to nothing and every
incident of the page is undated. So a reference is estimated from the evidence a coder
would use, in this order, and the evidence is kept with it:

1. the article's own publication date, to the day;
2. the earliest dated copy of its syndication family (a copy is published with its text);
3. the dated reports of its event group (articles about the same happening): their
   median date, to the day when they agree within :data:`GROUP_AGREEMENT_DAYS`, else a
   range (it still places the article in time but does not resolve weekdays);
4. the latest full date (day, month and year) its own text states: a report is written
   on or after the last day it names;
5. nothing: the article stays undated, and so do its incidents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sitroom.model import Article

# Dated reports of one event group further apart than this give a range, not a day.
GROUP_AGREEMENT_DAYS = 2
_FULL_DATE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(slots=True, frozen=True)
class ReferenceDate:
    """``value`` is an ISO day (the middle of the range when ``precision`` is "range"),
    ``earliest``/``latest`` bound it; ``evidence`` says where it came from."""

    value: str
    precision: str  # day or range
    earliest: str
    latest: str
    evidence: str

    @property
    def day(self) -> date | None:
        """The day to resolve relative times against, only when known to the day."""
        return date.fromisoformat(self.value) if self.precision == "day" else None

    def as_dict(self) -> dict[str, str]:
        return {
            "value": self.value,
            "precision": self.precision,
            "earliest": self.earliest,
            "latest": self.latest,
            "evidence": self.evidence,
        }


def _day(value: str | None) -> str | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _own(article: Article) -> str | None:
    pub = article.published
    return _day(pub.value) if pub and pub.precision == "day" else None


def _stated_date(times: list[dict]) -> tuple[str, str] | None:
    """The latest day the text states in full (with its year), and its words."""
    stated = [
        (t["value"][:10], t["text"])
        for t in times
        if t.get("precision") == "day" and _day(t.get("value")) and _FULL_DATE.search(t.get("text") or "")
    ]
    return max(stated) if stated else None


def reference_dates(
    articles: list[Article],
    inherited: dict[str, tuple[str, str]],
    events: list[dict],
    times: dict[str, list[dict]],
) -> dict[str, ReferenceDate]:
    """A reference date for every article that has evidence of one.

    ``inherited`` maps an article to the date its family gives it and the copy it comes
    from; ``events`` are the stored event groups (with ``article_ids``); ``times`` the time
    facts of each article."""
    out: dict[str, ReferenceDate] = {}
    own = {a.id: _own(a) for a in articles}
    for article in articles:
        value = own[article.id]
        if value:
            evidence = f"published {value} ({article.published.evidence if article.published else 'page'})"
            out[article.id] = ReferenceDate(value, "day", value, value, evidence)
            continue
        family = inherited.get(article.id)
        if family and _day(family[0]):
            value = _day(family[0]) or ""
            out[article.id] = ReferenceDate(value, "day", value, value, f"its copy {family[1]} is dated {value}")
    group_of: dict[str, dict] = {}
    for event in events:
        for aid in event["article_ids"]:
            group_of[aid] = event
    # Only dates of the first two kinds date others: an estimate never dates another one.
    firm = dict(out)
    for article in articles:
        if article.id in out:
            continue
        event = group_of.get(article.id)
        if event:
            dated = sorted(firm[a].value for a in event["article_ids"] if a in firm)
            if dated:
                middle = dated[(len(dated) - 1) // 2]
                spread = (date.fromisoformat(dated[-1]) - date.fromisoformat(dated[0])).days
                precision = "day" if spread <= GROUP_AGREEMENT_DAYS else "range"
                evidence = (
                    f"{len(dated)} dated report(s) of its event group {event['id']}, "
                    f"{dated[0]}{' to ' + dated[-1] if dated[-1] != dated[0] else ''}"
                )
                out[article.id] = ReferenceDate(middle, precision, dated[0], dated[-1], evidence)
                continue
        stated = _stated_date(times.get(article.id, []))
        if stated:
            value, words = stated
            out[article.id] = ReferenceDate(
                value, "day", value, value, f"the latest full date its text states: {words!r}"
            )
    return out
