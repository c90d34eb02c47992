"""Word-level differences between a reference sentence and its copy, for display.

Whole words are compared (punctuation stays attached), so a changed figure or name shows
as one deleted and one inserted word rather than as scattered characters.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``[(op, text)]`` with op ``same``, ``del`` (only in ``old``) or ``ins`` (only in ``new``)."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("del", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", " ".join(b[j1:j2])))
    return out
