"""Plain records for export: the field names here are a contract read by other tools.

Add fields rather than rename them.
"""

from __future__ import annotations

from typing import Any

from sitroom.model import Article


def article_record(article: Article, source: str, source_id: str | None) -> dict[str, Any]:
    pub = article.published
    return {
        "id": article.id,
        "page_id": article.page_id,
        "index": article.index,
        "source": source,
        "source_id": source_id,
        "outlet": article.outlet,
        "title": article.title,
        "standfirst": article.standfirst,
        "published": pub.value if pub else None,
        "published_precision": pub.precision if pub else None,
        "published_evidence": pub.evidence if pub else None,
        "dateline": article.dateline,
        "language": article.language,
        "author": article.author,
        "body": article.body,
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed],
    }
