"""Translations of one story: members of its family in another language.

An agency story translated into Arabic or French shares no shingles and no sentences with
its original, so MinHash and alignment never find it; the grouping puts it in the same
event (names, numbers and concepts meet across languages), and here, within each event
holding more than one language, an article in another language than the event's main one
joins the family of the main-language text its lead is closest to in a multilingual
sentence space, when:

* the lead's similarity is at least :data:`TRANSLATION_MIN` (a translation scores
  0.77–0.87 against its original; another outlet's report of the same event in another
  language 0.6–0.7), and ahead of every other family by :data:`TRANSLATION_MARGIN` (two
  wires reporting one statement read alike: then it is nobody's translation);
* both are dated within :data:`MAX_DAYS` of each other, when both are dated;
* their leads share a number when both state numbers (a translation keeps the figures
  and dates; two outlets' accounts of one summit need not).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date

import numpy as np

from sitroom.model import Article

TRANSLATION_MIN = 0.72
TRANSLATION_MARGIN = 0.05
MAX_DAYS = 2
LEAD_CHARS = 900
MAX_EVENT_ARTICLES = 60  # larger event groups are not searched (a story's whole archive)


def lead_text(article: Article) -> str:
    """Title and first paragraphs: what a translation renders most faithfully."""
    return f"{article.title or ''}\n{' '.join(article.paragraph_texts()[:3])}"[:LEAD_CHARS]


_NUMBER = re.compile(r"\d+")


def numbers(text: str) -> set[int]:
    """The numbers a text states, in any script's digits ("١٣" is 13)."""
    return {int(m.group(0)) for m in _NUMBER.finditer(text)}


def _day(article: Article) -> date | None:
    value = article.published.value if article.published else None
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def translation_pairs(
    events: list[list[str]],
    articles: dict[str, Article],
    family_of: dict[str, str],
    embed: Callable[[list[str]], np.ndarray],
) -> list[tuple[str, str]]:
    """(translation, original) pairs found within the event groups."""
    pairs: list[tuple[str, str]] = []
    for members in events:
        present = [a for a in members if a in articles and articles[a].language]
        if len({articles[a].language for a in present}) < 2 or len(present) > MAX_EVENT_ARTICLES:
            continue
        # Only pages in another language than the event's main one look for an original in
        # it: an original's closest translation may be ambiguous between two wires, and
        # must not join them.
        main = Counter(articles[a].language for a in present).most_common(1)[0][0]
        leads = [lead_text(articles[a]) for a in present]
        stated = [numbers(t) for t in leads]
        vectors = embed(leads)
        sims = vectors @ vectors.T
        for i, a in enumerate(present):
            if articles[a].language == main:
                continue
            by_family: dict[str, tuple[float, int]] = {}
            for j, b in enumerate(present):
                if articles[b].language != main or family_of.get(b, b) == family_of.get(a, a):
                    continue
                day_a, day_b = _day(articles[a]), _day(articles[b])
                if day_a and day_b and abs((day_a - day_b).days) > MAX_DAYS:
                    continue
                if stated[i] and stated[j] and not stated[i] & stated[j]:
                    continue
                family = family_of.get(b, b)
                if family not in by_family or sims[i, j] > by_family[family][0]:
                    by_family[family] = (float(sims[i, j]), j)
            ranked = sorted(by_family.values(), reverse=True)
            if not ranked or ranked[0][0] < TRANSLATION_MIN:
                continue
            if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TRANSLATION_MARGIN:
                continue
            pairs.append((a, present[ranked[0][1]]))
    return pairs
