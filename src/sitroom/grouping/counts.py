"""Counts a page states of people, in any language: "33 Turkish soldiers" is ``33:military``.

A toll such as "33 Turkish soldiers killed" is reported, and recalled, with the same
number in every language ("33 جنديا تركيا", "33 tyrkiske soldater"), and a number of
soldiers, children or fighters that is not round is rarely the toll of two happenings
weeks apart. A page that states no date but the toll of a dated happening is of that
happening's time: grouping dates such pages by it (see :mod:`sitroom.grouping.group`).

Only digits count ("six infants" is not read), from 10 up (three soldiers are killed too
often), and never a year, a time, a date or part of a larger number.
"""

from __future__ import annotations

import re

from sitroom.grouping.concepts import word_concept

# Concepts that are people one can count.
COUNTABLE = frozenset({"military", "civilians", "children", "rebels", "terrorists", "government_forces"})
MIN_COUNT = 10
# The counted noun comes within this many words of the number ("33 Turkish soldiers").
NOUN_WINDOW = 3
# Characters read after a number to find its noun.
_AFTER = 80
# A number of two to four digits, not glued to another digit group ("22.02.2020",
# "9:30", "300,000", "1/3"). ``\d`` and ``int`` read any script's decimal digits, so
# "٣٣" is 33.
_NUMBER = re.compile(r"(?<![\d.,:/])\d{2,4}(?![\d]|[.,:/]\d)")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def counts(text: str) -> list[str]:
    """The distinct ``"<number>:<concept>"`` counts stated in ``text``, sorted."""
    out: set[str] = set()
    for match in _NUMBER.finditer(text):
        value = int(match.group(0))
        if value < MIN_COUNT or 1900 <= value <= 2100:
            continue
        after = text[match.end() : match.end() + _AFTER].lower()
        for word in _WORD.findall(after)[:NOUN_WINDOW]:
            concept = word_concept(word)
            if concept in COUNTABLE:
                out.add(f"{value}:{concept}")
                break
    return sorted(out)
