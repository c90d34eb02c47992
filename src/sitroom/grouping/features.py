"""What grouping compares articles by: event date, names across scripts, words, meaning.

* The event date: the date the lead reports (resolved against the publication date, own
  or inherited from the article's family), else the publication date; for undated pages,
  the latest full date the text states (marked as an estimate).
* Anchors: proper names and numbers reduced to a consonant skeleton of their ASCII
  transliteration, so Idlib, Идлиб and إدلب, Shoigu and Шойгу, meet ("dlb", "shg").
* Words of the title and lead, for a TF-IDF comparison within a language.
* A MiniLM sentence embedding of the title and lead, for English.
* Counts of people stated anywhere in the text ("33 soldiers"), which date an undated page
  by the dated reports stating the same toll.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from anyascii import anyascii

from sitroom.clean.patterns import STOPWORDS
from sitroom.grouping.concepts import concepts
from sitroom.grouping.counts import counts
from sitroom.model import Article
from sitroom.nlp.when import day_month, lead_event_date, text_dates

LEAD_PARAGRAPHS = 3
LEAD_CHARS = 900
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_VOWELS = str.maketrans("", "", "aeiouyw'’")
MIN_SKELETON = 3
# A date the text states (for an undated page) is the event's date give or take this.
TEXT_DATE_UNCERTAINTY = 10


@dataclass(slots=True)
class Doc:
    article_id: str
    language: str | None
    outlet: str | None
    title: str
    lead: str
    published: date | None
    event_date: date | None  # a day the article dates its event to, when it does
    date_basis: str  # "lead", "published", "text", "month", "year", "none"
    year: int | None
    when: date | None = None  # best guess of the event's date, within ± ``uncertainty`` days
    uncertainty: int = 0
    anchors: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    embedding: np.ndarray | None = None
    # Concepts named in the title and lead, in any language (see concepts.py).
    concepts: Counter[str] = field(default_factory=Counter)
    # For an undated page: the first day and month its lead states without a year, "MM-DD".
    day_month: str | None = None
    # Counts of people the page states anywhere ("33:military"; see counts.py).
    counts: list[str] = field(default_factory=list)
    # What the lead reports: [kind of happening, lat, lon] of its first events (lat and lon
    # None unless placed at a town), read from the facts (see grouping.stage).
    lead_events: list[list] = field(default_factory=list)


def skeleton(token: str) -> str:
    return anyascii(token).lower().translate(_VOWELS)


def _anchor_tokens(text: str, latin: bool) -> list[str]:
    out = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token.isdigit():
            if len(token) <= 4:
                out.append(sys.intern(f"#{token}"))
            continue
        # In Latin, Cyrillic and Greek scripts names are capitalised; Arabic has no case,
        # so every longer word may be a name there.
        if (token[0].isupper() and len(token) >= 3) or (not latin and not token[0].isupper() and len(token) >= 4):
            if token.lower() in STOPWORDS:
                continue
            key = skeleton(token)
            if len(key) >= MIN_SKELETON:
                out.append(sys.intern(key))
    return out


def bag_of_words(text: str) -> Counter[str]:
    """Lower-cased words of three letters or more, stopwords left out.

    Words are interned: a hundred thousand articles' bags then share one string per
    distinct word instead of holding millions of copies.
    """
    return Counter(
        sys.intern(w) for w in (token.lower() for token in _TOKEN.findall(text)) if len(w) >= 3 and w not in STOPWORDS
    )


def lead_of(article: Article) -> str:
    text = "\n".join(article.paragraph_texts()[:LEAD_PARAGRAPHS])
    return text[:LEAD_CHARS]


def _iso(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def doc_of(article: Article, inherited: str | None = None) -> Doc:
    """Features of ``article``; ``inherited`` is a publication date from its family."""
    published = _iso(article.published.value if article.published else None) or _iso(inherited)
    lead = lead_of(article)
    title = article.title or ""
    event = lead_event_date(lead, published)
    basis = "lead" if event else ("published" if published else "none")
    event = event or published
    year = event.year if event else None
    when, uncertainty = event, 0
    if event is None:
        stated = text_dates(f"{title}\n{article.body}")
        month = article.published.value if article.published and article.published.precision == "month" else None
        if stated:
            # The latest full date a page states is usually close to when it was written.
            when, uncertainty, basis = max(stated), TEXT_DATE_UNCERTAINTY, "text"
        elif month:
            when, uncertainty, basis = date.fromisoformat(f"{month}-15"), 16, "month"
        # Years merely mentioned ("since 2014", "the 2018 deal") date the past, not the
        # page: on the corpus they put a third of undated pages in the wrong year.
        year = when.year if when else None
    stated_day = day_month(f"{title}\n{lead}") if when is None else None
    latin = (article.language or "en") not in ("ar", "fa", "ur", "ckb", "ps", "he")
    text = f"{title}\n{lead}"
    return Doc(
        article_id=article.id,
        language=article.language,
        outlet=article.outlet,
        title=title,
        lead=lead,
        published=published,
        event_date=event,
        date_basis=basis,
        year=year,
        when=when,
        uncertainty=uncertainty,
        anchors=Counter(_anchor_tokens(text, latin)),
        words=bag_of_words(text),
        concepts=concepts(text),
        day_month=f"{stated_day[0]:02d}-{stated_day[1]:02d}" if stated_day else None,
        counts=counts(f"{title}\n{article.body}"),
    )
