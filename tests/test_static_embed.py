"""The static encoder distilled from MiniLM: the fast path for large batches."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sitroom.nlp import static_embed
from sitroom.nlp.embed import embedder

STRIKE = "Russian jets struck a weapons depot in Idlib on Wednesday, the defence ministry said."
REWORDED = "The defence ministry said Russian warplanes hit an arms depot in Idlib on Wednesday."
PATROL = "Turkish and Russian troops held a joint patrol on the M4 highway on Sunday."
OTHER = "The central bank left interest rates unchanged and signalled cuts later in the year."


@pytest.fixture(scope="module")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> static_embed.StaticEmbedder:
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITROOM_CACHE", str(cache))
        made = static_embed.StaticEmbedder()
        # The distilled table is kept, and a second encoder reads it instead of distilling.
        assert [p.name for p in Path(cache).iterdir()] == [static_embed._table_path().name]
        again = static_embed.StaticEmbedder()
    assert again.fingerprint == made.fingerprint
    return made


def test_static_vectors_rank_texts_as_the_contextual_model_does(encoder: static_embed.StaticEmbedder) -> None:
    strike, reworded, patrol, other = encoder.embed([STRIKE, REWORDED, PATROL, OTHER])
    assert float(strike @ reworded) > float(strike @ patrol) > float(strike @ other)
    contextual = embedder().embed([STRIKE, REWORDED, PATROL, OTHER])
    # Same order of similarities as MiniLM's own for this strike report.
    static_order = np.argsort([float(strike @ v) for v in (reworded, patrol, other)])
    contextual_order = np.argsort([float(contextual[0] @ v) for v in contextual[1:]])
    assert list(static_order) == list(contextual_order)


def test_static_vectors_are_unit_length_and_stable(encoder: static_embed.StaticEmbedder) -> None:
    first = encoder.embed([STRIKE, "", STRIKE])
    assert abs(float(np.linalg.norm(first[0])) - 1.0) < 1e-5
    assert not first[1].any()
    assert np.array_equal(first[0], first[2])
    assert np.array_equal(encoder.embed([STRIKE])[0], first[0])
