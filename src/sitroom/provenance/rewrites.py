"""Rewrites of one wire text that share too little to be found as copies.

An outlet that rewrites a wire story keeps its news core: a detail or a quote word for
word ("store of drones and other weapons that it planned to use in an attack on the
Russian air base at Hmeimim in western Syria"), wrapped in sentences of its own. MinHash
sees a few shared shingles among hundreds and finds nothing. What gives the rewrite away
is one long verbatim run near the top: outlets reuse their own background paragraphs
across stories, but those come at the end ("one of four de-escalation zones created in
Syria by Russia, Iran and Turkey"), and independent reports of one event never share
twenty words in a row.

Only articles already grouped into one event are compared, so the search stays small.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from difflib import SequenceMatcher

# A shared run of at least this many words, in a row, marks a rewrite...
MIN_RUN_WORDS = 20
# ...when it starts within this share of one of the two texts (the news, not background).
RUN_WITHIN_SHARE = 0.6
# An event's copy families compared pairwise, at most this many (by first id): a wire
# story re-run a thousand times is one family already, and its rewrites are found
# against the first few.
MAX_UNITS = 40

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


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
    return False


def rewrite_pairs(
    events: Iterable[list[str]], family_of: dict[str, str], text_of: dict[str, list[str]]
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
        for a, b in itertools.combinations(heads, 2):
            if rewritten(text_of[a], text_of[b]):
                pairs.append((a, b))
    return pairs
