"""Rewrites of one wire text that share too little to be found as copies.

An outlet that rewrites a wire story keeps its news core: a detail or a quote word for
word (what the strike hit, what the ministry said it was for), wrapped in sentences of
its own. MinHash sees a few shared shingles among hundreds and finds nothing. What gives
the rewrite away is one long verbatim run near the top: outlets reuse their own
background paragraphs across stories, but those come at the end (how the zone was set up,
how many people live there), and independent reports of one event rarely share twenty
words in a row.

Only articles already grouped into one event are compared, so the search stays small.

Some rewrites keep no run at all: a wire story translated by machine ("the official
Anatolia news agency", "Khulosi Akkar") or retold from an agency's interview. What they
keep is the credit. An article in no family yet, that credits the same agency as
exactly one family (or other lone article) of its event, on the same day, is a rewrite of
that agency's text (:func:`credited_pairs`). Families already told apart by their text
are never joined by credit: the same agency's morning and evening stories stay two.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from difflib import SequenceMatcher

# A shared run of at least this many words, in a row, marks a rewrite...
MIN_RUN_WORDS = 20
# ...when it starts within this share of one of the two texts (the news, not background).
RUN_WITHIN_SHARE = 0.6
# A shorter run is enough at the very top: a rewrite that opens on the wire's words (its
# lead quote) within its first few words. Figures do not count towards it: the daily
# reports of one monitor open on the same formula, with that day's date and hour.
MIN_LEAD_RUN_WORDS = 12
LEAD_WORDS = 25
# An event's copy families compared pairwise, at most this many (by first id): a wire
# story re-run a thousand times is one family already, and its rewrites are found
# against the first few.
MAX_UNITS = 40

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Word runs indexed to find which families of an event share any run at all: shorter
# than any run that counts (see MIN_LEAD_RUN_WORDS, figures included).
_GRAM = 8


def words(text: str) -> list[str]:
    """Lower-cased words, punctuation and figures' separators dropped."""
    return [w.lower() for w in _WORD.findall(text)]


def rewritten(a: list[str], b: list[str]) -> bool:
    """Whether two texts' words share a run that marks one as a rewrite of the other."""
    if len(a) < MIN_RUN_WORDS or len(b) < MIN_RUN_WORDS:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= MIN_RUN_WORDS and (
            block.a <= RUN_WITHIN_SHARE * len(a) or block.b <= RUN_WITHIN_SHARE * len(b)
        ):
            return True
        run = a[block.a : block.a + block.size]
        if (block.a < LEAD_WORDS or block.b < LEAD_WORDS) and sum(not w.isdigit() for w in run) >= MIN_LEAD_RUN_WORDS:
            return True
    return False


def rewrite_pairs(
    events: Iterable[list[str]], family_of: dict[str, str], text_of: Mapping[str, list[str]]
) -> list[tuple[str, str]]:
    """Pairs of articles (one per pair of copy families) that are rewrites of one text.

    ``family_of`` maps an article to its family's id (articles in no family stand for
    themselves); ``text_of`` gives each article's words. Each family is represented by
    its first member with text.
    """
    pairs = []
    for members in events:
        units: dict[str, str] = {}
        for article_id in sorted(members):
            if article_id in text_of:
                units.setdefault(family_of.get(article_id, article_id), article_id)
        heads = sorted(units.values())[:MAX_UNITS]
        for i, j in sorted(_sharing_a_run(heads, text_of)):
            if rewritten(text_of[heads[i]], text_of[heads[j]]):
                pairs.append((heads[i], heads[j]))
    return pairs


def credited_pairs(
    events: Iterable[list[str]],
    family_of: dict[str, str],
    agencies_of: Mapping[str, set[str]],
    day_of: dict[str, date | None],
) -> list[tuple[str, str]]:
    """Pairs joining a lone article to the one unit of its event crediting its agency.

    A unit is a copy family, or an article in none (not in ``family_of``, which maps
    articles to their family). ``agencies_of`` gives the agencies
    each article credits; ``day_of`` the day each article dates its event to (or None).
    A lone article and a unit match when they share an agency and, if both are dated, a
    unit member is dated to the lone article's day. A lone article matching two families
    (or no family and two lone articles) is left alone: which agency text it retells is
    not known.
    """
    pairs = []
    for members in events:
        lone = sorted(a for a in members if a not in family_of and agencies_of.get(a))
        if not lone:
            continue  # nothing to join: the members' credits need not be read
        units: dict[str, list[str]] = {}
        for article_id in sorted(members):
            units.setdefault(family_of.get(article_id, article_id), []).append(article_id)
        # Each unit's agencies and days, gathered once: an event may hold a wire story
        # re-run a thousand times.
        by_agency: dict[str, list[str]] = {}
        days_of: dict[str, set[date]] = {}
        for unit, ids in units.items():
            for agency in set().union(*(agencies_of.get(i, set()) for i in ids)):
                by_agency.setdefault(agency, []).append(unit)
            days_of[unit] = {d for d in (day_of.get(i) for i in ids) if d is not None}
        for article_id in lone:
            day = day_of.get(article_id)
            candidates = sorted({u for agency in agencies_of[article_id] for u in by_agency.get(agency, ())})
            families: list[str] = []
            others: list[str] = []
            for unit in candidates:
                if unit != article_id and (day is None or not days_of[unit] or day in days_of[unit]):
                    (families if units[unit][0] in family_of else others).append(units[unit][0])
                    if len(families) > 1:
                        break
            # A family it matches settles it; other lone articles count only without one.
            chosen = families or others
            if len(chosen) == 1:
                pairs.append(tuple(sorted((article_id, chosen[0]))))
    return sorted(set(pairs))


def _sharing_a_run(heads: list[str], text_of: Mapping[str, list[str]]) -> set[tuple[int, int]]:
    """Pairs of ``heads`` (by position) sharing enough runs of :data:`_GRAM` words to hold
    a run that counts.

    Any run long enough to mark a rewrite contains one, and checking shared word runs
    through an index costs a lookup per word; aligning every pair of an event's families
    cost a thousand times more on crowded days.
    """
    index: dict[tuple[str, ...], list[int]] = {}
    for k, head in enumerate(heads):
        text = text_of[head]
        for gram in {tuple(text[i : i + _GRAM]) for i in range(len(text) - _GRAM + 1)}:
            index.setdefault(gram, []).append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        if len(holders) > 1:
            shared.update(itertools.combinations(holders, 2))
    # A run of n words holds n - _GRAM + 1 indexed runs: fewer shared means no run counts.
    least = MIN_LEAD_RUN_WORDS - _GRAM + 1
    return {pair for pair, count in shared.items() if count >= least}
