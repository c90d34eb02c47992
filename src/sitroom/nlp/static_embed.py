"""A static sentence encoder distilled from the pinned MiniLM, for large batches.

The contextual model embeds about 30 lead paragraphs a second on two cores, so 100,000
articles would take the best part of an hour. This encoder gives every WordPiece token
one fixed vector and embeds a text as the weighted mean of its tokens' vectors: about a
hundred times faster, at some cost in quality (see the README's grouping section).

The token vectors come from the same hash-verified ONNX model, not from any other file:
each vocabulary token is run through MiniLM alone (``[CLS] token [SEP]``) and its output
mean-pooled, as the model pools sentences. The table is then centred and its first
principal component removed (what every token shares says nothing about a text), and a
token weighs ``log(1 + rank)`` by its place in the frequency-ordered vocabulary, so "the"
counts little and "ceasefire" much. Distilling takes ~15 s once; the table is cached in
sitroom's cache directory under the model's hash and this recipe's version.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitroom.nlp.embed import _MODEL, DIMENSIONS, Embedder
from sitroom.settings import cache_dir

RECIPE = 1
# Token ids below this are padding, unused slots and single characters; from here on the
# BERT vocabulary is ordered by frequency ("the" is 1996).
FIRST_WORD_ID = 1996
_SPECIAL = (0, 100, 101, 102, 103)  # [PAD], [UNK], [CLS], [SEP], [MASK]
_DISTIL_BATCH = 1024


def _table_path() -> Path:
    return cache_dir() / f"static-minilm-{_MODEL[2][:16]}-r{RECIPE}.npz"


def distil(model: Embedder) -> tuple[np.ndarray, np.ndarray]:
    """Token vectors (vocabulary × 384) and token weights, from the contextual model."""
    size = model.tokenizer.get_vocab_size()
    raw = np.zeros((size, DIMENSIONS), dtype=np.float32)
    for start in range(0, size, _DISTIL_BATCH):
        ids = np.arange(start, min(size, start + _DISTIL_BATCH), dtype=np.int64)
        batch = np.stack([np.full(len(ids), 101), ids, np.full(len(ids), 102)], axis=1)
        raw[ids] = model.hidden(batch, np.ones_like(batch)).mean(axis=1)
    centred = raw - raw.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    top = components[0]
    table = (centred - np.outer(centred @ top, top)).astype(np.float32)
    rank = np.maximum(np.arange(size) - FIRST_WORD_ID + 1, 1).astype(np.float64)
    weights = np.log1p(rank).astype(np.float32)
    weights[list(_SPECIAL)] = 0.0
    return table, weights


class StaticEmbedder:
    """Texts to unit vectors by weighted means of distilled token vectors."""

    def __init__(self) -> None:
        model = Embedder()
        self._tokenizer = model.tokenizer
        path = _table_path()
        if path.is_file():
            with np.load(path) as cached:
                table, weights = cached["table"], cached["weights"]
        else:
            table, weights = distil(model)
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp.npz")
            np.savez(partial, table=table, weights=weights)
            partial.replace(path)
        self._table = table * weights[:, None]
        self.fingerprint = hashlib.sha256(self._table.tobytes()).hexdigest()[:12]

    def embed(self, texts: list[str]) -> np.ndarray:
        """``len(texts) × 384`` float32 unit vectors (a zero vector for an empty text)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for i, encoding in enumerate(self._tokenizer.encode_batch(texts)):
            ids = np.asarray(encoding.ids, dtype=np.int64)
            if not len(ids):
                continue
            vector = self._table[ids].sum(axis=0)
            norm = float(np.linalg.norm(vector))
            if norm > 1e-9:
                out[i] = vector / norm
        return out


@lru_cache(maxsize=1)
def static_embedder() -> StaticEmbedder:
    """The process-wide static encoder."""
    return StaticEmbedder()
