"""Sentence alignment of two texts: what one copy kept, cut, added and reworded.

Sentences are compared after folding case and punctuation. Identical runs are found
first (difflib on the sentence sequence), then sentences inside the gaps between them are
paired when they are close rewrites of each other; what is left over was omitted (in the
reference only) or added (in the copy only). Word-level edits of a changed sentence say
what was replaced ("the Idlib rebel bastion" → "the terrorists' last bastion").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sitroom.nlp.sentences import Sentence

# Two sentences are one sentence reworded when their token-sort similarity (0-100) is at
# least this; calibrated on wire copies where partisan edits swap a phrase or two.
CHANGED_MIN_SIMILARITY = 70
_WORD = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


def sentence_key(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


@dataclass(slots=True)
class Change:
    """One reworded sentence: the reference's, the copy's, and the word edits between them."""

    reference: str
    copy: str
    edits: list[tuple[str, str]]  # (old words, new words); "" for a pure insertion or deletion


@dataclass(slots=True)
class Alignment:
    same: int = 0
    changed: list[Change] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)  # reference sentences missing from the copy
    added: list[str] = field(default_factory=list)  # copy sentences not in the reference

    @property
    def matched(self) -> int:
        return self.same + len(self.changed)


def word_edits(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.split(), new.split()
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            edits.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return edits


def align(
    reference: list[Sentence],
    copy: list[Sentence],
    ref_keys: list[str] | None = None,
    copy_keys: list[str] | None = None,
) -> Alignment:
    """Align a copy's sentences against a reference's.

    ``ref_keys`` and ``copy_keys`` are the sentences' :func:`sentence_key`, when the
    caller keeps them: an article of a crowded family is aligned with many others, and
    folding its sentences again each time was a third of the families step.
    """
    ref_keys = ref_keys if ref_keys is not None else [sentence_key(s.text) for s in reference]
    copy_keys = copy_keys if copy_keys is not None else [sentence_key(s.text) for s in copy]
    result = Alignment()
    matcher = difflib.SequenceMatcher(None, ref_keys, copy_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.same += i2 - i1
            continue
        _pair_gap(reference[i1:i2], ref_keys[i1:i2], copy[j1:j2], copy_keys[j1:j2], result)
    return result


def _pair_gap(
    ref: list[Sentence], ref_keys: list[str], cop: list[Sentence], cop_keys: list[str], result: Alignment
) -> None:
    """Pair reworded sentences inside one gap, in order; the rest is omitted or added."""
    used: set[int] = set()
    last = -1
    for i, key in enumerate(ref_keys):
        best, best_j = 0.0, -1
        for j in range(last + 1, len(cop_keys)):
            if j in used:
                continue
            score = fuzz.token_sort_ratio(key, cop_keys[j])
            if score > best:
                best, best_j = score, j
        if best >= CHANGED_MIN_SIMILARITY:
            used.add(best_j)
            last = best_j
            result.changed.append(Change(ref[i].text, cop[best_j].text, word_edits(ref[i].text, cop[best_j].text)))
        else:
            result.omitted.append(ref[i].text)
    result.added.extend(cop[j].text for j in range(len(cop_keys)) if j not in used)
