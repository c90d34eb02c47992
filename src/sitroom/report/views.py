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


def article_view(article: Article, source: str, reference: dict[str, str] | None = None) -> str:
    """The article as a reader sees it, then every removed span and why it was removed.
    ``reference`` is the date its relative times count from, when one was estimated."""
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
    if reference:
        span = (
            "" if reference["precision"] == "day" else f" (between {reference['earliest']} and {reference['latest']})"
        )
        lines.append(f"reference date: {reference['value']}{span}, from {reference['evidence']}")
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


def families_table(families: list[dict], titles: dict[str, str | None], outlets: dict[str, str | None]) -> str:
    """One block per family: its reference, then each copy with what it cut, added, changed."""
    if not families:
        return "no syndication families yet"
    lines = []
    for family in families:
        ref = family["reference"]
        lines.append(
            f"{family['id']}  ({len(family['members'])} copies)  reference: {outlets.get(ref) or '—'} "
            f"{_cut(titles.get(ref), 70)}"
        )
        for m in family["members"]:
            mark = "*" if m["article_id"] == ref else " "
            credit = "; ".join(m["credit"]) or "no credit given"
            inherited = f"  date from {m['inherited_from']}: {m['inherited_date']}" if m["inherited_date"] else ""
            lines.append(
                f"  {mark} {m['article_id']:<20} {_cut(outlets.get(m['article_id']), 26) or '—':<26} "
                f"same {m['same']:>3}  cut {len(m['omitted']):>3}  added {len(m['added']):>3}  "
                f"changed {len(m['changed']):>3}  [{credit}]{inherited}"
            )
    return "\n".join(lines)


def stories_table(stories: list[dict]) -> str:
    if not stories:
        return "no stories yet: run 'sitroom ingest PATH'"
    rows = [f"{'id':<22} {'from':<10} {'to':<10} {'events':>6} {'arts':>5}  label"]
    for s in stories:
        rows.append(
            f"{s['id']:<22} {s['first_date'] or '—':<10} {s['last_date'] or '—':<10} "
            f"{len(s['event_ids']):>6} {len(s['article_ids']):>5}  {_cut(s['label'], 70)}"
        )
    return "\n".join(rows)


def story_view(story: dict, events: list[dict], articles: dict, families_by_article: dict[str, dict]) -> str:
    """A story side by side: each event, its articles (outlet, date, headline) and copy edits."""
    width = min(120, shutil.get_terminal_size((120, 20)).columns)
    lines = [
        story["label"],
        "=" * min(width, len(story["label"])),
        f"id: {story['id']}   {story['first_date'] or '?'} – {story['last_date'] or '?'}   "
        f"{len(story['article_ids'])} articles, {len(events)} events, outlets: {', '.join(story['outlets']) or '—'}",
    ]
    for event in events:
        lines += [
            "",
            f"■ {event['label']}  ({event['first_date'] or 'undated'}"
            f"{' – ' + event['last_date'] if event['last_date'] and event['last_date'] != event['first_date'] else ''})"
            f"  [{event['id']}]",
        ]
        lines.append(f"  {'outlet':<28} {'published':<10} headline")
        for aid in event["article_ids"]:
            a = articles[aid]
            date = a.published.value if a.published else "—"
            lines.append(f"  {_cut(a.outlet, 28) or '—':<28} {date:<10} {_cut(a.title or a.body, width - 44)}")
            member = families_by_article.get(aid)
            if member and member.get("is_copy"):
                for change in member["changed"][:3]:
                    for old, new in change["edits"][:2]:
                        lines.append(f"      changed: “{_cut(old, 40)}” → “{_cut(new, 40)}”")
                if member["omitted"]:
                    lines.append(f"      cut {len(member['omitted'])} sentence(s) of the reference")
                if member["added"]:
                    lines.append(f"      added {len(member['added'])} sentence(s)")
    return "\n".join(lines)


def facts_view(article: Article, facts: list[dict], skipped_reason: str | None) -> str:
    """The article with each fact marked in the text [like this]¹, then the facts listed."""
    width = min(100, shutil.get_terminal_size((100, 20)).columns)
    lines = [article.title or "(untitled)", f"id: {article.id}   outlet: {article.outlet or '—'}", ""]
    if skipped_reason:
        return "\n".join([*lines, f"not analysed: {skipped_reason}"])
    marked = article.body
    # Sentence-long facts (claims, events) are listed, not bracketed in the text.
    inline = [(n, f) for n, f in enumerate(facts, start=1) if f["kind"] in ("place", "time", "figure")]
    for number, fact in sorted(inline, key=lambda x: -x[1]["span"][0]):
        start, end = fact["span"]
        marked = f"{marked[:start]}[{marked[start:end]}]{number}{marked[end:]}"
    for paragraph in marked.split("\n\n"):
        lines += [*textwrap.wrap(paragraph, width), ""]
    lines.append(f"Facts ({len(facts)}):")
    for number, fact in enumerate(facts, start=1):
        lines.append(f"  {number:>3} {fact['kind']:<6} {_describe(fact)}")
    return "\n".join(lines)


def _describe(fact: dict) -> str:
    if fact["kind"] == "place":
        return (
            f"{fact['text']!r} → {fact['name']} ({fact['country']}) {fact['lat']:.3f}, {fact['lon']:.3f} "
            f"[{fact['precision']}]"
        )
    if fact["kind"] == "time":
        return f"{fact['text']!r} → {fact['value'] or 'unresolved'} [{fact['precision']}]"
    if fact["kind"] == "claim":
        via = " via " + " → ".join(fact["chain"][1:]) if len(fact["chain"]) > 1 else ""
        quote = "quote" if fact["direct"] else "reported"
        return f"{fact['speaker']} {fact['stance']} ({fact['cue']}, {quote}{via}): {_cut(fact['content'], 70)}"
    if fact["kind"] == "event":
        where = fact["place"]["name"] if fact.get("place") else "?"
        when = fact["time"]["value"] if fact.get("time") else "?"
        actors = ", ".join(fact["actors"]) or "unnamed actors"
        return f"{fact['type']} / {fact['sub_type']} [{fact['status']}] {actors} — {where}, {when}"
    if fact["kind"] == "figure":
        parts = [f"{fact['figure']} {fact['qualifier']} {fact['value']}", fact.get("victims") or ""]
        if fact.get("includes"):
            parts.append(f"including {'; '.join(fact['includes'])}")
        if fact.get("source"):
            parts.append(f"— {fact['source']}")
        return " ".join(p for p in parts if p)
    return fact["text"]
