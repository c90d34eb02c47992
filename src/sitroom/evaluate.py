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


def bcubed(system: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item → cluster label) against gold."""
    items = sorted(gold)
    by_system: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for item in items:
        by_system.setdefault(system[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        mine, truth = by_system[system[item]], by_gold[gold[item]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(system: dict[str, str | None], gold: dict[str, str | None]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of "same group" (None: in no group)."""
    items = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_gold = gold[a] is not None and gold[a] == gold[b]
            same_system = system[a] is not None and system[a] == system[b]
            tp += same_gold and same_system
            fp += same_system and not same_gold
            fn += same_gold and not same_system
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
