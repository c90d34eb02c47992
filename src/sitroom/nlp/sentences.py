"""A fast rule-based sentence splitter with character offsets.

Good enough for aligning copies and for features; the fact extractors may use spaCy's
parser where they need it. Splits after ., ! or ? (and closing quotes) followed by space
and an upper-case letter, a digit or an opening quote, except after common abbreviations
and initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm gov sen rep st mt ft jan feb mar apr jun jul aug sep sept"
    " oct nov dec mon tue tues wed thu thur thurs fri sat sun no vs etc inc ltd co corp u.s u.n e.g i.e approx"
    " dept est jr sr".split()
)
_BOUNDARY = re.compile(r"[.!?…]+['\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9\u0600-\u06FF\u0400-\u042F])")


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text``; offsets are shifted by ``offset`` (e.g. a paragraph's start)."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        end = match.end()
        piece = text[start:end].rstrip()
        if piece:
            sentences.append(Sentence(offset + start, offset + start + len(piece), piece))
        start = end
    piece = text[start:].rstrip()
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        sentences.append(Sentence(offset + start + lead, offset + start + len(piece), piece.strip()))
    return sentences


def article_sentences(body: str) -> list[Sentence]:
    """Sentences of an article body, paragraph by paragraph (never across paragraphs)."""
    out: list[Sentence] = []
    position = 0
    for paragraph in body.split("\n\n"):
        out.extend(split_sentences(paragraph, position))
        position += len(paragraph) + 2
    return out
