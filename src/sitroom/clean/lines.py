"""The flattened-text line classifier.

A crawler that flattens HTML to text leaves one block per line: the article's title
(often repeated), its standfirst, body paragraphs, photo captions (often repeated),
widgets, related-link lists, comment threads and whole other stories. Each line gets one
class: title, standfirst, body, caption, boilerplate or comment. Line-local patterns
decide the obvious cases; the ambiguous ones (a short line without a full stop can be a
headline, a subheading or a one-line paragraph) are decided from their neighbours by
:mod:`sitroom.clean.segment`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sitroom.clean import patterns as P
from sitroom.model import BODY, BOILERPLATE, CAPTION, COMMENT

_BOILERPLATE = P.compile_named(P.BOILERPLATE)
_CAPTION = P.compile_named(P.CAPTION)
_DATE_ONLY = re.compile(
    rf"^(?:(?:published|posted|updated|last updated|first published|date)(?: on| at)?\s*:?\s*)?"
    rf"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{P.MONTHS})\.?,?\s+\d{{4}}|(?:{P.MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
    rf"(?:[\s,|-]+\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{{2,5}}\)?)?)?"
    rf"(?:\s+by\s+[\w .'’-]{{1,60}})?\s*$",
    re.I,
)
# Calendar and counter widgets: lines of one- and two-character tokens ("M T W T F S S").
_TINY_TOKENS_MIN = 4
_TINY_TOKEN_SHARE = 0.8

# A body paragraph is at least this many words when it lacks a full stop (a scraped
# page is often cut mid-sentence); a headline is at most TITLE_MAX_WORDS. Calibrated on
# the seed pages: their longest headline has 12 words, their shortest unpunctuated body
# line 12 (a one-line aside), so the overlap is settled by context, not by length.
BODY_MIN_WORDS_UNPUNCTUATED = 15
BODY_MIN_WORDS = 5
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 220
# A line of at most this many words with no sentence shape is a label or subheading.
LABEL_MAX_WORDS = 3


@dataclass(slots=True)
class Line:
    """One line of a flattened page with what the classifier decided about it."""

    number: int  # 1-based, as the gold annotation counts
    start: int  # offset of the first character in the page text
    end: int  # offset just past the last character (newline excluded)
    raw: str
    text: str  # stripped of surrounding white space
    indent: int
    kind: str = ""  # candidate kind: blank, junk, title?, bullet, body, short
    cls: str = ""  # final class once decided (model.TITLE, BODY, ...)
    detail: str = ""  # why, for removals: "donation appeal", "widget date", ...
    key: str = ""  # normalised text, to spot repeats

    @property
    def words(self) -> int:
        return len(self.text.split())


def normalise(text: str) -> str:
    """Text folded for comparing lines: Unicode-normalised, lower-case, no punctuation."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\W_]+", " ", text)
    return text.strip()


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = offset + lead
        lines.append(
            Line(
                number=number,
                start=start,
                end=start + len(stripped),
                raw=raw,
                text=stripped,
                indent=len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip()),
                key=normalise(stripped),
            )
        )
        offset += len(raw) + 1
    return lines


# Hard-wrapped text (a wire feed cut at a fixed width) is joined back into paragraphs when
# a page shows at least this many breaks inside sentences: one such break is a quirk.
MIN_WRAPS_TO_UNWRAP = 3
_WRAP_MIN_WORDS = 5
_OPEN_END = re.compile(r"[\w,;\-–“\"‘(]$")


def _continues(upper: Line, lower: Line) -> bool:
    return (
        upper.indent == 0
        and lower.indent == 0
        and len(upper.text.split()) >= _WRAP_MIN_WORDS
        and bool(_OPEN_END.search(upper.text))
        and lower.text[:1].islower()
    )


