"""Split a flattened page into articles and settle the ambiguous lines.

A page may hold several articles: the one it is about, and stories spilled over from the
site's layout, each with its own title. Sometimes a title is printed after its body (a
layout quirk: body, title, bullet summary, then the next story). The rules:

* A title-shaped line is a title when its context says so: it is repeated on the page,
  it opens the page, bullets (a standfirst) or a dateline follow it, or it is in Title
  Case after a gap. Otherwise it is a one-line paragraph (long enough) or a label.
* A title starts a new article, except a repeat of the current title (collapsed), or a
  title block followed by another title before any body, which belongs to the untitled
  body above it.
* A title block with no body at all is a related-links list, not an article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.clean import patterns as P
from sitroom.clean.dateline import DATELINE
from sitroom.clean.lines import Line, is_title_case
from sitroom.model import BODY, BOILERPLATE, STANDFIRST, TITLE

# A site name or section label has fewer words than this; a headline has at least this many.
HEADLINE_MIN_WORDS = 5
# How far ahead (in non-blank, non-junk lines) a title looks for its first body line.
TITLE_LOOKAHEAD = 6
# Blank or junk lines before a Title Case line that mark it as the start of a new block.
GAP_BEFORE_NEW_BLOCK = 2


@dataclass(slots=True)
class Segment:
    """The lines of one article, by role."""

    title_lines: list[Line] = field(default_factory=list)
    standfirst_lines: list[Line] = field(default_factory=list)
    body_lines: list[Line] = field(default_factory=list)
    junk_lines: list[Line] = field(default_factory=list)

    @property
    def title_key(self) -> str:
        return self.title_lines[0].key if self.title_lines else ""


def _content(lines: list[Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.kind not in ("blank", "junk")]


def _gap_before(lines: list[Line], index: int) -> int:
    gap = 0
    j = index - 1
    while j >= 0 and lines[j].kind in ("blank", "junk"):
        gap += 1
        j -= 1
    return gap if j >= 0 else 99


def _decide_titles(lines: list[Line]) -> None:
    """Turn each ``title?`` candidate into a title, a body line or a label."""
    content = _content(lines)
    position = {index: k for k, index in enumerate(content)}
    counts: dict[str, int] = {}
    for i in content:
        if lines[i].kind in ("title?", "short"):
            counts[lines[i].key] = counts.get(lines[i].key, 0) + 1
    # Before the first body line, only the last headline is the article's title (and its
    # repeats): the ones above it are the site's name, section labels or a masthead.
    first_body = next((k for k, i in enumerate(content) if lines[i].kind == "body"), len(content))
    header = [i for i in content[:first_body] if lines[i].kind == "title?"]
    masthead: set[int] = set()
    if header:
        # Site names and section labels are short; the first headline-length candidate is
        # the title, and a candidate between it and the body is a sub-headline.
        chosen = next((i for i in header if lines[i].words >= HEADLINE_MIN_WORDS), header[-1])
        for i in header:
            if lines[i].key == lines[chosen].key:
                continue
            if i < chosen:
                masthead.add(i)
            elif lines[i].words >= HEADLINE_MIN_WORDS:
                lines[i].kind = "subhead"
            else:
                masthead.add(i)
    seen_body = False
    for i in content:
        line = lines[i]
        if line.kind == "body":
            seen_body = True
            continue
        if line.kind not in ("title?", "short"):
            continue
        if i in masthead and not bullets_after(lines, content, position[i]):
            line.kind, line.cls, line.detail = "junk", BOILERPLATE, "site name or section label"
            continue
        k = position[i]
        ahead = [lines[j] for j in content[k + 1 : k + 1 + TITLE_LOOKAHEAD]]
        nxt = ahead[0] if ahead else None
        body_follows = any(a.kind == "body" for a in ahead)
        repeated = counts.get(line.key, 0) > 1 and line.kind == "title?"
        opens_page = not seen_body and body_follows and line.kind == "title?"
        # Bullets under a headline summarise its article; under a short label after the
        # body has begun ("Summary", "Key points") they are the article's own list.
        bullets_follow = nxt is not None and nxt.kind == "bullet" and not (seen_body and line.kind == "short")
        dateline_follows = nxt is not None and nxt.kind == "body" and bool(DATELINE.match(nxt.text))
        new_block = (
            body_follows
            and _gap_before(lines, i) >= GAP_BEFORE_NEW_BLOCK
            and (is_title_case(line.text) or _topic_shift(lines, content, k))
        )
        if repeated or opens_page or bullets_follow or (dateline_follows and line.kind == "title?") or new_block:
            line.kind = "title"
        elif line.words >= P_BODY_MIN_WORDS and _beside_body(lines, i):
            line.kind = "body"
            seen_body = True
        else:
            line.kind, line.cls, line.detail = "junk", BOILERPLATE, "heading or label"


P_BODY_MIN_WORDS = 6  # an unconfirmed title-shaped line this long is a one-line paragraph


def _beside_body(lines: list[Line], index: int) -> bool:
    """Whether the nearest non-blank line above or below is running text.

    A one-line paragraph sits among paragraphs; a tagline or label sits among page
    furniture ("Back to top", share buttons) and is furniture too.
    """
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(lines) and lines[j].kind == "blank":
            j += step
        if 0 <= j < len(lines) and lines[j].kind in ("body", "title?", "bullet"):
            return True
    return False


# A new story starts after a gap when the paragraph after the headline shares less than
# this share of its content words with the paragraphs before it (same-story paragraphs of
# the seeds share 0.25-0.6; a spilled-over story under 0.1).
TOPIC_SHIFT_OVERLAP = 0.15
_TOPIC_WINDOW = 4


def _topic_shift(lines: list[Line], content: list[int], k: int) -> bool:
    """Whether the text after the candidate at ``content[k]`` is about something else."""
    before = [lines[j] for j in content[max(0, k - _TOPIC_WINDOW) : k] if lines[j].kind == "body"]
    after = [lines[j] for j in content[k : k + 2]]
    if not before:
        return False
    words_after = _content_words(after)
    words_before = _content_words(before)
    if not words_after:
        return False
    return len(words_after & words_before) / len(words_after) < TOPIC_SHIFT_OVERLAP


def bullets_after(lines: list[Line], content: list[int], k: int) -> bool:
    return k + 1 < len(content) and lines[content[k + 1]].kind == "bullet"


def segment(lines: list[Line]) -> list[Segment]:
    """Group classified lines into article segments (junk lines go to the nearest one)."""
    _decide_titles(lines)
    segments: list[Segment] = []
    current: Segment | None = None
    pending_junk: list[Line] = []

    def start(title: Line | None) -> Segment:
        seg = Segment()
        if title is not None:
            seg.title_lines.append(title)
        seg.junk_lines.extend(pending_junk)
        pending_junk.clear()
        segments.append(seg)
        return seg

    for line in lines:
        if line.kind == "blank":
            continue
        if line.kind == "junk":
            (current.junk_lines if current is not None else pending_junk).append(line)
            continue
        if line.kind == "title":
            if current is not None and current.title_lines and line.key == current.title_key:
                current.title_lines.append(line)  # a repeated title collapses into the first
                continue
            if (
                current is not None
                and current.title_lines
                and not current.body_lines
                and len(segments) >= 2
                and _belongs_above(current, segments[-2])
            ):
                # body, title, bullets, *title*: the block before belongs to the body above.
                _merge_into_previous(segments)
            current = start(line)
            continue
        if line.kind in ("bullet", "subhead"):
            if current is not None and current.title_lines and not current.body_lines:
                current.standfirst_lines.append(line)
                continue
            line.kind = "body"
        if current is None:
            current = start(None)
        current.body_lines.append(line)
    if current is None and pending_junk:
        current = start(None)
    if (
        len(segments) >= 2
        and segments[-1].title_lines
        and not segments[-1].body_lines
        and _belongs_above(segments[-1], segments[-2])
    ):
        _merge_into_previous(segments)
    return _drop_empty(segments)


# Share of a title block's content words found in a body for the block to be that
# body's own headline and summary (a printed-after-body title). Seed pages: 0.8 for their
# own body, under 0.2 for the next story's.
TITLE_BODY_OVERLAP = 0.5


def _content_words(lines: list[Line]) -> set[str]:
    return {w for line in lines for w in line.key.split() if len(w) >= 4 and w not in P.STOPWORDS}


def _overlap(block: Segment, seg: Segment) -> float:
    words = _content_words(block.title_lines + block.standfirst_lines)
    return len(words & _content_words(seg.body_lines)) / len(words) if words else 0.0


def _belongs_above(block: Segment, above: Segment) -> bool:
    """Whether a bodiless title block is the headline of the body above it."""
    if not above.body_lines:
        return False
    if not above.title_lines:
        return True
    # The body above already has a headline: replace it only when this block fits the
    # body far better (the one above was a masthead that opened the page).
    return _overlap(block, above) >= TITLE_BODY_OVERLAP > _overlap(Segment(title_lines=above.title_lines), above)


def _merge_into_previous(segments: list[Segment]) -> None:
    block = segments.pop()
    target = segments[-1]
    for line in target.title_lines:
        line.kind, line.cls, line.detail = "junk", BOILERPLATE, "site name or section label"
    target.junk_lines.extend(target.title_lines)
    target.title_lines = []
    target.title_lines.extend(block.title_lines)
    target.standfirst_lines.extend(block.standfirst_lines)
    target.junk_lines.extend(block.junk_lines)


def _drop_empty(segments: list[Segment]) -> list[Segment]:
    """Title blocks with no body are related-link lists: their lines become junk."""
    kept: list[Segment] = []
    for seg in segments:
        if seg.body_lines:
            kept.append(seg)
            continue
        for line in seg.title_lines + seg.standfirst_lines:
            line.kind, line.cls, line.detail = "junk", BOILERPLATE, "headline without an article"
        target = kept[-1] if kept else None
        if target is None:
            # Nothing before it: keep the lines for the next article, or for a bare page.
            kept.append(Segment(junk_lines=seg.junk_lines + seg.title_lines + seg.standfirst_lines))
        else:
            target.junk_lines.extend(seg.junk_lines + seg.title_lines + seg.standfirst_lines)
    # A leading junk-only segment hands its lines to the first real article.
    if len(kept) >= 2 and not kept[0].body_lines:
        kept[1].junk_lines[:0] = kept[0].junk_lines
        kept.pop(0)
    for seg in kept:
        for line in seg.title_lines:
            line.cls = TITLE
        for line in seg.standfirst_lines:
            line.cls = STANDFIRST
        for line in seg.body_lines:
            line.cls = BODY
    return kept


__all__ = ["P", "Segment", "segment"]
