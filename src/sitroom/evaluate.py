"""Scoring of cleaning against hand annotation in the neutral gold format of the seeds.

The gold marks, per line of a flattened page, which article it belongs to and in what
role. This adapter maps sitroom's articles onto those keys: a line counts as kept body
when it is a body paragraph of the system article matched to the right gold article.
Used by the benchmarks and the acceptance tests, so both score the same way.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sitroom.model import Article


def norm_title(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


@dataclass(slots=True)
class PageScore:
    file: str
    gold_articles: int
    system_articles: int
    body_tp: int = 0
    body_fp: int = 0
    body_fn: int = 0
    titles_right: int = 0
    dates_wrong: list[str] = field(default_factory=list)
    dates_null: int = 0
    leaked: Counter[str] = field(default_factory=Counter)  # gold class of wrongly kept body lines


def _gold_roles(gold_page: dict[str, Any]) -> dict[int, tuple[str, int | None]]:
    roles: dict[int, tuple[str, int | None]] = {}
    for index, article in enumerate(gold_page["articles"]):
        for key, role in (("title_lines", "title"), ("standfirst_lines", "standfirst"), ("body_lines", "body")):
            for number in article.get(key, []):
                roles[number] = (role, index)
    for key, role in (("boilerplate_lines", "boilerplate"), ("comment_lines", "comment"), ("caption_lines", "caption")):
        for number in gold_page.get(key, []):
            roles[number] = (role, None)
    return roles


def score_page(gold_page: dict[str, Any], articles: list[Article]) -> PageScore:
    """Score one page's articles against its gold annotation."""
    roles = _gold_roles(gold_page)
    gold_body = {n: idx for n, (role, idx) in roles.items() if role == "body"}
    score = PageScore(gold_page["file"], len(gold_page["articles"]), len(articles))
    # Match each system article to the gold article sharing most body lines.
    matched: dict[int, int | None] = {}
    for s_index, article in enumerate(articles):
        votes = Counter(gold_body.get(p.line) for p in article.paragraphs if p.line in gold_body)
        matched[s_index] = votes.most_common(1)[0][0] if votes else None
    kept: set[int] = set()
    for s_index, article in enumerate(articles):
        for paragraph in article.paragraphs:
            line = paragraph.line
            if line is None:
                continue
            if line in gold_body and gold_body[line] == matched[s_index]:
                score.body_tp += 1
                kept.add(line)
            else:
                score.body_fp += 1
                score.leaked[roles.get(line, ("unannotated", None))[0]] += 1
    score.body_fn = len(set(gold_body) - kept)
    for s_index, article in enumerate(articles):
        g_index = matched[s_index]
        if g_index is None:
            continue
        gold_article = gold_page["articles"][g_index]
        if norm_title(article.title) == norm_title(gold_article["title"]):
            score.titles_right += 1
        span = gold_article.get("published") or {}
        if article.published is None:
            score.dates_null += 1
        else:
            value = article.published.value
            earliest, latest = span.get("earliest"), span.get("latest")
            lo_ok = earliest is None or value >= earliest[: len(value)]
            hi_ok = latest is None or value <= latest[: len(value)]
            if not (lo_ok and hi_ok):
                score.dates_wrong.append(f"{gold_article['key']}: {value} not in {earliest}..{latest}")
    return score
