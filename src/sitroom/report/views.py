"""Text views of stored articles for the terminal: a table, and one article in full."""

from __future__ import annotations

import shutil
import textwrap

from sitroom.model import Article


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def articles_table(articles: list[Article]) -> str:
    """One row per article: id, date, outlet, language, size and title."""
    width = shutil.get_terminal_size((120, 20)).columns
    title_width = max(20, width - 20 - 11 - 26 - 4 - 7 - 6)
    header = f"{'id':<20} {'published':<10} {'outlet':<26} {'lang':<4} {'paras':>5}  title"
    rows = [header, "-" * min(width, len(header) + title_width)]
    for a in articles:
        date = a.published.value if a.published else "—"
        title = a.title or f"(untitled) {a.body[:60]}"
        rows.append(
            f"{a.id:<20} {date:<10} {_cut(a.outlet, 26) or '—':<26} {a.language or '?':<4} "
            f"{len(a.paragraphs):>5}  {_cut(title, title_width)}"
        )
    return "\n".join(rows)


def article_view(article: Article, source: str) -> str:
    """The article as a reader sees it, then every removed span and why it was removed."""
    width = min(100, shutil.get_terminal_size((100, 20)).columns)
    pub = article.published
    lines = [
        article.title or "(untitled)",
        "=" * min(width, len(article.title or "(untitled)")),
        f"id: {article.id}   page: {article.page_id}   source: {source}",
        f"outlet: {article.outlet or '—'}   language: {article.language or '?'}   dateline: {article.dateline or '—'}",
        (
            f"published: {pub.value} ({pub.precision}, from {pub.evidence}: {pub.text!r})"
            if pub
            else "published: unknown (the page does not say)"
        ),
    ]
    if article.standfirst:
        lines += ["", *textwrap.wrap(article.standfirst, width)]
    lines.append("")
    for paragraph in article.paragraph_texts():
        lines += [*textwrap.wrap(paragraph, width), ""]
    lines.append(f"Removed ({len(article.removed)}):")
    for span in article.removed:
        where = f"line {span.line}" if span.line else "block"
        lines.append(f"  [{span.reason}] {where}: {_cut(span.text, width - 30)}")
    return "\n".join(lines)
