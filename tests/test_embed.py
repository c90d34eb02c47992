"""The sentence embedder: what grouping's wording similarity rests on."""

from __future__ import annotations

import numpy as np

from sitroom.nlp.embed import embedder

STRIKE = "Russian jets struck a weapons depot in Idlib on Wednesday, the defence ministry said."
REWORDED = "The defence ministry said Russian warplanes hit an arms depot in Idlib on Wednesday."
OTHER = "The central bank left interest rates unchanged and signalled cuts later in the year."


def test_a_rewording_is_closer_than_another_topic() -> None:
    strike, reworded, other = embedder().embed([STRIKE, REWORDED, OTHER])
    assert float(strike @ reworded) > float(strike @ other) + 0.3


def test_a_text_gets_one_vector_whatever_it_is_batched_with() -> None:
    alone = embedder().embed([STRIKE])[0]
    long_text = " ".join([OTHER] * 20)
    mixed = embedder().embed([long_text, STRIKE, "", STRIKE])
    assert np.allclose(mixed[1], alone, atol=1e-5)
    assert np.array_equal(mixed[1], mixed[3])
    assert not mixed[2].any()  # an empty text has no direction
    assert abs(float(np.linalg.norm(alone)) - 1.0) < 1e-5