def unwrap(lines: list[Line]) -> list[Line]:
    """Join lines broken inside a sentence (hard wraps, even across one blank line).

    The joined line keeps the first line's number and spans to the end of the last one,
    so page offsets still cover its text; the absorbed lines become blank.
    """
    pairs: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if not line.text:
            continue
        j = i + 1
        if j < len(lines) and not lines[j].text:
            j += 1
        if j < len(lines) and lines[j].text and _continues(line, lines[j]):
            pairs.append((i, j))
    if len(pairs) < MIN_WRAPS_TO_UNWRAP:
        return lines
    for i, j in reversed(pairs):
        upper, lower = lines[i], lines[j]
        upper.text = f"{upper.text} {lower.text}"
        upper.end = lower.end
        upper.key = normalise(upper.text)
        lower.text, lower.key = "", ""
    return lines


def _match(rules: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str:
    for name, pattern in rules:
        if pattern.search(text):
            return name
    return ""


def is_date_line(text: str) -> bool:
    return bool(_DATE_ONLY.match(text) or P.FOREIGN_DATE_LINE.match(text))


def _looks_like_caption(line: Line) -> str:
    name = _match(_CAPTION, line.text)
    if name:
        return name
    if P.CREDIT_TAIL.search(line.text) and not P.SENTENCE_END.search(line.text[:-1].rstrip(" )")) and line.words >= 4:
        credit = P.CREDIT_TAIL.search(line.text).group(0)  # type: ignore[union-attr]
        # A credit names a source in a few capitalised words; a headline's bracket is a tag.
        inner = credit.strip("()[] ")
        if len(inner.split()) <= 6 and inner[:1].isupper():
            return "credit in brackets"
    return ""


def candidate_kind(line: Line) -> None:
    """Set ``kind`` (and for junk ``cls`` and ``detail``) from the line alone."""
    text = line.text
    if not text:
        line.kind = "blank"
        return
    if is_date_line(text):
        line.kind, line.cls, line.detail = "junk", BOILERPLATE, "date line"
        return
    tokens = text.split()
    if len(tokens) >= _TINY_TOKENS_MIN and sum(len(t) <= 2 for t in tokens) / len(tokens) >= _TINY_TOKEN_SHARE:
        line.kind, line.cls, line.detail = "junk", BOILERPLATE, "calendar or counter widget"
        return
    if len(P.HASHTAGS.findall(text)) >= 2 and len(tokens) <= 30:
        line.kind, line.cls, line.detail = "junk", BOILERPLATE, "embedded post"
        return
    name = _match(_BOILERPLATE, text)
    if name and line.words <= 25:
        line.kind, line.cls, line.detail = "junk", BOILERPLATE, name
        return
    caption = _looks_like_caption(line)
    if caption:
        line.kind, line.cls, line.detail = "junk", CAPTION, caption
        return
    if P.COMMENT_LINE.match(text):
        line.kind, line.cls, line.detail = "junk", COMMENT, "comment furniture"
        return
    if P.BULLET.match(text):
        line.kind = "bullet"
        return
    ends = bool(P.SENTENCE_END.search(text))
    words = line.words
    if words >= BODY_MIN_WORDS_UNPUNCTUATED and not ends and words <= TITLE_MAX_WORDS and len(text) <= TITLE_MAX_CHARS:
        # A long line without a full stop: a long headline or a paragraph cut short. It
        # stays a paragraph unless its neighbours make it a headline (see segment).
        line.kind = "title?"
        return
    if words >= BODY_MIN_WORDS_UNPUNCTUATED or (ends and words >= BODY_MIN_WORDS):
        line.kind = "body"
        return
    if (not ends or text.endswith("?")) and 2 <= words <= TITLE_MAX_WORDS and len(text) <= TITLE_MAX_CHARS:
        line.kind = "title?" if words > LABEL_MAX_WORDS or (_is_title_case(text) and words >= 2) else "short"
        return
    line.kind = "short"


def _is_title_case(text: str) -> bool:
    """Most long words capitalised, as headlines in Title Case are."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.7


def is_title_case(text: str) -> bool:
    return _is_title_case(text)


def mark_related_lists(lines: list[Line]) -> None:
    """Headlines listed under a "More on this topic" or "Related" header are links, not text.

    The list runs until a line shaped like a paragraph (a full sentence) or the end of the
    page; the headlines in it are short and have no full stop.
    """
    in_list = False
    for i, line in enumerate(lines):
        if line.kind == "junk" and line.detail == "related links":
            in_list = True
            continue
        if not in_list or line.kind in ("blank", "junk"):
            continue
        if _link_shaped(line) and not _body_follows(lines, i):
            line.kind, line.cls, line.detail = "junk", BOILERPLATE, "related links"
        else:
            in_list = False


# A question headline in a list of links is at most this long.
_LINK_MAX_WORDS = 14


def _link_shaped(line: Line) -> bool:
    """Shaped like a linked headline: short, and no full stop (a question mark is allowed)."""
    if line.kind in ("title?", "short"):
        return True
    return (
        line.kind == "body"
        and line.words <= _LINK_MAX_WORDS
        and (line.text.endswith("?") or not P.SENTENCE_END.search(line.text))
    )


# A headline is followed by its article within this many non-blank lines (byline, date
# and caption lines may stand between); a link in a list is not.
_HEADLINE_REACH = 4


def _body_follows(lines: list[Line], index: int) -> bool:
    seen = 0
    for line in lines[index + 1 :]:
        if line.kind == "blank":
            continue
        if line.kind == "body" and not _link_shaped(line):
            return True
        seen += 1
        if seen >= _HEADLINE_REACH or line.kind in ("title?", "short", "bullet"):
            return False
    return False


# Share of a bulleted list's items that end as sentences for it to be the article's own
# list; a footnote mark after the full stop ("... continued to be restricted.*") is not
# part of the sentence.
BULLET_SENTENCE_SHARE = 0.8
_FOOTNOTE_MARKS = "*†‡¹²³⁴⁵"


def _bulleted_text(lines: list[Line], index: int) -> bool:
    """Whether the indented bullets from ``index`` on are the article's own list (a report's
    summary points): every item a full sentence, and none of a thread's furniture among
    them (commenter names, "Reply", "3 hours ago", "X says:")."""
    run = []
    for line in lines[index:]:
        if line.kind == "blank":
            continue
        if not P.COMMENT_MARKER.match(line.raw):
            break
        run.append(line)
    sentences = sum(1 for item in run if P.SENTENCE_END.search(item.text.rstrip(_FOOTNOTE_MARKS)))
    return (
        len(run) >= 2
        and all(item.kind in ("body", "bullet") and item.words >= BODY_MIN_WORDS for item in run)
        and sentences >= BULLET_SENTENCE_SHARE * len(run)
        and not any(P.COMMENT_LINE.match(item.text) for item in run)
    )


def mark_comment_thread(lines: list[Line]) -> None:
    """Mark a reader-comment thread: from an indented bullet or number after the article.

    A flattened comment thread keeps the page's indentation: commenter names and their
    text are indented, nested replies more so. Once such a thread has opened (after at
    least one body line), every indented line is a comment, and so is every unindented
    line that is not page furniture.
    """
    seen_body = False
    in_thread = False
    in_list = False  # inside a run of bullets judged to be the article's own list
    for i, line in enumerate(lines):
        if line.kind == "blank":
            continue
        marker = bool(P.COMMENT_MARKER.match(line.raw))
        if not in_thread:
            if line.kind == "body" and line.indent == 0:
                seen_body = True
            in_list = marker and (in_list or _bulleted_text(lines, i))
            opens = marker and not in_list
            if seen_body and (opens or line.detail in P.THREAD_OPENERS):
                in_thread = True
            else:
                continue
        if line.kind == "junk" and line.cls == BOILERPLATE and line.indent == 0:
            continue
        line.kind, line.cls, line.detail = "junk", COMMENT, "reader comment"


__all__ = [
    "BODY",
    "Line",
    "candidate_kind",
    "is_date_line",
    "is_title_case",
    "mark_comment_thread",
    "mark_related_lists",
    "normalise",
    "split_lines",
]
