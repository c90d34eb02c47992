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


def family_record(family: dict[str, Any]) -> dict[str, Any]:
    """A family with its reference and, per member, what it omitted, added and changed."""
    return {
        "id": family["id"],
        "reference": family["reference"],
        "members": [
            {
                "article_id": m["article_id"],
                "same": m["same"],
                "omitted": len(m["omitted"]),
                "added": len(m["added"]),
                "changed": len(m["changed"]),
                "omitted_sentences": m["omitted"],
                "added_sentences": m["added"],
                "changed_sentences": m["changed"],
                "credit": m["credit"],
                "inherited_date": m["inherited_date"],
                "inherited_from": m["inherited_from"],
            }
            for m in family["members"]
        ],
    }


def group_record(group: dict[str, Any]) -> dict[str, Any]:
    """An event or a story: id, label, date span, places, outlets, members."""
    keys = ("id", "label", "first_date", "last_date", "places", "outlets", "article_ids", "event_ids", "story_id")
    return {k: group[k] for k in keys if k in group}
